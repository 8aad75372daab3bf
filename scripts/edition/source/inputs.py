"""The inputs, read and checked: the resolution's text parsed into the model, the curated
data file read and compared with it. What the pipeline (build/pipeline.py) and the
MkDocs plugin of a standalone `mkdocs build` (site/plugin.py) both start from.

Inputs are hostile until checked: each must be a regular file of at most MAX_INPUT_BYTES
(a FIFO would block forever, /dev/zero never ends), named by a path that resolves (a loop
of symbolic links is refused with its name), before a byte is read."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from edition.model import Resolution
from edition.model.errors import ParseError
from edition.model.notes import Annotations
from edition.source import annotations
from edition.source.parse import parse_file

# A resolution's text is a few tens of kilobytes (68/160: 16 kB), its annotations as many:
# anything over 2 MB is not one, and is refused before it is read.
MAX_INPUT_BYTES = 2_000_000


def resolved(path: Path, what: str) -> Path:
    """`path` made absolute with its links followed, or a ParseError naming it (a loop of
    symbolic links, a path too long) rather than a traceback."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError) as err:
        reason = "boucle de liens symboliques" if "loop" in str(err).lower() else str(err)
        raise ParseError(f"chemin inutilisable pour {what} ({reason})", path=str(path)) from None


def check_input(path: Path, what: str) -> None:
    """Refuse at once, without reading it, an input that is not a regular file (a FIFO would
    block forever, /dev/zero never ends) or is larger than MAX_INPUT_BYTES."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as err:
        raise ParseError(f"impossible de lire {what} ({err.strerror})", path=str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "un tube (FIFO)" if stat.S_ISFIFO(info.st_mode) else "un périphérique ou un dossier"
        raise ParseError(
            f"{what} n’est pas un fichier ordinaire : c’est {kind}",
            path=str(path),
            expected="un fichier texte ordinaire",
        )
    if info.st_size > MAX_INPUT_BYTES:
        raise ParseError(
            f"{what} est trop gros ({info.st_size:,} octets)".replace(",", "\u202f"),
            path=str(path),
            expected=f"au plus {MAX_INPUT_BYTES:,} octets".replace(",", "\u202f"),
        )


@dataclass(frozen=True)
class Inputs:
    """The parsed resolution, its curated data, and what their comparison warns of."""

    resolution: Resolution
    notes: Annotations = field(default_factory=Annotations)
    warnings: tuple[str, ...] = ()


def load(source: Path, data: Path | None) -> Inputs:
    """Parse `source` and read `data` (None: no curated data); a ParseError names the file."""
    check_input(source, "le texte source")
    if data is not None:
        check_input(data, "le fichier d’annotations")
    resolution = parse_file(source)
    notes = annotations.load(data)
    try:
        warnings = annotations.check_against(resolution, notes)
    except ParseError as err:
        raise err.at(str(data)) from None
    return Inputs(resolution, notes, tuple(warnings))
