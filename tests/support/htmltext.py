"""Reading built pages the way the tests need: the resolution's words, links, anchors."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import lxml.html

WORD = re.compile(r"[^\W_]+")
# Page debris, read naively: a print job number, a barcode, a page number, a running head.
DEBRIS = re.compile(r"\d\d-\d{5}(?: \(F\))?|\*\d+\*|\d/\d|A/RES/\d+/\d+(?: .*)?")


def words(text: str) -> list[str]:
    """Words only: punctuation, apostrophes and spacing never count."""
    return WORD.findall(text)


def load(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def article(path: Path):
    return load(path).xpath("//article[contains(@class,'md-content__inner')]")[0]


def has_class(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def resolution_words(page: Path) -> tuple[list[str], list[str]]:
    """(words of the text body, words of the footnotes) on a page, leaving out every
    element the edition marks as its own (class "ed"), permalinks and footnote back-links."""
    root = article(page)
    for el in root.xpath(
        f".//*[{has_class('ed')} or {has_class('headerlink')} or {has_class('footnote-backref')}]"
    ):
        el.drop_tree()
    notes: list[str] = []
    for div in root.xpath(f".//div[{has_class('footnote')}]"):
        for li in div.xpath(".//li"):
            notes += [li.get("value", "?")] + words(li.text_content())
        div.drop_tree()
    return words(root.text_content()), notes


def source_words(path: Path) -> tuple[list[str], list[str], list[str]]:
    """(header words, body words, footnote words) of the source file, read naively."""
    return source_text_words(path.read_text(encoding="utf-8"))


def source_text_words(text: str) -> tuple[list[str], list[str], list[str]]:
    """(header words, body words, footnote words) of a source text, read naively, without
    the parser: footnote blocks run from a "_____" line to the next indented line; the
    undocs.org link line and the page debris are dropped; the body starts at the formula « L’Assemblée générale, »."""
    header, body, notes = [], [], []
    in_notes = False
    formula_seen = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"https?://undocs\.org/\S*", stripped) or DEBRIS.fullmatch(stripped):
            continue
        if re.fullmatch(r"_{5,}", stripped):
            in_notes = True
            continue
        if in_notes and line[:1].isspace() and stripped:
            in_notes = False
        if stripped == "L’Assemblée générale,":
            formula_seen = True
        (notes if in_notes else body if formula_seen else header).append(line)
    # "Haut-\nCommissaire": joining lines with a newline keeps words apart as in the page
    return words("\n".join(header)), words("\n".join(body)), words("\n".join(notes))


def links(page: Path) -> list[tuple[str, str]]:
    """(href, text) of every link in a page's article."""
    return [(a.get("href"), a.text_content()) for a in article(page).xpath(".//a[@href]")]


def ids(page: Path) -> frozenset[str]:
    """Every id in a page (read once per version of the file: many tests ask again)."""
    stat = page.stat()
    return _ids(page, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _ids(page: Path, mtime_ns: int, size: int) -> frozenset[str]:
    return frozenset(load(page).xpath("//@id"))
