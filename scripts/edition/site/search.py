"""Shape the site's search index from the model.

Material's search plugin indexes each page by its HTML sections. For the pages that hold
the resolution's paragraphs that is the wrong grain: a reader looks for a paragraph. So,
after the build, the scraped entries of those pages are dropped and replaced by one entry
per paragraph, made from the model: its label as title (« Préambule, alinéa 3 »,
« Paragraphe 5 »), its clean wording as text, its own address as location, its themes as
tags, and a boost that lists it before the edition's own pages. Entries of the edition's
pages (documents, analysis, glossary, about) are kept, except the analysis sections that
only repeat paragraphs, which are searched by their headings alone. A paragraph's entry
also carries the text of its footnotes (`notes`), so that a word or a symbol found only in
a note (« Résolution 55/2. ») leads to the paragraph that calls it.

Material fetches search/search_index.json (search_index.js from file://) on every page
view, for its search worker and for the highlighting of the page a result opens (which
needs only `config`). So that file keeps Material's `config` and no entries, and the
entries go to search/edition_index.js (INDEX_FILE), which the edition's search worker
(docs/assets/javascripts/search-worker.js) loads only when the reader opens search, with
its engine (search-engine.js: French folding of accents and elisions, every word required,
prefix match, one typo forgiven, document symbols matched whole), which lists each
paragraph as a result of its own.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from edition.model import Paragraph, Resolution, urls
from edition.model.french import paragraph_label
from edition.model.notes import Annotations

# The entries, loaded by the search worker when search opens (importScripts, also from
# file:// through the iframe-worker shim): a classic script that sets one global.
INDEX_FILE = "search/edition_index.js"
INDEX_GLOBAL = "editionSearchIndex"
# Results from the resolution's own words are listed before the edition's pages.
PARAGRAPH_BOOST = 2
# Pages that hold the resolution's paragraphs: indexed per paragraph, never scraped.
RESOLUTION_PAGES = {urls.html(urls.HOME), urls.html(urls.FULL_TEXT), urls.html(urls.PREAMBLE)}
# Pages whose sections list paragraphs (or only point elsewhere): headings searched only.
TITLE_ONLY = {urls.html(urls.ANALYSIS), urls.html(urls.THEMES)}


def page_of(location: str) -> str:
    return location.split("#")[0]


def paragraph_location(p: Paragraph) -> str:
    """Where a result goes: the paragraph's own page (it holds that paragraph only, at the
    top; an address without `#`, for which Material shows the excerpt)."""
    return page_of(urls.site_path(urls.paragraph_target(p)))


def is_resolution_page(location: str) -> bool:
    page = page_of(location)
    return page in RESOLUTION_PAGES or page.startswith((urls.OPERATIVE_DIR + "/", urls.PREAMBLE_DIR + "/"))


def shape(index: dict, res: Resolution, data: Annotations) -> dict:
    """The search index with the resolution indexed per paragraph."""
    docs: list[dict] = []
    notes: dict[str, list[dict]] = {}
    for note in res.footnotes:
        notes.setdefault(note.paragraph, []).append(
            {"number": note.number, "text": html.escape(note.text, quote=False)}
        )
    for p in res.paragraphs:
        doc = {
            "location": paragraph_location(p),
            "title": html.escape(paragraph_label(p.kind, p.number)),
            "text": html.escape(p.text, quote=False),
            "boost": PARAGRAPH_BOOST,
        }
        if p.anchor in notes:
            doc["notes"] = notes[p.anchor]
        # Material draws titles and tags with innerHTML: the data file's labels, escaped
        tags = [html.escape(data.themes[t]) for t in data.themes_of(p.anchor) if t in data.themes]
        if tags:
            doc["tags"] = tags
        docs.append(doc)
    for doc in index["docs"]:
        location = doc["location"]
        if is_resolution_page(location):
            continue
        if page_of(location) in TITLE_ONLY and "#" in location:
            doc = {**doc, "text": ""}
        docs.append(doc)
    return {**index, "docs": docs}


def stub(index: dict) -> dict:
    """What Material fetches on every page: its `config` (the page highlighting reads its
    separator), no entries."""
    return {"config": index["config"], "docs": []}


def index_script(shaped: dict) -> str:
    """INDEX_FILE's text: the shaped entries as one global, for importScripts."""
    data = json.dumps({"docs": shaped["docs"]}, ensure_ascii=False, separators=(",", ":"))
    return f"self.{INDEX_GLOBAL} = {data};\n"


def read_index(site_dir: Path) -> dict:
    """The entries INDEX_FILE holds (tests, benchmark)."""
    text = (Path(site_dir) / INDEX_FILE).read_text(encoding="utf-8")
    prefix = f"self.{INDEX_GLOBAL} = "
    if not text.startswith(prefix):
        raise ValueError(f"{INDEX_FILE} : en-tête inattendu")
    return json.loads(text.removeprefix(prefix).rstrip().removesuffix(";"))


def rewrite(site_dir: Path, res: Resolution, data: Annotations) -> None:
    """Write INDEX_FILE from site/search/search_index.json and leave Material only its
    `config` there. The index must be there: the search plugin runs before (mkdocs.yml)."""
    index_path = Path(site_dir) / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    shaped = shape(index, res, data)
    (Path(site_dir) / INDEX_FILE).write_text(index_script(shaped), encoding="utf-8")
    fetched = json.dumps(stub(index), ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(fetched, encoding="utf-8")
