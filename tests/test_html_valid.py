"""Every built page passes the W3C Nu HTML Checker (vnu.jar, npm `vnu-jar`, pinned in
package.json) with 0 errors; the stylesheets pass its CSS checker. One JVM for everything."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from .support.paths import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(files: list[Path]) -> list[dict]:
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} manque : lancez scripts/dev.sh setup (npm ci)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java manque : installez le paquet Debian « default-jre-headless »")
    run = subprocess.run(
        [
            java,
            # one short run: the quick compiler alone costs the JVM half the CPU time,
            # with the same findings
            "-XX:TieredStopAtLevel=1",
            "-Xss8m",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--errors-only",
            "--also-check-css",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    report = json.loads(run.stderr or run.stdout)  # vnu writes its JSON report on stderr
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return report["messages"]


def checked_path(message: dict) -> str:
    """The file a vnu message is about (vnu names it "file:/path")."""
    return unquote(message.get("url", "").removeprefix("file:"))


def describe(messages: list[dict], site: Path) -> str:
    out = []
    for m in messages:
        where = checked_path(m).split(site.as_posix() + "/")[-1]
        out.append(
            f"{where}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}\n"
            f"    {m.get('extract', '').strip()[:200]}"
        )
    return "\n".join(out)


def broken_samples(folder: Path) -> list[Path]:
    """A page with a duplicate id and a stray end tag, a stylesheet with an unknown property."""
    page = folder / "bad.html"
    page.write_text(
        '<!doctype html><html lang="fr"><head><title>t</title></head>'
        '<body><p id="a">x</p><p id="a">y</div></body></html>',
        encoding="utf-8",
    )
    css = folder / "bad.css"
    css.write_text("a { colr: red }\n", encoding="utf-8")
    return [page, css]


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """One JVM for everything: every page and stylesheet of the site, and the broken samples
    that show the gate can fail. Returns (the site's files, samples, every message)."""
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("*.css"))
    samples = broken_samples(tmp_path_factory.mktemp("vnu"))
    return files, samples, run_vnu(files + samples)


def about(messages: list[dict], files: list[Path]) -> list[dict]:
    """The messages about these files."""
    names = {f.resolve().as_posix() for f in files}
    return [m for m in messages if checked_path(m) in names]


def test_every_page_and_stylesheet_is_valid(site, checked):
    files, samples, messages = checked
    assert len([f for f in files if f.suffix == ".html"]) >= 20 and any(f.suffix == ".css" for f in files)
    # no filter: every error counts (Material's autocomplete="off" on its hidden checkboxes
    # is removed by overrides/hooks/form_toggles.py)
    errors = [m for m in about(messages, files) if m["type"] != "info"]
    assert errors == [], "\n" + describe(errors, site)
    # every message is about a file given (none lost to a URL spelled another way)
    assert len(about(messages, files + samples)) == len(messages)


def test_the_checker_does_report_errors(checked):
    """The gate can fail: the broken samples, checked in the same run, are caught."""
    _, samples, messages = checked
    text = " ".join(m["message"] for m in about(messages, samples))
    assert "Duplicate ID" in text and "colr" in text
