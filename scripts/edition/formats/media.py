"""The media types of the files the edition publishes, with their charset: one table for the
publishing configurations (site/csp.py writes them into _headers and nginx's), the local
server (dev/httpserve.py) and the download links of the pages."""

from __future__ import annotations

# Content types with their charset: exports and citation formats are UTF-8 text.
TYPES = {
    "txt": "text/plain",
    "json": "application/json",
    "xml": "application/xml",
    "bib": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "csl.json": "application/vnd.citationstyles.csl+json",
    "webmanifest": "application/manifest+json",
}


def content_type(name: str) -> str | None:
    """`type; charset=utf-8` for a file name with one of TYPES' extensions (longest first)."""
    for ext in sorted(TYPES, key=len, reverse=True):
        if name.endswith("." + ext):
            return f"{TYPES[ext]}; charset=utf-8"
    return None
