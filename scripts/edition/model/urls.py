"""The site's addresses, defined once: page files, anchors, exports, the zip, and relative
links between them. Every other module (pages, visuals, search, structured data,
navigation, exports) asks this one; the README's URL table is checked against PUBLISHED.

Pages are named by their Markdown source ("dispositif/7.md"); the built site serves them
as ".html" (use_directory_urls: false), the same online and opened from disk. Links are
written in generated HTML, which MkDocs does not rewrite, so `href()` gives the final
`.html` address relative to the page that holds the link.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata

from edition.model import Paragraph

# -- pages (Markdown sources in docs/) --------------------------------------------------
HOME = "index.md"  # the resolution itself
PREAMBLE = "preambule.md"  # the preamble: pp-1 … pp-N
FULL_TEXT = "texte-integral.md"  # the resolution again, canonical: HOME (old address kept)
DOCUMENTS = "documents.md"  # cited documents: one entry per document, #<slug>
ANALYSIS = "analyse.md"  # map, operative verbs, themes
THEMES = "themes.md"  # old address of the themes: #<slug> leads to ANALYSIS
GLOSSARY = "glossaire.md"  # institutions and instruments named in the text
ABOUT = "a-propos.md"  # about the edition (generated, like every page)
OPERATIVE_DIR = "dispositif"
PREAMBLE_DIR = "preambule"  # one page per preambular paragraph: preambule/3.html#pp-3

# -- exports at the site root ------------------------------------------------------------
JSON = "resolution.json"
SCHEMA = "resolution.schema.json"
AKN = "resolution.akn.xml"
TEXT = "resolution.txt"
BIBTEX = "resolution.bib"
RIS = "resolution.ris"
CSL_JSON = "resolution.csl.json"
PARAGRAPH_DIR = "paragraphes"  # one paragraph's data: paragraphes/op-7.json
CARD = "assets/images/carte.png"  # link-preview image

# -- anchors -------------------------------------------------------------------------------
MAP_ANCHOR = "plan"  # the map of the paragraphs, on ANALYSIS (old: index.html#plan)
VERBS_ANCHOR = "verbes"  # the operative verbs, on ANALYSIS (old: index.html#verbes)
THEMES_ANCHOR = "themes"  # the themes section on ANALYSIS
PREAMBLE_ANCHOR = "preambule"  # h2 headings of the resolution's pages
OPERATIVE_ANCHOR = "dispositif"
NOTES_ANCHOR = "notes"
SERIES_ANCHOR = "serie"  # the series of resolutions of the same title, on GLOSSARY
OFFLINE_ANCHOR = "hors-ligne"


def paragraph_data(anchor: str) -> str:
    """A paragraph's own data: "paragraphes/op-7.json"."""
    return paragraph_file(anchor, "json")


def paragraph_file(anchor: str, extension: str) -> str:
    """One of a paragraph's own files: "paragraphes/op-7.bib", "paragraphes/op-7.csl.json"."""
    return f"{PARAGRAPH_DIR}/{anchor}.{extension}"


def operative_page(number: int) -> str:
    return f"{OPERATIVE_DIR}/{number}.md"


def preamble_page(number: int) -> str:
    return f"{PREAMBLE_DIR}/{number}.md"


def paragraph_page(p: Paragraph) -> str:
    """A paragraph's own page: "preambule/3.md", "dispositif/7.md"."""
    return preamble_page(p.number) if p.preambular else operative_page(p.number)


def footnote_anchor(number: int) -> str:
    return f"fn:{number}"


def footnote_ref_anchor(number: int) -> str:
    return f"fnref:{number}"


def slug(text: str) -> str:
    """An anchor for a document key or theme: "A/CONF.157/24 (Part I)" -> "a-conf-157-24-part-i"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def zip_name(symbol: str, language: str = "fr") -> str:
    """The offline copy: "A/RES/68/160" -> "A-RES-68-160-fr-hors-ligne.zip"."""
    return f"{symbol.replace('/', '-')}-{language}-hors-ligne.zip"


def paragraph_target(p: Paragraph) -> str:
    """A paragraph's permanent address, as a page-relative target: its own page,
    "dispositif/7.md#op-7", "preambule/3.md#pp-3"."""
    return f"{paragraph_page(p)}#{p.anchor}"


def preamble_target(p: Paragraph) -> str:
    """A preambular paragraph within the whole preamble: "preambule.md#pp-3"."""
    return f"{PREAMBLE}#{p.anchor}"


def in_text_target(p: Paragraph) -> str:
    """The paragraph within the whole resolution (the home page)."""
    return f"{HOME}#{p.anchor}"


def document_target(key: str) -> str:
    return f"{DOCUMENTS}#{slug(key)}"


def theme_target(theme: str) -> str:
    return f"{ANALYSIS}#{theme}"


def series_target() -> str:
    """The series of resolutions of the same title: "glossaire.md#serie"."""
    return f"{GLOSSARY}#{SERIES_ANCHOR}"


def glossary_target(entry: str) -> str:
    return f"{GLOSSARY}#{entry}"


def html(page: str) -> str:
    """ "dispositif/7.md#op-7" -> "dispositif/7.html#op-7"."""
    path, sep, anchor = page.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + sep + anchor


def href(from_page: str, target: str) -> str:
    """The built-site link from page `from_page` to `target` ("page.md#anchor", "#anchor"
    or an export's name), relative so that it works online and from disk."""
    path, sep, anchor = target.partition("#")
    if not path:
        return sep + anchor
    return _relative(path, posixpath.dirname(from_page) or ".") + sep + anchor


@functools.lru_cache(maxsize=4096)
def _relative(path: str, folder: str) -> str:
    """`path` from `folder`, as a built-site address (posixpath.relpath is the costly part of
    every link: each page links the same few pages and folders again and again)."""
    return html(posixpath.relpath(path, folder))


def site_path(target: str) -> str:
    """A target as a path from the site root: "dispositif/7.md#op-7" -> "dispositif/7.html#op-7"."""
    return html(target)


# The published addresses, as the README's URL table lists them (tests/test_urls.py).
PUBLISHED = {
    "Home: the resolution": html(HOME),
    "Preambular paragraph N": html(f"{PREAMBLE_DIR}/N.md#pp-N"),
    "The whole preamble, paragraph N": html(f"{PREAMBLE}#pp-N"),
    "Operative paragraph N": html(f"{OPERATIVE_DIR}/N.md#op-N"),
    "Any paragraph in the whole text": html(f"{HOME}#pp-N") + ", " + html(f"{HOME}#op-N"),
    "Old full-text addresses (same text, canonical: home)": html(f"{FULL_TEXT}#pp-N")
    + ", "
    + html(f"{FULL_TEXT}#op-N")
    + ", "
    + html(f"{FULL_TEXT}#fn:N"),
    "Footnote N": html(f"{HOME}#fn:N"),
    "Cited document": html(f"{DOCUMENTS}#<slug>"),
    "Map, operative verbs, themes": html(f"{ANALYSIS}#{MAP_ANCHOR}")
    + ", "
    + html(f"{ANALYSIS}#{VERBS_ANCHOR}")
    + ", "
    + html(f"{ANALYSIS}#<theme>"),
    "Old addresses of the map, verbs, themes": html(f"{HOME}#{MAP_ANCHOR}")
    + ", "
    + html(f"{HOME}#{VERBS_ANCHOR}")
    + ", "
    + html(f"{THEMES}#<theme>"),
    "Glossary entry, series": html(f"{GLOSSARY}#<entry>") + ", " + html(series_target()),
    "About the edition": html(ABOUT),
    "Data": JSON,
    "One paragraph's data": paragraph_data("op-N") + ", " + paragraph_data("pp-N"),
    "One paragraph's references": ", ".join(
        paragraph_file(a, x) for a in ("op-N", "pp-N") for x in ("bib", "ris", "csl.json")
    ),
    "Reference managers": f"{BIBTEX}, {RIS}, {CSL_JSON}",
    "Data schema": SCHEMA,
    "Akoma Ntoso 3.0 XML": AKN,
    "Plain text": TEXT,
    "Link-preview image": CARD,
    "Offline copy": zip_name("A/RES/68/160"),
}


# The same addresses as À propos « Adresses stables » lists them for readers, in French:
# (label, key of PUBLISHED), in this order.
PUBLISHED_FR = [
    ("La résolution (accueil)", "Home: the resolution"),
    ("Préambule, alinéa N, sur sa propre page", "Preambular paragraph N"),
    ("Le préambule entier, alinéa N", "The whole preamble, paragraph N"),
    ("Dispositif, paragraphe N, sur sa propre page", "Operative paragraph N"),
    ("Un paragraphe dans la résolution entière", "Any paragraph in the whole text"),
    (
        "Anciennes adresses du texte intégral (même texte)",
        "Old full-text addresses (same text, canonical: home)",
    ),
    ("Une note", "Footnote N"),
    ("Un document cité, désigné par sa cote en minuscules", "Cited document"),
    ("Le plan de la résolution, ce que fait l’Assemblée, un thème", "Map, operative verbs, themes"),
    (
        "Les anciennes adresses du plan, des formules et des thèmes, qui y mènent",
        "Old addresses of the map, verbs, themes",
    ),
    ("Une entrée du glossaire, la série des résolutions", "Glossary entry, series"),
    ("Cette page", "About the edition"),
    ("Données structurées (JSON)", "Data"),
    ("Le schéma des données", "Data schema"),
    ("Les données d’un paragraphe (JSON)", "One paragraph's data"),
    ("Références pour Zotero, BibTeX, etc.", "Reference managers"),
    ("Les références d’un paragraphe", "One paragraph's references"),
    ("La résolution en XML Akoma Ntoso", "Akoma Ntoso 3.0 XML"),
    ("Le texte brut, prêt à citer", "Plain text"),
    ("L’image d’aperçu des liens", "Link-preview image"),
    ("La copie hors ligne", "Offline copy"),
]


def published_fr(symbol: str) -> list[tuple[str, list[str]]]:
    """(French label, addresses) for À propos, the offline copy named for `symbol`."""
    out = []
    for label, key in PUBLISHED_FR:
        addresses = [zip_name(symbol)] if key == "Offline copy" else PUBLISHED[key].split(", ")
        out.append((label, addresses))
    return out
