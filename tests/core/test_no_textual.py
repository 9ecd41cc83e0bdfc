"""tests/core runs without the user interface: importing every module in it (and the conftest
above it) loads no textual, no rich and nothing of tui's UI packages."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT, TESTS

UI_MODULES = ("textual", "rich", "tui.app", "tui.screens", "tui.widgets", "tui.screenshots", "tui.commands")


def core_modules() -> list[str]:
    return ["tests.conftest"] + [f"tests.core.{path.stem}" for path in sorted((TESTS / "core").glob("*.py"))]


def test_the_core_tests_import_no_user_interface() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {UI_MODULES[:2]!r}"
        f" or n.startswith({UI_MODULES[2:]!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
