"""What a French reader sees: French spacing around ; : ! ? « » in every page's text and
tooltips, and no English left by the theme (footer credit, error page)."""

from __future__ import annotations

import re

import lxml.html
import pytest
from edition.model.typography import french_spacing

PLAIN_BEFORE = re.compile(r"\S[ \t\r\n]+[;:!?»]")
PLAIN_AFTER = re.compile(r"«[ \t\r\n]")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def pages(site):
    return sorted(site.rglob("*.html"))


def reader_strings(path):
    """Every text node outside scripts, styles and code, and every reader-facing attribute."""
    root = lxml.html.fromstring(path.read_bytes())
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in ATTRIBUTES:
            if el.get(name):
                yield f"@{name}", el.get(name)
        if el.tag in ("script", "style", "code", "pre", "textarea"):
            if el.tail:
                yield el.getparent().tag, el.tail
            continue
        if el.text and not any(a.tag in ("code", "pre") for a in el.iterancestors()):
            yield el.tag, el.text
        if el.tail and not any(a.tag in ("code", "pre") for a in el.iterancestors()):
            yield el.getparent().tag if el.getparent() is not None else "", el.tail


def test_no_plain_space_before_high_punctuation_or_inside_guillemets(site):
    bad = []
    for path in pages(site):
        for where, text in reader_strings(path):
            for m in list(PLAIN_BEFORE.finditer(text)) + list(PLAIN_AFTER.finditer(text)):
                bad.append(
                    (path.relative_to(site).as_posix(), where, text[max(0, m.start() - 20) : m.end() + 10])
                )
    assert bad == []
    # the pages do have French punctuation, spaced
    assert "Thèmes\u00a0:" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>Thèmes : <b>a</b> ; « b » !</p>", "<p>Thèmes\u00a0: <b>a</b>\u00a0; «\u00a0b\u00a0»\u00a0!</p>"),
        (
            '<a title="« pp-1 »" href="x?q=a" data-cite="a : b">?</a>',
            '<a title="«\u00a0pp-1\u00a0»" href="x?q=a" data-cite="a : b">?</a>',
        ),
        (
            "<code>a : b</code><script>x ? y : z</script><!-- a : b --><pre>a ; b</pre>",
            "<code>a : b</code><script>x ? y : z</script><!-- a : b --><pre>a ; b</pre>",
        ),
        ("<p>déjà\u00a0; bien</p>", "<p>déjà\u00a0; bien</p>"),
        # raw-text elements stay as they are, attributes included, whatever the case
        ('<CODE title="« k »">a : b</code> ?', '<CODE title="« k »">a : b</code>\u00a0?'),
        # a ">" inside a quoted value does not end the tag; runs of spaces become one
        ('<a data-x="1 > 0" TITLE="« t »">x</a>', '<a data-x="1 > 0" TITLE="«\u00a0t\u00a0»">x</a>'),
        ("<p>«\n  Oui  ! »</p>", "<p>«\u00a0Oui\u00a0!\u00a0»</p>"),
    ],
)
def test_french_spacing_touches_text_and_tooltips_only(html, expected):
    assert french_spacing(html) == expected


def test_no_english_from_the_theme(site):
    for path in pages(site):
        text = lxml.html.fromstring(path.read_bytes()).text_content()
        assert "Made with" not in text, path
        assert "Not found" not in text, path
    footer = (
        lxml.html.fromstring((site / "index.html").read_bytes())
        .xpath("//div[contains(@class,'md-copyright')]")[0]
        .text_content()
    )
    assert "Réalisé avec" in " ".join(footer.split())
    error = lxml.html.fromstring((site / "404.html").read_bytes())
    assert error.xpath("//article//h1")[0].text_content().strip() == "Page introuvable"


def test_session_ordinal_is_set_as_an_exponent(site):
    facts = lxml.html.fromstring((site / "index.html").read_bytes()).xpath(
        "//p[contains(@class,'res-identity__symbol')]"
    )[0]
    assert [s.text for s in facts.xpath(".//sup")] == ["e"]
