"""The parsed corpus stands without any user interface."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "tui" / "corpus"


def test_corpus_imports_neither_textual_nor_rich():
    code = (
        "import sys, tui.corpus, tui.corpus.parsing.parse, tui.corpus.query, tui.corpus.index, tui.corpus.export;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_no_corpus_module_names_the_ui_packages():
    for path in CORPUS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import textual" not in source and "from textual" not in source, path
        assert "import rich" not in source and "from rich" not in source, path
