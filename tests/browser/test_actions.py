"""One action menu per paragraph (« ⋯ »): « Copier le lien » and the citations, each shown
before it is copied and copied exactly as shown (by mouse and keyboard, over http and from
file://), a visible confirmation, nothing in print, nothing without JavaScript; the
citations visible on a paragraph's own page; and an address with an anchor lands on its
paragraph, highlighted."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

CITE_OP5 = "paragraphe 5 de la résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013"
OSCOLA_OP5 = "UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160, para 5"
BLUEBOOK_OP5 = "G.A. Res. 68/160, ¶ 5, U.N. Doc. A/RES/68/160 (Dec. 18, 2013)"
# a preambular paragraph is cited as the resolution (see edition/cite.py: the preambular
# pinpoint « 3e alinéa du préambule » is unconfirmed as UN usage)
CITE_PP = "résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013"
LINK_DONE = "Lien copié dans le presse-papiers."
CITE_DONE = "Citation copiée dans le presse-papiers."
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()

# (page, anchor, accessible name of the paragraph, expected first citation)
CASES = [
    ("dispositif/5.html", "op-5", "le paragraphe 5", CITE_OP5),
    ("preambule.html", "pp-3", "l’alinéa 3 du préambule", CITE_PP),
    ("index.html", "op-5", "le paragraphe 5", CITE_OP5),
    ("texte-integral.html", "pp-1", "l’alinéa 1 du préambule", CITE_PP),
]
# From disk, what differs is the address copied (file://, from a page in a folder or at
# the top, to its own page or another): two of the cases cover it.
MENU_CASES = [("server", case) for case in CASES] + [("file_base", CASES[0]), ("file_base", CASES[3])]


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def reset_clipboard(page) -> None:
    page.evaluate("navigator.clipboard.writeText('(vide)')")


def today() -> str:
    d = date.today()
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def open_menu(page, anchor: str, what: str):
    para = page.locator(f"#{anchor}")
    para.get_by_role("button", name=f"Citer, copier ou partager {what}", exact=True).click()
    menu = para.locator(".ed-menu__panel")
    expect(menu).to_be_visible()
    return menu


@pytest.mark.parametrize(
    ("origin", "case"), MENU_CASES, ids=[f"{p}#{a}-{o}" for o, (p, a, _, _) in MENU_CASES]
)
def test_menu_copies_the_exact_strings_shown(page, request, origin, case):
    name, anchor, what, cite = case
    base = request.getfixturevalue(origin)
    page.goto(base + name)
    page.wait_for_load_state("load")
    status = page.locator(".ed-status")
    permalink = f"{base}{'preambule/3.html' if anchor == 'pp-3' else 'preambule/1.html' if anchor == 'pp-1' else 'dispositif/5.html'}#{anchor}"

    reset_clipboard(page)
    open_menu(page, anchor, what).get_by_role(
        "button", name=f"Copier le lien vers {what}", exact=True
    ).click()
    expect(status).to_have_text(LINK_DONE)
    expect(status).to_be_visible()
    assert clipboard(page) == permalink

    menu = open_menu(page, anchor, what)
    shown = menu.locator(".ed-menu__cite-text").all_inner_texts()
    assert shown[0] == cite and len(shown) == 4  # three forms and the one with the address
    if anchor == "op-5":
        assert shown[1:3] == [OSCOLA_OP5, BLUEBOOK_OP5]
    assert shown[3] == f"{cite}, {permalink}, consulté le {today()}"
    buttons = menu.locator(".ed-menu__cite button")
    for i, text in enumerate(shown):
        reset_clipboard(page)
        buttons.nth(i).click()
        expect(status).to_have_text(CITE_DONE)
        assert clipboard(page) == text  # exactly as shown
    assert page.recorder.errors == []


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_menu_works_by_keyboard(page, request, origin):
    base = request.getfixturevalue(origin)
    page.goto(base + "dispositif/5.html")
    page.wait_for_load_state("load")
    reset_clipboard(page)
    toggle = page.get_by_role("button", name="Citer, copier ou partager le paragraphe 5", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    # the menu's first item has the focus: « Copier le texte », then « Copier le lien »
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == "Copier le texte du paragraphe 5, avec sa référence"
    )
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == "Copier le lien vers le paragraphe 5"
    )
    page.keyboard.press("Enter")
    expect(page.locator(".ed-status")).to_have_text(LINK_DONE)
    assert clipboard(page) == f"{base}dispositif/5.html#op-5"
    # the menu closed and gave the focus back to its button; Escape closes it too
    assert page.evaluate("document.activeElement.classList.contains('ed-menu__toggle')")
    page.keyboard.press("Space")
    expect(page.locator("#op-5 .ed-menu__panel")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#op-5 .ed-menu__panel")).to_be_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"


def test_link_is_the_permanent_address_without_query(page, server):
    """Reached from a search result (…?h=…#pp-3), the copied link is still the permalink."""
    page.goto(server + "preambule.html?h=durban#pp-3")
    page.wait_for_load_state("load")
    reset_clipboard(page)
    open_menu(page, "pp-3", "l’alinéa 3 du préambule").get_by_role(
        "button", name=re.compile("^Copier le lien")
    ).click()
    expect(page.locator(".ed-status")).to_have_text(LINK_DONE)
    assert clipboard(page) == f"{server}preambule/3.html#pp-3"


def test_fallback_when_the_clipboard_api_refuses(page, server):
    page.add_init_script(
        "window.realWrite = navigator.clipboard.writeText.bind(navigator.clipboard);"
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refusé'));"
    )
    page.goto(server + "dispositif/5.html")
    page.wait_for_load_state("load")
    page.evaluate("realWrite('(vide)')")
    assert clipboard(page) == "(vide)"
    open_menu(page, "op-5", "le paragraphe 5").locator(".ed-menu__cite button").first.click()
    expect(page.locator(".ed-status")).to_have_text(CITE_DONE)
    assert clipboard(page) == CITE_OP5


def test_paragraph_page_shows_its_citations_each_copied_as_shown(page, server):
    page.goto(server + "dispositif/5.html")
    page.wait_for_load_state("load")
    box = page.locator(".ed-cite")
    expect(box).to_be_visible()
    shown = box.locator(".ed-cite__text").all_inner_texts()
    assert shown == [CITE_OP5, OSCOLA_OP5, BLUEBOOK_OP5]  # visible without a click
    for i, text in enumerate(shown):
        reset_clipboard(page)
        box.locator("button.ed-copy").nth(i).click()
        expect(page.locator(".ed-status")).to_have_text(CITE_DONE)
        assert clipboard(page) == text


def test_every_paragraph_has_one_menu_and_none_in_print(page, server):
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    paragraphs = page.locator(".res-para[data-anchor]")
    assert paragraphs.count() == 23
    for i in range(paragraphs.count()):
        assert paragraphs.nth(i).locator("button.ed-menu__toggle").count() == 1
    page.emulate_media(media="print")
    assert not page.locator(".ed-menu__toggle").first.is_visible()
    assert page.locator("#op-5 .res-para__text").is_visible()


def test_without_javascript_only_the_permalinks_remain(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "index.html")
    assert page.locator("article button:visible").count() == 0
    link = page.locator("#op-5 a.res-para__link")
    assert link.get_attribute("href") == "dispositif/5.html#op-5"
    link.click()
    page.wait_for_url("**/dispositif/5.html#op-5")
    context.close()


ANCHORS = [
    "preambule/3.html#pp-3",
    "preambule.html#pp-3",
    "preambule.html#pp-9",
    "dispositif/5.html#op-5",
    "index.html#pp-2",
    "index.html#op-11",
    "texte-integral.html#pp-2",
    "texte-integral.html#op-11",
]


# from disk, one address of each kind (a page of its own, in a folder, the full text)
FROM_DISK = ["preambule.html#pp-3", "dispositif/5.html#op-5", "texte-integral.html#op-11"]


@pytest.mark.parametrize(
    ("origin", "addresses"), [("server", ANCHORS), ("file_base", FROM_DISK)], ids=["server", "file_base"]
)
def test_anchor_lands_on_its_paragraph_highlighted(page, request, origin, addresses):
    base = request.getfixturevalue(origin)
    for address in addresses:
        anchor = address.split("#")[1]
        page.goto(base + address)
        page.wait_for_load_state("load")
        para = page.locator(f"#{anchor}")
        assert para.evaluate("el => el.matches(':target')"), address
        box = para.bounding_box()
        # on its own page the page opens at its top, the paragraph under its title (issue 18)
        own = address.startswith(("preambule/", "dispositif/"))
        assert box is not None and 0 <= box["y"] < (400 if own else 300), (address, box)
        # highlighted: the :target rule gives it a background
        background = para.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), (address, background)
    assert page.recorder.errors == []
