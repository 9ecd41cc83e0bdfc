"""The quotes' word file (tui/corpus/quote_words.py) at scale: its build and the keystrokes it serves.

Opens a corpus from its cache (set ARTICLE_EXPLORER_CACHE_DIR to the cache folder of this code),
warms the views (which starts the word file's build in a forked process when the file is absent),
waits for the file, and prints: the build's wall time, the child's CPU time and peak RSS, the
file's size; then each keystroke of the filters typed in the quotes view (the quotes found, as
views.quotes; remembered answers dropped before each), the text check and the word file
alternately, in the same process, ROUNDS times: median and p95 of wall and CPU time, and this
process's RSS.

    ARTICLE_EXPLORER_CACHE_DIR=.../cache-XXXX python benchmarks/bench_quote_words.py CORPUS_FOLDER
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TYPED = ("said -quote:war", 'quote:"we will"', 'quote:"we will not"')  # a prefix a keystroke
ROUNDS = 3
BUILD_WAIT_S = 3600.0
POLL_S = 0.5


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main(folder: Path) -> dict:
    import os

    from tui.corpus import load_corpus
    from tui.corpus import views as core
    from tui.corpus.cache import code_version

    out: dict = {}
    cache = os.environ.get("ARTICLE_EXPLORER_CACHE_DIR", "")
    if not cache.endswith(code_version()[:16]):  # another code's entry: a cold parse of the corpus
        sys.exit(f"ARTICLE_EXPLORER_CACHE_DIR must be the cache folder of this code ({code_version()[:16]})")
    corpus = load_corpus([folder], cache=True)
    core.warm(corpus, "")
    view = corpus.quote_view()
    out["quotes"] = len(view.table)
    waited = time.perf_counter()
    while view._word_file is not None and view._word_file.ready(len(view.table)) is None:
        if time.perf_counter() - waited > BUILD_WAIT_S:
            break
        time.sleep(POLL_S)
    out["build_wait_s"] = round(time.perf_counter() - waited, 1)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["build_child_cpu_s"] = round(children.ru_utime + children.ru_stime, 1)
    out["build_child_peak_rss_mb"] = round(children.ru_maxrss / 1024)
    file = view._word_file
    out["file_mb"] = round(file.path.stat().st_size / 2**20) if file and file.path.exists() else None
    out["rss_mb_with_file"] = round(rss_mb())
    texts = [text[:end] for text in TYPED for end in range(1, len(text) + 1)]
    times: dict[str, list[float]] = {"check": [], "file": [], "check_cpu": [], "file_cpu": []}
    for _ in range(ROUNDS):
        for text in texts:
            for mode in ("check", "file"):
                view._word_file = file if mode == "file" else None
                view.answers.clear()
                wall, cpu = time.perf_counter(), time.process_time()
                core.quotes(corpus, text)
                times[mode].append((time.perf_counter() - wall) * 1000)
                times[f"{mode}_cpu"].append((time.process_time() - cpu) * 1000)
    for key, values in times.items():
        out[f"typed_{key}_median_ms"] = round(statistics.median(values), 1)
        out[f"typed_{key}_p95_ms"] = round(pct(values, 0.95), 1)
        out[f"typed_{key}_max_ms"] = round(max(values), 1)
    out["rss_mb_end"] = round(rss_mb())
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), indent=1))
