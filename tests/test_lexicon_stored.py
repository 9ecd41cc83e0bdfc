"""Derived word lists saved in the cache folder (lexicon/stored.py): read back equal, derived again
when damaged, and never a failure when the folder cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.corpus.parsing.lexicon import stored as saved_module
from tui.corpus.parsing.lexicon.stored import FOLDER, saved

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(saved_module.CACHE_ENV, str(tmp_path))
    return tmp_path / FOLDER


def counting(value):
    calls = []

    def derive():
        calls.append(1)
        return value

    return derive, calls


def test_derived_once_then_read_back(folder: Path) -> None:
    value = {"ann": "female", "bob": "male"}
    derive, calls = counting(value)
    assert saved("names", (), derive) == value
    again = saved("names", (), derive)
    assert again == value and list(again) == list(value)  # the order of a dict is kept
    assert len(calls) == 1
    assert len(list(folder.glob("names-*.marshal"))) == 1


def test_frozenset_round_trip(folder: Path) -> None:
    derive, calls = counting(frozenset({"springfield", "acme city"}))
    saved("towns", (), derive)
    assert saved("towns", (), derive) == frozenset({"springfield", "acme city"})
    assert len(calls) == 1


def test_damaged_entry_is_derived_again(folder: Path) -> None:
    derive, calls = counting({"ann": "female"})
    saved("names", (), derive)
    (entry,) = folder.glob("names-*.marshal")
    entry.write_bytes(b"\xff\x00 not marshal")
    assert saved("names", (), derive) == {"ann": "female"}
    assert len(calls) == 2


def test_unwritable_folder_still_gives_the_list(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(saved_module.CACHE_ENV, str(blocker))
    derive, calls = counting({"ann": "female"})
    assert saved("names", (), derive) == {"ann": "female"}
    assert saved("names", (), derive) == {"ann": "female"}
    assert len(calls) == 2


def test_package_change_is_a_new_entry(folder: Path) -> None:
    assert saved_module.fingerprint(("json",)) != saved_module.fingerprint(("csv",))


def test_places_and_names_equal_whether_saved_or_derived(tmp_path: Path) -> None:
    """In fresh processes (the lists are cached in memory once read): derived, then read back."""
    probe = ("from tui.corpus.parsing.lexicon import places, first_name_gender;"
             "print(hash(places()), hash(tuple(first_name_gender().items())))")  # fmt: skip
    env = {**os.environ, saved_module.CACHE_ENV: str(tmp_path), "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]  # fmt: skip
    assert runs[0] == runs[1]
    assert len(list((tmp_path / FOLDER).glob("*.marshal"))) == 2
