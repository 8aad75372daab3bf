"""Where the text's authority lies and what this edition is: the official document at
undocs.org in French and the other official languages, the edition's licence and version,
and absolute addresses when the site's public address is known.

The undocs.org pattern `https://undocs.org/{lang}/{symbol}` and the French names of the
languages are confirmed in shared/reference/contexte.md."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the project folder (pyproject.toml, source/, docs/)
UNDOCS = "https://undocs.org"
# The six official languages, in the UN's order, with their French names.
LANGUAGES = (
    ("ar", "arabe"),
    ("zh", "chinois"),
    ("en", "anglais"),
    ("fr", "français"),
    ("ru", "russe"),
    ("es", "espagnol"),
)
EDITION_LANGUAGE = "fr"
LICENSE = "MIT"
LICENSE_NOTE = (
    "Annotations, données et code de l’édition : licence MIT. Le texte de la résolution est un "
    "document officiel de l’Organisation des Nations Unies."
)


@dataclass(frozen=True)
class Version:
    """One official language version of the document."""

    language: str  # ISO 639-1, for hreflang
    label: str  # French name of the language
    url: str


def official_url(symbol: str, language: str = EDITION_LANGUAGE) -> str:
    """https://undocs.org/fr/A/RES/68/160"""
    return f"{UNDOCS}/{language}/{symbol}"


def work_id(symbol: str) -> str:
    """The resolution as a work, whatever its language or edition: its @id in the linked
    data of every page (https://undocs.org/A/RES/68/160, the official document's address
    without a language). A paragraph is a part of it: the same address with its anchor."""
    return f"{UNDOCS}/{symbol}"


def official_versions(symbol: str, include_french: bool = False) -> list[Version]:
    """The document in the official languages (French left out unless asked: it is the
    edition's own language, linked on its own as the official document)."""
    return [
        Version(code, label, official_url(symbol, code))
        for code, label in LANGUAGES
        if include_french or code != EDITION_LANGUAGE
    ]


def _project(pyproject: Path) -> dict:
    with pyproject.open("rb") as f:
        return tomllib.load(f)


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project's version from pyproject.toml (PEP 621)."""
    return _project(pyproject)["project"]["version"]


def release_date(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The date of the edition's version, declared beside it in pyproject.toml
    ([tool.edition] released = "YYYY-MM-DD", moved with the version). Not read from git nor
    the clock: docs/ is generated and committed, and a date that moved with each commit
    (or that a shallow CI clone cannot see) would make `generate --check` fail."""
    released = str(_project(pyproject).get("tool", {}).get("edition", {}).get("released", ""))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", released):
        raise ValueError(f"{pyproject.name} : [tool.edition] released doit être une date AAAA-MM-JJ")
    return released


def edition_info(version: str, date: str, site_url: str | None) -> dict:
    """The `edition` object of resolution.json."""
    return {
        "version": version,
        "date": date,
        "license": LICENSE,
        "license_note": LICENSE_NOTE,
        "url": absolute(site_url, "index.html"),
    }


def source_info(symbol: str) -> dict:
    """The `source` object of resolution.json: the official document and its versions."""
    return {
        "document": official_url(symbol),
        "versions": [
            {"language": v.language, "label": v.label, "url": v.url}
            for v in official_versions(symbol, include_french=True)
        ],
    }


def absolute(site_url: str | None, path: str) -> str | None:
    """`path` (relative to the site root) as an absolute address, or None when the site's
    public address is unknown."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")
