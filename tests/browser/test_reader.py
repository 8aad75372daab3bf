"""Reader tasks found wanting in review: a query pasted with the mouse searches at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .search import LINKS, META, QUERY, open_search


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_a_pasted_query_searches_without_a_key_press(page, request, origin):
    base = request.getfixturevalue(origin)
    open_search(page, base)
    # fill() sets the value with one "input" event and no key event, as a mouse paste does
    page.locator(QUERY).fill("crises alimentaires")
    expect(page.locator(META)).to_have_text("1 document trouvé", timeout=5000)
    href = page.locator(LINKS).first.get_attribute("href")
    assert href.split("?")[0].endswith("dispositif/10.html")
    assert page.recorder.errors == []
