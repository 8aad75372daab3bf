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


def replace_once(text: str, exact: str, by: str, marker: str, what: str, where: str) -> str:
    """`text` with `exact` replaced by `by`; `exact` must be there once, as written (another
    version of Material writes it otherwise: the build stops, rather than ship the cost or
    lose the change unawares). The error names `where`, the line of `marker` (the part of
    `exact` another version would still write) and what was found instead."""
    count = text.count(exact)
    if count == 1:
        return text.replace(exact, by, 1)
    at = text.find(marker)
    line = text.count("\n", 0, at) + 1 if at >= 0 else 1
    if count:
        found = ""
    elif at >= 0:
        found = f" ; « {marker} » ligne {line}, écrit autrement"
    else:
        found = f" ; « {marker} » nulle part"
    raise unused_css.StylesheetError(
        line, 1, f"{what} attendu une fois tel quel ({exact}), trouvé {count} fois{found}", where
    )


def without_switch_rule(css: str, where: str = PALETTE_STYLESHEET) -> str:
    """`css` without Material's switching rule (replace_once: there once, as written)."""
    return replace_once(
        css, SWITCH_RULE, "", "data-md-color-switching", "code de changement de palette de Material", where
    )


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
    """Material's script `js` without its `<meta name="color-scheme">` (replace_once: the
    component's code there once, as written), nor the line naming its source map."""
    js = replace_once(
        js,
        COLOR_SCHEME_META,
        DETACHED_META,
        'name:"color-scheme"',
        "code de la meta color-scheme du composant palette de Material",
        where,
    )
    return SOURCE_MAP.sub("\n", js)


def rewrite_bundle(site: Path, texts: dict[Path, str] | None = None) -> str:
    """Material's script of the built `site` without its color-scheme meta, under its new
    name (returned); the pages follow. `texts`: unused_css.site_texts(site), when the caller
    has read them (kept up to date)."""
    return _rewrite(site, BUNDLE, without_color_scheme_meta, texts)
