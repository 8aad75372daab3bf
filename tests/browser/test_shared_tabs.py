"""The shared contexts most browser tests run in (conftest.SharedContext): one tab handed
from test to test, which each test must find as a new tab would be, or get a new one.
(The pages opened are the plain-text export, over http and from disk: two origins, and
cheap to load.)"""

from __future__ import annotations

import pytest

from ..support.browser import SharedContext

STATE = (
    "[localStorage.getItem('k'), sessionStorage.getItem('k'), navigator.onLine, matchMedia('print').matches]"
)
LEFT = "localStorage.setItem('k', '1'); sessionStorage.setItem('k', '1')"


def test_a_tab_is_handed_on_only_as_clean_as_a_new_one(browser, server, file_base):
    shared = SharedContext(browser)
    try:
        with shared.tab() as first:
            first.goto(server + "resolution.txt")
            first.evaluate(LEFT)
            first.context.set_offline(True)
        with shared.tab() as second:
            assert second is first and second.url == "about:blank"
            assert second.recorder.requests == [] and second.recorder.errors == []
            second.goto(server + "resolution.txt")
            assert second.evaluate(STATE) == [None, None, True, False]
            second.evaluate(LEFT)
            second.emulate_media(media="print")  # lasting: this tab is not handed on
        assert second.is_closed()
        with shared.tab() as third:
            assert third is not second
            third.goto(server + "resolution.txt")
            assert third.evaluate(STATE) == [None, None, True, False]
            third.on("console", lambda message: None)  # a listener: not handed on either
        with shared.tab() as fourth:
            assert fourth is not third
            fourth.goto(file_base + "resolution.txt")
            fourth.evaluate(LEFT)
            fourth.goto(server + "resolution.txt")
            fourth.evaluate(LEFT)
        with shared.tab() as fifth:
            assert fifth is fourth
            for base in (file_base, server):  # both origins reached were cleared
                fifth.goto(base + "resolution.txt")
                assert fifth.evaluate(STATE) == [None, None, True, False], base
        assert shared.tabs_opened == 3
        with shared.tab() as sixth, pytest.raises(AssertionError, match="demandez la fixture `context`"):
            sixth.context.add_init_script("window.changed = true")
    finally:
        shared.context.close()
