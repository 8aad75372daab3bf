"""The one damaged-input table: variants of the source text, made deterministically from
it, committed in tests/fixtures/damaged/ (regenerate with `python -m tests.support.damaged`).

Each case: (file name, bytes, expected line, fragment the error message must contain).
tests/test_errors.py parses every case in memory (fast); tests/test_damaged_inputs.py
runs the CLI on every file (slow: docs/ and site/ left untouched)."""

from __future__ import annotations

import random
import sys

from .paths import FIXTURES, ROOT, SOURCE

CORPUS = FIXTURES / "damaged"

TEXT = SOURCE.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def lines(*spans: tuple[int, int]) -> str:
    """The source's lines in the given 1-based inclusive spans, joined."""
    return "\n".join(line for first, last in spans for line in LINES[first - 1 : last])


def without(first: int, last: int) -> str:
    return lines((1, first - 1), (last + 1, len(LINES)))


def swap(text: str, a: str, b: str) -> str:
    assert text.count(a) == 1 and text.count(b) == 1, (a, b)
    return text.replace(a, "\0").replace(b, a).replace("\0", b)


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def replace_line(number: int, new: str) -> str:
    out = list(LINES)
    out[number - 1] = new
    return "\n".join(out)


def garbage() -> bytes:
    rng = random.Random(68160)
    return bytes(rng.randrange(256) for _ in range(4096))


# name, content, expected line, message fragment
CASES: list[tuple[str, bytes, int, str]] = [
    ("vide.txt", b"", 1, "le fichier est vide"),
    ("blancs.txt", b" \n\n\t\n  \n", 1, "le fichier est vide"),
    ("binaire.txt", garbage(), 2, "n’est pas en UTF-8"),
    # the same text saved as Latin-1 (’ and œ, which Latin-1 lacks, simplified first)
    (
        "latin-1.txt",
        TEXT.replace("’", "'").replace("œ", "oe").encode("latin-1"),
        1,
        "n’est pas en UTF-8 (octet 0xe9 invalide)",
    ),
    ("utf-16.txt", TEXT.encode("utf-16"), 1, "n’est pas en UTF-8"),
    # one line pasted from a Latin-1 file into the UTF-8 text
    (
        "latin-1-au-milieu.txt",
        utf8(lines((1, 104)))
        + b"\n"
        + utf8(lines((105, 105))).replace("é".encode(), b"\xe9")
        + b"\n"
        + utf8(lines((106, len(LINES)))),
        105,
        "n’est pas en UTF-8",
    ),
    (
        "double-encodage.txt",
        TEXT.encode("utf-8").decode("latin-1").encode("utf-8"),
        1,
        "caractère de contrôle U+0080",
    ),
    ("tronque-en-tete.txt", utf8(lines((1, 6))), 6, "texte trop court"),
    ("tronque-preambule.txt", utf8(lines((1, 20))), 20, "ne se termine pas par une virgule"),
    # cut inside the first footnote block: the last body line before it is named
    ("tronque-dans-les-notes.txt", utf8(lines((1, 37))), 33, "ne se termine pas par une virgule"),
    ("tronque-dispositif.txt", utf8(lines((1, 106))), 106, "texte tronqué"),
    ("tronque-entre-deux-paragraphes.txt", utf8(lines((1, 108))), 107, "texte tronqué"),
    # the first page's notes 1-4 deleted: note 5's block is where note 1 was expected
    ("notes-supprimees.txt", utf8(without(36, 40)), 35, "filet de bas de page sans aucune note"),
    # the rule and notes of the first page deleted: the page's next line, indented, is
    # glued to the paragraph the page break cut
    ("filet-et-notes-supprimes.txt", utf8(without(34, 40)), 34, "ligne en retrait au milieu d’un paragraphe"),
    # a stray footnote rule between two operative paragraphs
    (
        "filet-egare.txt",
        utf8(lines((1, 80)) + "\n_______________ \n" + lines((81, len(LINES)))),
        81,
        "filet de bas de page sans aucune note",
    ),
    (
        "numeros-de-paragraphes-echanges.txt",
        utf8(swap(TEXT, " 2. Estime que, outre", " 3. Réaffirme que le dialogue")),
        72,
        "paragraphe 2 manquant ou hors d’ordre (trouvé 3)",
    ),
    (
        "numeros-de-notes-echanges.txt",
        utf8(lines((1, 35), (37, 37), (36, 36), (38, len(LINES)))),
        36,
        "attendu : la note 1",
    ),
    (
        "bloc-du-preambule-double.txt",
        utf8(lines((1, 16), (10, len(LINES)))),
        17,
        "alinéa 2 du préambule identique à l’alinéa 1 (ligne 10)",
    ),
    (
        "paragraphe-du-dispositif-double.txt",
        utf8(lines((1, 80), (76, len(LINES)))),
        81,
        "paragraphe 3 répété",
    ),
    # the whole text twice: noticed at the second copy's first footnote block
    ("texte-double.txt", utf8(TEXT + "\n" + TEXT), 187, "attendu : la note 6"),
    ("titre-absent.txt", utf8(without(5, 6)), 6, "titre de la résolution non reconnus"),
    ("formule-absente.txt", utf8(without(8, 9)), 8, "formule d’ouverture introuvable"),
    (
        "octet-nul.txt",
        utf8(TEXT.replace("Considérant également", "Considérant\0également")),
        44,
        "caractère de contrôle U+0000",
    ),
    ("en-tete-absent.txt", utf8(without(1, 2)), 1, "en-tête de résolution non reconnu"),
    # -- the layout's grammar (issue 10): each damage of the kind that used to build wrong
    ("vide-espaces.txt", b"  \n\n \n", 1, "le fichier est vide"),
    ("formule-modifiee.txt", utf8(replace_line(8, " L’Assemblée nationale, ")), 8, "formule"),
    ("sans-dispositif.txt", utf8(TEXT.split("\n 1. Réaffirme")[0]), 65, "aucun paragraphe du dispositif"),
    (
        "dispositif-numero-repete.txt",
        utf8(
            replace_line(72, " 1. Estime que, outre leurs responsabilités vis-à-vis de leur propre société, ")
        ),
        72,
        "répété",
    ),
    (
        "dispositif-numero-repete-plus-loin.txt",
        utf8(replace_line(88, " 4. Réaffirme qu’il importe de renforcer la coopération internationale aux ")),
        88,
        "paragraphe 4 répété",
    ),
    ("dispositif-paragraphe-manquant.txt", utf8(without(76, 80)), 76, "paragraphe 3 manquant"),
    (
        "dispositif-ne-commence-pas-a-1.txt",
        utf8(
            replace_line(67, " 2. Réaffirme que l’un des buts de l’Organisation des Nations Unies, dont la ")
        ),
        67,
        "paragraphe 1 manquant",
    ),
    (
        "appel-sans-note.txt",
        utf8(TEXT.replace("libertés fondamentales ; \n\n 7.", "libertés fondamentales6 ; \n\n 7.")),
        102,
        "appel de note 6 sans texte",
    ),
    ("note-jamais-appelee.txt", utf8(TEXT.replace("Durban4,", "Durban,")), 40, "appelée nulle part"),
    (
        "note-hors-sequence.txt",
        utf8(TEXT.replace("\n2 Résolution 55/2.", "\n7 Résolution 55/2.")),
        37,
        "la note 2",
    ),
    ("note-repetee.txt", utf8(TEXT.replace("\n4 Résolution 66/3.", "\n3 Résolution 66/3.")), 40, "la note 4"),
    ("en-tete-modifie.txt", utf8(replace_line(1, " Décision adoptée le 18 décembre 2013 ")), 1, "en-tête"),
    (
        "titre-sans-numero.txt",
        utf8(replace_line(5, "Renforcement de la coopération internationale  ")),
        5,
        "titre",
    ),
    (
        "filet-sans-notes.txt",
        utf8(TEXT.replace("1 A/CONF.157/24 (Part I), chap. III. ", " l’Organisation")),
        35,
        "note",
    ),
    # a deleted blank line merges two paragraphs: the second's indented start is named
    ("ligne-blanche-supprimee.txt", utf8(without(16, 16)), 16, "ligne en retrait au milieu d’un paragraphe"),
    # … or a zero-width space on it
    ("espace-sans-chasse.txt", utf8(replace_line(16, "\u200b")), 16, "caractère invisible U+200B"),
    (
        "bidi.txt",
        utf8(TEXT.replace("Rappelant la Déclaration", "Rappelant la \u202eDéclaration")),
        17,
        "U+202E",
    ),
    # a paragraph number in full-width digits would be read as 3 by int() and \d
    ("chiffre-pleine-chasse.txt", utf8(TEXT.replace("\n 3. Réaffirme", "\n ３. Réaffirme", 1)), 76, "U+FF13"),
    # an accent as a separate character (NFD): same look, other text
    (
        "accent-decompose.txt",
        utf8(TEXT.replace("Réaffirmant", "Re\u0301affirmant", 1)),
        10,
        "Unicode décomposé",
    ),
    # an inserted blank line splits a paragraph: its second half does not start a paragraph
    ("ligne-blanche-inseree.txt", utf8(lines((1, 10), (16, 16), (11, len(LINES)))), 12, "pas en retrait"),
    # « … de 6. Estime que … » inside a paragraph
    (
        "paragraphe-dans-le-precedent.txt",
        utf8(TEXT.replace("associée ; \n\n 6. Estime", "associée ; de 6. Estime")),
        91,
        "le début du paragraphe 6",
    ),
    # paragraph 14 swallowed by 13
    ("paragraphe-avale.txt", utf8(without(148, 148)), 148, "ligne en retrait au milieu d’un paragraphe"),
    # « devant 20005 participants » with the real call of note 5 still in the text: built
    # right elsewhere (test_errors); with the real call gone, the year-glued number is it,
    # and with both glued to a word, refused
    (
        "note-appelee-deux-fois.txt",
        utf8(TEXT.replace("devoir de faire", "devoir5 de faire")),
        73,
        "la note 5 est appelée plusieurs fois",
    ),
    (
        "retrait-manquant.txt",
        utf8(replace_line(44, "Considérant également que la promotion et la protection des droits de ")),
        44,
        "pas en retrait",
    ),
    (
        "debut-non-reconnu.txt",
        utf8(
            replace_line(
                50, " réaffirmant que le dialogue entre les religions, les cultures et les civilisations "
            )
        ),
        50,
        "début non reconnu",
    ),
    (
        "virgule-manquante.txt",
        utf8(
            TEXT.replace(
                "coopération internationale, \n\n Insistant", "coopération internationale \n\n Insistant"
            )
        ),
        56,
        "virgule",
    ),
    (
        "point-virgule-manquant.txt",
        utf8(
            TEXT.replace(
                "discrimination raciale, la xénophobie et \nl’intolérance qui y est associée ; ",
                "discrimination raciale, la xénophobie et \nl’intolérance qui y est associée ",
            )
        ),
        91,
        "point-virgule",
    ),
    # -- issue 21: markup glued to an opening formula (it labels the navigation of every page)
    *(
        (name, utf8(TEXT.replace(old, new, 1)), line, f"formule d’ouverture « {word} » suivie de « < »")
        for name, old, new, line, word in [
            (
                "ouverture-script.txt",
                " 1. Réaffirme que",
                " 1. Réaffirme<script>alert(origin)</script> que",
                67,
                "Réaffirme",
            ),
            (
                "ouverture-style.txt",
                " 8. Souligne le",
                " 8. Souligne<style>body{display:none}</style> le",
                109,
                "Souligne",
            ),
            ("ouverture-commentaire.txt", " 12. Prend note", " 12. Prend<!-- note", 135, "Prend"),
            (
                "ouverture-meta-refresh.txt",
                " 11. Invite les",
                ' 11. Invite<meta/http-equiv="refresh"/content="0"> les',
                129,
                "Invite",
            ),
            (
                "ouverture-img-onerror.txt",
                " Soulignant qu",
                " Soulignant<img/src/onerror=alert(1)> qu",
                54,
                "Soulignant",
            ),
            (
                "ouverture-lien-etranger.txt",
                " 14. Décide de",
                ' 14. Décide<a href="https://example.com/">ici</a> de',
                149,
                "Décide",
            ),
        ]
    ),
    (
        "ouverture-deux-mots-script.txt",
        utf8(TEXT.replace(" 10. Demande instamment", " 10. Demande<script>x</script> instamment")),
        122,
        "formule d’ouverture « Demande » suivie de « < »",
    ),
    # -- note calls by evidence
    (
        "appel-ambigu-mot-et-annee.txt",
        utf8(TEXT.replace("authentique entre", "authentique2 entre")),
        17,
        "appel de la note 2 ambigu : « authentique2 » (ligne 14) et « 20002 » (ligne 17)",
    ),
    (
        "annee-suivie-d-une-note-deja-appelee.txt",
        utf8(TEXT.replace("sur le fait que", "sur le fait qu’en 20004 ")),
        58,
        "appel de la note 4 ambigu : « Durban4 » (ligne 28) et « 20004 » (ligne 58)",
    ),
    (
        "appel-en-exposant.txt",
        utf8(TEXT.replace("l’homme1 pour", "l’homme¹ pour")),
        14,
        "chiffre en exposant « ¹ »",
    ),
    # -- page breaks: a recital whose first line, right under the notes, lost its indent
    (
        "alinea-sans-retrait-sous-les-notes.txt",
        utf8(
            TEXT.replace(
                "buts de \n",
                "buts de l’Organisation des Nations Unies, notamment la promotion et la protection "
                "effectives de tous les droits de l’homme, \n",
            ).replace(
                " l’Organisation des Nations Unies, notamment la promotion et la protection \n"
                "effectives de tous les droits de l’homme, \n\n Considérant également",
                "Considérant également",
            )
        ),
        41,
        "début de paragraphe sans retrait juste sous les notes",
    ),
    # -- header and structure
    (
        "formule-repetee.txt",
        utf8(lines((1, 66)) + "\n L’Assemblée générale, \n\n" + lines((67, len(LINES)))),
        67,
        "formule « L’Assemblée générale, » répétée (ligne 8)",
    ),
    (
        "date-31-fevrier.txt",
        utf8(TEXT.replace("le 18 décembre 2013", "le 31 février 2013")),
        1,
        "le 31 février 2013 n’existe pas",
    ),
    (
        "date-32-decembre.txt",
        utf8(TEXT.replace("le 18 décembre 2013", "le 32 décembre 2013")),
        1,
        "le 32 décembre 2013 n’existe pas",
    ),
    (
        "sous-alineas-romains.txt",
        utf8(
            TEXT.replace(
                " 14. Décide de",
                " 14. Décide :\n\n a) De \n\n i) De \n\n ii) De ;\n\n b) De ;\n\n 15. Décide de",
            )
        ),
        153,
        "sous-alinéa en chiffres romains (« i) »)",
    ),
    (
        "annexe.txt",
        utf8(TEXT + "\n Annexe \n\n Texte de l’annexe \n"),
        152,
        "annexe après le dernier paragraphe",
    ),
]


def write() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    for old in CORPUS.glob("*.txt"):
        old.unlink()
    for name, data, _, _ in CASES:
        (CORPUS / name).write_bytes(data)


if __name__ == "__main__":
    write()
    print(f"{len(CASES)} fichiers écrits dans {CORPUS.relative_to(ROOT)}/", file=sys.stderr)
