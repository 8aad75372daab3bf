"""Shared fixtures: the parsed resolution and one strict build of the site per session.

Every build goes through a building fixture (BUILDING_FIXTURES): a test that uses one,
directly, through another fixture (the browser tier's `server`) or by name through a
parameter (`request.getfixturevalue(origin)`), is marked slow here, never by hand; and a
test not marked slow that builds anyway fails, so `pytest -m "not slow"` builds nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from edition.build import pipeline
from edition.source.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A-RES-68-160-fr.txt"
FIXTURES = ROOT / "tests" / "fixtures"

# Fixtures that build a site (an MkDocs build, in-process or through a command).
# `tiny_project` and `copy_to_build` live in tests/test_pipeline.py.
BUILDING_FIXTURES = {"site", "built_edition", "fresh_build", "build_command", "tiny_project", "copy_to_build"}


def needs_build(item) -> bool:
    """Whether a test reaches a building fixture: its fixture closure, plus fixtures named
    by its parameters (requested at run time with request.getfixturevalue)."""
    names = set(getattr(item, "fixturenames", ()))
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        names |= {v for v in callspec.params.values() if isinstance(v, str)}
    manager = item.session._fixturemanager
    seen: set[str] = set()
    while names:
        name = names.pop()
        if name in seen:
            continue
        seen.add(name)
        for fixturedef in manager.getfixturedefs(name, item) or ():
            names.update(fixturedef.argnames)
    return bool(BUILDING_FIXTURES & seen)


# The longest test files, started first: `scripts/dev.sh test` hands whole files to its
# workers in this order (xdist --dist loadfile --no-loadscope-reorder), so that the end of
# the run is short files filling both workers, not one long file running alone.
LONGEST_FIRST = [
    "tests/browser/test_every_page.py",
    "tests/browser/test_pwa.py",
    "tests/browser/test_reading.py",
    "tests/browser/test_actions.py",
    "tests/browser/test_search.py",
]


def run_order(item) -> int:
    path = Path(str(item.fspath)).relative_to(ROOT).as_posix()
    if path in LONGEST_FIRST:
        return LONGEST_FIRST.index(path)
    return len(LONGEST_FIRST) + (0 if path.startswith("tests/browser/") else 1)


def pytest_collection_modifyitems(items):
    for item in items:
        if needs_build(item):
            item.add_marker(pytest.mark.slow)
    items.sort(key=run_order)  # stable: each file's own order is kept


_running: list = []  # the test being set up or run


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    _running[:] = [item]
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    _running[:] = [item]
    return (yield)


def _guard_build(real):
    """Wrap pipeline._build (every in-process MkDocs build): a test not marked slow that
    builds fails, naming itself, instead of silently slowing the fast tier."""

    def build(*args, **kwargs):
        item = _running[0] if _running else None
        if item is not None and item.get_closest_marker("slow") is None:
            raise AssertionError(
                f"{item.nodeid} construit un site sans être marqué slow : "
                f"passez par une fixture de construction ({', '.join(sorted(BUILDING_FIXTURES))})"
            )
        return real(*args, **kwargs)

    return build


pipeline._build = _guard_build(pipeline._build)


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


def build_edition(source: Path, tmp: Path, data: Path | None = None) -> Path:
    """Generate and build a resolution's own edition in `tmp` (docs/ copied from the project)."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    edition = pipeline.load(source, data)
    pipeline.write_pages(edition.pages, docs)
    pipeline.mkdocs_build(docs, tmp / "site", inputs=edition.inputs)
    return tmp / "site"


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


class BuildCommand:
    """A build run as a reader runs it, in its own process: `build_command("edition",
    "build", "--docs-dir", …)` runs `python -m edition build …` from the project's root
    and returns the finished process (text output); `argv()` gives the command line for
    tests that start and kill it themselves."""

    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}

    @staticmethod
    def argv(*args: str) -> list[str]:
        return [sys.executable, "-m", *map(str, args)]

    def __call__(self, *args, env: dict[str, str] | None = None, timeout: float = 600):
        return subprocess.run(
            self.argv(*args),
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            encoding="utf-8",
            timeout=timeout,
        )


@pytest.fixture
def build_command():
    return BuildCommand()
