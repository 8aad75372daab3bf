"""Every built page passes the W3C Nu HTML Checker (vnu.jar, npm `vnu-jar`, pinned in
package.json) with 0 errors; the stylesheets pass its CSS checker. One JVM for everything."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

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


def describe(messages: list[dict], site: Path) -> str:
    out = []
    for m in messages:
        where = Path(m.get("url", "").removeprefix("file:")).as_posix()
        where = where.split(site.as_posix() + "/")[-1]
        out.append(
            f"{where}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}\n"
            f"    {m.get('extract', '').strip()[:200]}"
        )
    return "\n".join(out)


def test_every_page_and_stylesheet_is_valid(site):
    pages = sorted(site.rglob("*.html"))
    sheets = sorted(site.rglob("*.css"))
    assert len(pages) >= 20 and sheets
    messages = run_vnu(pages + sheets)
    # no filter: every error counts (Material's autocomplete="off" on its hidden checkboxes
    # is removed by overrides/hooks/form_toggles.py)
    errors = [m for m in messages if m["type"] != "info"]
    assert errors == [], "\n" + describe(errors, site)


@pytest.mark.slow  # no build, but a JVM start (5 s): kept out of the fast tier
def test_the_checker_does_report_errors(tmp_path):
    """The gate can fail: a page with a duplicate id and a stray end tag is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="fr"><head><title>t</title></head>'
        '<body><p id="a">x</p><p id="a">y</div></body></html>',
        encoding="utf-8",
    )
    css = tmp_path / "bad.css"
    css.write_text("a { colr: red }\n", encoding="utf-8")
    messages = run_vnu([page, css])
    text = " ".join(m["message"] for m in messages)
    assert "Duplicate ID" in text and "colr" in text
