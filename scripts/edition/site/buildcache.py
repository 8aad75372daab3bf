"""What the build derives at some cost and the same inputs always give, kept between builds
as Jinja keeps its compiled templates: the PNGs it draws (the link-preview card, the web
app's icons: drawing them with Pillow is a fair part of a build's own work) and Material's
stylesheet pruned to what the pages use (unused_css.py: half a second).

An entry is filed under the SHA-256 of everything that makes it: its module's source, its
inputs and the versions of the libraries that compute it. The folder is the user's own
(created 0700 in the temporary directory, refused if another user owns it or it is a
link); an entry that does not check (a PNG that is not one, a text whose digest does not
match) is made again; an entry is written whole (a temporary name, then renamed) or not
at all. `EDITION_BUILD_CACHE=off` turns it off."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"
FONTS = Path(__file__).with_name("fonts")
_DIGEST = 32  # bytes of SHA-256 heading a text entry


def folder() -> Path | None:
    """The cache folder, made if needed; None where it cannot be trusted or is off."""
    if os.environ.get("EDITION_BUILD_CACHE", "").lower() == "off":
        return None
    path = Path(tempfile.gettempdir()) / f"edition-build-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def _digest(module_file: str, parts: Iterable[bytes]) -> hashlib._Hash:
    digest = hashlib.sha256()
    digest.update(Path(module_file).read_bytes())
    for part in parts:  # each part's length first: ("ab", "c") and ("a", "bc") differ
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest


def key(module_file: str, *args) -> str:
    """What an image depends on, as a file name."""
    import PIL

    fonts = [font.name.encode() + font.read_bytes() for font in sorted(FONTS.glob("*.ttf"))]
    parts = [*fonts, PIL.__version__.encode(), repr(args).encode("utf-8")]
    return _digest(module_file, parts).hexdigest() + ".png"


def _stored(name: str, make: Callable[[], bytes], valid: Callable[[bytes], bool]) -> bytes:
    where = folder()
    if where is None:
        return make()
    path = where / name
    try:
        data = path.read_bytes()
        if valid(data):
            return data
    except OSError:
        pass
    data = make()
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
    return data


def png(module_file: str, draw: Callable[..., bytes], *args, **kwargs) -> bytes:
    """`draw(*args, **kwargs)`, from the cache when it was drawn before."""
    name = key(module_file, args, sorted(kwargs.items()))
    return _stored(name, lambda: draw(*args, **kwargs), lambda data: data.startswith(PNG))


def text(module_file: str, inputs: Iterable[bytes], make: Callable[[], str]) -> str:
    """`make()`, from the cache when the module and the inputs were seen before. The entry
    is the text's SHA-256 then the text: one cut short or changed is made again."""
    name = _digest(module_file, inputs).hexdigest() + ".txt"

    def entry() -> bytes:
        data = make().encode("utf-8")
        return hashlib.sha256(data).digest() + data

    def valid(data: bytes) -> bool:
        return hashlib.sha256(data[_DIGEST:]).digest() == data[:_DIGEST]

    return _stored(name, entry, valid)[_DIGEST:].decode("utf-8")
