"""A quiet static server for a built site: `scripts/dev.sh serve`, the browser tests and the
benchmark use this one.

    python -m edition.httpserve [DIRECTORY] [--port 8000] [--gzip]

Text formats are sent with `; charset=utf-8` (Python's http.server sends `text/plain`
alone, and a browser then reads resolution.txt as Windows-1252: « RÃ©solution »): the
types and charsets are those of the publishing configurations (edition.formats.media.TYPES). With
gzip, compressible files are sent gzip-encoded (as a real host would), and every response
is recorded in `log` as (path, raw bytes, bytes sent). Every path asked for is recorded in
`asked`, and `root` can be pointed at another build while serving (a new deployment at
the same address: tests/browser/test_pwa.py).
"""

from __future__ import annotations

import argparse
import gzip as gzip_
import http.server
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from edition.formats.media import content_type, header_rules, matches

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".md", ".bib", ".ris")


class Handler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler, silent, with UTF-8 text types, serving the server's
    current `root`, gzip-encoded when the server's `gzip` is set. HTTP/1.1: connections
    stay open between requests, as on every static host (http.server's default, HTTP/1.0,
    closes each one, and Lighthouse's simulation then charges every stylesheet and script
    a new connection that no reader's browser pays)."""

    protocol_version = "HTTP/1.1"

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".svg": "image/svg+xml; charset=utf-8",
    }

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.root))

    def translate_path(self, path):
        # the server's root of this request: a kept-open connection outlives a change of root
        self.directory = str(self.server.root)
        return super().translate_path(path)

    def log_message(self, *args):  # keep test and terminal output clean
        pass

    def guess_type(self, path):
        return content_type(os.fspath(path)) or super().guess_type(path)

    def end_headers(self):
        self.send_header("Cache-Control", self.server.caching(self.path.split("?")[0]))
        super().end_headers()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.asked.append(self.path.split("?")[0].lstrip("/"))
        # Always the whole file: http.server answers 304 when the file's mtime, in whole
        # seconds, is not after the browser's copy, and two builds made in the same second
        # (or `root` pointed at an older one) would then pass for the same version.
        del self.headers["If-Modified-Since"]
        del self.headers["If-None-Match"]
        if not self.server.gzip:
            return super().do_GET()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            self.server.log.append((self.path, 0, 0))
            return None
        raw = body = Path(path).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip_.compress(raw, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.log.append((self.path.split("?")[0], len(raw), len(body)))
        return None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a browser hangs up mid-answer (a tab
    closed, a download cancelled): http.server prints a traceback for each."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipe, ConnectionReset…
            super().handle_error(request, client_address)


def host_caching(headers_file: Path):
    """The Cache-Control a static host gives a path under the site's `_headers` (the last
    rule that sets it wins), `no-cache` where none does."""
    rules = [
        (pattern, line.split(":", 1)[1].strip())
        for pattern, lines in header_rules(headers_file.read_text(encoding="utf-8")).items()
        for line in lines
        if line.lower().startswith("cache-control:")
    ]

    def caching(path: str) -> str:
        found = [value for pattern, value in rules if matches(path, pattern)]
        return found[-1] if found else "no-cache"

    return caching


def make_server(
    directory: Path, port: int = 0, gzip: bool = False, host_cache: bool = False
) -> http.server.ThreadingHTTPServer:
    """The HTTP server (not started) for `directory` on 127.0.0.1:`port`."""
    httpd = QuietServer(("127.0.0.1", port), Handler)
    httpd.root, httpd.gzip = Path(directory), gzip
    # every answer no-cache (a test's new build is seen at once), or the host's policy
    httpd.caching = host_caching(Path(directory) / "_headers") if host_cache else (lambda path: "no-cache")
    httpd.log, httpd.asked = [], []
    return httpd


class Server:
    """`directory` served on 127.0.0.1 (a free port unless given), in a thread, ready when
    the constructor returns; `base` is its address, `asked` the paths asked for (no query
    string), `log` the gzip responses; set `root` to serve another folder from now on.
    Use as a context manager or close()."""

    def __init__(self, directory: Path, port: int = 0, gzip: bool = False, host_cache: bool = False):
        self.httpd = make_server(directory, port, gzip, host_cache)
        self.log: list[tuple[str, int, int]] = self.httpd.log
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        wait_until_up(self.base)
        self.asked.clear()  # the readiness probe

    @property
    def root(self) -> Path:
        return self.httpd.root

    @root.setter
    def root(self, directory: Path) -> None:
        self.httpd.root = Path(directory)

    @property
    def asked(self) -> list[str]:
        return self.httpd.asked

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def wait_until_up(base: str, timeout: float = 10.0) -> None:
    """Return when `base` answers (any HTTP status), else raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base, timeout=1):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition.httpserve", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args(argv)
    try:
        httpd = make_server(args.directory, args.port, args.gzip)
    except OSError as err:
        print(f"impossible d’écouter sur 127.0.0.1:{args.port} : {err.strerror}", file=sys.stderr)
        return 1
    with httpd:
        print(f"Site servi sur http://127.0.0.1:{args.port}/ (Ctrl+C pour arrêter)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
