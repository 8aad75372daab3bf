"""Citations, reference-manager files, the authority layer, meta tags, the preview card,
per-paragraph data, typography and the glossary: built from the model, no site needed."""

from __future__ import annotations

import json
import re
import textwrap
from urllib.parse import urlsplit

import bibtexparser
import jsonschema
import pytest
import yaml
from edition.build import pipeline
from edition.formats import cite, refman
from edition.model import authority, urls
from edition.model.typography import spans, superscripts
from edition.pages import glossary
from edition.site import card, metatags, structured
from edition.source import annotations
from PIL import Image

from .support.paths import ROOT

CSL_SCHEMA = ROOT / "tests" / "schemas" / "csl" / "csl-data.json"
SYMBOL, DATE = "A/RES/68/160", "2013-12-18"
ALLOWED_HOSTS = {"undocs.org", "www.un.org"}


@pytest.fixture(scope="module")
def edition():
    return pipeline.load()


@pytest.fixture(scope="module")
def data(edition):
    return json.loads(edition.pages["resolution.json"])


# -- citation formats ------------------------------------------------------------------


def test_citation_of_operative_paragraph_7(resolution):
    p = resolution.paragraph("op-7")
    assert cite.formats(resolution, p) == {
        "un_fr": "paragraphe 7 de la résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013",
        "oscola": "UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160, para 7",
        "bluebook": "G.A. Res. 68/160, ¶ 7, U.N. Doc. A/RES/68/160 (Dec. 18, 2013)",
        "with_address": "paragraphe 7 de la résolution 68/160 de l’Assemblée générale en date du "
        "18 décembre 2013, {url}, consulté le {date}",
    }


def test_citation_of_the_resolution(resolution):
    assert cite.formats(resolution) == {
        "un_fr": "résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013",
        "oscola": "UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160",
        "bluebook": "G.A. Res. 68/160, U.N. Doc. A/RES/68/160 (Dec. 18, 2013)",
        "with_address": "résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013, "
        "{url}, consulté le {date}",
    }


def test_preambular_paragraph_2_is_cited_as_the_resolution_no_unconfirmed_pinpoint(resolution):
    formats = cite.formats(resolution, resolution.paragraph("pp-2"))
    assert formats == cite.formats(resolution)
    assert not any("alinéa" in f or "préambule" in f or "pmbl" in f for f in formats.values())


def test_address_variant_leaves_its_slots_to_the_page(resolution):
    """The page fills {url} and {date} at copy time (reading.js; test_actions checks it)."""
    template = cite.with_address(resolution, resolution.paragraph("op-7"))
    assert (
        template == f"{cite.un_fr(resolution, resolution.paragraph('op-7'))}, {{url}}, consulté le {{date}}"
    )


def test_dates_for_other_months():
    assert cite.english_date("2000-09-08") == "8 September 2000"
    assert cite.bluebook_date("2000-09-08") == "Sept. 8, 2000"
    assert cite.bluebook_date("2014-06-01") == "June 1, 2014"


def test_resolution_json_carries_the_formats(data, resolution):
    by_id = {p["id"]: p for p in data["paragraphs"]}
    assert by_id["op-7"]["citation_formats"] == cite.formats(resolution, resolution.paragraph("op-7"))
    assert by_id["op-7"]["citation"] == by_id["op-7"]["citation_formats"]["un_fr"]
    assert data["citation_formats"]["oscola"] == "UNGA Res 68/160 (18 December 2013) UN Doc A/RES/68/160"


# -- authority layer -------------------------------------------------------------------


def test_official_document_and_the_five_other_languages(data):
    assert data["source"]["document"] == "https://undocs.org/fr/A/RES/68/160"
    versions = {v["language"]: (v["label"], v["url"]) for v in data["source"]["versions"]}
    assert versions == {
        code: (label, f"https://undocs.org/{code}/A/RES/68/160")
        for code, label in [
            ("ar", "arabe"),
            ("zh", "chinois"),
            ("en", "anglais"),
            ("fr", "français"),
            ("ru", "russe"),
            ("es", "espagnol"),
        ]
    }
    others = authority.official_versions(SYMBOL)
    assert [v.language for v in others] == ["ar", "zh", "en", "ru", "es"]


def test_edition_version_licence_and_date_are_reproducible(data):
    edition = data["edition"]
    assert edition["version"] == authority.project_version() and edition["license"] == "MIT"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition["date"])
    assert edition["date"] == authority.release_date()  # declared in pyproject, not the clock
    assert edition["url"] is None  # no SITE_URL, no absolute address


def test_site_url_makes_the_exports_addresses_absolute():
    site = "https://edition.example.org/68-160/"
    pages = pipeline.load(site_url=site).pages
    data = json.loads(pages["resolution.json"])
    assert data["edition"]["url"] == site + "index.html"
    op7 = next(p for p in data["paragraphs"] if p["id"] == "op-7")
    assert op7["permalink"] == site + "dispositif/7.html#op-7"
    csl = json.loads(pages["resolution.csl.json"])
    assert next(i for i in csl if i["id"] == "A-RES-68-160-op-7")["URL"] == site + "dispositif/7.html#op-7"
    assert f'url="{site}index.html"' in pages["resolution.akn.xml"]


# -- reference-manager files -----------------------------------------------------------


def test_csl_json_validates_against_the_csl_schema(edition, resolution):
    items = json.loads(edition.pages[refman.CSL_FILE])
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    assert list(jsonschema.Draft7Validator(schema).iter_errors(items)) == []
    assert len(items) == 1 + len(resolution.paragraphs)
    assert all(i["number"] == SYMBOL and i["issued"] == {"date-parts": [[2013, 12, 18]]} for i in items)
    # the schema really constrains
    assert list(jsonschema.Draft7Validator(schema).iter_errors([{**items[0], "type": "resolution"}]))


def test_bibtex_parses_with_one_entry_per_paragraph(edition, resolution):
    library = bibtexparser.parse_string(edition.pages[refman.BIB_FILE])
    assert library.failed_blocks == []
    keys = [e.key for e in library.entries]
    assert keys == ["A-RES-68-160"] + [f"A-RES-68-160-{p.anchor}" for p in resolution.paragraphs]
    for entry in library.entries:
        assert entry.entry_type == "report"  # biblatex's fields, the symbol printed by its styles
        assert entry["number"] == SYMBOL and entry["date"] == DATE
        assert entry["type"] == "Résolution de l’Assemblée générale"
        assert entry["institution"] == "Organisation des Nations Unies"
        assert entry["author"] == "{Assemblée générale des Nations Unies}"  # corporate: one name
        assert entry["langid"] == "french" and "language" not in entry.fields_dict  # printed as is
        assert "note" not in entry.fields_dict and "\\" not in entry["url"]  # a url is verbatim
    op7 = next(e for e in library.entries if e.key.endswith("op-7"))
    assert op7["title"].endswith("(paragraphe 7)")


def test_bibtex_escapes_its_special_characters():
    assert refman.Entries.bib_value("50 % & co_{x}") == r"50 \% \& co\_\{x\}"
    # a url is verbatim: percent-encoded where a .bib cannot hold the character, never escaped
    assert refman.Entries.bib_url("https://x.org/a b{c}\\d#op-7") == "https://x.org/a%20b%7Bc%7D%5Cd#op-7"


def test_ris_records_have_the_standard_tags(edition, resolution):
    text = edition.pages[refman.RIS_FILE]
    records = [r for r in text.split("\n\n") if r.strip()]
    assert len(records) == 1 + len(resolution.paragraphs)
    for record in records:
        lines = record.strip("\n").split("\n")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .+|ER  - ", line) for line in lines), record
        tags = {line[:2]: line[6:] for line in lines}
        assert lines[0] == "TY  - RPRT" and lines[-1] == "ER  - "
        assert {"TI", "AU", "DA", "PY", "UR", "PB", "M3"} <= set(tags)
        # Zotero reads a report's number from SN (M1 went to « Extra »); no N1 (a child note each)
        assert tags["SN"] == SYMBOL and tags["DA"] == "2013/12/18/" and tags["PY"] == "2013"
        assert not {"M1", "N1", "SE", "T2"} & set(tags)


def test_each_paragraph_has_its_own_reference_files_of_one_entry():
    """A paragraph's page offers that paragraph alone (issue 18: Zotero imported 24 items
    from paragraph 7's page): one BibTeX entry, one RIS record, one CSL-JSON item, valid,
    whose address is the paragraph's permanent one when SITE_URL is set."""
    site = "https://edition.example.org/68-160/"
    edition = pipeline.load(site_url=site)
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    for p in edition.resolution.paragraphs:
        here = site + ("preambule" if p.preambular else "dispositif") + f"/{p.number}.html#{p.anchor}"
        library = bibtexparser.parse_string(edition.pages[f"paragraphes/{p.anchor}.bib"])
        assert library.failed_blocks == [] and [e.key for e in library.entries] == [
            f"A-RES-68-160-{p.anchor}"
        ]
        assert library.entries[0]["url"].replace("\\#", "#") == here
        records = [r for r in edition.pages[f"paragraphes/{p.anchor}.ris"].split("\n\n") if r.strip()]
        assert len(records) == 1 and f"UR  - {here}" in records[0].split("\n")
        items = json.loads(edition.pages[f"paragraphes/{p.anchor}.csl.json"])
        assert [i["id"] for i in items] == [f"A-RES-68-160-{p.anchor}"] and items[0]["URL"] == here
        assert list(jsonschema.Draft7Validator(schema).iter_errors(items)) == []


def test_paragraph_pages_link_their_own_references_with_file_names(edition):
    """The links download (the CSL-JSON no longer opens as raw JSON) under a name that says
    what they are; the home page offers the whole files."""
    page = edition.pages["dispositif/7.md"]
    for ext, mime in (("bib", "application/x-bibtex"), ("ris", "application/x-research-info-systems"),
                      ("csl.json", "application/vnd.citationstyles.csl+json")):  # fmt: skip
        assert f'href="../paragraphes/op-7.{ext}" download="A-RES-68-160-op-7.{ext}" type="{mime}"' in page
    assert "resolution.bib" not in page
    assert 'href="resolution.bib" download="A-RES-68-160.bib"' in edition.pages["index.md"]


# -- per-paragraph data ----------------------------------------------------------------


def test_each_paragraph_has_its_own_data_file(edition, data):
    for p in data["paragraphs"]:
        assert p["data_url"] == f"paragraphes/{p['id']}.json"
        own = json.loads(edition.pages[p["data_url"]])
        assert own["paragraph"] == p
        assert own["resolution"]["symbol"] == SYMBOL and own["resolution"]["adopted"] == DATE
        assert [n["number"] for n in own["footnotes"]] == [f["number"] for f in p["footnotes"]]
        cited = {c["document"] for c in p["citations"]} | {
            d for n in own["footnotes"] for d in n["documents"]
        }
        assert {d["key"] for d in own["documents"]} == cited
    pp2 = json.loads(edition.pages["paragraphes/pp-2.json"])
    assert [n["number"] for n in pp2["footnotes"]] == [2, 3]
    assert "A/RES/67/169" in {d["key"] for d in pp2["documents"]}


# -- meta tags -------------------------------------------------------------------------


def _tags(res, meta, url, site_url=None):
    return {name: value for _, name, value in metatags.tags(res, meta, url, site_url, "Site", "Desc.")}


def test_paragraph_page_meta_tags_name_the_paragraph(edition):
    meta = yaml.safe_load(edition.pages["dispositif/7.md"].split("---")[1])
    assert meta["role"] == "paragraph" and meta["paragraph"] == "op-7"
    assert meta["description"].startswith(
        "Paragraphe 7 du dispositif de la résolution A/RES/68/160 (18 décembre 2013) : Réaffirme"
    )
    tags = _tags(edition.resolution, meta, "dispositif/7.html")
    assert tags["citation_title"].endswith("(paragraphe 7)")
    assert tags["citation_date"] == "2013-12-18" and tags["citation_technical_report_number"] == SYMBOL
    assert tags["citation_author"] == "Assemblée générale des Nations Unies,"  # one institution
    assert tags["og:type"] == "article" and tags["og:locale"] == "fr_FR"
    assert tags["og:description"] == meta["description"] == tags["citation_abstract"]
    assert "og:url" not in tags and "og:image" not in tags and "citation_public_url" not in tags
    assert tags["twitter:card"] == "summary"
    assert not any("pdf" in name for name in tags)


def test_meta_tags_are_absolute_with_a_site_url(resolution):
    site = "https://edition.example.org/68-160/"
    tags = _tags(resolution, {"title": "T", "role": "resolution"}, "index.html", site)
    assert tags["og:url"] == tags["citation_public_url"] == site + "index.html"
    assert tags["og:image"] == site + "assets/images/carte.png"
    assert tags["twitter:card"] == "summary_large_image" and tags["og:type"] == "website"


# -- structured data (issue 9, 6a) ------------------------------------------------------


def test_a_single_preambular_paragraph_keeps_the_preamble_json_ld(tmp_path):
    source = tmp_path / "un-alinea.txt"
    source.write_text(
        textwrap.dedent("""\
             Résolution adoptée par l’Assemblée générale le 1er mars 2020

            [sans renvoi à une grande commission (A/74/L.99)]

            74/999. Résolution d’essai

             L’Assemblée générale,

             Rappelant sa résolution 73/1 du 3 décembre 2018,

             1. Invite les États à coopérer ;

             2. Décide de poursuivre l’examen de la question.
            """),
        encoding="utf-8",
    )
    edition = pipeline.load(source, None)
    assert len(edition.resolution.preamble) == 1
    meta = yaml.safe_load(edition.pages["preambule.md"].split("---")[1])
    ld = structured.json_ld(
        edition.resolution, "preambule.html", meta["title"], None, meta.get("role"), meta.get("paragraph")
    )
    assert ld["legislationType"] == "préambule" and ld["identifier"] == "A/RES/74/999, préambule"
    assert "alinéa" not in json.dumps(ld, ensure_ascii=False)
    op = yaml.safe_load(edition.pages["dispositif/2.md"].split("---")[1])
    ld = structured.json_ld(
        edition.resolution, "dispositif/2.html", op["title"], None, op["role"], op["paragraph"]
    )
    assert ld["identifier"] == "A/RES/74/999, par. 2"


# -- preview card ----------------------------------------------------------------------


def test_card_is_a_reproducible_1200_by_630_png(tmp_path):
    title = "Renforcement de la coopération internationale dans le domaine des droits de l’homme"
    first, second = card.card_png(SYMBOL, title, DATE), card.card_png(SYMBOL, title, DATE)
    assert first == second and first.startswith(b"\x89PNG\r\n\x1a\n")
    path = tmp_path / "carte.png"
    path.write_bytes(first)
    with Image.open(path) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    assert card.card_png("A/RES/69/179", title, DATE) != first  # the text is drawn


def test_card_font_draws_french_letters_and_punctuation():
    """The card's font has a glyph of its own for every French letter and mark (no missing
    box, no accent drawn apart from its letter), in both weights."""
    french = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’–—…°€"
    for path in (card.REGULAR, card.BOLD):
        font = card._font(path, 48)
        assert [c for c in french if not card._has_glyph(font, c)] == [], path.name
    assert not card._has_glyph(card._font(card.REGULAR, 48), "\u0101")  # ā: outside the subset


# -- typography ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("Supplément no 53", ["o"]),
        ("nos 4 et 5", ["os"]),
        ("No\u00a053", ["o"]),
        ("le 1er juin 2012", ["er"]),
        ("la 1re session", ["re"]),
        ("casino 5, no comment, 11er, 21er", []),
    ],
)
def test_superscripts(text, raised):
    assert [text[s:e] for s, e in superscripts(text)] == raised
    assert "".join(piece for piece, _ in spans(text)) == text


def test_akn_raises_no_and_the_text_export_keeps_it(edition):
    assert "Supplément n<sup>o</sup> 53" in edition.pages["resolution.akn.xml"]
    assert "Supplément no 53" in edition.pages["resolution.txt"]


def test_notices_use_an_en_dash_in_date_ranges_and_sub2_as_printed(edition):
    text = (ROOT / "source" / "annotations.yml").read_text(encoding="utf-8")
    assert not re.search(r"\d+(er)? [a-zéû]+-\d+ [a-zéû]+|\d+-\d+ [a-zéû]+ \d{4}", text)
    assert "SUB.2" not in text and "SUB.2" not in edition.pages["documents.md"]


# -- glossary and series ---------------------------------------------------------------


def test_glossary_terms_occur_in_the_text_and_cite_allowed_hosts(resolution):
    notes = annotations.load(pipeline.DEFAULT_DATA)
    assert len(notes.glossary) >= 8
    for entry in notes.glossary.values():
        assert glossary.mentions(resolution, entry), entry.slug  # each form is the text's own
        for form in entry.forms:
            assert "'" not in form
            assert any(form in p.text for p in resolution.paragraphs), form
        for url in entry.sources:
            assert urlsplit(url).scheme == "https" and urlsplit(url).hostname in ALLOWED_HOSTS, url
    text = resolution.paragraph("op-13").text
    slugs = [s for _, _, s in glossary.occurrences(text, notes.glossary)]
    assert "conseil-des-droits-de-l-homme" in slugs and "haut-commissaire" in slugs


def test_glossary_page_links_terms_paragraphs_and_the_series(edition):
    page = edition.pages[urls.GLOSSARY]
    for slug in ("conseil-des-droits-de-l-homme", "vienne", "durban", "declaration-du-millenaire"):
        assert f'<section class="ed ed-doc" id="{slug}"' in page
    assert '<a href="dispositif/13.html#op-13">paragraphe 13</a>' in page
    assert (
        '<a href="https://undocs.org/fr/A/RES/67/169" hreflang="fr">A/RES/67/169</a>, 20 décembre 2012 — '
        "<strong>précédente</strong>"
    ) in page
    assert (
        '<a href="https://undocs.org/fr/A/RES/69/179" hreflang="fr">A/RES/69/179</a>, 18 décembre 2014 — '
        "<strong>suivante</strong>"
    ) in page


def test_series_is_in_order_with_iso_dates():
    notes = annotations.load(pipeline.DEFAULT_DATA)
    dates = [s.date for s in notes.series]
    assert dates == sorted(dates) and ("A/RES/68/160", "2013-12-18") in [
        (s.symbol, s.date) for s in notes.series
    ]


def test_exports_listed_in_docs_are_current(edition):
    for name in (
        refman.BIB_FILE,
        refman.RIS_FILE,
        refman.CSL_FILE,
        urls.GLOSSARY,
        urls.paragraph_data("op-7"),
    ):
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == edition.pages[name], name


def test_release_date_must_be_an_iso_date(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nversion = "1.0.0"\n[tool.edition]\nreleased = "28/11/2026"\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="AAAA-MM-JJ"):
        authority.release_date(pyproject)
    pyproject.write_text(
        '[project]\nversion = "1.0.0"\n[tool.edition]\nreleased = "2027-01-05"\n', encoding="utf-8"
    )
    assert authority.release_date(pyproject) == "2027-01-05"
