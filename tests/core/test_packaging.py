"""An installed wheel carries the bundled corpus and the lexicons, so `article-explorer` opens anywhere.

The wheel is built from a copy of the tracked files, out of the checkout: building in place would
leave build/ and an egg-info behind in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT, SEEDS


def tracked_copy(folder: Path) -> Path:
    """The files git tracks, as they are in the working tree (edits not yet committed included)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are not known")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60)
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_symlink() or source.is_file():  # a file deleted but not yet committed is still listed
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name, follow_symlinks=False)  # tui/seeds is a link to ../seeds
    return folder


@pytest.mark.slow
def test_wheel_holds_seeds_and_lexicons(tmp_path):
    before = sorted(path.name for path in ROOT.iterdir())
    source = tracked_copy(tmp_path / "source")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in SEEDS.iterdir():
        assert f"tui/seeds/{seed.name}" in names
    assert "tui/corpus/parsing/lexicon/reporting_verbs.txt" in names
    assert sorted(path.name for path in ROOT.iterdir()) == before  # nothing written into the checkout
