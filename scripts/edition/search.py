"""Shape the site's search index from the model.

Material's search plugin indexes each page by its HTML sections. For the pages that hold
the resolution's paragraphs that is the wrong grain: a reader looks for a paragraph, and
the full text would list every paragraph a second time. So, after the build, the scraped
entries of those pages are replaced by one entry per paragraph, made from the model
(resolution.json): its label as title (« Préambule, alinéa 3 », « Paragraphe 5 »), its
clean wording as text, its own address as location, its themes as tags. Entries of the
other pages (home, documents, themes, about) are kept, except sections that only repeat
paragraphs (the home page's table of contents, the themes' lists of paragraphs).

The index is searched in the browser by docs/assets/javascripts/search-worker.js (French
folding of accents and elisions, every word required, prefix match).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .exports import read_json

PREAMBLE_TITLE = "Préambule"
# Results from the resolution's own words are listed before the edition's pages.
PARAGRAPH_BOOST = 2
# Home-page sections that only repeat the paragraphs (their openings and first words).
REPEATS = ("index.html#structure",)
# Pages whose sections list paragraphs: only their headings are searched.
TITLE_ONLY = ("themes.html",)


def page_of(location: str) -> str:
    return location.split("#")[0]


def paragraph_location(p: dict) -> str:
    """Where a result goes: an operative paragraph's own page (it holds that paragraph
    only), a preambular paragraph's anchor on the preamble page."""
    page, _, anchor = p["url"].partition("#")
    return page if page.startswith("dispositif/") else f"{page}#{anchor}"


def shape(index: dict, data: dict) -> dict:
    """The search index with the paragraph pages indexed per paragraph, from `data`
    (the content of resolution.json)."""
    paragraphs = data["paragraphs"]
    themes = data.get("themes", {})
    replaced = {page_of(p["url"]) for p in paragraphs} | {page_of(p["full_text_url"]) for p in paragraphs}
    docs: list[dict] = []
    preamble = [p for p in paragraphs if p["kind"] == "preamble"]
    if preamble:
        docs.append(
            {
                "location": page_of(preamble[0]["url"]),
                "title": PREAMBLE_TITLE,
                "text": html.escape(data.get("formula", ""), quote=False),
            }
        )
    for p in paragraphs:
        doc = {
            "location": paragraph_location(p),
            "title": p["label"],
            "text": html.escape(p["text"], quote=False),
            "boost": PARAGRAPH_BOOST,
        }
        tags = [themes[t] for t in p.get("themes", []) if t in themes]
        if tags:
            doc["tags"] = tags
        docs.append(doc)
    for doc in index["docs"]:
        location = doc["location"]
        if page_of(location) in replaced or location in REPEATS:
            continue
        if page_of(location) in TITLE_ONLY and "#" in location:
            doc = {**doc, "text": ""}
        docs.append(doc)
    return {**index, "docs": docs}


def rewrite(site_dir: Path, docs_dir: Path) -> None:
    """Reshape site/search/search_index.json in place (no-op without index or model)."""
    index_path = Path(site_dir) / "search" / "search_index.json"
    data = read_json(docs_dir)
    if not index_path.is_file() or data is None:
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    shaped = shape(index, data)
    index_path.write_text(json.dumps(shaped, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
