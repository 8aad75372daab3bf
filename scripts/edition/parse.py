"""Stage 2: parse normalised blocks into the document model.

Relies on `normalise`'s guarantees (no page debris, notes taken out and whole, one
block per paragraph). Does: joining a paragraph's lines, French typography, the header
(date, committee, report, number, title), the opening formula, the preambular and
operative paragraphs, footnote calls glued to words, and the documents cited.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import typography
from .errors import ParseError
from .french import NO_COMMITTEE, month_number
from .model import Citation, CitedDocument, Footnote, FootnoteCall, Paragraph, Resolution
from .normalise import Line, RawNote, decode, normalise

FORMULA = "L’Assemblée générale,"

# "Résolution adoptée par l’Assemblée générale le 18 décembre 2013"
ADOPTED = re.compile(r"^Résolution adoptée par l’Assemblée générale le (\d{1,2})(?:er)? (\w+) (\d{4})$")
# "[sur la base du rapport de la Troisième Commission (A/68/456/Add.2)]"
# "[sans renvoi à une grande commission (A/68/L.42)]"
REPORT = re.compile(
    r"^\[(?:sur la base du rapport de la (?P<committee>[\w\s-]+?Commission)"
    r"|sans renvoi à une grande commission) \((?P<symbol>[^)]+)\)\]$"
)
# "68/160. Renforcement de la coopération internationale …"
TITLE = re.compile(r"^(\d+)/(\d+)\.\s+(\S.*)$")
# "7. Réaffirme que …"
OPERATIVE = re.compile(r"^(\d+)\.\s+(\S.*)$")
# How the last operative paragraph ends: a full stop, maybe a note call or a closing mark.
FINAL_STOP = re.compile(r"\.[\d»”)\]]*$")
# A line ending in a compound's hyphen: "Haut-" (then "Commissaire").
COMPOUND_BREAK = re.compile(r"[^\W\d_]-$")
# A year a note marker may be glued to: "20002" is 2000 + note 2.
YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
# Trailing punctuation that may follow a note marker: "Durban4," "l’homme5,".
TRAILING = ",;.:!?)»”"
# What a note marker may be glued to besides a letter: a closing parenthesis, guillemet,
# quotation mark or bracket, "(Afrique du Sud)4", "« Durban »4".
CLOSING = ")»”]"

# Words that stay in the italic opening after its first word.
OPENING_MODIFIERS = (
    "également",
    "aussi",
    "en outre",
    "de nouveau",
    "instamment",
    "vivement",
    "fermement",
    "note",
    "acte",
    "compte",
    "avec satisfaction",
    "avec préoccupation",
    "avec inquiétude",
    "avec intérêt",
)

# A pronoun that opens a paragraph with its verb: "Se félicite", "Se déclarant".
REFLEXIVE = ("Se",)

# Documents named in the running text; each pattern's group 1 is the number.
# "la résolution 19/33 du Conseil des droits de l’homme"
HRC_RESOLUTION = re.compile(r"résolution (\d{1,2}/\d{1,3}) du Conseil des droits de l’homme")
# "la résolution 2000/22" (Commission and Sub-Commission numbers start with a year)
COMMISSION_RESOLUTION = re.compile(r"résolution (\d{4}/\d{1,3})")
# "sa résolution 67/169" (a General Assembly resolution)
GA_RESOLUTION = re.compile(r"résolution (\d{1,3}/\d{1,4})(?! du Conseil)")
# "la Charte des Nations Unies", "la Charte"
CHARTER = re.compile(r"Charte des Nations Unies|(?<=la )Charte\b")
CHARTER_KEY = "Charte des Nations Unies"
# A document symbol: "A/67/53", "A/CONF.157/24 (Part I)", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"
SYMBOL = re.compile(r"\b[A-Z]{1,3}/[A-Za-z0-9./\-]*[A-Za-z0-9](?: \((?:Part|Vol\.) [IVX]+\))?")
# An opening's first word: "Réaffirme" in "Réaffirme ;" or "Rappelant," .
FIRST_WORD = re.compile(r"[^\s,;.:]+")
# "Résolution 55/2." in a note: a General Assembly resolution.
NOTE_RESOLUTION = re.compile(r"[Rr]ésolution (\d{1,3}/\d{1,4})")


def parse_file(path: str | Path) -> Resolution:
    """Parse a resolution's text file; a ParseError names `path`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ParseError(f"impossible de lire le fichier ({err.strerror})", path=str(path)) from None
    try:
        return parse(decode(data))
    except ParseError as err:
        raise err.at(str(path)) from None


def parse(text: str) -> Resolution:
    norm = normalise(text)
    blocks = list(norm.blocks)
    if len(blocks) < 4:
        last = blocks[-1][-1] if blocks else Line(1, "")
        raise ParseError(
            "texte trop court pour une résolution",
            line=last.number,
            text=last.text,
            expected="en-tête, titre, formule et paragraphes",
        )

    adopted = _adopted(blocks[0])
    committee, report = _report(blocks[1])
    session, number, title = _title(blocks[2])

    formula_at = next((i for i, b in enumerate(blocks) if _join(b) == FORMULA), None)
    if formula_at is None:
        first = blocks[3][0]
        raise ParseError(
            "formule d’ouverture introuvable",
            line=first.number,
            text=first.text,
            expected=f"une ligne « {FORMULA} » avant le premier alinéa",
        )

    preamble, operative = _paragraphs(blocks[formula_at + 1 :], blocks[formula_at][-1])
    paragraphs, footnotes = _footnote_calls(preamble + operative, norm.notes, blocks)
    paragraphs = [_with_citations(p) for p in paragraphs]
    preamble, operative = paragraphs[: len(preamble)], paragraphs[len(preamble) :]

    return Resolution(
        symbol=f"A/RES/{session}/{number}",
        session=session,
        number=number,
        adopted=adopted,
        title=title,
        committee=committee,
        report=report,
        formula=FORMULA,
        preamble=tuple(preamble),
        operative=tuple(operative),
        footnotes=tuple(footnotes),
        documents=_documents(report, paragraphs, footnotes),
        source_lines={
            "adopted": blocks[0][0].number,
            "report": blocks[1][0].number,
            "title": blocks[2][0].number,
            "formula": blocks[formula_at][0].number,
        },
    )


# -- header -------------------------------------------------------------------------


def _adopted(block: tuple[Line, ...]) -> str:
    match = ADOPTED.match(_join(block))
    month = month_number(match[2]) if match else None
    if not match or not month:
        raise ParseError(
            "en-tête de résolution non reconnu",
            line=block[0].number,
            text=block[0].text,
            expected="« Résolution adoptée par l’Assemblée générale le 18 décembre 2013 »",
        )
    return f"{match[3]}-{month:02d}-{int(match[1]):02d}"


def _report(block: tuple[Line, ...]) -> tuple[str, str]:
    match = REPORT.match(_join(block))
    if not match:
        raise ParseError(
            "mention du rapport de commission non reconnue",
            line=block[0].number,
            text=block[0].text,
            expected="« [sur la base du rapport de la Troisième Commission (A/68/456/Add.2)] »",
        )
    return (match["committee"] or NO_COMMITTEE), match["symbol"]


def _title(block: tuple[Line, ...]) -> tuple[int, int, str]:
    match = TITLE.match(_join(block))
    if not match:
        raise ParseError(
            "numéro et titre de la résolution non reconnus",
            line=block[0].number,
            text=block[0].text,
            expected="« 68/160. Titre de la résolution »",
        )
    return int(match[1]), int(match[2]), match[3]


# -- paragraphs ---------------------------------------------------------------------


def _join(block: tuple[Line, ...]) -> str:
    """A block's lines as one line: compounds cut at a hyphen rejoined, French spacing."""
    text = ""
    for line in block:
        if not text:
            text = line.text
        elif COMPOUND_BREAK.search(text):
            text += line.text
        else:
            text += " " + line.text
    text = re.sub(r"\s+", " ", text).replace("'", "’")
    return typography.space(text)


def _opening(text: str) -> str:
    opening = FIRST_WORD.match(text)[0]
    rest = text[len(opening) :].lstrip(" ")
    # "Profondément préoccupée", "Se félicite": an adverb or a reflexive pronoun and its verb
    if (opening.endswith("ment") or opening in REFLEXIVE) and rest[:1].isalpha():
        second = FIRST_WORD.match(rest)[0]
        opening, rest = f"{opening} {second}", rest[len(second) :].lstrip(" ")
    progressed = True
    while progressed:
        progressed = False
        for modifier in OPENING_MODIFIERS:
            if rest == modifier or rest.startswith(modifier + " ") or rest.startswith(modifier + ","):
                opening, rest = f"{opening} {modifier}", rest[len(modifier) :].lstrip(" ")
                progressed = True
    return opening


def _paragraphs(blocks: list[tuple[Line, ...]], formula: Line) -> tuple[list[Paragraph], list[Paragraph]]:
    """The paragraphs after the formula (whose last line is `formula`)."""
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    for block in blocks:
        text = _join(block)
        match = OPERATIVE.match(text)
        expected = len(operative) + 1
        if match:
            found = int(match[1])
            if found != expected:
                what = (
                    f"paragraphe {found} répété ou hors d’ordre"
                    if found < expected
                    else f"paragraphe {expected} manquant ou hors d’ordre (trouvé {found})"
                )
                raise ParseError(
                    f"numérotation du dispositif : {what}",
                    line=block[0].number,
                    text=block[0].text,
                    expected=f"le paragraphe {expected}.",
                )
            body = match[2]
            operative.append(Paragraph("op", found, _opening(body), body, block[0].number))
        elif operative:
            raise ParseError(
                "texte sans numéro après le début du dispositif",
                line=block[0].number,
                text=block[0].text,
                expected=f"le paragraphe {expected}. du dispositif",
            )
        else:
            same = next((p for p in preamble if p.text == text), None)
            if same:
                raise ParseError(
                    f"alinéa {len(preamble) + 1} du préambule identique à l’alinéa "
                    f"{same.number} (ligne {same.line}) : bloc répété ?",
                    line=block[0].number,
                    text=block[0].text,
                    expected="des alinéas distincts",
                )
            preamble.append(Paragraph("pp", len(preamble) + 1, _opening(text), text, block[0].number))
    if not operative:
        last = blocks[-1][-1] if blocks else formula
        raise ParseError(
            "aucun paragraphe du dispositif",
            line=last.number,
            text=last.text,
            expected="des paragraphes numérotés « 1. », « 2. »…",
        )
    if not FINAL_STOP.search(operative[-1].text):
        last = blocks[-1][-1]
        raise ParseError(
            f"le paragraphe {operative[-1].number} du dispositif, le dernier, ne se "
            "termine pas par un point : texte tronqué ?",
            line=last.number,
            text=last.text,
            expected="un dernier paragraphe terminé par « . »",
        )
    return preamble, operative


# -- footnotes ----------------------------------------------------------------------


def _marker_at(token: str, number: int) -> bool:
    """Whether `token` (punctuation stripped) ends in note marker `number`, glued to it."""
    mark = str(number)
    if not token.endswith(mark) or "/" in token:
        return False
    head = token[: -len(mark)]
    if not head:
        return False
    return head[-1].isalpha() or head[-1] in CLOSING or bool(YEAR.fullmatch(head))


def _find_marker(paragraphs: list[Paragraph], number: int, start: tuple[int, int]):
    """The first (paragraph index, offset) at or after `start` where marker `number` is."""
    for index in range(start[0], len(paragraphs)):
        text = paragraphs[index].text
        begin = start[1] if index == start[0] else 0
        for token in re.finditer(r"\S+", text):
            if token.end() <= begin:
                continue
            core = token[0].rstrip(TRAILING)
            if _marker_at(core, number):
                return index, token.start() + len(core) - len(str(number))
    return None


def _line_of(paragraph: Paragraph, offset: int, blocks) -> int:
    """The source line holding character `offset` of a paragraph (approximately, by words)."""
    block = next(b for b in blocks if b[0].number == paragraph.line)
    words_before = len(paragraph.text[:offset].split())
    seen = 0
    for line in block:
        seen += len(line.text.split())
        if seen >= words_before:
            return line.number
    return block[-1].number


def _footnote_calls(paragraphs: list[Paragraph], notes: tuple[RawNote, ...], blocks):
    paragraphs = list(paragraphs)
    calls: dict[int, list[FootnoteCall]] = {}
    footnotes: list[Footnote] = []
    position = (0, 0)
    for note in notes:
        found = _find_marker(paragraphs, note.number, position)
        if found is None:
            raise ParseError(
                f"la note {note.number} n’est appelée nulle part dans le texte",
                line=note.line,
                text=f"{note.number} {note.text}",
                expected=f"un appel de note « {note.number} » collé à un mot du texte, "
                "après l’appel de la note précédente",
            )
        index, offset = found
        p = paragraphs[index]
        mark = len(str(note.number))
        text = p.text[:offset] + p.text[offset + mark :]
        # the opening is read again without the marker: "Décide1 de" opens with "Décide"
        paragraphs[index] = replace(p, opening=_opening(text), text=text)
        calls.setdefault(index, []).append(FootnoteCall(note.number, offset))
        footnotes.append(Footnote(note.number, note.text, note.line, p.anchor, _note_citations(note.text)))
        position = (index, offset)
    orphan = _find_marker(paragraphs, len(notes) + 1, position)
    if orphan is not None:
        index, offset = orphan
        p = paragraphs[index]
        line = _line_of(p, offset, blocks)
        shown = next(ln.text for b in blocks for ln in b if ln.number == line)
        raise ParseError(
            f"appel de note {len(notes) + 1} sans texte de note",
            line=line,
            text=shown,
            expected=f"une note « {len(notes) + 1} … » en bas de page",
        )
    for index, found in calls.items():
        paragraphs[index] = replace(paragraphs[index], calls=tuple(found))
    return paragraphs, footnotes


def _note_citations(text: str) -> tuple[Citation, ...]:
    found = [Citation(f"A/RES/{m[1]}", m.start(), m.end()) for m in NOTE_RESOLUTION.finditer(text)]
    found += [Citation(m[0], m.start(), m.end()) for m in SYMBOL.finditer(text)]
    return tuple(sorted(found, key=lambda c: c.start))


# -- citations in the text ----------------------------------------------------------


def _with_citations(p: Paragraph) -> Paragraph:
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
    for m in SYMBOL.finditer(p.text):
        add(m[0], m.start(), m.end())
    for m in CHARTER.finditer(p.text):
        add(CHARTER_KEY, m.start(), m.end())
    found.sort(key=lambda c: c.start)
    return replace(p, citations=tuple(found))


def _documents(report: str, paragraphs: list[Paragraph], footnotes: list[Footnote]):
    """Every document cited, in order of first citation: header, then the text and notes."""
    cited: dict[str, dict] = {}

    def cite(key: str, where: str, note: int | None = None) -> None:
        entry = cited.setdefault(key, {"by": [], "notes": []})
        if where not in entry["by"]:
            entry["by"].append(where)
        if note is not None and note not in entry["notes"]:
            entry["notes"].append(note)

    if SYMBOL.fullmatch(report):
        cite(report, "header")
    for p in paragraphs:
        events = [(c.start, "text", c.key) for c in p.citations]
        events += [(call.offset, "note", call.number) for call in p.calls]
        for _, kind, value in sorted(events, key=lambda e: (e[0], e[1] == "note")):
            if kind == "text":
                cite(value, p.anchor)
            else:
                for symbol in next(n for n in footnotes if n.number == value).symbols:
                    cite(symbol, p.anchor, value)
    return tuple(
        CitedDocument(key, None if key == CHARTER_KEY else key, tuple(e["by"]), tuple(e["notes"]))
        for key, e in cited.items()
    )
