"""Material's stylesheet pruned to what the site can use (scripts/edition/site/unused_css.py):
what goes, what stays byte for byte, and what stops the build. The browser tier proves
the result on the pages (tests/browser/test_unused_css.py)."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import material
import pytest
from edition.site import buildcache, unused_css

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def used(html: str = "", script: str = "") -> unused_css.Usage:
    return unused_css.usage([html], [script])


# (stylesheet, what the site uses as HTML, as script, the stylesheet pruned)
CASES = {
    "unused class": (".a{x:1}.b{x:2}", '<p class="a">', "", ".a{x:1}"),
    "used in a script": (".a{x:1}.b{x:2}", "", 'e.classList.add("b")', ".b{x:2}"),
    "every class of a compound": (
        ".a.b{x:1}.a .b{x:2}.a>.c{x:3}",
        '<p class="a b">',
        "",
        ".a.b{x:1}.a .b{x:2}",
    ),
    "one selector of a list": (".a,.b , .c{x:1}", "<p class='c'>", "", ".c{x:1}"),
    "kept list byte for byte": (".a , .c{x:1}", '<p class="a c">', "", ".a , .c{x:1}"),
    ":not() matches more": (".a:not(.z){x:1}", '<p class="a">', "", ".a:not(.z){x:1}"),
    ":is() not judged": (":is(.y,.z) p{x:1}", "", "", ":is(.y,.z) p{x:1}"),
    "elements, ids, attributes kept": ("p{x:1}#z{x:2}[data-z]{x:3}", "", "", "p{x:1}#z{x:2}[data-z]{x:3}"),
    "media emptied": ("@media screen{.z{x:1}}.a{x:2}", '<p class="a">', "", ".a{x:2}"),
    "media kept in part": ("@media screen{.z{x:1}.a{x:2}}", '<p class="a">', "", "@media screen{.a{x:2}}"),
    "nested at-rules": (
        "@media print{@supports (x:y){.z{x:1}}.a{x:2}}",
        '<p class="a">',
        "",
        "@media print{.a{x:2}}",
    ),
    "keyframes and font-face kept": (
        "@keyframes z{0%{x:1}}@font-face{font-family:z}",
        "",
        "",
        "@keyframes z{0%{x:1}}@font-face{font-family:z}",
    ),
    "braces and commas in strings": ('.z[title="a,{b}"],.a{x:"}"}', '<p class="a">', "", '.a{x:"}"}'),
    "comments kept where rules stay": ("/*c*/.a{x:1}/*d*/.z{x:2}", '<p class="a">', "", "/*c*/.a{x:1}/*d*/"),
    "prefix built by a template": (".md-tag--x{x:1}.md-z{x:2}", "", "`md-tag--${t}`", ".md-tag--x{x:1}"),
    "prefix built by concatenation": (".md-f--y{x:1}", "", '"md-f--"+v', ".md-f--y{x:1}"),
    "suffix built by concatenation": (".x__inner{x:1}", "", 'v+"__inner"', ".x__inner{x:1}"),
    "JSON is not a script": (".z{x:1}", '<script type="application/json">["z"]</script>', "", ""),
    "an inline script is": (".a{x:1}", '<script>e.className="a"</script>', "", ".a{x:1}"),
    "escaped class name": (r".a\:b{x:1}", '<p class="a:b">', "", r".a\:b{x:1}"),
    "several lines": (
        ".a{x:1}\n.z{x:2}\n@media screen{\n.a{x:3}\n}\n",
        '<p class="a">',
        "",
        ".a{x:1}\n\n@media screen{\n.a{x:3}\n}\n",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_pruning(case):
    css, html, script, expected = CASES[case]
    assert unused_css.prune(css, used(html, script)).css == expected


@pytest.mark.parametrize(
    ("css", "line", "column"),
    [
        (".a{x:1}\n.b{x:2", 2, 1),  # a block the file leaves open
        (".a{x:1}\n@media screen{.a{x:2}", 2, 15),  # the innermost block left open
        (".a{x:1}}\n.b{x:1}", 1, 8),  # a stray brace
    ],
)
def test_a_stylesheet_it_cannot_read_stops_the_build_with_its_place(css, line, column):
    with pytest.raises(unused_css.StylesheetError) as caught:
        unused_css.prune(css, used('<p class="a b">'))
    assert (caught.value.line, caught.value.column) == (line, column)
    assert f"ligne {line}, colonne {column}" in str(caught.value)


def test_materials_stylesheet_keeps_its_rules_byte_for_byte():
    """On Material's own file: what stays is the input with whole rules and selectors cut
    out (every kept rule's declarations appear in the output as written), and a quarter
    of its gzipped bytes at least goes for a site using the edition's classes."""
    (sheet,) = MATERIAL_CSS.glob("main.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    site_like = used('<div class="md-container md-main md-grid md-header md-nav md-typeset">')
    pruned = unused_css.prune(css, site_like)
    assert pruned.rules_dropped > 100
    assert len(gzip.compress(pruned.css.encode())) < 0.75 * len(gzip.compress(css.encode()))
    position = 0
    for piece in pruned.css.split("{"):  # each piece after a cut is found further on
        found = css.find(piece.rsplit("}", 1)[-1] if "}" in piece else piece, position)
        assert found >= 0
    everything = unused_css.prune(css, unused_css.Usage(words=set(_classes(css))))
    assert everything.css == css and everything.rules_dropped == 0


def _classes(css: str) -> list[str]:
    import re

    return re.findall(r"\.([A-Za-z_][\w-]*)", css)


def _site(root: Path, classes: str) -> Path:
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "main.0.min.css").write_text(".a{x:1}.z{x:2}", encoding="utf-8")
    (site / "assets" / "stylesheets" / "main.0.min.css.map").write_text("{}", encoding="utf-8")
    link = '<link rel="stylesheet" href="assets/stylesheets/main.0.min.css">'
    (site / "index.html").write_text(f'{link}<p class="{classes}">', encoding="utf-8")
    return site


def _served(site: Path) -> tuple[str, str]:
    (sheet,) = (site / "assets" / "stylesheets").iterdir()
    return sheet.name, sheet.read_text(encoding="utf-8")


def test_the_pruned_stylesheet_is_named_after_its_content_and_kept_between_builds(tmp_path, monkeypatch):
    monkeypatch.setattr(buildcache.tempfile, "gettempdir", lambda: str(tmp_path))
    site = _site(tmp_path, "a")
    first = unused_css.prune_site(site, buildcache.text)
    assert first is not None and first.rules_dropped == 1
    name, css = _served(site)  # the map of Material's whole file gone with it
    assert css == ".a{x:1}" and name == f"main.{hashlib.sha256(b'.a{x:1}').hexdigest()[:8]}.min.css"
    assert f'href="assets/stylesheets/{name}"' in (site / "index.html").read_text(encoding="utf-8")
    site = _site(tmp_path, "a")
    assert unused_css.prune_site(site, buildcache.text) is None  # from the cache
    assert _served(site) == (name, css)
    site = _site(tmp_path, "a z")  # another page: made again, another name
    assert unused_css.prune_site(site, buildcache.text) is not None
    assert _served(site)[1] == ".a{x:1}.z{x:2}" and _served(site)[0] != name


def test_a_file_still_naming_the_old_stylesheet_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_BUILD_CACHE", "off")
    site = _site(tmp_path, "a")
    (site / "sw.js").write_text('["assets/stylesheets/main.0.min.css"]', encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="main.0.min.css encore nommé par sw.js"):
        unused_css.prune_site(site, buildcache.text)


def test_no_stylesheet_or_two_stop_the_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="0 fichiers"):
        unused_css.prune_site(tmp_path, buildcache.text)
