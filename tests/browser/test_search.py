"""French search, in the browser: a table of queries and the paragraphs each must return
(accents folded, elisions split on both apostrophes, every word required, punctuation
ignored, one typo forgiven in a long word, document symbols matched whole, words found only
in a note), over http, and from file:// for a query of each rule; results that show the
paragraph with an excerpt (its matched words highlighted, preambular paragraphs included)
and address it, nothing listed twice, nothing for nonsense; the index and the engine
loaded only when the reader first searches. (Following a result to its paragraph:
tests/browser/test_search_landing.py.)"""

from __future__ import annotations

from contextlib import ExitStack
from urllib.parse import parse_qs, urlsplit

import pytest

from ..support.paths import ROOT
from ..support.search import LINKS, META, NONE, PLACEHOLDER, QUERY, anchors, excerpts, open_search, search

PP = [f"pp-{n}" for n in range(1, 10)]
HOMME = PP + ["op-1", "op-5", "op-6", "op-7", "op-8", "op-9", "op-10", "op-11", "op-12", "op-13"]
COOPERATION = [
    "pp-1",
    "pp-2",
    "pp-3",
    "pp-4",
    "pp-5",
    "pp-6",
    "pp-7",
    "pp-8",
    "op-1",
    "op-5",
    "op-6",
    "op-8",
    "op-10",
    "op-11",
    "op-12",
    "op-13",
]
ETATS = ["pp-1", "pp-5", "op-1", "op-2", "op-8", "op-9", "op-10", "op-11", "op-12", "op-13"]
ORGANISATION = ["pp-4", "op-1", "op-9", "op-13"]
DROITS = PP + ["op-1", "op-4", "op-5", "op-6", "op-7", "op-8", "op-9", "op-10", "op-11", "op-12", "op-13"]
DROITS_HOMME_DIALOGUE = ["pp-5", "pp-6", "pp-8", "pp-9", "op-9", "op-11", "op-13"]

# query -> the paragraphs it must return (exactly)
TABLE = {
    "xenophobie": ["pp-3", "op-4", "op-5"],
    "xénophobie": ["pp-3", "op-4", "op-5"],
    "XENOPHOBIE": ["pp-3", "op-4", "op-5"],
    "xenoph": ["pp-3", "op-4", "op-5"],  # a word being typed
    "homme": HOMME,
    "l’homme": HOMME,
    "l'homme": HOMME,
    "Organisation": ORGANISATION,
    "l’Organisation": ORGANISATION,
    "cooperation": COOPERATION,
    "coopération": COOPERATION,
    "Etats": ETATS,
    "etat": ETATS,
    "droits": DROITS,
    "droit": DROITS,
    "droits homme dialogue": DROITS_HOMME_DIALOGUE,
    "droits de l’homme et dialogue": DROITS_HOMME_DIALOGUE,
    "dialogue culture": ["pp-6", "op-3"],
    "Haut-Commissaire": ["op-13"],
    "haut commissaire": ["op-13"],
    "Durban": ["pp-3"],
    "« Durban »": ["pp-3"],
    "«\u00a0Durban\u00a0»": ["pp-3"],  # French spacing: no-break spaces inside guillemets
    "Durban; Genève.": ["pp-3"],
    "Durban,": ["pp-3"],
    "Geneve": ["pp-3"],
    "oeuvre": ["op-13"],
    "dignite humaine": ["op-2", "op-4"],
    "zzqxw": [],
    "xenophobie zzqxw": [],
    # one typo in a word of five letters or more ("ph" read as "f")
    "xenofobie": ["pp-3", "op-4", "op-5"],
    "cooperaton": COOPERATION,
    "coopreation": COOPERATION,  # two letters swapped
    "intolerence": ["pp-3", "op-4", "op-5"],
    "Milenaire": ["pp-2"],
    "dialoge culture": ["pp-6", "op-3"],
    "droti": DROITS,
    "hmme": [],  # four letters and a typo: no guess
    # document symbols: one term, matched whole (« 55/2 » is note 2 of pp-2)
    "55/2": ["pp-2"],
    "A/RES/55/2": ["pp-2"],
    "résolution 55/2": ["pp-2"],
    "A/67/53": ["pp-2"],  # note 3
    "19/33": ["pp-2"],
    "A/HRC/RES/19/33": ["pp-2"],
    "A/CONF.157/24": ["pp-1"],  # note 1
    "66/3": ["pp-3"],  # note 4
    "5/2": [],  # not a part of 55/2
    # words found only in a note
    "Supplément": ["pp-2"],
    "soixante-septième session": ["pp-2"],
}


# From disk the same index is searched by the same worker code, run through the
# iframe-worker polyfill: the whole table runs over http, and from disk the queries that
# exercise each rule (accents, case, both apostrophes, hyphen, guillemets and punctuation,
# every word required, nothing found).
FROM_DISK = [
    "XENOPHOBIE",
    "l’homme",
    "l'homme",
    "Haut-Commissaire",
    "«\u00a0Durban\u00a0»",
    "droits homme dialogue",
    "zzqxw",
    "xenofobie",
    "55/2",
    "A/CONF.157/24",
    "Supplément",
]
CASES = [("server", query) for query in TABLE] + [("file_base", query) for query in FROM_DISK]


@pytest.fixture(scope="module")
def searchers(request, shared_context):
    """`searchers(origin)`: a tab with the search open, over http (`server`) or from disk
    (`file_base`), opened once for the module in the shared context."""
    bases = {origin: request.getfixturevalue(origin) for origin in ("server", "file_base")}
    opened = {}
    with ExitStack() as tabs:

        def get(origin: str):
            if origin not in opened:
                opened[origin] = tabs.enter_context(shared_context.own_tab())
                open_search(opened[origin], bases[origin])
            # Material renders further results as the list scrolls into view, which a
            # background tab never does
            opened[origin].bring_to_front()
            return opened[origin]

        yield get


@pytest.fixture(params=["server", "file_base"])
def searcher(request, searchers):
    return searchers(request.param)


@pytest.mark.parametrize(("origin", "query"), CASES, ids=[f"{o}-{q}" for o, q in CASES])
def test_query_returns_its_paragraphs(searchers, origin, query):
    searcher = searchers(origin)
    found = search(searcher, query)
    got = anchors(found)
    assert sorted(got) == sorted(TABLE[query]), f"{query!r}: {got}"
    assert len(got) == len(set(got)), f"{query!r} lists a paragraph twice: {got}"
    if not TABLE[query]:
        assert searcher.locator(META).inner_text().strip() == NONE
    assert searcher.recorder.errors == []


def test_results_show_the_paragraph_and_go_to_its_anchor(searcher):
    found = search(searcher, "xenophobie")
    by_anchor = {r.anchor: r for r in found if r.anchor}
    assert by_anchor["pp-3"].title == "Préambule, alinéa 3"
    assert by_anchor["op-4"].title == "Paragraphe 4"
    pp3 = urlsplit(by_anchor["pp-3"].href)
    assert pp3.path.endswith("/preambule/3.html")  # its own page: Material shows the excerpt
    assert urlsplit(by_anchor["op-5"].href).path.endswith("/dispositif/5.html")
    # nothing from the full text, which holds every paragraph a second time
    assert not [r for r in found if "texte-integral" in r.href]
    # the matched word is highlighted in the excerpt, accents and all
    marks = searcher.locator("li.md-search-result__item mark").all_inner_texts()
    assert "xénophobie" in marks


def test_narrower_with_more_words(searcher):
    broad = anchors(search(searcher, "droits"))
    narrow = anchors(search(searcher, "droits homme dialogue"))
    assert set(narrow) < set(broad)


def test_paragraphs_come_before_the_editions_pages(searcher):
    found = search(searcher, "dialogue")  # also a theme's name and words of À propos
    kinds = ["paragraph" if r.anchor else "page" for r in found]
    assert "page" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "page"), [r.title for r in found]


# Hidden-style queries: each must list its paragraph first, with an excerpt showing the
# word it matched (in the note when only a note holds it)
HIDDEN = {
    "xenofobie": ("pp-3", ["xénophobie"]),
    "cooperaton": ("pp-1", ["coopération"]),
    "55/2": ("pp-2", ["55/2"]),
    "A/67/53": ("pp-2", ["A/67/53"]),
    "19/33": ("pp-2", ["19/33"]),
    "A/CONF.157/24": ("pp-1", ["A/CONF.157/24"]),
    "Supplément": ("pp-2", ["Supplément"]),
    "Haut-Commissaire": ("op-13", ["Haut", "Commissaire"]),
}


@pytest.mark.parametrize("query", HIDDEN)
def test_hidden_queries_land_first_on_their_paragraph_with_an_excerpt(searcher, query):
    anchor, words = HIDDEN[query]
    found = search(searcher, query)
    assert found[0].anchor == anchor, (query, [r.href for r in found])
    first = excerpts(searcher)[0]
    assert first["heading"] == found[0].title  # the excerpt is not inside the heading
    assert first["excerpt"], (query, first)
    assert {w.lower() for w in first["marks"]} == {w.lower() for w in words}, (query, first)


# query -> the kinds of paragraph it lists (pp: an address with "#", whose text Material
# drops; op: a page of its own)
EXCERPT_QUERIES = {
    "droits homme dialogue": {"pp", "op"},
    "Etats": {"pp", "op"},
    "Durban": {"pp"},
    "55/2": {"pp"},
    "Supplément": {"pp"},
}


@pytest.mark.parametrize("query", EXCERPT_QUERIES)
def test_every_paragraph_result_shows_an_excerpt_with_its_words_marked(searcher, query):
    """Preambular results as operative ones: an excerpt below the heading, the matched
    words in <mark>, in a note if need be."""
    found = search(searcher, query)
    shown = excerpts(searcher)
    assert len(shown) == len(found)
    paragraphs = [(r, e) for r, e in zip(found, shown, strict=True) if r.anchor]
    assert {r.anchor[:2] for r, _ in paragraphs} == EXCERPT_QUERIES[query]
    for result, excerpt in paragraphs:
        assert excerpt["excerpt"] and excerpt["marks"], (query, result.anchor, excerpt)
        assert excerpt["heading"] == result.title and not excerpt["in_heading"], excerpt


def test_a_long_paragraph_is_shown_around_its_first_match(searcher):
    search(searcher, "Durban")
    (pp3,) = [e for e in excerpts(searcher) if e["heading"] == "Préambule, alinéa 3"]
    (text,) = pp3["excerpt"]
    # pp-3 (583 characters) names Durban 200 characters in: cut before it, at a word
    assert text.startswith("… ") and text.endswith(" …") and len(text) < 400, text
    assert "Durban" in text and pp3["marks"] == ["Durban", "Durban"], pp3


def test_a_symbol_is_matched_whole_and_highlights_only_itself(searcher):
    found = search(searcher, "55/2")
    assert found[0].anchor == "pp-2"
    # paragraphs first, the documents page after them
    assert not found[0].href.split("?")[0].endswith("documents.html")
    marks = searcher.locator("li.md-search-result__item mark").all_inner_texts()
    assert marks and all("55/2" in m for m in marks), marks
    assert "2" not in marks and "55" not in marks
    # the page the result opens highlights the symbol alone
    assert "h=55%2F2" in found[0].href or "h=55/2" in found[0].href, found[0].href


def loaded(page) -> list[str]:
    return [u.split("?")[0].rsplit("/", 1)[-1] for u in page.recorder.requests]


def test_the_index_and_its_engine_load_when_the_reader_opens_search(page, base):
    """A page view fetches Material's small config file and the worker's loader, never the
    index or the engine; they come once the search box gets focus, before any key, once;
    search then works."""
    page.goto(base + "dispositif/1.html")
    page.recorder.settle()
    assert "search-worker.js" in loaded(page)  # Material starts its worker on every page
    assert "edition_index.js" not in loaded(page) and "search-engine.js" not in loaded(page)
    page.locator(QUERY).click()
    # they come now (from file://, through the iframe shim, a moment later than over http)
    for _ in range(150):
        if "edition_index.js" in loaded(page) and "search-engine.js" in loaded(page):
            break
        page.wait_for_timeout(100)
    page.recorder.settle()
    assert loaded(page).count("edition_index.js") == 1, loaded(page)
    assert loaded(page).count("search-engine.js") == 1, loaded(page)
    assert searcher_shows_placeholder(page)
    found = search(page, "xenophobie")
    assert sorted(anchors(found)) == ["op-4", "op-5", "pp-3"]
    assert page.locator(LINKS).count() == len(found)
    assert loaded(page).count("edition_index.js") == 1  # loaded once
    assert page.recorder.errors == [] and page.recorder.failed == []


def searcher_shows_placeholder(page) -> bool:
    """The box is empty again after the warm-up and Material shows its placeholder."""
    page.locator(META).filter(has_text=PLACEHOLDER).wait_for()
    return page.locator(QUERY).input_value() == ""


@pytest.fixture(params=["server", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


ENGINE = ROOT / "docs" / "assets" / "javascripts" / "search-engine.js"
# One paragraph at today's address (with "#") and at the address of a page of its own
TWO_ADDRESSES = """() => {
  const entry = (location) => ({location, title: "Préambule, alinéa 2", boost: 2,
    text: "Rappelant la Déclaration du Millénaire", notes: [{number: 2, text: "Résolution 55/2."}]});
  editionSearch.setup({docs: [entry("preambule.html#pp-2"), entry("preambule/2.html")]});
  return editionSearch.search("55/2").items.map(([item]) => item);
}"""


def test_the_excerpt_does_not_depend_on_the_address(page):
    """The engine alone (on a blank page): a paragraph's excerpt is its text (Material shows
    it under an address without "#") and, under an address with "#", also rides in the title
    as a <template>; either way it holds the note that matched, the symbol marked whole."""
    page.goto("about:blank")
    page.add_script_tag(content=ENGINE.read_text(encoding="utf-8"))
    with_hash, own_page = page.evaluate(TWO_ADDRESSES)
    note = '<p class="ed-excerpt ed-excerpt--note">Note 2\u00a0: Résolution <mark>55/2</mark>.</p>'
    for item in (with_hash, own_page):
        assert note in item["text"], item
        assert item["terms"] == {"55/2": True}
        assert item["title"].startswith("Préambule, alinéa 2")  # its lone 2 not marked
    assert (
        with_hash["title"]
        == f'Préambule, alinéa 2<template class="ed-excerpt">{with_hash["text"]}</template>'
    )
    assert own_page["title"] == "Préambule, alinéa 2"


def test_the_page_opened_marks_every_word_matched_beyond_the_excerpt(searcher):
    found = search(searcher, "racisme anniversaire")
    assert anchors(found) == ["pp-3"]
    (pp3,) = [e for e in excerpts(searcher) if e["heading"] == "Préambule, alinéa 3"]
    assert pp3["marks"] == ["racisme"]  # « anniversaire » comes after the excerpt's end
    (words,) = parse_qs(urlsplit(found[0].href).query)["h"]
    assert set(words.split()) == {"racisme", "anniversaire"}
