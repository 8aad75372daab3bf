"""axe-core (npm `axe-core`, pinned in package.json) in the browser: the rules the edition
is held to and a readable summary of what axe finds (shared by the accessibility tests and
the every-page walk)."""

from __future__ import annotations

import functools

import pytest

from .paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA (target size among them), plus axe's best practices (Lighthouse's
# accessibility score uses them too, e.g. aria-dialog-name)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# The palettes differ only in colour (the same HTML, Material's colour variables): the
# rules that read colours are the ones to run again in the second palette.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Material chooses the palette whose `media` matches (mkdocs.yml) until the reader toggles it
SCHEMES = {"light": "default", "dark": "slate"}


@functools.cache
def source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} manque : lancez scripts/dev.sh setup (npm ci)")
    return AXE.read_text(encoding="utf-8")


def options(rules: list[str] | None = None) -> dict:
    return (
        {"runOnly": {"type": "rule", "values": rules}}
        if rules
        else {"runOnly": {"type": "tag", "values": TAGS}}
    )


# Run axe on the whole page. What comes back: the ids of the rules passed, the violations,
# and, for contrast in the footer (small grey text on a tinted band, where axe can also
# answer "cannot tell"), the nodes it passed and those it left undecided.
RUN = """(options) => axe.run(document, {...options, elementRef: true}).then((r) => {
  const footer = (results) => results.filter((x) => x.id === "color-contrast")
    .flatMap((x) => x.nodes).filter((n) => n.element && n.element.closest(".md-footer"))
    .map((n) => n.target.join(" "));
  const plain = (v) => ({...v, nodes: v.nodes.map(({element, ...node}) => node)});
  return {passes: r.passes.map((p) => p.id), violations: r.violations.map(plain),
          footer: {passed: footer(r.passes), undecided: footer(r.incomplete)}};
})"""


def summary(name: str, violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        for node in v["nodes"][:3]:
            out.append(
                f"{name}: {v['id']} ({v['impact']}) {node['target']}: "
                f"{node['failureSummary'].splitlines()[-1].strip()[:160]}"
            )
    return out
