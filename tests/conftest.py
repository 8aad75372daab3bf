"""Shared fixtures: the parsed resolution and one strict build of the site per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from edition import pipeline
from edition.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A-RES-68-160-fr.txt"
FIXTURES = ROOT / "tests" / "fixtures"


# Fixtures that build a site: any test using one (directly or through another fixture,
# such as the browser tier's `server`) is marked slow here, never by hand.
BUILDING_FIXTURES = {"site", "built_edition", "fresh_build"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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
    pipeline.mkdocs_build(docs, tmp / "site")
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
    `fresh_build()` -> its site/ (environment as the test set it, e.g. SITE_URL)."""

    def build(docs: Path = ROOT / "docs", name: str = "site") -> Path:
        out = tmp_path / name
        pipeline.mkdocs_build(docs, out)
        return out

    return build
