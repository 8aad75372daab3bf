"""Shared fixtures: the parsed resolution and one strict build of the site per session;
the hooks that mark building tests slow, refuse builds in the fast tier and order the test
files by their measured durations (tests/support/building.py, tests/support/schedule.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from edition.build import pipeline
from edition.source.parse import parse_file

from .support import schedule
from .support.building import BuildCommand, build_edition, needs_build, refusing
from .support.paths import ROOT, SOURCE


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # xdist's controller, or a run without workers
        config.pluginmanager.register(schedule.Timekeeper(config), "edition-timekeeper")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if needs_build(item):
            item.add_marker(pytest.mark.slow)
    durations = schedule.load()

    def key(item):
        return schedule.order(Path(str(item.fspath)).relative_to(ROOT).as_posix(), durations)

    items.sort(key=key)  # stable: each file's own order is kept


@pytest.fixture(autouse=True)
def refuse_builds(request, monkeypatch):
    """While a test not marked slow runs, an in-process MkDocs build fails, naming it."""
    if request.node.get_closest_marker("slow") is None:
        monkeypatch.setattr(pipeline, "_build", refusing(request.node.nodeid))


@pytest.fixture(scope="session")
def resolution():
    return parse_file(SOURCE)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built strictly from the committed docs/ into a temporary folder (with its
    offline zip, as `python -m edition build` makes it)."""
    out = tmp_path_factory.mktemp("build") / "site"
    pipeline.build_site(ROOT / "docs", out)
    return out


@pytest.fixture
def built_edition(tmp_path):
    """Build a resolution's own edition: `built_edition(source, data=None)` -> its site/."""

    def build(source: Path, data: Path | None = None) -> Path:
        return build_edition(source, tmp_path, data)

    return build


@pytest.fixture
def fresh_build(tmp_path):
    """A strict MkDocs build of the committed docs/ into a new folder (no zip):
    `fresh_build(docs, name, inputs)` -> its site/ (environment as the test set it, e.g.
    SITE_URL; `inputs`, the model handed to the plugin, else the plugin reads its own)."""

    def build(docs: Path = ROOT / "docs", name: str = "site", inputs=None) -> Path:
        out = tmp_path / name
        pipeline.mkdocs_build(docs, out, inputs=inputs)
        return out

    return build


@pytest.fixture
def build_command():
    return BuildCommand()
