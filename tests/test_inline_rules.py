"""The three renderers of the inline stream (HTML, Akoma Ntoso, plain text) are rule tables
keyed by token type, checked to cover every type, and fail the same way on a token they
have no rule for: a ParseError naming the token's type, its source line and the output
(issue 19: HTML raised, AKN raised a KeyError or popped a closing token silently, the text
dropped it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from edition.formats.akn import _Builder
from edition.model.errors import ParseError
from edition.model.inline import TOKEN_TYPES, Extras, HtmlRules, Token, checked, to_text
from edition.model.notes import Annotations

STRAY = [Token("text", 0, "Décide "), Token("marque", 1, "", line=42), Token("marque", -1, "", line=42)]


def html(stream):
    return HtmlRules(lambda k: "", lambda k: "", lambda n: "", lambda n: None).render(stream)


def akn(stream, resolution):
    builder = _Builder(resolution, Annotations(), Extras())
    builder.inline(ET.Element("p"), stream)


@pytest.mark.parametrize("output", ["le HTML", "Akoma Ntoso", "le texte brut"])
def test_an_unknown_token_fails_every_renderer_alike(output, resolution):
    render = {"le HTML": html, "Akoma Ntoso": lambda s: akn(s, resolution), "le texte brut": to_text}[output]
    with pytest.raises(ParseError) as info:
        render(STRAY)
    assert info.value.line == 42
    assert f"élément « marque » du texte sans règle pour {output}" in str(info.value)


def test_a_table_must_cover_every_token_type():
    rules = {t: (lambda token: "") for t in TOKEN_TYPES}
    assert checked(rules, "x") is rules
    with pytest.raises(AssertionError, match="note"):
        checked({t: r for t, r in rules.items() if t != "note"}, "x")


def test_akoma_ntoso_refuses_a_closing_token_out_of_place(resolution):
    stream = [Token("em", 1), Token("text", 0, "x"), Token("sup", -1, line=7), Token("em", -1)]
    with pytest.raises(ParseError) as info:
        akn(stream, resolution)
    assert info.value.line == 7 and "fin de « sup » hors de son élément" in str(info.value)
