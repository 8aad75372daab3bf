"""Stage 3: render the model as the site's Markdown pages (and resolution.json).

Every page is a pure function of the model and the annotations. Resolution wording is
wrapped in elements of class `res`; everything the edition adds carries class `ed`
(editorial), so a reader can tell them apart and the tests can check that nothing was
lost or invented.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field

from . import akn, exports, offline, webapp
from .annotations import Annotations, official_link, slug
from .french import french_date, paragraph_label, pinpoint, report_basis
from .model import CitedDocument, Paragraph, Resolution
from .visuals import Visuals

GENERATED = "Généré par scripts/edition depuis {source} : ne pas modifier à la main."

PREAMBLE_PAGE = "preambule.md"
FULL_TEXT_PAGE = "texte-integral.md"
DOCUMENTS_PAGE = "documents.md"
THEMES_PAGE = "themes.md"
HOME_PAGE = "index.md"
ABOUT_PAGE = "a-propos.md"


def operative_page(number: int) -> str:
    return f"dispositif/{number}.md"


def label(p: Paragraph) -> str:
    """« Préambule, alinéa 3 », « Paragraphe 5 »."""
    return paragraph_label(p.kind, p.number)


def citation(res: Resolution, p: Paragraph | None = None) -> str:
    """A ready citation, such as
    « Assemblée générale, résolution 68/160, par. 5, A/RES/68/160 (18 décembre 2013) »."""
    where = f", {pinpoint(p.kind, p.number)}" if p is not None else ""
    return f"Assemblée générale, résolution {res.short}{where}, {res.symbol} ({french_date(res.adopted)})"


def home_of(p: Paragraph) -> str:
    """The page where a paragraph lives on its own (with its anchor)."""
    return PREAMBLE_PAGE if p.kind == "pp" else operative_page(p.number)


def esc(text: str) -> str:
    """Text safe to put in Markdown: no character of it starts markup."""
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def attr(text: str) -> str:
    """Text safe inside a quoted HTML/attr_list attribute."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@dataclass
class Renderer:
    res: Resolution
    notes: Annotations
    source_name: str
    doc_anchors: dict[str, str] = field(init=False)  # document key -> anchor on the documents page

    def __post_init__(self) -> None:
        self.doc_anchors = {d.key: slug(d.key) for d in self.res.documents}

    # -- links ------------------------------------------------------------------------

    @staticmethod
    def rel(page: str, target: str) -> str:
        """Relative link from `page` to `target` ("page.md#anchor")."""
        path, _, anchor = target.partition("#")
        link = posixpath.relpath(path, posixpath.dirname(page) or ".") if path else ""
        return link + (f"#{anchor}" if anchor else "")

    def doc_link(self, page: str, key: str) -> str:
        return self.rel(page, f"{DOCUMENTS_PAGE}#{self.doc_anchors[key]}")

    def para_link(self, page: str, p: Paragraph, full_text: bool = False) -> str:
        return self.rel(page, f"{FULL_TEXT_PAGE if full_text else home_of(p)}#{p.anchor}")

    # -- pieces -----------------------------------------------------------------------

    def header(self, title: str, description: str) -> str:
        return (
            f"---\n# {GENERATED.format(source=self.source_name)}\n"
            f'title: "{attr(title)}"\ndescription: "{attr(description)}"\n---\n\n'
        )

    def inline(self, page: str, p: Paragraph) -> str:
        """A paragraph's wording as Markdown: italic opening, links on cited documents,
        footnote calls where the notes were."""
        events = [(c.start, 0, c) for c in p.citations] + [(c.end, 1, c) for c in p.citations]
        events += [(call.offset, 2, call) for call in p.calls]
        events.sort(key=lambda e: (e[0], e[1]))
        out, pos = [], 0
        opening_end = len(p.opening)
        italic_open = True
        out.append("*")
        for offset, kind, item in events:
            chunk = p.text[pos:offset]
            if italic_open and offset >= opening_end:
                out.append(esc(p.text[pos:opening_end]) + "*" + esc(p.text[opening_end:offset]))
                italic_open = False
            else:
                out.append(esc(chunk))
            pos = offset
            if kind == 0:
                out.append("[")
            elif kind == 1:
                title = attr(self.notes.document(self.doc(item.key)).title)
                out.append(f']({self.doc_link(page, item.key)} "{title}"){self.print_href(item.key)}')
            else:
                out.append(f"[^{item.number}]")
        if italic_open:
            out.append(esc(p.text[pos:opening_end]) + "*")
            pos = opening_end
        out.append(esc(p.text[pos:]))
        return "".join(out)

    def print_href(self, key: str) -> str:
        """attr_list giving a link the document's official address, which print.css shows
        after the link on paper."""
        d = self.doc(key)
        link = official_link(d, self.notes.document(d))
        return f'{{ data-print-href="{attr(link)}" }}' if link else ""

    def doc(self, key: str) -> CitedDocument:
        return next(d for d in self.res.documents if d.key == key)

    def paragraph_block(self, page: str, p: Paragraph) -> str:
        """One paragraph: its anchor, a visible permalink, its wording, its themes."""
        permalink = self.rel(page, f"{page}#{p.anchor}")
        if p.kind == "pp":
            number = (
                f'[Alinéa {p.number}]({permalink} "Lien permanent vers cet alinéa"){{ .ed .res-para__link }}'
            )
            body = f"{number}\n{self.inline(page, p)}"
        else:
            number = f'[{p.number}.]({permalink} "Lien permanent vers ce paragraphe"){{ .res-para__link }}'
            body = f"{number} {self.inline(page, p)}"
        data = (
            f'data-label="{attr(label(p))}" data-cite="{attr(citation(self.res, p))}" '
            f'data-anchor="{p.anchor}"'
        )
        themes = self.themes_line(page, p)
        return (
            f'<div class="res res-para res-para--{p.kind}" id="{p.anchor}" {data} markdown>\n'
            f"{body}\n{{ .res-para__text }}\n{themes}{self.exports_line(page, p)}</div>\n"
        )

    def exports_line(self, page: str, p: Paragraph) -> str:
        """Links to the open exports; the title names the paragraph's element in each."""
        links = [
            (exports.JSON_FILE, "JSON", f"Le texte structuré (paragraphe « {p.anchor} »)"),
            (exports.AKN_FILE, "Akoma Ntoso", f"XML Akoma Ntoso (élément eId « {akn.eid(p.anchor)} »)"),
            (exports.TEXT_FILE, "texte", "Texte brut de la résolution"),
        ]
        md = " · ".join(f'[{text}]({self.rel(page, name)} "{attr(title)}")' for name, text, title in links)
        return f"\nDonnées : {md}\n{{ .ed .res-exports }}\n"

    def themes_line(self, page: str, p: Paragraph) -> str:
        slugs = self.notes.themes_of(p.anchor)
        if not slugs:
            return ""
        links = " ".join(
            f"[{esc(self.notes.themes[s])}]({self.rel(page, THEMES_PAGE + '#' + s)}){{ .res-theme }}"
            for s in slugs
        )
        return f"\nThèmes : {links}\n{{ .ed .res-themes }}\n"

    def footnote_defs(self, page: str, paragraphs: list[Paragraph]) -> str:
        numbers = [c.number for p in paragraphs for c in p.calls]
        lines = []
        for n in numbers:
            note = self.res.footnote(n)
            text, pos = [], 0
            for c in note.citations:
                text.append(esc(note.text[pos : c.start]))
                text.append(
                    f"[{esc(note.text[c.start : c.end])}]({self.doc_link(page, c.key)})"
                    f"{self.print_href(c.key)}"
                )
                pos = c.end
            text.append(esc(note.text[pos:]))
            lines.append(f"[^{n}]: {''.join(text)}")
        return ("\n" + "\n".join(lines) + "\n") if lines else ""

    def formula(self) -> str:
        return f'<p class="res res-formula" markdown>{esc(self.res.formula)}</p>\n'

    def heading_block(self) -> str:
        r = self.res
        report = self.doc_link(FULL_TEXT_PAGE, r.report) if r.report in self.doc_anchors else None
        report_md = f"[{esc(r.report)}]({report}){self.print_href(r.report)}" if report else esc(r.report)
        basis = esc(report_basis(r.committee))
        return (
            f'<div class="res res-header" markdown>\n'
            f"Résolution adoptée par l’Assemblée générale le {french_date(r.adopted)}\n"
            f"{{ .res-header__adopted }}\n\n"
            f"\\[{basis} ({report_md})\\]\n{{ .res-header__report }}\n\n"
            f"**{r.short}. {esc(r.title)}**\n{{ .res-header__title }}\n"
            f"</div>\n"
        )

    # -- pages ------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        pages = {
            HOME_PAGE: self.home(),
            PREAMBLE_PAGE: self.preamble(),
            FULL_TEXT_PAGE: self.full_text(),
            DOCUMENTS_PAGE: self.documents(),
            THEMES_PAGE: self.themes(),
        }
        for p in self.res.operative:
            pages[operative_page(p.number)] = self.operative(p)
        pages[exports.JSON_FILE] = self.json()
        pages.update(self.exports())
        return pages

    def exports(self) -> dict[str, str]:
        """The open exports beside resolution.json (see exports.py and akn.py)."""
        generated = GENERATED.format(source=self.source_name)
        return {
            exports.TEXT_FILE: exports.plain_text(self.res),
            exports.SCHEMA_FILE: exports.json_schema(generated),
            exports.AKN_FILE: akn.akoma_ntoso(self.res, self.notes, generated),
        }

    def preamble(self) -> str:
        page, r = PREAMBLE_PAGE, self.res
        out = [
            self.header(
                f"Préambule — résolution {r.short}",
                f"Préambule de la résolution {r.symbol} de l’Assemblée générale : "
                f"la formule d’ouverture et les {len(r.preamble)} alinéas.",
            ),
            "# Préambule { .ed }\n\n",
            self.formula(),
            "\n",
        ]
        out += [self.paragraph_block(page, p) + "\n" for p in r.preamble]
        out.append(self.footnote_defs(page, list(r.preamble)))
        return "".join(out)

    def operative(self, p: Paragraph) -> str:
        page, r = operative_page(p.number), self.res
        docs = [d for d in r.documents if p.anchor in d.cited_by]
        out = [
            self.header(
                f"Paragraphe {p.number} — résolution {r.short}",
                f"Paragraphe {p.number} du dispositif de la résolution {r.symbol} : {p.text[:120]}…",
            ),
            f"# Paragraphe {p.number} {{ .ed }}\n\n",
            f"Dispositif, paragraphe {p.number} sur {len(r.operative)}.\n{{ .ed .res-context }}\n\n",
            self.paragraph_block(page, p),
            "\n",
        ]
        side = ['<div class="ed res-aside" markdown>\n']
        if docs:
            side.append("**Documents cités :**\n\n")
            side += [f"- [{esc(self.notes.document(d).title)}]({self.doc_link(page, d.key)})\n" for d in docs]
            side.append("\n")
        side.append(
            f"[Lire ce paragraphe dans le texte intégral]({self.para_link(page, p, full_text=True)})\n\n"
        )
        prev_p = r.operative[p.number - 2] if p.number > 1 else None
        next_p = r.operative[p.number] if p.number < len(r.operative) else None
        nav = []
        if prev_p:
            nav.append(f"[← Paragraphe {prev_p.number}]({self.para_link(page, prev_p)})")
        else:
            nav.append(f"[← Préambule]({self.rel(page, PREAMBLE_PAGE)})")
        if next_p:
            nav.append(f"[Paragraphe {next_p.number} →]({self.para_link(page, next_p)})")
        side.append(" · ".join(nav) + "\n{ .res-prevnext }\n</div>\n")
        out += side
        out.append(self.footnote_defs(page, [p]))
        return "".join(out)

    def full_text(self) -> str:
        page, r = FULL_TEXT_PAGE, self.res
        out = [
            self.header(
                f"Texte intégral — résolution {r.short}",
                f"Texte intégral de la résolution {r.symbol} de l’Assemblée générale, "
                f"« {r.title} », adoptée le {french_date(r.adopted)}.",
            ),
            "# Texte intégral { .ed }\n\n",
            self.heading_block(),
            "\n",
            self.formula(),
            "\n",
        ]
        out += [self.paragraph_block(page, p) + "\n" for p in r.paragraphs]
        out.append(self.footnote_defs(page, list(r.paragraphs)))
        return "".join(out)

    def documents(self) -> str:
        page, r = DOCUMENTS_PAGE, self.res
        out = [
            self.header(
                f"Documents cités — résolution {r.short}",
                f"Les {len(r.documents)} documents cités par la résolution {r.symbol}, "
                "en note ou dans le texte, avec une notice et leur lien officiel.",
            ),
            "# Documents cités\n\n",
            '<div class="ed" markdown>\n'
            f"La résolution cite {len(r.documents)} documents, en note ou dans son texte. "
            "Chaque notice est rédigée par l’édition et se lit hors ligne ; le lien officiel "
            "mène au document lui-même.\n</div>\n\n",
            Visuals(self).citation_graph(page),
            "\n",
        ]
        for d in r.documents:
            note = self.notes.document(d)
            out.append(f"## {esc(note.title)} {{ #{self.doc_anchors[d.key]} }}\n\n")
            out.append('<div class="ed res-doc" markdown>\n')
            facts = []
            if d.symbol:
                facts.append(f"- **Cote :** {esc(d.symbol)}")
            if note.body:
                facts.append(f"- **Organe :** {esc(note.body)}")
            if note.date:
                facts.append(f"- **Date :** {esc(note.date)}")
            link = official_link(d, note)
            if link:
                facts.append(f"- **Lien officiel :** <{link}>")
            out.append("\n".join(facts) + "\n\n")
            if note.note:
                out.append(esc(note.note) + "\n\n")
            elif not note.known:
                out.append("Aucune notice n’a encore été rédigée pour ce document.\n\n")
            out.append("**Cité dans :** " + ", ".join(self.cited_in(page, d)) + ".\n")
            out.append("</div>\n\n")
        return "".join(out)

    def cited_in(self, page: str, d: CitedDocument) -> list[str]:
        out = []
        for anchor in d.cited_by:
            if anchor == "header":
                out.append(f"[l’en-tête de la résolution]({self.rel(page, FULL_TEXT_PAGE)})")
                continue
            p = self.res.paragraph(anchor)
            notes = [n for n in d.notes if self.res.footnote(n).paragraph == anchor]
            suffix = "".join(f" (note {n})" for n in notes)
            out.append(f"[{label(p)[0].lower()}{label(p)[1:]}]({self.para_link(page, p)}){suffix}")
        return out

    def themes(self) -> str:
        page, r = THEMES_PAGE, self.res
        out = [
            self.header(
                f"Thèmes — résolution {r.short}",
                f"Les paragraphes de la résolution {r.symbol} regroupés par thème.",
            ),
            "# Thèmes\n\n",
            '<div class="ed" markdown>\nLes thèmes sont attribués par l’édition, non par '
            "l’Assemblée générale : ils aident à parcourir le texte.\n</div>\n\n",
        ]
        for s, name in self.notes.themes.items():
            members = [p for p in r.paragraphs if s in self.notes.themes_of(p.anchor)]
            out.append(f"## {esc(name)} {{ #{s} }}\n\n")
            out += [f"- [{label(p)}]({self.para_link(page, p)}) — *{esc(p.opening)}*\n" for p in members]
            out.append("\n")
        return "".join(out)

    def home(self) -> str:
        page, r = HOME_PAGE, self.res
        report = (
            f"[{esc(r.report)}]({self.doc_link(page, r.report)})"
            if r.report in self.doc_anchors
            else esc(r.report)
        )
        out = [
            self.header(
                f"Résolution {r.short} — {r.title}",
                f"Édition numérique annotée du texte français de la résolution "
                f"{r.symbol} de l’Assemblée générale des Nations Unies, « {r.title} », "
                f"adoptée le {french_date(r.adopted)}.",
            ),
            f"# {esc(r.title)}\n\n",
            '<div class="ed res-facts" markdown>\n',
            f"- **Résolution :** {r.short} ({esc(r.symbol)})\n",
            f"- **Adoptée le :** {french_date(r.adopted)}, par l’Assemblée générale "
            f"({r.session}<sup>e</sup> session)\n",
            f"- **Sur la base du rapport :** {report}"
            + (f" ({esc(r.committee)})" if r.committee else "")
            + "\n",
            f"- **Structure :** {len(r.preamble)} alinéas de préambule, "
            f"{len(r.operative)} paragraphes de dispositif, {len(r.footnotes)} notes\n",
            "</div>\n\n",
            "## Guide de l’édition\n\n",
            '<div class="ed" markdown>\n'
            "Cette édition reproduit le texte français officiel de la résolution, mot pour mot. "
            f"Le [préambule]({self.rel(page, PREAMBLE_PAGE)}) et chaque paragraphe du dispositif "
            "ont leur propre page et leur propre ancre, pour être liés et cités un à un ; le "
            f"[texte intégral]({self.rel(page, FULL_TEXT_PAGE)}) réunit tout sur une page, pour "
            "la lecture suivie et l’impression. Les notes de bas de page renvoient aux "
            f"[documents cités]({self.rel(page, DOCUMENTS_PAGE)}), décrits par l’édition. "
            "Tout ce que l’édition ajoute (titres, numéros d’alinéa, thèmes, notices) est "
            "présenté sur fond distinct ; voir [À propos]"
            f"({self.rel(page, ABOUT_PAGE)}). La recherche, en haut de page, ignore les "
            "accents et les élisions (« xenophobie » trouve « xénophobie », « homme » trouve "
            "« l’homme ») et mène au paragraphe lui-même.\n</div>\n\n",
            Visuals(self).resolution_map(page),
            Visuals(self).verbs(page),
            "## Structure\n\n",
            f"[L’Assemblée générale,]({self.rel(page, PREAMBLE_PAGE)})\n\n",
            "**Préambule**\n\n",
        ]
        out += [
            f"{p.number}. [{esc(p.opening)}]({self.para_link(page, p)}) — {esc(self.excerpt(p))}\n"
            for p in r.preamble
        ]
        out.append("{ .res-toc }\n\n**Dispositif**\n\n")
        out += [
            f"{p.number}. [{esc(p.opening)}]({self.para_link(page, p)}) — {esc(self.excerpt(p))}\n"
            for p in r.operative
        ]
        out.append("{ .res-toc }\n\n")
        out += [
            "## Citer\n\n",
            '<div class="ed" markdown>\n'
            "Pour citer la résolution :\n\n"
            f"> {esc(citation(r))}\n\n"
            "Pour citer un paragraphe, ajoutez son numéro, par exemple :\n\n"
            f"> {esc(citation(r, r.operative[0]))}\n\n"
            "Sous chaque paragraphe, le bouton « Citer » copie cette référence et « Copier "
            "le lien » son adresse permanente.\n"
            "</div>\n\n",
            "## Données\n\n",
            '<div class="ed" markdown>\n'
            f"- [resolution.json]({self.rel(page, exports.JSON_FILE)}) : le texte structuré "
            "(métadonnées, paragraphes, notes, documents cités), décrit par le schéma JSON "
            f"[resolution.schema.json]({self.rel(page, exports.SCHEMA_FILE)}).\n"
            f"- [resolution.akn.xml]({self.rel(page, exports.AKN_FILE)}) : la résolution "
            "en XML Akoma Ntoso 3.0, selon les conventions de l’ONU (AKN4UN).\n"
            f"- [resolution.txt]({self.rel(page, exports.TEXT_FILE)}) : le texte brut "
            "(UTF-8), prêt à citer.\n"
            "</div>\n\n",
            "## Lire hors ligne\n\n",
            webapp.snippet() + "\n",
            '<div class="ed" markdown>\n'
            f'Sur un ordinateur : <a href="{offline.zip_name(r.symbol)}" download>télécharger la '
            f"copie hors ligne du site</a>{offline.SIZE_MARKER}, une archive zip du site entier. "
            "Décompressez-la et ouvrez le fichier `index.html` du dossier obtenu : tout "
            "fonctionne sans connexion (navigation, notes, recherche).\n"
            "</div>\n",
        ]
        return "".join(out)

    @staticmethod
    def excerpt(p: Paragraph, words: int = 10) -> str:
        rest = p.rest.split()
        return " ".join(rest[:words]) + (" …" if len(rest) > words else "")

    def json(self) -> str:
        r = self.res

        def page_url(p: Paragraph) -> str:
            return home_of(p).removesuffix(".md") + f".html#{p.anchor}"

        data = {
            "$comment": GENERATED.format(source=self.source_name),
            "symbol": r.symbol,
            "session": r.session,
            "number": r.number,
            "adopted": r.adopted,
            "language": "fr",
            "title": r.title,
            "committee": r.committee,
            "report": r.report,
            "formula": r.formula,
            "paragraphs": [
                {
                    "kind": "preamble" if p.kind == "pp" else "operative",
                    "number": p.number,
                    "id": p.anchor,
                    "label": label(p),
                    "opening": p.opening,
                    "text": p.text,
                    "url": page_url(p),
                    "full_text_url": f"texte-integral.html#{p.anchor}",
                    "footnotes": [{"number": c.number, "offset": c.offset} for c in p.calls],
                    "citations": [{"document": c.key, "start": c.start, "end": c.end} for c in p.citations],
                    "themes": list(self.notes.themes_of(p.anchor)),
                    "citation": citation(r, p),
                    "source_line": p.line,
                }
                for p in r.paragraphs
            ],
            "footnotes": [
                {
                    "number": n.number,
                    "text": n.text,
                    "paragraph": n.paragraph,
                    "documents": list(n.symbols),
                    "source_line": n.line,
                }
                for n in r.footnotes
            ],
            "documents": [
                {
                    "key": d.key,
                    "symbol": d.symbol,
                    "id": self.doc_anchors[d.key],
                    "title": self.notes.document(d).title,
                    "body": self.notes.document(d).body,
                    "date": self.notes.document(d).date,
                    "link": official_link(d, self.notes.document(d)),
                    "cited_by": list(d.cited_by),
                    "footnotes": list(d.notes),
                    "url": f"documents.html#{self.doc_anchors[d.key]}",
                }
                for d in r.documents
            ],
            "themes": dict(self.notes.themes),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
