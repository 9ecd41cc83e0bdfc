"""NumPy's huge-page request is off in every process of ours (tui/__init__.py says why), unless
the user asks for it: a fresh interpreter each, as numpy reads the setting once, when imported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tui import HUGE_PAGES_SETTING

IMPORTS = {"ours first": "import tui.corpus, numpy\n", "numpy first": "import numpy, tui.corpus\n"}
ASKS_NUMPY = "core = getattr(numpy, '_core', None) or numpy.core\nprint(core.multiarray._get_madvise_hugepage())\n"


def numpy_asks_for_huge_pages(setting: str | None, imports: str = "ours first") -> str:
    env = {name: value for name, value in os.environ.items() if name != HUGE_PAGES_SETTING}
    if setting is not None:
        env[HUGE_PAGES_SETTING] = setting
    command = [sys.executable, "-c", IMPORTS[imports] + ASKS_NUMPY]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("imports", sorted(IMPORTS))
def test_the_core_loads_with_numpy_asking_for_no_huge_pages(imports: str) -> None:
    assert numpy_asks_for_huge_pages(None, imports) == "False"


@pytest.mark.parametrize("imports", sorted(IMPORTS))
@pytest.mark.parametrize(("setting", "asked"), [("1", "True"), ("0", "False")])
def test_a_users_own_setting_wins(setting: str, asked: str, imports: str) -> None:
    assert numpy_asks_for_huge_pages(setting, imports) == asked
