"""The navigation's "dispositif/" and "preambule/" entries expanded into the paragraph
pages, in numeric order, so that a resolution of any length gets its whole navigation
(used by overrides/hooks/paragraph_nav.py).

Every page carries the whole navigation, so one item per paragraph would make the site grow
with the square of the paragraph count: past NAV_LIMIT paragraphs the entry lists ranges
("Paragraphes 51 à 100", each linking to its first paragraph; every paragraph page links to
the previous and next one), at most MAX_RANGES of them so the navigation's size stays
bounded, and the pages left out are returned to be declared `not_in_nav`.

Material prints a navigation title as it is (`{{ nav_item.title }}`, and the footer's
previous and next), so every title of the expanded navigation, ours and mkdocs.yml's, is
escaped here, once: the labels are made of the text's opening words (issue 21)."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

from edition.model import urls

# The navigation entries expanded into paragraph pages: "Dispositif: dispositif/" in
# mkdocs.yml, and "preambule/" inside the « Préambule » section.
PLACEHOLDERS = {f"{urls.OPERATIVE_DIR}/": "op", f"{urls.PREAMBLE_DIR}/": "pp"}
NAV_LIMIT = 50
MAX_RANGES = 10


def expand(items: list, docs: Path, openings: dict[str, str] | None = None) -> tuple[list, list[str]]:
    """(the navigation with its placeholders expanded, the pages left out of it as
    gitignore-style patterns "/dispositif/N.md"). `openings` (paragraph anchor -> its
    opening words) labels each page « 13. Prie », « Alinéa 3 · Rappelant »; without it,
    « Paragraphe 13 », « Alinéa 3 »."""
    omitted: list[str] = []
    return _expand(items, Path(docs), omitted, openings or {}), omitted


def label(kind: str, number: str, openings: dict[str, str]) -> str:
    opening = openings.get(f"{kind}-{number}")
    if kind == "pp":
        return f"Alinéa {number} · {opening}" if opening else f"Alinéa {number}"
    return f"{number}. {opening}" if opening else f"Paragraphe {number}"


def _expand(items: list, docs: Path, omitted: list[str], openings: dict[str, str]) -> list:
    out = []
    for item in items:
        if isinstance(item, str) and item in PLACEHOLDERS:  # a bare entry: its pages, spliced in
            out += _paragraphs(item, docs, omitted, openings)
            continue
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, str) and value in PLACEHOLDERS:
                value = _paragraphs(value, docs, omitted, openings)
            elif isinstance(value, list):
                value = _expand(value, docs, omitted, openings)
            item = {html.escape(title): value}
        out.append(item)
    return out


def _paragraphs(
    folder: str, docs: Path, omitted: list[str], openings: dict[str, str]
) -> list[dict[str, str]]:
    kind = PLACEHOLDERS[folder]
    pages = sorted(docs.glob(f"{folder}*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if len(pages) <= NAV_LIMIT:
        return [{html.escape(label(kind, p.stem, openings)): f"{folder}{p.name}"} for p in pages]
    size = NAV_LIMIT * math.ceil(len(pages) / NAV_LIMIT / MAX_RANGES)
    ranges = [pages[i : i + size] for i in range(0, len(pages), size)]
    omitted += [f"/{folder}{p.name}" for r in ranges for p in r[1:]]
    what = "Alinéas" if kind == "pp" else "Paragraphes"
    return [{f"{what} {r[0].stem} à {r[-1].stem}": f"{folder}{r[0].name}"} for r in ranges]
