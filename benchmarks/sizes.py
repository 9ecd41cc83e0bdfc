"""The per-size loop that run.py and bench_views.py share: each size of `--sizes` benchmarked in
turn, each with its own folder under `--keep` (its corpus and cache entry, reused by a later run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def bench_sizes(sizes: str, keep: Path | None, bench: Callable[[int, Path | None], dict]) -> list[dict]:
    """`bench(size, folder)` for each size of the comma-separated `sizes`, announced on a line of its
    own; the folder is KEEP/SIZE (made when missing), or None without `keep`. The results in order."""
    results = []
    for size in (int(s) for s in sizes.split(",") if s.strip()):
        print(f"{size:,} articles:", flush=True)
        folder = keep / str(size) if keep else None
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        results.append(bench(size, folder))
    return results
