"""The whole path, source text to site: parse, render, write docs/, strict MkDocs build,
offline zip.

Nothing is written unless parsing and rendering succeeded; docs/ files are replaced one by
one atomically and only when changed; the site (its builds and its zip) is made in a
temporary folder swapped in only when everything passed, so a failure leaves the previous
docs/ and site/ as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import annotations, authority, exports, offline, urls, webapp
from .errors import ParseError
from .model import Resolution
from .parse import parse_file
from .render import GENERATED
from .render import Edition as PageSet

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT / "source" / "A-RES-68-160-fr.txt"
DEFAULT_DATA = ROOT / "source" / "annotations.yml"
GENERATED_MARK = GENERATED.split(" depuis")[0]  # "Généré par scripts/edition"


@dataclass
class Edition:
    resolution: Resolution
    notes: annotations.Annotations
    pages: dict[str, str]
    warnings: list[str]


def display_path(path: Path) -> str:
    """A path as the project names it: relative to the project when inside it."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def load(
    source: Path = DEFAULT_SOURCE, data: Path | None = DEFAULT_DATA, site_url: str | None = None
) -> Edition:
    """Parse and render. `site_url` (the public address, SITE_URL) makes the exports'
    addresses absolute; the edition's version and its date are the project's
    (pyproject.toml: version, [tool.edition] released)."""
    resolution = parse_file(source)
    notes = annotations.load(data)
    try:
        warnings = annotations.check_against(resolution, notes)
    except ParseError as err:
        raise err.at(str(data)) from None
    pageset = PageSet(
        resolution,
        notes,
        display_path(source),
        site_url=site_url or None,
        version=authority.project_version(),
        version_date=authority.release_date(),
    )
    pages = {**pageset.pages(), **pageset.exports()}
    return Edition(resolution, notes, pages, warnings)


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(400)
    except (OSError, UnicodeDecodeError):
        return False
    return GENERATED_MARK in head


def stale(pages: dict[str, str], docs: Path) -> list[str]:
    """Generated files in `docs` that differ from `pages`, are missing, or are left over."""
    out = []
    for name, content in sorted(pages.items()):
        path = docs / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            out.append(name)
    for path in sorted(docs.rglob("*")):
        name = path.relative_to(docs).as_posix()
        if path.is_file() and name not in pages and is_generated(path):
            out.append(name)
    return out


def write_pages(pages: dict[str, str], docs: Path) -> list[str]:
    """Write changed pages atomically, remove left-over generated files; return what changed."""
    changed = stale(pages, docs)
    for name in changed:
        path = docs / name
        if name not in pages:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(pages[name])
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    return changed


# When there is no git history to date the build (an exported tarball): 2013-12-18, the
# resolution's adoption.
FALLBACK_EPOCH = 1387324800


def source_date_epoch() -> str:
    """The build's date, so that two builds of the same commit are byte-identical (MkDocs'
    sitemap and its gzip header, and anything else dated during the build, read it):
    $SOURCE_DATE_EPOCH when set, else the time of the last git commit."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        run = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, timeout=30
        )
        if run.returncode == 0 and run.stdout.strip().isdigit():
            return run.stdout.strip()
    except OSError:
        pass
    return str(FALLBACK_EPOCH)


@contextlib.contextmanager
def reproducible_env():
    """SOURCE_DATE_EPOCH set (see source_date_epoch) for the duration of a build."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch()
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@contextlib.contextmanager
def swapped_in(site: Path):
    """A fresh temporary folder beside `site` to build into; when the block ends without an
    exception it replaces `site` (the old tree is removed), otherwise it is deleted and
    `site` stays exactly as it was."""
    site = Path(site).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=site.parent, prefix=f".{site.name}.building-"))
    try:
        yield tmp
        old = site.with_name(f".{site.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if site.exists():
            os.replace(site, old)
        try:
            os.replace(tmp, site)
        except OSError:
            if old.exists():
                os.replace(old, site)
            raise
        os.chmod(site, 0o755)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _build(docs: Path, folder: Path, config: Path, extra: dict | None = None) -> None:
    """One strict MkDocs build of `docs` into `folder` (emptied first), `extra` merged into
    config.extra. Reproducible: the same inputs give a byte-identical tree (see
    source_date_epoch)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(
        config_file=str(config), docs_dir=str(Path(docs).resolve()), site_dir=str(folder), strict=True
    )
    # the shipped build: the pages register the offline service worker (webapp.py)
    cfg["extra"].update({webapp.CONFIG_KEY: True, **(extra or {})})
    with reproducible_env():
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()


def mkdocs_build(docs: Path, site: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    """Strict MkDocs build (no offline zip) into a temporary folder, swapped in for `site`
    only on success."""
    with swapped_in(site) as tmp:
        _build(docs, tmp, config)


def build_site(docs: Path, site: Path, config: Path = ROOT / "mkdocs.yml", max_rounds: int = 4) -> int:
    """The full site: one strict build plus the offline zip at its root, whose size the home
    and À propos pages show. The pages are built once with a placeholder for the size;
    then the size is written in and the zip made again until the size shown is the size of
    the zip that contains it (a fixed point, usually the second zip). All of it happens in
    one temporary folder that replaces `site` only then: a failing build, zip or size leaves
    `site` as it was. Returns the zips made."""
    name = urls.zip_name(exports.read_json(docs)["symbol"])
    placeholder = offline.SIZE_PLACEHOLDER.encode()
    with swapped_in(site) as tmp:
        _build(docs, tmp, config, {offline.CONFIG_KEY: offline.SIZE_PLACEHOLDER})
        # every built file that shows the size (pages, search index), as built
        templates = {}
        for path in sorted(tmp.rglob("*")):
            if path.is_file() and placeholder in (raw := path.read_bytes()):
                templates[path] = raw
        shown = None
        for count in range(1, max_rounds + 1):
            if shown is not None:
                for path, raw in templates.items():
                    path.write_bytes(raw.replace(placeholder, shown.encode()))
            archive = offline.make_zip(tmp, name)
            size = offline.format_size(len(archive))
            if size == shown or (shown is None and not templates):
                (tmp / name).write_bytes(archive)
                os.chmod(tmp / name, 0o644)
                if (tmp / webapp.WORKER).is_file():  # its hashes: of the pages as served
                    webapp.write_service_worker(tmp, shipped=True)
                return count
            shown = size
        raise RuntimeError(f"la taille de la copie hors ligne ne se stabilise pas ({shown})")
