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
proves that a switch still starts no transition.

Material's script costs two more on every view: its palette component appends a
`<meta name="color-scheme">` and then sets its content from the header's computed
`color-scheme`, and Chromium answers each of the two changes of the page's colour schemes
by restyling the whole page (trace at 4× CPU, paragraph page: ~23 and ~40 ms inside
Material's start-up task). The meta only ever said what the stylesheet already says (the
header's scheme: `light`, or `dark` under the slate palette); its one effect of its own, the
root's scheme (the viewport's scrollbar and canvas), the edition's stylesheet gives
`<html>` from the body's palette (edition.css). So the script's meta goes (the component
writes its content to a plain object instead), byte for byte the rest, under a name of its
own hash, its source map with it (which no longer describes it)."""

from __future__ import annotations

import re
from pathlib import Path

from edition.site import unused_css

PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"
BUNDLE = "assets/javascripts/bundle.*.min.js"
# Material 9.x's palette component (minified: the names are the minifier's, checked whole)
COLOR_SCHEME_META = 'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);'
DETACHED_META = "let o={};"
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=[^\n]*\s*$")
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


def _rewrite(site: Path, pattern: str, change, texts: dict[Path, str] | None) -> str:
    """The one file of the built `site` matching `pattern`, as `change(text, where)` makes
    it, under its new name (returned); the pages follow. `texts`: unused_css.site_texts(site),
    when the caller has read them (kept up to date: a script in it is there under its new
    name)."""
    texts = unused_css.site_texts(site) if texts is None else texts
    found = sorted(site.glob(pattern))
    if len(found) != 1:
        raise FileNotFoundError(f"{pattern} : {len(found)} fichiers dans le site, 1 attendu")
    path = found[0]
    was = texts.pop(path, None)
    text = change(path.read_text(encoding="utf-8") if was is None else was, str(path.relative_to(site)))
    name = unused_css.publish(site, path, text, texts)
    if was is not None:
        texts[path.with_name(name)] = text
    return name


def rewrite_site(site: Path, texts: dict[Path, str] | None = None) -> str:
    """Material's palette stylesheet of the built `site` without the switching rule, under
    its new name (returned); the pages follow. `texts`: unused_css.site_texts(site), when
    the caller has read them."""
    return _rewrite(site, PALETTE_STYLESHEET, without_switch_rule, texts)


def without_color_scheme_meta(js: str, where: str = BUNDLE) -> str:
    """Material's script `js` without its `<meta name="color-scheme">`, nor the line naming
    its source map; the component's code must be there once, as written above (another
    version of Material writes it otherwise: the build stops)."""
    count = js.count(COLOR_SCHEME_META)
    if count != 1:
        found = " ; « color-scheme » écrit autrement" if 'name:"color-scheme"' in js else " ; absent"
        at = js.find('name:"color-scheme"')
        raise unused_css.StylesheetError(
            js.count("\n", 0, at) + 1 if at >= 0 else 1,
            1,
            f"meta color-scheme du composant palette de Material attendue une fois telle quelle "
            f"({COLOR_SCHEME_META}), trouvée {count} fois{found if not count else ''}",
            where,
        )
    return SOURCE_MAP.sub("\n", js.replace(COLOR_SCHEME_META, DETACHED_META, 1))


def rewrite_bundle(site: Path, texts: dict[Path, str] | None = None) -> str:
    """Material's script of the built `site` without its color-scheme meta, under its new
    name (returned); the pages follow. `texts`: unused_css.site_texts(site), when the caller
    has read them (kept up to date)."""
    return _rewrite(site, BUNDLE, without_color_scheme_meta, texts)
