"""Where the bundled sample corpus lives: beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_corpus() -> Path:
    """The `seeds/` folder that opens when no path is given."""
    for candidate in (_PACKAGE / "seeds", _PACKAGE.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled sample corpus (seeds/) is missing from this installation")
