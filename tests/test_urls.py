"""The published addresses (README « URL scheme », À propos « Adresses stables ») keep
working: every page and anchor listed here, as published for A/RES/68/160, exists in the
build and holds what it names. The list is written out on purpose, not derived from the
model: a change of the generator that moved an address must fail here."""

from __future__ import annotations

import json

import pytest

from . import htmltext
from .conftest import ROOT

PREAMBLE = [f"pp-{n}" for n in range(1, 10)]
OPERATIVE = [f"op-{n}" for n in range(1, 15)]
FOOTNOTES = [f"fn:{n}" for n in range(1, 6)]
DOCUMENTS = [
    "a-68-456-add-2",
    "charte-des-nations-unies",
    "a-conf-157-24-part-i",
    "a-res-55-2",
    "a-res-67-169",
    "a-hrc-res-19-33",
    "a-67-53",
    "a-res-66-3",
    "e-cn-4-sub-2-res-2000-22",
    "e-cn-4-2001-2-e-cn-4-sub-2-2000-46",
]
GLOSSARY = [
    "conseil-des-droits-de-l-homme",
    "commission-des-droits-de-l-homme",
    "sous-commission",
    "haut-commissaire",
    "vienne",
    "durban",
    "conference-d-examen-de-durban",
    "declaration-du-millenaire",
    "serie",
]
THEMES = ["cooperation", "principes", "racisme", "dialogue", "crises", "assistance", "mecanismes", "suivi"]

PUBLISHED = (
    [
        "index.html",
        "preambule.html",
        "texte-integral.html",
        "documents.html",
        "themes.html",
        "a-propos.html",
        "resolution.json",
        "resolution.bib",
        "resolution.ris",
        "resolution.csl.json",
        "glossaire.html",
        "assets/images/carte.png",
    ]
    + [f"paragraphes/{a}.json" for a in PREAMBLE + OPERATIVE]
    + [f"glossaire.html#{g}" for g in GLOSSARY]
    + [f"preambule.html#{a}" for a in PREAMBLE]
    + [f"dispositif/{n}.html" for n in range(1, 15)]
    + [f"dispositif/{n}.html#op-{n}" for n in range(1, 15)]
    + [f"texte-integral.html#{a}" for a in PREAMBLE + OPERATIVE + FOOTNOTES]
    + [f"documents.html#{d}" for d in DOCUMENTS]
    + [f"themes.html#{t}" for t in THEMES]
)


@pytest.mark.parametrize("address", PUBLISHED)
def test_published_address_exists(site, address):
    page, _, anchor = address.partition("#")
    assert (site / page).is_file(), address
    if anchor:
        assert anchor in htmltext.ids(site / page), address


def test_paragraph_anchors_hold_their_paragraph(site):
    for page, anchors in [("preambule.html", PREAMBLE), ("texte-integral.html", PREAMBLE + OPERATIVE)] + [
        (f"dispositif/{n}.html", [f"op-{n}"]) for n in range(1, 15)
    ]:
        root = htmltext.load(site / page)
        for anchor in anchors:
            kind, n = anchor.split("-")
            (div,) = root.xpath(f"//*[@id='{anchor}']")
            assert div.get("data-anchor") == anchor
            assert div.get("data-label") == (f"Préambule, alinéa {n}" if kind == "pp" else f"Paragraphe {n}")


def test_resolution_json_publishes_the_same_addresses(site):
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    urls = [p["url"] for p in data["paragraphs"]]
    assert urls == [f"preambule.html#{a}" for a in PREAMBLE] + [
        f"dispositif/{n}.html#op-{n}" for n in range(1, 15)
    ]
    assert [p["full_text_url"] for p in data["paragraphs"]] == [
        f"index.html#{a}" for a in PREAMBLE + OPERATIVE
    ]
    assert [d["url"] for d in data["documents"]] == [f"documents.html#{d}" for d in DOCUMENTS]
    assert list(data["themes"]) == THEMES


def test_the_scheme_is_documented(site):
    about = (site / "a-propos.html").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for pattern in [
        "preambule.html#pp-N",
        "dispositif/N.html",
        "texte-integral.html#op-N",
        "documents.html#",
        "themes.html#",
        "resolution.json",
        "resolution.bib",
        "resolution.ris",
        "resolution.csl.json",
        "paragraphes/op-N.json",
        "glossaire.html#",
    ]:
        assert pattern in about, pattern
        assert pattern in readme, pattern
