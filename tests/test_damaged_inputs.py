"""Bad input, end to end: each damaged variant of the source text in tests/fixtures/damaged/
makes `python -m edition build` exit 2 with one clear error naming the file and the line,
no traceback, and the previous docs/ and site/ left byte for byte as they were."""

from __future__ import annotations

import shutil

import pytest
from edition.build.cli import main

from .support import damaged
from .support.paths import ROOT


def snapshot(folder) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def previous(tmp_path_factory, site):
    """A previous edition: the project's docs/ and a built site/."""
    where = tmp_path_factory.mktemp("precedente")
    shutil.copytree(ROOT / "docs", where / "docs")
    shutil.copytree(site, where / "site")
    return where, snapshot(where)


def test_the_corpus_is_committed_and_up_to_date():
    committed = sorted(p.name for p in damaged.CORPUS.glob("*.txt"))
    assert committed == sorted(name for name, *_ in damaged.CASES)
    assert len(committed) >= 15
    for name, data, _, _ in damaged.CASES:
        assert (damaged.CORPUS / name).read_bytes() == data, (
            f"{name} périmé : lancez « python -m tests.support.damaged »"
        )


def check_refusal(source, line: int, fragment: str, code: int, out: str, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith(f"{source}:{line}: erreur : "), err
    assert fragment in err, err
    assert f"\n    {line} | " in err and "\n    attendu : " in err  # shows the line, says what
    assert out == ""


def build_args(source, where) -> list[str]:
    return [
        "build",
        "--source",
        str(source),
        "--docs-dir",
        str(where / "docs"),
        "--site-dir",
        str(where / "site"),
    ]


@pytest.mark.parametrize(
    "name,line,fragment", [(c[0], c[2], c[3]) for c in damaged.CASES], ids=[c[0] for c in damaged.CASES]
)
def test_damaged_source_is_refused_naming_the_line(previous, capsys, name, line, fragment):
    """Every case through the command's own entry point (`python -m edition` runs this
    main(), in-process here: a Python start for each of 51 cases would cost more than the
    checks); the next test runs one case as a process."""
    where, before = previous
    source = damaged.CORPUS / name
    code = main(build_args(source, where))
    out, err = capsys.readouterr()
    check_refusal(source, line, fragment, code, out, err)
    assert snapshot(where) == before  # nothing written, nothing deleted


def test_a_damaged_source_is_refused_by_the_command_as_run(previous, build_command):
    """One case as a reader runs it, in its own process: exit status 2, the same message."""
    where, before = previous
    name, _, line, fragment = damaged.CASES[0]
    source = damaged.CORPUS / name
    run = build_command("edition", *build_args(source, where))
    check_refusal(source, line, fragment, run.returncode, run.stdout, run.stderr)
    assert snapshot(where) == before
