"""Open exports of the model, written into docs/ beside the pages (stable URLs at the site
root): the plain text of the resolution and the JSON Schema of resolution.json. The Akoma
Ntoso XML lives in akn.py.

  resolution.txt          the clean resolution, UTF-8, one paragraph per line, ready to quote
  resolution.schema.json  JSON Schema (draft 2020-12) describing resolution.json
  paragraphes/<anchor>.json  one paragraph's slice of resolution.json (paragraphes/op-7.json,
                          paragraphes/pp-2.json): the paragraph, its notes, its cited
                          documents and its citation formats
"""

from __future__ import annotations

import json
from pathlib import Path

from .french import french_date, report_basis
from .model import Paragraph, Resolution

TEXT_FILE = "resolution.txt"
SCHEMA_FILE = "resolution.schema.json"
JSON_FILE = "resolution.json"
AKN_FILE = "resolution.akn.xml"
PARAGRAPH_DIR = "paragraphes"

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NOTE_RULE = "_" * 15  # as in the official layout, above the notes


def read_json(docs_dir: str | Path) -> dict | None:
    """The content of the generated resolution.json in `docs_dir`, or None if there is none
    (a plain `mkdocs build` of another docs folder)."""
    path = Path(docs_dir) / JSON_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def paragraph_file(anchor: str) -> str:
    """The address of a paragraph's own data: "paragraphes/op-7.json"."""
    return f"{PARAGRAPH_DIR}/{anchor}.json"


def paragraph_files(data: dict) -> dict[str, str]:
    """One JSON file per paragraph, cut from resolution.json's content `data`: the
    paragraph object as there, its footnotes, the documents it cites (in its text or its
    notes) and the resolution's identity. Addresses stay relative to the site root."""
    out = {}
    for p in data["paragraphs"]:
        notes = [n for n in data["footnotes"] if n["paragraph"] == p["id"]]
        docs = [d for d in data["documents"] if p["id"] in d["cited_by"]]
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
        out[paragraph_file(p["id"])] = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return out


def header_lines(res: Resolution) -> list[str]:
    """The three header lines as the official document prints them."""
    return [
        f"Résolution adoptée par l’Assemblée générale le {french_date(res.adopted)}",
        f"[{report_basis(res.committee)} ({res.report})]",
        f"{res.short}. {res.title}",
    ]


def marked_text(p: Paragraph, marker=lambda n: str(n).translate(SUPERSCRIPT)) -> str:
    """A paragraph's clean text with its footnote calls put back (superscript digits)."""
    out, pos = [], 0
    for call in sorted(p.calls, key=lambda c: c.offset):
        out += [p.text[pos : call.offset], marker(call.number)]
        pos = call.offset
    out.append(p.text[pos:])
    return "".join(out)


def plain_text(res: Resolution) -> str:
    """The resolution as plain text: header, formula, paragraphs (operative ones numbered
    as in the official text, preambular ones not), each on one line and separated by a
    blank line, then the notes under a rule."""
    blocks = [*header_lines(res), res.formula]
    blocks += [marked_text(p) for p in res.preamble]
    blocks += [f"{p.number}. {marked_text(p)}" for p in res.operative]
    text = "\n\n".join(blocks)
    if res.footnotes:
        text += "\n\n" + "\n".join([NOTE_RULE] + [f"{n.number} {n.text}" for n in res.footnotes])
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
    {
        "un_fr": {**STR, "minLength": 1},
        "oscola": {**STR, "minLength": 1},
        "bluebook": {**STR, "minLength": 1},
        "with_address": {"type": "string", "pattern": r"\{url\}.*\{date\}"},
    }
)


def json_schema(generated: str) -> str:
    """The JSON Schema of resolution.json (what render.Renderer.json writes)."""
    paragraph = _object(
        {
            "kind": {"enum": ["preamble", "operative"]},
            "number": POSITIVE,
            "id": ANCHOR,
            "label": {"type": "string", "pattern": r"^(Préambule, alinéa|Paragraphe) [0-9]+$"},
            "opening": {**STR, "minLength": 1},
            "text": {**STR, "minLength": 1},
            "url": {"type": "string", "pattern": r"^(preambule|dispositif/[0-9]+)\.html#(pp|op)-[0-9]+$"},
            "full_text_url": {"type": "string", "pattern": r"^texte-integral\.html#(pp|op)-[0-9]+$"},
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
        }
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
                "symbol": {"type": "string", "pattern": r"^A/RES/[0-9]+/[0-9]+"},
                "session": POSITIVE,
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
