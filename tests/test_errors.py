"""Bad input, in memory: a ParseError naming the line, showing it, saying what was expected.
The same table through the command (exit 2, docs/ and site/ untouched): test_damaged_inputs.py."""

from __future__ import annotations

import unicodedata

import pytest
from edition.model.errors import ParseError
from edition.source.normalise import INVISIBLE, decode
from edition.source.parse import parse, parse_file

from .support import damaged
from .support.paths import SOURCE

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


def test_a_year_glued_number_is_refused_when_the_note_is_called_elsewhere():
    """« devant 20005 participants » with note 5 called by « l’homme5 »: 2000 + a second call
    of note 5, or the number 20 005 printed without its space? Nothing says: refused, naming
    both (issue 21)."""
    with pytest.raises(ParseError) as info:
        parse(TEXT.replace("devoir de faire", "devoir devant 20005 participants de faire"))
    assert info.value.line == 73
    assert "« l’homme5 » (ligne 65) et « 20005 » (ligne 73)" in str(info.value)


def test_the_invisible_characters_are_every_format_character():
    wanted = {
        c
        for c in map(chr, range(0x110000))
        if unicodedata.category(c) in ("Cf", "Zl", "Zp") and c != "\ufeff"
    }
    assert all(INVISIBLE.fullmatch(c) for c in wanted)


def test_not_utf8_names_the_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(TEXT.encode("utf-8").replace("générale".encode(), "générale".encode("latin-1"), 1))
    with pytest.raises(ParseError) as info:
        parse_file(bad)
    assert info.value.line == 1 and "UTF-8" in str(info.value)
    assert str(info.value).startswith(str(bad) + ":1:")
