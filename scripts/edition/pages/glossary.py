"""The context a reader needs, from the curated data: the glossary of the institutions and
instruments the text names (where each occurs in the text) and the series of resolutions
of the same title, as view models for the page that shows both (templates/glossary.html).

`occurrences()` gives the spans of the text where a glossary term occurs, for the page
renderers to link each to its entry (glossaire.html#<slug>)."""

from __future__ import annotations

from collections.abc import Callable

from edition.model import Paragraph, Resolution, authority
from edition.model.french import french_date, paragraph_label
from edition.model.notes import Annotations, GlossaryEntry


def occurrences(text: str, glossary: dict[str, GlossaryEntry]) -> list[tuple[int, int, str]]:
    """(start, end, slug) of every form of every term in `text`, in order, without overlaps
    (the longer form wins where two meet)."""
    found = []
    for slug, entry in glossary.items():
        for form in entry.forms:
            start = text.find(form)
            while start != -1:
                found.append((start, start + len(form), slug))
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


def source_name(url: str) -> str:
    """An official address named by what follows the host and language."""
    return url.split("undocs.org/fr/", 1)[-1] if "undocs.org/fr/" in url else url.split("://", 1)[-1]


def entries_view(res: Resolution, notes: Annotations, link: Callable[[Paragraph], str]) -> list[dict]:
    """The glossary page's entries: slug, term, definition, sources, and the paragraphs
    that name the term (label, link)."""
    return [
        {
            "slug": slug,
            "term": entry.term,
            "definition": entry.definition,
            "sources": [(source_name(u), u) for u in entry.sources],
            "mentions": [(paragraph_label(p.kind, p.number), link(p)) for p in mentions(res, entry)],
        }
        for slug, entry in notes.glossary.items()
    ]


def series_view(res: Resolution, notes: Annotations) -> list[dict]:
    """The series of resolutions of the same title, each with its official address and
    its place relative to this one (« précédente », « la présente résolution », « suivante »)."""
    symbols = [s.symbol for s in notes.series]
    here = symbols.index(res.symbol) if res.symbol in symbols else None
    out = []
    for i, s in enumerate(notes.series):
        mark = ""
        if here is not None:
            mark = {here - 1: "précédente", here: "la présente résolution", here + 1: "suivante"}.get(i, "")
        out.append(
            {
                "symbol": s.symbol,
                "date": french_date(s.date),
                "url": authority.official_url(s.symbol),
                "mark": mark,
                "source": s.source,
                "current": i == here,
            }
        )
    return out
