"""Set-up for every test: no test reads or writes the user's own cache or state folder.

This file imports nothing of the user interface (tests/core must run without Textual); the app
fixtures are in tests/app/conftest.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.corpus import cache, history
from tui.corpus.session import REREAD_THREAD

# The folders the app would otherwise take from platformdirs, in the user's home.
OWN_FOLDERS = {"cache": cache.ENV, "state": history.ENV}


REREAD_JOIN_SECONDS = 60  # a few seeds parse again in well under a second; a loaded machine gets room


@pytest.fixture(autouse=True)
def own_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """The cache and the filter history go to folders of the test's own. Set in the environment,
    so a CLI run in a subprocess (which inherits it) is kept out of the user's folders too.

    A session parsing its files again names its new cache entry when the parse ends: one still
    running after its test would write the entry into the next test's folder (a second entry there
    where that test finds one). It is waited for while this test's folder is still the one set."""
    folders = {}
    for name, variable in OWN_FOLDERS.items():
        folders[name] = tmp_path_factory.mktemp(name)
        monkeypatch.setenv(variable, str(folders[name]))
    yield folders
    for thread in threading.enumerate():
        if thread.name == REREAD_THREAD:
            thread.join(REREAD_JOIN_SECONDS)


@pytest.fixture
def state_dir(own_folders: dict[str, Path]) -> Path:
    return own_folders["state"]


@pytest.fixture
def cache_dir(own_folders: dict[str, Path]) -> Path:
    return own_folders["cache"]
