"""Open exports of the model, written into docs/ beside the pages (stable URLs at the site
root). The Akoma Ntoso XML lives in akn.py.

  resolution.json         the model: metadata, paragraphs, notes, documents, themes
  resolution.schema.json  JSON Schema (draft 2020-12) describing resolution.json
  resolution.txt          the clean resolution, UTF-8, one paragraph per line, ready to quote
  paragraphes/<anchor>.json  one paragraph's slice of resolution.json (paragraphes/op-7.json,
                          paragraphes/pp-2.json): the paragraph, its notes, its cited
                          documents and its citation formats
"""

from __future__ import annotations

import json

from edition.formats import cite
from edition.model import (
    Paragraph,
    Resolution,
    authority,
    urls,
)
from edition.model.french import french_date, paragraph_label, report_basis
from edition.model.inline import note_tokens, paragraph_tokens, superscript, to_text
from edition.model.notes import Annotations, official_link

TEXT_FILE = urls.TEXT
SCHEMA_FILE = urls.SCHEMA
JSON_FILE = urls.JSON
AKN_FILE = urls.AKN

NOTE_RULE = "_" * 15  # as in the official layout, above the notes


def resolution_json(
    res: Resolution, notes: Annotations, generated: str, edition: dict, site_url: str | None = None
) -> str:
    """resolution.json: the model with its addresses, described by json_schema(). `edition`
    is the edition's version, date, licence and address (authority.edition_info);
    `site_url` makes the permanent addresses absolute."""
    data = {
        "$comment": generated,
        "symbol": res.symbol,
        "session": res.session,
        "number": res.number,
        "adopted": res.adopted,
        "language": "fr",
        "title": res.title,
        "committee": res.committee,
        "report": res.report,
        "formula": res.formula,
        "source": authority.source_info(res.symbol),
        "edition": edition,
        "citation_formats": cite.formats(res),
        "paragraphs": [
            {
                "kind": "preamble" if p.preambular else "operative",
                "number": p.number,
                "id": p.anchor,
                "label": paragraph_label(p.kind, p.number),
                "opening": p.opening,
                "text": p.text,
                "url": urls.site_path(urls.paragraph_target(p)),
                "permalink": authority.absolute(site_url, urls.site_path(urls.paragraph_target(p))),
                "data_url": urls.paragraph_data(p.anchor),
                "full_text_url": urls.site_path(urls.in_text_target(p)),
                "footnotes": [{"number": c.number, "offset": c.offset} for c in p.calls],
                "citations": [{"document": c.key, "start": c.start, "end": c.end} for c in p.citations],
                "themes": list(notes.themes_of(p.anchor)),
                "citation": citation(res, p),
                "citation_formats": cite.formats(res, p),
                "source_line": p.line,
                **(
                    {
                        "subparagraphs": [
                            {"letter": s.letter, "id": s.anchor, "start": s.start, "source_line": s.line}
                            for s in p.subparagraphs
                        ]
                    }
                    if p.subparagraphs
                    else {}
                ),
            }
            for p in res.paragraphs
        ],
        "footnotes": [
            {
                "number": n.number,
                "text": n.text,
                "paragraph": n.paragraph,
                "documents": list(n.symbols),
                "source_line": n.line,
            }
            for n in res.footnotes
        ],
        "documents": [
            {
                "key": d.key,
                "symbol": d.symbol,
                "id": urls.slug(d.key),
                "title": notes.document(d).title,
                "body": notes.document(d).body,
                "date": notes.document(d).date,
                "link": official_link(d, notes.document(d)),
                "cited_by": list(d.cited_by),
                "footnotes": list(d.notes),
                "url": urls.site_path(urls.document_target(d.key)),
            }
            for d in res.documents
        ],
        "themes": dict(notes.themes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def citation(res: Resolution, p: Paragraph | None = None) -> str:
    """The ready citation « Citer » copies first: the UN's French usage (cite.un_fr)."""
    return cite.un_fr(res, p)


# A cited document's back-references to the whole resolution: in resolution.json only. In a
# paragraph's own file they would make every file grow with the resolution (a document cited
# by every tenth paragraph of a 2 300-paragraph resolution: 230 entries in each file citing
# it), the files together with its square.
RESOLUTION_WIDE = ("cited_by", "footnotes")


def paragraph_files(data: dict) -> dict[str, str]:
    """One JSON file per paragraph, cut from resolution.json's content `data`: the
    paragraph object as there, its footnotes, the documents it cites (in its text or its
    notes; without RESOLUTION_WIDE) and the resolution's identity. Addresses stay relative
    to the site root. Linear: each note and each citation is visited once."""
    notes_of: dict[str, list[dict]] = {}  # paragraph id -> its notes, in order
    for n in data["footnotes"]:
        notes_of.setdefault(n["paragraph"], []).append(n)
    docs_of: dict[str, list[dict]] = {}  # paragraph id -> the documents it cites, in order
    for d in data["documents"]:
        own = {k: v for k, v in d.items() if k not in RESOLUTION_WIDE}
        for where in dict.fromkeys(d["cited_by"]):
            docs_of.setdefault(where, []).append(own)
    out = {}
    for p in data["paragraphs"]:
        notes = notes_of.get(p["id"], [])
        docs = docs_of.get(p["id"], [])
        content = {
            "$comment": data["$comment"]
            + " Extrait de resolution.json ; adresses relatives à la racine du site.",
            "resolution": {
                "symbol": data["symbol"],
                "title": data["title"],
                "adopted": data["adopted"],
                "language": data["language"],
                "source": data["source"]["document"],
                "data": JSON_FILE,
            },
            "paragraph": p,
            "footnotes": notes,
            "documents": docs,
        }
        out[urls.paragraph_data(p["id"])] = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return out


def header_lines(res: Resolution) -> list[str]:
    """The three header lines as the official document prints them."""
    return [
        f"Résolution adoptée par l’Assemblée générale le {french_date(res.adopted)}",
        f"[{report_basis(res.committee)} ({res.report})]",
        f"{res.short}. {res.title}",
    ]


def marked_text(p: Paragraph, marker=superscript) -> str:
    """A paragraph's clean text with its footnote calls put back (superscript digits)."""
    return to_text(paragraph_tokens(p), marker)


# Ends the plain text's preface (what the file is, where it comes from) before the text.
PREFACE_RULE = "=" * 15


def text_preface(res: Resolution, edition: dict | None = None) -> list[str]:
    """What the plain-text file is, in three lines: the symbol and the resolution, the
    official document, the edition it was taken from (its address when known)."""
    edition = edition or {}
    made = "Texte extrait de l’édition numérique de référence"
    if edition.get("version"):
        made += f", version {edition['version']} du {french_date(edition['date'])}"
    if edition.get("url"):
        made += f" : {edition['url']}"
    return [
        f"{res.symbol} — Résolution {res.short} de l’Assemblée générale des Nations Unies, texte français",
        f"Texte faisant foi : {authority.official_url(res.symbol)}",
        made + ".",
        PREFACE_RULE,
    ]


def plain_text(res: Resolution, edition: dict | None = None) -> str:
    """The resolution as plain text: a preface saying what the file is (text_preface), then
    the header, formula, paragraphs (operative ones numbered as in the official text,
    preambular ones not), each on one line (a lettered subparagraph on the next line) and
    separated by a blank line, then the notes under a rule."""
    blocks = ["\n".join(text_preface(res, edition)), *header_lines(res), res.formula]
    blocks += [marked_text(p) for p in res.preamble]
    blocks += [f"{p.number}. {marked_text(p)}" for p in res.operative]
    text = "\n\n".join(blocks)
    if res.footnotes:
        text += "\n\n" + "\n".join(
            [NOTE_RULE] + [f"{n.number} {to_text(note_tokens(n))}" for n in res.footnotes]
        )
    return text + "\n"


def _object(required: dict, optional: dict | None = None) -> dict:
    props = {**required, **(optional or {})}
    return {"type": "object", "required": list(required), "properties": props, "additionalProperties": False}


STR = {"type": "string"}
NULLABLE_STR = {"type": ["string", "null"]}
POSITIVE = {"type": "integer", "minimum": 1}
OFFSET = {"type": "integer", "minimum": 0}
ANCHOR = {"type": "string", "pattern": r"^(pp|op)-[1-9][0-9]*$"}
NULLABLE_URL = {"type": ["string", "null"], "pattern": "^https?://"}
CITATION_FORMATS = _object(
    {key: {**STR, "minLength": 1} for key, _, _ in cite.FORMS}
    | {cite.WITH_ADDRESS: {"type": "string", "pattern": r"\{url\}.*\{date\}"}}
)


def json_schema(generated: str) -> str:
    """The JSON Schema of resolution.json (what resolution_json writes)."""
    paragraph = _object(
        {
            "kind": {"enum": ["preamble", "operative"]},
            "number": POSITIVE,
            "id": ANCHOR,
            "label": {"type": "string", "pattern": r"^(Préambule, alinéa|Paragraphe) [0-9]+$"},
            "opening": {**STR, "minLength": 1},
            "text": {**STR, "minLength": 1},
            "url": {"type": "string", "pattern": r"^(preambule|dispositif)/[0-9]+\.html#(pp|op)-[0-9]+$"},
            "full_text_url": {"type": "string", "pattern": r"^index\.html#(pp|op)-[0-9]+$"},
            "footnotes": {"type": "array", "items": _object({"number": POSITIVE, "offset": OFFSET})},
            "citations": {
                "type": "array",
                "items": _object({"document": STR, "start": OFFSET, "end": OFFSET}),
            },
            "themes": {"type": "array", "items": STR},
            "permalink": NULLABLE_URL,
            "data_url": {"type": "string", "pattern": r"^paragraphes/(pp|op)-[0-9]+\.json$"},
            "citation": STR,
            "citation_formats": CITATION_FORMATS,
            "source_line": POSITIVE,
        },
        {
            "subparagraphs": {
                "type": "array",
                "description": "Lettered subparagraphs a), b)…: each label starts at `start` in `text`.",
                "items": _object(
                    {
                        "letter": {"type": "string", "pattern": "^[a-z]$"},
                        "id": {"type": "string", "pattern": r"^op-[0-9]+-[a-z]$"},
                        "start": OFFSET,
                        "source_line": POSITIVE,
                    }
                ),
            }
        },
    )
    footnote = _object(
        {
            "number": POSITIVE,
            "text": {**STR, "minLength": 1},
            "paragraph": ANCHOR,
            "documents": {"type": "array", "items": STR},
            "source_line": POSITIVE,
        }
    )
    document = _object(
        {
            "key": STR,
            "symbol": NULLABLE_STR,
            "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
            "title": STR,
            "body": NULLABLE_STR,
            "date": NULLABLE_STR,
            "link": {"type": ["string", "null"], "pattern": "^https://"},
            "cited_by": {
                "type": "array",
                "items": {"type": "string", "pattern": r"^(header|(pp|op)-[0-9]+)$"},
            },
            "footnotes": {"type": "array", "items": POSITIVE},
            "url": {"type": "string", "pattern": r"^documents\.html#"},
        }
    )
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FILE,
        "$comment": generated,
        "title": "Résolution de l’Assemblée générale des Nations Unies (édition numérique)",
        "description": "The structured text of a General Assembly resolution as published by "
        "this edition in resolution.json: metadata, paragraphs with their "
        "anchors, footnotes, cited documents and themes. Offsets and spans "
        "count Unicode code points in `text`.",
        **_object(
            {
                "symbol": {"type": "string", "pattern": r"^A/RES/(ES-)?[0-9]+/[0-9]+"},
                # a regular session's number, or an emergency special session's "ES-11"
                "session": {"oneOf": [POSITIVE, {"type": "string", "pattern": "^ES-[1-9][0-9]*$"}]},
                "number": POSITIVE,
                "adopted": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                "language": {"const": "fr"},
                "title": STR,
                "committee": STR,
                "report": STR,
                "formula": STR,
                "source": _object(
                    {
                        "document": {"type": "string", "pattern": "^https://undocs\\.org/fr/"},
                        "versions": {
                            "type": "array",
                            "items": _object(
                                {
                                    "language": {"enum": ["ar", "zh", "en", "fr", "ru", "es"]},
                                    "label": STR,
                                    "url": {"type": "string", "pattern": "^https://undocs\\.org/"},
                                }
                            ),
                        },
                    }
                ),
                "edition": _object(
                    {
                        "version": STR,
                        "date": {
                            "type": "string",
                            "format": "date",
                            "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                        },
                        "license": STR,
                        "license_note": STR,
                        "url": NULLABLE_URL,
                    }
                ),
                "citation_formats": CITATION_FORMATS,
                "paragraphs": {"type": "array", "minItems": 1, "items": paragraph},
                "footnotes": {"type": "array", "items": footnote},
                "documents": {"type": "array", "items": document},
                "themes": {"type": "object", "additionalProperties": STR},
            },
            {"$comment": STR},
        ),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def files(
    res: Resolution,
    notes: Annotations,
    generated: str,
    extras=None,
    edition: dict | None = None,
    site_url: str | None = None,
) -> dict[str, str]:
    """Every export, by file name: resolution.json and its schema, the per-paragraph JSON,
    the text, the AKN XML, and the reference-manager files (.bib, .ris, .csl.json)."""
    from edition.formats import akn, refman
    from edition.model.inline import Extras

    edition = edition or authority.edition_info("0.0.0", "1970-01-01", site_url)
    data = resolution_json(res, notes, generated, edition, site_url)
    paths = {p.anchor: urls.site_path(urls.paragraph_target(p)) for p in res.paragraphs}
    return {
        JSON_FILE: data,
        SCHEMA_FILE: json_schema(generated),
        TEXT_FILE: plain_text(res, edition),
        AKN_FILE: akn.akoma_ntoso(res, notes, generated, extras or Extras(), edition),
        **paragraph_files(json.loads(data)),
        **refman.exports(res, paths, site_url, generated),
    }
