"""The wings of ``bridge/`` import only downwards, in the layer order docs/architecture.md gives.

Every import counts, wherever it stands (module level, inside a function, under
``TYPE_CHECKING``): a lazy import that dodges a cycle is still an arrow. A wing
is a subpackage of ``bridge`` (``bridge.server``) or a top-level module
(``bridge.config``); the compiled decoder's imports are read from ``native/``.
``python tests/test_layers.py`` prints the module and wing arrows.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
NATIVE_IMPORT = re.compile(r"^\s*(?:from\s+(bridge(?:\.\w+)*)\s+import|import\s+(bridge(?:\.\w+)*))", re.M)


def layer_order(text: str) -> list[set[str]]:
    """The layers, lowest first, from the ``layers:`` block (``a < b, c < d``: b and c are peers)."""
    match = re.search(r"^layers:(.*?)^(?:\s*$|```)", text, re.M | re.S)
    assert match, "docs/architecture.md has no `layers:` block"
    return [{name.strip() for name in layer.split(",")} for layer in " ".join(match[1].split()).split("<")]


def modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file of every module under ``root/bridge`` (packages by their ``__init__``)."""
    found = {}
    for path in sorted((root / "bridge").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def arrows(root: Path) -> set[tuple[str, str]]:
    """``(importer, imported)`` for every import between two modules of ``bridge``."""
    found = modules(root)
    native = "bridge._native"

    def resolve(name: str) -> str | None:
        while name and name not in found and name != native:
            name = name.rpartition(".")[0]
        return name or None

    edges: set[tuple[str, str]] = set()
    for name, path in found.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.append(full if full in found or full == native else base)
            for target in targets:
                if target.startswith("bridge"):
                    imported = resolve(target)
                    if imported and imported not in (name, "bridge"):
                        edges.add((name, imported))
    for source in (root / "native").glob("*.p*"):
        for match in NATIVE_IMPORT.finditer(source.read_text()):
            imported = resolve(match[1] or match[2])
            if imported and imported != "bridge":
                edges.add((native, imported))
    return edges


def wing(module: str) -> str:
    """``server`` for ``bridge.server.daemon``, ``config`` for ``bridge.config``."""
    return module.split(".")[1]


def violations(edges: set[tuple[str, str]], layers: list[set[str]]) -> list[str]:
    """Every import of a wing that is not below the importer's, and every wing the order does not place."""
    rank = {name: i for i, layer in enumerate(layers) for name in layer}
    problems = sorted(
        {f"{wing(m)} is in no layer ({m})" for edge in edges for m in edge if wing(m) not in rank}
    )
    for importer, imported in sorted(edges):
        a, b = wing(importer), wing(imported)
        if a != b and a in rank and b in rank and rank[b] >= rank[a]:
            how = "a peer of" if rank[b] == rank[a] else "above"
            problems.append(f"{importer} imports {imported}: {b} is {how} {a}")
    return problems


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The import cycles among modules (strongly connected sets of more than one module)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_wing_imports_only_wings_below_it() -> None:
    assert violations(arrows(ROOT), layer_order(ARCHITECTURE.read_text())) == []


def test_no_module_imports_itself_round_a_cycle() -> None:
    assert cycles(arrows(ROOT)) == []


def test_the_checks_catch_an_upward_import_a_lazy_one_and_a_cycle(tmp_path: Path) -> None:
    files = {
        "bridge/__init__.py": "",
        "bridge/values.py": "",
        "bridge/server/__init__.py": "",
        "bridge/server/daemon.py": "from ..values import x\n\ndef f():\n    from ..cli import main\n",
        "bridge/cli/__init__.py": "",
        "bridge/cli/main.py": "from bridge.server import daemon\n",
        "bridge/cli/tools.py": "import bridge.cli.main\nfrom . import tools\n",
        "bridge/stray.py": "from . import values\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    edges = arrows(tmp_path)
    layers = layer_order("```\nlayers: values\n  < server < cli\n```\n")
    assert violations(edges, layers) == [
        "stray is in no layer (bridge.stray)",
        "bridge.server.daemon imports bridge.cli.main: cli is above server",
    ]
    assert cycles(edges) == [["bridge.cli.main", "bridge.server.daemon"]]


if __name__ == "__main__":
    edges = arrows(ROOT if len(sys.argv) < 2 else Path(sys.argv[1]))
    wings = {(wing(a), wing(b)) for a, b in edges if wing(a) != wing(b)}
    print(f"{len(modules(ROOT))} modules, {len(edges)} module arrows")
    print(f"{len({w for e in wings for w in e})} wings, {len(wings)} wing arrows")
    print("two-way wing pairs:", sorted({tuple(sorted(e)) for e in wings if e[::-1] in wings}) or "none")
    print("module cycles:", cycles(edges) or "none")
