"""Printing (docs/assets/stylesheets/print.css), as Chromium prints to A4: every sheet names
the resolution by its symbol and its place « n / N », no sheet holds only a line or two,
the first carries the page's identity and the last the citation; links are words on paper
(no underline), and nothing of the interface is printed. The PDF is read by
tests/support/pdftext.py (no PDF package on the test machines)."""

from __future__ import annotations

import json
import re

import pytest

from ..support import pdftext

PRINTED = ["index.html", "preambule.html", "dispositif/7.html", "documents.html", "glossaire.html"]
FEWEST_LINES = 3  # of the page's own text on a sheet, running head and number apart
INTERFACE = ["Afficher les annotations", "⋯", "Copier le lien", "Rechercher", "Aller au contenu", "Suivant"]

# what the first sheet must show: the identity block where the page has one, else the
# page's own title and the line that places it in the resolution
FIRST_SHEET = """() => {
  const shown = (el) => el && el.textContent.replace(/\\s+/g, ' ').trim();
  const identity = document.querySelector('article .res-identity');
  return identity
    ? [...identity.querySelectorAll('.res-identity__adopted, .res-identity__report')].map(shown)
    : [shown(document.querySelector('article h1')), shown(document.querySelector('article .ed-context'))]
        .filter(Boolean);
}"""


@pytest.fixture(scope="module")
def symbol(site) -> str:
    return json.loads((site / "resolution.json").read_text(encoding="utf-8"))["symbol"]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PRINTED)
def test_every_sheet_names_the_resolution_and_its_place(page, server, symbol, name):
    page.goto(server + name)
    page.wait_for_load_state("load")
    first = page.evaluate(FIRST_SHEET)
    has_footer = page.locator(".ed-print-footer").count() == 1
    sheets = pdftext.sheets(page.pdf(format="A4"))
    total = len(sheets)
    thin = {}
    for number, lines in enumerate(sheets, start=1):
        heads = [line for line in lines if symbol in line and "Texte faisant foi" in line]
        folios = [line for line in lines if re.fullmatch(r"\s*\d+ / \d+\s*", line)]
        assert heads, (name, number, lines[:3])
        assert [flat(f) for f in folios] == [f"{number} / {total}"], (name, number, lines[-3:])
        own = [line for line in lines if line not in heads and line not in folios and line.strip()]
        if len(own) < FEWEST_LINES:
            thin[number] = own
        shown = " ".join(lines)
        assert [w for w in INTERFACE if w in shown] == [], (name, number)
    assert thin == {}, f"{name} : feuilles presque vides sur {total}"
    text = [flat(" ".join(lines)) for lines in sheets]
    for words in first:  # long lines wrap: their first words are enough
        assert flat(words)[:40] in text[0], (name, words)
    if has_footer:
        assert "Pour citer :" in text[-1] and all("Pour citer :" not in t for t in text[:-1]), name


def test_links_are_words_on_paper(page, server):
    """In print media no link is underlined or coloured as a link, annotations shown or
    not (glossary terms are dotted links on screen), and no control is rendered."""
    page.emulate_media(media="print")
    for name in ("index.html", "dispositif/7.html", "a-propos.html"):
        page.goto(server + name)
        page.wait_for_load_state("load")
        for shown in ("off", "on"):
            page.evaluate(f"document.documentElement.setAttribute('data-annotations', '{shown}')")
            seen = page.evaluate("""() => {
                const shown = (el) => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0)
                  && getComputedStyle(el).visibility !== 'hidden';
                const links = [...document.querySelectorAll('a[href]')].filter(shown);
                return {
                  links: links.length,
                  underlined: links.filter((a) => getComputedStyle(a).textDecorationLine !== 'none')
                    .map((a) => a.className + ' ' + a.textContent.trim().slice(0, 30)),
                  coloured: links.filter((a) => getComputedStyle(a).color !== getComputedStyle(a.parentElement).color)
                    .map((a) => a.className + ' ' + a.textContent.trim().slice(0, 30)),
                  controls: [...document.querySelectorAll('button, input, select, textarea, label, nav, header.md-header, .md-sidebar, .md-footer')]
                    .filter(shown).map((el) => el.tagName + '.' + el.className),
                };
            }""")
            assert seen["links"] > 3, name
            assert seen["underlined"] == [], (name, shown)
            assert seen["coloured"] == [], (name, shown)
            assert seen["controls"] == [], (name, shown)


# the bottoms of a paragraph's first three lines, from its words in the text's own size
# (not the note calls, the label or the menu: one font size, so one bottom per line)
LINE_BOTTOMS = """(selector) => [...document.querySelectorAll(selector)].slice(0, 4).map((p) => {
  const bottoms = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('sup, .ed-label, .ed-menu')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.height > 0) bottoms.push(Math.round(r.bottom));
  }
  return [...new Set(bottoms)].sort((a, b) => a - b).slice(0, 3);
})"""


@pytest.mark.parametrize("media", ["print", "screen"])
def test_a_paragraphs_first_line_is_spaced_as_the_others(page, server, media):
    """The small label « Alinéa 1 » (an inline-block kept 24 px high on screen, as a target)
    made the first line of every recital taller than the next on paper."""
    page.emulate_media(media=media)
    for name in ("index.html", "preambule/3.html", "dispositif/4.html"):
        page.goto(server + name)
        page.wait_for_load_state("load")
        measured = page.evaluate(LINE_BOTTOMS, ".res-para__text")
        assert any(len(lines) == 3 for lines in measured), (name, measured)
        for lines in (lines for lines in measured if len(lines) == 3):
            first, second = lines[1] - lines[0], lines[2] - lines[1]
            assert abs(first - second) <= 1, (name, media, lines)
