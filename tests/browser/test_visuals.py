"""The map, verbs and citation graph in a browser: reachable by keyboard with a visible
focus, following the palette, printable, and making no request beyond the site's files."""

from __future__ import annotations


def tab_until(page, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_tiles_take_keyboard_focus_visibly(page, file_base):
    page.goto(file_base + "analyse.html")
    tab_until(page, "a.vis-tile")
    focused = page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return [document.activeElement.dataset.anchor, s.outlineStyle, s.outlineWidth];
    }""")
    assert focused[0] == "pp-1" and focused[1] == "solid" and focused[2] != "0px"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("preambule/1.html#pp-1")
    assert page.recorder.errors == []
    assert all(u.startswith("file://") for u in page.recorder.requests), page.recorder.requests


def test_graph_nodes_take_keyboard_focus_visibly(page, file_base):
    page.goto(file_base + "documents.html")
    rest = page.locator(".vis-node--para rect").first.evaluate("el => getComputedStyle(el).strokeWidth")
    tab_until(page, ".vis-graph svg a")
    node = page.evaluate("document.activeElement.dataset.node")
    width = page.evaluate("getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth")
    assert node == "header"
    assert float(width.removesuffix("px")) >= 2 * float(rest.removesuffix("px"))
    # the edges of the focused node are brought forward
    edge = page.locator('.vis-edge[data-from="header"]').evaluate("el => getComputedStyle(el).strokeWidth")
    other = page.locator('.vis-edge[data-from="pp-1"]').first.evaluate(
        "el => getComputedStyle(el).strokeWidth"
    )
    assert float(edge.removesuffix("px")) > float(other.removesuffix("px"))
    assert all(u.startswith("file://") for u in page.recorder.requests), page.recorder.requests


def test_colours_follow_the_palette(browser, file_base):
    seen = {}
    for scheme in ("light", "dark"):
        ctx = browser.new_context(color_scheme=scheme)
        page = ctx.new_page()
        page.goto(file_base + "analyse.html")
        seen[scheme] = page.evaluate("""() => {
            const tile = document.querySelector('a.vis-tile');
            const mark = tile.querySelector('.vis-mark');
            return [getComputedStyle(tile).borderLeftColor, getComputedStyle(tile).color,
                    getComputedStyle(tile).backgroundColor, getComputedStyle(mark).color];
        }""")
        ctx.close()
    assert seen["light"][0] != seen["dark"][0]  # theme colour per palette
    assert seen["light"][1] != seen["dark"][1]  # text colour
    assert seen["light"][2] != seen["dark"][2]  # tile background
    assert seen["light"][3] != seen["dark"][3]  # the theme's letter mark


def test_map_and_graph_print(page, file_base):
    page.emulate_media(media="print")
    page.goto(file_base + "analyse.html")
    tiles = page.locator("a.vis-tile")
    assert tiles.count() == 23
    assert all(tiles.nth(i).is_visible() for i in range(tiles.count()))
    page.goto(file_base + "documents.html")
    box = page.locator(".vis-graph svg.vis-graph__svg").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200


# Each label of the citation graph inside its box, with room to spare on the right (the
# box's left padding is 11 units): measured in the SVG's own units, by getBBox.
LABELS_OUTSIDE = """() => [...document.querySelectorAll('.vis-graph__svg a.vis-node')].flatMap((node) => {
    const box = node.querySelector('rect').getBBox();
    return [...node.querySelectorAll('text')].map((text) => {
        const b = text.getBBox();
        return [text.textContent, +(box.x + box.width - b.x - b.width).toFixed(1), +(b.y - box.y).toFixed(1),
                +(box.y + box.height - b.y - b.height).toFixed(1)];
    }).filter(([, right, top, bottom]) => right < 6 || top < 1 || bottom < 1);
})"""


def test_every_graph_label_fits_its_box(page, file_base):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(file_base + "documents.html")
    page.wait_for_load_state("load")
    assert page.locator(".vis-graph__svg text").count() > 20
    assert page.evaluate(LABELS_OUTSIDE) == []
    page.emulate_media(media="print")
    assert page.evaluate(LABELS_OUTSIDE) == []
