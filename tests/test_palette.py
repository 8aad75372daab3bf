"""Material's palette switching rule, moved under the edition's mark (scripts/edition/site/
palette.py): Material's file loses that rule and nothing else, a Material that writes it
otherwise stops the build, and the built site carries the rule under the edition's mark and
the script that sets it. Material's script loses its color-scheme meta the same way. The
browser tier proves the switch and the root's scheme (tests/browser/test_palette.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest
from edition.site import palette, unused_css

MATERIAL_BUNDLE = next(
    (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
)
MATERIAL_PALETTE = next(
    (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css")
)


def test_materials_file_loses_the_rule_and_nothing_else():
    css = MATERIAL_PALETTE.read_text(encoding="utf-8")
    out = palette.without_switch_rule(css)
    assert "data-md-color-switching" not in out
    at = css.index(palette.SWITCH_RULE)
    assert out == css[:at] + css[at + len(palette.SWITCH_RULE) :]


@pytest.mark.parametrize(
    ("css", "message"),
    [
        (".a{x:1}", "trouvé 0 fois ; « data-md-color-switching » nulle part$"),
        (
            ".a{x:1}\n[data-md-color-switching] *{transition:none}",
            "trouvé 0 fois ; « data-md-color-switching » ligne 2, écrit autrement$",
        ),
        (palette.SWITCH_RULE * 2, "trouvé 2 fois$"),
    ],
)
def test_a_material_that_writes_the_rule_otherwise_stops_the_build(css, message):
    with pytest.raises(unused_css.StylesheetError, match=message) as error:
        palette.without_switch_rule(css, "assets/stylesheets/palette.0.min.css")
    assert str(error.value).startswith("assets/stylesheets/palette.0.min.css, ligne ")


def test_the_rewritten_file_is_named_after_its_content_and_the_pages_follow(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "palette.0.min.css").write_text(".a{x:1}" + palette.SWITCH_RULE, encoding="utf-8")
    (sheets / "palette.0.min.css.map").write_text("{}", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link href="assets/stylesheets/palette.0.min.css">', encoding="utf-8"
    )
    name = palette.rewrite_site(tmp_path)
    assert name == f"palette.{hashlib.sha256(b'.a{x:1}').hexdigest()[:8]}.min.css"
    assert sorted(p.name for p in sheets.iterdir()) == [name]
    assert f'href="assets/stylesheets/{name}"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_the_built_site_has_the_rule_under_the_editions_mark_and_its_script(site):
    (served,) = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    assert "data-md-color-switching" not in served.read_text(encoding="utf-8")
    bundle = (site / "assets" / "stylesheets" / "edition.bundle.css").read_text(encoding="utf-8")
    assert ".ed-palette-switching *, .ed-palette-switching ::before, .ed-palette-switching ::after" in bundle
    script = (site / "assets" / "javascripts" / "form-toggles.js").read_text(encoding="utf-8")
    assert '"ed-palette-switching"' in script and '"__palette"' in script
    for page in ["index.html", "dispositif/1.html", "404.html"]:
        assert f"assets/stylesheets/{served.name}" in (site / page).read_text(encoding="utf-8")


def test_materials_script_loses_its_color_scheme_meta_and_source_map_line_and_nothing_else():
    js = MATERIAL_BUNDLE.read_text(encoding="utf-8")
    out = palette.without_color_scheme_meta(js)
    assert 'name:"color-scheme"' not in out and "sourceMappingURL" not in out
    assert 'x("meta",{name:"theme-color"})' in out  # the theme colour stays
    at = js.index(palette.COLOR_SCHEME_META)
    end = js.rindex("\n//# sourceMappingURL=")
    assert out == js[:at] + palette.DETACHED_META + js[at + len(palette.COLOR_SCHEME_META) : end] + "\n"


@pytest.mark.parametrize(
    ("js", "message"),
    [
        ("let a=1;", 'trouvé 0 fois ; « name:"color-scheme" » nulle part$'),
        (
            'a();\nlet m=y("meta",{name:"color-scheme"});',
            'trouvé 0 fois ; « name:"color-scheme" » ligne 2, écrit autrement$',
        ),
        (palette.COLOR_SCHEME_META * 2, "trouvé 2 fois$"),
    ],
)
def test_a_material_script_that_writes_the_meta_otherwise_stops_the_build(js, message):
    with pytest.raises(unused_css.StylesheetError, match=message) as error:
        palette.without_color_scheme_meta(js, "assets/javascripts/bundle.0.min.js")
    assert str(error.value).startswith("assets/javascripts/bundle.0.min.js, ligne ")


def test_the_rewritten_script_is_named_after_its_content_and_the_pages_follow(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    js = "a();" + palette.COLOR_SCHEME_META + "b();\n//# sourceMappingURL=bundle.0.min.js.map\n"
    (scripts / "bundle.0.min.js").write_text(js, encoding="utf-8")
    (scripts / "bundle.0.min.js.map").write_text("{}", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<script src="assets/javascripts/bundle.0.min.js"></script>', encoding="utf-8"
    )
    name = palette.rewrite_bundle(tmp_path)
    out = "a();" + palette.DETACHED_META + "b();\n"
    assert name == f"bundle.{hashlib.sha256(out.encode()).hexdigest()[:8]}.min.js"
    assert sorted(p.name for p in scripts.iterdir()) == [name]
    assert (scripts / name).read_text(encoding="utf-8") == out
    assert f'src="assets/javascripts/{name}"' in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_the_built_site_runs_materials_script_without_the_meta(site):
    (served,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    js = served.read_text(encoding="utf-8")
    assert 'name:"color-scheme"' not in js and palette.DETACHED_META in js and "sourceMappingURL" not in js
    assert not list(site.rglob("bundle.*.map"))
    css = (site / "assets" / "stylesheets" / "edition.bundle.css").read_text(encoding="utf-8")
    assert ':root:has(> body[data-md-color-scheme="slate"]) { color-scheme: dark; }' in css
    for page in ["index.html", "dispositif/1.html", "404.html"]:
        assert f"assets/javascripts/{served.name}" in (site / page).read_text(encoding="utf-8")
