"""The edition's stylesheets without their comments, as the site serves them (one bundle).

Comments are a third of the stylesheets' gzipped bytes and say nothing to a browser. CSS
drops a comment when it tokenizes, but a comment is not whitespace: `.a/**/.b` is one
compound selector, `.a .b` a descendant one, and `a/**/b` two identifiers. So a comment
goes only where whitespace (or the start or end of the file) stands on one side of it,
which cannot change the tokens; a comment glued between two tokens is kept as written.
Strings and unquoted `url(…)` are copied untouched: `"/*"` inside them opens nothing."""

from __future__ import annotations

import re

# what is copied as one piece: a string (escapes included), an unquoted url(...), a comment
_PIECE = re.compile(
    r"""
      (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<url>url\((?![\s]*["'])[^)]*\))
    | (?P<comment>/\*.*?\*/)
    | (?P<open>/\*)
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


class UnclosedComment(ValueError):
    """A `/*` without its `*/`: the rest of the file would be one comment."""

    def __init__(self, line: int):
        super().__init__("commentaire /* sans */ de fin : la suite du fichier serait ignorée")
        self.line = line


def without_comments(css: str) -> str:
    out: list[str] = []
    last = 0
    for match in _PIECE.finditer(css):
        out.append(css[last : match.start()])
        last = match.end()
        kind = match.lastgroup
        if kind == "open":
            raise UnclosedComment(css.count("\n", 0, match.start()) + 1)
        if kind != "comment":
            out.append(match.group())
            continue
        before = css[match.start() - 1] if match.start() else " "
        after = css[match.end()] if match.end() < len(css) else " "
        if not (before.isspace() or after.isspace()):
            out.append(match.group())  # glued between two tokens: kept
    text = "".join(out) + css[last:]
    # the lines the comments held, gone (one line end kept where there were several)
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", text).strip() + "\n"
