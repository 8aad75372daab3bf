"""The seeded mutation corpus (tests/support/fuzz.py): damaged variants of the real source and
of a synthetic resolution, each refused at the right line or built sound; none wrong, no
traceback, none over the time limit. The whole corpus (400 draws, over 300 mutants) runs with
the slow tier, as in CI; the fast tier runs its first 100 draws, every operator on both
sources. `python -m tests.support.fuzz` prints the table."""

from __future__ import annotations

import pytest

from .support import fuzz


@pytest.mark.parametrize(
    ("count", "least"),
    [pytest.param(100, 100, id="first-100"), pytest.param(400, 300, id="whole", marks=pytest.mark.slow)],
)
def test_every_mutant_is_refused_at_its_line_or_built_sound(count, least):
    table = fuzz.run(count)
    print("\n" + table.render())
    total = len(table.outcomes)
    assert total >= least
    assert {o.mutant.source for o in table.outcomes} == set(fuzz.SOURCES)
    assert {o.mutant.operator for o in table.outcomes} >= set(fuzz.OPERATORS) | {"Latin-1", "UTF-16"}
    assert table.count("wrong") == 0, table.render()
    assert table.count("traceback") == 0, table.render()
    assert table.count("slow") == 0, table.render()
    assert table.count("refused") + table.count("sound") == total
    # the corpus really damages: most mutants are refused, some build
    assert table.count("refused") > total / 2 and table.count("sound") > 0


def test_the_corpus_is_deterministic():
    first = [(m.operator, m.lines, m.data) for m in fuzz.mutants(60)]
    assert first == [(m.operator, m.lines, m.data) for m in fuzz.mutants(60)]
    assert first != [(m.operator, m.lines, m.data) for m in fuzz.mutants(60, seed=1)]
