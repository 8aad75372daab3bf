"""Stage 1: undo the PDF-extraction debris of a resolution's text file.

`normalise(text)` returns the body as blocks of source lines plus the footnote texts,
and guarantees:

1. The text was valid, non-empty UTF-8 (checked by `decode`), holds no control
   character and no invisible one: zero-width spaces and joiners, bidirectional
   embeddings, overrides and isolates, soft hyphens, word joiners, line and paragraph
   separators (every format character, Unicode category Cf, and U+2028/U+2029) are
   refused with their line, never removed: such a character has no place in the
   official text, can hide an edit (a zero-width space on a blank line merges two
   paragraphs) or reorder what the reader sees, and removing it silently would let a
   damaged file through. Nor does it hold the marks of UTF-8 decoded twice (« Ã© »).
2. No footnote block is left in the body: a `_____` separator line, the numbered notes
   after it and their wrapped lines are taken out and returned as `RawNote`s, each whole
   (a wrapped note is joined onto one line by `join`, the rule the paragraphs follow, and
   so is an unfinished note continued under the next page's rule), numbered 1, 2, 3… in
   order. A number that starts a line after « Supplément no » continues that note.
3. No page debris is left anywhere, inside a paragraph or a note block as between them:
   the undocs.org hyperlink lines the extraction leaves (`http://undocs.org/fr/2000/22`),
   the print job number (`13-44984`, `13-44984 (F)`), the barcode (`*1344984*`), the page
   numbers « n/N » (all with one page count N that the text's length allows) and the
   running heads (the resolution's own symbol, alone or beside its title). Any other web
   address is wording and stays, even on a line of its own.
4. A sentence cut in two by a page bottom is whole again: the blank lines around the
   footnote block and the page debris are dropped, and the line after them continues the
   block before it, unless the layout plainly starts a new paragraph there: an operative
   number (« 7. »), a subparagraph letter (« b) »), or, after a block that ended as a
   paragraph ends (« , ; . : »), a preambular opening formula (`PREAMBLE_OPENER`:
   « Rappelant », « Consciente », « Profondément préoccupée »; a capitalised name such as
   « Genève » is not one). A line that starts a paragraph but is not indented, right under
   the notes, is refused: it would otherwise be read as the end of the last note.
5. Blocks are the text's paragraphs (the header lines, the title, the formula, each
   preambular and operative paragraph, each lettered subparagraph), separated by blank
   lines in the source; each line keeps its 1-based source line number, loses its
   surrounding whitespace and remembers whether it was indented.
6. Inside a block, only the first line may be indented (or a line resuming after a
   footnote block): an indented line inside a block is a paragraph start whose blank line
   is missing, and is refused.

It does not touch words: joining lines, note markers and typography are `parse`'s job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from edition.model.errors import ParseError

# "_______________" : the rule a PDF page draws above its footnotes.
SEPARATOR = re.compile(r"^_{5,}$")
# "1 A/CONF.157/24 (Part I), chap. III." : a note's first line, number then text.
NOTE_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# "http://undocs.org/fr/2000/22" : a hyperlink the extraction left on a line of its own
# (the PDF's link on a document symbol). Other addresses are the wording's.
STRAY_URL = re.compile(r"^https?://(?:www\.)?undocs\.org/\S*$")
# "13-44984", "13-44984 (F)" : the print job number at a page's foot, maybe on one line with
# the page number and the barcode ("2/5 13-44984 (F) *1344984*").
JOB_NUMBER = re.compile(
    r"^(?:\d{1,3} ?/ ?\d{1,3}\s+)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\*\d{7,8}\*)?(?:\s+\d{1,3} ?/ ?\d{1,3})?$"
)
# "*1344984*" : the barcode's text.
BARCODE = re.compile(r"^\*\d{7,8}\*$")
# "3/5" : a page number, page 3 of 5.
PAGE_NUMBER = re.compile(r"^(\d{1,3}) ?/ ?(\d{1,3})$")
# A page holds at least this many lines of text: a page count the text cannot fill is not one
# (« 19/33 » alone on a line of a five-page text is wording, and the grammar will say so).
LINES_PER_PAGE = 20
# "68/160. Renforcement…", "ES-11/1. …" : the title line, which gives the running head's symbol.
TITLE_START = re.compile(r"^((?:ES-)?\d{1,3})/(\d{1,4})\.\s+(\S.*)$")
# How a paragraph of this layout ends: "," (preamble), ";" or "." (operative), ":".
PARAGRAPH_END = re.compile(r"[,;.:]$")
# Control characters no text file of a resolution holds (tab, line feed, carriage return and
# form feed are whitespace), C1 controls included.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Invisible characters: every format character (Unicode category Cf: soft hyphen, zero-width
# space and joiners, bidi marks, embeddings, overrides and isolates, word joiner, BOM, tags…)
# and the line and paragraph separators. tests/test_errors.py checks the list against
# unicodedata.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# Digits other than 0-9 (full-width « ３ », Arabic-Indic, Devanagari…): Python's int() and
# \d would read them as numbers, so a paragraph « ３. » would silently become « 3. ».
FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")
# A letter and its accent as two characters (Unicode NFD, « e » + U+0301): the page looks
# the same, but the exports' text and the search would not match the ordinary spelling.
COMBINING = re.compile("[\u0300-\u036f]")
# "Ã©", "Ã¨", "â€™" : UTF-8 text decoded as Latin-1 or Windows-1252 and saved again.
MOJIBAKE = re.compile("Ã[\u00a0-\u00bf]|â€")
# "7. Réaffirme" : an operative paragraph's start.
OPERATIVE_START = re.compile(r"^\d+\.\s")
# "b) De prier" : a lettered subparagraph's start.
SUBPARAGRAPH_START = re.compile(r"^[a-z]\)\s")
# A preambular opening formula, as the layout's evidence that a paragraph starts after a
# page break: a present participle (« Rappelant », « Se félicitant », « Tenant compte »), a
# feminine adjective or past participle agreeing with « L’Assemblée générale »
# (« Préoccupée », « Convaincue », « Résolue », « Consciente », « Satisfaite »,
# « Soucieuse », « Sensible »), maybe after an adverb (« Profondément préoccupée »).
# Names of places, bodies and documents (« Genève », « Afrique », « Programme ») are not.
_FEMININE = r"(?:ant|ée|ées|cue|lue|ente|aite|euse)"
PREAMBLE_OPENER = re.compile(
    r"^(?:"
    rf"[A-ZÀ-ÖØ-ÞŒ][^\W\d_]*ment\s+[a-zà-öø-ÿœ][^\W\d_]*{_FEMININE}"
    r"|(?:Se\s+|S’)[^\W\d_]+ant"
    rf"|[A-ZÀ-ÖØ-ÞŒ][^\W\d_]*{_FEMININE}"
    r"|Sensible|Inquiète|Fidèle|Attentive"
    r")(?![^\W\d_])"
)
# Line ends after which the next line follows with no space: a hyphen or an en dash right
# after a letter or a digit (« Haut-|Commissaire », « 2014-|2017 », « 14–|25 juin »), a
# slash (« A/68/|290 », a web address). A dash after a space is punctuation: a space follows.
NO_SPACE_AFTER = re.compile(r"[^\W_][-–]$|/$")
# Line starts that follow with no space: a comma or a full stop after a wrapped address.
NO_SPACE_BEFORE = re.compile(r"^[,.]")
# A note's last line that a number on the next line continues: « Supplément no » + « 53 (A/67/53) ».
NUMBER_SIGN = re.compile(r"\b(?:no|nº|n°|nos|vol\.|Supplément)$")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    text: str  # stripped of surrounding whitespace
    indented: bool = False  # the source line started with whitespace


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
    for pattern, message, expected in (
        (
            CONTROL,
            "caractère de contrôle U+{code:04X} inattendu (fichier binaire ou abîmé ?)",
            "du texte, sans caractère de contrôle",
        ),
        (
            INVISIBLE,
            "caractère invisible U+{code:04X} ({name}) : espace sans chasse, marque "
            "bidirectionnelle ou trait d’union conditionnel",
            "du texte visible seulement ; supprimez ce caractère",
        ),
        (
            FOREIGN_DIGIT,
            "chiffre U+{code:04X} ({name}) : pas un chiffre 0 à 9",
            "les chiffres ordinaires 0 à 9",
        ),
        (
            COMBINING,
            "accent séparé de sa lettre U+{code:04X} ({name}) : texte en Unicode décomposé (NFD)",
            "des lettres accentuées d’un seul caractère (Unicode NFC) ; réenregistrez le texte en NFC",
        ),
        (
            MOJIBAKE,
            "texte encodé deux fois (« {found} » : de l’UTF-8 relu en Latin-1 ?)",
            "un texte encodé une seule fois en UTF-8",
        ),
    ):
        found = pattern.search(text)
        if found:
            line = text.count("\n", 0, found.start()) + 1
            shown = text.split("\n")[line - 1]
            code = ord(found[0][0])
            raise ParseError(
                message.format(code=code, name=unicodedata.name(found[0][0], "?"), found=found[0]),
                line=line,
                text=INVISIBLE.sub(
                    "\N{REPLACEMENT CHARACTER}", CONTROL.sub("\N{REPLACEMENT CHARACTER}", shown)
                ),
                expected=expected,
            )
    return text  # an empty text is refused by `normalise`


def join(text: str, line: str) -> str:
    """`text` continued by the next source line `line`: with a space, or none after a
    compound's hyphen, a dash between words or numbers, a slash, or before a comma."""
    if not text:
        return line
    if NO_SPACE_AFTER.search(text) or NO_SPACE_BEFORE.match(line):
        return text + line
    return f"{text} {line}"


def starts_paragraph(line: str, after_end: bool) -> bool:
    """Whether the layout starts a paragraph with `line` after a page break: a number or a
    subparagraph letter, or (`after_end`: the block before ended as a paragraph ends) a
    preambular opening formula."""
    if OPERATIVE_START.match(line) or SUBPARAGRAPH_START.match(line):
        return True
    return after_end and bool(PREAMBLE_OPENER.match(line))


def _continues(previous: str, following: str) -> bool:
    """Whether `following`, resuming after a page break, continues `previous`'s sentence."""
    return not starts_paragraph(following, bool(PARAGRAPH_END.search(previous)))


def page_debris(raw: list[str]) -> set[int]:
    """The 0-based indices of the page debris lines in `raw` (guarantee 3)."""
    stripped = [line.strip() for line in raw]
    symbol = title = None
    for start, text in enumerate(stripped[:12]):
        if match := TITLE_START.match(text):
            symbol, title = f"A/RES/{match[1]}/{match[2]}", match[3]
            for more in stripped[start + 1 :]:  # the title may wrap: read its whole block
                if not more:
                    break
                title = join(title, more)
            title = " ".join(title.split()).replace("'", "’")
            break
    heads = {symbol, f"{symbol} {title}", f"{title} {symbol}"} if symbol else set()
    limit = max(2, len(raw) // LINES_PER_PAGE + 1)
    pages: dict[int, list[int]] = {}
    out = set()
    for i, text in enumerate(stripped):
        text = " ".join(text.split()).replace("'", "’")
        if JOB_NUMBER.match(text) or BARCODE.match(text) or text in heads:
            out.add(i)
        elif (m := PAGE_NUMBER.match(text)) and 1 <= int(m[1]) <= int(m[2]) <= limit:
            pages.setdefault(int(m[2]), []).append(i)
    if pages:  # one page count for the whole text: the most frequent
        out.update(max(pages.values(), key=len))
    return out


def normalise(text: str) -> Normalised:
    if not text.strip():
        raise ParseError(
            "le fichier est vide",
            line=1,
            text="",
            expected="le texte d’une résolution de l’Assemblée générale",
        )
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    debris = page_debris(raw)
    blocks: list[tuple[Line, ...]] = []
    notes: list[RawNote] = []
    current: list[Line] = []
    blank_pending = False  # a blank line was seen since the last text line
    page_break = False  # a footnote block or page debris was removed since the last text line

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(tuple(current))
        current = []

    i = 0
    while i < len(raw):
        number, stripped = i + 1, raw[i].strip()
        if SEPARATOR.match(stripped):
            i = _footnote_block(raw, i, notes, debris)
            page_break = True
            continue
        i += 1
        if i - 1 in debris:
            page_break = True
            continue
        if STRAY_URL.match(stripped):
            continue
        if not stripped:
            blank_pending = True
            continue
        indented = raw[i - 1][:1].isspace()
        if current and (blank_pending or page_break):
            if not (page_break and _continues(current[-1].text, stripped)):
                close()
        elif current and indented:
            raise ParseError(
                "ligne en retrait au milieu d’un paragraphe : début d’un nouveau paragraphe "
                "sans ligne blanche avant lui ?",
                line=number,
                text=raw[i - 1],
                expected="une ligne blanche avant chaque paragraphe (sa première ligne est en "
                "retrait), les lignes suivantes sans retrait",
            )
        blank_pending = page_break = False
        current.append(Line(number, stripped, indented))
    close()
    return Normalised(tuple(blocks), tuple(notes))


def _footnote_block(raw: list[str], start: int, notes: list[RawNote], debris: set[int]) -> int:
    """Consume the footnote block whose separator is `raw[start]`; return the next index."""
    expected = notes[-1].number + 1 if notes else 1
    first_in_block = True
    i = start + 1
    while i < len(raw):
        line, stripped = raw[i], raw[i].strip()
        if not stripped or STRAY_URL.match(stripped) or i in debris:
            i += 1
            continue
        if line[:1].isspace() or SEPARATOR.match(stripped):
            break  # the body resumes (its lines are indented), or another page's notes
        match = NOTE_START.match(stripped)
        finished = not notes or notes[-1].text.endswith(".")
        continued = bool(notes) and NUMBER_SIGN.search(notes[-1].text) is not None
        if match and int(match[1]) == expected and not (continued and not first_in_block):
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
        elif match and notes and int(match[1]) == notes[-1].number and not continued:
            raise ParseError(
                f"note {notes[-1].number} répétée (ligne {notes[-1].line})",
                line=i + 1,
                text=line,
                expected=f"la suite de la note {notes[-1].number} ou la note {expected}",
            )
        elif finished and starts_paragraph(stripped, True):
            raise ParseError(
                "début de paragraphe sans retrait juste sous les notes de bas de page : "
                f"« {stripped[:40]} » serait lu comme la fin de la note {notes[-1].number}",
                line=i + 1,
                text=line,
                expected="la première ligne du texte, après les notes, en retrait",
            )
        else:  # a note wrapped onto another line, or continued under the next page's rule
            last = notes[-1]
            notes[-1] = RawNote(last.number, join(last.text, stripped), last.line)
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
