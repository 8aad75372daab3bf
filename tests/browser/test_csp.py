"""The strict Content Security Policy, as published: Debian's nginx serves site/ with the
project's own configuration (scripts/publish/nginx.conf and security-headers.conf) on a
free port. Every page carries the headers (on the fingerprinted bundles too: nginx drops
inherited headers in a location with its own) and what needs script still works: search,
note tooltips, copy buttons, the palette. The exports are UTF-8 for the browser. From
file:// the <meta> policy alone applies. That no page reports a single violation is
checked by the every-page walk (test_every_page.py)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest
from edition.site import csp

from ..support.browser import LISTEN
from ..support.search import META, PLACEHOLDER, QUERY, search


def headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as r:
        return {k.lower(): v for k, v in r.headers.items()}


def test_every_response_carries_the_security_headers(site, nginx):
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site).as_posix()
    for name in ["index.html", "dispositif/7.html", bundle, "resolution.json", "resolution.akn.xml"]:
        got = headers(nginx + name)
        policy = got.get("content-security-policy", "")
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], name
        for directive in (
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
        ):
            assert directive in policy, (name, directive)
        for header, value in csp.HEADERS.items():
            assert got.get(header.lower()) == value, (name, header)
    assert "immutable" in headers(nginx + bundle)["cache-control"]


@pytest.mark.parametrize(
    "name, mime",
    [
        ("resolution.txt", "text/plain"),
        ("resolution.json", "application/json"),
        ("resolution.akn.xml", "application/xml"),
    ],
)
def test_exports_are_declared_utf8(nginx, server, name, mime):
    for base in (nginx, server):  # the publishing configuration and scripts/dev.sh serve
        assert headers(base + name)["content-type"] == f"{mime}; charset=utf-8", base


def test_resolution_txt_reads_correctly_in_the_browser(page, nginx, server):
    for base in (nginx, server):
        page.goto(base + "resolution.txt")
        assert "Résolution adoptée" in page.locator("body").inner_text(), base


# over http the service worker's script and its fetches are under the policy too (from
# disk the browser runs no worker)
@pytest.mark.parametrize("where", [pytest.param("nginx", marks=pytest.mark.worker), "file_base"])
def test_scripts_work_under_the_policy(page, request, where):
    """Search (its worker; from disk the iframe-worker's inline script), a note's tooltip,
    a copy button and the palette, with the policy enforced and nothing reported."""
    base = request.getfixturevalue(where)
    page.add_init_script(LISTEN)
    recorder = page.recorder
    page.goto(base + "texte-integral.html")
    page.wait_for_load_state("load")
    if where == "file_base":  # the <meta> policy is the one enforced
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1

    page.hover("a.footnote-ref >> nth=0")
    page.locator(".md-tooltip2--active").wait_for()

    page.evaluate("navigator.clipboard.writeText('(vide)')")
    page.locator("#op-5").get_by_role(
        "button", name="Citer, copier ou partager le paragraphe 5", exact=True
    ).click()
    page.locator("#op-5").get_by_role(
        "button", name="Copier le lien vers le paragraphe 5", exact=True
    ).click()
    assert page.evaluate("navigator.clipboard.readText()").endswith("dispositif/5.html#op-5")
    # the reading view's switch (its state applied by an inline script, hashed in the policy)
    page.get_by_label("Afficher les annotations").check()
    assert page.locator("#op-5 .ed-themes").is_visible()

    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}

    page.locator(QUERY).click()
    page.locator(META).filter(has_text=PLACEHOLDER).wait_for(timeout=15000)
    assert search(page, "Durban")
    time.sleep(0.3)  # a late violation report (the worker's iframe) would arrive by now
    assert page.evaluate("window.__violations") == []
    assert recorder.errors == []


def test_json_ld_is_data_not_script(site):
    """JSON-LD is never executed (and not governed by script-src): it is not hashed, while
    every executable inline script is."""
    page = (site / "dispositif/7.html").read_text(encoding="utf-8")
    assert 'type="application/ld+json"' in page
    bodies = csp.inline_scripts(page)
    assert bodies and all('"@context"' not in b for b in bodies)
    policy = csp.META.search(page)[1]
    assert all(f"'{csp.sha256(b)}'" in policy for b in bodies)


def test_drawer_and_search_are_closed_when_a_page_is_shown_again(page, server):
    """What autocomplete="off" did on Material's toggles: a page restored from history
    (pageshow) never shows the drawer or the search open."""
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    assert page.locator("#__search").get_attribute("autocomplete") is None
    page.evaluate("document.getElementById('__search').checked = true")
    page.evaluate("document.getElementById('__drawer').checked = true")
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate("[__search.checked, __drawer.checked]") == [False, False]


def test_the_material_patches_fail_loudly_when_material_changes():
    """The plugin patches Material's markup where no block override reaches (the search
    dialog's name, the toggles' autocomplete): if an upgrade changed that markup, the build
    fails rather than silently dropping the fix."""
    from edition.site.plugin import EditionPlugin
    from mkdocs.exceptions import PluginError

    for dialog, toggles in ((True, False), (False, True)):
        with pytest.raises(PluginError, match="Material"):
            EditionPlugin._patch_material(
                "<html><body>sans cases</body></html>", "index.md", dialog=dialog, toggles=toggles
            )


def test_nginx_hides_its_version_sends_hsts_and_the_edition_404(nginx):
    """scripts/publish/nginx.conf (issue 21): no version in Server, HSTS on every response,
    pages revalidated (no-cache), a missing address answered 404 with the edition's own
    page, and the Netlify headers file not served."""
    page = headers(nginx + "dispositif/7.html")
    assert page["server"] == "nginx"
    assert page["strict-transport-security"] == "max-age=31536000"
    assert page["cache-control"] == "no-cache"
    assert headers(nginx)["cache-control"] == "no-cache"  # the folder address, index.html
    for missing in ("absente.html", "_headers", "dispositif/99.html"):
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(nginx + missing)
        body = info.value.read().decode("utf-8")
        assert info.value.code == 404 and "Page introuvable" in body and "nginx/" not in body, missing
        assert info.value.headers["Content-Security-Policy"], missing
