"""Index the resolution per paragraph: after Material's search plugin wrote
search/search_index.json (and before the offline plugin inlines it into search_index.js),
replace the scraped entries of the resolution's pages by one entry per paragraph, made from
the model. The logic lives in scripts/edition/search.py."""

from __future__ import annotations

from edition import exports, search


def on_post_build(*, config):
    search.rewrite(config.site_dir, exports.read_model(config.docs_dir))
