"""The <meta> tags of each page, for reference managers and link previews:

  Highwire Press  citation_* (Zotero's and Google Scholar's page detection): the item is
                  the resolution, or the paragraph on a paragraph's own page
  Dublin Core     DC.* (the same facts)
  Open Graph      og:* (link previews); og:url and og:image only when the site's public
                  address is known (they must be absolute)
  Twitter card    summary_large_image when there is an image, else summary

`tags()` returns (attribute, name, value) triples; overrides/main.html writes them, escaped,
in the `extrahead` block. Page facts come from the front matter the generator writes
(title, description, role, paragraph); the resolution's from resolution.json."""

from __future__ import annotations

import html

from . import authority

AUTHOR = "Assemblée générale des Nations Unies"
PUBLISHER = "Organisation des Nations Unies"
CARD_IMAGE = "assets/images/carte.png"  # drawn by card.py at build time
CARD_SIZE = (1200, 630)
# pages that present the text itself are articles; the home page is the site's front door
ARTICLE_ROLES = {"paragraph", "preamble", "full-text", "glossary"}


def _part(p: dict) -> str:
    return f"paragraphe {p['number']}" if p["kind"] == "operative" else f"préambule, alinéa {p['number']}"


def tags(
    data: dict,
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
    own = next((p for p in data["paragraphs"] if p["id"] == meta.get("paragraph")), None)
    item = f"{data['title']} ({_part(own)})" if role == "paragraph" and own else data["title"]
    year, month, day = data["adopted"].split("-")
    here = authority.absolute(site_url, page_url)
    image = authority.absolute(site_url, CARD_IMAGE)
    source = data.get("source", {}).get("document") or authority.official_url(data["symbol"])

    out = [
        ("name", "citation_title", item),
        ("name", "citation_author", AUTHOR),
        ("name", "citation_date", f"{year}/{month}/{day}"),
        ("name", "citation_publication_date", f"{year}/{month}/{day}"),
        ("name", "citation_publisher", PUBLISHER),
        ("name", "citation_technical_report_institution", PUBLISHER),
        ("name", "citation_technical_report_number", data["symbol"]),
        ("name", "citation_language", data["language"]),
        ("name", "citation_abstract", description),
    ]
    if here:
        out.append(("name", "citation_public_url", here))
    out += [
        ("name", "DC.title", item),
        ("name", "DC.creator", AUTHOR),
        ("name", "DC.date", data["adopted"]),
        ("name", "DC.identifier", data["symbol"]),
        ("name", "DC.source", source),
        ("name", "DC.language", data["language"]),
        ("name", "DC.publisher", PUBLISHER),
        ("name", "DC.type", "Text"),
        ("name", "DC.description", description),
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
            ("property", "og:image:alt", f"{data['symbol']} : {data['title']}"),
        ]
    out += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        out.append(("name", "twitter:image", image))
    return out
