"""biber's data-model check on the BibLaTeX files (issue 20): every field is one biblatex
knows for the entry's type, the mandatory ones present (with @misc, `number` and
`publisher` were invalid: biblatex's styles never printed the symbol)."""

from __future__ import annotations

import shutil
import subprocess

import pytest


@pytest.mark.parametrize("name", ["resolution.bib", "paragraphes/op-7.bib", "paragraphes/pp-2.bib"])
def test_biber_finds_no_datamodel_warning(site, tmp_path, name):
    biber = shutil.which("biber")
    if biber is None:
        pytest.fail("biber introuvable : installez le paquet Debian « biber » (scripts/dev.sh test le fait)")
    bib = tmp_path / "entries.bib"
    bib.write_bytes((site / name).read_bytes())
    done = subprocess.run(
        [biber, "--tool", "--validate-datamodel", bib.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    warnings = [line for line in done.stdout.splitlines() if "WARN" in line or "ERROR" in line]
    assert warnings == [], warnings
    assert "entries.bib" in done.stdout  # it did read the file


def test_the_check_can_fail(tmp_path):
    """The same check on an entry with fields @report does not take warns: it can fail."""
    bib = tmp_path / "bad.bib"
    bib.write_text("@report{x, title = {T}, publisher = {P}, date = {2013-12-18}}\n", encoding="utf-8")
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", bib.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Invalid field 'publisher'" in done.stdout and "Missing mandatory field" in done.stdout
