"""The resolution as Akoma Ntoso 3.0 XML, following the UN's AKN4UN conventions.

  <statement name="resolution">   a General Assembly resolution
    meta         FRBR work /akn/un/statement/deliberation/un-ga/{date}/{session}-{number},
                 its French expression (…/fra@{date}), this XML manifestation; the cited
                 documents as TLCReference
    preface      the header: adoption date, committee and report, number and title
    preamble     formula (name="enactingFormula"), one container name="recital" per
                 preambular paragraph
    mainBody     one <paragraph eId="para_N"> per operative paragraph

Element ids match the site's anchors one to one:

  site anchor                      AKN eId
  pp-N   (preambule.html#pp-N)     recital_N       (container name="recital")
  op-N   (dispositif/N.html#op-N)  para_N          (paragraph)
  fn:N   (texte-integral.html)     the note at its call, marker="N", its eId nested under
                                   its paragraph as AKN4UN tools expect: note 2, the first
                                   of recital 2, is recital_2__authorialNote_1
  <slug> (documents.html#<slug>)   <slug>          (TLCReference of a cited document)

Footnotes are authorialNote elements placed at their call; the documents cited in the
text and in the notes are <ref> elements whose href is the document's official address.
The abbreviations French typography raises (« no 53 », « 1er ») are <sup> elements
(typography.superscripts); the words are unchanged.

`meta/proprietary` carries what AKN has no element for, in the edition's own namespace
(EDITION_NS): the official document and its language versions at undocs.org, and the
edition's version, date, licence and (when known) public address.

Only the standard library is used (the site's build must not need lxml).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from edition.model import Paragraph, Resolution, authority
from edition.model.errors import ParseError
from edition.model.french import NO_COMMITTEE, french_date
from edition.model.inline import (
    Extras,
    Token,
    checked,
    note_tokens,
    paragraph_tokens,
    render,
    split_subparagraphs,
)
from edition.model.notes import Annotations, official_link
from edition.model.urls import slug

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The edition's own metadata inside <proprietary> (an identifier, not an address)
EDITION_NS = "urn:x-edition:un-ga-resolution:meta"
LANGUAGE = "fra"  # ISO 639-2, as AKN4UN expressions use
# Elements whose children are laid out one per line; all others keep their mixed content as is.
BLOCKS = {
    "akomaNtoso",
    "statement",
    "meta",
    "identification",
    "FRBRWork",
    "FRBRExpression",
    "FRBRManifestation",
    "references",
    "proprietary",
    "preface",
    "preamble",
    "formula",
    "container",
    "mainBody",
    "paragraph",
    "content",
}


def work_iri(res: Resolution) -> str:
    """/akn/un/statement/deliberation/un-ga/2013-12-18/68-160"""
    return f"/akn/un/statement/deliberation/un-ga/{res.adopted}/{res.session}-{res.number}"


def expression_iri(res: Resolution) -> str:
    return f"{work_iri(res)}/{LANGUAGE}@{res.adopted}"


def eid(anchor: str, note: int | None = None) -> str:
    """The AKN eId of a site anchor (the one generator of eIds, OASIS naming convention):
    pp-3 -> recital_3, op-5 -> para_5, op-5-a -> para_5__list_1__point_a; with `note`, the
    paragraph's note-th note: eid("pp-2", note=1) -> recital_2__authorialNote_1."""
    kind, _, number = anchor.partition("-")
    number, _, letter = number.partition("-")
    base = {"pp": "recital_", "op": "para_"}[kind] + number
    if letter:
        base = f"{base}__list_1__point_{letter}"
    return f"{base}__authorialNote_{note}" if note is not None else base


def note_eid(res: Resolution, number: int) -> str:
    """The eId of footnote `number`: nested under the paragraph that calls it, counted there."""
    footnote = res.footnote(number)
    calls = [c.number for c in res.paragraph(footnote.paragraph).calls]
    return eid(footnote.paragraph, note=calls.index(number) + 1)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _add_text(el: ET.Element, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


class _Builder:
    def __init__(self, res: Resolution, notes: Annotations, extras: Extras, edition: dict | None = None):
        self.res = res
        self.notes = notes
        self.extras = extras
        self.edition = edition
        self.links = {}
        for d in res.documents:
            link = official_link(d, notes.document(d))
            self.links[d.key] = link or f"#{slug(d.key)}"

    def inline(self, parent: ET.Element, stream: list[Token]) -> None:
        """Mixed content from the inline token stream, one rule per token type (inline.render,
        which refuses a type without one): <i> on the opening words, <ref> on cited
        documents, <sup> on raised letters, an authorialNote at each footnote call; the
        glossary is the edition's, not the document's. Subparagraphs are lists of their own
        (operative_body): inside one element's content, a subparagraph token is an error."""
        stack: list[tuple[str, ET.Element]] = [("", parent)]

        def span(tag: str, attrs=lambda t: {}):
            def rule(t: Token) -> None:
                if t.nesting == 1:
                    stack.append((t.type, _sub(stack[-1][1], tag, **attrs(t))))
                elif stack[-1][0] != t.type:  # the stream is balanced (inline.tokens): never
                    raise ParseError(f"fin de « {t.type} » hors de son élément", line=t.line or None)
                else:
                    stack.pop()

            return rule

        def no_subparagraph(t: Token) -> None:
            raise ParseError("alinéa lettré dans le contenu d’un élément Akoma Ntoso", line=t.line or None)

        rules = {
            "text": lambda t: _add_text(stack[-1][1], t.value),
            "note": lambda t: self.note(stack[-1][1], int(t.value)),
            "term": lambda t: None,
            "em": span("i"),
            "sup": span("sup"),
            "cite": span("ref", lambda t: {"href": self.links.get(t.value, "")}),
            "subpara": no_subparagraph,
        }
        render(stream, checked(rules, "Akoma Ntoso"), "Akoma Ntoso")

    def note(self, parent: ET.Element, number: int) -> None:
        n = self.res.footnote(number)
        el = _sub(
            parent, "authorialNote", marker=str(number), placement="bottom", eId=note_eid(self.res, number)
        )
        self.inline(_sub(el, "p"), note_tokens(n, self.extras))

    def paragraph_text(self, parent: ET.Element, p: Paragraph) -> None:
        self.inline(_sub(parent, "p"), paragraph_tokens(p, self.extras))

    def operative_body(self, para: ET.Element, p: Paragraph) -> None:
        """An operative paragraph's content, or its intro and lettered points (AKN
        naming convention: para_N__list_1, para_N__list_1__point_a)."""
        if not p.subparagraphs:
            self.paragraph_text(_sub(para, "content"), p)
            return
        lead, subs = split_subparagraphs(paragraph_tokens(p, self.extras))
        block = _sub(para, "list", eId=f"{eid(p.anchor)}__list_1")
        self.inline(_sub(_sub(block, "intro"), "p"), _rstrip(lead))
        for sub, (_, stream) in zip(p.subparagraphs, subs, strict=True):
            point = _sub(block, "point", eId=eid(f"{p.anchor}-{sub.letter}"))
            _sub(point, "num", sub.label)
            self.inline(_sub(_sub(point, "content"), "p"), _rstrip(_drop_label(stream, sub.label)))

    def build(self) -> ET.Element:
        res = self.res
        root = ET.Element("akomaNtoso", xmlns=NS)
        doc = _sub(root, "statement", name="resolution", contains="originalVersion")
        self.meta(_sub(doc, "meta"))

        preface = _sub(doc, "preface")
        adopted = _sub(preface, "p", "Résolution adoptée par l’Assemblée générale le ", class_="adoption")
        _sub(adopted, "docDate", french_date(res.adopted), date=res.adopted)
        basis = _sub(preface, "p", "[", class_="basis")
        if res.committee == NO_COMMITTEE:
            _add_text(basis, res.committee)
        else:
            _add_text(basis, "sur la base du rapport de la ")
            _sub(basis, "docCommittee", res.committee)
        _add_text(basis, " (")
        if res.report in self.links:
            _sub(basis, "ref", res.report, href=self.links[res.report])
        else:
            _add_text(basis, res.report)
        _add_text(basis, ")]")
        title = _sub(preface, "p", class_="title")
        _sub(title, "docNumber", res.short)
        _add_text(title, ". ")
        _sub(title, "docTitle", res.title)

        preamble = _sub(doc, "preamble")
        _sub(_sub(preamble, "formula", name="enactingFormula"), "p", res.formula)
        for p in res.preamble:
            self.paragraph_text(_sub(preamble, "container", name="recital", eId=eid(p.anchor)), p)

        body = _sub(doc, "mainBody")
        for p in res.operative:
            para = _sub(body, "paragraph", eId=eid(p.anchor))
            _sub(para, "num", f"{p.number}.")
            self.operative_body(para, p)
        return root

    def meta(self, meta: ET.Element) -> None:
        res = self.res
        ident = _sub(meta, "identification", source="#edition")
        work = _sub(ident, "FRBRWork")
        _sub(work, "FRBRthis", value=f"{work_iri(res)}/!main")
        _sub(work, "FRBRuri", value=work_iri(res))
        _sub(work, "FRBRalias", value=res.symbol, name="symbol")
        # the name tools such as cobalt show for the work (else they show the symbol)
        _sub(work, "FRBRalias", value=res.title, name="title")
        _sub(work, "FRBRdate", date=res.adopted, name="adoption")
        _sub(work, "FRBRauthor", href="#un-ga")
        _sub(work, "FRBRcountry", value="un")
        _sub(work, "FRBRsubtype", value="deliberation")
        _sub(work, "FRBRnumber", value=f"{res.session}-{res.number}")
        _sub(work, "FRBRname", value="resolution")
        expr = _sub(ident, "FRBRExpression")
        _sub(expr, "FRBRthis", value=f"{expression_iri(res)}/!main")
        _sub(expr, "FRBRuri", value=expression_iri(res))
        # the official document this expression reproduces
        _sub(expr, "FRBRalias", value=authority.official_url(res.symbol), name="officialDocument")
        _sub(expr, "FRBRdate", date=res.adopted, name="adoption")
        _sub(expr, "FRBRauthor", href="#un-ga")
        _sub(expr, "FRBRlanguage", language=LANGUAGE)
        manif = _sub(ident, "FRBRManifestation")
        _sub(manif, "FRBRthis", value=f"{expression_iri(res)}/!main.xml")
        _sub(manif, "FRBRuri", value=f"{expression_iri(res)}.akn")
        # No build date: the file must be reproducible; the date is the expression's.
        _sub(manif, "FRBRdate", date=res.adopted, name="expression")
        _sub(manif, "FRBRauthor", href="#edition")
        _sub(manif, "FRBRformat", value="application/akn+xml")

        refs = _sub(meta, "references", source="#edition")
        _sub(
            refs,
            "TLCOrganization",
            eId="un-ga",
            href="/akn/ontology/organizations/un/un-ga",
            showAs="Assemblée générale des Nations Unies",
        )
        _sub(
            refs,
            "TLCOrganization",
            eId="edition",
            href="/akn/ontology/organizations/un/edition-de-reference",
            showAs=f"Édition de référence {res.symbol}",
        )
        for d in res.documents:
            _sub(
                refs,
                "TLCReference",
                eId=slug(d.key),
                href=self.links[d.key],
                showAs=self.notes.document(d).title,
                name="citedDocument",
            )
        self.proprietary(_sub(meta, "proprietary", source="#edition"))

    def proprietary(self, parent: ET.Element) -> None:
        ed = f"{{{EDITION_NS}}}"
        for v in authority.official_versions(self.res.symbol, include_french=True):
            _sub(parent, ed + "officialVersion", language=v.language, label=v.label, href=v.url)
        if self.edition:
            attrs = {k: v for k, v in self.edition.items() if v is not None}
            _sub(parent, ed + "edition", **attrs)


def _rstrip(stream: list[Token]) -> list[Token]:
    """The stream without the spaces that end it (between two subparagraphs)."""
    out = list(stream)
    while out and out[-1].type == "text" and not out[-1].value.strip():
        out.pop()
    if out and out[-1].type == "text":
        out[-1] = replace(out[-1], value=out[-1].value.rstrip(" "))
    return out


def _drop_label(stream: list[Token], label: str) -> list[Token]:
    """A subparagraph's tokens without its printed label « a) » (AKN gives it <num>)."""
    out = list(stream)
    first = out[0]
    if first.type != "text" or not first.value.startswith(label):
        raise ValueError(f"subparagraph without its label {label!r}")
    rest = first.value[len(label) :].lstrip(" ")
    return ([replace(first, value=rest)] if rest else []) + out[1:]


def _indent(el: ET.Element, level: int = 0) -> None:
    """Indent block elements only: mixed content (p, num…) is left exactly as built."""
    if el.tag not in BLOCKS or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def akoma_ntoso(
    res: Resolution,
    notes: Annotations,
    generated: str,
    extras: Extras | None = None,
    edition: dict | None = None,
) -> str:
    """The XML document; `edition` is resolution.json's `edition` object (version, date,
    licence, address), written into meta/proprietary."""
    ET.register_namespace("ed", EDITION_NS)
    root = _Builder(res, notes, extras or Extras(), edition).build()
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- {generated} -->\n{body}\n'
