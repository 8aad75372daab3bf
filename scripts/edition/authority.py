"""Where the text's authority lies and what this edition is: the official document at
undocs.org in French and the other official languages, the edition's licence and version,
and absolute addresses when the site's public address is known.

The undocs.org pattern `https://undocs.org/{lang}/{symbol}` and the French names of the
languages are confirmed in shared/reference/contexte.md."""

from __future__ import annotations

import os
import subprocess
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
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
# When there is neither git history nor SOURCE_DATE_EPOCH: the resolution's adoption.
FALLBACK_EPOCH = 1387324800


@dataclass(frozen=True)
class Version:
    """One official language version of the document."""

    language: str  # ISO 639-1, for hreflang
    label: str  # French name of the language
    url: str


def official_url(symbol: str, language: str = EDITION_LANGUAGE) -> str:
    """https://undocs.org/fr/A/RES/68/160"""
    return f"{UNDOCS}/{language}/{symbol}"


def official_versions(symbol: str, include_french: bool = False) -> list[Version]:
    """The document in the official languages (French left out unless asked: it is the
    edition's own language, linked on its own as the official document)."""
    return [
        Version(code, label, official_url(symbol, code))
        for code, label in LANGUAGES
        if include_french or code != EDITION_LANGUAGE
    ]


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project's version from pyproject.toml (PEP 621)."""
    with pyproject.open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def content_epoch(root: Path = ROOT) -> int:
    """When the edition's content last changed: the time of the last commit touching
    source/ (the text and the annotations). Not the build's date, nor the last commit
    overall: docs/ is generated and committed, and a date that moved with every commit
    would make `generate --check` fail after each one. Without git history,
    $SOURCE_DATE_EPOCH, else the adoption date. Never the wall clock."""
    try:
        run = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "source"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if run.returncode == 0 and run.stdout.strip().isdigit():
            return int(run.stdout.strip())
    except OSError:
        pass
    env = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(env) if env.isdigit() else FALLBACK_EPOCH


def iso_day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).date().isoformat()


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
