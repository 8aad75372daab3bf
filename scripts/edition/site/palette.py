"""Material's palette stylesheet without the rule that restyles every page twice on load.

When the colour scheme changes, Material marks the body `data-md-color-switching` for a
moment, and its palette stylesheet stops every transition under that mark
(`[data-md-color-switching] *{transition-duration:0s!important}`), so that nothing fades
from one scheme to the other. But Material also sets the mark when it starts, on every
page view, and a rule on `… *` makes the mark's coming and going a change of style for
every element of the page: two whole-page style recalculations per view (Chromium's
trace: the home page's 473 elements restyled twice, inside Material's start-up task),
for a switch that did not happen.

The rule goes from Material's file (byte for byte the rest, under a name of its own hash:
unused_css.publish); the edition's stylesheet has the same rule under a class of its own
(`ed-palette-switching`, edition.css), which docs/assets/javascripts/form-toggles.js sets only when
the reader switches, before Material handles the switch. tests/browser/test_palette.py
proves that a switch still starts no transition."""

from __future__ import annotations

from pathlib import Path

from edition.site import unused_css

PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"
SWITCH_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def without_switch_rule(css: str, where: str = PALETTE_STYLESHEET) -> str:
    """`css` without Material's switching rule; it must be there once, as written above
    (another version of Material writes it otherwise: the build stops, rather than ship
    the cost or lose the rule unawares)."""
    count = css.count(SWITCH_RULE)
    if count != 1:
        line = (
            css.count("\n", 0, css.find("data-md-color-switching")) + 1
            if "data-md-color-switching" in css
            else 0
        )
        if count:
            found = ""
        elif line:
            found = f" ; « data-md-color-switching » ligne {line} écrit autrement"
        else:
            found = " ; absente"
        raise unused_css.StylesheetError(
            line or 1,
            1,
            f"règle de changement de palette de Material attendue une fois telle quelle "
            f"({SWITCH_RULE}), trouvée {count} fois{found}",
            where,
        )
    return css.replace(SWITCH_RULE, "", 1)


def rewrite_site(site: Path, texts: dict[Path, str] | None = None) -> str:
    """Material's palette stylesheet of the built `site` without the switching rule, under
    its new name (returned); the pages follow. `texts`: unused_css.site_texts(site), when
    the caller has read them."""
    sheets = sorted(site.glob(PALETTE_STYLESHEET))
    if len(sheets) != 1:
        raise FileNotFoundError(f"{PALETTE_STYLESHEET} : {len(sheets)} fichiers dans le site, 1 attendu")
    sheet = sheets[0]
    css = without_switch_rule(sheet.read_text(encoding="utf-8"), str(sheet.relative_to(site)))
    return unused_css.publish(site, sheet, css, unused_css.site_texts(site) if texts is None else texts)
