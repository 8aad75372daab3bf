"""The built site: nothing lost or invented, notes and citations cross-linked, generated
pages up to date, a synthetic resolution gets its own edition."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from urllib.parse import unquote

import pytest
from edition.build import pipeline
from edition.formats import exports
from edition.model.errors import ParseError

from .support import htmltext
from .support.paths import FIXTURES, ROOT, SOURCE


def test_full_text_has_every_word_in_order_and_nothing_else(site):
    header, body, notes = htmltext.source_words(SOURCE)
    page_body, page_notes = htmltext.resolution_words(site / "texte-integral.html")
    assert page_body == header + body
    assert page_notes == notes


def test_preamble_and_paragraph_pages_together_hold_the_whole_text(site, resolution):
    _, body, notes = htmltext.source_words(SOURCE)
    got_body, got_notes = htmltext.resolution_words(site / "preambule.html")
    for p in resolution.operative:
        words, page_notes = htmltext.resolution_words(site / "dispositif" / f"{p.number}.html")
        got_body += words
        got_notes += page_notes
    assert got_body == body
    assert got_notes == notes


def test_every_paragraph_has_its_anchor_and_permalink(site, resolution):
    pre = htmltext.ids(site / "preambule.html")
    full = htmltext.ids(site / "texte-integral.html")
    for p in resolution.paragraphs:
        assert p.anchor in full
        if p.preambular:
            assert p.anchor in pre
            assert (f"preambule/{p.number}.html#{p.anchor}", f"Alinéa {p.number}") in htmltext.links(
                site / "preambule.html"
            )
            page = site / "preambule" / f"{p.number}.html"
        else:
            page = site / "dispositif" / f"{p.number}.html"
        assert p.anchor in htmltext.ids(page)
        hrefs = [h for h, _ in htmltext.links(page)]
        assert f"{p.number}.html#{p.anchor}" in hrefs
        assert f"../index.html#{p.anchor}" in hrefs


def test_paragraph_pages_link_previous_and_next_across_the_parts(site, resolution):
    """preambule/1 … preambule/9, dispositif/1 … dispositif/14: each page links its
    neighbours, the last recital and the first operative paragraph to each other."""
    pages = [f"preambule/{p.number}.html" for p in resolution.preamble]
    pages += [f"dispositif/{p.number}.html" for p in resolution.operative]
    for i, page in enumerate(pages):
        root = htmltext.load(site / page)
        prev = root.xpath("//a[@rel='prev' and contains(@class,'ed-prevnext__prev')]/@href")
        nxt = root.xpath("//a[@rel='next' and contains(@class,'ed-prevnext__next')]/@href")
        folder = page.split("/")[0]

        def address(target, folder=folder):
            return target.split("/")[1] if target.startswith(folder + "/") else "../" + target

        assert [h.split("#")[0] for h in prev] == ([address(pages[i - 1])] if i else []), page
        assert [h.split("#")[0] for h in nxt] == ([address(pages[i + 1])] if i + 1 < len(pages) else []), page


def test_a_preambular_page_names_the_paragraph_the_symbol_and_the_date(site, resolution):
    """« A/RES/68/160 › Préambule › alinéa 3 », its title, the resolution and its date, the
    formula, the paragraph with its notes (issue 18)."""
    for p in resolution.preamble:
        root = htmltext.load(site / "preambule" / f"{p.number}.html")
        crumbs = [
            " ".join(li.text_content().split()) for li in root.xpath("//nav[@aria-label='Fil d’Ariane']//li")
        ]
        assert crumbs == ["A/RES/68/160", "Préambule", f"alinéa {p.number}"]
        title = " ".join(root.xpath("string(//article//h1)").split())
        assert title == f"Préambule, alinéa {p.number} sur {len(resolution.preamble)}"
        context = " ".join(root.xpath("string(//p[contains(@class,'ed-context')])").split())
        assert "adoptée le 18 décembre 2013" in context
        assert root.xpath("string(//p[contains(@class,'res-formula')])").strip() == "L’Assemblée générale,"
        notes = [int(li.get("value")) for li in root.xpath("//div[contains(@class,'footnote')]//li")]
        assert notes == [c.number for c in p.calls]
        body, _ = htmltext.resolution_words(site / "preambule" / f"{p.number}.html")
        assert body == htmltext.words(exports.marked_text(p, str))  # the words, nothing else


@pytest.mark.parametrize("page", ["preambule.html", "texte-integral.html"])
def test_footnotes_are_real_and_link_to_documents(site, resolution, page):
    root = htmltext.load(site / page)
    refs = root.xpath("//a[contains(@class,'footnote-ref')]")
    assert [a.text_content() for a in refs] == ["1", "2", "3", "4", "5"]
    doc_ids = htmltext.ids(site / "documents.html")
    for a in refs:
        n = a.text_content()
        li = root.xpath(f"//li[@id='fn:{n}']")
        assert li, f"note {n} has no text"
        note_links = [x.get("href") for x in li[0].xpath(".//a[@href]")]
        assert any(h.startswith("documents.html#") and h.split("#")[1] in doc_ids for h in note_links), (
            note_links
        )
        back = li[0].xpath(".//a[contains(@class,'footnote-backref')]/@href")
        assert back and back[0][1:] in htmltext.ids(site / page)


def test_running_text_citations_link_to_their_entries(site, resolution):
    doc_ids = htmltext.ids(site / "documents.html")
    hrefs = [h for h, _ in htmltext.links(site / "texte-integral.html")]
    for p in resolution.paragraphs:
        for c in p.citations:
            anchor = next(
                d["id"]
                for d in json.loads((site / "resolution.json").read_text())["documents"]
                if d["key"] == c.key
            )
            assert f"documents.html#{anchor}" in hrefs
            assert anchor in doc_ids


def test_every_document_entry_links_back_to_each_citing_paragraph(site):
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    root = htmltext.load(site / "documents.html")
    assert len(data["documents"]) == 10
    for doc in data["documents"]:
        entry = root.xpath(f"//section[@id='{doc['id']}']")
        assert entry and entry[0].xpath(".//h2"), doc["key"]
        hrefs = [a.get("href") for a in entry[0].xpath(".//a[@href]")]
        for where in doc["cited_by"]:
            if where == "header":
                assert "index.html" in hrefs
                continue
            para = next(p for p in data["paragraphs"] if p["id"] == where)
            assert para["url"] in hrefs, (doc["key"], where, hrefs)
            target, anchor = para["url"].split("#")
            assert anchor in htmltext.ids(site / target)
        if doc["symbol"]:
            assert any(h.startswith("https://undocs.org/fr/") for h in hrefs)


def test_undocs_links_escape_parentheses_and_spaces(site):
    hrefs = [h for h, _ in htmltext.links(site / "documents.html")]
    assert "https://undocs.org/fr/A/CONF.157/24%28PartI%29" in hrefs
    assert "https://undocs.org/fr/A/RES/55/2" in hrefs
    assert not [
        h
        for h in hrefs
        if h.startswith("https://undocs.org/") and any(c in unquote(h).replace("(PartI)", "") for c in " ()")
    ]


def test_resolution_json_is_the_model(site, resolution):
    data = json.loads((site / "resolution.json").read_text(encoding="utf-8"))
    assert data["symbol"] == "A/RES/68/160" and data["adopted"] == "2013-12-18"
    assert [p["text"] for p in data["paragraphs"]] == [p.text for p in resolution.paragraphs]
    assert [p["id"] for p in data["paragraphs"]] == [p.anchor for p in resolution.paragraphs]
    for p in data["paragraphs"]:
        page, anchor = p["url"].split("#")
        assert anchor in htmltext.ids(site / page)
    assert [n["text"] for n in data["footnotes"]] == [n.text for n in resolution.footnotes]


def test_generated_docs_are_up_to_date():
    run = subprocess.run(
        [sys.executable, "-m", "edition", "generate", "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr


def test_check_names_stale_files(tmp_path):
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "preambule.md").write_text("edited by hand", encoding="utf-8")
    (docs / "dispositif" / "15.md").write_text(
        "---\n# Généré par scripts/edition depuis x : ne pas modifier à la main.\n---\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "edition", "generate", "--check", "--docs-dir", str(docs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert "docs/preambule.md" in run.stderr and "docs/dispositif/15.md" in run.stderr


def test_synthetic_resolution_gets_its_own_edition(built_edition):
    site = built_edition(FIXTURES / "seize-paragraphes-notes-multipages.txt")
    assert sorted(int(p.stem) for p in (site / "dispositif").glob("*.html")) == list(range(1, 17))
    page = site / "dispositif" / "3.html"
    root = htmltext.load(page)
    # the paragraph page shows note 3 as "3", not as the page's first note
    assert [a.text_content() for a in root.xpath("//a[contains(@class,'footnote-ref')]")] == ["3"]
    assert root.xpath("//li[@id='fn:3']/@value") == ["3"]
    header, body, notes = htmltext.source_words(FIXTURES / "seize-paragraphes-notes-multipages.txt")
    assert htmltext.resolution_words(site / "texte-integral.html") == (header + body, notes)
    # documents the data file does not know still get an entry with their link
    docs = htmltext.load(site / "documents.html")
    assert docs.xpath("//section[@id='a-hrc-res-40-3']//h2")
    assert "https://undocs.org/fr/A/HRC/RES/40/3" in [h for h, _ in htmltext.links(site / "documents.html")]
    nav = htmltext.load(site / "index.html").xpath("//nav//a/@href")
    assert "dispositif/16.html" in nav


def test_unknown_documents_warn_but_build(tmp_path, build_command):
    """A resolution citing a document the data file does not know: `python -m edition
    build` says so and builds, the paragraph with its theme, the document with its entry."""
    data = tmp_path / "annotations.yml"
    data.write_text("themes:\n  suivi: Suivi\nparagraphs:\n  op-3: [suivi]\n", encoding="utf-8")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    site = tmp_path / "site"
    run = build_command(
        "edition", "build", "--source", FIXTURES / "sans-renvoi-court.txt", "--data", data,
        "--docs-dir", tmp_path / "docs", "--site-dir", site, "--no-offline-zip",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "AVERTISSEMENT" in run.stderr and "A/RES/73/1" in run.stderr
    page = htmltext.article(site / "dispositif" / "3.html")
    assert page.xpath("//*[@id='op-3']") and "Suivi" in page.text_content()
    assert htmltext.load(site / "documents.html").xpath("//section[@id='a-res-73-1']//h2")


def test_themes_for_paragraphs_the_text_lacks_are_an_error():
    with pytest.raises(ParseError) as info:
        pipeline.load(FIXTURES / "sans-renvoi-court.txt", pipeline.DEFAULT_DATA)
    assert "op-14" in str(info.value) and "absent" in str(info.value)


def test_raised_letters_in_note_3_and_the_a_67_53_notice(site):
    """« Supplément no 53 » is set as French typography sets it; the words do not change."""
    home = htmltext.load(site / "index.html")
    note = home.xpath("//li[@id='fn:3']")[0]
    assert [s.text for s in note.xpath(".//sup")] == ["o"]
    assert "Supplément no 53" in " ".join(note.text_content().split())
    notice = htmltext.load(site / "documents.html").xpath("//section[@id='a-67-53']")[0]
    assert "o" in [s.text for s in notice.xpath(".//sup")]


def test_one_preambular_paragraph_and_no_main_committee(built_edition):
    """Issue 9's two review defects: a one-paragraph preamble is still the preamble (not
    « 1er alinéa du préambule ») in the JSON-LD, and the home page follows the header's
    own words for a resolution adopted without reference to a main committee."""
    site = built_edition(FIXTURES / "un-alinea-sans-renvoi.txt")
    head = htmltext.load(site / "preambule.html").xpath("//head")[0]
    data = json.loads(head.xpath("script[@type='application/ld+json']/text()")[0])
    assert data["identifier"].endswith("préambule") and "alinéa" not in data["identifier"]
    home = " ".join(htmltext.article(site / "index.html").text_content().split())
    assert "[sans renvoi à une grande commission (A/74/L.99)]" in home
    assert "rapport" not in home.split("Préambule")[0]


@pytest.mark.parametrize("page", ["documents.html", "glossaire.html"])
def test_pages_of_html_sections_have_their_table_of_contents(site, page):
    """Their headings are HTML (titles from the data file), which Material's table ignores:
    the table lists every h2 of the article, in order, as text (issue 18)."""
    root = htmltext.load(site / page)
    headings = [
        (h.get("id"), " ".join(h.text_content().split()))
        for h in htmltext.article(site / page).xpath(".//h2[@id]")
    ]
    toc = root.xpath("//nav[contains(@class,'md-nav--secondary')]")[0]
    entries = [(a.get("href")[1:], " ".join(a.text_content().split())) for a in toc.xpath(".//a")]
    assert len(headings) >= 8 and entries == headings
