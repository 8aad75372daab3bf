"""Stage 2: parse normalised blocks into the document model.

Relies on `normalise`'s guarantees (valid UTF-8 without control or invisible characters,
no page debris, notes taken out, whole and numbered 1…N, one block per paragraph, no
indented line inside a block). Joins each block's lines (compounds cut at a hyphen
rejoined, French no-break spaces), reads the header, and knows the grammar of a
resolution: anything it cannot place is refused with a ParseError naming the line,
showing it and saying what was expected. A returned `Resolution` guarantees:

1. Header: adoption date, committee and report, session/number and title, in this order
   in the first three blocks; the fourth block is the formula « L’Assemblée générale, ».
2. Every paragraph starts on an indented line with an opening formula: a word with a
   capital letter (a preambular one a participle or adjective, « Rappelant »,
   « Consciente », « Profondément préoccupée »), an operative one its number first.
3. Every preambular paragraph ends with a comma, and none holds the start of the first
   operative paragraph (« 1. Réaffirme »).
4. Operative paragraphs are numbered 1…N without gap or repeat; each ends with a
   semicolon, the last with a full stop, or with a colon followed by lettered
   subparagraphs a), b)… (at least two, letters in order, each ending with a semicolon,
   the very last with the full stop); none holds the start of the next one
   (« … de 6. Estime que … »).
5. Each note is called exactly once, after the call of the note before it, by a number
   glued to a word or a closing mark (« l’homme1 », « (Afrique du Sud)4 »); a number glued
   to a year (« 20002 ») is read as a call only for a note with no other call, and only if
   it is that note's single such candidate. No number glued to a word is left in the text.
6. Paragraph and note texts are clean: note markers removed (their offsets kept as
   `FootnoteCall`s), lines joined, French spacing applied. Cited documents are found by
   `citations`.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from edition.model import (
    OPERATIVE,
    PREAMBULAR,
    Footnote,
    FootnoteCall,
    Paragraph,
    Resolution,
    Subparagraph,
    typography,
)
from edition.model.errors import ParseError
from edition.model.french import NO_COMMITTEE, month_number
from edition.source import citations
from edition.source.normalise import Line, RawNote, decode, join, normalise

FORMULA = "L’Assemblée générale,"

# "Résolution adoptée par l’Assemblée générale le 18 décembre 2013"
ADOPTED = re.compile(r"^Résolution adoptée par l’Assemblée générale le (\d{1,2})(?:er)? (\w+) (\d{4})$")
# "[sur la base du rapport de la Troisième Commission (A/68/456/Add.2)]"
# "[sur la base du rapport de la Commission des questions politiques spéciales et de la
#  décolonisation (Quatrième Commission) (A/68/411)]"
# "[sans renvoi à une grande commission (A/68/L.42)]"
REPORT = re.compile(
    r"^\[(?:sur la base du rapport de la (?P<committee>(?:[^\W\d_]|[\s’-])*?Commission"
    r"(?:[^\W\d_]|[\s’-])*?(?: \((?:[^\W\d_]|\s)+Commission\))?)"
    r"|sans renvoi à une grande commission) \((?P<symbol>A/[^()\s]+(?: \([^()]+\))?)\)\]$"
)
# "68/160. Renforcement de la coopération internationale …"; an emergency special
# session's: "ES-11/1. Agression contre l’Ukraine".
TITLE = re.compile(r"^((?:ES-)?\d{1,3})/(\d{1,4})\.\s+(\S.*)$")
# "7. Réaffirme que …"
NUMBERED = re.compile(r"^(\d+)\.\s+(\S.*)$")
# "a) De présenter …" : a lettered subparagraph.
SUBPARAGRAPH = re.compile(r"^([a-z])\)\s+(\S.*)$")
# A preambular paragraph's opening: a participle or an adjective (« Rappelant »,
# « Consciente », « Préoccupée »), maybe after an adverb or a pronoun (« Profondément
# préoccupée », « Se félicitant »).
PREAMBLE_OPENING = re.compile(r"^(?:[^\W\d_]+ment |Se |S’)?[A-ZÀ-ÖØ-Þa-zà-öø-ÿ’]+(?:ant|e|es)\d*\b")
# An operative paragraph's opening: a verb in the third person (« Réaffirme », « Prend »,
# « Reconnaît »), maybe after an adverb or a pronoun.
OPERATIVE_OPENING = re.compile(r"^(?:[^\W\d_]+ment |Se |S’)?[^\W\d_]+[etdî]\d*\b")
CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-ÞŒ]")
# An operative paragraph's start inside a paragraph's text: « … de 6. Estime que … ».
INNER_OPERATIVE = re.compile(r"(?<=\s)(\d{1,3})\.\s+[A-ZÀ-ÖØ-ÞŒ]")
# A subparagraph's start inside a paragraph's text: « … ; b) De … ».
INNER_SUBPARAGRAPH = re.compile(r"[;:]\s+[a-z]\)\s")
# How a preambular paragraph ends, and an operative paragraph or subparagraph that is not
# the last, and one that introduces subparagraphs.
PREAMBLE_END = re.compile(r",$")
OPERATIVE_END = re.compile(r";$")
INTRODUCES = re.compile(r":$")
# How the last operative paragraph ends: a full stop, maybe a note call or a closing mark.
FINAL_STOP = re.compile(r"\.[\d»”)\]]*$")
# A year a note marker may be glued to: "20002" is 2000 + note 2.
YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
# Trailing punctuation that may follow a note marker: "Durban4," "l’homme5,".
TRAILING = ",;.:!?)»”"
# What a note marker may be glued to besides a letter: a closing parenthesis, guillemet,
# quotation mark or bracket, "(Afrique du Sud)4", "« Durban »4".
CLOSING = ")»”]"
# The letters and digits a note marker is glued to: "homme" in "l’homme", "H5N" in "H5N1".
WORD_END = re.compile(r"[^\W_]+$")
# The digits ending a token: "20002", "l’homme5".
TRAILING_DIGITS = re.compile(r"\d+$")
# A token of running text.
TOKEN = re.compile(r"\S+")

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

# An opening's word: letters, maybe joined by an apostrophe or a hyphen ("Réaffirme",
# "S’engage"); nothing else can be part of it (it labels the navigation).
FIRST_WORD = re.compile(r"[^\W\d_]+(?:[’-][^\W\d_]+)*")
# What may follow an opening formula's first word: a space, punctuation, a note call's
# digits or the end. « Réaffirme<script> » or « Prie* » is no opening formula.
AFTER_OPENING = re.compile(r"$|[\s,;:.]|\d+(?:$|[\s,;:.])")
# Superscript digits: a note call as a PDF shows it, which the extraction writes as plain
# digits glued to the word (« l’homme1 »).
SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")
# A subparagraph numbered in roman numerals, nested under a lettered one: « i) », « ii) ».
ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x)\)\s")
# An annex after the last operative paragraph: « Annexe », « Annexe I ».
ANNEX = re.compile(r"^Annexe(?:\s+[IVX]+)?\b")


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
    _no_superscript(blocks + [tuple(Line(n.line, n.text) for n in norm.notes)])

    if _join(blocks[3]) != FORMULA:
        first = blocks[3][0]
        raise ParseError(
            "formule d’ouverture introuvable",
            line=first.number,
            text=first.text,
            expected=f"une ligne « {FORMULA} » après le titre, avant le premier alinéa",
        )

    parts = _paragraphs(blocks[4:], blocks[3][-1])
    paragraphs, footnotes = _footnote_calls(parts, norm.notes)
    paragraphs = [citations.in_paragraph(p) for p in paragraphs]
    preamble = [p for p in paragraphs if p.kind == PREAMBULAR]
    operative = [p for p in paragraphs if p.kind == OPERATIVE]

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
        documents=citations.documents(report, paragraphs, footnotes),
        source_lines={
            "adopted": blocks[0][0].number,
            "report": blocks[1][0].number,
            "title": blocks[2][0].number,
            "formula": blocks[3][0].number,
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
    year, day = int(match[3]), int(match[1])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ParseError(
            f"date d’adoption impossible : le {match[1]} {match[2]} {match[3]} n’existe pas",
            line=block[0].number,
            text=block[0].text,
            expected="une date du calendrier, « le 18 décembre 2013 »",
        ) from None


def _no_superscript(blocks: list[tuple[Line, ...]]) -> None:
    """Superscript digits are refused: the layout writes note calls as plain digits."""
    for block in blocks:
        for line in block:
            if found := SUPERSCRIPT.search(line.text):
                raise ParseError(
                    f"chiffre en exposant « {found[0]} » (U+{ord(found[0]):04X}) : appel de note "
                    "recopié du PDF tel qu’il s’affiche ?",
                    line=line.number,
                    text=line.text,
                    expected="l’appel de note en chiffres ordinaires collés au mot, comme les "
                    "extrait le PDF (« l’homme1 »)",
                )


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


def _title(block: tuple[Line, ...]) -> tuple[int | str, int, str]:
    """(session, number, title): the session is a number, or "ES-11" for an emergency
    special session."""
    match = TITLE.match(_join(block))
    if not match:
        raise ParseError(
            "numéro et titre de la résolution non reconnus",
            line=block[0].number,
            text=block[0].text,
            expected="« 68/160. Titre de la résolution » (ou « ES-11/1. Titre » pour une "
            "session extraordinaire d’urgence)",
        )
    session = match[1] if match[1].startswith("ES-") else int(match[1])
    return session, int(match[2]), match[3]


# -- paragraphs ---------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _join(block: tuple[Line, ...]) -> str:
    """A block's lines as one line: compounds cut at a hyphen rejoined, French spacing."""
    text = ""
    for line in block:
        text = join(text, line.text)
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


@dataclass
class _Part:
    """A paragraph being read: its blocks (the paragraph, then its subparagraphs)."""

    kind: str
    number: int
    blocks: list[tuple[Line, ...]]

    @property
    def lines(self) -> list[Line]:
        return [line for block in self.blocks for line in block]


def _refuse(message: str, line: Line, expected: str) -> ParseError:
    return ParseError(message, line=line.number, text=line.text, expected=expected)


def _check_start(block: tuple[Line, ...], text: str, kind: str, what: str) -> None:
    """A paragraph's first line: indented, an opening formula (after the number, if any)."""
    first = block[0]
    if not first.indented:
        raise _refuse(
            f"{what} : la première ligne n’est pas en retrait (ligne blanche en trop, ligne "
            "déplacée ou paragraphe coupé ?)",
            first,
            "la suite du paragraphe précédent sans ligne blanche, ou un nouveau paragraphe "
            "dont la première ligne est en retrait",
        )
    pattern = PREAMBLE_OPENING if kind == PREAMBULAR else OPERATIVE_OPENING
    word = FIRST_WORD.match(text)
    if word and CAPITAL.match(text) and not AFTER_OPENING.match(text, word.end()):
        raise _refuse(
            f"{what} : formule d’ouverture « {word[0]} » suivie de « {text[word.end()]} »",
            first,
            "une formule d’ouverture en lettres, suivie d’une espace, d’une ponctuation ou "
            "d’un appel de note (« Réaffirme que », « Décide1 de »)",
        )
    if not CAPITAL.match(text) or not pattern.match(text):
        shape = (
            "« Rappelant », « Consciente », « Profondément préoccupée »…"
            if kind == PREAMBULAR
            else "un verbe : « Réaffirme », « Prie », « Demande instamment »…"
        )
        raise _refuse(
            f"{what} : début non reconnu (« {text[:30]} »)", first, f"une formule d’ouverture, {shape}"
        )


def _check_inside(block: tuple[Line, ...], text: str, what: str, next_number: int) -> None:
    """No paragraph or subparagraph start inside a block's text."""
    for match in INNER_OPERATIVE.finditer(text):
        if int(match[1]) == next_number:
            line = _line_at(list(block), text, match.start())
            raise _refuse(
                f"{what} : le début du paragraphe {next_number} (« {match[0]}… ») est au milieu du "
                "texte : lignes fusionnées ?",
                line,
                f"le paragraphe {next_number}. en début de ligne, en retrait, après une ligne blanche",
            )
    match = INNER_SUBPARAGRAPH.search(text)
    if match:
        raise _refuse(
            f"{what} : un alinéa lettré (« {match[0].strip()} ») commence au milieu du texte : "
            "lignes fusionnées ?",
            _line_at(list(block), text, match.start()),
            "chaque alinéa lettré « a) », « b) »… en début de ligne, en retrait, après une ligne blanche",
        )


def _paragraphs(blocks: list[tuple[Line, ...]], formula: Line) -> list[_Part]:
    """The paragraphs after the formula (whose last line is `formula`), their grammar checked."""
    parts: list[_Part] = []
    operative: list[_Part] = []
    preamble_texts: dict[str, int] = {}
    for block in blocks:
        text = _join(block)
        last = block[-1]
        op = NUMBERED.match(text)
        sub = SUBPARAGRAPH.match(text)
        expected = len(operative) + 1
        if text == FORMULA:
            raise _refuse(
                f"formule « {FORMULA} » répétée (ligne {formula.number}) : bloc copié deux fois ?",
                block[0],
                "la formule une seule fois, avant le premier alinéa du préambule",
            )
        if (
            operative
            and ROMAN.match(text)
            and not (sub and sub[1] == chr(ord("a") + len(operative[-1].blocks) - 1))
        ):
            raise _refuse(
                f"sous-alinéa en chiffres romains (« {text.split()[0]} ») : les alinéas d’un "
                "second niveau ne sont pas pris en charge",
                block[0],
                "des paragraphes numérotés « 1. » et des alinéas lettrés « a) », « b) »",
            )
        if op:
            found = int(op[1])
            if found != expected:
                what = (
                    f"paragraphe {found} répété ou hors d’ordre"
                    if found < expected
                    else f"paragraphe {expected} manquant ou hors d’ordre (trouvé {found})"
                )
                raise _refuse(f"numérotation du dispositif : {what}", block[0], f"le paragraphe {expected}.")
            _close(operative[-1] if operative else None)
            what = f"paragraphe {found} du dispositif"
            _check_start(block, op[2], OPERATIVE, what)
            _check_inside(block, op[2], what, found + 1)
            part = _Part(OPERATIVE, found, [block])
            operative.append(part)
            parts.append(part)
        elif sub:
            if not operative or not INTRODUCES.search(_join(operative[-1].blocks[0])):
                raise _refuse(
                    f"alinéa lettré « {sub[1]}) » hors d’un paragraphe qui les annonce",
                    block[0],
                    "des alinéas « a) », « b) »… seulement après un paragraphe du dispositif "
                    "terminé par « : »",
                )
            owner = operative[-1]
            letter = chr(ord("a") + len(owner.blocks) - 1)
            what = f"alinéa {sub[1]}) du paragraphe {owner.number}"
            if sub[1] != letter:
                raise _refuse(f"{what} : lettre hors d’ordre", block[0], f"l’alinéa « {letter}) »")
            if not block[0].indented:
                raise _refuse(
                    f"{what} : la première ligne n’est pas en retrait", block[0], "une ligne en retrait"
                )
            word = FIRST_WORD.match(sub[2])
            if word and not AFTER_OPENING.match(sub[2], word.end()):
                raise _refuse(
                    f"{what} : premier mot « {word[0]} » suivi de « {sub[2][word.end()]} »",
                    block[0],
                    "un alinéa commençant par un mot suivi d’une espace ou d’une ponctuation "
                    "(« De présenter… »)",
                )
            if not CAPITAL.match(sub[2]):
                raise _refuse(
                    f"{what} : début non reconnu (« {sub[2][:30]} »)",
                    block[0],
                    "un alinéa commençant par une majuscule (« De présenter… »)",
                )
            _check_inside(block, sub[2], what, owner.number + 1)
            owner.blocks.append(block)
        elif operative and ANNEX.match(text):
            raise _refuse(
                "annexe après le dernier paragraphe : les annexes ne sont pas prises en charge",
                block[0],
                "le texte de la résolution seul, sans annexe",
            )
        elif operative:
            raise _refuse(
                "texte sans numéro après le début du dispositif"
                + (" (en-tête de page au milieu du texte ?)" if "A/RES/" in text else ""),
                block[0],
                f"le paragraphe {expected}. du dispositif",
            )
        else:
            what = f"alinéa {len(parts) + 1} du préambule"
            if text in preamble_texts:
                raise _refuse(
                    f"alinéa {len(parts) + 1} du préambule identique à l’alinéa "
                    f"{preamble_texts[text]} (ligne {parts[preamble_texts[text] - 1].blocks[0][0].number}) : "
                    "bloc répété ?",
                    block[0],
                    "des alinéas distincts",
                )
            _check_start(block, text, PREAMBULAR, what)
            _check_inside(block, text, what, 1)
            if not PREAMBLE_END.search(text):
                raise _refuse(
                    f"{what} : ne se termine pas par une virgule (paragraphe coupé, fusionné ou tronqué ?)",
                    last,
                    "un alinéa du préambule terminé par « , »",
                )
            preamble_texts[text] = len(parts) + 1
            parts.append(_Part(PREAMBULAR, len(parts) + 1, [block]))
    if not operative:
        last = blocks[-1][-1] if blocks else formula
        raise ParseError(
            "aucun paragraphe du dispositif",
            line=last.number,
            text=last.text,
            expected="des paragraphes numérotés « 1. », « 2. »…",
        )
    _close(operative[-1], final=True)
    return parts


def _close(part: _Part | None, final: bool = False) -> None:
    """Check how an operative paragraph (and its subparagraphs) ends, once it is complete."""
    if part is None:
        return
    lead = _join(part.blocks[0])
    subs = part.blocks[1:]
    if INTRODUCES.search(lead) and len(subs) < 2:
        where = (subs or part.blocks)[-1][-1]
        raise _refuse(
            f"le paragraphe {part.number} du dispositif annonce des alinéas (« : ») mais en a {len(subs)}",
            where,
            "au moins deux alinéas « a) », « b) »… après un paragraphe terminé par « : »",
        )
    if subs and not INTRODUCES.search(lead):
        raise _refuse(
            f"le paragraphe {part.number} du dispositif a des alinéas lettrés sans les annoncer",
            part.blocks[0][-1],
            "un paragraphe terminé par « : » avant ses alinéas « a) », « b) »…",
        )
    ends = [b for b in subs] if subs else [part.blocks[0]]
    for i, block in enumerate(ends):
        text = _join(block)
        what = (
            f"l’alinéa {SUBPARAGRAPH.match(text)[1]}) du paragraphe {part.number}"
            if subs
            else f"le paragraphe {part.number} du dispositif"
        )
        last_of_all = final and i == len(ends) - 1
        if last_of_all and not FINAL_STOP.search(text):
            raise _refuse(
                f"{what}, le dernier, ne se termine pas par un point : texte tronqué ?",
                block[-1],
                "un dernier paragraphe terminé par « . »",
            )
        if not last_of_all and not OPERATIVE_END.search(text):
            raise _refuse(
                f"{what} ne se termine pas par un point-virgule (paragraphe coupé, fusionné ou tronqué ?)",
                block[-1],
                "un paragraphe du dispositif terminé par « ; » (le dernier par « . »), ou par « : » "
                "suivi d’alinéas « a) », « b) »…",
            )


def _build(part: _Part) -> Paragraph:
    """The paragraph of a part: lead and subparagraphs joined by a space."""
    lead = _join(part.blocks[0])
    if part.kind == OPERATIVE:
        lead = NUMBERED.match(lead)[2]
    text, subs = lead, []
    anchor = f"{part.kind}-{part.number}"
    for block in part.blocks[1:]:
        sub_text = _join(block)
        start = len(text) + 1
        text = f"{text} {sub_text}"
        subs.append(Subparagraph(sub_text[0], "", block[0].number, start, anchor))
    return Paragraph(
        part.kind, part.number, _opening(lead), text, part.blocks[0][0].number, subparagraphs=tuple(subs)
    )


# -- footnotes ----------------------------------------------------------------------


def _marker_kind(token: str, number: int) -> str | None:
    """What `token` (punctuation stripped) ending in `number` is, as evidence of a call of
    note `number`:

    - "strong": glued to a word that ends in a small letter (« l’homme1 », « Durban4 ») or
      to a closing mark (« (Afrique du Sud)4 », « (A/67/271)3 »);
    - "weak": glued to a year (« 20002 » is 2000 + note 2);
    - "code": glued to capitals or to letters mixed with digits, as codes and formulas are
      written (« CO2 », « G7 », « COP21 », « H5N1 »; but also « UNESCO2 »): a call only
      when nothing else can be;
    - None: no call (« 55/2 », « 2013 »)."""
    mark = str(number)
    if not token.endswith(mark):
        return None
    head = token[: -len(mark)]
    if not head:
        return None
    if head[-1] in CLOSING:
        return "strong"
    if "/" in head:
        return None
    if head[-1].isalpha():
        word = WORD_END.search(head)[0]
        if word[-1].islower() and not any(ch.isdigit() for ch in word):
            return "strong"
        return "code"
    return "weak" if YEAR.fullmatch(head) else None


def _candidates(paragraphs: list[Paragraph]) -> dict[int, list[tuple[int, int, str]]]:
    """Every note number a glued number may call: number -> [(paragraph index, offset, kind)],
    in text order (one pass; "20002" may call note 2 or note 2 of a year 2000)."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for index, p in enumerate(paragraphs):
        for token in TOKEN.finditer(p.text):
            core = token[0].rstrip(TRAILING)
            digits = TRAILING_DIGITS.search(core)
            if not digits:
                continue
            for size in range(1, min(len(digits[0]), 3) + 1):
                mark = core[-size:]
                if mark[0] == "0":
                    continue
                kind = _marker_kind(core, int(mark))
                if kind:
                    found.setdefault(int(mark), []).append((index, token.start() + len(core) - size, kind))
    return found


def _line_at(lines: list[Line], text: str, offset: int) -> Line:
    """The source line holding character `offset` of `text` (joined from `lines`), by words."""
    while offset > 0 and not text[offset - 1].isspace():  # the start of the word holding it
        offset -= 1
    words_before = len(text[:offset].split())
    seen = 0
    for line in lines:
        seen += len(line.text.split())
        if seen > words_before:
            return line
    return lines[-1]


def _footnote_calls(parts: list[_Part], notes: tuple[RawNote, ...]):
    paragraphs = [_build(part) for part in parts]
    original = [p.text for p in paragraphs]
    lines = [part.lines for part in parts]
    calls: dict[int, list[FootnoteCall]] = {}
    footnotes: list[Footnote] = []
    removed: dict[int, list[tuple[int, int]]] = {}  # paragraph -> (original offset, length)
    candidates = _candidates(paragraphs)
    position = (0, -1)

    def now(index: int, offset: int) -> int:
        """An original offset in paragraph `index`, once markers before it were removed."""
        return offset - sum(size for at, size in removed.get(index, ()) if at < offset)

    def where(index: int, offset: int) -> Line:
        return _line_at(lines[index], original[index], offset)

    def shown(index: int, offset: int) -> str:
        """The token holding `offset`, as printed: « l’homme2 », « 20002 »."""
        for token in TOKEN.finditer(original[index]):
            if token.start() <= offset < token.end():
                return token[0].rstrip(TRAILING)
        return ""

    for note in notes:
        found = candidates.get(note.number, [])
        strong = [c for c in found if c[2] == "strong"]
        weak = [c for c in found if c[2] == "weak"]
        codes = [c for c in found if c[2] == "code"]
        if len(strong) > 1:
            index, offset, _ = strong[1]
            raise _refuse(
                f"la note {note.number} est appelée plusieurs fois (lignes "
                f"{where(*strong[0][:2]).number} et {where(index, offset).number})",
                where(index, offset),
                f"un seul appel de la note {note.number}",
            )
        if strong and weak:
            # « authentique2 » and « 20002 »: either may be the call, the other a second call
            # or a year followed by a digit; nothing in the text says which
            (i1, o1, _), (i2, o2, _) = sorted([strong[0], weak[0]])
            raise _refuse(
                f"appel de la note {note.number} ambigu : « {shown(i1, o1)} » (ligne "
                f"{where(i1, o1).number}) et « {shown(i2, o2)} » (ligne {where(i2, o2).number}) "
                f"peuvent tous deux l’appeler",
                where(i2, o2),
                f"un seul appel de la note {note.number}, et les nombres du texte séparés des mots "
                "par une espace",
            )
        if len(weak) > 1:
            index, offset, _ = weak[1]
            raise _refuse(
                f"appel de la note {note.number} ambigu : plusieurs nombres collés à une année "
                f"se terminent par {note.number}",
                where(index, offset),
                f"un seul appel de la note {note.number}, collé à un mot ou à une année",
            )
        chosen = strong or weak
        if not chosen and len(codes) > 1:
            index, offset, _ = codes[1]
            raise _refuse(
                f"appel de la note {note.number} ambigu : « {shown(*codes[0][:2])} » et "
                f"« {shown(index, offset)} » se terminent tous deux par {note.number}",
                where(index, offset),
                f"un seul appel de la note {note.number}, collé à un mot",
            )
        chosen = chosen or codes  # a sigle with its call (« l’UNESCO2 »), when nothing else calls it
        if not chosen:
            raise ParseError(
                f"la note {note.number} n’est appelée nulle part dans le texte",
                line=note.line,
                text=f"{note.number} {note.text}",
                expected=f"un appel de note « {note.number} » collé à un mot du texte, "
                "après l’appel de la note précédente",
            )
        index, at, _ = chosen[0]
        if (index, at) <= position:
            raise _refuse(
                f"la note {note.number} est appelée (ligne {where(index, at).number}) avant la note "
                f"{note.number - 1} (ligne {where(*position).number}) : appel de note en trop ?",
                where(index, at),
                "des appels de note dans l’ordre de leurs numéros",
            )
        position = (index, at)
        p = paragraphs[index]
        offset, mark = now(index, at), len(str(note.number))
        removed.setdefault(index, []).append((at, mark))
        text = p.text[:offset] + p.text[offset + mark :]
        subs = tuple(replace(s, start=s.start - mark) if s.start > offset else s for s in p.subparagraphs)
        lead = text[: subs[0].start].rstrip() if subs else text
        # the opening is read again without the marker: "Décide1 de" opens with "Décide"
        paragraphs[index] = replace(p, opening=_opening(lead), text=text, subparagraphs=subs)
        calls.setdefault(index, []).append(FootnoteCall(note.number, offset))
        footnotes.append(Footnote(note.number, note.text, note.line, p.anchor, citations.in_note(note.text)))
    _no_leftover_calls(original, removed, len(notes), where)
    out = []
    for index, p in enumerate(paragraphs):
        ends = [s.start for s in p.subparagraphs[1:]] + [len(p.text)]
        subs = tuple(
            replace(s, text=p.text[s.start + len(s.label) + 1 : end].rstrip())
            for s, end in zip(p.subparagraphs, ends, strict=False)
        )
        out.append(replace(p, calls=tuple(calls.get(index, ())), subparagraphs=subs))
    return out, footnotes


def _no_leftover_calls(original: list[str], removed: dict, count: int, where) -> None:
    """No number glued to a word or a closing mark is left once the calls are taken: it
    could be a call, and nothing says it is not. Codes and formulas (« CO2 ») stay text.
    (A year followed by a called note's number, « 20005 », never gets here: it is that
    note's candidate, refused as ambiguous.)"""
    used = {(index, at) for index, items in removed.items() for at, _ in items}
    for index, text in enumerate(original):
        for token in TOKEN.finditer(text):
            core = token[0].rstrip(TRAILING)
            digits = TRAILING_DIGITS.search(core)
            start = token.start() + (digits.start() if digits else 0)
            if not digits or any((index, at) in used for at in range(start, token.start() + len(core))):
                continue
            number = int(digits[0])
            if _marker_kind(core, number) == "strong":
                head = core[: digits.start()]
                raise _refuse(
                    f"appel de note {number} sans texte de note : appel de note inattendu"
                    if number > count
                    else f"nombre « {digits[0]} » collé à « {head} » : appel de note inattendu",
                    where(index, token.start()),
                    f"une note « {number} … » en bas de page"
                    if number > count
                    else "un appel de note par note, ou un nombre séparé du mot par une espace",
                )
