"""The media types of the files the edition publishes, with their charset: one table for the
publishing configurations (site/csp.py writes them into _headers and nginx's), the local
server (dev/httpserve.py) and the download links of the pages. And the reading of a
`_headers` file, for the local server (the benchmark's host caching) and the tests."""

from __future__ import annotations

import fnmatch

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


def header_rules(text: str) -> dict[str, list[str]]:
    """The rules of a `_headers` file (Netlify, Cloudflare Pages): a path pattern at the
    start of a line, then its indented `Name: value` lines; pattern -> those lines, as the
    hosts apply them (a pattern written twice gets both sets)."""
    rules: dict[str, list[str]] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            current = line.strip()
            rules.setdefault(current, [])
        elif current is None:
            raise ValueError(f"_headers, ligne {number} : un en-tête avant tout motif de chemin")
        else:
            rules[current].append(line.strip())
    return rules


def matches(path: str, pattern: str) -> bool:
    """Whether a `_headers` pattern applies to a path (`*` stands for any characters, `/`
    included)."""
    return fnmatch.fnmatchcase(path, pattern)
