"""schema.org structured data (JSON-LD) for each page, from the model.

  role (front matter)      node
  resolution, full-text    the resolution: Legislation (identifier, date, language, exports)
  paragraph                Legislation for the paragraph, isPartOf the resolution
  preamble                 Legislation for the preamble, isPartOf the resolution
  any other page           WebPage about the resolution

Every node of the resolution has one @id, the same on every page (issue 20): the work is
authority.work_id (https://undocs.org/A/RES/68/160), a paragraph that address with its
anchor (#op-7), the preamble #preambule; so the pages describe one resolution and its
parts, not 22 unconnected ones. Addresses (url) are absolute when the site's address
(site_url) is known, relative to the page otherwise (JSON-LD resolves them against it)."""

from __future__ import annotations

import json
import posixpath

from edition.formats.exports import AKN_FILE, JSON_FILE, TEXT_FILE
from edition.model import Resolution
from edition.model.authority import EDITION_LANGUAGE as LANGUAGE
from edition.model.authority import work_id
from edition.model.french import pinpoint

GA = {
    "@type": "Organization",
    "name": "Assemblée générale des Nations Unies",
    "alternateName": "Assemblée générale",
}
FORMATS = ((JSON_FILE, "application/json"), (AKN_FILE, "application/akn+xml"), (TEXT_FILE, "text/plain"))


def _url(target: str, page_url: str, site_url: str | None) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + target
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def resolution_node(res: Resolution, page_url: str, site_url: str | None) -> dict:
    symbol = res.symbol
    node = {
        "@id": work_id(symbol),
        "@type": "Legislation",
        "name": f"Résolution {res.short} : {res.title}",
        "identifier": symbol,
        "legislationIdentifier": symbol,
        "legislationType": "résolution de l’Assemblée générale",
        "legislationDate": res.adopted,
        "legislationPassedBy": GA,
        "legislationJurisdiction": "Organisation des Nations Unies",
        "inLanguage": LANGUAGE,
        "url": _url("index.html", page_url, site_url),
        "encoding": [
            {"@type": "MediaObject", "encodingFormat": fmt, "contentUrl": _url(name, page_url, site_url)}
            for name, fmt in FORMATS
        ],
    }
    return node


def json_ld(
    res: Resolution,
    page_url: str,
    title: str,
    site_url: str | None = None,
    role: str | None = None,
    paragraph: str | None = None,
) -> dict:
    """The JSON-LD object for the page at `page_url` (e.g. "dispositif/5.html"). What the
    page is comes from its `role` (front matter written by the generator: resolution,
    full-text, preamble, paragraph…) and, for a paragraph's own page, its `paragraph`
    anchor; never from how many paragraphs it happens to hold (a preamble of one
    paragraph is still the preamble)."""
    resolution = resolution_node(res, page_url, site_url)
    here = _url(page_url, page_url, site_url)
    if role is None and page_url == "index.html":
        role = "resolution"
    own = res.paragraphs_by_anchor.get(paragraph)
    if role in ("resolution", "full-text"):
        node = resolution  # the full text is the resolution again: the same node, its canonical url
    elif role == "paragraph" and own is not None:
        kind = "alinéa du préambule" if own.preambular else "paragraphe du dispositif"
        node = {
            "@id": f"{work_id(res.symbol)}#{own.anchor}",
            "@type": "Legislation",
            "name": title,
            "url": here,
            "identifier": f"{res.symbol}, {pinpoint(own.kind, own.number)}",
            "legislationIdentifier": f"{res.symbol} {own.anchor}",
            "legislationType": kind,
            "legislationDate": res.adopted,
            "legislationPassedBy": GA,
            "inLanguage": LANGUAGE,
            "text": own.text,
            "isPartOf": resolution,
        }
    elif role == "preamble":
        node = {
            "@id": f"{work_id(res.symbol)}#preambule",
            "@type": "Legislation",
            "name": title,
            "url": here,
            "identifier": f"{res.symbol}, préambule",
            "legislationType": "préambule",
            "legislationDate": res.adopted,
            "legislationPassedBy": GA,
            "inLanguage": LANGUAGE,
            "isPartOf": resolution,
        }
    else:
        node = {
            "@type": "WebPage",
            "name": title,
            "url": here,
            "inLanguage": LANGUAGE,
            "about": resolution,
        }
    return {"@context": "https://schema.org", **node}


def script_tag(obj: dict) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
