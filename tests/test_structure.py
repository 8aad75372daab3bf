"""The pipeline's shape, as the folders of scripts/edition show it: data flows one way.

Each stage is a subpackage, and a module may import only from its own stage and from the
stages DIRECTIONS allows (type-only imports under `if TYPE_CHECKING:` included: a type
is a dependency too). Inside a stage, no import cycle. The package's root holds only
`__init__` and `__main__` (the command line, which is the build's)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from .support.paths import ROOT

PACKAGE = ROOT / "scripts" / "edition"
# stage -> the stages its modules may import from (besides its own)
DIRECTIONS = {
    "model": set(),
    "source": {"model"},
    "formats": {"model"},
    "pages": {"model", "formats"},
    "site": {"model", "source", "formats", "pages"},
    "build": {"model", "source", "formats", "pages", "site"},
    "dev": {"model", "formats"},
}


def module_name(path: Path) -> str:
    """ "scripts/edition/source/parse.py" -> "edition.source.parse"."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The edition modules `path` imports, as dotted names, at any depth of the file, type
    checking blocks included: `from edition.x.y import z` gives edition.x.y (and
    edition.x.y.z when that is a module), `from . import a`, `from .b import c` resolved
    against the file's package."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] + (
                    node.module.split(".") if node.module else []
                )
            else:
                base = (node.module or "").split(".")
            if base[0] != "edition":
                continue
            found.add(".".join(base))
            found |= {".".join(base + [alias.name]) for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "edition"}
    return {name for name in found if is_module(name)}


def is_module(name: str) -> bool:
    parts = name.split(".")[1:]
    return (PACKAGE.joinpath(*parts).with_suffix(".py")).is_file() or (
        PACKAGE.joinpath(*parts) / "__init__.py"
    ).is_file()


def stage(name: str) -> str | None:
    """ "edition.source.parse" -> "source"; None for the package's root modules."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and not parts[1].startswith("__") else None


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def wrong_directions() -> list[str]:
    out = []
    for path in modules():
        name = module_name(path)
        here = stage(name)
        if here is None:
            continue  # edition/__init__, edition/__main__ (below)
        for target in sorted(imports(path)):
            there = stage(target)
            if there is not None and there != here and there not in DIRECTIONS[here]:
                out.append(f"{name} → {target}")
    return out


def test_every_module_is_in_a_stage():
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert stages == set(DIRECTIONS)
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]
    assert len(modules()) > 40


def test_data_flows_one_way_between_the_stages():
    assert wrong_directions() == []


def test_the_command_line_is_the_builds():
    main = PACKAGE / "__main__.py"
    assert {stage(name) for name in imports(main)} == {"build"}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) - {module_name(p)} for p in modules()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle found by a depth-first search, each once (from its least name)."""
    found = []
    for start in sorted(edges):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    found.append(path + [start])
                elif nxt not in path and nxt > start:
                    stack.append((nxt, path + [nxt]))
    return found


def test_no_import_cycle():
    edges = graph()
    # the graph is read: the pipeline imports the inputs and the page renderer
    assert {"edition.source.inputs", "edition.pages.render"} <= edges["edition.build.pipeline"]
    found = cycles(edges)
    assert found == [], "\n".join(" → ".join(c) for c in found)


def test_the_checks_can_fail(tmp_path, monkeypatch):
    """A module of a lower stage importing a higher one is found, type-only import included;
    cycles are found."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    fake = tmp_path / "edition"
    for folder in ("model", "pages"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("", encoding="utf-8")
    (fake / "pages" / "render.py").write_text("", encoding="utf-8")
    (fake / "model" / "urls.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..pages.render import Edition\n"
        "def f():\n    from edition.pages import render\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    assert imports(fake / "model" / "urls.py") == {"edition.pages", "edition.pages.render"}
    assert wrong_directions() == [
        "edition.model.urls → edition.pages",
        "edition.model.urls → edition.pages.render",
    ]


def test_git_ignores_no_file_of_the_project():
    """.gitignore names what is built (the site, a build folder) anchored to the root: a
    pattern that also matched a package folder (`site/` matched scripts/edition/site/) would
    leave its new modules out of every commit, and a fresh clone without them."""
    ignored = subprocess.run(
        ["git", "ls-files", "--cached", "--ignored", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.split()
    assert ignored == []
    untracked_sources = subprocess.run(
        [
            "git",
            "ls-files",
            "--others",
            "--ignored",
            "--exclude-standard",
            "scripts",
            "tests",
            "overrides",
            "docs",
        ],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.split()
    assert [name for name in untracked_sources if name.endswith((".py", ".js", ".css", ".html", ".md"))] == []
