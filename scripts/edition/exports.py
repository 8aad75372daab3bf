"""Open exports of the model, written into docs/ beside the pages (stable URLs at the site
root): the plain text of the resolution and the JSON Schema of resolution.json. The Akoma
Ntoso XML lives in akn.py.

  resolution.txt          the clean resolution, UTF-8, one paragraph per line, ready to quote
  resolution.schema.json  JSON Schema (draft 2020-12) describing resolution.json
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

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NOTE_RULE = "_" * 15  # as in the official layout, above the notes


def read_json(docs_dir: str | Path) -> dict | None:
    """The content of the generated resolution.json in `docs_dir`, or None if there is none
    (a plain `mkdocs build` of another docs folder)."""
    path = Path(docs_dir) / JSON_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def header_lines(res: Resolution) -> list[str]:
    """The three header lines as the official document prints them."""
    return [
        f"Résolution adoptée par l’Assemblée générale le {french_date(res.adopted)}",
        f"[{report_basis(res.committee)} ({res.report})]",
        f"{res.short}. {res.title}",
    ]


def marked_text(p: Paragraph, marker=lambda n: str(n).translate(SUPERSCRIPT)) -> str:
    """A paragraph's clean text with its footnote calls put back (superscript digits), each
    lettered subparagraph on a line of its own."""
    events = [(call.offset, 1, marker(call.number)) for call in p.calls]
    events += [(s.start, 0, None) for s in p.subparagraphs]
    out, pos = [], 0
    for offset, _, mark in sorted(events, key=lambda e: e[:2]):
        out.append(p.text[pos:offset])
        if mark is None:
            out[-1] = out[-1].rstrip(" ")
            out.append("\n")
        else:
            out.append(mark)
        pos = offset
    out.append(p.text[pos:])
    return "".join(out)


def plain_text(res: Resolution) -> str:
    """The resolution as plain text: header, formula, paragraphs (operative ones numbered
    as in the official text, preambular ones not), each on one line (a lettered
    subparagraph on the next line) and separated by a blank line, then the notes under a
    rule."""
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
            "citation": STR,
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
                "symbol": {"type": "string", "pattern": r"^A/RES/[0-9]+/[0-9]+"},
                "session": POSITIVE,
                "number": POSITIVE,
                "adopted": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                "language": {"const": "fr"},
                "title": STR,
                "committee": STR,
                "report": STR,
                "formula": STR,
                "paragraphs": {"type": "array", "minItems": 1, "items": paragraph},
                "footnotes": {"type": "array", "items": footnote},
                "documents": {"type": "array", "items": document},
                "themes": {"type": "object", "additionalProperties": STR},
            },
            {"$comment": STR},
        ),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
