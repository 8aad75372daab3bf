"""Stage 3: find the documents a resolution cites, in its paragraphs and in its notes.

`parse` gives the paragraphs and notes with clean text (no note markers); this module only
reads them. It guarantees:

1. Every citation is a span of the text it was found in (`text[start:end]`), named by a
   document key: the symbol as printed (`A/CONF.157/24 (Part I)`), a symbol built from a
   resolution's number (`résolution 67/169` -> `A/RES/67/169`, `résolution 19/33 du
   Conseil des droits de l’homme` -> `A/HRC/RES/19/33`), or `Charte des Nations Unies`.
2. Citations in one text never overlap; they are sorted by position.
3. `documents()` lists every document cited, each once, in order of first citation
   (the report in the header first, then the paragraphs in order, a note's documents
   at its call), with the anchors of the paragraphs citing it and the notes that do.

The rules for a new kind of citation (a Security Council resolution, a treaty by name)
are added here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from edition.model import HEADER, Citation, CitedDocument, Footnote, Paragraph

# "la résolution 19/33 du Conseil des droits de l’homme"
HRC_RESOLUTION = re.compile(r"résolution (\d{1,2}/\d{1,3}) du Conseil des droits de l’homme")
# "la résolution 2000/22" (Commission and Sub-Commission numbers start with a year)
COMMISSION_RESOLUTION = re.compile(r"résolution (\d{4}/\d{1,3})")
# "sa résolution 67/169" (a General Assembly resolution)
GA_RESOLUTION = re.compile(r"résolution (\d{1,3}/\d{1,4})(?! du Conseil)")
# "la Charte des Nations Unies", "la Charte"
CHARTER = re.compile(r"Charte des Nations Unies|(?<=la )Charte\b")
CHARTER_KEY = "Charte des Nations Unies"
# A document symbol: "A/67/53", "A/CONF.157/24 (Part I)", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46";
# never the middle of a path ("www.ohchr.org/FR/Issues": see WEB_ADDRESS).
SYMBOL = re.compile(r"(?<![\w./\-])[A-Z]{1,3}/[A-Za-z0-9./\-]*[A-Za-z0-9](?: \((?:Part|Vol\.) [IVX]+\))?")
# A web address in the wording: "http://www.ohchr.org/FR/Issues/…", "www.un.org/fr/…". Nothing
# inside one is a cited document.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
# "Résolution 55/2." in a note: a General Assembly resolution.
NOTE_RESOLUTION = re.compile(r"[Rr]ésolution (\d{1,3}/\d{1,4})")


def _outside_addresses(text: str, matches):
    """The matches that fall outside every web address of `text`."""
    addresses = [(m.start(), m.end()) for m in WEB_ADDRESS.finditer(text)]
    return [m for m in matches if not any(a < m.end() and m.start() < b for a, b in addresses)]


def in_note(text: str) -> tuple[Citation, ...]:
    """The documents a footnote's text names."""
    found = [Citation(f"A/RES/{m[1]}", m.start(), m.end()) for m in NOTE_RESOLUTION.finditer(text)]
    found += [Citation(m[0], m.start(), m.end()) for m in _outside_addresses(text, SYMBOL.finditer(text))]
    return tuple(sorted(found, key=lambda c: c.start))


def in_paragraph(p: Paragraph) -> Paragraph:
    """The paragraph with the documents its running text names."""
    found: list[Citation] = []

    def add(key: str, start: int, end: int) -> None:
        if not any(c.start < end and start < c.end for c in found):
            found.append(Citation(key, start, end))

    for m in HRC_RESOLUTION.finditer(p.text):
        add(f"A/HRC/RES/{m[1]}", m.start(), m.end())
    for m in COMMISSION_RESOLUTION.finditer(p.text):
        if "Sous-Commission" in p.text:
            # "Sub.2" as the UN prints the Sub-Commission's symbols (note 5: E/CN.4/Sub.2/2000/46)
            add(f"E/CN.4/Sub.2/RES/{m[1]}", m.start(), m.end())
        elif "Commission des droits de l’homme" in p.text:
            add(f"E/CN.4/RES/{m[1]}", m.start(), m.end())
    for m in GA_RESOLUTION.finditer(p.text):
        add(f"A/RES/{m[1]}", m.start(), m.end())
    for m in _outside_addresses(p.text, SYMBOL.finditer(p.text)):
        add(m[0], m.start(), m.end())
    for m in CHARTER.finditer(p.text):
        add(CHARTER_KEY, m.start(), m.end())
    found.sort(key=lambda c: c.start)
    return replace(p, citations=tuple(found))


def documents(
    report: str, paragraphs: list[Paragraph], footnotes: list[Footnote]
) -> tuple[CitedDocument, ...]:
    """Every document cited, in order of first citation: header, then the text and notes."""
    cited: dict[str, dict] = {}  # key -> {"by": {place: None}, "notes": {number: None}}: ordered sets

    def cite(key: str, where: str, note: int | None = None) -> None:
        entry = cited.setdefault(key, {"by": {}, "notes": {}})
        entry["by"].setdefault(where)
        if note is not None:
            entry["notes"].setdefault(note)

    if SYMBOL.fullmatch(report):
        cite(report, HEADER)
    by_number = {n.number: n for n in footnotes}
    for p in paragraphs:
        events = [(c.start, "text", c.key) for c in p.citations]
        events += [(call.offset, "note", call.number) for call in p.calls]
        for _, kind, value in sorted(events, key=lambda e: (e[0], e[1] == "note")):
            if kind == "text":
                cite(value, p.anchor)
            else:
                for symbol in by_number[value].symbols:
                    cite(symbol, p.anchor, value)
    return tuple(
        CitedDocument(key, None if key == CHARTER_KEY else key, tuple(e["by"]), tuple(e["notes"]))
        for key, e in cited.items()
    )
