"""The document model of a General Assembly resolution: small dataclasses, each
element carrying the 1-based source line it came from."""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from enum import StrEnum

# Where a document cited in the header (its report) is cited: CitedDocument.cited_by holds
# it beside the paragraphs' anchors.
HEADER = "header"


class Kind(StrEnum):
    """A paragraph's kind, the prefix of its anchor (« pp-3 », « op-7 »). A str: it compares,
    formats and serialises as its value."""

    PREAMBULAR = "pp"
    OPERATIVE = "op"


PREAMBULAR = Kind.PREAMBULAR
OPERATIVE = Kind.OPERATIVE


@dataclass(frozen=True)
class FootnoteCall:
    """A footnote call inside a paragraph: note `number` sits at `offset` in the text."""

    number: int
    offset: int


@dataclass(frozen=True)
class Citation:
    """A document cited in the running text: `text[start:end]` names document `key`."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Subparagraph:
    """A lettered subparagraph of an operative paragraph, `a)`, `b)`…: its label starts at
    `start` in the paragraph's text, and `text` is its wording after the label (clean, as
    in the paragraph's text)."""

    letter: str
    text: str
    line: int
    start: int
    paragraph: str  # anchor of the paragraph holding it, e.g. "op-5"

    @property
    def anchor(self) -> str:
        return f"{self.paragraph}-{self.letter}"

    @property
    def label(self) -> str:
        return f"{self.letter})"


@dataclass(frozen=True)
class Paragraph:
    """A preambular (`kind` PREAMBULAR, "pp") or operative (OPERATIVE, "op") paragraph.

    `text` is the clean wording, without the operative number and without note
    markers; it starts with `opening`, the words set in italics in the official
    text (*Rappelant également*, *Demande instamment*). An operative paragraph ending
    with a colon holds lettered `subparagraphs`, whose labels (« a) ») and wording are part
    of `text`, separated by a space; `lead` is the text before the first of them.
    """

    kind: Kind
    number: int
    opening: str
    text: str
    line: int
    calls: tuple[FootnoteCall, ...] = ()
    citations: tuple[Citation, ...] = ()
    subparagraphs: tuple[Subparagraph, ...] = ()

    @property
    def lead(self) -> str:
        return self.text[: self.subparagraphs[0].start].rstrip() if self.subparagraphs else self.text

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.number}"

    @property
    def preambular(self) -> bool:
        return self.kind == PREAMBULAR

    @property
    def rest(self) -> str:
        return self.text[len(self.opening) :]


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    line: int
    paragraph: str  # anchor of the paragraph holding the call, e.g. "pp-1"
    citations: tuple[Citation, ...] = ()  # symbols named in the note, with their spans

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.key for c in self.citations))


@dataclass(frozen=True)
class CitedDocument:
    """A document the resolution cites, by footnote or in its text."""

    key: str  # the symbol as printed, or a name for documents without one
    symbol: str | None
    cited_by: tuple[str, ...]  # anchors: "header", "pp-2", "op-6", ...
    notes: tuple[int, ...] = ()  # footnotes that cite it


@dataclass(frozen=True)
class Resolution:
    symbol: str
    session: int | str  # 68, or "ES-11" for an emergency special session
    number: int
    adopted: str  # ISO date
    title: str
    committee: str
    report: str
    formula: str
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    documents: tuple[CitedDocument, ...] = field(default=())
    source_lines: dict[str, int] = field(default_factory=dict)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preamble + self.operative

    @property
    def emergency(self) -> bool:
        """Adopted at an emergency special session (« ES-11/1 »)."""
        return isinstance(self.session, str)

    @property
    def session_number(self) -> int:
        return int(str(self.session).removeprefix("ES-"))

    @property
    def short(self) -> str:
        return f"{self.session}/{self.number}"

    @functools.cached_property
    def paragraphs_by_anchor(self) -> dict[str, Paragraph]:
        # one dict, not a scan per call: the scan made rendering quadratic in the paragraphs
        return {p.anchor: p for p in self.paragraphs}

    def paragraph(self, anchor: str) -> Paragraph:
        try:
            return self.paragraphs_by_anchor[anchor]
        except KeyError:
            raise KeyError(anchor) from None

    def footnote(self, number: int) -> Footnote:
        return next(n for n in self.footnotes if n.number == number)

    def to_dict(self) -> dict:
        return asdict(self)
