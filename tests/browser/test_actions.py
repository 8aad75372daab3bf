"""« Copier le lien » and « Citer » on every paragraph: the exact strings reach the
clipboard (by mouse and by keyboard, over http and from file://), a visible confirmation
is announced, the buttons are editorial, hidden in print, absent without JavaScript; and an
address with an anchor lands on its paragraph, highlighted."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

CITE_OP5 = "paragraphe 5 de la résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013"
# a preambular paragraph is cited as the resolution (see edition/cite.py: the preambular
# pinpoint « 3e alinéa du préambule » is unconfirmed as UN usage)
CITE_PP3 = "résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013"
CITE_PP1 = CITE_PP3
LINK_DONE = "Lien copié dans le presse-papiers."
CITE_DONE = "Citation copiée dans le presse-papiers."

# (page, anchor, accessible name of the paragraph, expected citation)
CASES = [
    ("dispositif/5.html", "op-5", "le paragraphe 5", CITE_OP5),
    ("preambule.html", "pp-3", "l’alinéa 3 du préambule", CITE_PP3),
    ("texte-integral.html", "op-5", "le paragraphe 5", CITE_OP5),
    ("texte-integral.html", "pp-1", "l’alinéa 1 du préambule", CITE_PP1),
]


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def reset_clipboard(page) -> None:
    page.evaluate("navigator.clipboard.writeText('(vide)')")


@pytest.mark.parametrize("origin", ["server", "file_base"])
@pytest.mark.parametrize("case", CASES, ids=[f"{p}#{a}" for p, a, _, _ in CASES])
def test_buttons_copy_the_exact_strings(page, request, origin, case):
    name, anchor, what, cite = case
    base = request.getfixturevalue(origin)
    page.goto(base + name)
    page.wait_for_load_state("load")
    para = page.locator(f"#{anchor}")
    status = para.get_by_role("status")

    reset_clipboard(page)
    para.get_by_role("button", name=f"Copier le lien vers {what}", exact=True).click()
    expect(status).to_have_text(LINK_DONE)
    expect(status).to_be_visible()
    assert clipboard(page) == f"{base}{name}#{anchor}"

    para.get_by_role("button", name=f"Citer {what}", exact=True).click()
    expect(status).to_have_text(CITE_DONE)
    assert clipboard(page) == cite
    assert page.recorder.errors == []


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_buttons_work_by_keyboard(page, request, origin):
    base = request.getfixturevalue(origin)
    page.goto(base + "dispositif/5.html")
    page.wait_for_load_state("load")
    reset_clipboard(page)
    # from the paragraph's last link (an export), Tab reaches « Copier le lien », then « Citer »
    page.locator("#op-5 a").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Copier le lien vers le paragraphe 5"
    page.keyboard.press("Enter")
    expect(page.locator("#op-5 [role=status]")).to_have_text(LINK_DONE)
    assert clipboard(page) == f"{base}dispositif/5.html#op-5"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Citer"
    page.keyboard.press("Space")
    expect(page.locator("#op-5 [role=status]")).to_have_text(CITE_DONE)
    assert clipboard(page) == CITE_OP5
    # focus stays on the button
    assert page.evaluate("document.activeElement.textContent") == "Citer"


def test_link_is_the_permanent_address_without_query(page, server):
    """Reached from a search result (…?h=…#pp-3), the copied link is still the permalink."""
    page.goto(server + "preambule.html?h=durban#pp-3")
    page.wait_for_load_state("load")
    reset_clipboard(page)
    page.locator("#pp-3").get_by_role("button", name="Copier le lien vers l’alinéa 3 du préambule").click()
    expect(page.locator("#pp-3 [role=status]")).to_have_text(LINK_DONE)
    assert clipboard(page) == f"{server}preambule.html#pp-3"


def test_fallback_when_the_clipboard_api_refuses(page, server):
    page.add_init_script(
        "window.realWrite = navigator.clipboard.writeText.bind(navigator.clipboard);"
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refusé'));"
    )
    page.goto(server + "dispositif/5.html")
    page.wait_for_load_state("load")
    page.evaluate("realWrite('(vide)')")
    assert clipboard(page) == "(vide)"
    page.locator("#op-5").get_by_role("button", name="Citer le paragraphe 5").click()
    expect(page.locator("#op-5 [role=status]")).to_have_text(CITE_DONE)
    assert clipboard(page) == CITE_OP5


def test_every_paragraph_has_both_buttons_inside_an_editorial_block(page, server):
    page.goto(server + "texte-integral.html")
    page.wait_for_load_state("load")
    paragraphs = page.locator(".res-para[data-anchor]")
    assert paragraphs.count() == 23
    for i in range(paragraphs.count()):
        bar = paragraphs.nth(i).locator(":scope > .ed.res-actions")
        assert bar.count() == 1
        assert bar.locator("button").all_inner_texts() == ["Copier le lien", "Citer"]
    page.emulate_media(media="print")
    assert not page.locator(".res-actions").first.is_visible()
    assert page.locator("#op-5 .res-para__text").is_visible()


def test_without_javascript_only_the_permalinks_remain(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "texte-integral.html")
    assert page.locator("article button").count() == 0
    assert page.locator(".res-actions").count() == 0
    link = page.locator("#op-5 a.res-para__link")
    assert link.get_attribute("href") == "texte-integral.html#op-5"
    link.click()
    page.wait_for_url("**/texte-integral.html#op-5")
    context.close()


ANCHORS = [
    "preambule.html#pp-3",
    "preambule.html#pp-9",
    "dispositif/5.html#op-5",
    "texte-integral.html#pp-2",
    "texte-integral.html#op-11",
]


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_anchor_lands_on_its_paragraph_highlighted(page, request, origin):
    base = request.getfixturevalue(origin)
    for address in ANCHORS:
        anchor = address.split("#")[1]
        page.goto(base + address)
        page.wait_for_load_state("load")
        para = page.locator(f"#{anchor}")
        assert para.evaluate("el => el.matches(':target')"), address
        box = para.bounding_box()
        assert box is not None and 0 <= box["y"] < 300, (address, box)
        # highlighted: the :target rule gives it a background and an accent rule
        style = para.evaluate(
            "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderLeftColor]"
        )
        assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent"), (address, style)
        assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), (address, style)
    assert page.recorder.errors == []
