"""Stage 3: the model as the site's generated pages.

Each page is YAML front matter (written by a YAML serializer) followed by HTML rendered
from a Jinja2 template in `templates/` (autoescaped), fed by the small view models below.
MkDocs passes that HTML through untouched, so nothing from the source text or the
annotations can ever be read as Markdown, an attribute list or raw markup: escaping
happens once, at the template boundary (and in inline.HtmlRules for the wording).

Resolution wording is wrapped in elements of class `res`; everything the edition adds
carries class `ed` (editorial), so a reader can tell them apart, the reading view can hide
it, and the tests can check that nothing was lost or invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import yaml
from markupsafe import Markup, escape

from edition.formats import akn, cite, media, refman
from edition.model import HEADER, CitedDocument, Paragraph, Resolution, authority, urls
from edition.model.french import french_date, paragraph_label, report_basis
from edition.model.inline import Extras, HtmlRules, note_tokens, paragraph_tokens
from edition.model.notes import Annotations, official_link
from edition.model.typography import superscripts
from edition.pages import glossary, navigation, visuals
from edition.pages.templating import ENV

GENERATED = "Généré par scripts/edition depuis {source} : ne pas modifier à la main."
# The citation forms a reader is offered, in this order (keys of cite.formats)


def label(p: Paragraph) -> str:
    """« Préambule, alinéa 3 », « Paragraphe 5 »."""
    return paragraph_label(p.kind, p.number)


def excerpt(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# libyaml's safe dumper where PyYAML was built with it (the same YAML, about six times faster:
# the mutation corpus renders a thousand pages), else PyYAML's own
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(source: str, meta: dict) -> str:
    """YAML front matter. Material prints `title` and `description` into the page without
    escaping them, so they are stored as escaped HTML text."""
    safe = {k: (str(escape(v)) if k in ("title", "description") else v) for k, v in meta.items()}
    body = yaml.dump(safe, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100_000)
    return f"---\n# {GENERATED.format(source=source)}\n{body}---\n\n"


@dataclass
class Pages:
    """The site's generated pages: the model, the annotations, and what every page needs
    from them."""

    res: Resolution
    notes: Annotations
    source_name: str
    site_url: str | None = None  # the public address (SITE_URL), for absolute addresses
    version: str = "0.0.0"  # the project's version (pyproject.toml)
    version_date: str = "1970-01-01"  # the version's date (authority.release_date)
    extras: Extras = field(init=False)

    def __post_init__(self) -> None:
        # raised letters (« no », « 1er ») everywhere; glossary terms marked in the wording
        self.extras = Extras(
            superscripts=superscripts, terms=lambda text: glossary.occurrences(text, self.notes.glossary)
        )

    @cached_property
    def preamble_anchors(self) -> frozenset[str]:
        return frozenset(p.anchor for p in self.res.preamble)

    @cached_property
    def documents(self) -> dict[str, CitedDocument]:
        return {d.key: d for d in self.res.documents}

    @cached_property
    def cited_by(self) -> dict[str, list[CitedDocument]]:
        """Paragraph anchor -> the documents it cites, in document order (built once)."""
        out: dict[str, list[CitedDocument]] = {}
        for d in self.res.documents:
            for anchor in dict.fromkeys(d.cited_by):
                out.setdefault(anchor, []).append(d)
        return out

    def document_title(self, key: str) -> str:
        return self.notes.document(self.documents[key]).title

    def official(self, key: str) -> str | None:
        d = self.documents[key]
        return official_link(d, self.notes.document(d))

    # -- one page at a time -------------------------------------------------------------

    def render(self, page: str, template: str, meta: dict, **context) -> str:
        ctx = Page(self, page)
        body = ENV.get_template(template).render(p=ctx, res=self.res, e=self, **context)
        return front_matter(self.source_name, meta) + body

    def pages(self) -> dict[str, str]:
        r = self.res
        description = (
            f"Texte français de la résolution {r.symbol} de l’Assemblée générale des Nations Unies, "
            f"« {r.title} », adoptée le {french_date(r.adopted)} : édition numérique annotée."
        )
        # at most about 60 characters, what browsers and search engines show of a title;
        # the resolution's own title is the page's h1 and its description
        home_title = f"Résolution {r.short} de l’Assemblée générale ({r.symbol})"
        reading = {"title": home_title, "description": description}
        pages = {
            urls.HOME: self.render(
                urls.HOME, "resolution.html", {**reading, "role": "resolution"}, canonical=None
            ),
            urls.FULL_TEXT: self.render(
                urls.FULL_TEXT,
                "resolution.html",
                {
                    **reading,
                    "title": f"Texte intégral — résolution {r.short}",
                    "role": "full-text",
                    "canonical": urls.html(urls.HOME),
                },
                canonical=urls.HOME,
            ),
            urls.PREAMBLE: self.render(
                urls.PREAMBLE,
                "preamble.html",
                {
                    "title": f"Préambule — résolution {r.short}",
                    "description": f"Préambule de la résolution {r.symbol} de l’Assemblée générale : "
                    f"la formule d’ouverture et les {len(r.preamble)} alinéas.",
                    "role": "preamble",
                },
            ),
            urls.DOCUMENTS: self.render(
                urls.DOCUMENTS,
                "documents.html",
                {
                    "title": f"Documents cités — résolution {r.short}",
                    "description": f"Les {len(r.documents)} documents cités par la résolution {r.symbol}, "
                    "en note ou dans le texte, avec une notice et leur lien officiel.",
                    "role": "documents",
                },
                graph=visuals.citation_graph(self, urls.DOCUMENTS),
            ),
            urls.ANALYSIS: self.render(
                urls.ANALYSIS,
                "analysis.html",
                {
                    "title": f"Analyse — résolution {r.short}",
                    "description": f"Le plan de la résolution {r.symbol}, les formules du dispositif "
                    "et les thèmes, avec les premiers mots de chaque paragraphe.",
                    "role": "analysis",
                },
                analysis=visuals.analysis(self, urls.ANALYSIS),
            ),
            urls.THEMES: self.render(
                urls.THEMES,
                "themes.html",
                {
                    "title": f"Thèmes — résolution {r.short}",
                    "description": f"Les thèmes de la résolution {r.symbol}, présentés sur la page Analyse.",
                    "role": "themes",
                    "canonical": urls.html(urls.ANALYSIS),
                    "search": {"exclude": True},  # a redirect: nothing to find here
                },
            ),
        }
        pages[urls.GLOSSARY] = self.render(
            urls.GLOSSARY,
            "glossary.html",
            {
                "title": f"Glossaire et série — résolution {r.short}",
                "description": f"Les institutions et les textes que nomme la résolution {r.symbol}, et les "
                "résolutions de l’Assemblée générale de même titre.",
                "role": "glossary",
            },
            series=glossary.series_view(r, self.notes),
        )
        pages[urls.ABOUT] = self.render(
            urls.ABOUT,
            "about.html",
            {
                "title": f"À propos de cette édition — résolution {r.short}",
                "description": f"D’où vient le texte de la résolution {r.symbol}, ce qui relève de la "
                "résolution et ce qui relève de l’édition, licence, adresses stables et fabrication du site.",
                "role": "about",
            },
        )
        paragraphs = r.paragraphs
        for i, p in enumerate(paragraphs):
            page = urls.paragraph_page(p)
            what = (
                f"Alinéa {p.number} du préambule" if p.preambular else f"Paragraphe {p.number} du dispositif"
            )
            pages[page] = self.render(
                page,
                "paragraph.html",
                {
                    "title": f"{label(p)} — résolution {r.short}",
                    "description": f"{what} de la résolution {r.symbol} ({french_date(r.adopted)}) : "
                    f"{excerpt(p.text, 24)}",
                    "hide": ["footer"],
                    "role": "paragraph",
                    "paragraph": p.anchor,
                },
                para=p,
                prev=paragraphs[i - 1] if i > 0 else None,
                next=paragraphs[i + 1] if i + 1 < len(paragraphs) else None,
            )
        return pages


@dataclass
class Page:
    """What a template needs to write links and paragraphs from one page."""

    e: Pages
    name: str

    def href(self, target: str) -> str:
        return urls.href(self.name, target)

    @property
    def home(self) -> str:
        return self.href(urls.HOME)

    @cached_property
    def rules(self) -> HtmlRules:
        notes_here = self.name  # note calls link to the notes of the page they are on
        return HtmlRules(
            document_href=lambda key: self.href(urls.document_target(key)),
            document_title=self.e.document_title,
            note_href=lambda n: f"#{urls.footnote_anchor(n)}",
            note_id=lambda n: urls.footnote_ref_anchor(n) if notes_here else None,
            term_href=lambda entry: self.href(urls.glossary_target(entry)),
            term_title=lambda entry: self.e.notes.glossary[entry].definition,
        )

    # -- the resolution's pieces --------------------------------------------------------

    def wording(self, p: Paragraph) -> Markup:
        return self.rules.render(paragraph_tokens(p, self.e.extras))

    def note_wording(self, number: int) -> Markup:
        return self.rules.render(note_tokens(self.e.res.footnote(number), self.e.extras))

    def label(self, p: Paragraph) -> str:
        return label(p)

    def reference(self, p: Paragraph) -> str:
        """« résolution 68/160 de l’Assemblée générale, paragraphe 13 »: what « Copier le
        texte » puts after the words (« …, alinéa 3 du préambule » for a recital)."""
        where = f"alinéa {p.number} du préambule" if p.preambular else f"paragraphe {p.number}"
        return f"résolution {self.e.res.short} de l’Assemblée générale, {where}"

    def reference_files(self, p: Paragraph | None = None) -> list[tuple[str, str, str]]:
        """(format, link, file name to save it as) of the reference-manager files: the
        paragraph's single entry, or without one the whole resolution."""
        out = []
        for (extension, whole), name in zip(refman.FORMATS, ("BibTeX", "RIS", "CSL-JSON"), strict=True):
            target = urls.paragraph_file(p.anchor, extension) if p else whole
            out.append((name, self.href(target), refman.download_name(self.e.res, p, extension)))
        return out

    def mime(self, name: str) -> str:
        return (media.content_type(name) or "application/octet-stream").split(";")[0]

    def identity(self, p: Paragraph) -> str:
        """« A/RES/68/160 · Préambule, alinéa 3 »: what a paragraph reached by its address shows."""
        return f"{self.e.res.symbol} · {label(p)}"

    def short_label(self, p: Paragraph) -> str:
        """« Alinéa 3 · Rappelant également », « 13. Prie »: a neighbour's link."""
        return navigation.label(p)

    def permalink(self, p: Paragraph) -> str:
        return self.href(urls.paragraph_target(p))

    def in_text(self, p: Paragraph) -> str:
        return self.href(urls.in_text_target(p))

    def site_path(self, p: Paragraph) -> str:
        return urls.site_path(urls.paragraph_target(p))

    def citation(self, p: Paragraph | None = None) -> str:
        """The citation « Citer » copies first: the UN's French usage."""
        return cite.un_fr(self.e.res, p)

    def citations(self, p: Paragraph | None = None) -> list[tuple[str, str]]:
        """(name, text) of each citation form shown and copied as shown."""
        f = cite.formats(self.e.res, p)
        return [(name, f[key]) for key, name, _ in cite.FORMS]

    def with_address(self, p: Paragraph | None = None) -> str:
        """The citation with {url} and {date} slots, filled in by reading.js at copy time."""
        return cite.with_address(self.e.res, p)

    def official(self, key: str | None = None) -> str | None:
        """A cited document's official address; without a key, the resolution's own."""
        return self.e.official(key) if key else authority.official_url(self.e.res.symbol)

    def language_versions(self):
        return authority.official_versions(self.e.res.symbol)

    def series(self):
        return glossary.series_view(self.e.res, self.e.notes)

    def glossary_entries(self):
        return glossary.entries_view(self.e.res, self.e.notes, lambda p: self.permalink(p))

    def themes(self, p: Paragraph) -> list[tuple[str, str]]:
        return [
            (self.e.notes.themes[s], self.href(urls.theme_target(s)))
            for s in self.e.notes.themes_of(p.anchor)
        ]

    def notes_of(self, paragraphs) -> list[int]:
        return [c.number for p in paragraphs for c in p.calls]

    def report_basis(self) -> str:
        return report_basis(self.e.res.committee)

    def report_href(self) -> str | None:
        r = self.e.res
        return self.href(urls.document_target(r.report)) if r.report in self.e.documents else None

    def documents_cited_by(self, p: Paragraph) -> list[CitedDocument]:
        return self.e.cited_by.get(p.anchor, [])

    def documents_cited_by_all(self, paragraphs) -> list[CitedDocument]:
        anchors = {p.anchor for p in paragraphs}
        return [d for d in self.e.res.documents if anchors & set(d.cited_by)]

    def linked_keys(self, docs) -> list[str]:
        return [d.key for d in docs if self.official(d.key)]

    def document(self, d: CitedDocument):
        return self.e.notes.document(d)

    def document_href(self, key: str) -> str:
        return self.href(urls.document_target(key))

    def cited_in(self, d: CitedDocument) -> list[tuple[str, str, str]]:
        """(text, link, notes) for each place citing `d`."""
        out = []
        for anchor in d.cited_by:
            if anchor == HEADER:
                out.append(("l’en-tête de la résolution", self.href(urls.HOME), ""))
                continue
            p = self.e.res.paragraph(anchor)
            notes = [n for n in d.notes if self.e.res.footnote(n).paragraph == anchor]
            text = label(p)
            suffix = "".join(f" (note {n})" for n in notes)
            out.append((text[0].lower() + text[1:], self.permalink(p), suffix))
        return out

    def cite_formats(self, p: Paragraph | None = None) -> dict[str, str]:
        return cite.formats(self.e.res, p)

    def address_table(self) -> list[tuple[str, list[str]]]:
        return urls.published_fr(self.e.res.symbol)

    def akn_work(self) -> str:
        return akn.work_iri(self.e.res)

    def cited_in_preamble(self, symbol: str) -> bool:
        preamble = self.e.preamble_anchors
        return any(d.key == symbol and any(a in preamble for a in d.cited_by) for d in self.e.res.documents)

    @property
    def urls(self):
        return urls
