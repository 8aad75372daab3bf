"""French spacing in built pages: a no-break space before ; : ! ? » and after «.

The parser gives the resolution's words their no-break spaces with `space` (parse.py); the
edition's own text (page chrome, notices, labels, À propos, the footer) is written with
plain spaces, which let a colon or a closing guillemet start a line. `french_spacing`
fixes every text node of a page and its reader-facing attributes (title, aria-label,
placeholder, alt), leaving scripts, styles, code, comments and every other attribute
(addresses, data-*) untouched. The no-break space is U+00A0, as in the resolution."""

from __future__ import annotations

import re

NBSP = "\u00a0"
# what is not running text: comments, raw-text elements, code, and tags themselves
TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(script|style|pre|code|textarea)\b(?:\"[^\"]*\"|'[^']*'|[^'\">])*>.*?</\1\s*>"
    r"|<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.DOTALL | re.IGNORECASE,
)
BEFORE = re.compile(r"[ \t\r\n]+(?=[;:!?»])")
AFTER = re.compile(r"«[ \t\r\n]+")
ATTRIBUTE = re.compile(r"""(\s(?:title|aria-label|placeholder|alt)=)("[^"]*"|'[^']*')""", re.IGNORECASE)


def space(text: str) -> str:
    """Plain spaces before ; : ! ? » and after « become no-break spaces."""
    return AFTER.sub("«" + NBSP, BEFORE.sub(NBSP, text))


def _tag(tag: str) -> str:
    if tag.startswith("<!") or tag.startswith("</"):
        return tag
    return ATTRIBUTE.sub(lambda m: m[1] + space(m[2]), tag)


def french_spacing(html: str) -> str:
    out: list[str] = []
    last = 0
    for m in TOKEN.finditer(html):
        out.append(space(html[last : m.start()]))
        token = m[0]
        out.append(token if m[1] or token.startswith("<!--") else _tag(token))
        last = m.end()
    out.append(space(html[last:]))
    return "".join(out)


# French abbreviations set with raised letters (the words do not change, only their layout):
#   "no 53", "nos 4 et 5"  ->  n<sup>o</sup> 53, n<sup>os</sup> 4 et 5  (numéro)
#   "1er juin", "1re session" -> 1<sup>er</sup>, 1<sup>re</sup>
# Group 1 is what is raised.
RAISED = re.compile(r"(?<![^\W\d_])[nN](os?)(?=[ \u00a0\u202f]\d)|(?<![\w])1(er|re)(?![\w])")


def superscripts(text: str) -> list[tuple[int, int]]:
    """The spans of `text` (start, end) that French typography raises: the « o » of « no »
    before a number, the « er »/« re » of « 1er »/« 1re »."""
    out = []
    for m in RAISED.finditer(text):
        group = 1 if m[1] else 2
        out.append((m.start(group), m.end(group)))
    return out


def spans(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, raised) pieces, in order; joined they give `text` back."""
    out, pos = [], 0
    for start, end in superscripts(text):
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out
