"""The published addresses (scripts/edition/README.md « URL scheme », À propos « Adresses stables ») keep
working: every page and anchor listed here, as published for A/RES/68/160, exists in the
build and holds what it names. The list is written out on purpose, not derived from the
model: a change of the generator that moved an address must fail here."""

from __future__ import annotations

import json
import re

import pytest
from edition.model import PREAMBULAR, urls

from .support import htmltext
from .support.paths import ROOT

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
        "analyse.html",
        "themes.html",
        "glossaire.html",
        "a-propos.html",
        "resolution.json",
        "resolution.schema.json",
        "resolution.akn.xml",
        "resolution.txt",
        "resolution.bib",
        "resolution.ris",
        "resolution.csl.json",
        "assets/images/carte.png",
        "A-RES-68-160-fr-hors-ligne.zip",
        "analyse.html#plan",
        "analyse.html#verbes",
        "index.html#plan",
        "index.html#verbes",
    ]
    + [f"index.html#{a}" for a in PREAMBLE + OPERATIVE + FOOTNOTES]
    + [f"paragraphes/{a}.json" for a in PREAMBLE + OPERATIVE]
    + [f"paragraphes/{a}.{x}" for a in PREAMBLE + OPERATIVE for x in ("bib", "ris", "csl.json")]
    + [f"glossaire.html#{g}" for g in GLOSSARY]
    + [f"preambule.html#{a}" for a in PREAMBLE]
    + [f"preambule/{n}.html" for n in range(1, 10)]
    + [f"preambule/{n}.html#pp-{n}" for n in range(1, 10)]
    + [f"dispositif/{n}.html" for n in range(1, 15)]
    + [f"dispositif/{n}.html#op-{n}" for n in range(1, 15)]
    + [f"texte-integral.html#{a}" for a in PREAMBLE + OPERATIVE + FOOTNOTES]
    + [f"documents.html#{d}" for d in DOCUMENTS]
    + [f"analyse.html#{t}" for t in THEMES]
    + [f"themes.html#{t}" for t in THEMES]
)


def table(markdown: str, heading: str) -> dict[str, list[str]]:
    """The first table under `heading`: first cell -> the `code` spans of the last cell."""
    section = markdown.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    out = {}
    for line in rows[2:]:  # after the header and the |---| line
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        out[cells[0]] = re.findall(r"`([^`]+)`", cells[-1])
    return out


def test_the_readme_table_is_the_url_module():
    """The design guide's « URL scheme » (scripts/edition/README.md) lists exactly edition.urls.PUBLISHED: every address pattern
    the module publishes, under its name, and nothing else."""
    readme = table((ROOT / "scripts" / "edition" / "README.md").read_text(encoding="utf-8"), "## URL scheme")
    assert readme == {what: addresses.split(", ") for what, addresses in urls.PUBLISHED.items()}


def test_the_about_page_lists_the_same_addresses():
    """À propos « Adresses stables » (for readers, in French, generated) lists the same
    patterns, the offline copy named for the resolution."""
    import lxml.html

    page = (ROOT / "docs" / "a-propos.md").read_text(encoding="utf-8")
    section = page.split("## Adresses stables", 1)[1].split("\n## ", 1)[0]
    rows = lxml.html.fromstring(section).xpath("//table//tbody/tr")
    listed = [code.text_content() for row in rows for code in row.xpath("./td[2]/code")]
    published = [a for addresses in urls.PUBLISHED.values() for a in addresses.split(", ")]
    assert len(rows) == len(urls.PUBLISHED) and sorted(listed) == sorted(published)


def test_every_literal_address_is_a_published_pattern():
    """The literal list above and the module agree: each address here is one of the
    module's patterns with N, <slug>, <theme> or <entry> filled in, and each pattern has
    at least one address here."""
    patterns = [a for addresses in urls.PUBLISHED.values() for a in addresses.split(", ")]

    def regex(pattern: str) -> re.Pattern:
        text = re.escape(pattern)
        for name in ("<slug>", "<theme>", "<entry>"):
            text = text.replace(re.escape(name), "[a-z0-9-]+")
        return re.compile(text.replace("N", r"\d+"))

    addresses = {p: regex(p) for p in patterns}
    pages = {regex(p.partition("#")[0]) for p in patterns}  # a page, without an anchor
    unmatched = [a for a in PUBLISHED if not any(r.fullmatch(a) for r in [*addresses.values(), *pages])]
    assert unmatched == []
    unused = [p for p, r in addresses.items() if not any(r.fullmatch(a) for a in PUBLISHED)]
    assert unused == []


@pytest.mark.parametrize("address", PUBLISHED)
def test_published_address_exists(site, address):
    page, _, anchor = address.partition("#")
    assert (site / page).is_file(), address
    if anchor:
        assert anchor in htmltext.ids(site / page), address


def test_paragraph_anchors_hold_their_paragraph(site):
    for page, anchors in [
        ("preambule.html", PREAMBLE),
        ("index.html", PREAMBLE + OPERATIVE),
        ("texte-integral.html", PREAMBLE + OPERATIVE),
    ] + [(f"dispositif/{n}.html", [f"op-{n}"]) for n in range(1, 15)]:
        root = htmltext.load(site / page)
        for anchor in anchors:
            kind, n = anchor.split("-")
            (div,) = root.xpath(f"//*[@id='{anchor}']")
            assert div.get("data-anchor") == anchor
            assert div.get("data-label") == (
                f"Préambule, alinéa {n}" if kind == PREAMBULAR else f"Paragraphe {n}"
            )


def test_resolution_json_publishes_the_same_addresses(site):
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    urls = [p["url"] for p in data["paragraphs"]]
    assert urls == [f"preambule/{n}.html#pp-{n}" for n in range(1, 10)] + [
        f"dispositif/{n}.html#op-{n}" for n in range(1, 15)
    ]
    assert [p["full_text_url"] for p in data["paragraphs"]] == [
        f"index.html#{a}" for a in PREAMBLE + OPERATIVE
    ]
    assert [d["url"] for d in data["documents"]] == [f"documents.html#{d}" for d in DOCUMENTS]
    assert list(data["themes"]) == THEMES


def test_analysis_anchors_hold_the_map_the_verbs_and_each_theme(site):
    root = htmltext.load(site / "analyse.html")
    assert root.xpath(f"//*[@id='plan']/following::div[{htmltext.has_class('vis-map')}]")
    assert root.xpath(f"//*[@id='verbes']/following::div[{htmltext.has_class('vis-verbs')}]")
    labels = json.loads((site / "resolution.json").read_text(encoding="utf-8"))["themes"]
    for theme in THEMES:
        (heading,) = root.xpath(f"//*[@id='{theme}']")
        assert heading.text_content().strip() == labels[theme], theme
