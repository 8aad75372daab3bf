"""What a reader's reference manager prints from resolution.csl.json: citeproc-js with the
official styles (OSCOLA, Bluebook inline, Chicago notes in French) and locales (issue 20).
Every style must name the symbol or the Assembly, the full date where the style prints
one, the paragraph once, and never the title twice."""

from __future__ import annotations

import json

import pytest

TITLE = "Renforcement de la coopération internationale dans le domaine des droits de l’homme"


@pytest.fixture(scope="module")
def items(site):
    return json.loads((site / "resolution.csl.json").read_text(encoding="utf-8"))


# the resolution, the resolution at paragraph 7 (a locator), paragraph 7's own item
CITES = [{"id": "A-RES-68-160"}, {"id": "A-RES-68-160", "locator": "7"}, {"id": "A-RES-68-160-op-7"}]


def cites(render, items, style, locale) -> dict:
    return {(r["id"], r["locator"]): r for r in render(items, style, locale, CITES)}


def test_oscola_prints_the_symbol_the_date_and_the_paragraph(render, items):
    """OSCOLA (en-GB): the closest a report item gets to the site's own OSCOLA string
    « UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160, para 7 »."""
    out = cites(render, items, "oscola", "en-GB")
    whole = out[("A-RES-68-160", None)]["note"]
    assert whole.startswith("Assemblée générale des Nations Unies, ‘" + TITLE + "’")
    assert "A/RES/68/160" in whole and "2013" in whole and "https://undocs.org/fr/A/RES/68/160" in whole
    assert "para 7" in out[("A-RES-68-160", "7")]["note"]
    paragraph = out[("A-RES-68-160-op-7", None)]["note"]
    assert paragraph.count(TITLE) == 1 and "(paragraphe 7)" in paragraph and "A/RES/68/160" in paragraph


def test_chicago_in_french_prints_the_full_date_and_the_paragraph(render, items):
    out = cites(render, items, "chicago-notes-bibliography-fr", "fr-FR")
    whole = out[("A-RES-68-160", None)]["note"]
    assert whole.startswith("Assemblée générale des Nations Unies") and f"«\u00a0{TITLE}\u00a0»" in whole
    assert "18 décembre 2013" in whole and "Résolution de l’Assemblée générale" in whole
    assert "paragr. 7" in out[("A-RES-68-160", "7")]["note"]
    paragraph = out[("A-RES-68-160-op-7", None)]
    assert paragraph["note"].count(TITLE) == 1 and "chapitre" not in paragraph["note"]
    assert paragraph["bibliography"].count(TITLE) == 1


def test_bluebook_names_the_assembly_and_the_year(render, items):
    out = cites(render, items, "bluebook-inline", "en-US")
    whole = out[("A-RES-68-160", None)]["note"]
    assert whole.startswith("Assemblée générale des Nations Unies, " + TITLE)
    assert "(2013)" in whole
    assert out[("A-RES-68-160-op-7", None)]["note"].count(TITLE) == 1


def test_every_item_is_one_citation_of_its_own(render, items):
    """The resolution and each paragraph render, in each style, without the title twice."""
    for style, locale in [("oscola", "en-GB"), ("chicago-notes-bibliography-fr", "fr-FR")]:
        results = render(items, style, locale, [{"id": i["id"]} for i in items])
        assert len(results) == len(items) == 24
        for r in results:
            assert r["note"].count(TITLE) == 1, (style, r)
