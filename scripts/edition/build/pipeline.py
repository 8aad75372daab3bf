"""The whole path, source text to site: parse, render, write docs/, strict MkDocs build,
offline zip, Content Security Policy.

All or nothing. Inputs are checked first (regular files, at most MAX_INPUT_BYTES). Then,
under a lock (one build at a time per project), docs/ is copied to a hidden staging folder
beside it, the changed pages are written there, the site is built from it into another
staging folder beside site/, and only when all of that succeeded are the two staging folders
swapped in: site/ first, then docs/. Each swap is one atomic renameat2(RENAME_EXCHANGE) on
Linux, so there is no moment without site/ or docs/; elsewhere two renames, with a short gap
that the next build repairs. A failure, an exception, a full disk or kill -9 before the
swaps leaves docs/ and site/ byte for byte as they were; leftover staging folders are
removed by the next build. See README, "How the build works".
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from edition.formats import exports
from edition.model import Resolution, authority
from edition.model.notes import Annotations
from edition.pages.render import GENERATED, Pages
from edition.source import inputs
from edition.source.inputs import Inputs

ROOT = authority.ROOT  # the project folder, defined once
DEFAULT_SOURCE = ROOT / "source" / "A-RES-68-160-fr.txt"
DEFAULT_DATA = ROOT / "source" / "annotations.yml"
GENERATED_MARK = GENERATED.split(" depuis")[0]  # "Généré par scripts/edition"


@dataclass(frozen=True)
class Generated:
    """What a generation makes: the inputs it read, and every generated file of docs/ (the
    pages and the exports) by name."""

    inputs: Inputs
    pages: dict[str, str]

    @property
    def resolution(self) -> Resolution:
        return self.inputs.resolution

    @property
    def notes(self) -> Annotations:
        return self.inputs.notes

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.inputs.warnings


def display_path(path: Path) -> str:
    """A path as the project names it: relative to the project when inside it."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def load(
    source: Path = DEFAULT_SOURCE, data: Path | None = DEFAULT_DATA, site_url: str | None = None
) -> Generated:
    """Parse, render the pages, make the exports. `site_url` (the public address, SITE_URL)
    makes the exports' addresses absolute; the edition's version and its date are the
    project's (pyproject.toml: version, [tool.edition] released)."""
    read = inputs.load(source, data)
    site_url = site_url or None
    version, version_date = authority.project_version(), authority.release_date()
    generated = GENERATED.format(source=display_path(source))
    pages = Pages(read.resolution, read.notes, display_path(source), site_url, version, version_date)
    edition = authority.edition_info(version, version_date, site_url)
    files = exports.files(read.resolution, read.notes, generated, pages.extras, edition, site_url)
    return Generated(read, {**pages.pages(), **files})


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


# --- atomic swaps ------------------------------------------------------------------------

_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _renameat2():
    """libc's renameat2, or None (not Linux, old glibc). Looked up first in the libc the
    interpreter already runs on (ctypes.util.find_library starts `ldconfig -p`: 15 ms of
    every build)."""
    func = None
    for find in (lambda: None, lambda: ctypes.util.find_library("c") or "libc.so.6"):
        try:
            func = ctypes.CDLL(find(), use_errno=True).renameat2
            break
        except (OSError, AttributeError):
            continue
    if func is None:
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths atomically (renameat2 RENAME_EXCHANGE). False when the
    system or the filesystem cannot (the caller falls back to two renames)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _staging(target: Path, kind: str) -> Path:
    return Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.{kind}-"))


def swap_in(staged: Path, target: Path) -> None:
    """Put the folder `staged` in place of `target` (which may not exist). With
    RENAME_EXCHANGE, `target` is never missing; the old tree, now at `staged`'s name, is
    then deleted. Otherwise: target -> .target.old-*, staged -> target (a gap of two
    system calls; recover() puts the old tree back if the process dies in it)."""
    if not target.exists():
        os.rename(staged, target)
        return
    if exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)
        return
    old = _staging(target, "old")
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(staged, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def recover(target: Path) -> list[str]:
    """Undo what a killed build left beside `target`: put the old tree back if the process
    died between the two renames of the fallback swap, then delete every staging folder
    (`.NAME.building-*`, `.NAME.old-*`). Returns the names removed."""
    target = Path(target)
    if not target.parent.is_dir():
        return []
    leftovers = sorted(
        p
        for p in target.parent.iterdir()
        if p.name.startswith((f".{target.name}.building-", f".{target.name}.old-")) and p.is_dir()
    )
    olds = [p for p in leftovers if p.name.startswith(f".{target.name}.old-")]
    if not target.exists() and olds:
        os.rename(olds[-1], target)
        leftovers.remove(olds[-1])
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    return [p.name for p in leftovers]


@contextlib.contextmanager
def swapped_in(site: Path):
    """A fresh staging folder beside `site` to build into; when the block ends without an
    exception it replaces `site`, otherwise it is deleted and `site` stays as it was."""
    site = Path(site).resolve()
    with build_lock(site):
        recover(site)
        tmp = _staging(site, "building")
        try:
            yield tmp
            os.chmod(tmp, 0o755)
            swap_in(tmp, site)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def staged_docs(docs: Path, pages: dict[str, str]):
    """A copy of `docs` beside it with `pages` written in; yields (folder, changed names).
    The caller swaps it in with swap_in() when everything else succeeded; otherwise it is
    deleted and `docs` was never touched."""
    docs = Path(docs).resolve()
    docs.parent.mkdir(parents=True, exist_ok=True)
    recover(docs)
    tmp = _staging(docs, "building")
    try:
        os.rmdir(tmp)
        if docs.exists():
            shutil.copytree(docs, tmp, symlinks=True)
        else:
            tmp.mkdir()
        os.chmod(tmp, 0o755)
        for path in sorted(tmp.rglob(".*")):  # partial files of a build killed before 2026-11
            m = _PARTIAL.fullmatch(path.name)
            if m and path.is_file() and (path.parent / m[1]).relative_to(tmp).as_posix() in pages:
                path.unlink()
        changed = write_pages(pages, tmp)
        yield tmp, changed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_PARTIAL = re.compile(r"\.(.+)\.[a-z0-9_]{8}")  # what write_pages' mkstemp names a file


class BuildLocked(RuntimeError):
    pass


@contextlib.contextmanager
def build_lock(*targets: Path, timeout: float = 600.0):
    """One build at a time for each output folder (docs/ and site/ alike): an exclusive
    flock on `.NAME.lock` beside each target (released by the system if the process dies),
    taken in one order (by path) so two builds never wait on each other. Staging folders
    beside a target are made and removed only under its lock, so no build can remove the
    staging folder of another live one (two builds sharing --site-dir with different
    --docs-dir wait for each other). A second build waits up to `timeout` seconds, saying
    so, then gives up with BuildLocked."""
    with contextlib.ExitStack() as stack:
        deadline = time.monotonic() + timeout
        for target in sorted({Path(t).resolve() for t in targets}, key=str):
            stack.enter_context(_flock(target, deadline, timeout))
        yield


@contextlib.contextmanager
def _flock(target: Path, deadline: float, timeout: float):
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.with_name(f".{target.name}.lock")
    with open(path, "a+b") as f:
        said = False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not said:
                    print(f"une autre construction est en cours ({path.name}) : attente…", flush=True)
                    said = True
                if time.monotonic() >= deadline:
                    raise BuildLocked(
                        f"une autre construction utilise encore {display_path(target)} "
                        f"(verrou {path.name}) après {timeout:g} s d’attente"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


# --- MkDocs ------------------------------------------------------------------------------


class BuildError(RuntimeError):
    """MkDocs failed; the message carries the warnings that made strict mode abort."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname} {record.getMessage()}")


def _build(docs: Path, folder: Path, config: Path, inputs: Inputs | None, *, offline_zip: bool) -> str:
    """One strict MkDocs build of `docs` into `folder` (emptied first), the edition's
    plugin handed `inputs` (None: it reads them itself, as a standalone `mkdocs build`
    does). The shipped build: the pages register the service worker; with `offline_zip`,
    the offline copy is made and its size shown. Reproducible: the same inputs give a
    byte-identical tree (see source_date_epoch). A strict-mode abort raises BuildError
    with the warnings. Returns the offline copy's size as shown ("" without it)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        cfg = load_config(
            config_file=str(config), docs_dir=str(Path(docs).resolve()), site_dir=str(folder), strict=True
        )
        plugin = cfg.plugins.get("edition")
        if plugin is None:
            raise BuildError(f"{config} : le plugin « edition » manque (plugins:)")
        plugin.configure(inputs, shipped=True, offline_zip=offline_zip)
        with reproducible_env():
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        return plugin.size_shown
    except Abort as err:
        lines = "\n".join(f"  {m}" for m in collect.messages)
        raise BuildError(f"{err}\n{lines}" if lines else str(err)) from None
    finally:
        logger.removeHandler(collect)


def mkdocs_build(
    docs: Path, site: Path, config: Path = ROOT / "mkdocs.yml", inputs: Inputs | None = None
) -> None:
    """Strict MkDocs build (no offline zip) into a staging folder, swapped in for `site`
    only on success."""
    with swapped_in(site) as tmp:
        _build(docs, tmp, config, inputs, offline_zip=False)


def build_site(
    docs: Path, site: Path, config: Path = ROOT / "mkdocs.yml", inputs: Inputs | None = None
) -> str:
    """The full site: one strict build with the offline zip at its root, whose size the
    pages that ask for it show (see offline.make_zip: one zip, no fixed point). All of it
    happens in a staging folder that replaces `site` only then: a failing build or zip
    leaves `site` as it was. Returns the size shown."""
    with swapped_in(site) as tmp:
        return _build(docs, tmp, config, inputs, offline_zip=True)


def publish(
    edition: Generated,
    docs: Path,
    site: Path | None,
    *,
    offline_zip: bool = True,
    config: Path = ROOT / "mkdocs.yml",
    lock_timeout: float = 600.0,
) -> list[str]:
    """Generate (site None) or build, all or nothing: see the module's docstring. Returns
    the generated files that changed in docs/."""
    docs = Path(docs).resolve()
    targets = [docs] if site is None else [docs, Path(site).resolve()]
    with build_lock(*targets, timeout=lock_timeout):
        with staged_docs(docs, edition.pages) as (new_docs, changed):
            if site is not None:
                site = Path(site).resolve()
                site.parent.mkdir(parents=True, exist_ok=True)
                recover(site)
                new_site = _staging(site, "building")
                try:
                    _build(new_docs, new_site, config, edition.inputs, offline_zip=offline_zip)
                    os.chmod(new_site, 0o755)
                    swap_in(new_site, site)
                finally:
                    shutil.rmtree(new_site, ignore_errors=True)
            if changed:
                swap_in(new_docs, docs)
        return changed
