"""Where a corpus opened from the cache keeps its memory: the heap size of each structure of the
article store and the index (objects shared between structures counted once, with the first),
beside the process's resident memory.

    python benchmarks/memory.py FOLDER     (FOLDER parsed once before, with the cache on)
"""

from __future__ import annotations

import os
import sys
import time
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SKIP = (type, type(sys), type(len))  # classes, modules and functions are not the corpus's


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def deep_size(root: object, seen: set[int]) -> int:
    """Bytes of `root` and everything it holds that `seen` does not have yet; an entry file's
    bytes are not the heap's and are left out."""
    total, stack = 0, [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, SKIP) or type(item).__name__ in ("mmap", "EntryFile"):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (str, bytes, int, float, array, bool)) or item is None:
            continue
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        else:
            slots = [s for cls in type(item).__mro__ for s in getattr(cls, "__slots__", ())]
            stack.extend(getattr(item, s) for s in slots if hasattr(item, s))
            if hasattr(item, "__dict__"):
                stack.append(item.__dict__)
    return total


def main() -> int:
    from tui.corpus import load_corpus

    folder = Path(sys.argv[1])
    base = rss_mb()
    started = time.perf_counter()
    corpus = load_corpus([folder], cache=True, notice=print)
    print(
        f"{len(corpus):,} articles opened in {time.perf_counter() - started:.2f} s; "
        f"resident {rss_mb():.0f} MB ({rss_mb() - base:.0f} MB for the corpus)"
    )
    seen: set[int] = set()
    parts = [(f"store.{name}", value) for name, value in vars(corpus.articles).items()]
    parts += [(f"index.{name}", value) for name, value in vars(corpus.index).items()]
    sizes = sorted(((deep_size(value, seen) / 1e6, name) for name, value in parts), reverse=True)
    for size, name in sizes:
        if size >= 0.1:
            print(f"  {size:8.1f} MB  {name}")
    print(f"  {sum(size for size, _ in sizes):8.1f} MB  in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
