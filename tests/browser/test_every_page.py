"""Every page, walked once from each place a reader opens it, with every gate that reads
what the walk saw (one page load per page and place, however many gates):

- as published, on a phone after one visit: the home page opened over http (Debian's nginx
  with the project’s headers, tests/support/browser.py) until the service worker has
  stored the whole edition, then every page by its address with the network off, from the
  worker (the error page, which only a server shows, online); the light palette. Each page
  comes from the worker with its policy header; no Content Security Policy violation, no
  console error, no failed request, no request to any other host (no font, CDN or
  analytics); axe-core finds no WCAG 2.2 A/AA or best-practice violation.
  (tests/browser/test_pwa.py reads the same visit's searches and note tooltips offline.)
- from disk (file://, as the offline zip is read), the dark palette. Nothing asked outside
  the folder, no console error; axe's colour rules find no violation (the palettes differ
  only in colour).
- in both palettes, the footer's text passes contrast, none of it left undecided by axe.

axe-core is evaluated in each page once it has settled, by the browser's debugger, which
the policy does not govern: the pages are walked with their policy enforced. (As an init
script it also ran in every frame, among them the search's iframe from file://, and a
page from disk then sometimes never went quiet.)"""

from __future__ import annotations

import pytest

from ..support import axe
from ..support.browser import LISTEN, READY, Recorder, foreign, html_pages, walk

# What each page reports once settled: axe's findings (the rules given), its policy
# violations, palette, language and whether a service worker is registered.
PROBE = f"""async (options) => {{
  const found = await ({axe.RUN})(options);
  // from file:// the browser refuses workers outright (SecurityError)
  const worker = await navigator.serviceWorker.getRegistration().then((r) => Boolean(r), () => false);
  return {{...found, csp: window.__violations, scheme: document.body.dataset.mdColorScheme,
           lang: document.documentElement.lang, worker}};
}}"""
ERROR_PAGE = "404.html"  # the server's: its addresses are absolute, it is read over http only


def axe_problems(found: dict) -> list[str]:
    return [line for name, seen in found.items() for line in axe.summary(name, seen["violations"])]


@pytest.fixture(scope="module")
def published(browser, site, nginx):
    """Every page as published, read after one visit with the network off (the error page
    online), in the light palette."""
    ctx = browser.new_context(locale="fr-FR", color_scheme="light", service_workers="allow")
    ctx.add_init_script(LISTEN)
    try:
        visit = ctx.new_page()
        recorder = Recorder(visit)
        visit.goto(nginx + "index.html")
        visit.wait_for_selector(READY, timeout=60_000)  # the whole edition is stored
        visit.close()
        online = walk(ctx, nginx, [ERROR_PAGE], PROBE, axe.options(), inject=axe.source())
        ctx.set_offline(True)
        names = [n for n in html_pages(site) if n != ERROR_PAGE]
        seen = walk(ctx, nginx, names, PROBE, axe.options(), inject=axe.source())
    finally:
        ctx.close()
    seen.errors += recorder.errors + online.errors
    seen.failed += recorder.failed
    seen.requests += recorder.requests + online.requests
    seen.found.update(online.found)
    seen.served.update(online.served)
    return seen


@pytest.fixture(scope="module")
def from_disk(browser, site, file_base, nginx):
    """Every page from disk in the dark palette (the error page, which only a server
    shows, from nginx)."""
    # (no worker: none runs from disk, and the error page would store the whole edition)
    ctx = browser.new_context(locale="fr-FR", color_scheme="dark", service_workers="block")
    ctx.add_init_script(LISTEN)
    names = [n for n in html_pages(site) if n != ERROR_PAGE]
    colours = axe.options(axe.COLOUR_RULES)
    try:
        seen = walk(ctx, file_base, names, PROBE, colours, inject=axe.source())
        served = walk(ctx, nginx, [ERROR_PAGE], PROBE, colours, inject=axe.source())
    finally:
        ctx.close()
    return seen, served


def test_walks_cover_every_page(site, published, from_disk):
    disk, served = from_disk
    assert len(html_pages(site)) >= 20
    assert set(published.found) == set(disk.found) | set(served.found) == set(html_pages(site))
    assert {seen["scheme"] for seen in published.found.values()} == {axe.SCHEMES["light"]}
    assert {seen["scheme"] for seen in [*disk.found.values(), *served.found.values()]} == {
        axe.SCHEMES["dark"]
    }
    assert {seen["lang"] for seen in [*published.found.values(), *disk.found.values()]} == {"fr"}


def test_every_page_reads_offline_from_the_worker_after_one_visit(published):
    offline = {name: served for name, served in published.served.items() if name != ERROR_PAGE}
    assert {name: s for name, s in offline.items() if not (s["status"] == 200 and s["worker"])} == {}
    assert {name: s for name, s in published.served.items() if not s["policy"]} == {}
    assert published.failed == []  # (the error page's own 404 is not a request of the walk's)
    assert all(seen["worker"] for seen in published.found.values())  # registered on every page


def test_no_page_reports_a_csp_violation_or_leaves_the_host(published, nginx):
    assert {name: seen["csp"] for name, seen in published.found.items() if seen["csp"]} == {}
    assert published.errors == []
    assert foreign(published.requests, nginx) == []
    assert len(published.requests) > len(published.found)  # assets were recorded too


def test_every_page_from_disk_requests_nothing_outside_the_folder(from_disk, file_base):
    disk, served = from_disk
    assert disk.errors == [] and served.errors == []
    assert foreign(disk.requests, file_base) == []
    assert any(r.endswith("iframe-worker/shim.js") for r in disk.requests)


def test_axe_finds_no_violation_on_any_page(published):
    assert axe_problems(published.found) == []
    # axe really ran its rules on each page, contrast among them
    assert all(len(seen["passes"]) > 20 for seen in published.found.values()), published.found
    assert all("color-contrast" in seen["passes"] for seen in published.found.values())


def test_axe_finds_no_colour_violation_in_the_dark_palette(from_disk):
    disk, served = from_disk
    found = {**disk.found, **served.found}
    assert axe_problems(found) == []
    assert all("color-contrast" in seen["passes"] for seen in found.values()), found


def test_footer_text_meets_contrast_in_both_palettes(published, from_disk):
    """The footer's small text on its tinted band: contrast passed on every page in each
    palette, the copyright line among it, and no footer text left undecided by axe."""
    disk, served = from_disk
    for palette, found in [("light", published.found), ("dark", {**disk.found, **served.found})]:
        undecided = {name: seen["footer"]["undecided"] for name, seen in found.items()}
        assert {name: u for name, u in undecided.items() if u} == {}, palette
        unchecked = [
            n for n, seen in found.items() if not any(".md-copyright" in t for t in seen["footer"]["passed"])
        ]
        assert unchecked == [], (palette, {n: found[n]["footer"] for n in unchecked[:2]})
