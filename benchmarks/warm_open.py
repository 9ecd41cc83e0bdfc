"""One warm open of the app, timed as `bench_views.py`'s app rows time it: from making the app until
the article list has rows ("listed"), then until every worker is done (every view's screen made,
its answer in: "ready"); the process's CPU time at both, its resident memory then and at its peak
(MiB; Linux).
Prints one JSON line. Each start is a process of its own, so compare builds by alternating them:

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/SIZE/cache-VERSION .venv/bin/python benchmarks/warm_open.py \\
        KEEP/SIZE/corpus-SIZE

(run from the worktree whose code is measured, with its own cache folder: see run.py --keep).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tui.app import ExplorerApp  # noqa: E402

TERMINAL = (120, 40)
POLL_SECONDS = 0.02
MIB = 1 << 20


def resident_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB


async def warm_open(folder: Path) -> dict:
    started, started_cpu = time.perf_counter(), time.process_time()
    app = ExplorerApp([folder], cache=True)
    app.animation_level = "none"
    out: dict = {}
    async with app.run_test(size=TERMINAL) as pilot:
        main = app.explorer
        assert main is not None
        while not (main.load_finished and main.rows):
            await pilot.pause(POLL_SECONDS)
        out["listed_s"] = round(time.perf_counter() - started, 2)
        out["listed_cpu_s"] = round(time.process_time() - started_cpu, 2)
        await app.workers.wait_for_complete()
        out["ready_s"] = round(time.perf_counter() - started, 2)
        out["ready_cpu_s"] = round(time.process_time() - started_cpu, 2)
        out["rss_mib"] = round(resident_mib())
        out["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB)  # KiB on Linux
        out["load"] = round(os.getloadavg()[0], 2)
    return out


if __name__ == "__main__":
    print(json.dumps(asyncio.run(warm_open(Path(sys.argv[1])))), flush=True)
    os._exit(0)  # the entry's check may still be summing the bulk: not waited for
