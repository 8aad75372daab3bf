"""The npm tools the gates use are pinned exactly, and the lockfile names no registry; so
are the Python packages."""

from __future__ import annotations

import json
import re

from .conftest import ROOT


def test_npm_tools_are_pinned_and_the_lockfile_names_no_registry():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    pins = package["devDependencies"]
    assert {"vnu-jar", "axe-core", "lighthouse"} <= set(pins)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in pins.values()), pins
    lock_text = (ROOT / "package-lock.json").read_text(encoding="utf-8")
    lock = json.loads(lock_text)
    for name, version in pins.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert '"resolved"' not in lock_text
    assert not re.search(r"registry\.|npmjs\.", lock_text)
    assert "omit-lockfile-registry-resolved=true" in (ROOT / ".npmrc").read_text().splitlines()


def test_python_dependencies_are_pinned_exactly():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = project["project"]["dependencies"] + project["dependency-groups"]["test"]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==\d+(\.\d+)*", pin) for pin in pins), pins
    names = {pin.split("==")[0].lower().replace("_", "-") for pin in pins}
    # the site's generator, its theme and the Markdown converter beneath them
    assert {"mkdocs", "mkdocs-material", "markdown", "jinja2", "pymdown-extensions"} <= names


def test_synthetic_answers_help_and_refuses_a_bad_factor():
    import subprocess
    import sys

    script = str(ROOT / "scripts" / "synthetic.py")
    ok = subprocess.run([sys.executable, script, "--help"], capture_output=True, text=True)
    assert ok.returncode == 0 and "usage: scripts/synthetic.py" in ok.stdout
    for bad in ("abc", "0", "-3"):
        run = subprocess.run([sys.executable, script, bad], capture_output=True, text=True)
        assert run.returncode == 2 and "Traceback" not in run.stderr and "factor" in run.stderr.lower(), bad
