"""Search lands on paragraphs (issue 11, point 5), over http and from file://: the first
result for « xenophobie » is a paragraph, following it brings that paragraph into view with
the matched word highlighted (Material's search.highlight reads the words the worker found
in the result's `terms`, passes them as ?h=…, and marks them on the page it opens); the
edition's own pages come after every paragraph of the resolution, and open with the words
highlighted too. Hidden-style queries (a typo, a document symbol, a word found only in a
note) land on their paragraph the same way, with only the words they matched marked:
« 55/2 » marks 55/2, never a lone 2."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from ..support.search import LINKS, open_search, search

EDITION_PAGES = {"a-propos.html", "documents.html", "glossaire.html"}


def page_name(href: str) -> str:
    return urlsplit(href).path.rsplit("/", 1)[-1]


@pytest.fixture(params=["server", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


def test_first_result_lands_on_the_paragraph_with_the_word_highlighted(page, base):
    open_search(page, base)
    found = search(page, "xenophobie")
    first = found[0]
    assert first.anchor, f"the first result is a page, not a paragraph: {first}"
    assert parse_qs(urlsplit(first.href).query).get("h") == ["xénophobie"], first.href

    page.locator(LINKS).first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(first.href).path)
    page.wait_for_load_state("load")
    para = page.locator(f"[id='{first.anchor}']")
    # a paragraph's own page holds it alone; an address with its anchor lands on it
    assert para.evaluate("el => !location.hash || el.matches(':target')")
    # Material marks the words once the page's search index is loaded
    mark = para.locator("mark").first
    mark.wait_for(timeout=15000)
    assert mark.inner_text().strip() == "xénophobie"

    box = para.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and box["height"] > 0
    assert 0 <= box["y"] and box["y"] + min(box["height"], height / 2) <= height, (box, height)
    mark_box = mark.bounding_box()
    assert mark_box is not None and 0 <= mark_box["y"] < height, (mark_box, height)
    assert page.recorder.errors == []


@pytest.fixture(scope="module")
def searcher(shared_context, server):
    with shared_context.own_tab() as page:
        open_search(page, server)
        yield page


QUERIES = ["Haut-Commissaire", "Nations Unies", "Durban", "droits de l’homme", "dialogue"]


def test_editions_pages_come_after_every_paragraph_and_open_highlighted(searcher):
    seen = set()
    for query in QUERIES:
        found = search(searcher, query)
        kinds = ["paragraph" if r.anchor else "page" for r in found]
        assert "paragraph" in kinds and "page" in kinds, (query, kinds)
        first_page = kinds.index("page")
        assert "paragraph" not in kinds[first_page:], (query, [r.href for r in found])
        seen |= {page_name(r.href) for r in found[first_page:]}
        # every result, a page's own row too, opens with the matched words highlighted
        unmarked = [r.href for r in found if not parse_qs(urlsplit(r.href).query).get("h")]
        assert unmarked == [], query
    # the three pages of the edition's own apparatus were among those ranked last
    assert EDITION_PAGES <= seen, seen


# query -> (the paragraph its first result opens, the words marked on that page)
LANDINGS = {
    "xenofobie": ("pp-3", {"xénophobie"}),
    "55/2": ("pp-2", {"55/2"}),
    "A/CONF.157/24": ("pp-1", {"A/CONF.157/24"}),
    "Supplément": ("pp-2", {"Supplément"}),  # in note 3, at the foot of the page
}


@pytest.mark.parametrize("query", LANDINGS)
def test_hidden_queries_land_on_their_paragraph_marking_only_what_they_matched(page, base, query):
    anchor, words = LANDINGS[query]
    open_search(page, base)
    found = search(page, query)
    first = found[0]
    assert first.anchor == anchor, (query, [r.href for r in found])
    page.locator(LINKS).first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(first.href).path)
    page.wait_for_load_state("load")
    assert page.locator(f"[id='{anchor}']").evaluate("el => !location.hash || el.matches(':target')")
    page.locator("article mark").first.wait_for(timeout=15000)
    marked = set(page.locator("article mark").all_inner_texts())
    assert {m.lower() for m in marked} == {w.lower() for w in words}, (query, marked)
    assert page.recorder.errors == []
