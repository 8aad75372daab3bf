"""Switching the palette, with Material's switching rule moved under the edition's own mark
(scripts/edition/site/palette.py, form-toggles.js): a switch, by pointer or keyboard, either
way, starts no transition (nothing fades from one scheme to the other), the mark is lifted
after it, and a page view sets no mark at all. Material's color-scheme meta is gone from its
script (palette.py): the root still takes the palette's scheme, from the stylesheet."""

from __future__ import annotations

import pytest

from ..support.browser import new_tab

TRANSITIONS = "document.getAnimations().filter(a => a instanceof CSSTransition).length"
TOGGLE = "label.md-header__button[for^='__palette']:visible"
# Material's palette component has run: it sets the theme colour from the header's
STARTED = "() => document.querySelector('meta[name=theme-color]')?.content"


@pytest.fixture
def palette_page(context, server):
    page = new_tab(context)
    page.goto(server + "dispositif/1.html")
    page.wait_for_function(STARTED)
    yield page
    page.close()


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_the_page_has_transitions_a_switch_would_start(palette_page):
    """The control: the same colour change made without the mark starts transitions (the
    header's buttons, the navigation's links), so zero below means something."""
    palette_page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert palette_page.evaluate(TRANSITIONS) > 0


@pytest.mark.parametrize("how", ["pointer", "keyboard"])
def test_a_switch_starts_no_transition_either_way(palette_page, how):
    for expected in ["slate", "default"]:
        if how == "pointer":
            palette_page.locator(TOGGLE).first.click()
        else:
            palette_page.locator(TOGGLE).first.focus()
            palette_page.keyboard.press("Enter")
        assert scheme(palette_page) == expected
        assert palette_page.evaluate(TRANSITIONS) == 0
        # lifted once a frame is drawn: the edition's own transitions work again
        palette_page.wait_for_function(
            "() => !document.documentElement.classList.contains('ed-palette-switching')"
        )


def test_a_page_view_marks_nothing(context, server):
    """Neither Material's mark (its rule is gone) nor the edition's is on the page after it
    loads; a mark left on would also stop every transition."""
    page = new_tab(context)
    page.add_init_script(
        """new MutationObserver(records => { for (const r of records)
             (window.__marks ??= []).push(r.attributeName + ' ' + r.target.tagName) })
           .observe(document, {subtree: true, attributes: true,
                               attributeFilter: ['class', 'data-md-color-switching']});"""
    )
    page.goto(server + "index.html")
    page.wait_for_function(STARTED)
    page.wait_for_timeout(100)
    marks = page.evaluate("window.__marks ?? []")
    assert "data-md-color-switching BODY" in marks  # Material still sets its mark…
    assert not page.evaluate("document.body.hasAttribute('data-md-color-switching')")
    assert not page.evaluate("document.documentElement.classList.contains('ed-palette-switching')")
    sheets = page.evaluate("[...document.styleSheets].flatMap(s => [...s.cssRules].map(r => r.cssText))")
    assert not [rule for rule in sheets if "data-md-color-switching" in rule]  # …which restyles nothing
    page.close()


def test_the_root_takes_the_palettes_scheme_without_materials_meta(palette_page):
    """No `<meta name="color-scheme">` (each of its two changes restyled the whole page),
    and the root's scheme, which the viewport's scrollbar and canvas follow, is still the
    palette's, through a switch and back."""
    root = "getComputedStyle(document.documentElement).colorScheme"
    assert palette_page.evaluate("document.querySelectorAll('meta[name=color-scheme]').length") == 0
    assert scheme(palette_page) == "default"
    assert palette_page.evaluate(root) == "normal"
    assert palette_page.evaluate("getComputedStyle(document.body).colorScheme") == "light"
    palette_page.locator(TOGGLE).first.click()
    assert scheme(palette_page) == "slate"
    assert palette_page.evaluate(root) == "dark"
    palette_page.locator(TOGGLE).first.click()
    assert scheme(palette_page) == "default"
    assert palette_page.evaluate(root) == "normal"
    assert palette_page.evaluate("document.querySelectorAll('meta[name=color-scheme]').length") == 0
