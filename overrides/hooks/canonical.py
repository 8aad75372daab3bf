"""Old addresses kept for readers' links (texte-integral.html, themes.html) show their
text with a canonical link to its new place: the page's front matter names it
(`canonical: index.html`), and Material writes the link from
`page.canonical_url` (absolute with SITE_URL, relative to the site root otherwise)."""

from __future__ import annotations


def on_page_context(context, *, page, config, nav):
    target = (page.meta or {}).get("canonical")
    if target:
        page.canonical_url = (config.site_url or "") + target
    return context
