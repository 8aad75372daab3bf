"""The installable web app: manifest and icons, and the service worker's precache list,
which names every file a reader needs with the hash of the file as served."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from edition.site import offline, webapp
from PIL import Image

from .support import htmltext
from .support.paths import ROOT
from .support.worker import worker_lists


def test_manifest_names_the_app_in_french_with_its_icons(site):
    manifest = json.loads((site / webapp.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["lang"] == "fr"
    assert manifest["name"] == "Résolution A/RES/68/160" and len(manifest["name"]) <= 30  # webhint
    assert manifest["short_name"] == "Rés. 68/160" and len(manifest["short_name"]) <= 12
    assert manifest["display"] == "standalone"
    assert (manifest["start_url"], manifest["scope"]) == ("./index.html", "./")
    assert manifest["theme_color"] == webapp.THEME_COLOR
    icons = {(i["sizes"], i["purpose"]): i["src"] for i in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, purpose), src in icons.items():
        image = Image.open(io.BytesIO((site / src).read_bytes()))
        assert image.format == "PNG" and f"{image.width}x{image.height}" == sizes
        image.apply_transparency()  # a palette image: its transparency into the palette
        corner = image.convert("RGBA").getpixel((0, 0))
        # maskable: full bleed (the launcher cuts the shape); the others have round corners
        assert (corner[3] == 255) == (purpose == "maskable")
        assert image.convert("RGB").getpixel((image.width // 2, image.height // 8)) == (0x54, 0x6D, 0x78)


def test_the_tab_icon_is_the_editions_not_materials(site):
    image = Image.open(io.BytesIO((site / webapp.FAVICON).read_bytes()))
    assert image.format == "PNG" and image.size == (32, 32)
    image.apply_transparency()
    assert image.convert("RGB").getpixel((16, 4)) == (0x54, 0x6D, 0x78)
    assert not (site / webapp.MATERIAL_FAVICON).exists()  # Material's logo is not shipped


def test_theme_colour_is_materials_blue_grey(site):
    palette = next((site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    colour = re.search(r"\[data-md-color-primary=blue-grey\]\{--md-primary-fg-color:(#[0-9a-f]{6})", palette)
    assert colour[1] == webapp.THEME_COLOR


@pytest.mark.parametrize("page", ["index.html", "dispositif/7.html", "a-propos.html"])
def test_every_page_links_the_manifest_and_names_the_worker(site, page):
    root = htmltext.load(site / page)
    depth = "../" * page.count("/")
    assert root.xpath("//link[@rel='manifest']/@href") == [depth + webapp.MANIFEST]
    assert root.xpath("//meta[@name='theme-color']/@content") == [webapp.THEME_COLOR]
    assert root.xpath("//link[@rel='icon']/@href") == [depth + webapp.FAVICON]
    config = json.loads(root.xpath("//script[@id='__webapp']")[0].text)
    assert config == {"worker": depth + webapp.WORKER}


def test_precache_lists_every_file_as_served_but_the_zip(site):
    edition, entries = worker_lists((site / webapp.WORKER).read_text(encoding="utf-8"))
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    urls = [e["url"] for e in entries]
    assert urls == sorted(urls)
    for name in files:
        skipped = name.endswith((".zip", ".map")) or name in {
            "404.html",
            "_headers",
            "sitemap.xml",
            webapp.WORKER,
        }
        skipped = skipped or name.startswith(("assets/vendor/workbox/", "assets/javascripts/lunr/"))
        skipped = skipped or name.startswith("assets/javascripts/workers/search.")
        assert (name not in urls) == skipped, name
    for name in ["index.html", "search/search_index.json", "search/search_index.js", "resolution.json"]:
        assert name in urls
    assert "assets/javascripts/search-worker.js" in urls and "resolution.akn.xml" in urls
    # what the search worker loads when the reader opens search, offline too
    assert "assets/javascripts/search-engine.js" in urls and "search/edition_index.js" in urls
    sizes = 0
    for entry in entries:  # revisions: of the files as served (the zip's size written in)
        raw = (site / entry["url"]).read_bytes()
        assert entry["revision"] == hashlib.sha256(raw).hexdigest()[:16], entry["url"]
        sizes += len(raw)
    assert edition == {"count": len(entries), "size": sizes, "label": offline.format_size(sizes)}
    # Workbox from the site itself, never from another host
    sw = (site / webapp.WORKER).read_text(encoding="utf-8")
    assert "://" not in sw.split("*/", 1)[1]
    for script in webapp.WORKBOX:
        assert f'"{script}"' in sw and (site / script).is_file()


def test_the_offline_zip_holds_no_worker(site):
    assert webapp.WORKER in offline.LEFT_OUT


def test_workbox_copies_are_the_pinned_packages():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    shipped = ROOT / "docs" / "assets" / "vendor" / "workbox"
    for script in shipped.glob("workbox-*.prod.js"):
        package = script.name.removesuffix(".prod.js")
        assert pins[package] == "7.4.1"
        built = ROOT / "node_modules" / package / "build" / script.name
        if built.is_file():  # after npm ci
            assert built.read_bytes() == script.read_bytes()
    assert (shipped / "LICENSE").read_text(encoding="utf-8").startswith("Copyright 2018 Google LLC")


def test_development_build_registers_no_worker(tmp_path, build_command):
    """A plain `mkdocs build` (as `mkdocs serve` makes): the pages name no worker, and sw.js
    only removes a worker a shipped build left at the same address."""
    out = tmp_path / "site"
    run = build_command("mkdocs", "build", "--quiet", "--site-dir", out)
    assert run.returncode == 0, run.stderr
    config = json.loads(htmltext.load(out / "index.html").xpath("//script[@id='__webapp']")[0].text)
    assert config == {"worker": None}
    sw = (out / webapp.WORKER).read_text(encoding="utf-8")
    assert "unregister()" in sw and "precache" not in sw
