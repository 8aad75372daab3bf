"""The edition's JavaScript and CSS pass Biome (npm `@biomejs/biome`, pinned in package.json,
configured in biome.jsonc: the recommended rules, block scope only, and the reasons for the
two rules turned off), every file of ours and the templates' inline scripts alike; the
search worker and its engine stay classic scripts, since Material's iframe-worker shim runs
them from file://, where there are no modules and importScripts is the shim's: it adds
script tags and returns a promise, so every call is awaited. Vendored files are not ours."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from edition.site import csp

from .support.paths import ROOT

BIOME = ROOT / "node_modules" / ".bin" / "biome"
CONFIG = ROOT / "biome.jsonc"
LISTED = re.compile(r"^\s+- (\S+)$", re.M)


def biome(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    if not BIOME.exists():
        pytest.fail(f"{BIOME.relative_to(ROOT)} manque : lancez scripts/dev.sh setup (npm ci)")
    run = subprocess.run(
        [str(BIOME), "lint", "--error-on-warnings", "--colors=off", "--max-diagnostics=none", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    run.stdout += run.stderr  # diagnostics go to stderr, the list of files to stdout
    return run


def ours() -> set[str]:
    """Every JavaScript and CSS file the project keeps, but vendored ones."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.js", "*.css"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.split()
    return {name for name in listed if "/vendor/" not in name}


def test_biome_finds_nothing_in_every_script_and_stylesheet_of_ours():
    run = biome("--verbose")
    assert run.returncode == 0, run.stdout
    checked = set(LISTED.findall(run.stdout)) - {CONFIG.name}  # (every file Biome read)
    assert len(checked) >= 12 and checked == ours(), run.stdout


def lint_snippets(snippets: dict[str, str]) -> subprocess.CompletedProcess:
    """Lint JavaScript given as {file name: code} with the project's rules (its
    configuration, extended in a folder of their own)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, code in snippets.items():
            (folder / name).write_text(code, encoding="utf-8")
        config = {
            "extends": [CONFIG.as_posix()],
            "vcs": {"enabled": False},
            "files": {"includes": ["**/*.js"]},
        }
        (folder / "biome.json").write_text(json.dumps(config), encoding="utf-8")
        return biome("--verbose", ".", cwd=folder)


JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def test_the_templates_inline_scripts_pass_biome_too():
    scripts = csp.template_scripts([ROOT / "overrides"])
    assert len(scripts) >= 2, scripts
    # a Jinja expression stands where a value will be (a string the template writes as JSON)
    snippets = {
        f"{template.replace('/', '_')}-{i}.js": JINJA.sub("null", body)
        for i, (template, body) in enumerate(scripts)
    }
    run = lint_snippets(snippets)
    assert run.returncode == 0, run.stdout
    assert set(LISTED.findall(run.stdout)) - {"biome.json"} == set(snippets), run.stdout


def test_the_check_sees_a_var_an_unused_error_and_an_assignment_in_a_condition():
    run = lint_snippets(
        {
            "bad.js": "var x = 1;\ntry { f(x); } catch (err) { g(); }\nlet m;\nwhile ((m = re.exec(s)) !== null) h(m);\n"
        }
    )
    assert run.returncode != 0
    for rule in ("noVar", "noUnusedVariables", "noAssignInExpressions"):
        assert "lint/" in run.stdout and rule in run.stdout, (rule, run.stdout)


COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.S)


def code(text: str) -> str:
    return COMMENT.sub(" ", text)


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
