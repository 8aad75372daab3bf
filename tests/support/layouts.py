"""Valid layouts of the PDF extraction, each built and checked word for word (issue 21).

Each case is the real source with one feature of a real resolution's layout written in:
page debris inside a paragraph or under the notes, a page break after a comma before a
capitalised name, a web address wrapped onto its own line, a line ending at a digit-hyphen,
an en dash or a slash, codes and formulas glued to digits, other headers. Most have a
twin without the feature (`same_as`): both must give the same model, line numbers aside.
The others name what the model must hold (`check`). The damaged layouts the parser must
refuse are in tests/support/damaged.py; the same classes are mutations of tests/support/fuzz.py."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from .damaged import LINES, TEXT


def insert(after: int, new: list[str], text: str = TEXT) -> str:
    """`text` with `new` lines inserted after its 1-based line `after`."""
    lines = text.split("\n")
    return "\n".join(lines[:after] + new + lines[after:])


def replace(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def notes_between_recitals() -> str:
    """The source with its first page's notes (lines 34-40) after the fourth recital's end
    (line 42) instead of inside it: the page breaks between two recitals."""
    lines = LINES[:33] + [LINES[40].lstrip()] + LINES[41:43] + LINES[33:40] + LINES[43:]
    return "\n".join(lines)


def comparable(value):
    """A model as plain data without its source line numbers."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: comparable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("line", "source_lines")
        }
    if isinstance(value, tuple | list):
        return [comparable(v) for v in value]
    return value


@dataclass(frozen=True)
class Layout:
    name: str
    text: str
    same_as: str | None = None  # a text the model must equal, line numbers aside
    check: Callable | None = None  # res -> list of problems


def _paragraph_holds(anchor: str, *fragments: str, calls: tuple[int, ...] | None = None):
    def check(res):
        p = res.paragraph(anchor)
        problems = [f"{anchor} lacks « {f} »: {p.text}" for f in fragments if f not in p.text]
        if calls is not None and tuple(c.number for c in p.calls) != calls:
            problems.append(f"{anchor} calls {[c.number for c in p.calls]}")
        return problems

    return check


def _call_after(anchor: str, number: int, before: str):
    """Note `number` is called in paragraph `anchor` right after the words `before`."""

    def check(res):
        p = res.paragraph(anchor)
        call = next((c for c in p.calls if c.number == number), None)
        if call is None or not p.text[: call.offset].endswith(before):
            return [f"note {number} not called after « {before} » in {anchor}"]
        return []

    return check


# the break after « buts de » (lines 33-41) made to fall after a comma before « Genève »
_NEW_YORK = replace(
    " l’Organisation des Nations Unies, notamment la promotion et la protection \n",
    " Genève et Vienne, notamment la promotion et la protection \n",
    replace("réalisation des buts de \n", "réalisation des buts de l’Organisation à New York, \n"),
)
_URL = "http://www.ohchr.org/FR/Issues/Pages/Index.aspx"
_BEFORE_7 = "libertés fondamentales ; \n\n 7."

LAYOUTS = [
    # -- page debris, wherever the page ends ------------------------------------------
    Layout(
        "numero-de-tirage-page-et-en-tete-dans-un-paragraphe",
        insert(106, ["13-44984", "3/5", "A/RES/68/160"]),
        TEXT,
    ),
    Layout(
        "debris-de-page-entre-lignes-blanches",
        insert(106, ["", "13-44984 (F)", "", "3/5", "", "A/RES/68/160", ""]),
        TEXT,
    ),
    Layout("en-tete-courant-sous-les-notes", insert(40, ["A/RES/68/160"]), TEXT),
    Layout(
        "en-tete-courant-avec-le-titre-sous-les-notes",
        insert(
            40,
            [
                "",
                "Renforcement de la coopération internationale dans le domaine des droits de l’homme A/RES/68/160",
                "",
            ],
        ),
        TEXT,
    ),
    Layout("pied-de-page-sous-les-notes", insert(40, ["", "13-44984", "2/5", "*1344984*"]), TEXT),
    Layout("pied-de-page-sur-une-ligne", insert(106, ["3/5 13-44984 (F) *1344984*"]), TEXT),
    Layout("en-tete-entre-deux-paragraphes", insert(102, ["", "4/5", "", "A/RES/68/160"]), TEXT),
    # -- page breaks ----------------------------------------------------------------------
    # after « New York, » the next page opens « Genève et Vienne »: one recital, not two
    # (its twin: the notes moved to the end of the recital, the break gone)
    Layout(
        "saut-de-page-apres-une-virgule-avant-un-nom",
        _NEW_YORK,
        check=_paragraph_holds("pp-4", "à New York, Genève et Vienne, notamment"),
    ),
    Layout(
        "saut-de-page-apres-deux-points-avant-des-guillemets",
        replace(
            " l’Organisation des Nations Unies, notamment",
            " « L’Organisation des Nations Unies », notamment",
            replace("réalisation des buts de \n", "réalisation des buts suivants : \n"),
        ),
        check=_paragraph_holds(
            "pp-4", "buts suivants\u00a0: «\u00a0L’Organisation des Nations Unies\u00a0», notamment"
        ),
    ),
    # the notes between two recitals instead of inside one
    Layout("saut-de-page-entre-deux-alineas", notes_between_recitals(), TEXT),
    # -- notes ----------------------------------------------------------------------------
    Layout(
        "note-coupee-apres-supplement",
        replace("session, Supplément no 53 \n(A/67/53)", "session, Supplément \nno 53 (A/67/53)"),
        TEXT,
    ),
    Layout(
        "note-coupee-apres-no",
        replace("session, Supplément no 53 \n(A/67/53)", "session, Supplément no \n53 (A/67/53)"),
        TEXT,
    ),
    # « Supplément no » then « 4 (A/67/53) … »: the number of the next note, but it continues
    Layout(
        "note-coupee-avant-le-numero-de-la-note-suivante",
        replace("session, Supplément no 53 \n(A/67/53)", "session, Supplément no \n4 (A/67/53)"),
        check=lambda res: (
            [] if "Supplément no 4 (A/67/53), chap. III" in res.footnote(3).text else [res.footnote(3).text]
        ),
    ),
    Layout(
        "note-coupee-apres-un-trait-d-union",
        replace("4 Résolution 66/3.", "4 Résolution 66/3 du Haut-\nCommissaire."),
        replace("4 Résolution 66/3.", "4 Résolution 66/3 du Haut-Commissaire."),
    ),
    Layout(
        "adresse-web-dans-une-note",
        replace("4 Résolution 66/3.", f"4 Résolution 66/3. Voir {_URL.removeprefix('http://')}."),
        check=lambda res: [d.key for d in res.documents if "Issues" in d.key or d.key.startswith("FR/")],
    ),
    # -- web addresses and line ends ------------------------------------------------------
    Layout(
        "adresse-web-seule-sur-sa-ligne",
        replace(_BEFORE_7, f"libertés fondamentales, publiées à l’adresse \n{_URL}, \nsur ce site ; \n\n 7."),
        replace(_BEFORE_7, f"libertés fondamentales, publiées à l’adresse {_URL}, sur ce \nsite ; \n\n 7."),
    ),
    Layout(
        "adresse-web-seule-sur-sa-ligne-virgule-a-la-ligne-suivante",
        replace(
            _BEFORE_7, f"libertés fondamentales, publiées à l’adresse \n{_URL} \n, sur ce site ; \n\n 7."
        ),
        replace(_BEFORE_7, f"libertés fondamentales, publiées à l’adresse {_URL}, sur ce \nsite ; \n\n 7."),
    ),
    Layout(
        "adresse-web-coupee-apres-une-barre-oblique",
        replace(
            _BEFORE_7,
            "libertés fondamentales, publiées à l’adresse http://www.ohchr.org/FR/Issues/ \nPages/Index.aspx ; \n\n 7.",
        ),
        replace(_BEFORE_7, f"libertés fondamentales, publiées à l’adresse \n{_URL} ; \n\n 7."),
    ),
    Layout(
        "fin-de-ligne-apres-un-trait-d-union-entre-chiffres",
        replace("le 15 février 2013, du séminaire", "pour 2014-\n2017, du séminaire"),
        replace("le 15 février 2013, du séminaire", "pour 2014-2017, du \nséminaire"),
    ),
    Layout(
        "fin-de-ligne-apres-un-tiret-demi-cadratin",
        replace("du 20 au 24 avril 2009", "du 14–\n25 juin 2009"),
        replace("du 20 au 24 avril 2009", "du 14–25 juin \n2009"),
    ),
    Layout(
        "fin-de-ligne-apres-une-barre-oblique-dans-une-cote",
        replace("prises \npour surmonter", "prises \n(A/68/\n290) pour surmonter"),
        check=lambda res: (
            _paragraph_holds("op-13", "prises (A/68/290) pour")(res)
            + [d.key for d in res.documents if d.key == "A/68"]
            + ([] if any(d.key == "A/68/290" for d in res.documents) else ["A/68/290 not cited"])
        ),
    ),
    # -- numbers glued to words -----------------------------------------------------------
    Layout(
        "formule-chimique-avant-un-appel-colle-a-une-annee",
        replace("Millénaire qu’elle", "Millénaire (CO2) qu’elle"),
        check=lambda res: (
            _paragraph_holds("pp-2", "Millénaire (CO2) qu’elle")(res)
            + _call_after("pp-2", 2, "le 8 septembre 2000")(res)
        ),
    ),
    Layout(
        "sigle-g7-avant-un-appel-colle-a-une-annee",
        replace("Millénaire qu’elle", "Millénaire, du G7 et du G20, qu’elle"),
        check=lambda res: (
            _paragraph_holds("pp-2", "du G7 et du G20, qu’elle")(res)
            + _call_after("pp-2", 2, "le 8 septembre 2000")(res)
        ),
    ),
    Layout(
        "codes-h5n1-et-cop21",
        replace("changements \nclimatiques", "changements \nclimatiques (COP21, virus H5N1)"),
        check=_paragraph_holds("op-10", "climatiques (COP21, virus H5N1) et", calls=()),
    ),
    Layout(
        "appel-apres-une-cote-entre-parentheses",
        replace(
            "5 Voir E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A. \n",
            "5 Voir E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A. \n6 Voir A/67/271. \n",
            replace("les mesures qui pourraient", "les mesures (A/67/271)6 qui pourraient"),
        ),
        check=_call_after("op-13", 6, "les mesures (A/67/271)"),
    ),
    # -- headers --------------------------------------------------------------------------
    Layout(
        "quatrieme-commission",
        replace(
            "[sur la base du rapport de la Troisième Commission (A/68/456/Add.2)]",
            "[sur la base du rapport de la Commission des questions politiques spéciales et de la \n"
            "décolonisation (Quatrième Commission) (A/68/411)]",
        ),
        check=lambda res: (
            []
            if (res.committee, res.report)
            == (
                "Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)",
                "A/68/411",
            )
            else [(res.committee, res.report)]
        ),
    ),
    Layout(
        "session-extraordinaire-d-urgence",
        replace("68/160. Renforcement", "ES-11/1. Renforcement"),
        check=lambda res: (
            []
            if (res.symbol, res.session, res.number, res.short) == ("A/RES/ES-11/1", "ES-11", 1, "ES-11/1")
            else [(res.symbol, res.session, res.number)]
        ),
    ),
]


def problems(layout: Layout, parse) -> list[str]:
    """What is wrong with the edition `parse` makes of `layout` ([] when it is right)."""
    res = parse(layout.text)
    out = []
    if layout.same_as is not None and comparable(res) != comparable(parse(layout.same_as)):
        twin = parse(layout.same_as)
        for a, b in zip(res.paragraphs + res.footnotes, twin.paragraphs + twin.footnotes, strict=False):
            if comparable(a) != comparable(b):
                out.append(f"{getattr(a, 'anchor', a.number)}: {a.text!r} != {b.text!r}")
        out = out or ["the models differ (counts, header or documents)"]
    if layout.check is not None:
        out += layout.check(res)
    return out
