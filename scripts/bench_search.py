"""Measure the search: index size (raw and gzip, shaped per paragraph vs. Material's scraped
index) and, in Debian's Chromium, the time from a keystroke to the rendered results, over
http and from file://. Prints a table; asserts nothing.

    .venv/bin/python scripts/bench_search.py
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from search import open_search  # noqa: E402

QUERIES = [
    "xenophobie",
    "droits homme dialogue",
    "l’organisation",
    "haut-commissaire",
    "cooperation internationale",
]


def build_site(out: Path, shaped: bool) -> Path:
    hooks = None
    if not shaped:  # everything but the hook that shapes the index
        config = load_config(str(ROOT / "mkdocs.yml"))
        hooks = [h for h in config.hooks if not h.endswith("search_index.py")]
    overrides = {"site_dir": str(out)}
    if hooks is not None:
        overrides["hooks"] = hooks
    config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return out


def sizes(site: Path) -> tuple[int, int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, 9)), len(json.loads(data)["docs"])


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


TIMER = """() => {
  const input = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  window.__lat = []; window.__t0 = null;
  input.addEventListener("keydown", () => { window.__t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__t0 !== null) { window.__lat.push(performance.now() - window.__t0); window.__t0 = null; }
  }).observe(list, {childList: true});
}"""


def keystroke_latency(browser, base: str) -> list[float]:
    page = browser.new_page()
    open_search(page, base)
    page.evaluate(TIMER)
    box = page.locator("input[data-md-component=search-query]")
    for query in QUERIES:
        box.fill("")
        box.press("End")
        page.wait_for_timeout(100)
        page.evaluate("window.__lat.length = 0")
        for char in query:
            page.keyboard.type(char)
            page.wait_for_function("window.__t0 === null", timeout=5000)
        page.wait_for_timeout(50)
        keystrokes = page.evaluate("window.__lat.slice()")
        yield from keystrokes
    page.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        shaped = build_site(Path(tmp) / "shaped", True)
        scraped = build_site(Path(tmp) / "scraped", False)
        rows = [
            ("index (per paragraph, this edition)", *sizes(shaped)),
            ("index (Material, scraped pages)", *sizes(scraped)),
        ]
        print(f"{'search index':40} {'bytes':>8} {'gzip':>8} {'entries':>8}")
        for name, raw, gz, n in rows:
            print(f"{name:40} {raw:8d} {gz:8d} {n:8d}")
        print()

        handler = functools.partial(Quiet, directory=str(shaped))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        bases = {"http": f"http://127.0.0.1:{httpd.server_address[1]}/", "file://": shaped.as_uri() + "/"}
        print(f"{'keystroke to results':20} {'n':>4} {'median ms':>10} {'p90 ms':>8} {'max ms':>8}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name, base in bases.items():
                lat = sorted(keystroke_latency(browser, base))
                p90 = lat[int(0.9 * (len(lat) - 1))]
                print(f"{name:20} {len(lat):4d} {statistics.median(lat):10.1f} {p90:8.1f} {lat[-1]:8.1f}")
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()
