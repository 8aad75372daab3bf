"""The order test files start in, measured: `scripts/dev.sh test` hands whole files to its
workers (xdist --dist loadfile --no-loadscope-reorder) in collection order, so the longest
files start first and the end of the run is short files filling every worker, not one long
file running alone.

The measure is tests/durations.json: each file's seconds (setup, call and teardown of its
tests), written by the suite at the end of a whole run (`pytest` or `scripts/dev.sh test`
with no selection: no -k, -m or path), when a file's time moved by more than a quarter and
a second, or files came or went. The setup of the first test a worker runs is left out: it
builds the session's site, whichever file comes first. A file not yet measured starts
after the measured ones (browser files first: they are the long ones)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from .paths import ROOT

DURATIONS = ROOT / "tests" / "durations.json"
MOVED = 0.25  # relative change that rewrites the file
AT_LEAST = 1.0  # seconds


def load(path: Path = DURATIONS) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in data.items()
    ):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        raise ValueError(f"{shown} : attendu un objet {{fichier: secondes}}")
    return data


def order(path: str, durations: dict[str, float]) -> tuple:
    """Sort key of a test file (its path from the root): measured ones longest first."""
    if path in durations:
        return (0, -durations[path], path)
    return (1, 0 if path.startswith("tests/browser/") else 1, path)


class Stopwatch:
    """Adds up each file's time from the test reports (in xdist's controller, every
    worker's reports)."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.started: set = set()  # workers (or this process) past their first setup

    def report(self, report) -> None:
        worker = getattr(report, "node", None)
        worker = getattr(worker, "gateway", None) and worker.gateway.id
        if report.when == "setup" and worker not in self.started:
            self.started.add(worker)
            return
        self.seconds[report.nodeid.split("::")[0]] += report.duration

    def merged(self, known: dict[str, float]) -> dict[str, float] | None:
        """The new table if it should be written (this run measured every file), else None."""
        measured = {path: round(s, 1) for path, s in self.seconds.items()}
        if not measured:
            return None
        if set(measured) != set(known):
            return dict(sorted(measured.items()))
        for path, s in measured.items():
            if abs(s - known[path]) > max(AT_LEAST, MOVED * known[path]):
                return dict(sorted(measured.items()))
        return None


def save(table: dict[str, float], path: Path = DURATIONS) -> None:
    text = json.dumps(table, indent=1, ensure_ascii=False) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def whole_run(config: pytest.Config) -> bool:
    """Whether this run is the whole suite (no selection, not stopped at the first failure)."""
    option = config.option
    return (
        config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and not option.keyword
        and not option.markexpr
        and not getattr(option, "deselect", None)
        and not option.maxfail  # -x is --maxfail=1
        and not getattr(option, "lf", False)
    )


class Timekeeper:
    """A pytest plugin (registered by tests/conftest.py outside xdist's workers): times the
    files as their reports arrive, and updates tests/durations.json after a whole run."""

    def __init__(self, config: pytest.Config, path: Path = DURATIONS):
        self.config = config
        self.path = path
        self.stopwatch = Stopwatch()

    def pytest_runtest_logreport(self, report) -> None:
        self.stopwatch.report(report)

    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if exitstatus not in (0, 1) or not whole_run(self.config):
            return
        table = self.stopwatch.merged(load(self.path))
        if table is not None:
            save(table, self.path)
