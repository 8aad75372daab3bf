"""A table of contents for the pages whose sections are HTML (documents cited, glossary):
made from their h2 headings after Markdown (scripts/edition/toc.py)."""

from __future__ import annotations

from edition.pages import toc


def on_page_content(html, *, page, config, files):
    if (page.meta or {}).get("role") in toc.ROLES:
        page.toc = toc.from_html(html)
    return html
