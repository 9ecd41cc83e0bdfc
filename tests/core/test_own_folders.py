"""No test touches the user's cache or state folder: the autouse fixture in tests/conftest.py
points both at folders of the test's own, for this process and for a CLI run in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT
from tui.corpus import cache, history

WHERE = "from tui.corpus import cache, history; print(cache.cache_dir()); print(history.history_path().parent)"


def test_the_cache_and_state_folders_are_the_tests_own(own_folders: dict[str, Path]) -> None:
    assert cache.cache_dir() == own_folders["cache"]
    assert history.history_path().parent == own_folders["state"]
    child = subprocess.run([sys.executable, "-c", WHERE], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert child.stdout.split("\n")[:2] == [str(own_folders["cache"]), str(own_folders["state"])]
