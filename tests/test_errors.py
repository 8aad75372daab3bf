"""Bad input: a ParseError naming the line, showing it, saying what was expected; the
command exits non-zero and writes or deletes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from edition.errors import ParseError
from edition.parse import parse, parse_file

from .conftest import ROOT, SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")


def replace_line(number: int, new: str) -> str:
    lines = TEXT.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def drop_lines(first: int, last: int) -> str:
    lines = TEXT.split("\n")
    del lines[first - 1 : last]
    return "\n".join(lines)


# (name, damaged text, expected line, words the message must contain)
CASES = [
    ("empty", "", 1, "vide"),
    ("blank-only", "  \n\n \n", 1, "vide"),
    ("no-formula", replace_line(8, " L’Assemblée nationale, "), 8, "formule"),
    ("no-operative", TEXT.split("\n 1. Réaffirme")[0], 65, "dispositif"),
    (
        "operative-repeated",
        replace_line(72, " 1. Estime que, outre leurs responsabilités vis-à-vis de leur propre société, "),
        72,
        "répété",
    ),
    (
        "operative-out-of-order",
        TEXT.replace(" 2. Estime", " 3. Estime").replace(
            " 3. Réaffirme que le dialogue", " 2. Réaffirme que le dialogue"
        ),
        72,
        "paragraphe 2 manquant ou hors d’ordre (trouvé 3)",
    ),
    (
        "operative-repeated-later",
        replace_line(88, " 4. Réaffirme qu’il importe de renforcer la coopération internationale aux "),
        88,
        "paragraphe 4 répété",
    ),
    ("operative-missing", drop_lines(76, 80), 76, "paragraphe 3 manquant"),
    (
        "operative-first-not-1",
        replace_line(67, " 2. Réaffirme que l’un des buts de l’Organisation des Nations Unies, dont la "),
        67,
        "paragraphe 1 manquant",
    ),
    (
        "marker-without-note",
        TEXT.replace("libertés fondamentales ; \n\n 7.", "libertés fondamentales6 ; \n\n 7."),
        102,
        "appel de note 6 sans texte",
    ),
    ("note-never-referenced", TEXT.replace("Durban4,", "Durban,"), 40, "appelée nulle part"),
    ("note-out-of-sequence", TEXT.replace("\n2 Résolution 55/2.", "\n7 Résolution 55/2."), 37, "la note 2"),
    ("note-repeated", TEXT.replace("\n4 Résolution 66/3.", "\n3 Résolution 66/3."), 40, "la note 4"),
    ("bad-header", replace_line(1, " Décision adoptée le 18 décembre 2013 "), 1, "en-tête"),
    ("bad-title", replace_line(5, "Renforcement de la coopération internationale  "), 5, "titre"),
    (
        "separator-without-notes",
        TEXT.replace("1 A/CONF.157/24 (Part I), chap. III. ", " l’Organisation"),
        35,
        "note",
    ),
]


@pytest.mark.parametrize("name,text,line,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_the_line(name, text, line, words):
    with pytest.raises(ParseError) as info:
        parse(text)
    err = info.value
    assert err.line == line, str(err)
    assert words in str(err), str(err)
    assert "attendu" in str(err)


def test_not_utf8_names_the_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(TEXT.encode("utf-8").replace("générale".encode(), "générale".encode("latin-1"), 1))
    with pytest.raises(ParseError) as info:
        parse_file(bad)
    assert info.value.line == 1 and "UTF-8" in str(info.value)
    assert str(info.value).startswith(str(bad) + ":1:")


def test_cli_leaves_docs_and_site_untouched(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "docs", docs)
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    bad = tmp_path / "bad.txt"
    bad.write_text(replace_line(8, " L’Assemblée nationale, "), encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "edition",
            "build",
            "--source",
            str(bad),
            "--docs-dir",
            str(docs),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 2
    assert f"{bad}:8: erreur : formule d’ouverture introuvable" in run.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p != bad}
    assert after == {p: b for p, b in before.items() if p != bad}
