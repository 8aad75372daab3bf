"""The resolution at a glance, as view models for the templates: a map of its paragraphs,
the operative verbs with the paragraphs that use them, the themes, and a graph of what
the paragraphs cite (its layout computed here, its SVG in templates/graph.html).

Everything here is derived from the model and the annotations (no hand-typed lists) and
is static HTML/SVG written at build time (no script, no external request).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_uppercase
from typing import Protocol

from markupsafe import Markup

from edition.model import HEADER, Paragraph, Resolution, authority, urls
from edition.model.notes import Annotations
from edition.pages.templating import ENV


class Edition(Protocol):
    """What the visuals need of the edition's pages (pages/render.py's Pages)."""

    res: Resolution
    notes: Annotations

    def document_title(self, key: str) -> str: ...


# Theme colours are the stylesheet's (docs/assets/stylesheets/visuals.css: classes vis-t0,
# vis-t1…, each with its colour in both palettes): how many there are is read from there,
# the one place that defines them.
STYLESHEET = authority.ROOT / "docs" / "assets" / "stylesheets" / "visuals.css"
PALETTE = len(set(re.findall(r"^\.vis-t(\d+) \{", STYLESHEET.read_text(encoding="utf-8"), re.M)))

# Citation kinds, as the edges show them
IN_TEXT, BY_NOTE, BY_HEADER = "texte", "note", "en-tête"


def place_order(res: Resolution) -> dict[str, int]:
    """The rank of each citing place in the text: the header first, then the paragraphs."""
    order = {p.anchor: i for i, p in enumerate(res.paragraphs)}
    order[HEADER] = -1
    return order


def verb_groups(res: Resolution) -> list[tuple[str, list[Paragraph]]]:
    """Operative paragraphs grouped by their opening words, in order of first use:
    [("Réaffirme", [op-1, op-3, …]), ("Estime", […]), …]."""
    groups: dict[str, list[Paragraph]] = {}
    for p in res.operative:
        groups.setdefault(p.opening, []).append(p)
    return list(groups.items())


@dataclass(frozen=True)
class Edge:
    source: str  # a paragraph anchor, or "header"
    key: str  # the cited document's key
    kinds: tuple[str, ...]  # IN_TEXT, BY_NOTE, BY_HEADER
    notes: tuple[int, ...] = ()


def citation_edges(res: Resolution) -> list[Edge]:
    """One edge per (citing place, document) pair, in document order then paragraph order."""
    order = place_order(res)
    edges = []
    for d in res.documents:
        for anchor in sorted(set(d.cited_by), key=lambda a: order.get(a, len(order))):
            if anchor == HEADER:
                edges.append(Edge(anchor, d.key, (BY_HEADER,)))
                continue
            p = res.paragraph(anchor)
            notes = tuple(n for n in d.notes if res.footnote(n).paragraph == anchor)
            kinds = []
            if any(c.key == d.key for c in p.citations):
                kinds.append(IN_TEXT)
            if notes:
                kinds.append(BY_NOTE)
            edges.append(Edge(anchor, d.key, tuple(kinds) or (IN_TEXT,), notes))
    return edges


def kinds_text(edge: Edge) -> str:
    out = []
    for kind in edge.kinds:
        if kind == BY_NOTE:
            out.append(
                ("en notes " if len(edge.notes) > 1 else "en note ") + ", ".join(str(n) for n in edge.notes)
            )
        elif kind == IN_TEXT:
            out.append("dans le texte")
        else:
            out.append("dans l’en-tête")
    return " et ".join(out)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + "…"


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as close as possible to `wanted` (sorted), at least `gap` apart, within
    [low, high]: a push-down sweep, then a push-up sweep."""
    out = []
    for y in wanted:
        out.append(max(y, low, out[-1] + gap if out else low))
    for i in range(len(out) - 1, -1, -1):
        limit = high if i == len(out) - 1 else out[i + 1] - gap
        out[i] = min(out[i], limit)
    return out


def first_line(p: Paragraph, words: int = 12) -> str:
    """The words after the opening, as far as a first line goes."""
    rest = p.rest.split()
    return " ".join(rest[:words]) + (" …" if len(rest) > words else "")


def theme_marks(e: Edition) -> dict[str, tuple[str, str, str]]:
    """Each theme's text mark (A, B, …), label and colour class: tiles tell themes apart by
    a letter as well as by colour."""
    return {
        s: (ascii_uppercase[i % 26] + ("" if i < 26 else str(i // 26)), name, f"vis-t{i % PALETTE}")
        for i, (s, name) in enumerate(e.notes.themes.items())
    }


def place_label(res: Resolution, anchor: str) -> str:
    if anchor == HEADER:
        return "En-tête"
    p = res.paragraph(anchor)
    return f"Alinéa {p.number}" if p.preambular else f"Paragraphe {p.number}"


def place_target(res: Resolution, anchor: str) -> str:
    if anchor == HEADER:
        return urls.HOME
    return urls.paragraph_target(res.paragraph(anchor))


def analysis(e: Edition, page: str) -> dict:
    """The view model of the analysis page: map tiles, verbs, themes."""
    res = e.res
    marks = theme_marks(e)

    def item(p: Paragraph) -> dict:
        return {
            "href": urls.href(page, urls.paragraph_target(p)),
            "anchor": p.anchor,
            "number": p.number,
            "label": f"Alinéa {p.number}" if p.preambular else f"Paragraphe {p.number}",
            "opening": p.opening,
            "first_line": first_line(p),
        }

    def tile(p: Paragraph) -> dict:
        slugs = e.notes.themes_of(p.anchor)
        return {
            **item(p),
            "kind": "Alinéa" if p.preambular else "Paragraphe",
            "cls": marks[slugs[0]][2] if slugs else "",
            "marks": [marks[s] for s in slugs],
        }

    groups = [
        {"kind": kind, "title": title, "tiles": [tile(p) for p in paragraphs]}
        for kind, title, paragraphs in (
            ("pp", "Préambule", res.preamble),
            ("op", "Dispositif", res.operative),
        )
        if paragraphs
    ]
    return {
        "legend": list(marks.values()),
        "groups": groups,
        "verbs": [(verb, [item(p) for p in ps]) for verb, ps in verb_groups(res)],
        "themes": [
            (s, name, [item(p) for p in res.paragraphs if s in e.notes.themes_of(p.anchor)])
            for s, name in e.notes.themes.items()
        ],
    }


def citation_graph(e: Edition, page: str) -> Markup:
    """The citation graph (SVG, with a list for narrow screens and a table), or nothing."""
    res = e.res
    edges = citation_edges(res)
    if not edges:
        return Markup("")
    order = place_order(res)
    sources = sorted({x.source for x in edges}, key=lambda a: order[a])
    cited = {x.key for x in edges}
    docs = [d for d in res.documents if d.key in cited]
    width, left_w, right_x = 720, 150, 340
    doc_h, doc_pitch, src_h, top = 38, 48, 28, 8
    doc_y = {d.key: top + i * doc_pitch for i, d in enumerate(docs)}
    height = top + len(docs) * doc_pitch
    # each citing place sits level with the middle of the documents it cites
    by_source: dict[str, list[float]] = {}
    for x in edges:  # one pass over the edges (linear in the citations)
        by_source.setdefault(x.source, []).append(doc_y[x.key] + doc_h / 2)
    wanted = [sum(by_source[a]) / len(by_source[a]) - src_h / 2 for a in sources]
    low, high = top, max(height - doc_pitch + doc_h - src_h, top)
    src_pos = spread(wanted, src_h + 8, low, max(high, top + (len(sources) - 1) * (src_h + 8)))
    src_y = dict(zip(sources, src_pos, strict=True))
    height = max(height, max(src_pos) + src_h + top)
    index = {d.key: i for i, d in enumerate(docs)}
    src_tag = {a: f"s{i}" for i, a in enumerate(sources)}

    def href(target: str) -> str:
        return urls.href(page, target)

    nodes = [
        {
            "tag": src_tag[a],
            "anchor": a,
            "header": a == HEADER,
            "y": f"{src_y[a]:.1f}",
            "text_y": f"{src_y[a] + src_h / 2 + 4.5:.1f}",
            "label": place_label(res, a),
            "href": href(place_target(res, a)),
        }
        for a in sources
    ]
    doc_nodes = []
    for d in docs:
        y = doc_y[d.key]
        title = e.document_title(d.key)
        first, second = (d.symbol, title) if d.symbol else (title, "")
        doc_nodes.append(
            {
                "tag": f"d{index[d.key]}",
                "key": d.key,
                "y": y,
                "first": first,
                "second": shorten(second, 64) if second and second != first else "",
                "name": f"{d.symbol} — {title}" if d.symbol else title,
                "mid_y": f"{y + doc_h / 2 + 4.5:.1f}",
                "href": href(urls.document_target(d.key)),
            }
        )
    paths = []
    for x in edges:
        x1, y1 = left_w, src_y[x.source] + src_h / 2
        x2, y2 = right_x, doc_y[x.key] + doc_h / 2
        mid = (x1 + x2) / 2
        paths.append(
            {
                "cls": " ".join(f"vis-edge--{'entete' if k == BY_HEADER else k}" for k in x.kinds),
                "src": src_tag[x.source],
                "doc": f"d{index[x.key]}",
                "from": x.source,
                "to": x.key,
                "d": f"M{x1},{y1:.1f} C{mid},{y1:.1f} {mid},{y2:.1f} {x2},{y2:.1f}",
            }
        )
    n_places = sum(1 for a in sources if a != HEADER)
    rows = [
        {
            "place": place_label(res, x.source),
            "place_href": href(place_target(res, x.source)),
            "key": x.key,
            "doc_href": href(urls.document_target(x.key)),
            "title": e.document_title(x.key),
            "where": kinds_text(x),
        }
        for x in sorted(edges, key=lambda x: order[x.source])
    ]
    rows_of: dict[str, list[dict]] = {}
    for r in rows:
        rows_of.setdefault(r["key"], []).append(r)
    by_document = [(dn, rows_of.get(dn["key"], [])) for dn in doc_nodes]
    return Markup(
        ENV.get_template("graph.html").render(
            res=res,
            width=width,
            height=f"{height:.0f}",
            left_w=left_w,
            right_x=right_x,
            right_w=width - right_x - 2,
            doc_h=doc_h,
            src_h=src_h,
            nodes=nodes,
            docs=doc_nodes,
            paths=paths,
            tags=[n["tag"] for n in nodes] + [d["tag"] for d in doc_nodes],
            n_places=n_places,
            has_header=HEADER in sources,
            rows=rows,
            by_document=by_document,
        )
    )
