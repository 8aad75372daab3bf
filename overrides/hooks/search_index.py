"""Index the resolution per paragraph: after Material's search plugin wrote
search/search_index.json (and before the offline plugin inlines it into search_index.js),
write the edition's index (search/edition_index.js: one entry per paragraph, made from the
model, with its notes, and the scraped entries of the other pages) and leave Material's file
only its `config`, since Material fetches it on every page view. The resolution's pages are
marked `search: exclude` first (Material's documented front matter), so the plugin does not
scrape what would be thrown away (30 ms a build). The logic lives in
scripts/edition/search.py."""

from __future__ import annotations

from edition.formats import exports
from edition.site import search


def on_page_markdown(markdown, *, page, config, files):
    if search.is_resolution_page(page.file.dest_uri):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_post_build(*, config):
    search.rewrite(config.site_dir, exports.read_model(config.docs_dir))
