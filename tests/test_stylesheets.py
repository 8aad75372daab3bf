"""The stylesheet bundle loses its comments and nothing else (site/stylesheets.py)."""

import re

import pytest
from edition.site.stylesheets import UnclosedComment, without_comments

from .support.paths import ROOT

CASES = [
    # (stylesheet, what the browser must get)
    ("/* a */\n.a { color: red; }\n", ".a { color: red; }\n"),
    (".a { color: red; } /* after */\n", ".a { color: red; }\n"),
    ("/* l’homme, l'homme */ .a {}", ".a {}\n"),
    # glued between two tokens: the comment is not whitespace, so it stays
    (".a/**/.b {}", ".a/**/.b {}\n"),
    ("a/* x */b {}", "a/* x */b {}\n"),
    # inside strings and unquoted url(), "/*" opens nothing
    ('.a::before { content: "/* not a comment */"; }', '.a::before { content: "/* not a comment */"; }\n'),
    (".a::before { content: '/*'; } /* c */", ".a::before { content: '/*'; }\n"),
    ('.a { content: "\\"/*"; }', '.a { content: "\\"/*"; }\n'),
    (".a { background: url(data:x/*y*/z); }", ".a { background: url(data:x/*y*/z); }\n"),
    ('.a { background: url( "/*" ); } /* c */', '.a { background: url( "/*" ); }\n'),
    ("/* one */\n\n/* two */\n\n.a {}\n\n\n.b {}\n", ".a {}\n.b {}\n"),
    ("/**/", "\n"),
    ("/* * / */ .a {}", ".a {}\n"),
]


@pytest.mark.parametrize(("css", "expected"), CASES)
def test_comments_go_and_nothing_else(css, expected):
    assert without_comments(css) == expected


@pytest.mark.parametrize("css", ["/* never closed\n.a {}", ".a {}\n\n.b { /* x", '.a { content: "x" } /*'])
def test_an_unclosed_comment_is_refused_with_its_line(css):
    with pytest.raises(UnclosedComment) as caught:
        without_comments(css)
    assert caught.value.line == css[: css.rindex("/*")].count("\n") + 1


def test_the_edition_stylesheets_keep_every_rule():
    """Every declaration of the sources reaches the bundle, in order; no comment does."""
    for name in ("edition.css", "visuals.css", "print.css"):
        source = (ROOT / "docs/assets/stylesheets" / name).read_text(encoding="utf-8")
        served = without_comments(source)
        assert "/*" not in served, name
        bare = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
        assert served.split() == bare.split(), name
