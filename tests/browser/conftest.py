"""Browser tier: Playwright for Python driving Debian's Chromium against the built site,
served over http on a free port and opened from file://.

In CI (CI=true) a missing browser is a failure, not a skip."""

from __future__ import annotations

import os

import pytest
from edition.headless import CHROMIUM, CHROMIUM_ARGS
from edition.httpserve import Server, free_port  # noqa: F401 (free_port: for the tests)


def pytest_collection_modifyitems(items):
    # every browser test opens the built site (some through request.getfixturevalue, which
    # the building-fixture rule of tests/conftest.py cannot see): slow as well
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium introuvable ({CHROMIUM}) : installez le paquet Debian « chromium »"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site served on a free local port (ready when returned), by the
    project's own quiet server (edition.httpserve, also `scripts/dev.sh serve`)."""
    with Server(site) as httpd:
        yield httpd.base


@pytest.fixture(scope="session")
def file_base(site) -> str:
    """Base URL of the built site opened from disk."""
    return site.as_uri() + "/"


class Recorder:
    """What a page did: console errors and every request it made."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.recorder = Recorder(page)
    yield page
    page.close()


def html_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def visit_all(context, base: str, names: list[str], tabs: int = 6, then: str | None = None):
    """Open every page, each in its own tab, a few tabs at a time so that their quiet
    periods (networkidle: 500 ms without a request) overlap; return (every console error,
    prefixed with its page, every request, and what the expression `then` gives on each
    page once settled, prefixed with its page)."""
    errors, requests, found = [], [], []
    for i in range(0, len(names), tabs):
        opened = []
        for name in names[i : i + tabs]:
            tab = context.new_page()
            opened.append((name, tab, Recorder(tab)))
            tab.goto(base + name, wait_until="commit")
        for name, tab, recorder in opened:
            # a loaded two-core machine (CI) can take longer than Playwright's 30 s default
            tab.wait_for_load_state("networkidle", timeout=120_000)
            errors += [f"{name}: {e}" for e in recorder.errors]
            requests += recorder.requests
            if then:
                found += [f"{name}: {item}" for item in tab.evaluate(then)]
            tab.close()
    return errors, requests, found
