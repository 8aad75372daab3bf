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
BEFORE = re.compile(r"[ \t\r\n]+(?=[;:!?»])")
AFTER = re.compile(r"«[ \t\r\n]+")
ATTRIBUTE = re.compile(r"""(\s(?:title|aria-label|placeholder|alt)=)("[^"]*"|'[^']*')""", re.IGNORECASE)
_NAMED = r"\s(?!(?i:title|aria-label|placeholder|alt)=)"  # a space opening none of those
# One pass over the page. Most of it is "plain": runs of text holding no spacing to fix,
# comments, raw-text elements (script, style, pre, code, textarea) and tags naming none of
# the four attributes (not even inside a quoted value, as ATTRIBUTE would see it); a plain
# run is one match, given back as it is. Only the rest calls back into Python: a tag that
# names a reader-facing attribute, « followed by spaces, spaces before ; : ! ? ».
# (Possessive quantifiers: nothing here needs to backtrack.)
PAGE = re.compile(
    r"(?P<plain>(?:"
    r"[^<« \t\r\n]++"
    r"|[ \t\r\n]++(?![;:!?»])"
    r"|«(?![ \t\r\n])"
    r"|<!--(?s:.*?)-->"
    r"|(?i:<(script|style|pre|code|textarea)\b(?:\"[^\"]*+\"|'[^']*+'|[^'\">]++)*+>(?s:.*?)</\2\s*>)"
    rf"""|<(?:[^'">\s]++|{_NAMED}|"(?:[^"\s]++|{_NAMED})*+"|'(?:[^'\s]++|{_NAMED})*+')*+>"""
    r")+)"
    r"""|(?P<tag><(?:"[^"]*+"|'[^']*+'|[^'">]++)*+>)"""
    r"|(?P<after>«[ \t\r\n]++)"
    r"|(?P<before>[ \t\r\n]++(?=[;:!?»]))"
)


def space(text: str) -> str:
    """Plain spaces before ; : ! ? » and after « become no-break spaces."""
    return AFTER.sub("«" + NBSP, BEFORE.sub(NBSP, text))


def _tag(tag: str) -> str:
    if tag.startswith("<!") or tag.startswith("</"):
        return tag
    return ATTRIBUTE.sub(lambda m: m[1] + space(m[2]), tag)


def _fix(m: re.Match) -> str:
    if m["plain"] is not None:
        return m[0]
    if m["tag"] is not None:
        return _tag(m[0])
    return "«" + NBSP if m["after"] is not None else NBSP


def french_spacing(html: str) -> str:
    """The page with French spacing in its text and reader-facing attributes; scripts,
    styles, code, comments and other attributes untouched."""
    return PAGE.sub(_fix, html)


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
