"""The open exports (JSON + its schema, Akoma Ntoso XML, plain text) and each page's
metadata: nothing lost or invented, valid against their schemas, ids matching the site."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest
from edition.build import pipeline
from edition.formats.akn import eid
from edition.formats.exports import PREFACE_RULE, marked_text
from edition.model import authority
from edition.model.french import french_date
from edition.model.inline import SUPERSCRIPT_DIGITS as SUPERSCRIPT
from lxml import etree

from .support import htmltext
from .support.paths import ROOT, SOURCE

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
NS = {"a": AKN[1:-1]}
SCHEMA_DIR = ROOT / "tests" / "schemas" / "akomantoso"
FROM_SUPERSCRIPT = {v: k for k, v in SUPERSCRIPT.items()}


@pytest.fixture(scope="module")
def akn(site):
    return etree.parse(str(site / "resolution.akn.xml"))


def test_akoma_ntoso_validates_against_the_oasis_schema(akn):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "akomantoso30.xsd")))
    assert schema.validate(akn), schema.error_log


def test_akoma_ntoso_names_the_resolution_as_akn4un_does(akn):
    statement = akn.getroot()[0]
    assert statement.tag == AKN + "statement" and statement.get("name") == "resolution"
    work = "/akn/un/statement/deliberation/un-ga/2013-12-18/68-160"
    assert akn.xpath("//a:FRBRWork/a:FRBRuri/@value", namespaces=NS) == [work]
    assert akn.xpath("//a:FRBRExpression/a:FRBRuri/@value", namespaces=NS) == [f"{work}/fra@2013-12-18"]
    assert akn.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == ["fra"]
    assert akn.xpath("//a:FRBRWork/a:FRBRalias[@name='symbol']/@value", namespaces=NS) == ["A/RES/68/160"]
    assert akn.xpath("//a:FRBRWork/a:FRBRalias[@name='title']/@value", namespaces=NS) == [
        "Renforcement de la coopération internationale dans le domaine des droits de l’homme"
    ]
    formula = akn.xpath("//a:preamble/a:formula", namespaces=NS)
    assert formula[0].get("name") == "enactingFormula"
    assert formula[0].xpath("string()").strip() == "L’Assemblée générale,"
    assert formula[0].getparent()[0] is formula[0]  # the formula opens the preamble


def test_akoma_ntoso_ids_match_the_site_anchors_one_to_one(akn, site):
    def site_id(eid: str) -> str:
        kind, number = eid.rsplit("_", 1)
        return {"recital": "pp-", "para": "op-"}[kind] + number

    recitals = akn.xpath("//a:preamble/a:container[@name='recital']/@eId", namespaces=NS)
    paras = akn.xpath("//a:mainBody/a:paragraph/@eId", namespaces=NS)
    notes = akn.xpath("//a:authorialNote", namespaces=NS)
    page_ids = htmltext.ids(site / "texte-integral.html")
    wanted = {i for i in page_ids if re.fullmatch(r"(pp|op)-\d+|fn:\d+", i)}
    mapped = [site_id(e) for e in recitals + paras] + [f"fn:{n.get('marker')}" for n in notes]
    # a note's eId nests under its paragraph's, counted there (AKN4UN): recital_2__authorialNote_2
    for note in notes:
        owner = note.xpath("ancestor::*[self::a:container or self::a:paragraph][1]/@eId", namespaces=NS)[0]
        assert re.fullmatch(rf"{owner}__authorialNote_\d+", note.get("eId")), note.get("eId")
    assert akn.xpath("//a:authorialNote[@marker='3']/@eId", namespaces=NS) == ["recital_2__authorialNote_2"]
    assert len(mapped) == len(set(mapped)) and set(mapped) == wanted
    assert all(re.fullmatch(r"para_\d+", e) for e in paras)
    # cited documents: TLCReference eId = anchor on the documents page
    refs = akn.xpath("//a:references/a:TLCReference/@eId", namespaces=NS)
    doc_ids = set(
        htmltext.load(site / "documents.html").xpath(f"//section[{htmltext.has_class('ed-doc')}]/@id")
    )
    assert set(refs) == doc_ids


def _replace_notes(root, marker) -> list[str]:
    """Replace each authorialNote by the text marker(number); return the notes' words."""
    words = []
    for note in root.xpath(".//a:authorialNote", namespaces=NS):
        words += [note.get("marker")] + htmltext.words(note.xpath("string()"))
        parent, prev = note.getparent(), note.getprevious()
        text = marker(int(note.get("marker"))) + (note.tail or "")
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(note)
    return words


def test_akoma_ntoso_notes_sit_at_their_calls(akn, resolution):
    root = copy.deepcopy(akn.getroot())
    for p in resolution.paragraphs:
        el = root.xpath(f"//*[@eId='{eid(p.anchor)}']", namespaces=NS)[0]
        _replace_notes(el, lambda n: f"[[{n}]]")
        got = " ".join(el.xpath("string()").split()).removeprefix(f"{p.number}. ")
        assert got == " ".join(marked_text(p, lambda n: f"[[{n}]]").split())


def test_akoma_ntoso_holds_every_word_and_nothing_else(akn):
    header, body, notes = htmltext.source_words(SOURCE)
    root = copy.deepcopy(akn.getroot())
    note_words = _replace_notes(root, str)  # glued, as the source prints calls: "l’homme1"
    text = " ".join(
        root.xpath("//a:preface//text() | //a:preamble//text() | //a:mainBody//text()", namespaces=NS)
    )
    assert htmltext.words(text) == header + body
    assert note_words == notes


def test_akoma_ntoso_references_the_cited_documents(akn, site):
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    hrefs = set(akn.xpath("//a:ref/@href", namespaces=NS))
    for doc in data["documents"]:
        if doc["cited_by"] != ["header"] or doc["footnotes"]:
            assert doc["link"] in hrefs, doc["key"]


def test_resolution_json_matches_its_schema(site):
    schema = json.loads((site / "resolution.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(validator.iter_errors(data)) == []
    # the schema really constrains: a broken file fails
    broken = copy.deepcopy(data)
    broken["paragraphs"][0]["id"] = "alinea-1"
    del broken["footnotes"][0]["text"]
    broken["adopted"] = "18 décembre 2013"
    broken["surprise"] = True
    errors = {tuple(e.absolute_path) for e in validator.iter_errors(broken)}
    assert errors == {("paragraphs", 0, "id"), ("footnotes", 0), ("adopted",), ()}


def test_plain_text_is_the_whole_resolution_and_nothing_else(site, resolution):
    raw = (site / "resolution.txt").read_bytes()
    preface, _, text = raw.decode("utf-8").partition(f"\n{PREFACE_RULE}\n\n")
    # the preface says what the file is: symbol, official document, the edition (issue 18)
    assert preface.split("\n") == [
        "A/RES/68/160 — Résolution 68/160 de l’Assemblée générale des Nations Unies, texte français",
        "Texte faisant foi : https://undocs.org/fr/A/RES/68/160",
        f"Texte extrait de l’édition numérique de référence, version {authority.project_version()} du "
        f"{french_date(authority.release_date())}.",
    ]
    header, body, notes = htmltext.source_words(SOURCE)
    main, _, note_block = text.partition("\n_______________\n")
    assert htmltext.words(main.translate(FROM_SUPERSCRIPT)) == header + body
    assert htmltext.words(note_block) == notes
    lines = main.split("\n")
    for p in resolution.paragraphs:  # one paragraph, one line, ready to quote
        line = marked_text(p) if p.preambular else f"{p.number}. {marked_text(p)}"
        assert line in lines, p.anchor
    assert "l’homme¹ pour favoriser" in text
    assert not re.search(r"[*_\\<>\[\]]", main.split("\n", 3)[3])  # no markup


def test_exports_are_linked_from_home_and_never_from_a_paragraph(site, resolution):
    names = {"resolution.json", "resolution.schema.json", "resolution.akn.xml", "resolution.txt"}
    home = htmltext.article(site / "index.html")
    data = home.xpath(f".//details[{htmltext.has_class('ed-data')}]")[0]
    assert names <= set(data.xpath(".//a/@href"))
    # a paragraph never links to the top of a whole-resolution file
    for page in ["index.html", "texte-integral.html", "preambule.html"] + [
        f"dispositif/{p.number}.html" for p in resolution.operative
    ]:
        for div in htmltext.article(site / page).xpath(f".//div[{htmltext.has_class('res-para')}]"):
            targets = {h.rsplit("/", 1)[-1] for h in div.xpath(".//a/@href")}
            assert not targets & names, page


def _head(page):
    return htmltext.load(page).xpath("//head")[0]


def test_every_page_has_a_title_a_description_and_json_ld(site):
    titles = {}
    for page in sorted(site.rglob("*.html")):
        head = _head(page)
        name = page.relative_to(site).as_posix()
        title = head.xpath("string(title)").strip()
        description = head.xpath("string(meta[@name='description']/@content)")
        assert title and description, name
        titles[name] = title
        if name == "404.html":  # the server's error page, not a page of the edition
            continue
        blocks = head.xpath("script[@type='application/ld+json']/text()")
        assert len(blocks) == 1, name
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@type"] in ("Legislation", "WebPage")
        law = (
            data
            if data["@type"] == "Legislation" and "isPartOf" not in data
            else data.get("isPartOf") or data["about"]
        )
        assert law["legislationIdentifier"] == "A/RES/68/160"
        assert law["legislationDate"] == "2013-12-18" and law["inLanguage"] == "fr"
    assert titles["index.html"] == "Résolution 68/160 de l’Assemblée générale (A/RES/68/160)"
    assert len(titles["index.html"]) <= 60  # what browsers and search engines show of it
    assert len(set(titles.values())) == len(titles)  # each title tells its page apart
    para = json.loads(
        _head(site / "dispositif" / "5.html").xpath("script[@type='application/ld+json']/text()")[0]
    )
    assert para["@type"] == "Legislation" and para["identifier"] == "A/RES/68/160, par. 5"
    assert para["isPartOf"]["identifier"] == "A/RES/68/160"


def test_no_canonical_or_sitemap_without_site_url(site):
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert not _head(site / "index.html").xpath("link[@rel='canonical']")


def test_site_url_adds_canonical_links_and_a_sitemap(fresh_build, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://edition.example.org/68-160/")
    out = fresh_build()
    assert _head(out / "dispositif" / "3.html").xpath("link[@rel='canonical']/@href") == [
        "https://edition.example.org/68-160/dispositif/3.html"
    ]
    # old addresses show their text and name its new place as canonical
    for old, new in (("texte-integral.html", "index.html"), ("themes.html", "analyse.html")):
        assert _head(out / old).xpath("link[@rel='canonical']/@href") == [
            f"https://edition.example.org/68-160/{new}"
        ]
    locs = etree.parse(str(out / "sitemap.xml")).xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    assert "https://edition.example.org/68-160/texte-integral.html" in locs
    assert all(loc.startswith("https://edition.example.org/68-160/") for loc in locs)
    ld = json.loads(_head(out / "index.html").xpath("script[@type='application/ld+json']/text()")[0])
    assert ld["url"] == "https://edition.example.org/68-160/index.html"
    # link previews and reference managers get absolute addresses, and the image exists
    for page in ("index.html", "dispositif/3.html", "a-propos.html"):
        head = _head(out / page)
        url = f"https://edition.example.org/68-160/{page}"
        assert head.xpath("meta[@property='og:url']/@content") == [url]
        cited = [] if page == "a-propos.html" else [url]  # the edition's own page: no item
        assert head.xpath("meta[@name='citation_public_url']/@content") == cited
        image = head.xpath("meta[@property='og:image']/@content")
        assert image == ["https://edition.example.org/68-160/assets/images/carte.png"]
        assert (out / image[0].removeprefix("https://edition.example.org/68-160/")).is_file()


def test_generated_exports_are_in_docs():
    edition = pipeline.load()
    for name in ("resolution.txt", "resolution.schema.json", "resolution.akn.xml"):
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == edition.pages[name]


def test_every_page_has_citation_and_preview_meta_tags(site):
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if name == "404.html":
            continue
        head = _head(page)

        def meta(attribute, key, head=head):
            return head.xpath(f"meta[@{attribute}='{key}']/@content")

        # the resolution's pages and the paragraphs' carry the item; the edition's own pages
        # none, so that Zotero saves them as web pages, never as the resolution again
        item = name in ("index.html", "texte-integral.html", "preambule.html") or name.startswith(
            ("dispositif/", "preambule/")
        )
        if item:
            assert meta("name", "citation_title") and meta("name", "citation_date") == ["2013-12-18"], name
            assert meta("name", "citation_publication_date") == ["2013/12/18"], name  # Google Scholar's
            assert meta("name", "citation_technical_report_number") == ["A/RES/68/160"], name
            assert meta("name", "citation_author") == ["Assemblée générale des Nations Unies,"], name
            assert meta("name", "DC.identifier") == ["A/RES/68/160"], name
            assert meta("name", "DC.type") == ["Résolution de l’Assemblée générale"], name
            assert meta("property", "article:published_time") == ["2013-12-18"], name
        else:
            assert not head.xpath("meta[starts-with(@name, 'citation_') or starts-with(@name, 'DC.')]"), name
        assert not meta("name", "author"), name  # the edition is not the text's author
        assert meta("property", "og:title") and meta("property", "og:description"), name
        assert meta("property", "og:locale") == ["fr_FR"], name
        assert not meta("property", "og:image") and not meta("property", "og:url"), name  # no SITE_URL
    head = _head(site / "dispositif" / "7.html")
    assert head.xpath("string(meta[@name='citation_title']/@content)").endswith("(paragraphe 7)")
    description = head.xpath("string(meta[@name='description']/@content)")
    assert description.startswith("Paragraphe 7 du dispositif") and "Réaffirme" in description


def test_preview_card_and_reference_files_are_in_the_site(site):
    with open(site / "assets" / "images" / "carte.png", "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    for name, date in [
        ("resolution.bib", "date = {2013-12-18}"),
        ("resolution.ris", "DA  - 2013/12/18/"),
        ("paragraphes/op-7.json", '"adopted": "2013-12-18"'),
    ]:
        text = (site / name).read_text(encoding="utf-8")
        assert "A/RES/68/160" in text and date in text, name
    csl = json.loads((site / "resolution.csl.json").read_text(encoding="utf-8"))
    assert all(i["number"] == "A/RES/68/160" for i in csl)
    assert csl[0]["issued"] == {"date-parts": [[2013, 12, 18]]}


def test_akoma_ntoso_names_the_official_document_and_the_edition(akn):
    assert akn.xpath("//a:FRBRExpression/a:FRBRalias[@name='officialDocument']/@value", namespaces=NS) == [
        "https://undocs.org/fr/A/RES/68/160"
    ]
    ed = {"e": "urn:x-edition:un-ga-resolution:meta"}
    versions = akn.xpath("//a:proprietary/e:officialVersion/@href", namespaces={**NS, **ed})
    assert len(versions) == 6 and "https://undocs.org/en/A/RES/68/160" in versions
    (edition,) = akn.xpath("//a:proprietary/e:edition", namespaces={**NS, **ed})
    assert edition.get("license") == "MIT" and edition.get("version")
    # « Supplément no 53 » with the o raised, the words unchanged
    (sup,) = akn.xpath("//a:authorialNote[@marker='3']//a:sup", namespaces=NS)
    assert sup.text == "o" and sup.getparent().xpath("string()").count("Supplément no 53") == 1


def test_every_page_describes_one_resolution_by_one_id(site):
    """JSON-LD (issue 20): the resolution is one node, @id https://undocs.org/A/RES/68/160, on
    every page (as the page itself, the work a paragraph is part of, or what a page is
    about); each paragraph's node is that address with its anchor."""
    work = "https://undocs.org/A/RES/68/160"
    seen = set()
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        ld = json.loads(_head(page).xpath("script[@type='application/ld+json']/text()")[0])
        resolution = next(n for n in (ld, ld.get("isPartOf"), ld.get("about")) if n and n.get("@id") == work)
        assert resolution["legislationIdentifier"] == "A/RES/68/160", page
        if ld.get("isPartOf"):
            name = page.relative_to(site).as_posix()
            anchor = (
                "preambule"
                if name == "preambule.html"
                else _head(page).getparent().xpath("string(//div[contains(@class,'res-para')]/@id)")
            )
            assert ld["@id"] == f"{work}#{anchor}", name
            seen.add(ld["@id"])
    assert len(seen) == 1 + 23  # the preamble and every paragraph, each once
