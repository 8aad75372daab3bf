"""Accessibility beyond the every-page axe gate (tests/browser/test_every_page.py, which
also holds the footer's contrast in both palettes): keyboard focus is visible, and the
gate does fail on a page made inaccessible on purpose."""

from __future__ import annotations

from ..support.axe import options, source


def open_page(page, url: str) -> None:
    """Load the page and evaluate axe-core in it by the browser's debugger (which the page's
    policy does not govern, as in the every-page walk)."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate(f"{source()}\n;undefined")


def run_axe(page, rules: list[str] | None = None) -> dict:
    return page.evaluate("(options) => axe.run(document, options)", options(rules))


def test_keyboard_focus_is_visible(page, server):
    page.goto(server + "dispositif/3.html")
    page.wait_for_load_state("load")
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            const el = document.activeElement, s = getComputedStyle(el);
            return {tag: el.tagName, cls: String(el.className), text: el.textContent.trim().slice(0, 30),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none'};
        }""")
        if focus["tag"] == "BODY":
            continue
        seen.append(focus)
        assert focus["outline"] or focus["shadow"], f"focus invisible on {focus}"
    assert len(seen) >= 5 and any(f["tag"] == "A" for f in seen)


def test_the_gate_does_fail(page, server):
    """A page made inaccessible on purpose (grey on grey, no alt, lang removed) is caught."""
    open_page(page, server + "index.html")
    page.evaluate("""() => {
        document.documentElement.removeAttribute('lang');
        const p = document.querySelector('.md-content p');
        p.style.color = '#aaa'; p.style.background = '#bbb';
        p.append(Object.assign(document.createElement('img'), {src: 'x.png'}));
    }""")
    ids = {v["id"] for v in run_axe(page)["violations"]}
    assert {"html-has-lang", "color-contrast", "image-alt"} <= ids
