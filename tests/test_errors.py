"""Bad input: a ParseError naming the line, showing it, saying what was expected; the
command exits non-zero and writes or deletes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest
from edition.errors import ParseError
from edition.normalise import INVISIBLE, decode
from edition.parse import parse, parse_file

from . import damaged
from .conftest import ROOT, SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")
CASES = damaged.CASES  # the one damaged-input table, also run through the CLI (slow)


@pytest.mark.parametrize("name,data,line,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_the_line(name, data, line, words):
    with pytest.raises(ParseError) as info:
        parse(decode(data))
    err = info.value
    assert err.line == line, str(err)
    assert words in str(err), str(err)
    assert "attendu" in str(err)


def test_a_year_glued_number_is_literal_when_the_note_is_called_elsewhere():
    """« devant 20005 participants » with note 5 called by « l’homme5 »: 20005 stays text."""
    r = parse(TEXT.replace("devoir de faire", "devoir devant 20005 participants de faire"))
    assert "devant 20005 participants" in r.operative[1].text
    assert r.footnote(5).paragraph == "pp-9" and [c.number for c in r.preamble[8].calls] == [5]


def test_the_invisible_characters_are_every_format_character():
    wanted = {
        c
        for c in map(chr, range(0x110000))
        if unicodedata.category(c) in ("Cf", "Zl", "Zp") and c != "\ufeff"
    }
    assert all(INVISIBLE.fullmatch(c) for c in wanted)


def replace_line(number: int, new: str) -> str:
    return damaged.replace_line(number, new)


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
