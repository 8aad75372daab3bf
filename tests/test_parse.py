"""The parser on the real resolution (against a golden model) and on synthetic ones."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from edition.model.errors import ParseError
from edition.source.parse import parse, parse_file

from .support.paths import FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "A-RES-68-160.model.json"


def as_json(resolution) -> str:
    return json.dumps(resolution.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_model_equals_golden(resolution):
    expected = GOLDEN.read_text(encoding="utf-8")
    actual = as_json(resolution)
    diff = "".join(
        difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "parsed")
    )
    assert actual == expected, f"parsed model differs from {GOLDEN.name}:\n{diff}"


def test_counts_and_metadata(resolution):
    r = resolution
    assert (r.symbol, r.session, r.number, r.adopted) == ("A/RES/68/160", 68, 160, "2013-12-18")
    assert r.title == ("Renforcement de la coopération internationale dans le domaine des droits de l’homme")
    assert (r.committee, r.report, r.formula) == (
        "Troisième Commission",
        "A/68/456/Add.2",
        "L’Assemblée générale,",
    )
    assert [p.number for p in r.preamble] == list(range(1, 10))
    assert [p.number for p in r.operative] == list(range(1, 15))
    assert [n.number for n in r.footnotes] == [1, 2, 3, 4, 5]


def test_page_debris_is_undone(resolution):
    texts = " ".join(p.text for p in resolution.paragraphs)
    assert "undocs.org" not in texts and "_____" not in texts
    # sentences cut by a footnote block are whole again
    assert "la pleine réalisation des buts de l’Organisation des Nations Unies" in texts
    assert "de manière effective et concrète à la tâche urgente" in texts
    # the compound broken across lines
    assert "avec la Haut-Commissaire des Nations Unies" in texts
    # glued note markers: a word + note 1, the year 2000 + note 2, 2012 + note 3
    pp1, pp2 = resolution.preamble[0], resolution.preamble[1]
    assert pp1.text[: pp1.calls[0].offset].endswith("droits de l’homme")
    assert pp2.text[: pp2.calls[0].offset].endswith("8 septembre 2000")
    assert pp2.text[: pp2.calls[1].offset].endswith("23 mars 2012")
    assert "Article 1," in pp1.text  # a number that is not a note stays
    assert "19/33 du Conseil" in pp2.text


def test_typography(resolution):
    op1 = resolution.operative[0]
    assert op1.text.endswith("coopération internationale\u00a0;")
    assert "'" not in " ".join(p.text for p in resolution.paragraphs)


def test_footnotes_belong_to_their_paragraphs(resolution):
    assert [(n.number, n.paragraph, n.symbols) for n in resolution.footnotes] == [
        (1, "pp-1", ("A/CONF.157/24 (Part I)",)),
        (2, "pp-2", ("A/RES/55/2",)),
        (3, "pp-2", ("A/67/53",)),
        (4, "pp-3", ("A/RES/66/3",)),
        (5, "pp-9", ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",)),
    ]
    # the wrapped note 3 is whole
    assert resolution.footnote(3).text.endswith("Supplément no 53 (A/67/53), chap. III, sect. A.")


def test_documents_cited(resolution):
    assert {d.key: d.cited_by for d in resolution.documents} == {
        "A/68/456/Add.2": ("header",),
        "Charte des Nations Unies": ("pp-1", "op-6", "op-7"),
        "A/CONF.157/24 (Part I)": ("pp-1",),
        "A/RES/55/2": ("pp-2",),
        "A/RES/67/169": ("pp-2",),
        "A/HRC/RES/19/33": ("pp-2",),
        "A/67/53": ("pp-2",),
        "A/RES/66/3": ("pp-3",),
        "E/CN.4/Sub.2/RES/2000/22": ("pp-9",),
        "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46": ("pp-9",),
    }


def test_openings(resolution):
    assert [p.opening for p in resolution.operative] == [
        "Réaffirme",
        "Estime",
        "Réaffirme",
        "Exhorte",
        "Réaffirme",
        "Estime",
        "Réaffirme",
        "Souligne",
        "Demande",
        "Demande instamment",
        "Invite",
        "Prend note",
        "Prie",
        "Décide",
    ]
    assert resolution.preamble[2].opening == "Rappelant également"


def test_source_lines(resolution):
    lines = (ROOT / "source" / "A-RES-68-160-fr.txt").read_text(encoding="utf-8").splitlines()
    for p in resolution.paragraphs:
        first = lines[p.line - 1].strip()
        assert first.startswith(p.opening if p.preambular else f"{p.number}. {p.opening}")
    for n in resolution.footnotes:
        assert lines[n.line - 1].startswith(f"{n.number} ")


def test_short_resolution_without_committee():
    r = parse_file(FIXTURES / "sans-renvoi-court.txt")
    assert (r.symbol, r.adopted, r.committee, r.report) == (
        "A/RES/74/999",
        "2020-03-01",
        "sans renvoi à une grande commission",
        "A/74/L.99",
    )
    assert len(r.preamble) == 2 and len(r.operative) == 3 and r.footnotes == ()
    assert r.preamble[1].opening == "Profondément préoccupée"
    assert r.operative[0].opening == "Prend note avec satisfaction"
    assert r.operative[2].text.endswith("soixante-quinzième session.")


def test_longer_resolution_with_notes_on_several_pages():
    r = parse_file(FIXTURES / "seize-paragraphes-notes-multipages.txt")
    assert (len(r.preamble), len(r.operative), len(r.footnotes)) == (3, 16, 3)
    op3 = r.operative[2]
    assert (
        "pour le développement et de tenir compte du document final de la conférence au "
        "moment de programmer" in op3.text
    )
    assert [c.number for c in op3.calls] == [3]
    assert r.footnote(3).text.startswith("Voir Documents officiels")
    assert r.footnote(3).text.endswith("Supplément no 25 (A/85/25), chap. II.")
    assert r.footnote(1).symbols == ("A/CONF.151/26 (Vol. I)",)
    assert r.preamble[2].text.endswith("coopération Sud-Sud,")
    assert r.operative[8].text == "Encourage les organisations régionales à partager leurs données\u00a0;"
    assert r.operative[15].text == "Décide de rester saisie de la question."
    assert {d.key for d in r.documents} >= {"A/HRC/RES/40/3", "A/RES/85/12", "A/85/25"}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: Path(p).stem)
def test_every_fixture_parses(path):
    r = parse_file(path)
    assert r.operative and all(p.text for p in r.paragraphs)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_lint_and_format_are_clean(command):
    """`ruff check` and `ruff format --check` (the project's linter and formatter) pass."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "scripts", "tests", "overrides"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# -- edge cases of the layout, on small synthetic texts ---------------------------------

HEADER = (
    "Résolution adoptée par l’Assemblée générale le 1er mars 2020\n\n"
    "[sans renvoi à une grande commission (A/74/L.99)]\n\n"
    "74/999. Titre d’essai\n\n L’Assemblée générale,\n\n"
)


def test_note_marker_glued_to_closing_marks_and_a_note_on_the_first_word():
    r = parse(
        HEADER + " Rappelant la Conférence de Durban (Afrique du Sud)1 et la “Déclaration”2,\n\n"
        " Notant la « Déclaration de Vienne »3,\n\n"
        " 1. Décide4 de poursuivre.\n\n"
        "_______________\n1 Note un.\n2 Note deux.\n3 Note trois.\n4 Note quatre.\n"
    )
    pp1, pp2, op1 = r.paragraphs
    assert pp1.text == "Rappelant la Conférence de Durban (Afrique du Sud) et la “Déclaration”,"
    assert [pp1.text[: c.offset][-4:] for c in pp1.calls] == ["Sud)", "ion”"]
    assert pp2.text[: pp2.calls[0].offset].endswith("Vienne\u00a0»")
    # the opening is read without the marker, so the italics stop at the word
    assert (op1.opening, op1.text, op1.calls[0].offset) == ("Décide", "Décide de poursuivre.", 6)


def test_page_break_exactly_between_two_paragraphs():
    r = parse(
        HEADER + " Rappelant sa résolution 73/1,\n\n_______________\n1 Note un.\n"
        " Notant le rapport1,\n\n 1. Décide de poursuivre.\n"
    )
    assert [p.text for p in r.preamble] == ["Rappelant sa résolution 73/1,", "Notant le rapport,"]
    assert r.footnote(1).paragraph == "pp-2"


def test_a_note_continued_under_the_next_pages_rule():
    r = parse(
        HEADER + " Rappelant la Déclaration1,\n\n"
        "_______________\n1 Voir Documents officiels de l’Assemblée générale,\n"
        " 1. Décide de poursuivre l’examen de la question à sa\n\n"
        "_______________\nSupplément no 53 (A/70/53), chap. III.\n2 Note deux.\n"
        " soixante-quinzième session2.\n"
    )
    assert r.footnote(1).text == (
        "Voir Documents officiels de l’Assemblée générale, Supplément no 53 (A/70/53), chap. III."
    )
    assert r.operative[0].text.endswith("à sa soixante-quinzième session.")
    assert r.footnote(2).paragraph == "op-1"


def test_a_finished_note_is_not_continued_by_stray_text():
    with pytest.raises(ParseError) as info:
        parse(
            HEADER + " Rappelant la Déclaration1,\n\n_______________\n1 Note un.\n"
            " 1. Décide de poursuivre\n\n_______________\nTexte égaré\n la question.\n"
        )
    assert info.value.line == 16 and "la note 2" in str(info.value)


def test_openings_with_an_adverb_a_pronoun_or_a_locution():
    r = parse(
        HEADER + " Vivement préoccupée par la situation,\n\n Tenant compte du rapport,\n\n"
        " Se félicitant du rapport,\n\n 1. Se félicite du rapport ;\n\n"
        " 2. Prend acte avec satisfaction du rapport ;\n\n 3. Décide de poursuivre.\n"
    )
    assert [p.opening for p in r.paragraphs] == [
        "Vivement préoccupée",
        "Tenant compte",
        "Se félicitant",
        "Se félicite",
        "Prend acte avec satisfaction",
        "Décide",
    ]
    assert r.adopted == "2020-03-01"  # « 1er mars »


def test_operative_numbers_past_nine_and_their_notes():
    body = "".join(f" {n}. Invite les États à agir{'1' if n == 12 else ''} ;\n\n" for n in range(1, 13))
    r = parse(
        HEADER + " Rappelant sa résolution 73/1,\n\n" + body + " 13. Décide de poursuivre.\n\n"
        "_______________\n1 Note un.\n"
    )
    assert [p.number for p in r.operative] == list(range(1, 14))
    assert r.footnote(1).paragraph == "op-12"
    assert r.operative[11].text == "Invite les États à agir\u00a0;"


def test_formula_with_nothing_after_it_names_the_formula_line():
    with pytest.raises(ParseError) as info:
        parse(HEADER)
    assert info.value.line == 7 and "aucun paragraphe du dispositif" in str(info.value)
