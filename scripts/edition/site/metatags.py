"""The <meta> tags of each page, for reference managers and link previews, chosen by what
the clients readers use make of them (issue 20; tests/clients/ runs Zotero's own
translation server on the built pages):

  Highwire Press  citation_*: what Zotero's Embedded Metadata translator (and Google
                  Scholar) reads. citation_technical_report_institution makes the item a
                  `report`, citation_technical_report_number its number (the symbol);
                  citation_author ends with a comma, which Zotero's name splitter
                  (ZU.cleanAuthor) reads as one institutional name (« Unies, Assemblée
                  générale des Nations » otherwise); citation_date is ISO and comes after
                  citation_publication_date (Y/M/D, Google Scholar's): Zotero keeps the last
  Dublin Core     DC.*: the same facts; DC.type fills Zotero's report type, so it names the
                  kind of document (« Résolution de l’Assemblée générale », never « Text »)
  Open Graph      og:* and article:published_time (link previews); og:url and og:image only
                  when the site's public address is known (they must be absolute)
  Twitter card    summary_large_image when there is an image, else summary

The item is the resolution on the resolution's pages (home, full text, preamble) and the
paragraph on a paragraph's own page. The edition's own pages (analysis, glossary,
documents, about) carry no citation_* or DC.* tag: Zotero saves them as web pages, never
as a second copy of the resolution. `tags()` returns (attribute, name, value) triples;
overrides/main.html writes them, escaped, in the `extrahead` block. Page facts come from
the front matter the generator writes (title, description, role, paragraph); the
resolution's from resolution.json."""

from __future__ import annotations

import html

from edition.model import Resolution, authority
from edition.model.authority import EDITION_LANGUAGE as LANGUAGE
from edition.model.french import part

AUTHOR = "Assemblée générale des Nations Unies"
# how Zotero is told the author is one institution, not a person (see above)
CITATION_AUTHOR = AUTHOR + ","
PUBLISHER = "Organisation des Nations Unies"
DOCUMENT_TYPE = "Résolution de l’Assemblée générale"
CARD_IMAGE = "assets/images/carte.png"  # drawn by card.py at build time
CARD_SIZE = (1200, 630)
# pages that present the text itself are articles; the home page is the site's front door
ARTICLE_ROLES = {"paragraph", "preamble", "full-text", "glossary"}
# pages whose reference-manager item is the resolution itself (a paragraph's is its own)
RESOLUTION_ROLES = {"resolution", "full-text", "preamble"}


def tags(
    res: Resolution,
    meta: dict,
    page_url: str,
    site_url: str | None,
    site_name: str,
    site_description: str,
) -> list[tuple[str, str, str]]:
    """Every meta tag of the page at `page_url` ("dispositif/7.html"), with `meta` its
    front matter (values as written there: HTML-escaped by the generator)."""
    title = html.unescape(str(meta.get("title") or site_name))
    site_name = html.unescape(site_name)
    description = html.unescape(str(meta.get("description") or site_description))
    role = meta.get("role")
    own = res.paragraphs_by_anchor.get(meta.get("paragraph"))
    item = f"{res.title} ({part(own)})" if role == "paragraph" and own else res.title
    year, month, day = res.adopted.split("-")
    here = authority.absolute(site_url, page_url)
    image = authority.absolute(site_url, CARD_IMAGE)
    source = authority.official_url(res.symbol)

    out = []
    cited = role in RESOLUTION_ROLES or (role == "paragraph" and own is not None)
    if cited or (role is None and page_url == "index.html"):
        out += [
            ("name", "citation_title", item),
            ("name", "citation_author", CITATION_AUTHOR),
            ("name", "citation_publication_date", f"{year}/{month}/{day}"),
            ("name", "citation_publisher", PUBLISHER),
            ("name", "citation_technical_report_institution", PUBLISHER),
            ("name", "citation_technical_report_number", res.symbol),
            ("name", "citation_language", LANGUAGE),
            ("name", "citation_abstract", description),
            ("name", "citation_date", res.adopted),  # last: Zotero keeps the last date
        ]
        if here:
            out.append(("name", "citation_public_url", here))
        out += [
            ("name", "DC.title", item),
            ("name", "DC.creator", CITATION_AUTHOR),
            ("name", "DC.date", res.adopted),
            ("name", "DC.identifier", res.symbol),
            ("name", "DC.source", source),
            ("name", "DC.language", LANGUAGE),
            ("name", "DC.publisher", PUBLISHER),
            ("name", "DC.type", DOCUMENT_TYPE),
            ("name", "DC.description", description),
            ("property", "article:published_time", res.adopted),
        ]
    out += [
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:type", "article" if role in ARTICLE_ROLES else "website"),
        ("property", "og:locale", "fr_FR"),
        ("property", "og:site_name", site_name),
    ]
    if here:
        out.append(("property", "og:url", here))
    if image:
        out += [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(CARD_SIZE[0])),
            ("property", "og:image:height", str(CARD_SIZE[1])),
            ("property", "og:image:alt", f"{res.symbol} : {res.title}"),
        ]
    out += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        out.append(("name", "twitter:image", image))
    return out
