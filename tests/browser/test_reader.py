"""Reader tasks found wanting in review: a query pasted with the mouse searches at once."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from playwright.sync_api import expect

from ..support.paths import ROOT
from ..support.search import LINKS, META, QUERY, open_search


@pytest.mark.parametrize("origin", ["server", "file_base"])
def test_a_pasted_query_searches_without_a_key_press(page, request, origin):
    base = request.getfixturevalue(origin)
    open_search(page, base)
    # fill() sets the value with one "input" event and no key event, as a mouse paste does
    page.locator(QUERY).fill("crises alimentaires")
    expect(page.locator(META)).to_have_text("1 document trouvé", timeout=5000)
    href = page.locator(LINKS).first.get_attribute("href")
    assert href.split("?")[0].endswith("dispositif/10.html")
    assert page.recorder.errors == []


# Words of an element that the layout breaks across two lines
BROKEN_WORDS = """el => {
  const broken = [];
  for (const node of el.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    for (const m of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def test_a_paragraph_page_prints_as_a_citable_extract(page, server):
    page.set_viewport_size({"width": 720, "height": 1000})  # about an A4 page's text width
    page.goto(server + "dispositif/8.html")
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    footer = page.locator(".ed-print-footer")
    expect(footer).to_be_visible()
    cite = "paragraphe 8 de la résolution 68/160 de l’Assemblée générale en date du 18 décembre 2013"
    assert (
        footer.inner_text()
        == f"Pour citer\u00a0: {cite}. Adresse permanente\u00a0: {server}dispositif/8.html#op-8"
    )
    for hidden in (".ed-prevnext", ".ed-breadcrumb", ".ed-menu__toggle", ".md-sidebar--primary"):
        assert not page.locator(hidden).first.is_visible(), hidden
    underline = page.locator("#op-8 a").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert underline == "none"
    # on screen the footer is not shown
    page.emulate_media(media="screen")
    assert not footer.is_visible()


@pytest.mark.parametrize("name", ["index.html", "texte-integral.html"])
def test_printed_full_text_is_the_document(page, server, name):
    page.goto(server + name)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    # the identity block on top, no address inside the resolution's wording
    expect(page.locator(".res-identity")).to_be_visible()
    assert page.locator(".res-identity").inner_text().startswith("Nations Unies")
    texts = page.locator(".res-para").all_inner_texts()
    assert len(texts) == 23 and not [t for t in texts if "http" in t]
    # the cited documents' addresses in a short appendix, then the citation and address
    appendix = page.locator(".ed-print-appendix")
    expect(appendix).to_be_visible()
    assert "https://undocs.org/fr/A/RES/55/2" in appendix.inner_text()
    footer = page.locator(".ed-print-footer")
    expect(footer).to_be_visible()
    assert footer.inner_text().endswith(f"{server}index.html")


def test_printed_map_tiles_keep_whole_words(page, server):
    page.set_viewport_size({"width": 600, "height": 1000})  # an A4 page printed by Chromium
    page.goto(server + "analyse.html")
    page.emulate_media(media="print")
    tiles = page.locator(".vis-tile__open")
    assert tiles.count() == 23
    broken = [w for i in range(tiles.count()) for w in tiles.nth(i).evaluate(BROKEN_WORDS)]
    assert broken == []


def test_offline_copy_links_to_the_public_address_when_known(page, build_command, tmp_path):
    """The offline zip of a build with SITE_URL, unpacked and opened from disk: « Copier le
    lien » gives the public address (a file:// address means nothing to whoever receives
    the e-mail)."""
    public = "https://edition.example.org/68-160/"
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    site = tmp_path / "site"
    run = build_command(
        "edition", "build", "--docs-dir", tmp_path / "docs", "--site-dir", site,
        env={**build_command.env, "SITE_URL": public},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (archive,) = site.glob("*-hors-ligne.zip")
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "copie")
    (folder,) = (tmp_path / "copie").iterdir()
    page.goto((folder / "dispositif" / "5.html").as_uri())
    page.wait_for_load_state("load")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == public + "dispositif/5.html"  # put there by the build, not by the test
    page.get_by_role("button", name="Citer, copier ou partager le paragraphe 5", exact=True).click()
    page.get_by_role("button", name="Copier le lien vers le paragraphe 5", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Lien copié")).to_have_count(1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == public + "dispositif/5.html#op-5"
    # the copy does not hold its own zip: its download link goes to the published one
    page.goto((folder / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator('a[download][href$=".zip"]').get_attribute("href") == public + archive.name
