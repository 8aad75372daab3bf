"""The curated editorial data (notes on cited documents, themes) and how it meets the model."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

from .errors import ParseError
from .model import CitedDocument, Resolution

UNDOCS = "https://undocs.org/fr/"
# YAML key -> field of DocumentNote
DOCUMENT_FIELDS = {"titre": "title", "organe": "body", "date": "date", "lien": "link", "note": "note"}


@dataclass(frozen=True)
class DocumentNote:
    """A cited document's curated facts (YAML keys `titre`, `organe`, `date`, `lien`, `note`)."""

    title: str
    body: str | None = None
    date: str | None = None
    link: str | None = None
    note: str | None = None
    known: bool = True  # False: the data file says nothing of this document


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the glossary (YAML `glossaire`: `terme`, `formes`, `definition`, `sources`)."""

    slug: str
    term: str
    forms: tuple[str, ...]  # exact forms in the resolution's text
    definition: str
    sources: tuple[str, ...]  # official addresses


@dataclass(frozen=True)
class SeriesEntry:
    """A resolution of the same title (YAML `serie`: `symbole`, `date`, `source`)."""

    symbol: str
    date: str  # ISO date
    source: str  # where the fact was read


@dataclass(frozen=True)
class Annotations:
    documents: dict[str, DocumentNote] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)  # slug -> French label
    paragraphs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # anchor -> slugs
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)  # slug -> entry
    series: tuple[SeriesEntry, ...] = ()

    def document(self, doc: CitedDocument) -> DocumentNote:
        return self.documents.get(doc.key) or DocumentNote(title=doc.key, known=False)

    def themes_of(self, anchor: str) -> tuple[str, ...]:
        return self.paragraphs.get(anchor, ())


def slug(text: str) -> str:
    """An anchor for a document key: "A/CONF.157/24 (Part I)" -> "a-conf-157-24-part-i"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def official_link(doc: CitedDocument, note: DocumentNote) -> str | None:
    """The document's address: undocs.org for a symbol (spaces dropped as the UN's own links
    do, parentheses percent-encoded), or the full URL the data file gives."""
    target = note.link or doc.symbol
    if not target:
        return None
    if target.startswith("https://"):
        return target
    return UNDOCS + quote(target.replace(" ", ""), safe="/.-")


def load(path: str | Path | None) -> Annotations:
    if path is None:
        return Annotations()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except OSError as err:
        raise ParseError(f"impossible de lire les annotations ({err.strerror})", path=str(path)) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ParseError(
            f"YAML invalide : {getattr(err, 'problem', err)}",
            path=str(path),
            line=mark.line + 1 if mark else None,
            expected="un fichier YAML valide",
        ) from None
    lines = text.splitlines()

    def fail(key: str, message: str, expected: str) -> ParseError:
        number = next((i + 1 for i, ln in enumerate(lines) if ln.strip().startswith(f"{key}:")), None)
        return ParseError(
            message,
            path=str(path),
            line=number,
            text=lines[number - 1] if number else None,
            expected=expected,
        )

    documents = {}
    for key, entry in (data.get("documents") or {}).items():
        if not isinstance(entry, dict) or "titre" not in entry:
            raise fail(key, f"entrée de document « {key} » sans titre", "un champ « titre: »")
        unknown = set(entry) - set(DOCUMENT_FIELDS)
        if unknown:
            raise fail(
                key, f"champ inconnu {sorted(unknown)} pour « {key} »", f"seulement {sorted(DOCUMENT_FIELDS)}"
            )
        documents[key] = DocumentNote(**{DOCUMENT_FIELDS[k]: str(v) for k, v in entry.items()})
    themes = {str(k): str(v) for k, v in (data.get("themes") or {}).items()}
    paragraphs = {}
    for anchor, slugs in (data.get("paragraphs") or {}).items():
        for s in slugs:
            if s not in themes:
                raise fail(
                    anchor,
                    f"thème inconnu « {s} » pour {anchor}",
                    f"un des thèmes déclarés : {', '.join(themes)}",
                )
        paragraphs[anchor] = tuple(slugs)
    return Annotations(documents, themes, paragraphs, _glossary(data, fail), _series(data, fail))


# Minimal reading of `glossaire` and `serie` (a fuller validating loader is on its way).
GLOSSARY_FIELDS = {"terme", "formes", "definition", "sources"}
SERIES_FIELDS = {"symbole", "date", "source"}


def _glossary(data: dict, fail) -> dict[str, GlossaryEntry]:
    out = {}
    for key, entry in (data.get("glossaire") or {}).items():
        if not isinstance(entry, dict) or set(entry) != GLOSSARY_FIELDS:
            raise fail(
                key, f"entrée de glossaire « {key} » incomplète", f"les champs {sorted(GLOSSARY_FIELDS)}"
            )
        if slug(str(key)) != key:
            raise fail(key, f"clé de glossaire « {key} » invalide", f"une ancre comme « {slug(str(key))} »")
        if not all(str(u).startswith("https://") for u in entry["sources"]):
            raise fail(key, f"source non https pour « {key} »", "des adresses https://")
        out[key] = GlossaryEntry(
            key,
            str(entry["terme"]),
            tuple(str(f) for f in entry["formes"]),
            str(entry["definition"]),
            tuple(str(u) for u in entry["sources"]),
        )
    return out


def _series(data: dict, fail) -> tuple[SeriesEntry, ...]:
    out = []
    for entry in data.get("serie") or ():
        if not isinstance(entry, dict) or set(entry) != SERIES_FIELDS:
            raise fail("serie", "entrée de série incomplète", f"les champs {sorted(SERIES_FIELDS)}")
        date = entry["date"]
        iso = date.isoformat() if hasattr(date, "isoformat") else str(date)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            raise fail("serie", f"date invalide « {iso} » dans la série", "une date AAAA-MM-JJ")
        out.append(SeriesEntry(str(entry["symbole"]), iso, str(entry["source"])))
    return tuple(out)


def check_against(resolution: Resolution, notes: Annotations) -> list[str]:
    """Warnings for the build: documents the data file does not know, and data for paragraphs
    the text does not have. Never fatal: every cited document still gets its entry."""
    warnings = []
    for doc in resolution.documents:
        if doc.key not in notes.documents:
            warnings.append(
                f"document cité inconnu des annotations : {doc.key} "
                f"(cité par {', '.join(doc.cited_by)}) ; entrée minimale générée"
            )
    anchors = {p.anchor for p in resolution.paragraphs}
    for anchor in notes.paragraphs:
        if anchor not in anchors:
            warnings.append(f"annotations : thèmes donnés pour {anchor}, absent du texte")
    return warnings


def warn(messages: list[str]) -> None:
    for message in messages:
        print(f"AVERTISSEMENT : {message}", file=sys.stderr)
