"""Reference-manager exports: the resolution and each of its paragraphs as BibTeX/BibLaTeX,
RIS and CSL-JSON entries, one file per format, at the site root.

  resolution.bib       @misc entries (what BibLaTeX, BibTeX styles and Zotero all import;
                       BibLaTeX's @legislation is an alias of @misc in its standard styles)
  resolution.ris       TY GOVDOC records (government document)
  resolution.csl.json  CSL-JSON, type "legislation" (Zotero: statute), valid against the
                       CSL input schema

The first entry is the resolution, then one per paragraph in the order of the text; each
paragraph also has its own three files holding its single entry (paragraphes/op-7.bib,
.ris, .csl.json), which its page offers, so that a reader importing one paragraph gets
one item. Each
carries the symbol, the adoption date, the General Assembly as (corporate) author and the
United Nations as publisher; the address is the official document's (undocs.org) for the
resolution, and the paragraph's permanent address on this site when the site's public
address is known (else, again, the official document).
"""

from __future__ import annotations

import json
import re

from . import authority, cite
from . import urls as addresses
from .model import Paragraph, Resolution

BIB_FILE = "resolution.bib"
RIS_FILE = "resolution.ris"
CSL_FILE = "resolution.csl.json"

AUTHOR = "Assemblée générale des Nations Unies"
PUBLISHER = "Organisation des Nations Unies"
# characters with a meaning in BibTeX values, and how to write them literally
BIB_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
BIB_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def key(res: Resolution, p: Paragraph | None = None) -> str:
    """Entry key: "A-RES-68-160", "A-RES-68-160-op-7"."""
    base = res.symbol.replace("/", "-")
    return f"{base}-{p.anchor}" if p else base


def _part(p: Paragraph) -> str:
    """« paragraphe 7 », « préambule, alinéa 2 » (the edition numbers preambular paragraphs)."""
    return f"paragraphe {p.number}" if p.kind == "op" else f"préambule, alinéa {p.number}"


def title(res: Resolution, p: Paragraph | None = None) -> str:
    return f"{res.title} ({_part(p)})" if p else res.title


class Entries:
    """The entries' shared facts, computed once."""

    def __init__(self, res: Resolution, urls: dict[str, str], site_url: str | None):
        self.res = res
        self.urls = urls  # paragraph anchor -> address relative to the site root
        self.site_url = site_url
        self.items: list[Paragraph | None] = [None, *res.paragraphs]

    def url(self, p: Paragraph | None) -> str:
        if p is not None:
            here = authority.absolute(self.site_url, self.urls[p.anchor])
            if here:
                return here
        return authority.official_url(self.res.symbol)

    # -- BibTeX -----------------------------------------------------------------------

    @staticmethod
    def bib_value(text: str) -> str:
        return BIB_SPECIAL.sub(lambda m: BIB_ESCAPES.get(m[0], "\\" + m[0]), text)

    def bib(self, generated: str, items: list[Paragraph | None]) -> str:
        res = self.res
        year, month, _ = res.adopted.split("-")
        out = [f"% {generated}\n% Encoding: UTF-8\n"]
        for p in items:
            fields = {
                "author": "{" + AUTHOR + "}",  # a corporate author: one name, not split
                "title": title(res, p),
                "date": res.adopted,
                "year": year,
                "month": str(int(month)),
                "number": res.symbol,
                "type": "Résolution de l’Assemblée générale",
                "organization": PUBLISHER,
                "publisher": PUBLISHER,
                "langid": "french",
                "language": "français",
                "url": self.url(p),
                "note": cite.un_fr(res, p),
            }
            body = ",\n".join(
                f"  {name} = {{{value if name == 'author' else self.bib_value(value)}}}"
                for name, value in fields.items()
            )
            out.append(f"@misc{{{key(res, p)},\n{body}\n}}\n")
        return "\n".join(out)

    # -- RIS --------------------------------------------------------------------------

    def ris(self, items: list[Paragraph | None]) -> str:
        res = self.res
        year, month, day = res.adopted.split("-")
        records = []
        for p in items:
            tags = [
                ("TY", "GOVDOC"),
                ("ID", key(res, p)),
                ("TI", title(res, p)),
                ("T2", res.title if p else None),
                ("AU", AUTHOR),
                ("PY", year),
                ("DA", f"{year}/{month}/{day}/"),
                ("PB", PUBLISHER),
                ("M1", res.symbol),
                ("SE", _part(p) if p else None),
                ("LA", "fr"),
                ("UR", self.url(p)),
                ("AB", " ".join(p.text.split()) if p else None),
                ("N1", cite.un_fr(res, p)),
                ("ER", ""),
            ]
            records.append(
                # every line "XX  - value"; the end tag keeps its space: "ER  - " (RIS spec)
                "".join(
                    f"{tag}  - {value}".rstrip() + ("\n" if value else " \n")
                    for tag, value in tags
                    if value is not None
                )
            )
        return "\n".join(records)

    # -- CSL-JSON ---------------------------------------------------------------------

    def csl(self, chosen: list[Paragraph | None]) -> str:
        res = self.res
        date = [int(x) for x in res.adopted.split("-")]
        items = []
        for p in chosen:
            item = {
                "id": key(res, p),
                "type": "legislation",
                "title": title(res, p),
                "author": [{"literal": AUTHOR}],
                "authority": AUTHOR,
                "issued": {"date-parts": [date]},
                "number": res.symbol,
                "genre": "Résolution de l’Assemblée générale",
                "publisher": PUBLISHER,
                "language": "fr",
                "URL": self.url(p),
                "note": cite.un_fr(res, p),
            }
            if p is not None:
                item["container-title"] = res.title
                item["section"] = _part(p)
                item["abstract"] = p.text
            items.append(item)
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# The three formats: (extension, file of the whole resolution)
FORMATS = (("bib", BIB_FILE), ("ris", RIS_FILE), ("csl.json", CSL_FILE))


def download_name(res: Resolution, p: Paragraph | None, extension: str) -> str:
    """The name a reader's browser saves a file under: « A-RES-68-160.bib »,
    « A-RES-68-160-op-7.ris »."""
    return f"{key(res, p)}.{extension}"


def exports(res: Resolution, urls: dict[str, str], site_url: str | None, generated: str) -> dict[str, str]:
    """The three files of the whole resolution and each paragraph's three, by name."""
    entries = Entries(res, urls, site_url)

    def made(items):
        return (entries.bib(generated, items), entries.ris(items), entries.csl(items))

    out = dict(zip((name for _, name in FORMATS), made(entries.items), strict=True))
    for p in res.paragraphs:
        for (extension, _), text in zip(FORMATS, made([p]), strict=True):
            out[addresses.paragraph_file(p.anchor, extension)] = text
    return out
