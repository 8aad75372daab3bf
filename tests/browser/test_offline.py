"""Read it anywhere (that every page from disk asks nothing outside its folder and logs no
error: test_every_page.py): the unzipped offline copy opens and works (navigation, search, note
tooltips); pages print without navigation and with the addresses of cited documents."""

from __future__ import annotations

import zipfile

import pytest

from ..support.browser import foreign
from ..support.search import META, PLACEHOLDER, QUERY, search

NAME = "A-RES-68-160-fr-hors-ligne.zip"


def visit(page, url: str) -> None:
    page.goto(url)
    page.recorder.settle()


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("hors-ligne")
    with zipfile.ZipFile(site / NAME) as archive:
        archive.extractall(out)
    return (out / NAME.removesuffix(".zip")).as_uri() + "/"


def test_unzipped_copy_opens_navigates_and_searches(page, unzipped):
    visit(page, unzipped + "index.html")
    assert page.title() == "Résolution 68/160 de l’Assemblée générale (A/RES/68/160)"
    # no public address known (no SITE_URL): no dead link to a zip the copy does not hold
    assert page.locator('a[href$=".zip"]').count() == 0
    assert page.locator(".edition-zip-here").inner_text() == (
        "télécharger la copie hors ligne du site (vous lisez déjà cette copie)"
    )
    # the navigation's « Préambule » section opens on its whole preamble and its alinéas
    page.locator(".md-nav--primary label.md-nav__link:visible", has_text="Préambule").first.click()
    page.locator(".md-nav--primary a.md-nav__link:visible", has_text="Le préambule entier").first.click()
    page.wait_for_load_state("load")
    assert page.url == unzipped + "preambule.html"
    assert page.locator("#pp-3").is_visible()
    page.locator(QUERY).click()
    page.locator(META).filter(has_text=PLACEHOLDER).wait_for(timeout=15000)  # worker ready
    search(page, "Durban")
    hrefs = page.locator(".md-search-result__link").evaluate_all("l => l.map(a => a.href)")
    assert all(h.startswith(unzipped) for h in hrefs)
    assert any(h.split("?")[0].split("#")[0].endswith("preambule/3.html") for h in hrefs)
    assert page.recorder.errors == []
    assert foreign(page.recorder.requests, unzipped) == []


def test_footnote_tooltip_from_disk(page, unzipped):
    visit(page, unzipped + "texte-integral.html")
    page.hover("a.footnote-ref >> nth=0")
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for()
    assert "A/CONF.157/24 (Part I), chap. III." in tip.text_content()


def test_theme_switch_from_disk(page, unzipped):
    visit(page, unzipped + "index.html")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


@pytest.mark.parametrize("name", ["texte-integral.html", "dispositif/6.html"])
def test_print_keeps_text_and_notes_and_shows_addresses(page, server, name):
    visit(page, server + name)
    page.emulate_media(media="print")

    def display(selector: str) -> str:
        return page.locator(selector).first.evaluate("e => getComputedStyle(e).display")

    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".ed-menu"):
        assert display(hidden) == "none", hidden
    assert display(".res-para") != "none"
    # addresses are in the appendix, never inside the wording
    assert "https://" in page.locator(".ed-print-appendix").inner_text()
    assert "http" not in page.locator(".res-para").first.inner_text()
    if name == "texte-integral.html":
        assert display(".footnote") != "none"
        assert page.locator(".footnote li").count() == 5
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
