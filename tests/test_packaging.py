"""An installed wheel carries the bundled corpus and the lexicons, so `article-explorer` opens anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .helpers import ROOT, SEEDS


def test_wheel_holds_seeds_and_lexicons(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in SEEDS.iterdir():
        assert f"tui/seeds/{seed.name}" in names
    assert "tui/corpus/parsing/lexicon/reporting_verbs.txt" in names
