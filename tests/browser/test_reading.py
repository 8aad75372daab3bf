"""The reading edition as a reader meets it in Chromium: the home page is the resolution,
annotations on demand (remembered), paragraph pages that say what they are, old addresses
that still land, headings a screen-reader user can navigate, touch targets, a text measure
for reading, nothing scrolling sideways on a phone, notes and glossary terms on touch."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

READING_PAGES = ["index.html", "preambule.html", "dispositif/7.html", "analyse.html", "documents.html"]


def main_text(page) -> str:
    return page.locator("article.md-content__inner").inner_text()


# The reading pages, walked once on a desktop and once on a phone (one load per page and
# device, in the shared contexts); what each page showed is read once it has had
# time to run its scripts, and the tests below read the walks.
WALKED = [*READING_PAGES, "texte-integral.html"]
LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (!e.hadRecentInput) window.__shifts.push([e.value, e.sources.map((s) => s.node ? s.node.className : "?")]);
  }
}).observe({ type: "layout-shift", buffered: true });"""
SEEN = """() => ({
  shifts: window.__shifts,
  outline: [...document.querySelectorAll('article h1, article h2, article h3')]
    .filter((h) => h.offsetParent !== null).map((h) => h.tagName + ' ' + h.textContent.trim()),
  links: [...document.querySelectorAll('article a[href]')].filter((a) => a.offsetParent !== null)
    .map((a) => [(a.getAttribute('aria-label') || a.textContent).trim(),
                 new URL(a.getAttribute('href'), location.href).href.split('?')[0]]),
  width: document.documentElement.scrollWidth,
  viewport: window.innerWidth,
})"""


def read_pages(shared, base: str) -> dict:
    with shared.tab() as page:
        page.add_init_script(LAYOUT_SHIFTS)
        seen = {}
        for name in WALKED:
            page.goto(base + name)
            page.wait_for_load_state("load")
            page.wait_for_timeout(300)  # the scripts add the switch, the menus, the offline state
            seen[name] = page.evaluate(SEEN)
        assert page.recorder.errors == []
    return seen


@pytest.fixture(scope="module")
def on_desktop(shared_context, server) -> dict:
    return read_pages(shared_context, server)


@pytest.fixture(scope="module")
def on_phone(shared_phone, server) -> dict:
    return read_pages(shared_phone, server)


def test_headings_outline_of_each_reading_page(on_desktop):
    outlines = {name: seen["outline"] for name, seen in on_desktop.items()}
    for name, outline in outlines.items():
        assert len([h for h in outline if h.startswith("H1 ")]) == 1, (name, outline)
        assert outline[0].startswith("H1 "), (name, outline)
        levels = [int(h[1]) for h in outline]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (name, outline)
    assert outlines["dispositif/7.html"][0] == "H1 Paragraphe 7 sur 14"
    assert "H2 Citer ce paragraphe" in outlines["dispositif/7.html"]
    assert outlines["analyse.html"][1:3] == ["H2 Plan de la résolution", "H3 Préambule"]


def test_one_accessible_name_per_link_target(on_desktop):
    """Links named alike go to the same place (no 69 links named « JSON »)."""
    for name, seen in on_desktop.items():
        targets: dict[str, set[str]] = {}
        for text, href in seen["links"]:
            targets.setdefault(text, set()).add(href)
        assert {t: h for t, h in targets.items() if len(h) > 1} == {}, name


@pytest.mark.parametrize(("device", "width"), [("on_desktop", 1280), ("on_phone", 360)])
def test_nothing_moves_while_a_page_loads(request, device, width):
    """Cumulative layout shift, on a desktop and a phone: what the scripts add (the
    annotations switch, the paragraph menus, the offline state) must not push the text the
    reader has started to read."""
    pages = request.getfixturevalue(device)
    assert {seen["viewport"] for seen in pages.values()} == {width}
    moved = {name: seen["shifts"] for name, seen in pages.items() if sum(v for v, _ in seen["shifts"]) > 0.01}
    assert moved == {}


def test_nothing_scrolls_sideways_on_a_phone(on_phone):
    assert {name: seen["width"] for name, seen in on_phone.items() if seen["width"] > seen["viewport"]} == {}
    assert {seen["viewport"] for seen in on_phone.values()} == {360}


def test_home_is_the_resolution_and_adds_little_to_its_text(page, server, site):
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    own = (site / "resolution.txt").read_text(encoding="utf-8")
    own_length = len(re.sub(r"\s+", " ", own.replace("_" * 15, "")))
    shown = re.sub(r"\s+", " ", main_text(page))
    # every paragraph and note is there, in order
    data = page.evaluate("fetch('resolution.json').then(r => r.json())")
    pos = 0
    for p in data["paragraphs"]:
        start = re.sub(r"\s+", " ", p["text"])[:50]
        found = shown.find(start, pos)
        assert found >= 0, p["id"]
        pos = found
    # what the edition adds in reading view (identity line, headings, numbers, menus): at most 15 %
    assert len(shown) <= 1.15 * own_length, (len(shown), own_length)
    headings = page.evaluate(
        "[...document.querySelectorAll('article h1, article h2')].map(h => [h.tagName, h.textContent.trim()])"
    )
    assert headings[0][0] == "H1" and "Renforcement de la coopération internationale" in headings[0][1]
    assert [t for tag, t in headings if tag == "H2"][:3] == ["Préambule", "Dispositif", "Notes"]


def test_annotations_on_demand_and_remembered(page, server):
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    themes = page.locator("#op-7 .ed-themes")
    expect(themes).to_be_hidden()
    switch = page.get_by_label("Afficher les annotations")
    switch.check()
    expect(themes).to_be_visible()
    # remembered on the next page and the next visit
    page.goto(server + "dispositif/7.html")
    page.wait_for_load_state("load")
    expect(page.locator("#op-7 .ed-themes")).to_be_visible()
    expect(page.get_by_label("Afficher les annotations")).to_be_checked()
    page.get_by_label("Afficher les annotations").uncheck()
    page.goto(server + "index.html")
    expect(page.locator("#op-7 .ed-themes")).to_be_hidden()


def test_glossary_terms_lead_to_their_entry_when_annotations_are_shown(page, server):
    page.goto(server + "dispositif/13.html")
    page.wait_for_load_state("load")
    term = page.locator("#op-13 a.ed-term[data-term='conseil-des-droits-de-l-homme']").first
    assert term.get_attribute("tabindex") == "-1"  # no invisible focus stop in reading view
    page.get_by_label("Afficher les annotations").check()
    assert term.get_attribute("tabindex") is None
    assert term.get_attribute("title")  # the definition, as a tooltip
    term.click()
    page.wait_for_url("**/glossaire.html#conseil-des-droits-de-l-homme")
    expect(page.locator("#conseil-des-droits-de-l-homme h2")).to_be_in_viewport()


def test_paragraph_page_says_what_it_is(page, server):
    page.goto(server + "dispositif/13.html")
    page.wait_for_load_state("load")
    text = main_text(page)
    assert "A/RES/68/160" in text and "18 décembre 2013" in text
    assert "L’Assemblée générale," in text  # the chapeau before an operative paragraph
    crumbs = page.locator("nav.ed-breadcrumb li").all_inner_texts()
    assert [c.strip() for c in crumbs] == ["A/RES/68/160", "Dispositif", "paragraphe 13"]
    # previous/next once, named by number and opening words
    assert page.locator("a[rel=prev]").count() == 1 and page.locator("a[rel=next]").count() == 1
    assert page.locator("a[rel=next]").inner_text().startswith("14. Décide")
    # the navigation names paragraphs by number and opening words
    assert page.locator(".md-nav--primary a", has_text="13. Prie").count() >= 1


@pytest.mark.parametrize(
    "old, new",
    [
        ("index.html#plan", "analyse.html#plan"),
        ("index.html#verbes", "analyse.html#verbes"),
        ("themes.html#racisme", "analyse.html#racisme"),
    ],
)
def test_moved_sections_keep_their_old_addresses(page, server, old, new):
    page.goto(server + old)
    page.wait_for_url("**/" + new)
    expect(page.locator("#" + new.split("#")[1])).to_be_in_viewport()


def test_targets_are_at_least_24_pixels(page, server):
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    page.get_by_label("Afficher les annotations").check()
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        'a.footnote-ref, a.ed-chip, button.ed-menu__toggle, a.footnote-backref')]
        .map(el => { const r = el.getBoundingClientRect(); return [el.className, r.width, r.height]; })""")
    assert len(sizes) > 23
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert small == []


def test_no_invisible_focus_stop(page, server):
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    invisible = []
    for _ in range(120):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if state and not state[1]:  # it may be fading in (Material's skip link): look again
            page.wait_for_timeout(400)
            state = page.evaluate(FOCUSED)
        if state and not state[1]:
            invisible.append(state[0])
    assert invisible == []


FOCUSED = """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            // a visually hidden radio shows its focus on the label beside it (Material's
            // palette switch: each option's visible label is the next element)
            const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
            const r = shown.getBoundingClientRect();
            const s = getComputedStyle(shown);
            return [el.tagName + '.' + el.className, r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'];
        }"""


def test_text_measure_and_title_weight(page, server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    per_line = page.locator("#op-7 .res-para__text").evaluate("""el => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Map();
        for (const r of range.getClientRects()) {
            const top = Math.round(r.top / 4);
            lines.set(top, (lines.get(top) || 0) + r.width);
        }
        const width = Math.max(...lines.values());
        const chars = el.textContent.length;
        const total = [...lines.values()].reduce((a, b) => a + b, 0);
        return chars * width / total;
    }""")
    assert 60 <= per_line <= 75, per_line

    def luminance(color: str) -> float:
        r, g, b, *a = [float(x) for x in re.findall(r"[\d.]+", color)]
        alpha = a[0] if a else 1.0
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) * alpha + 255 * (1 - alpha)

    title = page.locator("article h1").evaluate("el => getComputedStyle(el).color")
    body = page.locator("#op-7 .res-para__text").evaluate("el => getComputedStyle(el).color")
    assert luminance(title) <= luminance(body) + 1


def test_a_note_call_opens_on_touch(phone_page, server):
    page = phone_page
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    call = page.locator("#pp-1 a.footnote-ref")
    call.scroll_into_view_if_needed()
    call.tap()
    panel = page.locator(".ed-popover")
    expect(panel).to_be_visible()
    assert "A/CONF.157/24 (Part I), chap. III." in panel.inner_text()
    assert page.url.endswith("index.html")  # the reader stays in the text
    # one panel: Material's hover tooltip, which the tap also triggers, stays hidden
    assert (
        page.locator(".md-tooltip2").evaluate_all(
            "els => els.filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length).length"
        )
        == 0
    )


def test_without_scripts_no_switch_that_cannot_work(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "index.html")
    assert page.locator(".ed-switch").count() == 1
    assert not page.locator(".ed-switch").is_visible()
    assert not page.locator("#pp-1 .ed-annot").first.is_visible()  # the reading view: text only
    ctx.close()


def test_the_phone_header_holds_the_long_title(phone_page, server):
    """Scrolled, Material shows the page's own title in the header: on a phone it takes two
    lines at most and stays inside the header, offline badge included."""
    page = phone_page
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, 1200)")
    expect(page.locator(".md-header__title")).to_have_class(re.compile("md-header__title--active"))
    page.context.set_offline(True)
    expect(page.locator(".edition-offline")).to_have_text("Hors ligne")
    header = page.locator(".md-header").bounding_box()
    for box in page.locator(".md-header__topic .md-ellipsis, .edition-offline").all():
        inside = box.bounding_box()
        assert (
            inside["y"] >= header["y"]
            and inside["y"] + inside["height"] <= header["y"] + header["height"] + 0.5
        )


def test_touch_popovers_name_what_they_explain_next_to_it(phone_page, server):
    """A note's panel keeps the note as the page shows it (« Supplément nº 53 », its link to
    the cited document) and a glossary term's panel says which term it defines; both open
    right under the call or the term, not under the whole paragraph (issue 18)."""
    page = phone_page
    page.goto(server + "index.html")
    page.wait_for_load_state("load")
    call = page.locator("#pp-2 a.footnote-ref", has_text="3")
    call.scroll_into_view_if_needed()
    call.tap()
    panel = page.locator(".ed-popover")
    expect(panel).to_be_visible()
    assert panel.locator(".ed-popover__title").inner_text() == "Note 3"
    assert panel.locator("sup").count() >= 1  # the raised « o » of « nº »
    assert panel.locator("a.res-cite", has_text="A/67/53").count() == 1
    assert 0 <= panel.bounding_box()["y"] - (call.bounding_box()["y"] + call.bounding_box()["height"]) < 20
    page.locator(".ed-switch input").check()  # terms are links only with the annotations
    term = page.locator("#pp-1 a.ed-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    expect(panel).to_be_visible()
    name = " ".join(term.inner_text().split())
    assert panel.locator(".ed-popover__title").inner_text() == f"« {name} »"
    box, at = panel.bounding_box(), term.bounding_box()
    assert 0 <= box["y"] - (at["y"] + at["height"]) < 20
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


def test_tabbing_out_of_the_menu_closes_it(page, server):
    page.goto(server + "dispositif/5.html")
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Citer, copier ou partager le paragraphe 5").click()
    panel = page.locator("#op-5 .ed-menu__panel")
    expect(panel).to_be_visible()
    for _ in range(12):  # past every item of the menu
        page.keyboard.press("Tab")
    expect(panel).to_be_hidden()
    assert page.locator("#op-5 .ed-menu__toggle").get_attribute("aria-expanded") == "false"


def test_a_preambular_address_shows_its_number_and_the_symbol_on_a_phone(phone_page, server):
    """A paragraph's address opened cold on a 360 px phone keeps its identity in view: on the
    paragraph's own page the page opens at its top (breadcrumb with the symbol, title with
    the number); in the whole text the paragraph names itself and the symbol above its
    words (issue 18)."""
    page = phone_page
    for address, identity in [
        ("preambule.html#pp-3", "A/RES/68/160 · Préambule, alinéa 3"),
        ("index.html#pp-3", "A/RES/68/160 · Préambule, alinéa 3"),
        ("index.html#op-13", "A/RES/68/160 · Paragraphe 13"),
    ]:
        page.goto(server + address)
        page.wait_for_load_state("load")
        anchor = address.split("#")[1]
        shown = page.locator(f"#{anchor}").evaluate("el => getComputedStyle(el, '::before').content")
        assert shown == f'"{identity}"', address
        top = page.locator(f"#{anchor}").bounding_box()["y"]
        header = page.locator(".md-header").bounding_box()
        assert header["height"] <= top < 300, (address, top)
        label = page.locator(f"#{anchor} .res-para__link").first
        assert label.is_visible() and label.bounding_box()["y"] < 740, address
    for address, title in [
        ("preambule/3.html#pp-3", "Préambule, alinéa 3 sur 9"),
        ("dispositif/13.html#op-13", "Paragraphe 13 sur 14"),
    ]:
        page.goto(server + address)
        page.wait_for_load_state("load")
        assert page.evaluate("window.scrollY") == 0, address
        crumbs = page.locator("nav.ed-breadcrumb")
        assert crumbs.bounding_box()["y"] >= 0 and "A/RES/68/160" in crumbs.inner_text()
        h1 = page.locator("article h1")
        assert " ".join(h1.inner_text().split()) == title and h1.bounding_box()["y"] < 740, address
        assert page.locator(address.split("#")[1].join(["#", " .res-para__text"])).bounding_box()["y"] < 740
