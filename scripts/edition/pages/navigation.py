"""The navigation's paragraph entries: "dispositif/" (mkdocs.yml: « Dispositif ») and
"preambule/" (inside « Préambule ») expanded into the paragraph pages, in order, labelled
with their number and opening words (« 13. Prie », « Alinéa 3 · Rappelant »), so that a
resolution of any length gets its whole navigation (used by the plugin, site/plugin.py).

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

from edition.model import OPERATIVE, PREAMBULAR, Paragraph, Resolution, urls

# The navigation entries expanded into paragraph pages, and the paragraphs they stand for.
PLACEHOLDERS = {f"{urls.OPERATIVE_DIR}/": OPERATIVE, f"{urls.PREAMBLE_DIR}/": PREAMBULAR}
NAV_LIMIT = 50
MAX_RANGES = 10


def expand(items: list, res: Resolution) -> tuple[list, list[str]]:
    """(the navigation with its placeholders expanded, the pages left out of it as
    gitignore-style patterns "/dispositif/N.md")."""
    omitted: list[str] = []
    return _expand(items, res, omitted), omitted


def label(p: Paragraph) -> str:
    """« Alinéa 3 · Rappelant également », « 13. Prie »."""
    return f"Alinéa {p.number} · {p.opening}" if p.preambular else f"{p.number}. {p.opening}"


def _expand(items: list, res: Resolution, omitted: list[str]) -> list:
    out = []
    for item in items:
        if isinstance(item, str) and item in PLACEHOLDERS:  # a bare entry: its pages, spliced in
            out += _paragraphs(PLACEHOLDERS[item], res, omitted)
            continue
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, str) and value in PLACEHOLDERS:
                value = _paragraphs(PLACEHOLDERS[value], res, omitted)
            elif isinstance(value, list):
                value = _expand(value, res, omitted)
            item = {html.escape(title): value}
        out.append(item)
    return out


def _paragraphs(kind: str, res: Resolution, omitted: list[str]) -> list[dict[str, str]]:
    paragraphs = res.preamble if kind == PREAMBULAR else res.operative
    if len(paragraphs) <= NAV_LIMIT:
        return [{html.escape(label(p)): urls.paragraph_page(p)} for p in paragraphs]
    size = NAV_LIMIT * math.ceil(len(paragraphs) / NAV_LIMIT / MAX_RANGES)
    ranges = [paragraphs[i : i + size] for i in range(0, len(paragraphs), size)]
    omitted += [f"/{urls.paragraph_page(p)}" for r in ranges for p in r[1:]]
    what = "Alinéas" if kind == PREAMBULAR else "Paragraphes"
    return [{f"{what} {r[0].number} à {r[-1].number}": urls.paragraph_page(r[0])} for r in ranges]
