"""Index the resolution per paragraph: after Material's search plugin wrote
search/search_index.json (and before the offline plugin inlines it into search_index.js),
replace the scraped entries of the paragraph pages by one entry per paragraph, made from
the model. The logic lives in scripts/edition/search.py."""

from __future__ import annotations

from edition import search


def on_post_build(config, **kwargs):
    search.rewrite(config.site_dir, config.docs_dir)
