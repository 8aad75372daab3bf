"""The resolution at a glance: the map of paragraphs and the operative verbs on the analysis
page (analyse.html), the citation graph on the documents page. Every paragraph and every citation is drawn, every
link lands, everything is derived from the model (a synthetic resolution gets its own)."""

from __future__ import annotations

from pathlib import Path

from edition.model import urls
from edition.model.urls import slug
from edition.pages import visuals
from edition.source.parse import parse_file

from .support import htmltext
from .support.links import assert_lands
from .support.paths import FIXTURES

SYNTHETIC = FIXTURES / "seize-paragraphes-notes-multipages.txt"


def citation_pairs(res) -> dict[tuple[str, str], set[str]]:
    """(paragraph anchor, document key) -> {"note", "texte"}, read from the paragraphs and
    footnotes themselves rather than from the documents' `cited_by`."""
    pairs: dict[tuple[str, str], set[str]] = {}
    for p in res.paragraphs:
        for c in p.citations:
            pairs.setdefault((p.anchor, c.key), set()).add("texte")
    for n in res.footnotes:
        for key in n.symbols:
            pairs.setdefault((n.paragraph, key), set()).add("note")
    return pairs


def in_ed(el) -> bool:
    return (
        any("ed" in (a.get("class") or "").split() for a in el.iterancestors())
        or "ed" in (el.get("class") or "").split()
    )


# -- derived from the model (no build) --------------------------------------------------


def test_verbs_are_the_operative_openings_in_order(resolution):
    groups = visuals.verb_groups(resolution)
    assert [(v, [p.number for p in ps]) for v, ps in groups][:3] == [
        ("Réaffirme", [1, 3, 5, 7]),
        ("Estime", [2, 6]),
        ("Exhorte", [4]),
    ]
    assert [v for v, _ in groups][-4:] == ["Invite", "Prend note", "Prie", "Décide"]
    # every operative paragraph once, under its own opening
    numbers = sorted(p.number for _, ps in groups for p in ps)
    assert numbers == [p.number for p in resolution.operative]
    assert all(p.opening == v for v, ps in groups for p in ps)
    assert len({v for v, _ in groups}) == len(groups)


def test_edges_are_every_citation_by_note_and_in_text(resolution):
    edges = visuals.citation_edges(resolution)
    got = {(e.source, e.key): set(e.kinds) for e in edges if e.source != "header"}
    assert got == citation_pairs(resolution)
    assert ("header", resolution.report) in {(e.source, e.key) for e in edges}
    pp2 = {e.key: e for e in edges if e.source == "pp-2"}
    assert pp2["A/RES/55/2"].kinds == ("note",) and pp2["A/RES/55/2"].notes == (2,)
    assert pp2["A/RES/67/169"].kinds == ("texte",)
    assert len(edges) == len(set((e.source, e.key) for e in edges))


def test_spread_keeps_order_gaps_and_bounds():
    assert visuals.spread([10, 10, 10], 5, 0, 100) == [10, 15, 20]
    assert visuals.spread([95, 96], 10, 0, 100) == [90, 100]
    assert visuals.spread([-5, 50], 10, 0, 100) == [0, 50]


# -- the built site ---------------------------------------------------------------------


def check_map(site: Path, res) -> None:
    page = site / "analyse.html"
    root = htmltext.article(page)
    tiles = root.xpath(f".//a[{htmltext.has_class('vis-tile')}]")
    assert [t.get("data-anchor") for t in tiles] == [p.anchor for p in res.paragraphs]
    for tile, p in zip(tiles, res.paragraphs, strict=True):
        assert in_ed(tile)
        text = " ".join(tile.text_content().split())
        kind = "Alinéa" if p.preambular else "Paragraphe"
        assert text.startswith(f"{kind} {p.number} {p.opening}"), text
        assert tile.get("href").endswith(f"#{p.anchor}")
        assert_lands(site, page, tile.get("href"))


def check_graph(site: Path, res) -> None:
    page = site / "documents.html"
    root = htmltext.article(page)
    graph = root.xpath(f".//div[{htmltext.has_class('vis-graph')}]")[0]
    assert in_ed(graph)
    svg = graph.xpath(".//svg")[0]
    assert svg.get("aria-labelledby") and svg.xpath("./title") and svg.xpath("./desc")
    drawn = {
        (e.get("data-from"), e.get("data-to")): set(e.get("class").split())
        for e in svg.xpath(".//path[@data-from]")
    }
    pairs = citation_pairs(res)
    assert {k for k in drawn if k[0] != "header"} == set(pairs)
    if any(d.key == res.report for d in res.documents):
        assert ("header", res.report) in drawn
    for key, kinds in pairs.items():
        assert {f"vis-edge--{k}" for k in kinds} <= drawn[key], key
    nodes = {a.get("data-node"): a.get("href") for a in svg.xpath(".//a[@href]")}
    for anchor, key in drawn:
        assert anchor in nodes and key in nodes
    for d in res.documents:
        if any(k == d.key for _, k in drawn):
            assert nodes[d.key] == f"documents.html#{slug(d.key)}"
    for anchor in {a for a, _ in drawn} - {"header"}:
        assert nodes[anchor].endswith(f"#{anchor}")
    for href in nodes.values():
        assert_lands(site, page, href)
    # the text equivalent: one row per citation
    rows = graph.xpath(".//details//tbody/tr")
    assert len(rows) == len(drawn)
    for row in rows:
        for href in row.xpath(".//a/@href"):
            assert_lands(site, page, href)


def check_verbs(site: Path, res) -> None:
    page = site / "analyse.html"
    root = htmltext.article(page)
    box = root.xpath(f".//div[{htmltext.has_class('vis-verbs')}]")[0]
    assert in_ed(box)
    shown = []
    for dt in box.xpath(".//dt"):
        verb = dt.xpath("./em")[0].text_content().strip()
        items = []
        for dd in dt.itersiblings():
            if dd.tag != "dd":
                break
            items.append(dd)
        numbers = []
        for dd in items:
            a = dd.xpath("./a")[0]
            number = int(a.text_content().rstrip("."))
            assert_lands(site, page, a.get("href"))
            assert a.get("href").endswith(f"#op-{number}")
            p = res.operative[number - 1]
            # the paragraph's opening words and the start of its text, not the verb alone
            assert " ".join(dd.text_content().split()).startswith(
                f"{number}. {p.opening} {p.rest.split()[0]}"
            )
            numbers.append(number)
        assert dt.xpath(".//span")[0].text_content() == f"({len(numbers)})"
        shown.append((verb, numbers))
    expected: dict[str, list[int]] = {}
    for p in res.operative:
        expected.setdefault(p.opening, []).append(p.number)
    assert shown == list(expected.items())


def test_map_has_a_tile_per_paragraph_linking_to_it(site, resolution):
    check_map(site, resolution)
    legend = htmltext.article(site / "analyse.html").xpath(f".//ul[{htmltext.has_class('vis-legend')}]/li")
    assert [" ".join(li.text_content().split()) for li in legend][:2] == [
        "A Coopération internationale",
        "B Buts et principes de la Charte",
    ]
    # themes are told apart by a letter, not colour alone: each tile names its themes
    tiles = htmltext.article(site / "analyse.html").xpath(f".//a[{htmltext.has_class('vis-tile')}]")
    pp1 = " ".join(tiles[0].text_content().split())
    assert "Coopération internationale" in pp1 and "Buts et principes de la Charte" in pp1


def test_graph_draws_every_citation_with_links(site, resolution):
    check_graph(site, resolution)


def test_verbs_on_the_analysis_page_match_the_model(site, resolution):
    check_verbs(site, resolution)
    # they were on the home page: its old anchor is kept, marked as moved to the analysis
    (mark,) = htmltext.load(site / "index.html").xpath(f"//*[@id='{urls.VERBS_ANCHOR}']")
    assert mark.getparent().get("data-moved") == urls.html(urls.ANALYSIS)


def test_synthetic_resolution_gets_its_own_map_graph_and_verbs(built_edition):
    res = parse_file(SYNTHETIC)
    assert (len(res.preamble), len(res.operative)) == (3, 16)
    site = built_edition(SYNTHETIC)
    check_map(site, res)
    check_graph(site, res)
    check_verbs(site, res)
    tiles = htmltext.article(site / "analyse.html").xpath(f".//a[{htmltext.has_class('vis-tile')}]")
    assert len(tiles) == 3 + 16
    assert len({t.get("data-anchor") for t in tiles}) == 3 + 16  # no tile twice
    assert sum(1 for v, _ in visuals.verb_groups(res) if v == "Invite") == 1
