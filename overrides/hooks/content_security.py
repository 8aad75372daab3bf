"""A strict Content Security Policy in every page: a <meta http-equiv> right after
<meta charset>, listing the sha256 of each inline script the page ships. The scripts a page
may hold are known by their source: every inline script of the theme's templates
(Material's and overrides/), rendered with that page's template context; a page holding any
other fails the build (issue 21). The logic is in scripts/edition/csp.py; the pipeline
gathers the pages' policies into the header policy (site/_headers).

Runs last (priority -100), after every hook that could change a page. Not under
`mkdocs serve`, whose live-reload script is inline and would be blocked."""

from __future__ import annotations

from pathlib import Path

from edition.site import csp
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

CHARSET = '<meta charset="utf-8">'
# per build: the theme's inline scripts (Jinja sources), the iframe-worker shim, and for
# each page or static template being built the bodies those scripts render to there
_state: dict = {"serve": False, "shim": None, "sources": [], "known": {}}


def on_startup(*, command, dirty):
    _state["serve"] = command == "serve"


def on_config(config, **kwargs):
    shim = None
    for url in config.extra.get("polyfills", []):
        path = Path(config.docs_dir) / str(url)
        if "iframe-worker" in str(url) and path.is_file():
            shim = path.read_text(encoding="utf-8")
    _state["shim"] = shim
    _state["sources"] = csp.template_scripts(config.theme.dirs)
    _state["known"] = {}
    return config


def _known(context, config, key: str) -> None:
    env = config.theme.get_env()
    known = set()
    for _, source in _state["sources"]:
        try:
            known.add(env.from_string(source).render(context))
        except Exception:  # noqa: BLE001 (a script this context cannot render is not on the page)
            continue
    _state["known"][key] = known


def on_page_context(context, *, page, config, nav):
    _known(context, config, page.file.src_uri)
    return context


def on_template_context(context, *, template_name, config):
    _known(context, config, template_name)
    return context


def _secure(output: str, where: str) -> str:
    if _state["serve"]:
        return output
    if CHARSET not in output:
        raise RuntimeError(f"{where} : {CHARSET} introuvable, où placer la politique CSP ?")
    try:
        hashes = csp.checked_hashes(output, _state["known"].pop(where, set()), _state["shim"], where)
    except csp.UnknownScript as err:
        raise PluginError(str(err)) from None
    return output.replace(CHARSET, CHARSET + "\n    " + csp.meta(hashes), 1)


@event_priority(-100)
def on_post_page(output, *, page, config):
    return _secure(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content, *, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return _secure(output_content, template_name)
