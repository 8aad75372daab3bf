"""Links: a crawl of the built site finds no broken internal link or anchor, in pages and
stylesheets alike; every external link is well-formed https to an expected host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from edition.hosts import EXTERNAL_HOSTS

# The only hosts a page may link to (links only: no page ever *requests* a third-party host):
# edition.hosts.EXTERNAL_HOSTS.
# RFC 3986 characters (and "%" escapes): anything else must be percent-encoded
URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
LINK_ATTRS = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "form": "action",
}


def page_refs(path: Path) -> tuple[list[str], set[str]]:
    """(every link/resource reference of a page, every id/name it defines)."""
    root = lxml.html.fromstring(path.read_bytes())
    refs = []
    for tag, attr in LINK_ATTRS.items():
        refs += [v for v in root.xpath(f"//{tag}/@{attr}")]
    for srcset in root.xpath("//@srcset"):
        refs += [part.split()[0] for part in srcset.split(",") if part.strip()]
    anchors = set(root.xpath("//@id")) | set(root.xpath("//a/@name"))
    return refs, anchors


def crawl(site: Path) -> tuple[list[str], list[str], int]:
    """(broken internal references, bad external links, references checked)."""
    site = site.resolve()
    anchors: dict[Path, set[str]] = {}
    refs: dict[Path, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        refs[path], anchors[path] = page_refs(path)
    for path in sorted(site.rglob("*.css")):
        refs[path] = [
            u for u in CSS_URL.findall(path.read_text(encoding="utf-8")) if not u.startswith("data:")
        ]
    broken, external, count = [], [], 0
    for path, links in refs.items():
        where = path.relative_to(site).as_posix()
        for ref in links:
            count += 1
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:  # javascript:, mailto:, data: fail here too
                if (
                    parts.scheme != "https"
                    or parts.hostname not in EXTERNAL_HOSTS
                    or not URL_CHARS.fullmatch(ref)
                    or parts.port
                    or parts.username
                ):
                    external.append(f"{where}: {ref}")
                continue
            if not URL_CHARS.fullmatch(ref):
                broken.append(f"{where}: {ref} (caractères non échappés)")
                continue
            if ref.startswith("/"):  # 404.html: absolute paths, the site served at its root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = path.parent / unquote(parts.path) if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            target = target.resolve()
            if not target.is_file() or site not in target.parents:
                broken.append(f"{where}: {ref} (fichier absent)")
                continue
            if parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in anchors.get(target, set()):
                    broken.append(f"{where}: {ref} (ancre absente)")
    return broken, external, count


def test_no_broken_internal_link_or_anchor_and_only_expected_hosts(site):
    broken, external, count = crawl(site)
    assert broken == [], "\n" + "\n".join(broken)
    assert external == [], "\n" + "\n".join(external)
    assert count > 1000  # the crawl saw the whole site, navigation and assets included


@pytest.mark.parametrize(
    "html,problem",
    [
        ('<a href="nulle-part.html">x</a>', "fichier absent"),
        ('<a href="index.html#pas-d-ancre">x</a>', "ancre absente"),
        ('<a href="#ici">x</a>', "ancre absente"),
        ('<img src="assets/absente.png" alt="">', "fichier absent"),
        ('<a href="../hors-du-site.html">x</a>', "fichier absent"),
        ('<a href="index.html#a b">x</a>', "non échappés"),
        ('<a href="javascript:void(0)">x</a>', "javascript"),
        ('<a href="http://undocs.org/fr/A/RES/55/2">x</a>', "http"),
        ('<a href="https://example.com/">x</a>', "example.com"),
        ('<a href="https://undocs.org/fr/A/CONF.157/24 (Part I)">x</a>', "undocs"),
    ],
)
def test_the_crawler_catches(tmp_path, html, problem):
    (tmp_path / "index.html").write_text('<p id="la">ok</p>', encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<p>{html}</p>", encoding="utf-8")
    broken, external, _ = crawl(tmp_path)
    assert any(problem in line for line in broken + external), (broken, external)
