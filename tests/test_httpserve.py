"""The project's static server (scripts/dev.sh serve, the browser tests, the benchmark)."""

from __future__ import annotations

import os
import urllib.request

import pytest
from edition.httpserve import Server


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
