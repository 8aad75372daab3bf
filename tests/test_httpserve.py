"""The project's static server (scripts/dev.sh serve, the browser tests, the benchmark)."""

from __future__ import annotations

import http.client
import os
import socket
import struct
import threading
import time
import urllib.request
from contextlib import closing

import pytest
from edition.dev.httpserve import Server


@pytest.mark.parametrize("header", ["If-Modified-Since", "If-None-Match"])
def test_a_conditional_request_gets_the_whole_current_file(tmp_path, header):
    """Two builds in the same second, or `root` pointed at another build: the browser's
    copy must never pass for the file served now (a 304 kept a shipped service worker)."""
    old, new = tmp_path / "v1", tmp_path / "v2"
    for folder, text in ((old, "ancien"), (new, "nouveau")):
        folder.mkdir()
        (folder / "sw.js").write_text(text, encoding="utf-8")
        os.utime(folder / "sw.js", (0, 0))  # same mtime for both
    with Server(old) as httpd:
        with urllib.request.urlopen(httpd.base + "sw.js") as first:
            stamp = first.headers["Last-Modified"]
        httpd.root = new
        ask = urllib.request.Request(httpd.base + "sw.js", headers={header: stamp or "*"})
        with urllib.request.urlopen(ask) as second:
            assert second.status == 200
            assert second.read() == b"nouveau"


@pytest.mark.parametrize("gzip", [False, True])
def test_one_kept_open_connection_serves_every_file_and_follows_the_root(tmp_path, gzip):
    """HTTP/1.1 as a static host speaks it: the browser's connection stays open from one
    file to the next (Lighthouse's simulation otherwise charges each file a new one), and
    a connection opened before `root` changed is answered from the new root."""
    old, new = tmp_path / "v1", tmp_path / "v2"
    for folder, text in ((old, "ancien"), (new, "nouveau")):
        folder.mkdir()
        (folder / "page.html").write_text(text, encoding="utf-8")
        (folder / "style.css").write_text(text + " css", encoding="utf-8")
    with (
        Server(old, gzip=gzip) as httpd,
        closing(http.client.HTTPConnection(*httpd.httpd.server_address)) as conn,
    ):
        conn.request("GET", "/page.html")
        first = conn.getresponse()
        assert (first.version, first.getheader("Connection")) == (11, None)
        assert first.read() == b"ancien"
        sock = conn.sock
        conn.request("GET", "/style.css")
        assert conn.getresponse().read() == b"ancien css"
        httpd.root = new
        conn.request("GET", "/page.html")
        assert conn.getresponse().read() == b"nouveau"
        assert conn.sock is sock, "the connection was closed between requests"


def test_a_reader_hanging_up_mid_answer_prints_nothing(tmp_path, capfd):
    """A tab closed while a file is sent (BrokenPipe, ConnectionReset) is not an error of
    the server: no traceback in the terminal of `scripts/dev.sh serve` or of the tests."""
    (tmp_path / "big.bin").write_bytes(b"x" * 8_000_000)
    with Server(tmp_path) as server:
        idle = threading.active_count()  # the server's own thread included
        port = server.httpd.server_address[1]
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
                client.recv(1024)  # the answer has started
                # hang up at once (RST), the server still sending
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        deadline = time.monotonic() + 5
        while threading.active_count() > idle and time.monotonic() < deadline:  # handlers done
            time.sleep(0.05)
        assert len(server.asked) == 3
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


def test_the_benchmark_server_caches_as_the_host_would(tmp_path):
    """With host_cache, each answer carries the Cache-Control the site's _headers gives its
    path (the benchmark's next view), no-cache where no pattern sets one."""
    (tmp_path / "_headers").write_text(
        "# comment\n/*\n  X-Content-Type-Options: nosniff\n/assets/stylesheets/main.*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n/*.html\n  Cache-Control: no-cache\n",
        encoding="utf-8",
    )
    for name in ("assets/stylesheets/main.ab.min.css", "assets/stylesheets/edition.css", "index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    with Server(tmp_path, host_cache=True) as server:
        got = {}
        for name in ("assets/stylesheets/main.ab.min.css", "assets/stylesheets/edition.css", "index.html"):
            with urllib.request.urlopen(server.base + name) as answer:
                got[name] = answer.headers["Cache-Control"]
    assert got == {
        "assets/stylesheets/main.ab.min.css": "public, max-age=31536000, immutable",
        "assets/stylesheets/edition.css": "no-cache",
        "index.html": "no-cache",
    }
    with (
        Server(tmp_path) as server,
        urllib.request.urlopen(server.base + "assets/stylesheets/main.ab.min.css") as a,
    ):
        assert a.headers["Cache-Control"] == "no-cache"  # the tests' server: a new build seen at once


def test_a_headers_file_with_a_header_before_any_pattern_is_refused_with_its_line():
    from edition.formats import media

    with pytest.raises(ValueError, match="ligne 2"):
        media.header_rules("# comment\n  Cache-Control: no-cache\n/*\n")
    assert media.header_rules("/a\n  X: 1\n/a\n  Y: 2\n") == {"/a": ["X: 1", "Y: 2"]}  # both apply
