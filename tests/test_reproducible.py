"""Reproducible: two clean builds, in different folders, at different times, with other
file dates, time zone and locale, give byte-identical site/ trees (offline zip included)."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path

from edition.build import pipeline
from edition.site import offline

from .support.paths import ROOT


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def clean_build(build_command, where: Path, env: dict[str, str]) -> Path:
    """`python -m edition build` from the source text into a fresh docs/ and site/."""
    docs = where / "docs"
    shutil.copytree(ROOT / "docs", docs, copy_function=shutil.copy)  # new file dates
    for path in docs.rglob("*.md"):  # generated pages come from the source, not the copy
        if pipeline.is_generated(path):
            path.unlink()
    run = build_command("edition", "build", "--docs-dir", docs, "--site-dir", where / "site", env=env)
    assert run.returncode == 0, run.stderr
    return where / "site"


def test_two_clean_builds_are_byte_identical(tmp_path, build_command):
    env = {k: v for k, v in build_command.env.items() if k != "SOURCE_DATE_EPOCH"}
    env["EDITION_BUILD_CACHE"] = "off"  # each build draws its own images
    first = clean_build(build_command, tmp_path / "un", {**env, "TZ": "UTC", "LC_ALL": "C.UTF-8"})
    time.sleep(2.1)  # a clock-dated output (gzip header: 1 s, zip entry: 2 s) would now differ
    second = clean_build(
        build_command,
        tmp_path / "deuxieme-construction",
        {**env, "TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8"},
    )
    a, b = tree(first), tree(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert len(a) > 50
    # the offline zip is in the trees compared above; it is whole, every entry read back
    # and equal to the built file it copies (only the files the zip leaves out are absent)
    (name,) = [n for n in a if n.endswith(".zip") and "/" not in n]
    with zipfile.ZipFile(first / name) as z:
        assert z.testzip() is None, name
        entries = {i.filename.split("/", 1)[1]: i for i in z.infolist()}
        checked = 0
        for path, info in entries.items():
            assert z.read(info) == (first / path).read_bytes(), path
            checked += 1
    assert checked == len(entries) == len({n for n in a if not offline.left_out(n)} - {name})


def test_build_is_dated_by_the_commit_not_the_clock(fresh_build, monkeypatch):
    """The gzip header of sitemap.xml.gz holds the day of SOURCE_DATE_EPOCH (MkDocs dates
    it by the pages' update day), which is the last commit's time when not set. (The
    sitemap exists only when SITE_URL is set.)"""
    monkeypatch.setenv("SITE_URL", "https://example.org/a-res-68-160/")
    raw = (fresh_build() / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])
    epoch = int(pipeline.source_date_epoch())
    assert mtime == epoch - epoch % 86400
    gzip.decompress(raw)  # and it is a valid gzip file
    git = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if git.returncode == 0 and "SOURCE_DATE_EPOCH" not in os.environ:
        assert epoch == int(git.stdout)
