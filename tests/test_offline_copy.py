"""The offline copy: one reproducible zip of the whole site, whose size the home and
À propos pages show. (Two clean builds giving the same zip: tests/test_reproducible.py.)"""

from __future__ import annotations

import zipfile

import pytest
from edition.site import offline

from .support import htmltext

NAME = "A-RES-68-160-fr-hors-ligne.zip"


def test_zip_holds_the_whole_site_and_not_itself(site):
    archive = zipfile.ZipFile(site / NAME)
    names = archive.namelist()
    # path order, but the pages showing the size last, stored (see offline.make_zip)
    stored = [i.filename for i in archive.infolist() if i.compress_type == zipfile.ZIP_STORED]
    assert {n.split("/", 1)[1] for n in stored} == {"index.html", "texte-integral.html", "a-propos.html"}
    assert names == sorted(set(names) - set(stored)) + sorted(stored)
    assert all(n.startswith("A-RES-68-160-fr-hors-ligne/") for n in names)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    expected = {f for f in files if not offline.left_out(f)} - {NAME}
    assert any(f.endswith(".map") for f in files) and not any(f.endswith(".map") for f in expected)
    assert {n.split("/", 1)[1] for n in names} == expected
    assert "A-RES-68-160-fr-hors-ligne/index.html" in names
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
        assert archive.read(info) == (site / info.filename.split("/", 1)[1]).read_bytes()


@pytest.mark.parametrize("page", ["index.html", "a-propos.html"])
def test_pages_show_the_real_size_of_the_zip(site, page):
    size = (site / NAME).stat().st_size
    root = htmltext.article(site / page)
    link = root.xpath(f".//a[@href='{NAME}']")
    assert link, page
    text = " ".join(link[0].getparent().text_content().split())
    shown = offline.format_size(size)
    assert f"({shown})" in text, (text, size)
    # the rounding: what is shown is within 0.05 Mo of the real size
    number = float(shown.split()[0].replace(",", "."))
    assert abs(number * (1_000_000 if shown.endswith("Mo") else 1000) - size) <= 50_000


@pytest.mark.parametrize(
    "size, shown",
    [(999, "1 ko"), (99_400, "99 ko"), (754_057, "0,8 Mo"), (1_249_999, "1,2 Mo"), (12_350_001, "12,4 Mo")],
)
def test_size_is_written_the_french_way(size, shown):
    assert offline.format_size(size) == shown
