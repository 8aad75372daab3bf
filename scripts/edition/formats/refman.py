r"""Reference-manager exports: the resolution and each of its paragraphs as BibLaTeX, RIS
and CSL-JSON entries, one file per format, at the site root. The type and the fields are
chosen by what the clients readers use make of them (issue 20; tests/clients/ imports the
files into Zotero's translation server, renders them with citeproc-js and the official CSL
styles, and checks the BibLaTeX with biber's data model):

  resolution.bib       @report: a type biblatex knows with every field used here (biber
                       --validate-datamodel: no warning; `type` and `institution` are
                       mandatory, `organization` and `publisher` invalid), which Zotero
                       imports as a report with the symbol as its number; the url field
                       written as it is (a verbatim field: « \# » there would stay)
  resolution.ris       TY RPRT: Zotero reads the number from SN, the report type from M3,
                       the institution from PB; no note (N1 made one child note per entry)
  resolution.csl.json  CSL-JSON, type "report": every standard style prints the symbol
                       (number) and the full date; a paragraph's item names the paragraph in
                       its title only (a container-title printed the title twice)

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

from edition.model import Paragraph, Resolution, authority
from edition.model import urls as addresses
from edition.model.french import part

BIB_FILE = "resolution.bib"
RIS_FILE = "resolution.ris"
CSL_FILE = "resolution.csl.json"

AUTHOR = "Assemblée générale des Nations Unies"
PUBLISHER = "Organisation des Nations Unies"
DOCUMENT_TYPE = "Résolution de l’Assemblée générale"
# characters with a meaning in BibTeX values, and how to write them literally
BIB_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# what a url field cannot hold as it is: braces, a backslash, a space
URL_UNSAFE = re.compile(r"[{}\\\s]")
BIB_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def key(res: Resolution, p: Paragraph | None = None) -> str:
    """Entry key: "A-RES-68-160", "A-RES-68-160-op-7"."""
    base = res.symbol.replace("/", "-")
    return f"{base}-{p.anchor}" if p else base


def title(res: Resolution, p: Paragraph | None = None) -> str:
    return f"{res.title} ({part(p)})" if p else res.title


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
    def bib_url(url: str) -> str:
        """A url field's value: verbatim in biblatex (a « \\# » would stay in the address), so
        the characters a .bib file cannot hold there are percent-encoded, never escaped."""
        return URL_UNSAFE.sub(lambda m: "%" + m[0].encode().hex().upper(), url)

    @staticmethod
    def bib_value(text: str) -> str:
        return BIB_SPECIAL.sub(lambda m: BIB_ESCAPES.get(m[0], "\\" + m[0]), text)

    def bib(self, generated: str, items: list[Paragraph | None]) -> str:
        res = self.res
        out = [f"% {generated}\n% Encoding: UTF-8\n"]
        for p in items:
            fields = {
                "author": "{" + self.bib_value(AUTHOR) + "}",  # a corporate author: one name, not split
                "title": self.bib_value(title(res, p)),
                "type": self.bib_value(DOCUMENT_TYPE),
                "institution": self.bib_value(PUBLISHER),
                "number": self.bib_value(res.symbol),
                "date": res.adopted,
                "langid": "french",
                "url": self.bib_url(self.url(p)),
            }
            body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
            out.append(f"@report{{{key(res, p)},\n{body}\n}}\n")
        return "\n".join(out)

    # -- RIS --------------------------------------------------------------------------

    def ris(self, items: list[Paragraph | None]) -> str:
        res = self.res
        year, month, day = res.adopted.split("-")
        records = []
        for p in items:
            tags = [
                ("TY", "RPRT"),
                ("ID", key(res, p)),
                ("TI", title(res, p)),
                ("AU", AUTHOR),  # no comma: one name
                ("PY", year),
                ("DA", f"{year}/{month}/{day}/"),
                ("PB", PUBLISHER),
                ("SN", res.symbol),
                ("M3", DOCUMENT_TYPE),
                ("LA", "fr"),
                ("UR", self.url(p)),
                ("AB", " ".join(p.text.split()) if p else None),
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
                "type": "report",
                "title": title(res, p),
                "author": [{"literal": AUTHOR}],
                "issued": {"date-parts": [date]},
                "number": res.symbol,
                "genre": DOCUMENT_TYPE,
                "publisher": PUBLISHER,
                "language": "fr",
                "URL": self.url(p),
            }
            if p is not None:
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
