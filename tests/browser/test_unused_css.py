"""Material's stylesheet pruned to what the site uses (scripts/edition/site/unused_css.py)
changes nothing a reader sees: every element's computed style (and its ::before and
::after: its box, paint, text and interaction, SEEN), on every page type, in the light scheme at desktop width and the dark one at phone width, in
print, and with the interface's states open (search with results, the drawer, a
paragraph's menu, a note's popover, the annotations on, keyboard focus), is the same as
with Material's whole stylesheet, which the browser is handed in its place for the
comparison. Computed values include the used sizes and positions, so a layout moved by
one pixel fails too."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from ..support.browser import PHONE

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
(WHOLE,) = MATERIAL_CSS.glob("main.*.min.css")  # the site's is named after its own content

# what a reader sees of an element: its box (its place and size on the page, and the used
# sizes: a layout moved by one pixel anywhere shows in them), its paint, its text and its
# interaction. The left and right margins are left to the box: Chromium reports an `auto`
# margin as 0 or as its used width from one reading to the next of the same page. Reading all of the
# 350 computed properties of every element took five times as long (7 µs a property here)
SEEN = """display position top right bottom left width height min-width max-width min-height
max-height margin-top margin-bottom padding-top padding-right
padding-bottom padding-left border-top-width border-right-width border-bottom-width
border-left-width border-top-style border-right-style border-bottom-style border-left-style
border-top-color border-right-color border-bottom-color border-left-color
border-top-left-radius border-top-right-radius border-bottom-left-radius
border-bottom-right-radius box-sizing box-shadow color background-color background-image
background-position background-size opacity visibility transform z-index overflow-x overflow-y
float clear flex-direction flex-wrap flex-grow flex-shrink flex-basis justify-content
align-items align-self order gap grid-template-columns font-family font-size font-weight
font-style line-height letter-spacing word-spacing text-align text-decoration-line
text-transform text-indent white-space word-break hyphens vertical-align list-style-type
content quotes cursor pointer-events user-select outline-style outline-width outline-color
outline-offset mask-image -webkit-mask-image fill transition-property transition-duration
animation-name scroll-margin-top scroll-padding-top text-overflow table-layout""".split()

# those properties of every element (and of its ::before and ::after), hashed in the page;
# finished transitions first (an infinite animation is left running)
SNAPSHOT = """async (seen) => {
  const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
  const rect = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(v => v.toFixed(2)).join(',') + ';'; };
  const hash = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
  const out = [];
  let i = 0;
  for (const el of document.querySelectorAll('*')) {
    const name = `${i++} ${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : ''}`;
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && cs.content === 'none') continue;
      let s = pseudo ? '' : rect(el);
      for (const p of seen) s += cs.getPropertyValue(p) + ';';
      out.push([name + (pseudo || ''), hash(s)]);
    }
  }
  return out;
}"""

STYLE_OF = """([index, pseudo, seen]) => {
  const el = document.querySelectorAll('*')[index];
  const cs = getComputedStyle(el, pseudo || null);
  const r = el.getBoundingClientRect();
  const box = pseudo ? {} : { box: [r.x, r.y, r.width, r.height].map(v => v.toFixed(2)).join(',') };
  return { ...box, ...Object.fromEntries(seen.map(p => [p, cs.getPropertyValue(p)])) };
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(250)  # reading.js adds the menus, Material its components


def _search(page, phone: bool) -> None:
    if phone:
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator(".md-search__input").click()
    page.keyboard.type("xenophobie")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)


def _drawer(page, phone: bool) -> None:
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(300)


def _menu(page, phone: bool) -> None:
    page.locator("#op-7 button.ed-menu__toggle").click()
    page.locator("#menu-op-7 .ed-menu__item").first.wait_for()


def _popover(page, phone: bool) -> None:
    page.locator(".ed-switch input").check()
    page.locator("#pp-1 sup > a.footnote-ref").tap()  # a touch opens the note's popover
    page.locator(".ed-popover").wait_for()


def _focus(page, phone: bool) -> None:
    for _ in range(4):
        page.keyboard.press("Tab")


def _hover_note(page, phone: bool) -> None:
    page.locator("#pp-1 sup > a.footnote-ref").hover()
    page.wait_for_timeout(400)  # Material's note tooltip (content.footnote.tooltips)


# one page of each kind (the other paragraph pages are made by the same template)
PAGES = [
    "index.html",
    "preambule.html",
    "preambule/3.html",
    "dispositif/7.html",
    "texte-integral.html",
    "documents.html",
    "analyse.html",
    "glossaire.html",
    "a-propos.html",
    "themes.html",
    "404.html",
]

STATES = {
    "recherche": ("index.html", _search),
    "tiroir": ("dispositif/7.html", _drawer),
    "menu": ("index.html", _menu),
    "note": ("index.html", _popover),
    "clavier": ("dispositif/7.html", _focus),
    "survol": ("index.html", _hover_note),
}


def _styles(
    browser, url: str, *, full: bool, phone: bool, scheme: str, media: str = "screen", act=None, sheet=None
):
    options = PHONE if phone else {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(locale="fr-FR", color_scheme=scheme, service_workers="block", **options)
    try:
        page = context.new_page()

        # both tabs' stylesheet goes through the test's route, so that both arrive alike:
        # Material's own file, whole; a stylesheet of the test; or the site's, as served
        def serve(route):
            if full:
                body = WHOLE.read_text(encoding="utf-8")
            elif sheet is not None:
                body = sheet
            else:
                route.continue_()
                return
            route.fulfill(body=body, content_type="text/css; charset=utf-8")

        page.route("**/assets/stylesheets/main.*.min.css", serve)
        page.emulate_media(media=media)
        _open(page, url)
        if act is not None:
            act(page, phone)
        return page, context
    except BaseException:
        context.close()
        raise


def _first_difference(pruned, whole) -> str | None:
    one, other = pruned.evaluate(SNAPSHOT, SEEN), whole.evaluate(SNAPSHOT, SEEN)
    if [name for name, _ in one] != [name for name, _ in other]:
        return "pas les mêmes éléments"
    for (name, a), (_, b) in zip(one, other, strict=True):
        if a != b:
            index = int(name.split(" ", 1)[0])
            pseudo = "::" + name.rsplit("::", 1)[1] if "::" in name else None
            x, y = (p.evaluate(STYLE_OF, [index, pseudo, SEEN]) for p in (pruned, whole))
            changed = {k: (x.get(k), y.get(k)) for k in x.keys() | y.keys() if x.get(k) != y.get(k)}
            return f"{name} diffère (élagué, entier) : {changed}"
    return None


def _compared(browser, url: str, sheet, how) -> str | None:
    pruned, ctx_pruned = _styles(browser, url, full=False, sheet=sheet, **how)
    try:
        whole, ctx_whole = _styles(browser, url, full=True, **how)
        try:
            return _first_difference(pruned, whole)
        finally:
            ctx_whole.close()
    finally:
        ctx_pruned.close()


def _same(browser, url: str, sheet=None, **how) -> None:
    difference = _compared(browser, url, sheet, how)
    if difference is not None:
        # once more, from a fresh load: on a busy machine a phone's first layout can be
        # laid out wide before the stylesheet arrives, in either tab; a rule the pruning
        # lost is lost on every load
        difference = _compared(browser, url, sheet, how)
    assert difference is None, f"{url} : {difference}"


def test_the_site_serves_the_pruned_stylesheet(site):
    (served,) = site.glob("assets/stylesheets/main.*.min.css")
    assert served.name != WHOLE.name  # a name of its own: the host keeps main.* a year
    assert len(served.read_bytes()) < 0.75 * len(WHOLE.read_bytes())
    assert not list(site.glob("assets/stylesheets/main.*.map"))  # Material's map, of the whole file
    pages = list(site.rglob("*.html"))
    assert all(f"stylesheets/{served.name}" in p.read_text(encoding="utf-8") for p in pages)


# each scheme and each width once (reading 350 properties of every element is the cost)
@pytest.mark.parametrize(
    ("phone", "scheme"), [(False, "light"), (True, "dark")], ids=["bureau-clair", "téléphone-sombre"]
)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_looks_the_same_with_the_whole_stylesheet(browser, server, phone, scheme, name):
    _same(browser, server + name, phone=phone, scheme=scheme)


def test_print_looks_the_same_with_the_whole_stylesheet(browser, server):
    for name in ["index.html", "dispositif/7.html", "documents.html"]:
        _same(browser, server + name, phone=False, scheme="light", media="print")


def test_the_comparison_sees_one_lost_rule(browser, server, site):
    """The measure can fail: the served stylesheet without Material's rule for the tooltip
    of a note call, a rule no page shows until a pointer rests on a note, fails."""
    (served,) = site.glob("assets/stylesheets/main.*.min.css")
    css = served.read_text(encoding="utf-8")
    rule = css[css.index(".md-tooltip2{") :]
    lost = css.replace(rule[: rule.index("}") + 1], "", 1)
    with pytest.raises(AssertionError, match="diffère"):
        _same(browser, server + "index.html", sheet=lost, phone=False, scheme="light", act=_hover_note)


# the drawer and a note's popover (opened by a touch) are states of phones only
TOUCH_ONLY = {"tiroir", "note"}


@pytest.mark.parametrize(
    ("state", "phone"),
    [(state, phone) for state in STATES for phone in (False, True) if phone or state not in TOUCH_ONLY],
    ids=lambda v: ("téléphone" if v else "bureau") if isinstance(v, bool) else v,
)
def test_the_interface_states_look_the_same_with_the_whole_stylesheet(browser, server, state, phone):
    url, act = STATES[state]
    _same(browser, server + url, phone=phone, scheme="light", act=act)
