"""The edition's stylesheets reach readers as one file, in cascade order."""

from __future__ import annotations

import yaml
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
