"""Which tests build a site, and the ways they build one.

Every build goes through a building fixture (BUILDING_FIXTURES): a test that uses one,
directly, through another fixture (the browser tier's `server`) or by name through a
parameter (`request.getfixturevalue(origin)`), is marked slow by tests/conftest.py, never
by hand; and a test not marked slow that builds anyway fails (`refuse_builds`), so
`pytest -m "not slow"` builds nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from edition.build import pipeline

from .paths import ROOT

# Fixtures that build a site (an MkDocs build, in-process or through a command).
# `tiny_project` and `copy_to_build` live in tests/test_pipeline.py.
BUILDING_FIXTURES = frozenset(
    {"site", "built_edition", "fresh_build", "build_command", "tiny_project", "copy_to_build"}
)


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


def refusing(nodeid: str):
    """A stand-in for pipeline._build (every in-process MkDocs build) while a test not
    marked slow runs: it fails, naming the test, instead of silently slowing the fast tier."""

    def build(*args, **kwargs):
        raise AssertionError(
            f"{nodeid} construit un site sans être marqué slow : "
            f"passez par une fixture de construction ({', '.join(sorted(BUILDING_FIXTURES))})"
        )

    return build


def build_edition(source: Path, tmp: Path, data: Path | None = None) -> Path:
    """Generate and build a resolution's own edition in `tmp` (docs/ copied from the project)."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    edition = pipeline.load(source, data)
    pipeline.write_pages(edition.pages, docs)
    pipeline.mkdocs_build(docs, tmp / "site", inputs=edition.inputs)
    return tmp / "site"


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
