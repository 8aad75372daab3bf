"""Synthetic General Assembly resolutions in the source layout, of any length, for the
benchmark's growth curve: `python scripts/synthetic.py FACTOR > text.txt`.

FACTOR 1 has as many paragraphs and notes as A/RES/68/160 (9 preambular, 14 operative,
5 notes); FACTOR 10 and 100 have 10 and 100 times as many. Every paragraph is distinct;
notes are called (glued to a word, as in the PDF extraction) and printed at the foot of
"pages" of about 45 lines under a `_____` rule, some pages breaking mid-sentence, with the
stray hyperlink line the extraction leaves, so every path of the pipeline is exercised."""

from __future__ import annotations

import sys

PREAMBLE, OPERATIVE, NOTES = 9, 14, 5
PAGE_LINES = 45

OPENINGS_PP = [
    "Réaffirmant",
    "Rappelant",
    "Rappelant également",
    "Considérant",
    "Considérant également",
    "Soulignant",
    "Insistant sur le fait",
    "Notant avec intérêt",
]
OPENINGS_OP = [
    "Réaffirme",
    "Estime",
    "Exhorte tous les acteurs",
    "Demande aux États Membres",
    "Invite les États",
    "Souligne le rôle",
    "Prend note",
    "Encourage",
]
FILLER = [
    "la coopération internationale dans le domaine des droits de l’homme, conformément",
    "aux buts et aux principes énoncés dans la Charte des Nations Unies et au droit",
    "international, doit contribuer de manière effective et concrète à la prévention",
    "des violations des droits de l’homme et des libertés fondamentales, notamment par",
    "le dialogue, la compréhension mutuelle et la transparence entre les États Membres",
]
WORDS = [
    "premier",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
]


def ordinal(n: int) -> str:
    """A distinct phrase per paragraph, so no two paragraphs are the same."""
    # written with French digit grouping (« 16 001 »): five glued digits would read as a
    # year followed by a note call (« 20002 »), which the parser refuses as ambiguous
    return f"au titre du programme {n:,} ({WORDS[n % 10]} volet)".replace(",", "\u202f")


def paragraphs(factor: int) -> list[list[str]]:
    """The lines of each paragraph; a note call is written as {NOTE}."""
    # notes are numbered with at most 3 digits in the source layout (the parser reads 1-999)
    n_pp, n_op, n_notes = PREAMBLE * factor, OPERATIVE * factor, min(NOTES * factor, 999)
    total = n_pp + n_op
    calls = {round(i * total / n_notes) for i in range(n_notes)}
    out = []
    for i in range(total):
        preambular = i < n_pp
        number = i + 1 if preambular else i - n_pp + 1
        opening = (OPENINGS_PP if preambular else OPENINGS_OP)[i % 8]
        body = [f"{opening} {ordinal(i + 1)} que"] + FILLER[: 2 + i % 4]
        if i in calls:
            body[2 if len(body) > 2 else 1] += "{NOTE}"  # "…à la prévention3"
        last = i == total - 1
        end = "," if preambular else ("." if last else " ;")
        body[-1] += end
        if not preambular:
            body[0] = f"{number}. {body[0]}"
        out.append(body)
    return out


def generate(factor: int) -> str:
    lines = [
        " Résolution adoptée par l’Assemblée générale le 5 décembre 2031 ",
        "",
        "[sur la base du rapport de la Troisième Commission (A/86/400/Add.1)] ",
        "",
        "86/77. Essai de résolution pour la mesure de la croissance  ",
        "du temps de construction et de la taille du site ",
        "",
        " L’Assemblée générale, ",
        "",
    ]
    page_notes: list[str] = []
    note = 0
    since_break = len(lines)

    def foot() -> None:
        nonlocal since_break
        if page_notes:
            lines.extend(["", "_______________ ", *page_notes, ""])
            lines.append(f"http://undocs.org/fr/A/RES/85/{note}")
            page_notes.clear()
        since_break = 0

    for body in paragraphs(factor):
        for k, text in enumerate(body):
            if "{NOTE}" in text:
                note += 1
                text = text.replace("{NOTE}", str(note))
                page_notes.append(f"{note} Résolution 85/{note}. ")
            # a paragraph's first line, and the line resuming after a page's notes, are indented
            lines.append((" " if k == 0 or since_break == 0 else "") + text + " ")
            since_break += 1
            # a page ends mid-sentence now and then, the next line resuming in lower case
            if since_break >= PAGE_LINES and page_notes and 0 < k < len(body) - 1:
                foot()
        lines.append("")
        since_break += 1
        if since_break >= PAGE_LINES + 10:
            foot()
    foot()
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="scripts/synthetic.py",
        description="Write a synthetic General Assembly resolution in the source layout to stdout.",
    )
    parser.add_argument(
        "factor",
        nargs="?",
        type=int,
        default=1,
        help="how many times the paragraphs and notes of A/RES/68/160 (default 1; 1 to 1000)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.factor <= 1000:
        parser.error(f"FACTOR doit être entre 1 et 1000 (reçu {args.factor})")
    sys.stdout.write(generate(args.factor))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
