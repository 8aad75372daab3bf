"""The PNGs the build draws (the link-preview card, the web app's icons) kept between
builds, as Jinja keeps its compiled templates: drawing them with Pillow is a fair part of
a build's own work, and the same inputs give the same bytes.

An image is filed under the SHA-256 of everything that makes it: its drawing module's
source, the committed fonts, Pillow's version and its arguments. The folder is the
user's own (created 0700 in the temporary directory, refused if another user owns it
or it is a link); a file that is not a PNG is drawn again; a file is written whole
(a temporary name, then renamed) or not at all. `EDITION_IMAGE_CACHE=off` turns it off."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"
FONTS = Path(__file__).with_name("fonts")


def folder() -> Path | None:
    """The cache folder, made if needed; None where it cannot be trusted or is off."""
    if os.environ.get("EDITION_IMAGE_CACHE", "").lower() == "off":
        return None
    path = Path(tempfile.gettempdir()) / f"edition-images-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def key(module_file: str, *args) -> str:
    """What an image depends on, as a file name."""
    import PIL

    digest = hashlib.sha256()
    digest.update(Path(module_file).read_bytes())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.name.encode() + font.read_bytes())
    digest.update(PIL.__version__.encode())
    digest.update(repr(args).encode("utf-8"))
    return digest.hexdigest() + ".png"


def png(module_file: str, draw: Callable[..., bytes], *args, **kwargs) -> bytes:
    """`draw(*args, **kwargs)`, from the cache when it was drawn before."""
    where = folder()
    if where is None:
        return draw(*args, **kwargs)
    path = where / key(module_file, args, sorted(kwargs.items()))
    try:
        data = path.read_bytes()
        if data.startswith(PNG):
            return data
    except OSError:
        pass
    data = draw(*args, **kwargs)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
    return data
