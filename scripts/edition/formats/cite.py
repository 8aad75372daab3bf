"""Citation formats for the resolution and each paragraph: plain strings, exactly what a
« Citer » button copies. Only forms whose patterns shared/reference/contexte.md confirms:

  un_fr     the UN's own French usage: « paragraphe 7 de la résolution 68/160 de
            l’Assemblée générale en date du 18 décembre 2013 »
  oscola    « UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160, para 7 »
            (the pinpoint after the document number, OSCOLA's general pinpoint style)
  bluebook  « G.A. Res. 68/160, ¶ 7, U.N. Doc. A/RES/68/160 (Dec. 18, 2013) »

Preambular paragraphs: how UN French names a preambular paragraph (« deuxième alinéa du
préambule ») is unconfirmed, and no source gives OSCOLA's or the Bluebook's pinpoint for a
preamble; so a preambular paragraph is cited in every format as the resolution itself, and
only its permanent address (the `with_address` variant) points at the paragraph.

`with_address` is a template, not a citation: the UN French form followed by the permanent
address and the consultation date, with two slots the page fills at copy time:
`{url}` (the paragraph's absolute address) and `{date}` (the day's date in French,
« 28 novembre 2026 »). Braces appear nowhere else in it.
"""

from __future__ import annotations

from edition.model import Paragraph, Resolution
from edition.model.french import french_date

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The Bluebook's month abbreviations (T12): May, June and July are not shortened.
BLUEBOOK_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def _ymd(iso: str) -> tuple[int, int, int]:
    year, month, day = (int(x) for x in iso.split("-"))
    return year, month, day


def english_date(iso: str) -> str:
    """ "2013-12-18" -> "18 December 2013" (OSCOLA)."""
    year, month, day = _ymd(iso)
    return f"{day} {ENGLISH_MONTHS[month - 1]} {year}"


def bluebook_date(iso: str) -> str:
    """ "2013-12-18" -> "Dec. 18, 2013"."""
    year, month, day = _ymd(iso)
    return f"{BLUEBOOK_MONTHS[month - 1]} {day}, {year}"


def pinpointed(p: Paragraph | None) -> Paragraph | None:
    """The paragraph a citation may name: operative ones only (see the module's note)."""
    return p if p is not None and not p.preambular else None


def un_fr(res: Resolution, p: Paragraph | None = None) -> str:
    """« paragraphe 7 de la résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013 »."""
    base = f"résolution {res.short} de l’Assemblée générale en date du {french_date(res.adopted)}"
    p = pinpointed(p)
    return f"paragraphe {p.number} de la {base}" if p else base


def oscola(res: Resolution, p: Paragraph | None = None) -> str:
    """« UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160, para 7 »."""
    base = f"UNGA Res {res.short} ({english_date(res.adopted)}) UN Doc {res.symbol}"
    p = pinpointed(p)
    return f"{base}, para {p.number}" if p else base


def bluebook(res: Resolution, p: Paragraph | None = None) -> str:
    """« G.A. Res. 68/160, ¶ 7, U.N. Doc. A/RES/68/160 (Dec. 18, 2013) »."""
    p = pinpointed(p)
    where = f", ¶ {p.number}" if p else ""
    return f"G.A. Res. {res.short}{where}, U.N. Doc. {res.symbol} ({bluebook_date(res.adopted)})"


def with_address(res: Resolution, p: Paragraph | None = None) -> str:
    """The UN French citation with the permanent address and the consultation date, as a
    template: « …, {url}, consulté le {date} »."""
    return f"{un_fr(res, p)}, {{url}}, consulté le {{date}}"


# The forms a reader is offered, in this order, the one table of them: (key, as in
# resolution.json's `citation_formats`; the name the pages show; the function).
FORMS = (
    ("un_fr", "Usage de l’ONU (français)", un_fr),
    ("oscola", "OSCOLA (anglais)", oscola),
    ("bluebook", "Bluebook (anglais)", bluebook),
)
# The first form with the permanent address and the consultation date, filled by the page
WITH_ADDRESS = "with_address"


def formats(res: Resolution, p: Paragraph | None = None) -> dict[str, str]:
    """Every form, keyed as in resolution.json's `citation_formats`."""
    return {key: form(res, p) for key, _, form in FORMS} | {WITH_ADDRESS: with_address(res, p)}
