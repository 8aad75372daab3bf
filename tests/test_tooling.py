"""The npm tools the gates use are pinned exactly, and the lockfile names no registry; so
are the Python packages. The suite's own machinery: a fast test that builds fails, and the
files start in their measured order."""

from __future__ import annotations

import json
import re

import pytest
from edition.build import pipeline

from .support import schedule
from .support.building import needs_build
from .support.paths import ROOT


def test_npm_tools_are_pinned_and_the_lockfile_names_no_registry():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    pins = package["devDependencies"]
    assert {"vnu-jar", "axe-core", "lighthouse", "@biomejs/biome", "citeproc"} <= set(pins)
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


def test_a_fast_test_that_builds_fails_naming_itself(request, tmp_path):
    # this test reaches no building fixture: it is not slow, and a build inside it fails
    assert not needs_build(request.node) and request.node.get_closest_marker("slow") is None
    with pytest.raises(AssertionError, match=re.escape(request.node.nodeid) + " construit un site"):
        pipeline.mkdocs_build(ROOT / "docs", tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_the_schedule_starts_measured_files_longest_first_and_rewrites_only_on_a_change(tmp_path):
    durations = {"tests/a.py": 3.0, "tests/browser/b.py": 40.0}
    names = ["tests/c.py", "tests/a.py", "tests/browser/d.py", "tests/browser/b.py"]
    assert sorted(names, key=lambda n: schedule.order(n, durations)) == [
        "tests/browser/b.py",
        "tests/a.py",
        "tests/browser/d.py",  # not measured: after, browser files first
        "tests/c.py",
    ]

    class Report:
        def __init__(self, nodeid, when, duration):
            self.nodeid, self.when, self.duration = nodeid, when, duration

    watch = schedule.Stopwatch()
    for nodeid, when, seconds in [
        ("tests/a.py::t1", "setup", 20.0),  # the session's build, left out
        ("tests/a.py::t1", "call", 2.5),
        ("tests/a.py::t2", "setup", 0.2),
        ("tests/browser/b.py::t", "call", 41.0),
    ]:
        watch.report(Report(nodeid, when, seconds))
    assert dict(watch.seconds) == {"tests/a.py": 2.7, "tests/browser/b.py": 41.0}
    assert watch.merged(durations) is None  # within a quarter and a second of the measure
    watch.report(Report("tests/browser/b.py::u", "call", 30.0))
    assert watch.merged(durations) == {"tests/a.py": 2.7, "tests/browser/b.py": 71.0}
    path = tmp_path / "durations.json"
    schedule.save({"tests/a.py": 2.7}, path)
    assert schedule.load(path) == {"tests/a.py": 2.7}
    path.write_text('["tests/a.py"]', encoding="utf-8")
    with pytest.raises(ValueError, match="fichier: secondes"):
        schedule.load(path)


def test_the_committed_durations_name_existing_test_files():
    durations = schedule.load()
    assert durations, "tests/durations.json manque : lancez la suite entière (scripts/dev.sh test)"
    assert all((ROOT / name).is_file() and name.startswith("tests/") for name in durations)
    assert all(seconds >= 0 for seconds in durations.values())
