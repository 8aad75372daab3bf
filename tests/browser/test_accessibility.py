"""Accessibility: axe-core (npm `axe-core`, pinned in package.json) finds 0 WCAG 2.2 A/AA
(and best-practice) violations on every built page, in the light and the dark palette; pages are in French;
keyboard focus is visible; the footer text meets contrast."""

from __future__ import annotations

import pytest

from ..conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA (target size among them), plus axe's best practices (Lighthouse's
# accessibility score uses them too, e.g. aria-dialog-name)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Material chooses the palette whose `media` matches (mkdocs.yml) until the reader toggles it
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} manque : lancez scripts/dev.sh setup (npm ci)")
    return AXE.read_text(encoding="utf-8")


def pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


# The contexts bypass the pages' Content Security Policy: axe-core is injected as an inline
# script, which the policy (rightly) blocks; tests/browser/test_csp.py tests the policy.
def open_page(page, url: str, axe_source: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(content=axe_source)


def axe_options(rules: list[str] | None = None) -> dict:
    return (
        {"runOnly": {"type": "rule", "values": rules}}
        if rules
        else {"runOnly": {"type": "tag", "values": TAGS}}
    )


def run_axe(page, context="document", rules: list[str] | None = None) -> dict:
    return page.evaluate(f"(options) => axe.run({context}, options)", axe_options(rules))


def summary(name: str, violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        for node in v["nodes"][:3]:
            out.append(
                f"{name}: {v['id']} ({v['impact']}) {node['target']}: "
                f"{node['failureSummary'].splitlines()[-1].strip()[:160]}"
            )
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, server, site, axe_source, scheme):
    ctx = browser.new_context(locale="fr-FR", color_scheme=scheme, bypass_csp=True)
    # axe in every page as it loads (cheaper than a script tag per page); only the number of
    # rules passed and the violations come back from the browser
    ctx.add_init_script(script=axe_source)
    page = ctx.new_page()
    problems, checked = [], 0
    try:
        for name in pages(site):
            page.goto(server + name)
            page.wait_for_load_state("load")
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], name
            assert page.evaluate("document.documentElement.lang") == "fr", name
            result = page.evaluate(
                "(options) => axe.run(document, options).then(r => "
                "({passes: r.passes.length, violations: r.violations}))",
                axe_options(),
            )
            checked += result["passes"]
            problems += summary(name, result["violations"])
    finally:
        ctx.close()
    assert problems == [], "\n" + "\n".join(problems)
    assert checked > 20 * len(pages(site))  # axe really ran its rules on each page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_footer_text_meets_contrast(browser, server, axe_source, scheme):
    ctx = browser.new_context(locale="fr-FR", color_scheme=scheme, bypass_csp=True)
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
    ctx = browser.new_context(locale="fr-FR", bypass_csp=True)
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
