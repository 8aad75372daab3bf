"""Citation, Dublin Core, Open Graph and Twitter <meta> tags for each page: the tags come
from edition.metatags (page facts from the front matter, the resolution's from the
generated resolution.json); overrides/main.html writes them in its `extrahead` block."""

from __future__ import annotations

from edition.formats import exports
from edition.site import metatags

_data: dict = {}


def on_config(config, **kwargs):
    _data.clear()
    _data.update(exports.read_json(config.docs_dir) or {})
    return config


def on_page_context(context, *, page, config, nav):
    if _data:
        context["edition_official"] = {"url": _data["source"]["document"], "symbol": _data["symbol"]}
        context["edition_meta"] = metatags.tags(
            _data,
            page.meta or {},
            page.url or "index.html",
            config.site_url,
            config.site_name,
            config.site_description or "",
        )
    return context
