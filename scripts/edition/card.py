"""The link-preview card (og:image): a 1200×630 PNG naming the resolution, drawn at build
time with Pillow and the font Pillow embeds (ImageFont.load_default, no font file), so the
same inputs and the same Pillow give the same bytes. Large type, high contrast: legible at
the size of a messenger's thumbnail."""

from __future__ import annotations

import io
import unicodedata

from PIL import Image, ImageDraw, ImageFont

from .french import french_date

SIZE = (1200, 630)
MARGIN = 72
BACKGROUND = (38, 50, 56)  # Material's blue grey 900, the site's header
RULE = (121, 134, 203)  # indigo 300, the site's accent
TEXT = (255, 255, 255)
MUTED = (207, 216, 220)  # blue grey 100


# Pillow's embedded font has no accented letters: they are drawn as their base letter plus
# the accent, stroked by hand (the French ones; any other mark is dropped).
ACUTE, GRAVE, CIRCUMFLEX, DIAERESIS, CEDILLA = "\u0301", "\u0300", "\u0302", "\u0308", "\u0327"


def _has_glyph(font, char: str, _known: dict = {}) -> bool:  # noqa: B006 (a cache on purpose)
    """False when the font would draw its "missing glyph" box for `char` (each font's
    missing box and each answer computed once: the card asks for every letter)."""
    key = (id(font), char)
    if key not in _known:
        missing = _known.get((id(font), None))
        if missing is None:
            missing = _known[(id(font), None)] = (font, bytes(font.getmask("\uffff")))
        _known[key] = bytes(font.getmask(char)) != missing[1]
    return _known[key]


def _accent(
    draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], mark: str, size: int, fill
) -> None:
    """Stroke `mark` over (or, for the cedilla, under) the letter whose ink box is `box`."""
    left, top, right, bottom = box
    mid, w = (left + right) / 2, max(2, round(size / 14))
    gap, h = size * 0.06, size * 0.16
    if mark == ACUTE:
        draw.line((mid - h * 0.35, top - gap, mid + h * 0.45, top - gap - h), fill=fill, width=w)
    elif mark == GRAVE:
        draw.line((mid + h * 0.35, top - gap, mid - h * 0.45, top - gap - h), fill=fill, width=w)
    elif mark == CIRCUMFLEX:
        draw.line((mid - h * 0.6, top - gap, mid, top - gap - h * 0.8), fill=fill, width=w)
        draw.line((mid, top - gap - h * 0.8, mid + h * 0.6, top - gap), fill=fill, width=w)
    elif mark == DIAERESIS:
        r = w * 0.8
        for x in (mid - h * 0.4, mid + h * 0.4):
            draw.ellipse((x - r, top - gap - h * 0.5 - r, x + r, top - gap - h * 0.5 + r), fill=fill)
    elif mark == CEDILLA:
        draw.line((mid, bottom, mid + h * 0.3, bottom + h * 0.45), fill=fill, width=w)
        draw.line((mid + h * 0.3, bottom + h * 0.45, mid - h * 0.3, bottom + h * 0.8), fill=fill, width=w)


def _text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font, size: int, fill) -> None:
    """draw.text, with accented letters composed from base letter and stroked accent."""
    x, y = xy
    plain = []
    marks = []  # (index in plain, mark)
    for char in text:
        if _has_glyph(font, char):
            plain.append(char)
            continue
        base, *accents = unicodedata.normalize("NFD", char)
        plain.append(base)
        marks += [(len(plain) - 1, m) for m in accents]
    line = "".join(plain)
    draw.text((x, y), line, font=font, fill=fill)
    for index, mark in marks:
        left = x + draw.textlength(line[:index], font=font)
        _, top, right, bottom = draw.textbbox((left, y), line[index], font=font)
        _accent(draw, (left, top, right, bottom), mark, size, fill)


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
    small = ImageFont.load_default(size=34)
    big = ImageFont.load_default(size=96)
    medium = ImageFont.load_default(size=52)

    _text(draw, (MARGIN, MARGIN), "Assemblée générale des Nations Unies", small, 34, MUTED)
    _text(draw, (MARGIN, MARGIN + 56), symbol, big, 96, TEXT)
    draw.rectangle((MARGIN, MARGIN + 180, MARGIN + 160, MARGIN + 188), fill=RULE)
    y = MARGIN + 216
    for line in _wrap(draw, title, medium, width, 3):
        _text(draw, (MARGIN, y), line, medium, 52, TEXT)
        y += 64
    footer = f"Adoptée le {french_date(adopted)} · texte français annoté"
    _text(draw, (MARGIN, SIZE[1] - MARGIN - 34), footer, small, 34, MUTED)

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
