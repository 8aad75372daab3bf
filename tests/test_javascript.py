"""The edition's own JavaScript is modern (no `var`: `const`/`let`, block scope) and the
search worker and its engine stay classic scripts, since Material's iframe-worker shim runs
them from file://, where there are no modules and importScripts is the shim's: it adds
script tags and returns a promise, so every call is awaited. Vendored files are not ours."""

from __future__ import annotations

import re

from .conftest import ROOT

# the edition's scripts, the service worker's templates, and the inline scripts of overrides/
SCRIPTS = sorted((ROOT / "docs/assets/javascripts").glob("*.js")) + sorted(
    (ROOT / "scripts/edition").glob("*.js")
)
INLINE = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
VAR = re.compile(r"(?:^|[\s;{}(])var\s+[\w$\[{]", re.M)
COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.S)


def code(text: str) -> str:
    return COMMENT.sub(" ", text)


def test_no_var_in_the_editions_javascript():
    assert len(SCRIPTS) >= 6, SCRIPTS
    sources = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in SCRIPTS}
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        bodies = INLINE.findall(template.read_text(encoding="utf-8"))
        sources[template.relative_to(ROOT).as_posix()] = "\n".join(bodies)
    offenders = {name: VAR.findall(code(text)) for name, text in sources.items()}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_check_sees_a_var():
    assert VAR.search(code("(function () {\n  var x = 1;\n})();"))
    assert not VAR.search(code("const a = 1; // var x = 2\n/* var y */ let b = `var(--c)`;"))


MODULE = re.compile(r"^\s*(?:import|export)\b|\bimport\s*\(", re.M)
IMPORT_SCRIPTS = re.compile(r"\bimportScripts\s*\(")
AWAITED = re.compile(r"\bPromise\.resolve\(importScripts\(")


def test_the_search_worker_is_a_classic_script():
    worker = code((ROOT / "docs/assets/javascripts/search-worker.js").read_text(encoding="utf-8"))
    engine = code((ROOT / "docs/assets/javascripts/search-engine.js").read_text(encoding="utf-8"))
    assert not MODULE.search(worker) and not MODULE.search(engine)
    # the worker loads the engine and the index; each call's result is awaited
    calls = IMPORT_SCRIPTS.findall(worker)
    assert len(calls) == 2 and len(AWAITED.findall(worker)) == len(calls)
    # the engine loads nothing (inside the shim it has neither fetch nor a worker's scope)
    assert not IMPORT_SCRIPTS.search(engine) and "fetch(" not in engine


def test_the_check_sees_a_module_and_a_bare_import_scripts():
    assert MODULE.search("import x from './y.js';") and MODULE.search("const m = import('./y.js');")
    bare = "importScripts(ENGINE); Promise.resolve(importScripts(INDEX));"
    assert len(IMPORT_SCRIPTS.findall(bare)) == 2 and len(AWAITED.findall(bare)) == 1
