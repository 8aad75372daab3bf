"""The search index: one entry per paragraph, made from the model, with its notes, nothing
listed twice, in search/edition_index.js (loaded by the search worker on the first query);
what Material fetches on every page (search_index.json, inlined as search_index.js for the
offline copy) keeps only its config."""

from __future__ import annotations

import json

from edition.model import OPERATIVE, PREAMBULAR, Footnote, Paragraph, Resolution
from edition.model.notes import Annotations
from edition.site import search

from .support.links import assert_lands


def load(site):
    return search.read_index(site)


def test_one_entry_per_paragraph_with_its_label_and_address(site, resolution):
    docs = load(site)["docs"]
    by_location = {d["location"]: d for d in docs}
    for p in resolution.paragraphs:
        location = f"preambule/{p.number}.html" if p.preambular else f"dispositif/{p.number}.html"
        doc = by_location[location]
        assert doc["title"] == (f"Préambule, alinéa {p.number}" if p.preambular else f"Paragraphe {p.number}")
        assert doc["text"].replace("&amp;", "&") == p.text


def test_no_paragraph_is_indexed_twice(site):
    docs = load(site)["docs"]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations))
    assert not [x for x in locations if x.startswith("texte-integral.html")]
    # nor is the home page, whose list of paragraphs repeats their opening words
    assert not [x for x in locations if x.split("#")[0] == "index.html"]
    # every entry lands on a page and an anchor of the site (none on a part that is gone)
    for location in locations:
        assert_lands(site, site / "index.html", location)
    # the wording of a paragraph appears in exactly one entry
    texts = [d["text"] for d in docs]
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    for p in data["paragraphs"]:
        opening = p["text"][:60]
        assert sum(opening in t for t in texts) == 1, p["id"]


def test_edition_pages_are_indexed_word_by_word(site):
    """The edition's own pages as Material scrapes them: their facts keep their words
    apart (« Cote A/RES/55/2 Organe », never « CoteA/RES/55/2Organe », which would also
    become highlight terms), and what only repeats or points elsewhere is left out: the
    breadcrumb, the citation graph, the old themes page (a redirect)."""
    docs = load(site)["docs"]
    by_location = {d["location"]: d["text"] for d in docs}
    assert (
        "Cote A/RES/55/2 Organe Assemblée générale Date 8 septembre 2000"
        in by_location["documents.html#a-res-55-2-titre"]
    )
    everything = " ".join(by_location.values())
    assert "CoteA/" not in everything and "OrganeAssemblée" not in everything
    assert "Fil d’Ariane" not in everything and "<ol> <li>A/RES/68/160</li>" not in everything
    assert "Qui cite quoi" not in everything  # the graph's caption
    assert not [x for x in by_location if x.startswith("themes.html")]


def by_location_of(anchor: str) -> str:
    kind, number = anchor.split("-")
    return f"preambule/{number}.html" if kind == PREAMBULAR else f"dispositif/{number}.html"


def test_a_paragraph_entry_carries_its_notes(site, resolution):
    by_location = {d["location"]: d for d in load(site)["docs"]}
    pp2 = by_location["preambule/2.html"]
    assert [n["number"] for n in pp2["notes"]] == [2, 3]
    assert pp2["notes"][0]["text"] == "Résolution 55/2."
    assert "(A/67/53)" in pp2["notes"][1]["text"]
    # every note is carried by the paragraph that calls it, and only there
    carried = [(n["number"], d["location"]) for d in by_location.values() for n in d.get("notes", ())]
    assert sorted(carried) == sorted((f.number, by_location_of(f.paragraph)) for f in resolution.footnotes)


def test_material_fetches_only_its_config(site):
    """search_index.json is fetched on every page view (by Material, for its worker and the
    highlighting of a result's page): no entries there, and the offline copy's inlined
    search_index.js is the same; the entries are in the file the worker loads on demand."""
    fetched = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert fetched["docs"] == [] and fetched["config"]["separator"]
    inlined = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined.startswith("var __index = ")
    assert json.loads(inlined.removeprefix("var __index = ")) == fetched
    assert len(load(site)["docs"]) > 30
    assert (site / search.INDEX_FILE).read_text(encoding="utf-8").startswith("self.editionSearchIndex = ")


def test_pages_use_the_french_search_worker(site):
    html = (site / "dispositif" / "5.html").read_text(encoding="utf-8")
    assert 'config.search = "../assets/javascripts/search-worker.js"' in html
    worker = (site / "assets" / "javascripts" / "search-worker.js").read_text(encoding="utf-8")
    # the worker a page starts loads its engine and the index by these addresses
    assert '"search-engine.js"' in worker and '"../../search/edition_index.js"' in worker
    assert (site / "assets" / "javascripts" / "search-engine.js").is_file()


def test_shape_keeps_other_pages_and_replaces_paragraph_pages():
    index = {
        "config": {"lang": ["fr"]},
        "docs": [
            {"location": "index.html", "title": "Accueil", "text": "x"},
            {"location": "index.html#structure", "title": "Structure", "text": "répété"},
            {"location": "preambule.html", "title": "Préambule", "text": "scrapé"},
            {"location": "dispositif/1.html", "title": "Paragraphe 1", "text": "scrapé"},
            {"location": "texte-integral.html", "title": "Texte intégral", "text": "tout"},
            {"location": "themes.html#t", "title": "Thème", "text": "Paragraphe 1 — Décide"},
            {"location": "documents.html#d", "title": "Doc", "text": "notice"},
        ],
    }
    pp1 = Paragraph(PREAMBULAR, 1, "A", "A < B", 10)
    op1 = Paragraph(OPERATIVE, 1, "Décide", "Décide", 12)
    note = Footnote(1, "Résolution 1/2 & annexe.", 14, "op-1")
    res = Resolution(
        "A/RES/1/1", 1, 1, "2000-01-01", "T", "Troisième Commission", "A/1", "F,", (pp1,), (op1,), (note,)
    )
    shaped = search.shape(index, res, Annotations(themes={"t": "Thème"}, paragraphs={"op-1": ("t",)}))
    assert shaped["config"] == index["config"]
    # the resolution's pages are never scraped: one entry per paragraph, nothing above them
    assert [(d["location"], d["title"], d["text"]) for d in shaped["docs"]] == [
        ("preambule/1.html", "Préambule, alinéa 1", "A &lt; B"),
        ("dispositif/1.html", "Paragraphe 1", "Décide"),
        ("themes.html#t", "Thème", ""),
        ("documents.html#d", "Doc", "notice"),
    ]
    assert shaped["docs"][1]["tags"] == ["Thème"]
    assert all(d.get("boost") == search.PARAGRAPH_BOOST for d in shaped["docs"][:2])
    # the note rides with the paragraph that calls it, escaped like the text
    assert "notes" not in shaped["docs"][0]
    assert shaped["docs"][1]["notes"] == [{"number": 1, "text": "Résolution 1/2 &amp; annexe."}]
    # what Material is handed: its config, no entries
    assert search.stub(index) == {"config": index["config"], "docs": []}
