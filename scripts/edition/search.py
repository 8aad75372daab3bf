"""Shape the site's search index from the model.

Material's search plugin indexes each page by its HTML sections. For the pages that hold
the resolution's paragraphs that is the wrong grain: a reader looks for a paragraph. So,
after the build, the scraped entries of those pages are dropped and replaced by one entry
per paragraph, made from the model: its label as title (« Préambule, alinéa 3 »,
« Paragraphe 5 »), its clean wording as text, its own address as location, its themes as
tags, and a boost that lists it before the edition's own pages. Entries of the edition's
pages (documents, analysis, glossary, about) are kept, except the analysis sections that
only repeat paragraphs, which are searched by their headings alone.

The index is searched in the browser by docs/assets/javascripts/search-worker.js (French
folding of accents and elisions, every word required, prefix match), which lists each
paragraph as a result of its own.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from . import urls
from .exports import SiteModel, read_model
from .french import paragraph_label
from .model import Paragraph

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


def shape(index: dict, model: SiteModel) -> dict:
    """The search index with the resolution indexed per paragraph."""
    docs: list[dict] = []
    for p in model.resolution.paragraphs:
        doc = {
            "location": paragraph_location(p),
            "title": html.escape(paragraph_label(p.kind, p.number)),
            "text": html.escape(p.text, quote=False),
            "boost": PARAGRAPH_BOOST,
        }
        # Material draws titles and tags with innerHTML: the data file's labels, escaped
        tags = [
            html.escape(model.themes[t])
            for t in model.paragraph_themes.get(p.anchor, ())
            if t in model.themes
        ]
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


def rewrite(site_dir: Path, model: SiteModel | None) -> None:
    """Reshape site/search/search_index.json in place (no-op without index or model)."""
    index_path = Path(site_dir) / "search" / "search_index.json"
    if not index_path.is_file() or model is None:
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    shaped = shape(index, model)
    index_path.write_text(json.dumps(shaped, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


__all__ = ["rewrite", "shape", "read_model"]
