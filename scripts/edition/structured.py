"""schema.org structured data (JSON-LD) for each page, from resolution.json.

  home, full text        the resolution: Legislation (identifier, date, language, exports)
  a paragraph's page     Legislation for the paragraph, isPartOf the resolution
  preamble               Legislation for the preamble, isPartOf the resolution
  any other page         WebPage about the resolution

Addresses are absolute when the site's address (site_url) is known, relative to the page
otherwise (JSON-LD resolves them against the page)."""

from __future__ import annotations

import json
import posixpath

from .exports import AKN_FILE, JSON_FILE, TEXT_FILE
from .french import pinpoint

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


def json_ld(data: dict, page_url: str, title: str, site_url: str | None = None) -> dict:
    """The JSON-LD object for the page at `page_url` (e.g. "dispositif/5.html")."""
    resolution = resolution_node(data, page_url, site_url)
    here = _url(page_url, page_url, site_url)
    on_page = [p for p in data["paragraphs"] if p["url"].split("#")[0] == page_url]
    if page_url in ("index.html", "texte-integral.html"):
        node = resolution if page_url == "index.html" else {**resolution, "url": here}
    elif len(on_page) == 1:  # a paragraph's own page
        p = on_page[0]
        kind = "alinéa du préambule" if p["kind"] == "preamble" else "paragraphe du dispositif"
        where = pinpoint(p["id"].partition("-")[0], p["number"])
        node = {
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
    elif on_page:  # the preamble
        node = {
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
