"""The curated editorial data as the model of the edition holds it: the notes on cited
documents, themes, glossary and series that source/annotations.py reads and validates
from source/annotations.yml, and the one rule every output follows for a cited
document's official address."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from edition.model import CitedDocument
from edition.model.authority import official_url


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the resolution explained (YAML `glossaire`: `terme`, `formes`,
    `definition`, `sources`)."""

    term: str
    forms: tuple[str, ...]  # the term as it appears in the resolution's text
    definition: str  # French, the edition's own words
    sources: tuple[str, ...]  # allowed https links


@dataclass(frozen=True)
class SeriesEntry:
    """A resolution of the series this one belongs to (YAML `serie`: `symbole`, `date`,
    `source`)."""

    symbol: str
    date: str  # ISO
    source: str | None = None  # where the fact was read


@dataclass(frozen=True)
class DocumentNote:
    """A cited document's curated facts (YAML keys `titre`, `organe`, `date`, `lien`, `note`)."""

    title: str
    body: str | None = None
    date: str | None = None
    link: str | None = None
    note: str | None = None
    known: bool = True  # False: the data file says nothing of this document
    line: int = field(default=0, compare=False)  # where the data file names it


@dataclass(frozen=True)
class Annotations:
    documents: dict[str, DocumentNote] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)  # slug -> French label
    paragraphs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # anchor -> slugs
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)  # slug -> entry
    series: tuple[SeriesEntry, ...] = ()  # chronological

    def document(self, doc: CitedDocument) -> DocumentNote:
        return self.documents.get(doc.key) or DocumentNote(title=doc.key, known=False)

    def themes_of(self, anchor: str) -> tuple[str, ...]:
        return self.paragraphs.get(anchor, ())


def official_link(doc: CitedDocument, note: DocumentNote) -> str | None:
    """The document's address: undocs.org for a symbol (spaces dropped as the UN's own links
    do, parentheses percent-encoded), or the full URL the data file gives."""
    target = note.link or doc.symbol
    if not target:
        return None
    if target.startswith("https://"):  # validated by `load`: an allowed host
        return target
    return official_url(quote(target.replace(" ", ""), safe="/.-"))
