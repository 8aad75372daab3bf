"""The browser harness: what a page did (Recorder), the tab shared from test to test
(SharedContext), the walk over every page, the policy listener, and how nginx serves the
site with the project's own configuration. Fixtures that hand these to tests are in
tests/browser/conftest.py."""

from __future__ import annotations

import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from edition.dev.httpserve import free_port, wait_until_up
from playwright.sync_api import Error as PlaywrightError

from .paths import ROOT
from .processes import stop

PUBLISH = ROOT / "scripts" / "publish"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN = """daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include nginx.conf;
    }}
}}
"""


@contextmanager
def nginx_serving(site: Path, conf: Path):
    """The base URL of `site` served by Debian's nginx with scripts/publish/'s configuration
    (its files copied into the empty folder `conf`), stopped after."""
    if not Path(NGINX).exists():
        raise RuntimeError(
            "nginx introuvable : installez le paquet Debian « nginx » (scripts/dev.sh test le fait)"
        )
    for name in ("nginx.conf", "security-headers.conf"):
        shutil.copy(PUBLISH / name, conf / name)
    port = free_port()
    (conf / "main.conf").write_text(MAIN.format(tmp=conf, port=port, site=site), encoding="utf-8")
    proc = subprocess.Popen(
        [NGINX, "-p", str(conf), "-c", str(conf / "main.conf"), "-e", str(conf / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        try:
            wait_until_up(base)
        except OSError as error:
            raise RuntimeError(f"nginx n’a pas démarré : {(conf / 'error.log').read_text()}") from error
        yield base
    finally:
        stop(proc)


# Collects the page's Content Security Policy violations (an init script: before any other)
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""


LOCAL_SCHEMES = ("data:", "blob:", "about:")  # not requests to a host


def foreign(requests: list[str], base: str) -> list[str]:
    """Requests that leave the site: another host (http) or outside the folder (file)."""
    return [r for r in requests if not r.startswith(LOCAL_SCHEMES) and not r.startswith(base)]


class Recorder:
    """What a page did: console errors, every request it made, those that failed or got
    an error status, and which are still in flight (for `settle`)."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.in_flight: set = set()
        self.last_event = time.monotonic()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))

    def _started(self, request) -> None:
        self.requests.append(request.url)
        self.in_flight.add(request)
        self.last_event = time.monotonic()

    def _ended(self, request) -> None:
        self.in_flight.discard(request)
        self.last_event = time.monotonic()

    def _failed(self, request) -> None:
        # (net::ERR_ABORTED: a request the browser cancels because the page is left)
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} {request.failure}")
        self._ended(request)

    def forget(self) -> None:
        """Start afresh, before the page is sent to another address."""
        self.errors.clear()
        self.requests.clear()
        self.failed.clear()
        self.in_flight.clear()
        self.last_event = time.monotonic()

    def settle(self, quiet: float = 0.5, timeout: float = 120) -> None:
        """Wait for the page's load event, then for `quiet` seconds with no request in
        flight: what Playwright's networkidle means, which from file:// sometimes never
        came with nothing in flight (a page of the every-page walk then timed out). A
        loaded two-core machine (CI) can take longer than Playwright's 30 s default."""
        self.page.wait_for_load_state("load", timeout=timeout * 1000)
        deadline = time.monotonic() + timeout
        while self.in_flight or time.monotonic() - self.last_event < quiet:
            if time.monotonic() > deadline:
                pending = sorted(r.url for r in self.in_flight)
                raise AssertionError(f"{self.page.url} : requêtes toujours en cours {pending}")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the page's events


CONTEXT = {"locale": "fr-FR", "permissions": ["clipboard-read", "clipboard-write"]}
READY = "html[data-edition-offline=ready]"  # set by offline-state.js once all is stored


def new_tab(context):
    """A new tab in `context`, its Recorder as `recorder`."""
    page = context.new_page()
    page.recorder = Recorder(page)
    return page


def origin(url: str) -> str | None:
    """The storage origin of an address (every file:// page shares one), None for about:."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return f"{parts.scheme}://{parts.netloc}"
    return "file://" if parts.scheme == "file" else None


# What a test can change in a tab that a navigation does not undo (scripts run in every
# document, emulation, viewport, routes, handlers and listeners): a tab so changed is
# closed after the test instead of being handed to the next one.
LASTING = (
    "add_init_script",
    "emulate_media",
    "set_viewport_size",
    "set_extra_http_headers",
    "route",
    "route_from_har",
    "route_web_socket",
    "expose_function",
    "expose_binding",
    "add_locator_handler",
    "set_default_timeout",
    "set_default_navigation_timeout",
    "on",
    "once",
)


# What would change a shared context for every later test: refused (such a test asks for
# the `context` fixture, a context of its own).
CONTEXT_LASTING = (
    "add_init_script",
    "add_cookies",
    "clear_permissions",
    "expose_binding",
    "expose_function",
    "grant_permissions",
    "on",
    "once",
    "route",
    "route_from_har",
    "route_web_socket",
    "set_default_navigation_timeout",
    "set_default_timeout",
    "set_extra_http_headers",
    "set_geolocation",
)


class SharedContext:
    """One context for the tests of a test process, and one tab handed from test to test
    (`tab()`): a new context costs Chromium about twice a new tab, and a new tab more than
    the page a test loads in it (about 0.2 s of CPU). What a test leaves is undone after
    it: the storage of every origin its tab reached (local and session storage, caches,
    cookies), offline mode, the page (about:blank). A tab the test changed for good
    (LASTING) is closed and the next test gets a new one; what would change the context
    for good (CONTEXT_LASTING) is refused."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**CONTEXT, service_workers="block", **options)
        self.keeper = self.context.new_page()  # its renderer stays: new tabs start faster
        self.cdp = self.context.new_cdp_session(self.keeper)
        self.spare = None  # the tab the last test left clean
        self.tabs_opened = 0
        for name in CONTEXT_LASTING:
            setattr(self.context, name, self._refuse(name))

    @staticmethod
    def _refuse(name: str):
        def refused(*args, **kwargs):
            raise AssertionError(
                f"{name} changerait le contexte partagé pour les tests suivants : "
                "demandez la fixture `context` (un contexte à soi)"
            )

        return refused

    def clear(self, urls: list[str]) -> None:
        for name in sorted({origin(url) for url in urls} - {None}):
            self.cdp.send("Storage.clearDataForOrigin", {"origin": name, "storageTypes": "all"})
        self.context.clear_cookies()
        self.context.set_offline(False)

    def _new_tab(self):
        self.tabs_opened += 1
        return new_tab(self.context)

    @contextmanager
    def own_tab(self):
        """A tab of the caller's own, for as long as it needs it (a module's search box, say),
        brought to the front (Material renders further search results only in a tab in
        view); closed after, the storage of every origin it reached cleared."""
        page = new_tab(self.context)
        page.bring_to_front()
        try:
            yield page
        finally:
            requests = list(page.recorder.requests)
            page.close()
            self.clear(requests)

    def _left_clean(self, page, changed: list[str]) -> bool:
        """Undo what the test did in its tab, if it can be undone; whether it was."""
        if changed or page.is_closed():
            return False
        try:
            page.goto("about:blank")
            page.mouse.move(0, 0)
        except PlaywrightError:
            return False
        return True

    @contextmanager
    def tab(self):
        page, self.spare = self.spare or self._new_tab(), None
        page.recorder.forget()
        changed: list[str] = []
        for name in LASTING:
            real = getattr(page, name)

            def noted(*args, _real=real, _name=name, **kwargs):
                changed.append(_name)
                return _real(*args, **kwargs)

            setattr(page, name, noted)
        try:
            yield page
        finally:
            for name in LASTING:
                delattr(page, name)
            requests = list(page.recorder.requests)
            if self._left_clean(page, changed):
                self.spare = page
            elif not page.is_closed():
                page.close()
            self.clear(requests)


PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def html_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@dataclass
class Walk:
    """What a walk over pages saw: every console error (prefixed with its page), every
    request and those that failed, each page's response, and what the probe gave on each
    page once it had settled."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    found: dict[str, object] = field(default_factory=dict)
    served: dict[str, dict] = field(default_factory=dict)  # each page's own response


def walk(
    context,
    base: str,
    names: list[str],
    probe: str | None = None,
    arg=None,
    tabs: int = 6,
    inject: str | None = None,
) -> Walk:
    """Open every page, a few tabs at a time so that their quiet periods (Recorder.settle:
    500 ms without a request in flight) overlap, the tabs reused from batch to batch (a new
    tab costs Chromium more than a page); once a page has settled, run the script `inject` in it (a
    library such as axe-core: evaluated by the browser's debugger, which no page policy
    governs, in the page alone, not in its frames) and the JavaScript function `probe`
    (given `arg`; it may return a promise)."""
    seen = Walk()
    opened = [context.new_page() for _ in range(min(tabs, len(names)))]
    recorders = [Recorder(tab) for tab in opened]
    for i in range(0, len(names), tabs):
        batch = list(zip(names[i : i + tabs], opened, recorders, strict=False))
        for name, tab, recorder in batch:
            recorder.forget()
            response = tab.goto(base + name, wait_until="commit")
            seen.served[name] = {
                "status": response.status,
                "worker": response.from_service_worker,
                "policy": "content-security-policy" in response.headers,
            }
        for name, tab, recorder in batch:
            recorder.settle()
            # a first view in the dark palette starts light: Material switches it once its
            # script runs, and the links' colour transitions (125 ms) must end before a probe
            tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
            if inject:
                tab.evaluate(f"{inject}\n;undefined")
            if probe:
                seen.found[name] = tab.evaluate(probe, arg)
            seen.errors += [f"{name}: {e}" for e in recorder.errors]
            seen.requests += recorder.requests
            seen.failed += recorder.failed
    for tab in opened:
        tab.close()
    return seen
