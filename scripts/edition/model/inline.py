"""One inline model: a paragraph's (or a note's) wording with its italic opening, cited
documents, note calls and raised letters merged into one flat token stream, in the spirit
of markdown-it-py's inline tokens. Every output (HTML pages, Akoma Ntoso, plain text) is a
small renderer over the same stream, so they cannot disagree.

Guarantees of `tokens()`:

1. The concatenated `text` tokens are exactly the wording given, in order.
2. Spans (`em`, `cite`, `sup`, `term`) are balanced: every `nesting=1` token has its
   `nesting=-1` twin, and spans nest properly; two spans that cross, an empty span or a
   span outside the text raise ParseError naming the source line.
3. Points (`note`, nesting 0) sit at their offset, after the spans that close there and
   before those that open there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from edition.model import Footnote, Paragraph
from edition.model.errors import ParseError

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Token:
    """`type`: "text", "em", "cite", "sup", "term", "subpara" (spans) or "note" (a point).
    `nesting`: 1 opens a span, -1 closes it, 0 for text and points.
    `value`: the text of a "text" token, the document key of "cite", the glossary entry of
    "term", the note number (as text) of "note", the anchor of "subpara" (op-4-a).
    `line`: the source line (1-based)."""

    type: str
    nesting: int
    value: str = ""
    line: int = 0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str = ""


@dataclass(frozen=True)
class Point:
    offset: int
    type: str
    value: str = ""


def tokens(text: str, spans: Iterable[Span], points: Iterable[Point] = (), *, line: int = 0) -> list[Token]:
    spans, points = list(spans), list(points)
    for s in spans:
        if not 0 <= s.start < s.end <= len(text):
            raise ParseError(
                f"élément « {s.type} » hors du texte ou vide ({s.start}–{s.end})",
                line=line,
                expected="des éléments en ligne à l’intérieur du texte du paragraphe",
            )
    for pt in points:
        if not 0 <= pt.offset <= len(text):
            raise ParseError(f"appel « {pt.type} » hors du texte ({pt.offset})", line=line)
    # at one offset: closes (inner first), then points, then opens (outer first)
    events: list[tuple] = []
    for i, s in enumerate(spans):
        events.append((s.start, 2, -s.end, i, s))
        events.append((s.end, 0, -s.start, i, s))
    for i, pt in enumerate(points):
        events.append((pt.offset, 1, 0, i, pt))
    events.sort(key=lambda e: e[:4])
    out: list[Token] = []
    stack: list[Span] = []
    pos = 0
    for offset, order, _, _, item in events:
        if offset > pos:
            out.append(Token("text", 0, text[pos:offset], line))
            pos = offset
        if order == 2:
            stack.append(item)
            out.append(Token(item.type, 1, item.value, line))
        elif order == 0:
            if not stack or stack[-1] is not item:
                raise ParseError(
                    f"éléments en ligne qui se chevauchent : « {text[item.start : item.end]} » "
                    f"({item.type}) croise un autre élément",
                    line=line,
                    expected="des éléments imbriqués (italique, document cité, lettres surélevées)",
                )
            stack.pop()
            out.append(Token(item.type, -1, item.value, line))
        else:
            out.append(Token(item.type, 0, item.value, line))
    if pos < len(text):
        out.append(Token("text", 0, text[pos:], line))
    return out


# -- the spans of the model ---------------------------------------------------------------


@dataclass(frozen=True)
class Extras:
    """Spans the edition adds beside the parser's: raised letters (typography) and
    glossary terms, as functions of a text."""

    superscripts: Callable[[str], list[tuple[int, int]]] = lambda text: []
    terms: Callable[[str], list[tuple[int, int, str]]] = lambda text: []


def _extras(text: str, taken: list[Span], extras: Extras) -> list[Span]:
    out = [Span(a, b, "sup") for a, b in extras.superscripts(text)]
    for a, b, entry in extras.terms(text):
        span = Span(a, b, "term", entry)

        # a term never crosses another span, nor sits inside a cited document's link (a
        # link in a link): there it is simply not marked
        def fits(s: Span, a: int = a, b: int = b) -> bool:
            if b <= s.start or a >= s.end:
                return True
            return s.type != "cite" and s.start <= a and b <= s.end

        if all(fits(s) for s in taken + out):
            out.append(span)
    return out


def paragraph_tokens(p: Paragraph, extras: Extras = Extras()) -> list[Token]:
    spans = [Span(0, len(p.opening), "em")] if p.opening else []
    # lettered subparagraphs: each runs from its label to the next one (or the end)
    if p.subparagraphs:
        ends = [s.start for s in p.subparagraphs[1:]] + [len(p.text)]
        spans += [
            Span(s.start, end, "subpara", s.anchor) for s, end in zip(p.subparagraphs, ends, strict=True)
        ]
    spans += [Span(c.start, c.end, "cite", c.key) for c in p.citations]
    spans += _extras(p.text, spans, extras)
    points = [Point(c.offset, "note", str(c.number)) for c in p.calls]
    return tokens(p.text, spans, points, line=p.line)


def note_tokens(n: Footnote, extras: Extras = Extras()) -> list[Token]:
    spans = [Span(c.start, c.end, "cite", c.key) for c in n.citations]
    spans += _extras(n.text, spans, Extras(superscripts=extras.superscripts))
    return tokens(n.text, spans, line=n.line)


# -- renderers ----------------------------------------------------------------------------


def superscript(number: int) -> str:
    return str(number).translate(SUPERSCRIPT_DIGITS)


# Every token type of the stream; each output has a rule for each (rules()).
TOKEN_TYPES = ("text", "em", "cite", "sup", "term", "subpara", "note")


def render(stream: list[Token], rules: dict[str, Callable[[Token], object]], output: str) -> list:
    """Each token through its type's rule: one list of results. A token with no rule in
    `rules` (a new type an output forgot) raises the same error in every output, with the
    token's source line."""
    out = []
    for t in stream:
        rule = rules.get(t.type)
        if rule is None:
            raise ParseError(
                f"élément « {t.type} » du texte sans règle pour {output}",
                line=t.line or None,
                expected=f"un élément connu de {output} : {', '.join(sorted(rules))}",
            )
        out.append(rule(t))
    return out


def checked(rules: dict[str, Callable[[Token], object]], output: str) -> dict[str, Callable[[Token], object]]:
    """`rules`, once checked to cover TOKEN_TYPES exactly (a renderer's table, at import)."""
    if set(rules) != set(TOKEN_TYPES):
        raise AssertionError(f"règles de {output} : {sorted(set(rules) ^ set(TOKEN_TYPES))}")
    return rules


def _nothing(t: Token) -> str:
    return ""


def to_text(stream: list[Token], note: Callable[[int], str] = superscript) -> str:
    """Plain text: the wording, note calls as superscript digits (or `note(number)`), each
    subparagraph on a line of its own."""
    rules = {
        "text": lambda t: t.value,
        "note": lambda t: note(int(t.value)),
        "subpara": lambda t: "\n" if t.nesting == 1 else "",
        "em": _nothing,
        "cite": _nothing,
        "sup": _nothing,
        "term": _nothing,
    }
    text = "".join(render(stream, checked(rules, "le texte brut"), "le texte brut"))
    return SPACES_BEFORE_BREAK.sub("\n", text)


# the spaces a subparagraph's line break leaves at the end of the line before it
SPACES_BEFORE_BREAK = re.compile(r" +\n")


@dataclass
class HtmlRules:
    """How each token type becomes HTML; the functions give addresses and titles."""

    document_href: Callable[[str], str]
    document_title: Callable[[str], str]
    note_href: Callable[[int], str]
    note_id: Callable[[int], str | None]  # the call's own id (None: no id on this page)
    term_href: Callable[[str], str] = lambda entry: ""
    term_title: Callable[[str], str] = lambda entry: ""

    def __post_init__(self) -> None:
        self.table = self.rules()

    def rules(self) -> dict[str, Callable[[Token], Markup]]:
        def span(opening: Callable[[Token], Markup], closing: str) -> Callable[[Token], Markup]:
            return lambda t: opening(t) if t.nesting == 1 else Markup(closing)

        return checked(
            {
                "text": lambda t: escape(t.value),
                "em": span(lambda t: Markup('<em class="res-opening">'), "</em>"),
                "sup": span(lambda t: Markup("<sup>"), "</sup>"),
                "subpara": span(
                    lambda t: Markup('<span class="res-subpara" id="{}">').format(t.value), "</span>"
                ),
                "cite": span(
                    lambda t: Markup('<a class="res-cite" href="{}" title="{}">').format(
                        self.document_href(t.value), self.document_title(t.value)
                    ),
                    "</a>",
                ),
                "term": span(
                    lambda t: Markup('<a class="ed-term" href="{}" data-term="{}" title="{}">').format(
                        self.term_href(t.value), t.value, self.term_title(t.value)
                    ),
                    "</a>",
                ),
                "note": self._note,
            },
            "le HTML",
        )

    def _note(self, t: Token) -> Markup:
        n = int(t.value)
        ident = self.note_id(n)
        id_attr = Markup(' id="{}"').format(ident) if ident else Markup("")
        return Markup('<sup{}><a class="footnote-ref" href="{}" aria-label="Note {}">{}</a></sup>').format(
            id_attr, self.note_href(n), n, n
        )

    def render(self, stream: list[Token]) -> Markup:
        return Markup("").join(render(stream, self.table, "le HTML"))


def split_subparagraphs(stream: list[Token]) -> tuple[list[Token], list[tuple[str, list[Token]]]]:
    """(the lead's tokens, [(subparagraph anchor, its tokens without the span)]): for
    outputs that give subparagraphs a structure of their own (AKN lists)."""
    lead: list[Token] = []
    subs: list[tuple[str, list[Token]]] = []
    current = lead
    for t in stream:
        if t.type == "subpara":
            if t.nesting == 1:
                subs.append((t.value, []))
                current = subs[-1][1]
            else:
                current = lead if not subs else subs[-1][1]
            continue
        current.append(t)
    return lead, subs
