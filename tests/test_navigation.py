"""The navigation of the paragraphs, made from the model: every page in order, labelled with
its number and opening words, then at most ten ranges for very long resolutions, the pages
left out of the navigation declared; every title escaped (Material prints it as it is)."""

from __future__ import annotations

import dataclasses

from edition.model import OPERATIVE, PREAMBULAR, Paragraph
from edition.pages import navigation
from edition.source.parse import parse

from .support.paths import SOURCE

NAV = [
    {"Accueil": "index.md"},
    {"Préambule": [{"Le préambule entier": "preambule.md"}, "preambule/"]},
    {"Dispositif": "dispositif/"},
    {"Plus": [{"X": "dispositif/"}]},
]
REAL = parse(SOURCE.read_text(encoding="utf-8"))


def resolution(preambular: int, operative: int):
    """The real resolution with `preambular` and `operative` paragraphs (copies of its own)."""

    def made(kind, count):
        return tuple(Paragraph(kind, n, "Décide", "Décide de …", 1) for n in range(1, count + 1))

    return dataclasses.replace(
        REAL, preamble=made(PREAMBULAR, preambular), operative=made(OPERATIVE, operative)
    )


def test_one_item_per_paragraph_in_order_with_its_opening():
    nav, omitted = navigation.expand(NAV, REAL)
    assert nav[0] == NAV[0] and omitted == []
    preamble = nav[1]["Préambule"]
    assert preamble[0] == {"Le préambule entier": "preambule.md"}
    assert preamble[1:4] == [
        {"Alinéa 1 · Réaffirmant": "preambule/1.md"},
        {"Alinéa 2 · Rappelant": "preambule/2.md"},
        {"Alinéa 3 · Rappelant également": "preambule/3.md"},
    ]
    assert len(preamble) == 1 + 9
    items = nav[2]["Dispositif"]
    assert items[9] == {"10. Demande instamment": "dispositif/10.md"}
    assert list(items[-1].values()) == ["dispositif/14.md"] and len(items) == 14
    assert nav[3]["Plus"][0]["X"] == items  # nested entries are expanded too


def test_titles_are_escaped_once():
    hostile = dataclasses.replace(
        REAL, operative=(dataclasses.replace(REAL.operative[0], opening="Prie<script>x</script>"),)
    )
    nav, _ = navigation.expand([{"A & B": "dispositif/"}], hostile)
    assert nav == [{"A &amp; B": [{"1. Prie&lt;script&gt;x&lt;/script&gt;": "dispositif/1.md"}]}]


def test_long_resolutions_get_at_most_ten_ranges():
    nav, omitted = navigation.expand(NAV[2:3], resolution(1, 1000))
    items = nav[0]["Dispositif"]
    assert len(items) == navigation.MAX_RANGES
    assert items[0] == {"Paragraphes 1 à 100": "dispositif/1.md"}
    assert items[-1] == {"Paragraphes 901 à 1000": "dispositif/901.md"}
    assert len(omitted) == 1000 - 10 and "/dispositif/2.md" in omitted
    assert "/dispositif/101.md" not in omitted
    # one more paragraph: ranges grow by fifty, still at most ten of them
    items = navigation.expand(NAV[2:3], resolution(1, 1001))[0][0]["Dispositif"]
    assert len(items) == 7 and items[0] == {"Paragraphes 1 à 150": "dispositif/1.md"}


def test_past_the_limit_ranges_of_fifty_for_either_part():
    nav, omitted = navigation.expand(NAV[1:3], resolution(60, 120))
    assert [list(i) for i in nav[1]["Dispositif"]] == [
        ["Paragraphes 1 à 50"],
        ["Paragraphes 51 à 100"],
        ["Paragraphes 101 à 120"],
    ]
    assert [list(i) for i in nav[0]["Préambule"][1:]] == [["Alinéas 1 à 50"], ["Alinéas 51 à 60"]]
    assert "/preambule/2.md" in omitted and "/dispositif/51.md" not in omitted
