"""The link-preview card (og:image): a 1200×630 PNG naming the resolution, drawn at build
time with Pillow and a committed font (DejaVu Sans, subset to Latin: fonts/), so the same
inputs and the same Pillow give the same bytes. Large type, high contrast: legible at
the size of a messenger's thumbnail."""

from __future__ import annotations

import functools
import io
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from edition.model.french import french_date

SIZE = (1200, 630)
MARGIN = 72
BACKGROUND = (38, 50, 56)  # Material's blue grey 900, the site's header
RULE = (121, 134, 203)  # indigo 300, the site's accent
TEXT = (255, 255, 255)
MUTED = (207, 216, 220)  # blue grey 100


# DejaVu Sans, subset to Latin (fonts/LICENSE.txt): committed, so that the same inputs
# and the same Pillow give the same bytes on any machine, accents and « » included.
FONTS = Path(__file__).with_name("fonts")
REGULAR, BOLD = FONTS / "DejaVuSans-latin.ttf", FONTS / "DejaVuSans-Bold-latin.ttf"


@functools.cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@functools.cache
def _missing(font: ImageFont.FreeTypeFont) -> bytes:
    """What `font` draws for a character it lacks (its missing-glyph box)."""
    return bytes(font.getmask("\uffff"))


def _has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    return bytes(font.getmask(char)) != _missing(font)


def _text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font, fill) -> None:
    """draw.text; a letter the subset lacks is drawn as its base letter (NFD) rather than
    as a missing-glyph box."""
    shown = "".join(
        char if _has_glyph(font, char) else unicodedata.normalize("NFD", char)[0] for char in text
    )
    draw.text(xy, shown, font=font, fill=fill)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines no wider than `width` pixels."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(",;:") + " …"
    return lines


def card_png(symbol: str, title: str, adopted: str) -> bytes:
    """The card's PNG bytes: symbol, title, author and date, the edition's name."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    small, big, medium = _font(REGULAR, 32), _font(BOLD, 88), _font(BOLD, 48)

    _text(draw, (MARGIN, MARGIN), "Assemblée générale des Nations Unies", small, MUTED)
    _text(draw, (MARGIN, MARGIN + 56), symbol, big, TEXT)
    draw.rectangle((MARGIN, MARGIN + 180, MARGIN + 160, MARGIN + 188), fill=RULE)
    y = MARGIN + 216
    for line in _wrap(draw, title, medium, width, 3):
        _text(draw, (MARGIN, y), line, medium, TEXT)
        y += 64
    footer = f"Adoptée le {french_date(adopted)} · texte français annoté"
    _text(draw, (MARGIN, SIZE[1] - MARGIN - 34), footer, small, MUTED)

    # four colours and their antialiased blends: a 64-colour palette keeps every edge and
    # is a third of the bytes of RGB; zlib's default level (optimize=True, level 9, took
    # 60 ms for 5 % fewer bytes). The background, the most frequent colour, stays exact.
    image = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
    _, background = max(image.getcolors())
    palette = image.getpalette()
    palette[3 * background : 3 * background + 3] = BACKGROUND
    image.putpalette(palette)
    out = io.BytesIO()
    # no text chunks, no timestamps: the bytes depend only on the pixels
    image.save(out, format="PNG")
    return out.getvalue()
