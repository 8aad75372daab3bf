"""The pipeline never leaves a half-written site/: whatever fails (MkDocs' strict build, the
offline zip, the size that does not settle), site/ stays byte for byte as it was and no
temporary folder is left beside it. A tiny MkDocs project keeps these builds cheap."""

from __future__ import annotations

import json

import pytest
from edition import offline, pipeline

CONFIG = """site_name: Essai
theme: mkdocs
use_directory_urls: false
strict: true
validation:
  links:
    not_found: warn
hooks:
  - {hook}
"""


@pytest.fixture
def project(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        f"# Essai\n\n[Autre page](autre.md)\n\nCopie hors ligne{offline.SIZE_MARKER}.\n", encoding="utf-8"
    )
    (docs / "autre.md").write_text("# Autre\n", encoding="utf-8")
    (docs / "resolution.json").write_text(json.dumps({"symbol": "A/RES/1/1"}), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    hook = pipeline.ROOT / "overrides" / "hooks" / "offline_copy.py"
    config.write_text(CONFIG.format(hook=hook), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    return docs, site, config


def state(site):
    siblings = sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site"))
    return siblings, {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_good_build_replaces_the_site_with_its_zip(project, monkeypatch):
    docs, site, config = project
    built = []
    real_build = pipeline._build
    monkeypatch.setattr(pipeline, "_build", lambda *a, **k: built.append(a) or real_build(*a, **k))
    zips = pipeline.build_site(docs, site, config)
    assert zips == 2  # the size is only known after the first zip
    assert len(built) == 1  # one MkDocs build: the size is written into the built files
    text = (site / "index.html").read_text(encoding="utf-8")
    assert offline.SIZE_PLACEHOLDER not in text
    size = (site / "A-RES-1-1-fr-hors-ligne.zip").stat().st_size
    assert f"({offline.format_size(size)})" in text
    assert (site / "autre.html").is_file() and (site / "A-RES-1-1-fr-hors-ligne.zip").is_file()
    assert "previous build" not in (site / "index.html").read_text(encoding="utf-8")
    assert state(site)[0] == []


def test_a_failing_strict_build_leaves_the_site_as_it_was(project):
    docs, site, config = project
    before = state(site)
    (docs / "index.md").write_text("[cassé](absente.md)\n", encoding="utf-8")
    with pytest.raises(Exception, match="(?i)abort|warning"):
        pipeline.build_site(docs, site, config)
    assert state(site) == before


def test_a_failing_zip_leaves_the_site_as_it_was(project, monkeypatch):
    docs, site, config = project
    before = state(site)
    made = []

    def make_zip(folder, name):  # the second zip fails, after the build and a first zip
        if made:
            raise OSError("disque plein")
        made.append(name)
        return b"zip"

    monkeypatch.setattr(offline, "make_zip", make_zip)
    with pytest.raises(OSError, match="disque plein"):
        pipeline.build_site(docs, site, config)
    assert made and state(site) == before


def test_a_size_that_never_settles_leaves_the_site_as_it_was(project, monkeypatch):
    docs, site, config = project
    before = state(site)
    sizes = iter(["1 ko", "2 ko", "3 ko"])
    monkeypatch.setattr(offline, "format_size", lambda size: next(sizes))
    with pytest.raises(RuntimeError, match="ne se stabilise pas"):
        pipeline.build_site(docs, site, config, max_rounds=3)
    assert state(site) == before
