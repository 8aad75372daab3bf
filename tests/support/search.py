"""Drive Material's search box and read its results (shared by the browser tier's search
tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PLACEHOLDER = "Taper pour démarrer la recherche"
NONE = "Aucun document trouvé"
QUERY = "input[data-md-component=search-query]"
META = ".md-search-result__meta"
LINKS = "li.md-search-result__item a.md-search-result__link"
PARAGRAPH = re.compile(r"(?:^|/)(preambule|dispositif)/(\d+)\.html(?:#(?:pp|op)-\d+)?$")


@dataclass
class Result:
    href: str
    title: str  # the heading shown (h1 or h2), without highlighting
    anchor: str | None  # pp-N / op-N when the result is a paragraph


def open_search(page, base: str, start: str = "index.html") -> None:
    page.goto(base + start)
    page.wait_for_load_state("load")
    page.locator(QUERY).click()
    # ready: the worker answered the empty query
    page.locator(META).filter(has_text=PLACEHOLDER).wait_for(timeout=15000)


def search(page, query: str) -> list[Result]:
    """Type `query` (one query message, for the whole value) and return the results."""
    box = page.locator(QUERY)
    box.fill("")
    box.press("End")
    page.locator(META).filter(has_text=PLACEHOLDER).wait_for()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "([sel, text]) => { const m = document.querySelector(sel);"
        " return m && m.textContent.trim() !== text; }",
        arg=[META, PLACEHOLDER],
    )
    return results(page)


def count(page) -> int:
    """The number of result groups announced ("15 documents trouvés")."""
    meta = page.locator(META).inner_text().strip()
    if meta == NONE:
        return 0
    m = re.match(r"(\d+) documents? trouvés?", meta)
    assert m, meta
    return int(m[1])


def results(page) -> list[Result]:
    """Every result, in order: Material renders ten groups, then more as the list scrolls."""
    expected = count(page)
    items = page.locator("li.md-search-result__item")
    for _ in range(50):
        if items.count() >= expected:
            break
        # away from the bottom, then to it: each arrival at the bottom renders four more
        wrap = page.locator(".md-search__scrollwrap")
        wrap.evaluate("el => el.scrollTo(0, 0)")
        page.wait_for_timeout(30)
        wrap.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(30)
    assert items.count() == expected
    out = []
    # one round trip for the whole list (a query can list twenty results)
    shown = page.evaluate(
        "(sel) => [...document.querySelectorAll(sel)].map((a) =>"
        " [a.getAttribute('href'), a.querySelector('h1, h2').innerText.trim()])",
        LINKS,
    )
    for href, title in shown:
        parts = urlsplit(href)
        path = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
        m = PARAGRAPH.search(path)
        anchor = f"{'pp' if m[1] == 'preambule' else 'op'}-{m[2]}" if m else None
        out.append(Result(href, title, anchor))
    return out


def excerpts(page) -> list[dict]:
    """For every result shown, in order (one per link, as `results`): its heading's text,
    the paragraphs of its excerpt (`p.ed-excerpt`), the words marked in them, and whether
    any excerpt was left inside the heading."""
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map((a) => {
          const heading = a.querySelector("h1, h2");
          const parts = [...a.querySelectorAll(".ed-excerpt")];
          return {
            heading: heading.innerText.trim(),
            excerpt: parts.filter((p) => p.matches("p")).map((p) => p.innerText.trim()),
            marks: parts.flatMap((p) => [...p.querySelectorAll("mark")].map((m) => m.innerText)),
            in_heading: Boolean(heading.querySelector(".ed-excerpt, template")),
          };
        })""",
        LINKS,
    )


def anchors(found: list[Result]) -> list[str]:
    return [r.anchor for r in found if r.anchor]
