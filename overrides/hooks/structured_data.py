"""Add schema.org JSON-LD to each page's <head> (built by edition.structured from the
generated resolution.json)."""

from __future__ import annotations

from edition.formats import exports
from edition.site import structured

_data: dict = {}


def on_config(config, **kwargs):
    _data.clear()
    _data.update(exports.read_json(config.docs_dir) or {})
    return config


def on_post_page(output, *, page, config):
    if not _data or "</head>" not in output:
        return output
    meta = page.meta or {}
    title = meta.get("title") or page.title or config.site_name
    obj = structured.json_ld(
        _data, page.url or "index.html", title, config.site_url, meta.get("role"), meta.get("paragraph")
    )
    return output.replace("</head>", structured.script_tag(obj) + "\n  </head>", 1)
