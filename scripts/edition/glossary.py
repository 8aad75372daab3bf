"""The context a reader needs, from the curated data: the glossary of the institutions and
instruments the text names (where each occurs in the text) and the series of resolutions
of the same title; and the Markdown of the page that shows both (glossaire.md).

`occurrences()` gives the spans of the text where a glossary term occurs, for the page
renderers to link each to its entry (glossaire.html#<slug>)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from . import authority
from .annotations import Annotations, GlossaryEntry
from .french import french_date
from .model import Paragraph, Resolution

PAGE = "glossaire.md"
SERIES_ANCHOR = "serie"


def occurrences(text: str, glossary: dict[str, GlossaryEntry]) -> list[tuple[int, int, str]]:
    """(start, end, slug) of every form of every term in `text`, in order, without overlaps
    (the longer form wins where two meet)."""
    found = []
    for entry in glossary.values():
        for form in entry.forms:
            start = text.find(form)
            while start != -1:
                found.append((start, start + len(form), entry.slug))
                start = text.find(form, start + 1)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def mentions(res: Resolution, entry: GlossaryEntry) -> list[Paragraph]:
    """The paragraphs whose text holds one of the entry's forms."""
    return [p for p in res.paragraphs if any(form in p.text for form in entry.forms)]


def _link(url: str) -> str:
    """A Markdown link to an official address, named by what follows the host and language."""
    name = url.split("undocs.org/fr/", 1)[-1] if "undocs.org/fr/" in url else url.split("://", 1)[-1]
    return f"[{name}]({quote(url, safe=':/.-#')})"


def page(
    res: Resolution,
    notes: Annotations,
    header: str,
    esc: Callable[[str], str],
    para_link: Callable[[Paragraph], str],
    label: Callable[[Paragraph], str],
) -> str:
    """glossaire.md: an entry per term (anchor = its slug) with its definition, its
    sources and the paragraphs that name it; then the series, previous and next marked."""
    out = [
        header,
        "# Glossaire et série de résolutions\n\n",
        '<div class="ed" markdown>\n'
        "Les institutions et les textes que nomme la résolution, décrits en quelques mots par "
        "l’édition (non par l’Assemblée générale), avec leurs sources officielles ; puis les "
        "résolutions de l’Assemblée générale qui portent le même titre.\n</div>\n\n",
    ]
    if not notes.glossary:
        out.append(
            '<div class="ed" markdown>\nLes données de l’édition ne comptent pas de glossaire.\n</div>\n\n'
        )
    for entry in notes.glossary.values():
        out.append(f"## {esc(entry.term)} {{ #{entry.slug} }}\n\n")
        out.append('<div class="ed res-doc" markdown>\n')
        out.append(esc(entry.definition) + "\n\n")
        out.append("**Sources :** " + ", ".join(_link(u) for u in entry.sources) + ".\n\n")
        used = mentions(res, entry)
        if used:
            links = ", ".join(f"[{label(p)[0].lower()}{label(p)[1:]}]({para_link(p)})" for p in used)
            out.append(f"**Dans la résolution :** {links}.\n")
        out.append("</div>\n\n")
    # the heading always, so that its address (glossaire.html#serie) always resolves
    out.append(f"## La série « {esc(res.title)} » {{ #{SERIES_ANCHOR} }}\n\n")
    out.append('<div class="ed" markdown>\n')
    if not notes.series:
        out.append("Les données de l’édition ne donnent pas de série de résolutions de même titre.\n</div>\n")
    else:
        out.append(
            "Les résolutions de l’Assemblée générale portant ce titre dont la cote et la date sont "
            "confirmées par les sources de l’édition ; la liste peut donc être incomplète.\n\n"
        )
        symbols = [s.symbol for s in notes.series]
        here = symbols.index(res.symbol) if res.symbol in symbols else None
        for i, s in enumerate(notes.series):
            mark = ""
            if here is not None:
                mark = {
                    here - 1: " — **précédente**",
                    here: " — **la présente résolution**",
                    here + 1: " — **suivante**",
                }.get(i, "")
            out.append(
                f"- [{esc(s.symbol)}]({authority.official_url(s.symbol)}), {french_date(s.date)}{mark} "
                f"(source : {esc(s.source)})\n"
            )
        out.append("</div>\n")
    return "".join(out)
