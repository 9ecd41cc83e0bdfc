"""Set-up for every test: no test reads or writes the user's own cache or state folder.

This file imports nothing of the user interface (tests/core must run without Textual); the app
fixtures are in tests/app/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus import cache, history

# The folders the app would otherwise take from platformdirs, in the user's home.
OWN_FOLDERS = {"cache": cache.ENV, "state": history.ENV}


@pytest.fixture(autouse=True)
def own_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The cache and the filter history go to folders of the test's own. Set in the environment,
    so a CLI run in a subprocess (which inherits it) is kept out of the user's folders too."""
    folders = {}
    for name, variable in OWN_FOLDERS.items():
        folders[name] = tmp_path_factory.mktemp(name)
        monkeypatch.setenv(variable, str(folders[name]))
    return folders


@pytest.fixture
def state_dir(own_folders: dict[str, Path]) -> Path:
    return own_folders["state"]


@pytest.fixture
def cache_dir(own_folders: dict[str, Path]) -> Path:
    return own_folders["cache"]
