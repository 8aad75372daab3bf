"""Lettered subparagraphs a), b)… of operative paragraphs, end to end, on a synthetic
resolution (tests/fixtures/alineas-lettres.txt): the model, every generated output, and one
strict build."""

from __future__ import annotations

import json

import jsonschema
import pytest
from edition.build import pipeline
from edition.model.errors import ParseError
from edition.source.parse import parse, parse_file
from lxml import etree

from .support import htmltext
from .support.paths import FIXTURES, ROOT

SOURCE = FIXTURES / "alineas-lettres.txt"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture(scope="module")
def edition():
    return pipeline.load(SOURCE, None)


def test_model_has_the_subparagraphs_with_letters_lines_and_spans():
    r = parse_file(SOURCE)
    assert [len(p.subparagraphs) for p in r.operative] == [0, 3, 0, 2]
    op2, op4 = r.operative[1], r.operative[3]
    assert op2.lead == "Prie le Secrétaire général\u00a0:" and op2.opening == "Prie"
    assert [(s.letter, s.anchor, s.line) for s in op2.subparagraphs] == [
        ("a", "op-2-a", 18),
        ("b", "op-2-b", 21),
        ("c", "op-2-c", 29),
    ]
    assert [(s.letter, s.anchor, s.line) for s in op4.subparagraphs] == [
        ("a", "op-4-a", 35),
        ("b", "op-4-b", 38),
    ]
    # each subparagraph's span is in its own paragraph's text
    for p in (op2, op4):
        for s in p.subparagraphs:
            assert p.text[s.start :].startswith(f"{s.letter}) {s.text}"), (p.anchor, s.letter)
    # b) is cut by a page break and whole again; note 2 is called in a)
    assert op2.subparagraphs[1].text.endswith("de renforcer la coopération internationale\u00a0;")
    assert [c.number for c in op2.calls] == [2]
    assert op2.subparagraphs[0].start < op2.calls[0].offset < op2.subparagraphs[1].start
    assert r.footnote(2).paragraph == "op-2"
    assert op4.subparagraphs[-1].text == "De rester saisie de la question."


def test_markdown_gives_each_subparagraph_its_anchor(edition):
    page = edition.pages["dispositif/2.md"]
    for letter in "abc":
        assert f'<span class="res-subpara" id="op-2-{letter}">{letter}) ' in page
    assert (
        '<em class="res-opening">Prie</em> le Secrétaire général\u00a0: '
        '<span class="res-subpara" id="op-2-a">a) De présenter'
    ) in page
    assert '<span class="res-subpara" id="op-4-b">' in edition.pages["dispositif/4.md"]


def test_plain_text_puts_each_subparagraph_on_its_line(edition):
    text = edition.pages["resolution.txt"]
    assert "2. Prie le Secrétaire général\u00a0:\na) De présenter" in text
    assert "résolution² ;\nb) De consulter".replace(" ;", "\u00a0;") in text
    assert text.count("\nc) ") == 1


def test_akoma_ntoso_has_a_list_of_points_and_validates(edition):
    root = etree.fromstring(edition.pages["resolution.akn.xml"].encode())
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "schemas" / "akomantoso" / "akomantoso30.xsd")))
    assert schema.validate(root), schema.error_log
    points = root.xpath("//a:paragraph[@eId='para_2']/a:list/a:point/@eId", namespaces=NS)
    assert points == [f"para_2__list_1__point_{x}" for x in "abc"]
    assert root.xpath("string(//a:paragraph[@eId='para_2']/a:list/a:intro)", namespaces=NS).startswith("Prie")
    note = root.xpath("//a:point[@eId='para_2__list_1__point_a']//a:authorialNote/@marker", namespaces=NS)
    assert note == ["2"]


def test_resolution_json_lists_them_and_matches_its_schema(edition):
    data = json.loads(edition.pages["resolution.json"])
    schema = json.loads(edition.pages["resolution.schema.json"])
    jsonschema.Draft202012Validator(schema).validate(data)
    op2 = next(p for p in data["paragraphs"] if p["id"] == "op-2")
    assert [s["id"] for s in op2["subparagraphs"]] == ["op-2-a", "op-2-b", "op-2-c"]
    assert all(op2["text"][s["start"] :].startswith(s["letter"] + ")") for s in op2["subparagraphs"])
    assert "subparagraphs" not in next(p for p in data["paragraphs"] if p["id"] == "op-1")


HEAD = (
    " Résolution adoptée par l’Assemblée générale le 1er mars 2020\n\n"
    "[sans renvoi à une grande commission (A/74/L.99)]\n\n"
    "74/999. Titre d’essai\n\n L’Assemblée générale,\n\n Rappelant sa résolution 73/1,\n\n"
)


@pytest.mark.parametrize(
    "body,line,fragment",
    [
        (" 1. Prie le Secrétaire général :\n\n a) De présenter un rapport.\n", 13, "en a 1"),
        (" 1. Prie le Secrétaire général :\n\n 2. Décide de poursuivre.\n", 11, "en a 0"),
        (" 1. Prie :\n\n a) De présenter ;\n\n c) De lire.\n", 15, "lettre hors d’ordre"),
        (" 1. Prie ;\n\n a) De présenter ;\n\n b) De lire.\n", 13, "hors d’un paragraphe qui les annonce"),
        (" 1. Prie :\n\n a) De présenter\n\n b) De lire.\n", 13, "point-virgule"),
        (
            " 1. Prie :\n\n a) De présenter ;\n\n b) De lire ;\n",
            15,
            "le dernier, ne se termine pas par un point",
        ),
        (" 1. Prie :\n\n a) de présenter ;\n\n b) De lire.\n", 13, "début non reconnu"),
        (" 1. Prie :\n\n a) De présenter ; b) De lire.\n", 13, "commence au milieu du texte"),
        (" a) De présenter ;\n\n 1. Décide.\n", 11, "hors d’un paragraphe"),
    ],
    ids=[
        "one-subparagraph",
        "colon-without-subparagraphs",
        "letter-skipped",
        "semicolon-then-subparagraphs",
        "subparagraph-cut",
        "last-subparagraph-without-full-stop",
        "lowercase-start",
        "two-subparagraphs-merged",
        "subparagraph-in-the-preamble",
    ],
)
def test_subparagraph_grammar_is_enforced(body, line, fragment):
    with pytest.raises(ParseError) as info:
        parse(HEAD + body)
    assert info.value.line == line and fragment in str(info.value), str(info.value)


def test_strict_build_shows_the_subparagraphs_with_their_anchors(built_edition):
    site = built_edition(SOURCE)
    for page, op in (("dispositif/2.html", 2), ("texte-integral.html", 2), ("dispositif/4.html", 4)):
        ids = htmltext.ids(site / page)
        letters = "abc" if op == 2 else "ab"
        assert {f"op-{op}-{x}" for x in letters} <= ids, page
    p = htmltext.load(site / "dispositif" / "2.html").xpath("//span[@id='op-2-b']")[0]
    assert p.text_content().startswith("b) De consulter") and "res-subpara" in p.get("class")
    header, body, notes = htmltext.source_words(SOURCE)
    assert htmltext.resolution_words(site / "texte-integral.html") == (header + body, notes)
