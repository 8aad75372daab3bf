"""The Content Security Policy: no script runs unless it is a file of the site or an inline
script that a template of the theme or of the edition writes.

The inline scripts a page may hold are known from their source (issue 21): every
executable `<script>` of Material's templates and of overrides/ (`template_scripts`),
rendered with the page's own template context (overrides/hooks/content_security.py). A
built page's inline scripts must all be among them, or the build fails naming the page and
the script; the policy lists the sha256 of those the page holds. Nothing is found by
scanning a page and trusting what is there: a script that came from the wording or the data
file (it cannot, since they are escaped, but if it did) stops the build instead of being
whitelisted. The one inline style, the citation graph's hover rules, is checked against
its grammar (GRAPH_STYLE) in the same way.

overrides/hooks/content_security.py puts POLICY(hashes) in a <meta http-equiv> at the top
of every page's <head> (for hosts that set no header: GitHub Pages, the offline copy from
file://). The pipeline then reads those back from every built page (site_policy) for the
header policy, written as site/_headers and checked against scripts/publish/ by
tests/test_publish.py.

The iframe-worker shim (offline search from file://) writes an inline script into an
about:blank iframe, which inherits the page's policy: its text is rebuilt here from the
shim's own source and the worker address the known scripts give (iframe_worker_scripts),
and hashed too. JSON (`type="application/json"`, `application/ld+json`) is data, never
executed, and not governed by script-src: it is not hashed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from edition.formats.media import TYPES, content_type

SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
STYLE = re.compile(r"<style(?:\s[^>]*)?>(.*?)</style\s*>", re.S | re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
HASH = re.compile(r"'(sha256-[A-Za-z0-9+/=]+)'")
DIRECTIVE_HASHES = re.compile(r"(script-src|style-src)([^;]*)")
WORKER_URL = re.compile(r"""["']([^"'\s]*search[^"'\s]*\.js)["']""")

# Every directive but script-src, which carries the hashes. frame-ancestors is ignored in a
# <meta> (and logged as an error there), so it is a header only (HEADERS below).
DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' {style_hashes}",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]
HEADER_ONLY = ["frame-ancestors 'none'"]
# Strict-Transport-Security: browsers honour it only on a response sent over HTTPS and ignore
# it over plain HTTP (RFC 6797, 8.1), so it is harmless on a local http:// server; publish
# the site over HTTPS for it to take effect (README, Publishing).
HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


class ShimChanged(RuntimeError):
    pass


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def inline_scripts(page: str) -> list[str]:
    """The bodies of the executable inline scripts of an HTML page."""
    return [m["body"] for m in SCRIPT.finditer(page) if is_executable(m["attrs"])]


def is_executable(attrs: str) -> bool:
    """Whether a <script> with these attributes runs inline code (no src, a script type)."""
    if SRC.search(attrs):
        return False
    kind = TYPE.search(attrs)
    return (kind[1].lower() if kind else "") in EXECUTABLE_TYPES


def template_scripts(dirs) -> list[tuple[str, str]]:
    """(template, Jinja source of the body) of every executable inline script written by
    the templates under `dirs` (the theme's folders: overrides/, then Material's)."""
    out = []
    for folder in dirs:
        folder = Path(folder)
        for path in sorted(folder.rglob("*.html")):
            for m in SCRIPT.finditer(path.read_text(encoding="utf-8")):
                if is_executable(m["attrs"]):
                    out.append((path.relative_to(folder).as_posix(), m["body"]))
    return out


class UnknownScript(RuntimeError):
    """A page holds an inline script or style no template writes."""


# The citation graph's hover rules (scripts/edition/templates/graph.html), one per node tag.
GRAPH_STYLE = re.compile(
    r"\s*(?:\.vis-graph:has\(\.vis-n-[a-z0-9-]+:is\(:hover,:focus-visible\)\) \.vis-e-[a-z0-9-]+"
    r"\{stroke:var\(--md-accent-fg-color\);stroke-width:2\.5;opacity:1\}\s*)*"
)


def checked_hashes(page: str, known: set[str], shim: str | None, where: str) -> Hashes:
    """The hashes of a page's inline scripts and styles, each of which must be `known`
    (the page's templates' scripts, rendered for it) or a graph style; else UnknownScript."""
    scripts = inline_scripts(page)
    for body in scripts:
        if body not in known:
            shown = " ".join(body.split())[:80]
            raise UnknownScript(
                f"{where} : script en ligne qu’aucun gabarit n’écrit (« {shown} ») : "
                "texte ou données injectés dans la page ?"
            )
    styles = STYLE.findall(page)
    for body in styles:
        if not GRAPH_STYLE.fullmatch(body):
            shown = " ".join(body.split())[:80]
            raise UnknownScript(f"{where} : style en ligne inconnu (« {shown} »)")
    if shim is not None:
        for url in sorted(worker_urls_in(scripts)):
            scripts = scripts + iframe_worker_scripts(shim, url)
    return {"script-src": {sha256(s) for s in scripts}, "style-src": {sha256(s) for s in styles}}


def _function_source(shim: str, name: str) -> str:
    """`function NAME(…){…}` as Function.prototype.toString gives it: the source text."""
    start = shim.find(f"function {name}(")
    if start < 0:
        raise ShimChanged(f"fonction {name} introuvable dans le shim iframe-worker")
    depth, i, quote = 0, shim.index("{", start), None
    while i < len(shim):
        ch = shim[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'`":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return shim[start : i + 1]
        i += 1
    raise ShimChanged(f"fonction {name} incomplète dans le shim iframe-worker")


def iframe_worker_scripts(shim: str, worker_url: str) -> list[str]:
    """The inline script(s) the iframe-worker shim writes into its iframe for `worker_url`."""
    m = re.search(r"document\.write\(`(.*?)`\)", shim, re.S)
    if not m:
        raise ShimChanged("document.write(`…`) introuvable dans le shim iframe-worker")
    template = m[1].replace("<\\/", "</")
    out = []
    for body in re.findall(r"<script>(.*?)</script>", template, re.S):

        def fill(var: re.Match) -> str:
            name = var[1]
            if not re.fullmatch(r"[A-Za-z_$][\w$]*", name):
                raise ShimChanged(f"expression inattendue dans le shim iframe-worker : ${{{name}}}")
            if f"function {name}(" in shim:
                return _function_source(shim, name)
            return worker_url

        out.append(re.sub(r"\$\{([^}]*)\}", fill, body))
    if not out:
        raise ShimChanged("aucun script en ligne dans le gabarit du shim iframe-worker")
    return out


def worker_urls_in(scripts: list[str]) -> set[str]:
    """Addresses the known scripts give `new Worker()` for search: quoted *search*.js
    strings (over-inclusive is harmless: a hash allows only that exact text)."""
    return {html.unescape(u) for body in scripts for u in WORKER_URL.findall(body)}


Hashes = dict[str, set[str]]  # "script-src"/"style-src" -> {"sha256-…"}


def policy(hashes: Hashes, header: bool = False) -> str:
    def quoted(kind: str) -> str:
        return " ".join(f"'{h}'" for h in sorted(hashes.get(kind, ())))

    directives = [
        d.format(hashes=quoted("script-src"), style_hashes=quoted("style-src")).strip() for d in DIRECTIVES
    ]
    return "; ".join(directives + (HEADER_ONLY if header else []))


def meta(hashes: Hashes) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


def site_hashes(site: Path) -> Hashes:
    """Every hash in the meta policies of the built pages under `site`."""
    out: Hashes = {"script-src": set(), "style-src": set()}
    for path in sorted(Path(site).rglob("*.html")):
        m = META.search(path.read_text(encoding="utf-8"))
        if m is None:
            raise RuntimeError(f"{path.relative_to(site)} : pas de politique CSP (<meta http-equiv>)")
        for kind, values in DIRECTIVE_HASHES.findall(html.unescape(m[1])):
            out[kind].update(HASH.findall(values))
    return out


def site_policy(site: Path) -> str:
    """The header policy for the whole site: every page's hashes, plus frame-ancestors."""
    return policy(site_hashes(site), header=True)


# --- the publishing configurations -------------------------------------------------------

# Fingerprinted bundles (name.<8 hex>.min.js|css): cached for a year, a new build renames them.
IMMUTABLE = "public, max-age=31536000, immutable"
# The service worker script and the web app manifest must be checked at every visit, or a
# new deployment would stay unseen for as long as the browser kept the old ones.
NO_CACHE = ["sw.js", "manifest.webmanifest"]
# Pages are revalidated at every visit: each names the fingerprinted bundles of its build.
NO_CACHE_PAGES = ["/", "/*.html"]
FINGERPRINTED = [
    "/assets/javascripts/bundle.*",
    "/assets/javascripts/workers/search.*",
    "/assets/stylesheets/main.*",
    "/assets/stylesheets/palette.*",
]


def headers_file(site_policy_: str) -> str:
    """scripts/publish/_headers (Netlify, Cloudflare Pages): generated, do not edit."""
    lines = [
        "# Generated by `python -m edition build` (scripts/edition/csp.py), copied to site/_headers;",
        "# tests/test_publish.py fails when this copy is stale. Do not edit: see README, Publishing.",
        "/*",
        f"  Content-Security-Policy: {site_policy_}",
        *(f"  {k}: {v}" for k, v in HEADERS.items()),
    ]
    for pattern in FINGERPRINTED:
        lines += [pattern, f"  Cache-Control: {IMMUTABLE}"]
    for name in NO_CACHE:
        lines += [f"/{name}", "  Cache-Control: no-cache"]
    for pattern in NO_CACHE_PAGES:
        lines += [pattern, "  Cache-Control: no-cache"]
    for ext in sorted(TYPES):
        # Rules that match one path add up on these hosts: /*.json also matches the
        # .csl.json file, and two Content-Type values would be sent. It goes as JSON.
        if any(ext.endswith("." + other) for other in TYPES):
            continue
        lines += [f"/*.{ext}", f"  Content-Type: {content_type('x.' + ext)}"]
    return "\n".join(lines) + "\n"


def nginx_headers(site_policy_: str) -> str:
    """scripts/publish/security-headers.conf: included at server level and again in every
    location that sets a header of its own (nginx drops inherited add_header there)."""
    lines = [
        "# Generated by `python -m edition build` (scripts/edition/csp.py); tests/test_publish.py",
        "# fails when stale. Included by nginx.conf at server level and in every location.",
        f'add_header Content-Security-Policy "{site_policy_}" always;',
        *(f'add_header {k} "{v}" always;' for k, v in HEADERS.items()),
    ]
    return "\n".join(lines) + "\n"
