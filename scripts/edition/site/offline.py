"""The offline copy: the whole built site as one reproducible zip at the site root.

Reproducible: every timestamp 1980-01-01 00:00, permissions 0644, made on "Unix", deflate
level 5 (level 6 costs 75 % more CPU for a zip 1.5 % smaller), no extra fields, no directory
entries. Everything sits in one top folder named like the zip, so unzipping gives one folder
whose index.html opens the edition from disk.

The home and À propos pages show the zip's size, and the zip contains those pages. No
fixed point and one zip only: the pages that show the size (the hook leaves SIZE_SLOT where
the size goes) are stored uncompressed and written last into the archive. Once every other
entry is compressed, the archive's final length is an exact function of the length of the
size text (stored bytes count as they are; a zip's headers have fixed sizes), so the size is
solved for, written into those pages (on disk and in the zip) and the archive finished; its
length is then checked against the prediction.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

EPOCH = (1980, 1, 1, 0, 0, 0)
LEVEL = 5
# The marker that pages carry where the size goes (an HTML comment: no search index or
# Markdown sees it); overrides/hooks/offline_copy.py turns it into SIZE_SLOT in the page's
# final HTML when the pipeline asks for the size (config.extra[CONFIG_KEY]).
SIZE_MARKER = "<!-- taille-copie-hors-ligne -->"
CONFIG_KEY = "offline_copy_size"
# Plain letters: no Markdown or HTML meaning, nothing else in a page can contain it.
SIZE_SLOT = "TAILLECOPIEHORSLIGNEAMESURER"
# Left out of the copy: useless from disk (the sitemap carries the build date, _headers is
# for a web host, no service worker runs from file://, so neither sw.js nor the Workbox it
# imports), source maps (LEFT_OUT_SUFFIXES: 1.3 MB of Material's, read only by a browser's
# developer tools), and Material's search worker with its lunr languages (LEFT_OUT_FOLDERS:
# 0.9 MB, 40 % of what was zipped), which the edition's own search worker replaces.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz", "_headers", "sw.js"}
LEFT_OUT_SUFFIXES = (".map",)
LEFT_OUT_FOLDERS = ("assets/javascripts/workers/", "assets/javascripts/lunr/", "assets/vendor/workbox/")


def left_out(rel: str) -> bool:
    """True for a file (path relative to the site) that the offline copy does not hold."""
    return rel in LEFT_OUT or rel.endswith(LEFT_OUT_SUFFIXES) or rel.startswith(LEFT_OUT_FOLDERS)


_LOCAL_HEADER = 30  # fixed part of a local file header, no extra field
_CENTRAL_HEADER = 46  # fixed part of a central directory entry, no extra field or comment
_END = 22  # end of central directory record, no comment


def format_size(size: int) -> str:
    """Size in French SI units, rounded: 745 ko, 1,2 Mo (1 Mo = 1 000 000 octets)."""
    if size < 100_000:
        return f"{max(1, round(size / 1000))} ko"
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, EPOCH)
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    info.compress_type = compress
    return info


def make_zip(
    site: Path, name: str, sized: frozenset[str] | set[str] = frozenset()
) -> tuple[bytes, str | None]:
    """The zip of every file under `site` (but the zip itself and LEFT_OUT), and the size
    text written into the files named in `sized` (paths relative to `site`, which hold
    SIZE_SLOT): those are rewritten on disk with the size, and stored last, uncompressed;
    every other file is deflated, in path order. Returns (archive, size text or None)."""
    folder = name.removesuffix(".zip")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    files = [f for f in files if f != name and not left_out(f)]
    missing = set(sized) - set(files)
    if missing:
        raise ValueError(f"pages à compléter absentes du site : {', '.join(sorted(missing))}")
    slot = SIZE_SLOT.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for rel in files:
            if rel not in sized:
                info = _info(f"{folder}/{rel}", zipfile.ZIP_DEFLATED)
                archive.writestr(info, (site / rel).read_bytes(), compresslevel=LEVEL)
        if not sized:
            return _closed(archive, buffer), None
        templates = {rel: (site / rel).read_bytes() for rel in sorted(sized)}
        slots = sum(t.count(slot) for t in templates.values())
        if not all(slot in t for t in templates.values()):
            raise ValueError("une page à compléter ne contient pas l’emplacement de la taille")
        names = [f"{folder}/{rel}".encode() for rel in files]
        fixed = (
            buffer.tell()
            + sum(_LOCAL_HEADER + len(f"{folder}/{rel}".encode()) for rel in templates)
            + sum(len(t) - t.count(slot) * len(slot) for t in templates.values())
            + sum(_CENTRAL_HEADER + len(n) for n in names)
            + _END
        )
        # the archive's length is fixed + slots * len(size text): find the text that names it
        shown = next(
            (s for w in range(1, 32) if len((s := format_size(fixed + slots * w)).encode()) == w),
            None,
        )
        if shown is None:  # cannot happen with format_size's shapes; never guess
            raise RuntimeError("aucune taille ne se désigne elle-même")
        for rel, template in templates.items():
            data = template.replace(slot, shown.encode())
            (site / rel).write_bytes(data)
            archive.writestr(_info(f"{folder}/{rel}", zipfile.ZIP_STORED), data)
    raw = buffer.getvalue()
    if len(raw) != fixed + slots * len(shown.encode()):
        raise RuntimeError(f"taille prévue de la copie hors ligne fausse ({len(raw)} octets)")
    return raw, shown


def _closed(archive: zipfile.ZipFile, buffer: io.BytesIO) -> bytes:
    archive.close()
    return buffer.getvalue()
