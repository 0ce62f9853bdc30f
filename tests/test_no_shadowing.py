"""No module of the package binds one top-level name twice: the second binding silently replaces the
first for every function that reads it (session 56's ``_CLAUSE_OPENERS`` for the commas after a count had
replaced the openers of a subject's clause that ``_world_subject`` reads; a second ``_MODALS`` had never
been read at all)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "saidwhat"


def _bound(node: ast.stmt) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
        return [node.target.id]
    return []


def test_no_top_level_name_is_bound_twice() -> None:
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            for name in _bound(node):
                if name in seen:
                    where = path.relative_to(PACKAGE.parent)
                    twice.append(f"{where}: {name} (lines {seen[name]}, {node.lineno})")
                seen[name] = node.lineno
    assert twice == []


def test_the_check_sees_a_second_binding() -> None:
    tree = ast.parse("A = 1\ndef f():\n    return A\nA = 2\n")
    names = [n for node in tree.body for n in _bound(node)]
    assert names.count("A") == 2
