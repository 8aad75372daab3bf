"""Material's stylesheet without the rules no page of the edition can match.

Material ships one stylesheet for every feature it has (admonitions, tabs, code blocks,
banners, consent, blog authors…); the edition uses a few of them, and the reader's first
view paid for all of them (a quarter of Material's gzipped CSS). After the build, a
selector goes when it requires a class that nothing of the built site can give an
element: no page's `class` attribute holds it and no script (Material's bundle, ours,
the templates' inline ones) names it, whole or by a prefix or suffix it builds the name
from (`md-tag--${…}`, `"md-x__" + …`). A rule goes when all its selectors go, an at-rule
block when all its rules go.

Conservative by construction: only classes outside parentheses count (`:not(.x)`
matches more when `.x` is never used; `:is(.a, .b)` is left alone), attribute, element,
id and pseudo-class selectors are never judged, and anything that is not a selector list
(`@keyframes`, `@font-face`, declarations, custom properties) is kept. What is kept is
copied byte for byte from Material's file: the output is the input with whole rules or
whole selectors cut out, never reserialised. tinycss2 (the parser WeasyPrint uses) reads
the stylesheet; a parse error, or a stylesheet whose rules do not tile the text, stops
the build rather than ship a stylesheet we did not understand.

tests/browser/test_unused_css.py proves it on the pages: every element's computed style,
on one page of each kind (light at desktop width, dark at phone width), in print and with
the interface's states open (search with results, the drawer, a paragraph's menu, a note's
popover, keyboard focus, a note's tooltip), is the same with Material's whole stylesheet
and with this one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

# a class attribute's value (double or single quotes, as HTML and inline SVG write them)
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
# the pieces a script builds class names from: "md-x--"+v, `md-x--${v}`, v+"__inner", `${v}__inner`
_PREFIX = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*[-_])(?:["'`]\s*\+|\$\{)""")
_SUFFIX = re.compile(r"""(?:\+\s*["'`]|\})([-_][\w-]*[\w])(?![\w-])""")
_WORD = re.compile(r"[\w-]+")


class StylesheetError(ValueError):
    """Material's stylesheet is not what this module can prune safely."""

    def __init__(self, line: int, column: int, what: str, file: str = ""):
        super().__init__(f"{file + ', ' if file else ''}ligne {line}, colonne {column} : {what}")
        self.line = line
        self.column = column
        self.what = what


@dataclass
class Usage:
    """The class names the built site can give an element."""

    words: set[str] = field(default_factory=set)  # whole names, as they appear
    prefixes: set[str] = field(default_factory=set)
    suffixes: set[str] = field(default_factory=set)

    def add_html(self, page: str) -> None:
        for double, single in _CLASS_ATTR.findall(page):
            self.words.update((double or single).split())
        for script in _SCRIPT.finditer(page):
            if "json" not in script["attrs"].lower():
                self.add_script(script["body"])

    def add_script(self, text: str) -> None:
        self.words.update(_WORD.findall(text))
        self.prefixes.update(_PREFIX.findall(text))
        self.suffixes.update(_SUFFIX.findall(text))

    def can_have(self, name: str) -> bool:
        return (
            name in self.words
            or any(name.startswith(p) for p in self.prefixes)
            or any(name.endswith(s) for s in self.suffixes)
        )


def usage(html_pages: Iterable[str], scripts: Iterable[str]) -> Usage:
    found = Usage()
    for page in html_pages:
        found.add_html(page)
    for script in scripts:
        found.add_script(script)
    return found


@dataclass
class Pruned:
    css: str
    rules_dropped: int
    selectors_dropped: int


def prune(css: str, used: Usage) -> Pruned:
    """`css` without the rules and selectors that need a class `used` cannot give."""
    pruner = _Pruner(css, used)
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    out = pruner.block(nodes, 0, len(css))
    _check(out)
    return Pruned(out, pruner.rules_dropped, pruner.selectors_dropped)


class _Pruner:
    def __init__(self, css: str, used: Usage):
        self.css = css
        self.used = used
        self.rules_dropped = 0
        self.selectors_dropped = 0
        starts = [0]
        starts += [m.end() for m in re.finditer(r"\r\n|\r|\n|\f", css)]
        self.line_starts = starts

    def offset(self, node) -> int:
        # tinycss2 counts lines from 1 and columns from 1, in characters
        return self.line_starts[node.source_line - 1] + node.source_column - 1

    def fail(self, node, what: str):
        raise StylesheetError(node.source_line, node.source_column, what)

    def block(self, nodes: list, start: int, end: int) -> str:
        """The text from `start` to `end`, which `nodes` tile, with the unmatchable rules
        cut out."""
        out: list[str] = []
        spans = [self.offset(n) for n in nodes] + [end]
        if nodes and spans[0] != start:
            self.fail(nodes[0], "les règles ne commencent pas où le bloc commence")
        for node, begin, stop in zip(nodes, spans, spans[1:], strict=False):
            if stop < begin:
                self.fail(node, "règles dans le désordre")
            text = self.css[begin:stop]
            if node.type == "error":
                self.fail(node, f"feuille de style illisible ({node.message})")
            if node.type == "qualified-rule":
                text = self.rule(node, begin, stop)
            elif node.type == "at-rule" and node.content is not None and _holds_rules(node):
                text = self.at_rule(node, begin, stop)
            out.append(text)
        return "".join(out)

    def braces(self, node, begin: int, stop: int) -> tuple[int, int]:
        """Where the rule's `{` and `}` are."""
        close = stop - 1
        if self.css[close] != "}":
            self.fail(node, "bloc sans accolade fermante")
        opening = self.offset(node.content[0]) - 1 if node.content else close - 1
        if not begin <= opening < close or self.css[opening] != "{":
            self.fail(node, "bloc sans accolade ouvrante")
        return opening, close

    def rule(self, node, begin: int, stop: int) -> str:
        for token in node.prelude:  # a stray brace or semicolon: the rule is not what it seems
            if token.type == "error" or (token.type == "literal" and token.value in "{};"):
                self.fail(token, "caractère inattendu avant une règle")
        opening, _ = self.braces(node, begin, stop)
        selectors = _split_commas(node.prelude)
        cuts = [self.offset(comma) for comma in _top_commas(node.prelude)]
        bounds = [begin, *[c + 1 for c in cuts]]
        ends = [*cuts, opening]
        kept = []
        for tokens, first, last in zip(selectors, bounds, ends, strict=True):
            if all(self.used.can_have(name) for name in _required_classes(tokens)):
                kept.append(self.css[first:last])
        if not kept:
            self.rules_dropped += 1
            return ""
        self.selectors_dropped += len(selectors) - len(kept)
        if len(kept) == len(selectors):
            return self.css[begin:stop]
        return ",".join(k.strip() for k in kept) + self.css[opening:stop]

    def at_rule(self, node, begin: int, stop: int) -> str:
        opening, close = self.braces(node, begin, stop)
        inner = tinycss2.parse_rule_list(node.content, skip_comments=False, skip_whitespace=False)
        kept = self.block(inner, opening + 1, close)
        if not kept.strip():
            self.rules_dropped += 1
            return ""
        return self.css[begin : opening + 1] + kept + self.css[close:stop]


def _holds_rules(node) -> bool:
    """An at-rule whose block is a list of style rules (not @keyframes or @font-face)."""
    return node.lower_at_keyword in {"media", "supports", "container", "layer", "scope", "document"}


def _is_comma(token) -> bool:
    return token.type == "literal" and token.value == ","


def _top_commas(tokens: list) -> list:
    return [t for t in tokens if _is_comma(t)]


def _split_commas(tokens: list) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if _is_comma(token):
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _required_classes(tokens: list) -> list[str]:
    """The classes an element must have for the selector to match it: `.name` outside
    any parentheses (function arguments and blocks are not looked into)."""
    names = []
    for before, token in zip(tokens, tokens[1:], strict=False):
        if before.type == "literal" and before.value == "." and token.type == "ident":
            names.append(token.value)
    return names


def _check(css: str) -> None:
    """What is shipped reads back without an error."""
    for node in tinycss2.parse_stylesheet(css):
        if node.type == "error":
            raise StylesheetError(
                node.source_line, node.source_column, f"résultat illisible ({node.message})"
            )


# Material's stylesheet in the built site (its name carries Material's own hash)
MATERIAL_STYLESHEET = "assets/stylesheets/main.*.min.css"
# the files that may name it
_NAMING = (".html", ".js", ".json", ".webmanifest")


def site_texts(site: Path) -> dict[Path, str]:
    """The built site's HTML and JS files by path, read once for every rewrite of Material's
    stylesheets (what may use a class, what names a stylesheet)."""
    return {p: p.read_text(encoding="utf-8") for p in sorted(site.rglob("*")) if p.suffix in (".html", ".js")}


def prune_site(
    site: Path,
    cache: Callable[[str, list[bytes], Callable[[], str]], str],
    texts: dict[Path, str] | None = None,
) -> Pruned | None:
    """Material's stylesheet of the built `site`, rewritten without what no page or script
    of the site can match, under a name of its own content's hash (the pages follow): the
    host serves `main.*` as immutable for a year, and a reader's copy of an earlier
    edition's pruning must not pass for this one. Material's source map, which describes
    the whole file, goes. `cache(module, inputs, make)` keeps the result between builds
    (buildcache.text). None when the result came from the cache. `texts`: site_texts(site),
    when the caller has read them (kept up to date)."""
    sheets = sorted(site.glob(MATERIAL_STYLESHEET))
    if len(sheets) != 1:
        raise FileNotFoundError(f"{MATERIAL_STYLESHEET} : {len(sheets)} fichiers dans le site, 1 attendu")
    sheet = sheets[0]
    css = sheet.read_text(encoding="utf-8")
    texts = site_texts(site) if texts is None else texts
    inputs = [tinycss2.__version__.encode(), css.encode("utf-8")]
    inputs += [
        p.relative_to(site).as_posix().encode() + b"\0" + text.encode("utf-8") for p, text in texts.items()
    ]
    result: list[Pruned] = []

    def make() -> str:
        used = usage(
            (text for p, text in texts.items() if p.suffix == ".html"),
            (text for p, text in texts.items() if p.suffix == ".js"),
        )
        try:
            result.append(prune(css, used))
        except StylesheetError as err:
            raise StylesheetError(err.line, err.column, err.what, str(sheet.relative_to(site))) from None
        return result[0].css

    pruned = cache(__file__, inputs, make)
    publish(site, sheet, pruned, texts)
    return result[0] if result else None


def publish(site: Path, sheet: Path, css: str, texts: dict[Path, str]) -> str:
    """`css` in place of Material's file `sheet` (`main.<hash>.min.css`,
    `palette.<hash>.min.css`, or its script `bundle.<hash>.min.js`), under a name of its
    own content's hash, every page naming it following; Material's map of the old file
    goes. `texts`: site_texts(site), kept up to date. Stops the build when any file of the
    site still names the old file. Returns the new name."""
    stem, ext = sheet.name.split(".", 1)[0], sheet.name.rsplit(".", 1)[1]
    name = f"{stem}.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.min.{ext}"
    (sheet.parent / name).write_text(css, encoding="utf-8")
    if name == sheet.name:
        return name
    sheet.unlink()
    sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
    for page, text in texts.items():
        if page.suffix == ".html" and sheet.name in text:
            texts[page] = text.replace(f'/{sheet.name}"', f'/{name}"')
            page.write_text(texts[page], encoding="utf-8")
    others = (p for p in site.rglob("*") if p.suffix in _NAMING and p not in texts)
    left = [p for p, text in texts.items() if sheet.name in text]
    left += [p for p in others if sheet.name in p.read_text(encoding="utf-8", errors="replace")]
    if left:
        names = ", ".join(sorted(p.relative_to(site).as_posix() for p in left))
        raise FileNotFoundError(f"{sheet.name} encore nommé par {names}")
    return name
