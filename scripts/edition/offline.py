"""The offline copy: the whole built site as one reproducible zip at the site root.

Reproducible: entries sorted by path, every timestamp 1980-01-01 00:00, permissions 0644,
made on "Unix", deflate level 6, no extra fields, no directory entries. Everything sits in
one top folder named like the zip, so unzipping gives one folder whose index.html opens the
edition from disk.

The home and À propos pages show the zip's size, and the zip contains those pages: the
pipeline builds once with SIZE_PLACEHOLDER in their place, then writes the measured size
into the built files and zips again until the size shown equals the size of the zip that
contains it (two zips in practice, since the size is shown rounded; see
pipeline.build_site).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

EPOCH = (1980, 1, 1, 0, 0, 0)
# The marker that overrides/hooks/offline_copy.py replaces by the size, in Markdown pages.
SIZE_MARKER = "<!-- taille-copie-hors-ligne -->"
CONFIG_KEY = "offline_copy_size"  # key in config.extra set by the pipeline
# What the pipeline's single build shows in place of the size, replaced in the built files
# once the zip is measured (plain letters: no Markdown or HTML meaning, no hook changes it).
SIZE_PLACEHOLDER = "TAILLECOPIEHORSLIGNEAMESURER"
# Left out of the copy: useless from disk (no service worker runs from file://), and the
# sitemap carries the build date.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz", "sw.js"}


def zip_name(symbol: str, language: str = "fr") -> str:
    """A/RES/68/160 -> A-RES-68-160-fr-hors-ligne.zip"""
    return f"{symbol.replace('/', '-')}-{language}-hors-ligne.zip"


def format_size(size: int) -> str:
    """Size in French SI units, rounded: 745 ko, 1,2 Mo (1 Mo = 1 000 000 octets)."""
    if size < 100_000:
        return f"{max(1, round(size / 1000))} ko"
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")


def make_zip(site: Path, name: str) -> bytes:
    """The zip of every file under `site` (but the zip itself and LEFT_OUT), reproducibly."""
    folder = name.removesuffix(".zip")
    buffer = io.BytesIO()
    files = sorted(
        p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in LEFT_OUT | {name}
    )
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", EPOCH)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=6)
    return buffer.getvalue()
