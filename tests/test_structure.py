"""The pipeline's shape: data flows one way, so no module of scripts/edition imports, even
indirectly or inside a function, a module that imports it back. (Imports under
`if TYPE_CHECKING:` are for annotations only and never run: not counted.)"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "scripts" / "edition"


def imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `path` imports: `from . import x`, `from .x import y`,
    `import edition.x`, `from edition.x import y`, at any depth of the file."""
    found = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 or node.module and node.module.split(".")[0] == "edition":
                base = (node.module or "") if node.level else node.module.removeprefix("edition")
                base = base.strip(".").split(".")[0]
                if base:
                    found.add(base)
                else:  # from . import a, b
                    found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "edition" and len(parts) > 1:
                    found.add(parts[1])
    return found & modules


def runtime_nodes(tree: ast.AST):
    """Every node of `tree` except the bodies of `if TYPE_CHECKING:` blocks."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))


def graph() -> dict[str, set[str]]:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    return {p.stem: imports(p, modules) - {p.stem} for p in sorted(PACKAGE.glob("*.py"))}


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


def test_no_import_cycle_in_the_pipeline():
    edges = graph()
    assert len(edges) > 20 and edges["pipeline"] >= {"parse", "render", "offline"}  # the graph is read
    found = cycles(edges)
    assert found == [], "\n".join(" → ".join(c) for c in found)


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"render": {"visuals"}, "visuals": {"render"}}) == [["render", "visuals", "render"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_relative_and_absolute_imports_are_both_read(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "from . import a, b\nfrom .c import x\nimport edition.d\nfrom edition.e import y\n"
        "def f():\n    from .g import z\nimport os\n"
        "if TYPE_CHECKING:\n    from .h import Type\n",
        encoding="utf-8",
    )
    assert imports(module, {"a", "b", "c", "d", "e", "g", "h", "os"}) == {"a", "b", "c", "d", "e", "g"}
