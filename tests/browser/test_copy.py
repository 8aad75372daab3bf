"""Taking a paragraph away (issue 18): what a reader copies from the wording is the official
words (every paragraph, selected and copied with the keyboard: text/plain and text/html),
« Copier le texte » gives them with their reference and address, and a selection quoted
with « Citer la sélection » gives a link that opens the paragraph with exactly those words
highlighted, over http and from disk."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from edition.formats import exports
from playwright.sync_api import expect

# What the page's copy event put on the clipboard, read back in the same event (the
# DataTransfer is writable then readable while the event runs); a listener on window runs
# after the edition's own on document.
CAPTURE = """window.__copied = [];
window.addEventListener("copy", (e) => {
  window.__copied.push({plain: e.clipboardData.getData("text/plain"), html: e.clipboardData.getData("text/html")});
});"""

SELECT = """([selector, first, last]) => {
  const el = document.querySelector(selector);
  const range = document.createRange();
  if (first === null) range.selectNodeContents(el);
  else {
    // from the start of word `first` to the end of word `last` of the element's text nodes
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const locate = (word, end) => {
      for (const node of nodes) {
        const at = node.data.indexOf(word);
        if (at >= 0) return [node, end ? at + word.length : at];
      }
      throw new Error("introuvable : " + word);
    };
    range.setStart(...locate(first, false));
    range.setEnd(...locate(last, true));
  }
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def official(p) -> str:
    """A paragraph's official words as the text prints them: the operative number first."""
    words = re.sub(r"[ \t\r\n]+", " ", exports.marked_text(p, lambda n: "")).strip(" ")  # not U+00A0
    return f"{p.number}. {words}" if not p.preambular else words


def copied(page, selector: str, first: str | None = None, last: str | None = None) -> dict:
    page.evaluate(SELECT, [selector, first, last])
    page.keyboard.press("Control+C")
    page.wait_for_function("window.__copied.length > 0")
    return page.evaluate("window.__copied.pop()")


def test_every_paragraph_copies_as_its_official_words(page, server, resolution):
    page.add_init_script(CAPTURE)
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    for p in resolution.paragraphs:
        got = copied(page, f"#{p.anchor} .res-para__text")
        plain = got["plain"]
        assert plain.replace("\n\n", " ") == official(p), p.anchor
        assert "⋯" not in plain and "Alinéa" not in plain[:8] and "Citer" not in plain
        assert got["html"] == "\n".join(f"<p>{block}</p>" for block in plain.split("\n\n")).replace(
            "&", "&#38;"
        ), p.anchor
    assert page.recorder.errors == []


def test_a_sentence_across_a_note_call_and_two_paragraphs(page, server, resolution):
    """A few words over a note call lose the call's digit; two paragraphs come as two
    blocks; French spacing stays as typed (no-break spaces)."""
    page.add_init_script(CAPTURE)
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    got = copied(page, "#pp-1 .res-para__text", "Conférence mondiale", "pour favoriser")
    assert got["plain"] == "Conférence mondiale sur les droits de l’homme pour favoriser"
    assert got["html"] == "<p>Conférence mondiale sur les droits de l’homme pour favoriser</p>"
    page.evaluate(
        """() => {
      const range = document.createRange();
      range.setStart(document.querySelector('#pp-1 .res-para__text'), 0);
      range.setEnd(document.querySelector('#pp-2 .res-para__text'), 3);
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }"""
    )
    page.keyboard.press("Control+C")
    page.wait_for_function("window.__copied.length > 0")
    blocks = page.evaluate("window.__copied.pop()")["plain"].split("\n\n")
    assert (
        blocks[0] == official(resolution.paragraph("pp-1")) and blocks[1] == "Rappelant"
    )  # the end of the selection, in its em
    got = copied(page, "#op-1 .res-para__text", "grâce", "internationale\u00a0;")
    assert got["plain"] == "grâce, notamment, à la coopération internationale\u00a0;"  # as typed
    got = copied(page, "#pp-2 .res-para__text", "Rappelant", "20 décembre 2012")
    assert got["plain"] == official(resolution.paragraph("pp-2")).split(" et sa résolution")[0] + (
        " et sa résolution 67/169 du 20 décembre 2012"
    )


def test_copier_le_texte_gives_words_reference_and_address(page, server, resolution):
    page.goto(server + "dispositif/13.html")
    page.wait_for_load_state("load")
    page.evaluate("navigator.clipboard.writeText('(vide)')")
    page.locator("#op-13").get_by_role("button", name="Citer, copier ou partager le paragraphe 13").click()
    page.get_by_role("button", name="Copier le texte du paragraphe 13, avec sa référence").click()
    expect(page.locator(".ed-status")).to_contain_text("copié")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text == (
        f"{official(resolution.paragraph('op-13'))}\n"
        "— résolution 68/160 de l’Assemblée générale, paragraphe 13\n"
        f"{server}dispositif/13.html#op-13"
    )


def quote(page, selector: str, first: str, last: str) -> tuple[str, str]:
    """Select words, press « Citer la sélection », copy the citation: (citation, link)."""
    page.evaluate(SELECT, [selector, first, last])
    button = page.get_by_role("button", name="Citer la sélection")
    expect(button).to_be_visible()
    button.click()
    panel = page.locator(".ed-quote")
    expect(panel).to_be_visible()
    page.evaluate("navigator.clipboard.writeText('(vide)')")
    panel.get_by_role("button", name="Copier la citation").click()
    expect(page.locator(".ed-status")).to_contain_text("Citation copiée")
    return page.evaluate("navigator.clipboard.readText()"), panel.get_attribute("data-link")


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_a_quoted_selection_links_to_its_words_highlighted(page, request, origin):
    base = request.getfixturevalue(origin)
    page.goto(base + "preambule.html")
    page.wait_for_load_state("load")
    words = "Conférence mondiale sur les droits de l’homme pour favoriser"
    citation, link = quote(page, "#pp-1 .res-para__text", "Conférence mondiale", "pour favoriser")
    assert citation == (
        f"« {words} » (résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013), {link}"
    )
    parts = urlsplit(link)
    assert parts.path.endswith("/preambule/1.html") and parse_qs(parts.query) == {"passage": [words]}
    assert parts.fragment.startswith("pp-1:~:text=")
    # another form, chosen in the panel
    page.locator(".ed-quote__format").select_option(label="OSCOLA (anglais)")
    assert page.locator(".ed-quote__text").inner_text().startswith(f"« {words} » (UNGA Res 68/160")
    # the link opens the paragraph's own page with exactly those words highlighted
    page.goto(link)
    page.wait_for_load_state("load")
    marks = page.locator("#pp-1 mark.ed-highlight")
    expect(marks.first).to_be_visible()
    shown = page.evaluate(
        "() => [...document.querySelectorAll('#pp-1 mark.ed-highlight')].map(m => m.textContent).join('')"
    )
    assert " ".join(shown.split()) == words
    assert page.recorder.errors == []


def test_a_repeated_phrase_is_quoted_at_its_own_occurrence(page, server):
    """« droits de l’homme » occurs three times in alinéa 2: the second one selected is the
    second one highlighted (?passage=…&n=2)."""
    page.goto(server + "preambule/2.html")
    page.wait_for_load_state("load")
    page.evaluate(
        """() => {
      const el = document.querySelector('#pp-2 .res-para__text');
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0, range = null;
      while (walker.nextNode()) {
        const node = walker.currentNode;
        let at = -1;
        while ((at = node.data.indexOf('droits de l’homme', at + 1)) >= 0) {
          seen++;
          if (seen === 2) { range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 17); }
        }
      }
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }"""
    )
    page.get_by_role("button", name="Citer la sélection").click()
    link = page.locator(".ed-quote").get_attribute("data-link")
    assert parse_qs(urlsplit(link).query) == {"passage": ["droits de l’homme"], "n": ["2"]}
    page.goto(link)
    page.wait_for_load_state("load")
    where = page.evaluate(
        """() => {
      const text = document.querySelector('#pp-2 .res-para__text');
      const mark = text.querySelector('mark.ed-highlight');
      const range = document.createRange();
      range.setStart(text, 0); range.setEndBefore(mark);
      return range.toString().split('droits de l’homme').length - 1;
    }"""
    )
    assert where == 1  # one occurrence before the highlighted one


def test_no_highlight_when_the_words_are_not_there(page, server):
    page.goto(server + "dispositif/7.html?passage=" + json.dumps("mots absents").strip('"') + "#op-7")
    page.wait_for_load_state("load")
    assert page.locator("mark.ed-highlight").count() == 0
    assert page.recorder.errors == []
