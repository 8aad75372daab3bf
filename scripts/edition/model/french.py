"""How the edition writes in French what every stage needs: dates, ordinals, the header's
report line, paragraph labels and citation pinpoints. One place, so that the pages, the
exports, the JSON-LD and the parser agree."""

from __future__ import annotations

from edition.model import PREAMBULAR

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# The header of a resolution adopted without a report of a Main Committee says so instead
# of naming the committee: "[sans renvoi à une grande commission (A/68/L.42)]".
NO_COMMITTEE = "sans renvoi à une grande commission"


def month_number(name: str) -> int | None:
    """ "décembre" -> 12; None for anything else."""
    return MONTHS.index(name) + 1 if name in MONTHS else None


def french_date(iso: str) -> str:
    """ "2013-12-18" -> "18 décembre 2013"; the first of the month is "1er"."""
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{ordinal(day) if day == 1 else day} {MONTHS[month - 1]} {year}"


def ordinal(n: int) -> str:
    """1er, 2e, 3e…"""
    return "1er" if n == 1 else f"{n}e"


def report_basis(committee: str) -> str:
    """The words before the report's symbol in the header:
    "sur la base du rapport de la Troisième Commission", or NO_COMMITTEE."""
    return committee if committee == NO_COMMITTEE else f"sur la base du rapport de la {committee}"


def paragraph_label(kind: str, number: int) -> str:
    """« Préambule, alinéa 3 » (kind "pp"), « Paragraphe 5 » (kind "op")."""
    return f"Préambule, alinéa {number}" if kind == PREAMBULAR else f"Paragraphe {number}"


def pinpoint(kind: str, number: int) -> str:
    """Where a paragraph is, as a citation gives it: « 3e alinéa du préambule », « par. 5 »."""
    return f"{ordinal(number)} alinéa du préambule" if kind == PREAMBULAR else f"par. {number}"


def part(p) -> str:
    """« préambule, alinéa 2 », « paragraphe 7 »: a paragraph named inside a title (the
    edition numbers the preambular paragraphs)."""
    return f"préambule, alinéa {p.number}" if p.kind == PREAMBULAR else f"paragraphe {p.number}"


def citation(res, p=None) -> str:
    """The short citation the edition has always offered, such as
    « Assemblée générale, résolution 68/160, par. 5, A/RES/68/160 (18 décembre 2013) »."""
    where = f", {pinpoint(p.kind, p.number)}" if p is not None else ""
    return f"Assemblée générale, résolution {res.short}{where}, {res.symbol} ({french_date(res.adopted)})"
