"""The edition's stylesheets reach readers as one file, in cascade order."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import material
import rjsmin
import yaml
from edition.site import palette
from edition.site.stylesheets import without_comments

from .support import htmltext
from .support.paths import ROOT


def test_pages_link_one_bundle_holding_every_stylesheet_in_order(site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sources = config["extra_css"]
    assert len(sources) > 1
    bundle = (site / "assets/stylesheets/edition.bundle.css").read_text(encoding="utf-8")
    # each source whole, without its comments (site/stylesheets.py), in the cascade's order
    served = [without_comments((ROOT / "docs" / src).read_text(encoding="utf-8")) for src in sources]
    assert all(css.count("{") > 5 for css in served)
    positions = [bundle.index(css) for css in served]
    assert "/*" not in bundle
    assert positions == sorted(positions)
    for page in ["index.html", "dispositif/5.html"]:
        links = htmltext.load(site / page).xpath("//link[@rel='stylesheet']/@href")
        ours = [h for h in links if "edition" in h or any(h.endswith(s) for s in sources)]
        assert [h.rsplit("/", 1)[-1] for h in ours] == ["edition.bundle.css"], links
    for src in sources:  # the sources are not shipped twice
        assert not (site / src).exists()


def test_the_editions_scripts_are_served_minified_and_nothing_else_is(site):
    """Our scripts reach readers through rjsmin (comments and blanks gone, still valid
    JavaScript); the vendors' copies and Material's own script is shipped as published but for palette.py's one change."""
    node = shutil.which("node")
    assert node, "node manque (Node.js 20, installé par scripts/dev.sh)"
    ours = sorted((ROOT / "docs/assets/javascripts").glob("*.js"))
    assert len(ours) >= 6
    for source in ours:
        text = source.read_text(encoding="utf-8")
        served = site / "assets/javascripts" / source.name
        assert served.read_text(encoding="utf-8") == rjsmin.jsmin(text), source.name
        assert served.stat().st_size < 0.8 * len(text.encode()), source.name
        check = subprocess.run([node, "--check", str(served)], capture_output=True, encoding="utf-8")
        assert check.returncode == 0, (source.name, check.stderr)
    for vendor in (ROOT / "docs/assets/vendor").rglob("*.js"):
        assert (site / vendor.relative_to(ROOT / "docs")).read_bytes() == vendor.read_bytes()
    # Material's script as published, less its color-scheme meta (site/palette.py), and valid
    theme = Path(material.__file__).parent / "templates/assets/javascripts"
    (bundle,) = theme.glob("bundle.*.min.js")
    (served,) = (site / "assets/javascripts").glob("bundle.*.min.js")
    assert served.read_text(encoding="utf-8") == palette.without_color_scheme_meta(
        bundle.read_text(encoding="utf-8")
    )
    check = subprocess.run([node, "--check", str(served)], capture_output=True, encoding="utf-8")
    assert check.returncode == 0, (served.name, check.stderr)
