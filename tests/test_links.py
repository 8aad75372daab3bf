"""Links: a crawl of the built site finds no broken internal link or anchor, in pages and
stylesheets alike; every external link is well-formed https to an expected host
(edition.hosts.EXTERNAL_HOSTS). The resolver is tests/support/links.py, the suite's only one."""

from __future__ import annotations

import pytest

from .support.links import crawl


def test_no_broken_internal_link_or_anchor_and_only_expected_hosts(site):
    broken, external, count = crawl(site)
    assert broken == [], "\n" + "\n".join(broken)
    assert external == [], "\n" + "\n".join(external)
    assert count > 1000  # the crawl saw the whole site, navigation and assets included


@pytest.mark.parametrize(
    "html,problem",
    [
        ('<a href="nulle-part.html">x</a>', "fichier absent"),
        ('<a href="index.html#pas-d-ancre">x</a>', "ancre absente"),
        ('<a href="#ici">x</a>', "ancre absente"),
        ('<img src="assets/absente.png" alt="">', "fichier absent"),
        ('<a href="../hors-du-site.html">x</a>', "fichier absent"),
        ('<a href="index.html#a b">x</a>', "non échappés"),
        ('<a href="javascript:void(0)">x</a>', "javascript"),
        ('<a href="http://undocs.org/fr/A/RES/55/2">x</a>', "http"),
        ('<a href="https://example.com/">x</a>', "example.com"),
        ('<a href="https://undocs.org/fr/A/CONF.157/24 (Part I)">x</a>', "undocs"),
    ],
)
def test_the_crawler_catches(tmp_path, html, problem):
    (tmp_path / "index.html").write_text('<p id="la">ok</p>', encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<p>{html}</p>", encoding="utf-8")
    broken, external, _ = crawl(tmp_path)
    assert any(problem in line for line in broken + external), (broken, external)
