"""A paragraph's anchor lands on it, highlighted. (That every page opens without a console
error, over http and from file://, is checked page by page in test_offline.py.)"""

from __future__ import annotations


def test_anchor_lands_on_its_paragraph(page, server):
    page.goto(server + "texte-integral.html#op-7")
    page.wait_for_load_state("load")
    box = page.locator("#op-7").bounding_box()
    assert box is not None and 0 <= box["y"] < 300
    color = page.locator("#op-7").evaluate("el => getComputedStyle(el).borderLeftColor")
    other = page.locator("#op-6").evaluate("el => getComputedStyle(el).borderLeftColor")
    assert color != other  # the target paragraph is highlighted
