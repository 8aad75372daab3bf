"""The table of contents of the pages whose sections are HTML (the documents cited, the
glossary): Material builds the table from Markdown headings only, and those pages write
their headings in HTML, autoescaped, since their titles come from the data file (no
Markdown may come from it). overrides/hooks/html_toc.py sets the page's table from the
`<h2 id>` headings of its rendered HTML; a title is that heading's text, still escaped
(Material prints `toc_item.title` as it is)."""

from __future__ import annotations

import re

from mkdocs.structure.toc import TableOfContents, get_toc

# '<h2 id="a-res-55-2-titre">Déclaration du Millénaire</h2>' (our templates' headings)
HEADING = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")
# Pages (by front-matter role) whose table is made here.
ROLES = {"documents", "glossary"}


def from_html(html: str) -> TableOfContents:
    """A table of the page's h2 headings, in order, as the reader sees them."""
    tokens = [
        {"level": 2, "id": m["id"], "name": " ".join(TAG.sub("", m["title"]).split()), "children": []}
        for m in HEADING.finditer(html)
    ]
    return get_toc(tokens)
