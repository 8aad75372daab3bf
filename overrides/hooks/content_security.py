"""A strict Content Security Policy in every page: a <meta http-equiv> right after
<meta charset>, listing the sha256 of each inline script the page ships (Material's, ours,
and the one the iframe-worker shim writes for offline search). The logic is in
scripts/edition/csp.py; the pipeline gathers these into the header policy (site/_headers).

Runs last (priority -100), after every hook that could add an inline script. Not under
`mkdocs serve`, whose live-reload script is inline and would be blocked."""

from __future__ import annotations

from pathlib import Path

from edition import csp
from mkdocs.plugins import event_priority

CHARSET = '<meta charset="utf-8">'
_state = {"serve": False, "shim": None}


def on_startup(*, command, dirty):
    _state["serve"] = command == "serve"


def on_config(config, **kwargs):
    shim = None
    for url in config.extra.get("polyfills", []):
        path = Path(config.docs_dir) / str(url)
        if "iframe-worker" in str(url) and path.is_file():
            shim = path.read_text(encoding="utf-8")
    _state["shim"] = shim
    return config


def _secure(output: str, where: str) -> str:
    if _state["serve"]:
        return output
    if CHARSET not in output:
        raise RuntimeError(f"{where} : {CHARSET} introuvable, où placer la politique CSP ?")
    hashes = csp.page_hashes(output, _state["shim"])
    return output.replace(CHARSET, CHARSET + "\n    " + csp.meta(hashes), 1)


@event_priority(-100)
def on_post_page(output, *, page, config):
    return _secure(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content, *, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return _secure(output_content, template_name)
