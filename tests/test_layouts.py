"""Valid layouts of a real resolution (tests/support/layouts.py), built right word for word."""

from __future__ import annotations

import pytest
from edition.source.parse import parse

from .support import layouts


@pytest.mark.parametrize("layout", layouts.LAYOUTS, ids=[c.name for c in layouts.LAYOUTS])
def test_a_valid_layout_is_built_right(layout):
    assert layouts.problems(layout, parse) == []


def test_the_twins_differ_from_the_cases():
    """Each case really holds its layout feature: its text is not its twin's."""
    assert all(c.text != c.same_as for c in layouts.LAYOUTS if c.same_as)
    assert len(layouts.LAYOUTS) >= 25
