"""No import cycles between the project's own modules.

A cycle (a imports b, b imports a) makes the order modules load in matter, and is usually hidden
by moving one import inside a function, where it still ties the two modules together. So this
reads every import, those inside functions too, from the source (ast, nothing is run), builds
the graph of module -> module it imports, and expects no cycle. A module is a file; a package's
__init__.py is a module of its own (`from literature.models import X` depends on it, not on
the file X is defined in). Migrations and tests are left out.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Import name -> folder (pyproject.toml maps pbr_site onto site/).
PACKAGES = {"pbr_site": "site", "literature": "literature", "toolkit": "toolkit", "search": "search"}
SKIPPED_FOLDERS = {"migrations", "tests", "node_modules", "__pycache__"}


def project_modules():
    """{module name: (path, is a package's __init__)} for every project module."""
    modules = {}
    for package, folder in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if SKIPPED_FOLDERS & set(parts[:-1]):
                continue
            is_package = parts[-1] == "__init__"
            name = ".".join((package, *(parts[:-1] if is_package else parts)))
            modules[name] = (path, is_package)
    return modules


def imported_modules(name, source, is_package, modules):
    """The project modules the module `name` (its source text) imports, anywhere in it:
    function bodies included, relative imports resolved, `from package import submodule`
    read as importing the submodule."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()

    def add(candidate):
        # `import a.b.c` names a.b.c: the deepest project module on that path.
        while candidate and candidate not in modules:
            candidate = candidate.rpartition(".")[0]
        if candidate:
            found.add(candidate)

    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per extra dot
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                add(submodule if submodule in modules else base)
    found.discard(name)
    return found


def import_graph():
    modules = project_modules()
    return {
        name: imported_modules(name, path.read_text(), is_package, modules)
        for name, (path, is_package) in modules.items()
    }


def cycles(graph):
    """One cycle (a list of modules, the first repeated at the end) for each group of modules
    that import one another (Tarjan's strongly connected components)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)

    found = []
    for group in groups:
        # The shortest way back to the group's first module, through the group only.
        start = min(group)
        paths, queue = {start: [start]}, [start]
        for node in queue:
            for target in sorted(graph[node] & group):
                if target == start:
                    found.append([*paths[node], start])
                    break
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    queue.append(target)
            else:
                continue
            break
    return found


def test_the_graph_is_read():
    """The test sees the imports it is meant to (so an empty graph cannot pass it)."""
    graph = import_graph()
    assert "pbr_site.core.text" in graph["search.text"]
    assert "literature.models.pages" in graph["literature.models"]  # from .pages import ...
    assert {"search", "toolkit", "literature", "pbr_site"} <= {name.split(".")[0] for name in graph}
    assert not any(".migrations" in name for name in graph)


def test_imports_inside_functions_and_relative_imports_count():
    modules = dict.fromkeys(["app", "app.models", "app.models.pages", "app.views", "app.pack", "other"])
    source = """
import other.thing
from .. import pack

def serve():
    from ..views import show
    from app.models import Page  # a name: the package itself
"""
    found = imported_modules("app.models.pages", source, False, modules)
    assert found == {"other", "app.models", "app.views", "app.pack"}  # not itself
    assert imported_modules("app.models", "from .pages import Page", True, modules) == {"app.models.pages"}


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert cycles(graph) == [["a", "b", "a"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_between_project_modules():
    graph = import_graph()
    found = cycles(graph)
    # Each cycle, then every import between the modules of its group (what to untangle).
    report = []
    for cycle in found:
        group = _group_of(graph, cycle[0])
        report.append(" -> ".join(cycle))
        report += [f"    {name} -> {', '.join(sorted(graph[name] & group))}" for name in sorted(group)]
    assert not found, "Import cycles:\n" + "\n".join(report)


def _group_of(graph, start):
    """The modules that both reach `start` and are reached from it."""

    def reached(edges):
        seen, queue = {start}, [start]
        for node in queue:
            for target in edges.get(node, ()):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    reverse = {}
    for node, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, set()).add(node)
    return reached(graph) & reached(reverse)
