"""Client tier: the software readers use, run against the built edition (issue 20).

- Zotero's own translation server (its translators: Embedded Metadata, RIS, BibTeX, CSL
  JSON), started from the shared tools (`zotero/start.sh PORT`) on a free port: what the
  browser connector saves from a page (POST /web), what an import makes of a file (POST
  /import);
- citeproc-js (npm `citeproc`, pinned in package.json) with the official CSL styles and
  locales of the shared tools: what a reference manager prints;
- biber's data-model check (Debian's `biber`): whether biblatex knows every field.

The shared tools are `../shared/tools/` beside the project (EDITION_CLIENT_TOOLS names
another folder). Missing tools fail these tests: a check that cannot run is not passed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from edition.build import pipeline
from edition.dev.httpserve import Server, free_port

from ..support.paths import ROOT
from ..support.processes import stop

TOOLS = Path(os.environ.get("EDITION_CLIENT_TOOLS") or ROOT.parent / "shared" / "tools")
CSL = TOOLS / "csl"
NODE_MODULES = ROOT / "node_modules"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/clients/" in str(item.fspath):
            item.add_marker(pytest.mark.clients)
            item.add_marker(pytest.mark.slow)


def need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"{what} introuvable ({path}) : les outils partagés (EDITION_CLIENT_TOOLS) manquent")
    return path


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The edition built with its public address (SITE_URL) on a free local port, served
    there: its pages' tags and its files' addresses are absolute, and they work."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    tmp = tmp_path_factory.mktemp("published")
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base
    try:
        edition = pipeline.load(site_url=base)
        pipeline.publish(edition, docs, tmp / "site", offline_zip=False)
    finally:
        if old is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = old
    with Server(tmp / "site", port=port) as server:
        yield server.base, tmp / "site"


@pytest.fixture(scope="session")
def zotero(tmp_path_factory):
    """Base address of Zotero's translation server (the first start installs its npm
    dependencies into its cache folder: about a minute)."""
    script = need(TOOLS / "zotero" / "start.sh", "le serveur de traduction de Zotero")
    port = free_port()
    log = tmp_path_factory.mktemp("zotero") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(["bash", str(script), str(port)], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 600
    try:
        while b"Listening on" not in log.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"le serveur de Zotero n’a pas démarré :\n{log.read_text(errors='replace')[-3000:]}"
                )
            time.sleep(0.5)
        yield base
    finally:
        stop(proc)


def post(url: str, body: bytes) -> list[dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "text/plain; charset=utf-8"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


@pytest.fixture(scope="session")
def saved(zotero):
    """What Zotero's browser connector saves from a page: saved(url) -> its items."""
    return lambda url: post(zotero + "web", url.encode())


@pytest.fixture(scope="session")
def imported(zotero):
    """What importing a file into Zotero gives: imported(bytes) -> its items."""
    return lambda data: post(zotero + "import", data)


@pytest.fixture(scope="session")
def render():
    """render(items, style, locale, cites) -> citeproc-js's output, one dict per cite."""
    script = ROOT / "tests" / "clients" / "render.js"
    need(NODE_MODULES / "citeproc", "le module npm citeproc (npm ci)")

    def run(items: list[dict], style: str, locale: str, cites: list[dict]) -> list[dict]:
        payload = {
            "items": items,
            "style": str(need(CSL / "styles" / f"{style}.csl", f"le style CSL {style}")),
            "locales": str(need(CSL / "locales", "les locales CSL")),
            "locale": locale,
            "cites": cites,
        }
        done = subprocess.run(
            ["node", str(script)],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run
