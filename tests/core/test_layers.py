"""The layers hold: the core loads without any user interface, the user interface reaches the core
only through `tui.corpus`, the import contracts in pyproject.toml are kept, and no module is long."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tui"
CORE = PACKAGE / "corpus"


def test_every_core_module_loads_without_textual_or_rich() -> None:
    code = (
        "import importlib, pkgutil, sys, tui.corpus\n"
        "for module in pkgutil.walk_packages(tui.corpus.__path__, 'tui.corpus.'):\n"
        "    importlib.import_module(module.name)\n"
        "ui = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len(sys.modules)); print(' '.join(ui))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    count, ui = (done.stdout.splitlines() + [""])[:2]
    assert int(count) > 0 and ui == ""


def _imported_modules(path: Path) -> list[str]:
    """Every module a file imports, as an absolute name (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]  # `from ..corpus import storage`
    return names


def _core_internal(name: str) -> bool:
    """`tui.corpus.storage` (a module or package inside the core), not `tui.corpus.Article`."""
    parts = name.split(".")
    return (
        parts[:2] == ["tui", "corpus"]
        and len(parts) > 2
        and ((CORE / parts[2]).with_suffix(".py").exists() or (CORE / parts[2]).is_dir())
    )


def test_the_user_interface_imports_the_core_only_as_a_whole() -> None:
    inside = [
        (str(path.relative_to(ROOT)), name)
        for path in PACKAGE.rglob("*.py")
        if CORE not in path.parents
        for name in _imported_modules(path)
        if _core_internal(name)
    ]
    assert inside == []


def test_the_import_contracts_are_kept() -> None:
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    done = subprocess.run([linter, "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 broken" in done.stdout


LONGEST_MODULE = 399  # lines: the house keeps modules under 400, split by what they hold beyond


def modules_over(root: Path, most: int) -> list[str]:
    return [
        f"{path.relative_to(root)}: {lines}"
        for path in sorted(root.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > most
    ]


def test_every_module_is_under_four_hundred_lines(tmp_path: Path) -> None:
    (tmp_path / "long.py").write_text("x = 1\n" * (LONGEST_MODULE + 1))
    assert modules_over(tmp_path, LONGEST_MODULE) == ["long.py: 400"]  # the check can fail
    for checked in (PACKAGE, ROOT / "benchmarks", ROOT / "tests"):
        assert modules_over(checked, LONGEST_MODULE) == [], checked
