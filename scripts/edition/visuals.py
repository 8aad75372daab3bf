"""The resolution at a glance: a map of its paragraphs, a graph of what they cite, and the
operative verbs with the paragraphs that use them.

Everything here is derived from the model and the annotations (no hand-typed lists), is
static HTML/SVG written at build time (no script, no external request), and is editorial:
each piece sits inside an element of class `ed`. Raw HTML and SVG are not rewritten by
MkDocs, so their links are written as the final `.html` addresses, relative to the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .model import Paragraph, Resolution

# Theme colours come from CSS (docs/assets/stylesheets/visuals.css): class vis-tN, N < PALETTE
PALETTE = 8

# Citation kinds, as the edges show them
IN_TEXT, BY_NOTE, HEADER = "texte", "note", "en-tête"
HEADER_ANCHOR = "header"


def h(text: str) -> str:
    return escape(text, quote=True)


def html_href(link: str) -> str:
    """A link made for Markdown ("dispositif/5.md#op-5") as the built site spells it."""
    path, sep, anchor = link.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + sep + anchor


def place_order(res: Resolution) -> dict[str, int]:
    """The rank of each citing place in the text: the header first, then the paragraphs."""
    order = {p.anchor: i for i, p in enumerate(res.paragraphs)}
    order[HEADER_ANCHOR] = -1
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
    kinds: tuple[str, ...]  # IN_TEXT, BY_NOTE, HEADER
    notes: tuple[int, ...] = ()


def citation_edges(res: Resolution) -> list[Edge]:
    """One edge per (citing place, document) pair, in document order then paragraph order."""
    order = place_order(res)
    edges = []
    for d in res.documents:
        for anchor in sorted(set(d.cited_by), key=lambda a: order.get(a, len(order))):
            if anchor == HEADER_ANCHOR:
                edges.append(Edge(anchor, d.key, (HEADER,)))
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


class Visuals:
    """The at-a-glance pieces of one edition; `renderer` gives links, labels and notes."""

    def __init__(self, renderer) -> None:
        self.r = renderer
        self.res: Resolution = renderer.res
        self.notes = renderer.notes
        self.theme_index = {s: i for i, s in enumerate(self.notes.themes)}

    # -- helpers ----------------------------------------------------------------------

    def href(self, page: str, target: str) -> str:
        return html_href(self.r.rel(page, target))

    def para_href(self, page: str, p: Paragraph) -> str:
        return html_href(self.r.para_link(page, p))

    def theme_class(self, slug: str) -> str:
        return f"vis-t{self.theme_index[slug] % PALETTE}"

    def themes_text(self, p: Paragraph) -> str:
        return ", ".join(self.notes.themes[s] for s in self.notes.themes_of(p.anchor))

    def place_label(self, anchor: str) -> str:
        if anchor == HEADER_ANCHOR:
            return "En-tête"
        p = self.res.paragraph(anchor)
        return f"Alinéa {p.number}" if p.kind == "pp" else f"Paragraphe {p.number}"

    def place_href(self, page: str, anchor: str) -> str:
        if anchor == HEADER_ANCHOR:
            return self.href(page, "texte-integral.md")
        return self.para_href(page, self.res.paragraph(anchor))

    def doc_href(self, page: str, key: str) -> str:
        return html_href(self.r.doc_link(page, key))

    # -- the map of the resolution (home page) ----------------------------------------

    def legend(self) -> str:
        if not self.notes.themes:
            return ""
        items = "".join(
            f'<li><span class="vis-swatch {self.theme_class(s)}" aria-hidden="true"></span>{h(name)}</li>'
            for s, name in self.notes.themes.items()
        )
        return (
            f'<p class="vis-legend__title" id="vis-legend-title">Thèmes (attribués par '
            f'l’édition)</p>\n<ul class="vis-legend" aria-labelledby="vis-legend-title">'
            f"{items}</ul>\n"
        )

    def tile(self, page: str, p: Paragraph) -> str:
        slugs = self.notes.themes_of(p.anchor)
        bands = "".join(f'<span class="{self.theme_class(s)}"></span>' for s in slugs)
        kind = "Alinéa" if p.kind == "pp" else "Paragraphe"
        themes = f'<span class="vis-sr"> — thèmes : {h(self.themes_text(p))}</span>' if slugs else ""
        main = f" {self.theme_class(slugs[0])}" if slugs else ""
        return (
            f'<li><a class="vis-tile{main}" href="{self.para_href(page, p)}" '
            f'data-anchor="{p.anchor}">'
            f'<span class="vis-tile__bands" aria-hidden="true">{bands}</span>'
            f'<span class="vis-tile__num"><span class="vis-sr">{kind} </span>{p.number}</span> '
            f'<span class="vis-tile__open">{h(p.opening)}</span>{themes}</a></li>'
        )

    def map_table(self, page: str) -> str:
        rows = []
        for p in self.res.paragraphs:
            docs = [d for d in self.res.documents if p.anchor in d.cited_by]
            cited = ", ".join(f'<a href="{self.doc_href(page, d.key)}">{h(d.key)}</a>' for d in docs) or "—"
            rows.append(
                f'<tr><th scope="row"><a href="{self.para_href(page, p)}">'
                f"{h(self.place_label(p.anchor))}</a></th>"
                f"<td><em>{h(p.opening)}</em></td>"
                f"<td>{h(self.themes_text(p)) or '—'}</td><td>{cited}</td></tr>"
            )
        return (
            '<details class="vis-text">\n<summary>Le plan sous forme de tableau</summary>\n'
            '<table>\n<thead><tr><th scope="col">Paragraphe</th><th scope="col">'
            'Premiers mots</th><th scope="col">Thèmes</th><th scope="col">Documents cités'
            "</th></tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
            "</details>\n"
        )

    def resolution_map(self, page: str) -> str:
        """Every paragraph as a tile, in order: number, opening words, theme colours."""
        r = self.res
        coloured = (
            (
                " ; la couleur de chaque case est celle de son premier thème, les bandes "
                "en tête de case montrent tous ses thèmes"
            )
            if self.notes.themes
            else ""
        )
        out = [
            "## Plan de la résolution { #plan }\n\n",
            '<div class="ed vis-map" role="group" aria-labelledby="plan" aria-describedby="vis-map-desc">\n',
            f'<p class="vis-map__desc" id="vis-map-desc">Les {len(r.preamble)} alinéas du '
            f"préambule et les {len(r.operative)} paragraphes du dispositif dans l’ordre du "
            f"texte, chacun avec son numéro et ses premiers mots{coloured}. Chaque case mène "
            "au paragraphe.</p>\n",
            self.legend(),
        ]
        for kind, title, paragraphs in (("pp", "Préambule", r.preamble), ("op", "Dispositif", r.operative)):
            if not paragraphs:
                continue
            out.append(
                f'<p class="vis-map__group" id="vis-map-{kind}">{title}</p>\n'
                f'<ol class="vis-tiles vis-tiles--{kind}" aria-labelledby="vis-map-{kind}">'
                + "".join(self.tile(page, p) for p in paragraphs)
                + "</ol>\n"
            )
        out.append(self.map_table(page))
        out.append("</div>\n\n")
        return "".join(out)

    # -- what the Assembly does (home page) --------------------------------------------

    def verbs(self, page: str) -> str:
        """The operative verbs, each with the paragraphs it opens (Markdown: links checked)."""
        groups = verb_groups(self.res)
        if not groups:
            return ""
        n = len(self.res.operative)
        rows = []
        for opening, paragraphs in groups:
            links = " ".join(
                f'[{p.number}]({self.r.para_link(page, p)} "Paragraphe {p.number}"){{ .vis-chip }}'
                for p in paragraphs
            )
            rows.append(f"| *{self.r_esc(opening)}* | {len(paragraphs)} | {links} |")
        return (
            "## Ce que fait l’Assemblée { #verbes }\n\n"
            '<div class="ed vis-verbs" markdown>\n'
            f"Les {n} paragraphes du dispositif commencent par {len(groups)} "
            f"formule{'s' if len(groups) > 1 else ''} : ce que l’Assemblée générale "
            "réaffirme, demande, décide…, avec les paragraphes qui l’emploient.\n\n"
            "| Formule | Nombre | Paragraphes |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n\n</div>\n\n"
        )

    @staticmethod
    def r_esc(text: str) -> str:
        from .render import esc

        return esc(text).replace("|", "\\|")

    # -- the citation graph (documents page) --------------------------------------------

    def citation_graph(self, page: str) -> str:
        edges = citation_edges(self.res)
        if not edges:
            return ""
        return (
            '<div class="ed vis-graph">\n'
            + self.graph_svg(page, edges)
            + self.graph_table(page, edges)
            + "</div>\n"
        )

    def graph_svg(self, page: str, edges: list[Edge]) -> str:
        order = place_order(self.res)
        sources = sorted({e.source for e in edges}, key=lambda a: order[a])
        docs = [d for d in self.res.documents if any(e.key == d.key for e in edges)]
        width, left_w, right_x = 720, 150, 340
        right_w = width - right_x - 2
        doc_h, doc_pitch, src_h, top = 38, 48, 28, 8
        doc_y = {d.key: top + i * doc_pitch for i, d in enumerate(docs)}
        height = top + len(docs) * doc_pitch
        # each citing place sits level with the middle of the documents it cites
        wanted = []
        for a in sources:
            ys = [doc_y[e.key] + doc_h / 2 for e in edges if e.source == a]
            wanted.append(sum(ys) / len(ys) - src_h / 2)
        low, high = top, max(height - doc_pitch + doc_h - src_h, top)
        src_pos = spread(wanted, src_h + 8, low, max(high, top + (len(sources) - 1) * (src_h + 8)))
        src_y = dict(zip(sources, src_pos, strict=True))
        height = max(height, max(src_pos) + src_h + top)
        index = {d.key: i for i, d in enumerate(docs)}

        n_places = sum(1 for a in sources if a != HEADER_ANCHOR)
        header = " et l’en-tête" if HEADER_ANCHOR in sources else ""
        desc = (
            f"À gauche, les {n_places} paragraphes qui citent au moins un document{header} ; "
            f"à droite, les {len(docs)} documents cités ; un trait par citation, plein si le "
            "document est nommé dans le texte, en tirets s’il l’est dans une note de bas de "
            "page. Chaque nom mène au paragraphe ou à la notice du document. Le tableau qui "
            "suit donne les mêmes citations."
        )
        out = [
            f'<svg class="vis-graph__svg" viewBox="0 0 {width} {height:.0f}" '
            f'width="{width}" height="{height:.0f}" '
            'aria-labelledby="vis-graph-title" aria-describedby="vis-graph-desc" '
            'xmlns="http://www.w3.org/2000/svg">',
            f'<title id="vis-graph-title">Qui cite quoi : les citations de la résolution '
            f"{self.res.short}</title>",
            f'<desc id="vis-graph-desc">{h(desc)}</desc>',
            "<style>",
        ]
        # hovering or focusing a node brings forward the edges that meet it
        tags = [f"s{i}" for i in range(len(sources))] + [f"d{i}" for i in range(len(docs))]
        for tag in tags:
            out.append(
                f".vis-graph:has(.vis-n-{tag}:is(:hover,:focus-visible)) .vis-e-{tag}"
                "{stroke:var(--md-accent-fg-color);stroke-width:2.5;opacity:1}"
            )
        out.append("</style>")
        out.append('<g class="vis-edges" aria-hidden="true">')
        src_tag = {a: f"s{i}" for i, a in enumerate(sources)}
        for e in edges:
            x1, y1 = left_w, src_y[e.source] + src_h / 2
            x2, y2 = right_x, doc_y[e.key] + doc_h / 2
            mid = (x1 + x2) / 2
            kinds = " ".join(f"vis-edge--{'entete' if k == HEADER else k}" for k in e.kinds)
            out.append(
                f'<path class="vis-edge {kinds} vis-e-{src_tag[e.source]} '
                f'vis-e-d{index[e.key]}" data-from="{e.source}" data-to="{h(e.key)}" '
                f'd="M{x1},{y1:.1f} C{mid},{y1:.1f} {mid},{y2:.1f} {x2},{y2:.1f}"/>'
            )
        out.append("</g>")
        for a in sources:
            y = src_y[a]
            cls = "vis-node--header" if a == HEADER_ANCHOR else "vis-node--para"
            out.append(
                f'<a class="vis-node {cls} vis-n-{src_tag[a]}" '
                f'href="{self.place_href(page, a)}" data-node="{a}">'
                f'<rect class="vis-node__box" x="1" y="{y:.1f}" width="{left_w - 2}" '
                f'height="{src_h}" rx="4"/>'
                f'<text class="vis-node__label" x="12" y="{y + src_h / 2 + 4.5:.1f}">'
                f"{h(self.place_label(a))}</text></a>"
            )
        for d in docs:
            y = doc_y[d.key]
            title = self.notes.document(d).title
            first, second = (d.symbol, title) if d.symbol else (title, "")
            if second == first:  # a document the annotations do not describe
                second = ""
            name = f"{d.symbol} — {title}" if d.symbol else title
            lines = f'<text class="vis-node__label" x="{right_x + 12}" y="{y + 16}">{h(first)}</text>'
            if second:
                lines += (
                    f'<text class="vis-node__sub" x="{right_x + 12}" y="{y + 31}">'
                    f"{h(shorten(second, 64))}</text>"
                )
            else:
                lines = (
                    f'<text class="vis-node__label" x="{right_x + 12}" '
                    f'y="{y + doc_h / 2 + 4.5:.1f}">{h(first)}</text>'
                )
            out.append(
                f'<a class="vis-node vis-node--doc vis-n-d{index[d.key]}" '
                f'href="{self.doc_href(page, d.key)}" data-node="{h(d.key)}">'
                f"<title>{h(name)}</title>"
                f'<rect class="vis-node__box" x="{right_x}" y="{y}" width="{right_w}" '
                f'height="{doc_h}" rx="4"/>{lines}</a>'
            )
        out.append("</svg>\n")
        legend = (
            '<ul class="vis-graph__legend" aria-hidden="true">'
            '<li><svg width="36" height="10"><line class="vis-edge vis-edge--texte" '
            'x1="0" y1="5" x2="36" y2="5"/></svg> cité dans le texte</li>'
            '<li><svg width="36" height="10"><line class="vis-edge vis-edge--note" '
            'x1="0" y1="5" x2="36" y2="5"/></svg> cité en note</li>'
        )
        if HEADER_ANCHOR in sources:
            legend += (
                '<li><svg width="36" height="10"><line class="vis-edge vis-edge--entete" '
                'x1="0" y1="5" x2="36" y2="5"/></svg> cité dans l’en-tête</li>'
            )
        return (
            '<figure class="vis-graph__figure">\n<div class="vis-graph__scroll">'
            + "".join(out)
            + "</div>\n"
            + '<figcaption class="vis-graph__caption">'
            + legend
            + "</ul></figcaption>\n"
            "</figure>\n"
        )

    def graph_table(self, page: str, edges: list[Edge]) -> str:
        order = place_order(self.res)
        rows = []
        for e in sorted(edges, key=lambda e: order[e.source]):
            d = self.r.doc(e.key)
            rows.append(
                f'<tr><td><a href="{self.place_href(page, e.source)}">'
                f"{h(self.place_label(e.source))}</a></td>"
                f'<td><a href="{self.doc_href(page, e.key)}">{h(d.key)}</a> '
                f"({h(self.notes.document(d).title)})</td>"
                f"<td>{h(kinds_text(e))}</td></tr>"
            )
        return (
            '<details class="vis-text">\n<summary>Les citations sous forme de tableau '
            f'({len(edges)})</summary>\n<table>\n<thead><tr><th scope="col">Cité par</th>'
            '<th scope="col">Document</th><th scope="col">Où</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n</details>\n"
        )
