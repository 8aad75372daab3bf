"""Hostile text, built: markup, attribute lists, YAML escapes and script URLs written into
the resolution's title, its paragraphs and the annotations reach the site as literal text,
never as an element, an attribute or a script (issue 10, escaping by construction). Each
payload is built into one edition; the pages are then searched for anything it could have
become."""

from __future__ import annotations

import lxml.html

from .conftest import ROOT, SOURCE

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
