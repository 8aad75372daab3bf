"""Stage 1: undo the PDF-extraction debris of a resolution's text file.

`normalise(text)` returns the body as blocks of source lines plus the footnote texts,
and guarantees:

1. The text was valid, non-empty UTF-8 (checked by `decode`).
2. No footnote block is left in the body: a `_____` separator line, the numbered notes
   after it and their wrapped lines are taken out and returned as `RawNote`s, each whole
   (a wrapped note is joined onto one line, and so is an unfinished note continued under
   the next page's rule), numbered 1, 2, 3… in order.
3. No stray hyperlink line (`http://undocs.org/fr/2000/22`) is left anywhere.
4. A sentence cut in two by a page bottom is whole again: the blank lines around the
   footnote block are dropped and the line after it continues the block before it,
   unless it plainly starts a new paragraph.
5. Blocks are the text's paragraphs (the header lines, the title, the formula, each
   preambular and operative paragraph), separated by blank lines in the source; each line
   keeps its 1-based source line number and loses its surrounding whitespace.

It does not touch words: joining lines, note markers and typography are `parse`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ParseError

# "_______________" : the rule a PDF page draws above its footnotes.
SEPARATOR = re.compile(r"^_{5,}$")
# "1 A/CONF.157/24 (Part I), chap. III." : a note's first line, number then text.
NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# "http://undocs.org/fr/2000/22" : a hyperlink the extraction left on a line of its own.
STRAY_URL = re.compile(r"^https?://\S+$")
# How a paragraph of this layout ends: "," (preamble), ";" or "." (operative), ":".
PARAGRAPH_END = re.compile(r"[,;.:]$")
# Control characters no text file of a resolution holds (tab, line feed, carriage return and
# form feed are whitespace).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# "7. Réaffirme" : an operative paragraph's start.
OPERATIVE_START = re.compile(r"^\d+\.\s")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    text: str  # stripped of surrounding whitespace


@dataclass(frozen=True)
class RawNote:
    number: int
    text: str
    line: int


@dataclass(frozen=True)
class Normalised:
    blocks: tuple[tuple[Line, ...], ...]
    notes: tuple[RawNote, ...]


def decode(data: bytes) -> str:
    """The file's text, or a ParseError saying where it is not UTF-8 or holds control characters."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        shown = data.splitlines()[line - 1].decode("utf-8", errors="replace")
        raise ParseError(
            f"le fichier n’est pas en UTF-8 (octet 0x{data[err.start]:02x} invalide)",
            line=line,
            text=shown,
            expected="un texte encodé en UTF-8",
        ) from None
    text = text.removeprefix("\ufeff")
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        shown = text.split("\n")[line - 1]
        raise ParseError(
            f"caractère de contrôle U+{ord(control[0]):04X} inattendu (fichier binaire ou abîmé ?)",
            line=line,
            text=CONTROL.sub("\N{REPLACEMENT CHARACTER}", shown),
            expected="du texte, sans caractère de contrôle",
        )
    return text  # an empty text is refused by `normalise`


def _continues(previous: str, following: str) -> bool:
    """Whether `following`, resuming after a page break, continues `previous`'s sentence."""
    if OPERATIVE_START.match(following):
        return False
    return not PARAGRAPH_END.search(previous) or following[:1].islower()


def normalise(text: str) -> Normalised:
    if not text.strip():
        raise ParseError(
            "le fichier est vide",
            line=1,
            text="",
            expected="le texte d’une résolution de l’Assemblée générale",
        )
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[Line, ...]] = []
    notes: list[RawNote] = []
    current: list[Line] = []
    blank_pending = False  # a blank line was seen since the last text line
    page_break = False  # a footnote block was removed since the last text line

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(tuple(current))
        current = []

    i = 0
    while i < len(raw):
        number, stripped = i + 1, raw[i].strip()
        if SEPARATOR.match(stripped):
            i = _footnote_block(raw, i, notes)
            page_break = True
            continue
        i += 1
        if STRAY_URL.match(stripped):
            continue
        if not stripped:
            blank_pending = True
            continue
        if current and (blank_pending or page_break):
            if not (page_break and _continues(current[-1].text, stripped)):
                close()
        blank_pending = page_break = False
        current.append(Line(number, stripped))
    close()
    return Normalised(tuple(blocks), tuple(notes))


def _footnote_block(raw: list[str], start: int, notes: list[RawNote]) -> int:
    """Consume the footnote block whose separator is `raw[start]`; return the next index."""
    expected = notes[-1].number + 1 if notes else 1
    first_in_block = True
    i = start + 1
    while i < len(raw):
        line, stripped = raw[i], raw[i].strip()
        if not stripped or STRAY_URL.match(stripped):
            i += 1
            continue
        if line[:1].isspace() or SEPARATOR.match(stripped):
            break  # the body resumes (its lines are indented), or another page's notes
        match = NOTE_START.match(stripped)
        finished = not notes or notes[-1].text.endswith(".")
        if match and int(match[1]) == expected:
            notes.append(RawNote(expected, match[2].strip(), i + 1))
            expected += 1
        elif finished and (first_in_block or match):
            # a finished note (or none) followed by text that is not the next note
            raise ParseError(
                "texte de note inattendu après le filet de bas de page",
                line=i + 1,
                text=line,
                expected=f"la note {expected}, sous la forme « {expected} texte de la note »",
            )
        else:  # a note wrapped onto another line, or continued under the next page's rule
            last = notes[-1]
            notes[-1] = RawNote(last.number, f"{last.text} {stripped}", last.line)
        first_in_block = False
        i += 1
    if first_in_block:
        raise ParseError(
            "filet de bas de page sans aucune note",
            line=start + 1,
            text=raw[start],
            expected=f"la note {expected} sous le filet",
        )
    return i
