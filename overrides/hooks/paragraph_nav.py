"""Expand the navigation's "dispositif/" entry into one item per operative-paragraph page,
in numeric order, so that a resolution of any length gets its whole navigation.

Every page carries the whole navigation, so one item per paragraph would make the site grow
with the square of the paragraph count: past NAV_LIMIT paragraphs the entry lists ranges
("Paragraphes 51 à 100", each linking to its first paragraph; every paragraph page links to
the previous and next one), at most MAX_RANGES of them so the navigation's size stays
bounded, and the pages left out are declared `not_in_nav`."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pathspec

PLACEHOLDER = "dispositif/"
NAV_LIMIT = 50
MAX_RANGES = 10


def _expand(items: list, docs: Path, omitted: list[str]) -> list:
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == PLACEHOLDER:
                pages = sorted(docs.glob("dispositif/*.md"),
                               key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
                if len(pages) <= NAV_LIMIT:
                    value = [{f"Paragraphe {p.stem}": f"dispositif/{p.name}"} for p in pages]
                else:
                    size = NAV_LIMIT * math.ceil(len(pages) / NAV_LIMIT / MAX_RANGES)
                    ranges = [pages[i : i + size] for i in range(0, len(pages), size)]
                    value = [{f"Paragraphes {r[0].stem} à {r[-1].stem}": f"dispositif/{r[0].name}"}
                             for r in ranges]
                    omitted += [f"/dispositif/{p.name}" for r in ranges for p in r[1:]]
            elif isinstance(value, list):
                value = _expand(value, docs, omitted)
            item = {title: value}
        out.append(item)
    return out


def on_config(config, **kwargs):
    if config.nav:
        omitted: list[str] = []
        config.nav = _expand(config.nav, Path(config.docs_dir), omitted)
        if omitted:
            spec = pathspec.gitignore.GitIgnoreSpec.from_lines(omitted)
            config.not_in_nav = config.not_in_nav + spec if config.not_in_nav else spec
    return config
