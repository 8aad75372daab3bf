"""schema.org structured data (JSON-LD) for each page, from resolution.json.

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

from edition.model.authority import work_id
from edition.formats.exports import AKN_FILE, JSON_FILE, TEXT_FILE
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


def resolution_node(data: dict, page_url: str, site_url: str | None) -> dict:
    symbol = data["symbol"]
    node = {
        "@id": work_id(symbol),
        "@type": "Legislation",
        "name": f"Résolution {data['session']}/{data['number']} : {data['title']}",
        "identifier": symbol,
        "legislationIdentifier": symbol,
        "legislationType": "résolution de l’Assemblée générale",
        "legislationDate": data["adopted"],
        "legislationPassedBy": GA,
        "legislationJurisdiction": "Organisation des Nations Unies",
        "inLanguage": data["language"],
        "url": _url("index.html", page_url, site_url),
        "encoding": [
            {"@type": "MediaObject", "encodingFormat": fmt, "contentUrl": _url(name, page_url, site_url)}
            for name, fmt in FORMATS
        ],
    }
    return node


def json_ld(
    data: dict,
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
    resolution = resolution_node(data, page_url, site_url)
    here = _url(page_url, page_url, site_url)
    if role is None and page_url == "index.html":
        role = "resolution"
    own = next((p for p in data["paragraphs"] if p["id"] == paragraph), None)
    if role in ("resolution", "full-text"):
        node = resolution  # the full text is the resolution again: the same node, its canonical url
    elif role == "paragraph" and own is not None:
        p = own
        kind = "alinéa du préambule" if p["kind"] == "preamble" else "paragraphe du dispositif"
        where = pinpoint(p["id"].partition("-")[0], p["number"])
        node = {
            "@id": f"{work_id(data['symbol'])}#{p['id']}",
            "@type": "Legislation",
            "name": title,
            "url": here,
            "identifier": f"{data['symbol']}, {where}",
            "legislationIdentifier": f"{data['symbol']} {p['id']}",
            "legislationType": kind,
            "legislationDate": data["adopted"],
            "legislationPassedBy": GA,
            "inLanguage": data["language"],
            "text": p["text"],
            "isPartOf": resolution,
        }
    elif role == "preamble":
        node = {
            "@id": f"{work_id(data['symbol'])}#preambule",
            "@type": "Legislation",
            "name": title,
            "url": here,
            "identifier": f"{data['symbol']}, préambule",
            "legislationType": "préambule",
            "legislationDate": data["adopted"],
            "legislationPassedBy": GA,
            "inLanguage": data["language"],
            "isPartOf": resolution,
        }
    else:
        node = {
            "@type": "WebPage",
            "name": title,
            "url": here,
            "inLanguage": data["language"],
            "about": resolution,
        }
    return {"@context": "https://schema.org", **node}


def script_tag(obj: dict) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
