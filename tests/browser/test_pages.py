"""Every page opens without a console error, over http and from file://."""

from __future__ import annotations

import pytest

PAGES = ["index.html", "preambule.html", "texte-integral.html", "documents.html",
         "themes.html", "a-propos.html"] + [f"dispositif/{n}.html" for n in range(1, 15)]


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_no_console_error_on_any_page(page, request, origin):
    base = request.getfixturevalue(origin)
    for name in PAGES:
        page.goto(base + name)
        page.wait_for_load_state("load")
        assert page.recorder.errors == [], f"{origin} {name}: {page.recorder.errors}"


def test_anchor_lands_on_its_paragraph(page, server):
    page.goto(server + "texte-integral.html#op-7")
    page.wait_for_load_state("load")
    box = page.locator("#op-7").bounding_box()
    assert box is not None and 0 <= box["y"] < 300
    color = page.locator("#op-7").evaluate("el => getComputedStyle(el).borderLeftColor")
    other = page.locator("#op-6").evaluate("el => getComputedStyle(el).borderLeftColor")
    assert color != other  # the target paragraph is highlighted
