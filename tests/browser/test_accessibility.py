"""Accessibility beyond the every-page axe gate (tests/browser/test_every_page.py): keyboard
focus is visible, the footer text meets contrast in both palettes, and the gate does fail
on a page made inaccessible on purpose."""

from __future__ import annotations

import pytest

from .axe import options, source


@pytest.fixture(scope="module")
def axe_source() -> str:
    return source()


# The contexts bypass the pages' Content Security Policy: axe-core is injected as an inline
# script, which the policy (rightly) blocks; tests/browser/test_csp.py tests the policy.
def open_page(page, url: str, axe_source: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(content=axe_source)


def run_axe(page, context="document", rules: list[str] | None = None) -> dict:
    return page.evaluate(f"(options) => axe.run({context}, options)", options(rules))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_footer_text_meets_contrast(browser, server, axe_source, scheme):
    ctx = browser.new_context(locale="fr-FR", color_scheme=scheme, bypass_csp=True, service_workers="block")
    page = ctx.new_page()
    try:
        open_page(page, server + "preambule.html", axe_source)
        result = run_axe(page, "document.querySelector('.md-footer')", ["color-contrast"])
    finally:
        ctx.close()
    assert result["violations"] == [] and result["incomplete"] == [], result["violations"]
    passed = [n["target"] for r in result["passes"] for n in r["nodes"]]
    assert any(".md-copyright" in " ".join(map(str, t)) for t in passed), passed


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


def test_the_gate_does_fail(browser, server, axe_source):
    """A page made inaccessible on purpose (grey on grey, no alt, lang removed) is caught."""
    ctx = browser.new_context(locale="fr-FR", bypass_csp=True, service_workers="block")
    page = ctx.new_page()
    try:
        open_page(page, server + "index.html", axe_source)
        page.evaluate("""() => {
            document.documentElement.removeAttribute('lang');
            const p = document.querySelector('.md-content p');
            p.style.color = '#aaa'; p.style.background = '#bbb';
            p.append(Object.assign(document.createElement('img'), {src: 'x.png'}));
        }""")
        ids = {v["id"] for v in run_axe(page)["violations"]}
    finally:
        ctx.close()
    assert {"html-has-lang", "color-contrast", "image-alt"} <= ids
