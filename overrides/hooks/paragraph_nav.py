"""Expand the navigation's "dispositif/" entry into one item per operative-paragraph page,
in numeric order, so that a resolution of any length gets its whole navigation."""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = "dispositif/"


def _expand(items: list, docs: Path) -> list:
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == PLACEHOLDER:
                pages = sorted(docs.glob("dispositif/*.md"),
                               key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
                value = [{f"Paragraphe {p.stem}": f"dispositif/{p.name}"} for p in pages]
            elif isinstance(value, list):
                value = _expand(value, docs)
            item = {title: value}
        out.append(item)
    return out


def on_config(config, **kwargs):
    if config.nav:
        config.nav = _expand(config.nav, Path(config.docs_dir))
    return config
