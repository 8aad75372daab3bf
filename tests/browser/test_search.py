"""French search, in the browser: a table of queries and the paragraphs each must return
(accents folded, elisions split on both apostrophes, every word required, punctuation
ignored), over http, and from file:// for a query of each rule; results that show the
paragraph and address it, nothing listed twice, nothing for nonsense; the index and the
engine loaded only when the reader opens search. (Following a result to its paragraph:
tests/browser/test_search_landing.py.)"""

from __future__ import annotations

from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from .search import LINKS, META, NONE, PLACEHOLDER, QUERY, anchors, open_search, search

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
    assert pp3.path.endswith("/preambule.html") and pp3.fragment == "pp-3"
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
    kinds = [
        "paragraph" if r.anchor or urlsplit(r.href).path.endswith("/preambule.html") else "page"
        for r in found
    ]
    assert "page" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "page"), [r.title for r in found]


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
