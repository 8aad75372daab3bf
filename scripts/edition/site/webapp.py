"""The installable web app: its manifest and icons, and the service worker that keeps the
whole edition on the reader's device after one visit (Workbox precaching).

Used by the hook overrides/hooks/webapp.py (manifest and icons as generated files, the
worker written after every other file) and by pipeline.build_site, which writes the worker
again once the offline zip's size is in the pages, so that its content hashes are those of
the files served.

Guarantees:
1. Reproducible: the same built files give a byte-identical manifest, icons and worker
   (paths sorted, hashes of contents, no dates; the icons drawn by Pillow, pinned).
2. The precache list names every file of the build but those in LEFT_OUT (the zip, the
   server's 404 page, the sitemap, the worker itself, source maps, and Material's own search
   worker and its lunr languages, which the edition's search never loads).
3. Only a shipped build (`python -m edition build`: CONFIG_KEY in config.extra) gets the
   precaching worker; any other build (`mkdocs serve`) gets a worker that removes itself
   and its caches, so a worker left at the same address by a shipped build cannot keep
   serving stale pages.
"""

from __future__ import annotations

import fnmatch
import hashlib
import io
import json
from pathlib import Path

from edition.model import Resolution
from edition.site import buildcache
from edition.site.offline import format_size

CONFIG_KEY = "service_worker"  # config.extra flag: set by the pipeline for the shipped build
MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
ICON_192 = "assets/images/app-192.png"
ICON_512 = "assets/images/app-512.png"
ICON_MASKABLE = "assets/images/app-maskable-512.png"
# the browser tab's icon, the same drawing at 32 px (Material's default is its own logo)
FAVICON = "assets/images/favicon-32.png"
MATERIAL_FAVICON = "assets/images/favicon.png"
# Material's "blue grey" primary colour (--md-primary-fg-color in its palette stylesheet):
# the header's colour in both schemes.
THEME_COLOR = "#546d78"
BACKGROUND_COLOR = "#ffffff"
TEXT_COLOR = "#ffffff"
# Workbox's browser builds, in dependency order (docs/assets/vendor/workbox/)
WORKBOX = [
    f"assets/vendor/workbox/workbox-{name}.prod.js"
    for name in ("core", "routing", "strategies", "precaching")
]
LEFT_OUT = [
    "*.zip",
    "404.html",
    "_headers",  # the host's configuration (Netlify, Cloudflare Pages), not served by nginx
    "sitemap.xml",
    "sitemap.xml.gz",
    WORKER,
    "*.map",
    "assets/vendor/workbox/*",  # imported by the worker: the browser keeps them with it
    "assets/javascripts/workers/*",  # Material's search worker, replaced by ours
    "assets/javascripts/lunr/*",  # its languages
]
TEMPLATE = Path(__file__).with_name("service-worker.js")
DEV_TEMPLATE = Path(__file__).with_name("service-worker-dev.js")


def short_name(res: Resolution) -> str:
    """« Rés. 68/160 » (at most 12 characters, as launchers show them)."""
    return f"Rés. {res.short}"


def manifest(name: str, short: str, description: str) -> str:
    """The web app manifest; every address relative to it (the site root)."""
    data = {
        "name": name,
        "short_name": short,
        "description": description,
        "lang": "fr",
        "dir": "ltr",
        "id": "./",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": ICON_192, "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": ICON_512, "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": ICON_MASKABLE, "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def icon(label: str, size: int, *, maskable: bool = False) -> bytes:
    """The icon as PNG: `label` (« 68/160 ») in white on the theme colour, in Pillow's own
    font. The maskable one fills the square (the launcher cuts its shape); the others are
    rounded squares. The label stays inside the central 80 % circle, the maskable safe zone."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 2  # drawn larger, then reduced: smooth edges without depending on antialiasing
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=THEME_COLOR)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=THEME_COLOR)
    width = big * 0.62  # the label's width: well inside the safe circle (diameter 0.8)
    font = ImageFont.load_default(size=100)
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    font = ImageFont.load_default(size=max(8, int(100 * width / (right - left))))
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    draw.text((x, y), label, font=font, fill=TEXT_COLOR)
    # a rule under the label, as under a document symbol
    rule_y = y + bottom + big * 0.05
    draw.rectangle((big * 0.3, rule_y, big * 0.7, rule_y + big * 0.02), fill=TEXT_COLOR)
    image = image.reduce(scale)  # each pixel the mean of its 2×2 block (LANCZOS: 5× the time)
    # 32 colours are plenty for two colours and their blend: a sixth of the bytes
    image = image.quantize(colors=32, method=Image.Quantize.FASTOCTREE)
    # the background, the most frequent colour, exactly the theme colour again
    _, background = max(image.getcolors())
    palette = image.getpalette("RGBA")
    palette[4 * background : 4 * background + 4] = [*bytes.fromhex(THEME_COLOR[1:]), 255]
    image.putpalette(palette, "RGBA")
    out = io.BytesIO()
    image.save(out, "PNG")  # zlib's default level: optimize=True took 6× longer for 12 % fewer bytes
    return out.getvalue()


def generated_files(name: str, description: str, res: Resolution) -> dict[str, str | bytes]:
    """Manifest and icons, by their path in the site."""
    label = res.short
    return {
        MANIFEST: manifest(name, short_name(res), description),
        FAVICON: buildcache.png(__file__, icon, label, 32),
        ICON_192: buildcache.png(__file__, icon, label, 192),
        ICON_512: buildcache.png(__file__, icon, label, 512),
        ICON_MASKABLE: buildcache.png(__file__, icon, label, 512, maskable=True),
    }


def left_out(path: str) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in LEFT_OUT)


def precache_list(site: Path) -> list[dict]:
    """Every file to keep on the device: its address relative to the site root, a content
    hash as Workbox's revision, and its size in bytes; sorted by address."""
    out = []
    site = Path(site)
    for name in sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()):
        if not left_out(name):
            raw = (site / name).read_bytes()
            out.append({"url": name, "revision": hashlib.sha256(raw).hexdigest()[:16], "size": len(raw)})
    return out


def service_worker(entries: list[dict]) -> str:
    """The worker's script: Workbox from the site itself, the precache list, the totals."""
    total = sum(e["size"] for e in entries)
    info = {"count": len(entries), "size": total, "label": format_size(total)}
    precache = ",\n".join(json.dumps({"url": e["url"], "revision": e["revision"]}) for e in entries)
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__WORKBOX__", ",\n  ".join(json.dumps(w) for w in WORKBOX))
        .replace("__EDITION__", json.dumps(info))
        .replace("__PRECACHE__", f"[\n{precache}\n]")
    )


def write_service_worker(site: Path, *, shipped: bool) -> list[dict]:
    """Write site/sw.js; return the precache list (empty for a development build)."""
    entries = precache_list(site) if shipped else []
    text = service_worker(entries) if shipped else DEV_TEMPLATE.read_text(encoding="utf-8")
    (Path(site) / WORKER).write_text(text, encoding="utf-8", newline="\n")
    return entries
