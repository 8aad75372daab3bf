"""Browser tier: Playwright for Python driving Debian's Chromium against the built site,
served over http on a free port and opened from file:// (the harness: tests/support/browser.py).

In CI (CI=true) a missing browser is a failure, not a skip."""

from __future__ import annotations

import os

import pytest
from edition.dev.headless import CHROMIUM, CHROMIUM_ARGS
from edition.dev.httpserve import Server

from ..support.browser import CONTEXT, PHONE, SharedContext, new_tab, nginx_serving


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


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """Base URL of the built site served by nginx with the project's configuration."""
    try:
        with nginx_serving(site, tmp_path_factory.mktemp("nginx")) as base:
            yield base
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def file_base(site) -> str:
    """Base URL of the built site opened from disk."""
    return site.as_uri() + "/"


@pytest.fixture
def context(browser, request):
    """A fresh browser context. Service workers run only in tests marked `worker` (the
    offline and policy tests): elsewhere each new context would store the whole edition
    again (about 0.3 s of Chromium's CPU per test) for nothing the test looks at."""
    workers = "allow" if request.node.get_closest_marker("worker") else "block"
    ctx = browser.new_context(**CONTEXT, service_workers=workers)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def shared_context(browser):
    """The desktop context the `page` tests share (one per test process)."""
    shared = SharedContext(browser)
    yield shared
    shared.context.close()


@pytest.fixture(scope="session")
def shared_phone(browser):
    shared = SharedContext(browser, **PHONE)
    yield shared
    shared.context.close()


@pytest.fixture
def phone_page(shared_phone):
    """A tab on a phone (360 px wide, touch), in the shared phone context, left clean (and
    online) for the next test."""
    with shared_phone.tab() as page:
        yield page


@pytest.fixture
def page(request):
    """A tab: a new one in the test's own `context` when it asks for one (or is marked
    `worker`), else the shared context's, left clean for the next test."""
    if "context" in request.fixturenames or request.node.get_closest_marker("worker"):
        page = new_tab(request.getfixturevalue("context"))
        yield page
        page.close()
    else:
        with request.getfixturevalue("shared_context").tab() as page:
            yield page
