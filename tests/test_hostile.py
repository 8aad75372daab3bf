"""Hostile text, built: markup, attribute lists, YAML escapes and script URLs written into
the resolution's title, its paragraphs and the annotations reach the site as literal text,
never as an element, an attribute or a script (issue 10, escaping by construction). Each
payload is built into one edition; the pages are then searched for anything it could have
become."""

from __future__ import annotations

import lxml.html
import pytest
from edition.site import search

from .support.paths import ROOT, SOURCE

# (where in the source, payload): each payload must come out as text, literally
PAYLOADS = [
    "{ onclick=alert(3) }",
    "<img src=x onerror=alert(1)>",
    "\\x3c/title\\x3e\\x3cscript\\x3ealert(6)\\x3c/script\\x3e",
    "(C:\\dossier) *gras* _souligné_ `code` [lien](javascript:alert(2))",
    "{: #pp-1 .ed onmouseover=alert(5) }",
    "<!-- commentaire --> &amp; &lt;b&gt; </div></p>",
]
NOTICE = "Note <script>alert(7)</script> { onmouseover=alert(8) } [x](javascript:alert(9))"


def hostile_source(tmp_path):
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    # the title's second line ends with the first payload
    lines[5] = lines[5].rstrip() + " " + PAYLOADS[0] + " "
    # the next payloads in the middle of lines of the first two preambular paragraphs (not
    # inside a citation: the data file names the documents the text cites)
    for row, payload in zip((10, 11, 12, 13, 19), PAYLOADS[1:], strict=True):
        lines[row] = lines[row].rstrip() + " " + payload + " "
    path = tmp_path / "hostile.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def hostile_data(tmp_path):
    lines = (ROOT / "source" / "annotations.yml").read_text(encoding="utf-8").split("\n")
    # a notice in prose may hold any character: it must be shown as written (the first
    # notice, a folded block, replaced by the payload)
    start = next(i for i, line in enumerate(lines) if line.startswith("    note: "))
    end = start + 1
    while lines[end].startswith("      "):
        end += 1
    lines[start:end] = ["    note: " + repr(NOTICE).replace("'", '"')]
    text = "\n".join(lines)
    path = tmp_path / "hostile.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_hostile_text_is_shown_literally_and_never_runs(built_edition, tmp_path):
    site = built_edition(hostile_source(tmp_path), hostile_data(tmp_path))
    seen = {p: "" for p in PAYLOADS}
    notice_seen = False
    for page in site.rglob("*.html"):
        raw = page.read_bytes()
        root = lxml.html.fromstring(raw)
        # no element or attribute the payloads could have made
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            assert not [a for a in el.attrib if a.lower().startswith("on")], (page.name, el.tag, el.attrib)
            for name in ("href", "src"):
                assert not el.get(name, "").lower().startswith("javascript:"), (page.name, el.get(name))
            assert el.tag != "img" or el.get("src") != "x", page.name
        # scripts that run (JSON-LD is data: the title may be quoted there, as JSON)
        scripts = [s.text or "" for s in root.iter("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in scripts if "alert(" in s], page.name
        title = root.xpath("string(//title)")
        assert "</title>" not in title and "<script" not in title.lower(), page.name
        text = " ".join(root.xpath("string(//article)").split())
        for payload in PAYLOADS:
            if " ".join(payload.split()) in text:
                seen[payload] = page.name
        notice_seen = notice_seen or " ".join(NOTICE.split()) in text
    # every payload is on some page, shown as written (not eaten, not reordered)
    assert [p for p, where in seen.items() if not where] == []
    assert notice_seen
    # the home page's h1 is the title, payload included, as text
    h1 = lxml.html.fromstring((site / "index.html").read_bytes()).xpath("//article//h1")[0]
    assert h1.text_content().rstrip().endswith(PAYLOADS[0]) and "onclick" not in h1.attrib


BOUNDARY = "<script>alert(10)</script><img src=x onerror=alert(11)>"


def test_every_string_material_prints_is_escaped_at_its_boundary(fresh_build, tmp_path):
    """The strings the edition hands to Material's templates, which print them unescaped:
    navigation titles (made of the opening words: « 13. Prie ») and so the footer's previous
    and next, search titles and tags (theme labels), the site's name (made of the
    resolution's number). The parser refuses markup in an opening formula; here the model
    handed to the plugin is tampered with after it, so that only the boundary stands
    between the payload and the page (issue 21)."""
    import dataclasses
    import json
    import shutil

    from edition.build import pipeline
    from edition.source.inputs import Inputs

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    real = pipeline.load()
    res = real.resolution
    res = dataclasses.replace(
        res,
        session=f"68{BOUNDARY}",  # the site's name: « Résolution 68…/160 de l’Assemblée générale »
        preamble=tuple(dataclasses.replace(p, opening="Rappelant" + BOUNDARY) for p in res.preamble),
        operative=tuple(dataclasses.replace(p, opening="Prie" + BOUNDARY) for p in res.operative),
    )
    notes = dataclasses.replace(
        real.notes, themes={slug: label + BOUNDARY for slug, label in real.notes.themes.items()}
    )
    site = fresh_build(docs, inputs=Inputs(res, notes))
    for page in site.rglob("*.html"):
        root = lxml.html.fromstring(page.read_bytes())
        assert not root.xpath("//img[@src='x']"), page.name
        scripts = [s.text or "" for s in root.iter("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in scripts if "alert(1" in s], page.name
    nav = lxml.html.fromstring((site / "dispositif" / "7.html").read_bytes())
    labels = [
        " ".join(a.text_content().split()) for a in nav.xpath("//nav[contains(@class,'md-nav--primary')]//a")
    ]
    assert f"7. Prie{BOUNDARY}" in labels  # shown as text
    footer = " ".join(nav.xpath("string(//nav[contains(@class,'md-footer__inner')])").split())
    assert "Prie<script>" in footer or "Rappelant<script>" in footer
    header = nav.xpath("string(//div[contains(@class,'md-header__topic')])")
    assert f"Résolution 68{BOUNDARY}/160" in " ".join(header.split())

    tags = [t for d in search.read_index(site)["docs"] for t in d.get("tags", [])]
    assert tags and all("<" not in t for t in tags) and any("&lt;script&gt;" in t for t in tags)
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []


def test_an_inline_script_no_template_writes_fails_the_build(fresh_build, tmp_path):
    """The policy lists only the scripts the theme's templates write, rendered for the page:
    a script that reached a page some other way (here written into a page's Markdown, as
    markup from the text would be) is not hashed into the policy: the build fails, naming
    the page and the script, and nothing is published (issue 21)."""
    import shutil

    from edition.build import pipeline

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "glossaire.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(12)</script>\n", encoding="utf-8")
    site = tmp_path / "site"
    with pytest.raises(pipeline.BuildError) as info:
        fresh_build(docs, "site")
    assert "glossaire.md : script en ligne qu’aucun gabarit n’écrit (« alert(12) »)" in str(info.value)
    assert not site.exists()
