"""Touch screens (edition.css, `@media (pointer: coarse)`): every control of the edition
takes a fingertip's tap anywhere in a 44×44 px box around its centre (WCAG 2.5.5), and the
rule moves no line of the wording: on a 360 px phone the text's lines stand where they
stand on a screen of the same width without touch."""

from __future__ import annotations

import pytest

from ..support.browser import CONTEXT, PHONE

# the edition's controls, as reading.js and the templates make them; glossary terms are
# controls only while the annotations are shown
CONTROLS = [
    "button.ed-menu__toggle",
    "sup > a.footnote-ref",
    "label.ed-switch",
    "a.res-para__num",
    "a.footnote-backref",
]
ANNOTATED = ["a.ed-term", "a.ed-label"]
REACH = 21  # px from the centre: the 44×44 box, its edge excluded

# For each control shown, the points of its 44×44 box that another element takes, unless
# that point lies on another control's own box (its border box; a glossary term's text, its
# padding being the touch area): where two controls stand closer than 44 px (« Alinéa 2 »
# above the term that starts the next line) each keeps what it shows. An inline control
# that wraps is measured on its longest piece (its bounding box may hold no part of it);
# the page is scrolled so that the control is in view.
MISSED = """([selector, controls, reach]) => {
  const textRects = (el) => {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      out.push(...range.getClientRects());
    }
    return out;
  };
  const own = (el) => el.matches('a.ed-term') ? textRects(el) : [...el.getClientRects()];
  const inside = (x, y, rects) => rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    el.scrollIntoView({block: 'center', behavior: 'instant'});
    const r = [...el.getClientRects()].sort((a, b) => b.width - a.width)[0];
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const missed = [];
    for (const dx of [-reach, 0, reach]) for (const dy of [-reach, 0, reach]) {
      const hit = document.elementFromPoint(x + dx, y + dy);
      if (hit && el.contains(hit)) continue;
      const other = hit && hit.closest(controls);
      if (other && other !== el && inside(x + dx, y + dy, own(other))) continue;
      missed.push([dx, dy, hit ? hit.tagName + '.' + hit.className : null]);
    }
    if (missed.length) out.push([selector, el.textContent.trim().slice(0, 30), missed]);
  }
  return out;
}"""
ALL = ", ".join([*CONTROLS, *ANNOTATED, ".ed-menu__item", ".ed-popover > a"])

# Where every line of the page's own text stands (document coordinates), the « ⋯ » menus
# apart: one rectangle per line piece of every text node.
LINES = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('.ed-menu, .ed-menu__panel')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      out.push([node.textContent.trim().slice(0, 20), r.left, r.top + scrollY, r.right, r.bottom + scrollY].join(' '));
    }
  }
  return out;
}"""


def open_page(page, url: str, annotations: bool) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # reading.js adds the menus
    if annotations:
        page.locator(".ed-switch input").check()


@pytest.mark.parametrize("annotations", [False, True], ids=["lecture", "annotations"])
def test_every_control_takes_a_44_pixel_tap(phone_page, server, annotations):
    page = phone_page
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    open_page(page, server + "index.html", annotations)
    selectors = CONTROLS + (ANNOTATED if annotations else [])
    counts = {s: page.locator(s).count() for s in selectors}
    assert all(counts.values()), counts
    missed = [m for s in selectors for m in page.evaluate(MISSED, [s, ALL, REACH])]
    assert missed == []
    # the menu of a paragraph and the note panel: their buttons and link
    page.locator("#op-7 button.ed-menu__toggle").tap()
    assert page.locator("#menu-op-7 .ed-menu__item").count() >= 2
    assert page.evaluate(MISSED, ["#menu-op-7 .ed-menu__item", ALL, REACH]) == []
    page.locator("#op-7 button.ed-menu__toggle").tap()
    page.locator("#pp-1 sup > a.footnote-ref").tap()
    assert page.locator(".ed-popover").is_visible()
    assert page.evaluate(MISSED, [".ed-popover .ed-menu__item, .ed-popover > a", ALL, REACH]) == []
    assert page.recorder.errors == []


def test_the_hit_areas_were_small_without_the_rule(phone_page, server):
    """The measure can fail: with the touch rule's hit areas taken away, the note calls
    and the « ⋯ » buttons miss taps."""
    page = phone_page
    open_page(page, server + "index.html", annotations=False)
    page.evaluate("""() => {
        for (const el of document.querySelectorAll('button.ed-menu__toggle, sup > a.footnote-ref'))
            el.classList.add('no-area');
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.md-typeset .no-area::after { content: none !important; }');
        document.adoptedStyleSheets = [sheet];
    }""")
    missed = {m[0] for s in CONTROLS[:2] for m in page.evaluate(MISSED, [s, ALL, REACH])}
    assert missed == set(CONTROLS[:2])


@pytest.mark.parametrize("annotations", [False, True], ids=["lecture", "annotations"])
def test_the_touch_rule_moves_no_line_of_the_text(browser, phone_page, server, annotations):
    names = ["index.html", "dispositif/13.html"]
    touch = {}
    for name in names:
        open_page(phone_page, server + name, annotations)
        touch[name] = phone_page.evaluate(LINES)
    ctx = browser.new_context(**CONTEXT, service_workers="block", **{**PHONE, "has_touch": False})
    try:
        page = ctx.new_page()
        assert not page.evaluate("matchMedia('(pointer: coarse)').matches")
        for name in names:
            open_page(page, server + name, annotations)
            lines = page.evaluate(LINES)
            assert len(lines) > 50, name
            moved = [(a, b) for a, b in zip(touch[name], lines, strict=True) if a != b]
            assert moved == [], name
    finally:
        ctx.close()
