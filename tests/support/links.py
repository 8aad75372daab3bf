"""The suite's one link resolver: where an internal reference of a built page lands, and
what is wrong with it (tests/test_links.py crawls the whole site with it; other tests
check the links they care about)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from edition.model.hosts import EXTERNAL_HOSTS

from . import htmltext

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


def is_external(ref: str) -> bool:
    parts = urlsplit(ref)
    return bool(parts.scheme or parts.netloc)  # javascript:, mailto:, data: count as external


def external_problem(ref: str) -> str | None:
    """What is wrong with an external link: only well-formed https to an allowed host
    (edition.hosts.EXTERNAL_HOSTS), no port, no user."""
    parts = urlsplit(ref)
    if (
        parts.scheme != "https"
        or parts.hostname not in EXTERNAL_HOSTS
        or not URL_CHARS.fullmatch(ref)
        or parts.port
        or parts.username
    ):
        return "lien externe refusé"
    return None


def problem(
    site: Path, page: Path, ref: str, anchors: Callable[[Path], set[str]] | None = None
) -> str | None:
    """What is wrong with the internal reference `ref` of `page` in the built `site`: None
    when it lands on a file of the site and, for a page, on an existing anchor. An absolute
    path ("/assets/…", 404.html) is read from the site's root. `anchors(path)` gives a
    page's ids (default: every id of the page)."""
    site = site.resolve()
    page = page.resolve()
    if is_external(ref):
        return "adresse externe, pas un lien interne"
    if not URL_CHARS.fullmatch(ref):
        return "caractères non échappés"
    parts = urlsplit(ref)
    if ref.startswith("/"):  # 404.html: absolute paths, the site served at its root
        target = site / unquote(parts.path).lstrip("/")
    else:
        target = page.parent / unquote(parts.path) if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    target = target.resolve()
    if not target.is_file() or site not in target.parents:
        return "fichier absent"
    if parts.fragment and target.suffix == ".html":
        known = anchors(target) if anchors else htmltext.ids(target)
        if unquote(parts.fragment) not in known:
            return "ancre absente"
    return None


def assert_lands(site: Path, page: Path, ref: str) -> None:
    """Assert that an internal link of `page` lands on an existing file and anchor."""
    found = problem(site, page, ref)
    assert found is None, f"{page.relative_to(site).as_posix()}: {ref} ({found})"


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
    """Every reference of every page and stylesheet: (broken internal references, bad
    external links, references checked)."""
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
    for path, found in refs.items():
        where = path.relative_to(site).as_posix()
        for ref in found:
            count += 1
            if is_external(ref):
                if external_problem(ref):
                    external.append(f"{where}: {ref}")
                continue
            wrong = problem(site, path, ref, lambda p: anchors.get(p, set()))
            if wrong:
                broken.append(f"{where}: {ref} ({wrong})")
    return broken, external, count
