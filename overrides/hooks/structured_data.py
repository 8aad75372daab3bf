"""Add schema.org JSON-LD to each page's <head> (built by edition.structured from the
generated resolution.json)."""

from __future__ import annotations

import json
from pathlib import Path

from edition import structured

_data: dict = {}


def on_config(config, **kwargs):
    path = Path(config.docs_dir) / "resolution.json"
    _data.clear()
    if path.is_file():
        _data.update(json.loads(path.read_text(encoding="utf-8")))
    return config


def on_post_page(output, *, page, config):
    if not _data or "</head>" not in output:
        return output
    title = (page.meta or {}).get("title") or page.title or config.site_name
    obj = structured.json_ld(_data, page.url or "index.html", title, config.site_url)
    return output.replace("</head>", structured.script_tag(obj) + "\n  </head>", 1)
