"""What Zotero makes of the edition (its translation server, its own translators): the
item the browser connector saves from each page, and what an import of the reference
files gives, field by field (issue 20)."""

from __future__ import annotations

import urllib.request

import pytest
from edition.model import PREAMBULAR

SYMBOL = "A/RES/68/160"
TITLE = "Renforcement de la coopération internationale dans le domaine des droits de l’homme"
GA = [{"name": "Assemblée générale des Nations Unies", "creatorType": "author"}]

# page -> what its item's title names
RESOLUTION_PAGES = {
    "index.html": TITLE,
    "texte-integral.html": TITLE,
    "preambule.html": TITLE,
    "preambule/2.html": f"{TITLE} (préambule, alinéa 2)",
    "dispositif/7.html": f"{TITLE} (paragraphe 7)",
    "dispositif/14.html": f"{TITLE} (paragraphe 14)",
}
EDITION_PAGES = ["analyse.html", "glossaire.html", "documents.html", "a-propos.html"]


def resolution_item(item: dict, title: str, url: str) -> None:
    """The item a reader should get for the resolution or one of its paragraphs (from a
    CSL-JSON import, Zotero writes the date in words)."""
    if item.get("date") == "December 18, 2013":
        item = {**item, "date": "2013-12-18"}
    assert item["itemType"] == "report"
    assert item["creators"] == GA  # one institution, not « Unies, Assemblée générale des Nations »
    assert item["title"] == title
    assert item["reportNumber"] == SYMBOL
    assert item["reportType"] == "Résolution de l’Assemblée générale"  # never « Text »
    assert item["institution"] == "Organisation des Nations Unies"
    assert item["date"] == "2013-12-18"
    assert item["url"] == url
    assert "extra" not in item and not item.get("notes")


@pytest.mark.parametrize("page", list(RESOLUTION_PAGES))
def test_a_resolution_page_saves_one_item_of_the_resolution(saved, published, page):
    base, _ = published
    items = saved(base + page)
    assert len(items) == 1, items
    resolution_item(items[0], RESOLUTION_PAGES[page], base + page)
    assert items[0]["language"] == "fr"


@pytest.mark.parametrize("page", EDITION_PAGES)
def test_an_edition_page_saves_itself_as_a_web_page_never_the_resolution(saved, published, page):
    base, _ = published
    items = saved(base + page)
    assert len(items) == 1, items
    item = items[0]
    assert item["itemType"] == "webpage" and item["url"] == base + page
    assert item["creators"] == []  # the edition is nobody's author of the text
    assert "reportNumber" not in item and SYMBOL not in item.get("title", "")
    assert item["websiteTitle"] == "Résolution 68/160 de l’Assemblée générale"


@pytest.mark.parametrize("name", ["resolution.bib", "resolution.ris", "resolution.csl.json"])
def test_importing_the_whole_file_keeps_the_symbol_and_working_addresses(imported, published, name):
    base, site = published
    items = imported((site / name).read_bytes())
    assert len(items) == 24  # the resolution, then each paragraph
    resolution_item(items[0], TITLE, f"https://undocs.org/fr/{SYMBOL}")
    op7 = next(i for i in items if i["title"].endswith("(paragraphe 7)"))
    resolution_item(op7, f"{TITLE} (paragraphe 7)", base + "dispositif/7.html#op-7")


@pytest.mark.parametrize("extension", ["bib", "ris", "csl.json"])
@pytest.mark.parametrize("anchor", ["pp-2", "op-7"])
def test_a_paragraph_file_imports_as_that_paragraph_alone(imported, published, anchor, extension):
    base, site = published
    items = imported((site / "paragraphes" / f"{anchor}.{extension}").read_bytes())
    assert len(items) == 1, items
    kind, number = anchor.split("-")
    page = f"preambule/{number}.html" if kind == PREAMBULAR else f"dispositif/{number}.html"
    part = f"préambule, alinéa {number}" if kind == PREAMBULAR else f"paragraphe {number}"
    item = items[0]
    resolution_item(item, f"{TITLE} ({part})", f"{base}{page}#{anchor}")
    # the address works: the page is there and holds the paragraph
    with urllib.request.urlopen(item["url"]) as response:
        assert f'id="{anchor}"' in response.read().decode("utf-8")
