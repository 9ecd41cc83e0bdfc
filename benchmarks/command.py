"""What a user waits for: the whole `export --no-cache` command on one core, against an in-process
parse of the same files on the same core, and how long a fresh process takes to load the lexicons.

Both pinned to one core (`taskset -c CORE`) and interleaved, so a busy machine slows both alike;
the figure to read is their ratio (goal: the command at 80% of the in-process parse's speed or
better), by the wall clock and by CPU time (the process's and its children's: steadier when
other programs share the core). Median of RUNS.

    python benchmarks/command.py [--shared ../shared] [--core 0] [--runs 3] [--root CHECKOUT]...

`--root` times another checkout's code (its `tui` package) with this script, e.g. a copy of main;
given twice or more (`--root /tmp/main --root .`), the checkouts take turns in each round, so a
before and an after are measured in the same conditions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
GOAL = 0.8  # the command's speed as a share of the in-process parse's

IN_PROCESS = """
import gc, json, sys, time
from tui.corpus import parse_source
from tui.corpus.parsing.lexicon import first_name_gender, places
from tui.corpus.load import iter_sources
from tui.corpus.models import LoadReport
sources = list(iter_sources([sys.argv[1]], LoadReport()))
places(), first_name_gender()
gc.collect(); gc.disable()
started, cpu = time.perf_counter(), time.process_time()
for source in sources:
    parse_source(source)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}))
"""

LEXICONS = """
import json, time
started = time.perf_counter()
import tui.corpus.parallel  # what a worker process imports (the forkserver preloads it)
imported = time.perf_counter()
from tui.corpus.parsing.lexicon import first_name_gender, places
places(), first_name_gender()
print(json.dumps({"import_s": imported - started, "lexicons_s": time.perf_counter() - imported}))
"""


def pinned(core: int, *command: str, env: dict, cwd: Path) -> tuple[float, float, str]:
    """Run pinned to `core` from `cwd` (not this checkout: `python -c` imports from its folder first):
    (wall seconds, CPU seconds of the process and its children, standard output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(["taskset", "-c", str(core), *command], env=env, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu, done.stdout


Timings = dict[str, list]  # "lexicons", "first" (lexicons saved), "inside" (parses), "whole" (commands)


def measure(roots: list[Path], bbc: Path, core: int, runs: int, work: Path) -> dict[Path, Timings]:
    """Each checkout's lexicon loads, in-process parses and whole commands, the checkouts taking
    turns in each round."""
    python = sys.executable
    timed: dict[Path, Timings] = {root: {"lexicons": [], "inside": [], "whole": []} for root in roots}

    def env(root: Path) -> dict:  # a cache folder (the lexicons saved) for each checkout
        cache = work / f"cache-{roots.index(root)}"
        return {**os.environ, "PYTHONPATH": str(root), "ARTICLE_EXPLORER_CACHE_DIR": str(cache)}

    for root in roots:
        timed[root]["first"] = [json.loads(pinned(core, python, "-c", LEXICONS, env=env(root), cwd=work)[2])]
    for _ in range(runs):
        for root in roots:
            timed[root]["lexicons"].append(json.loads(pinned(core, python, "-c", LEXICONS, env=env(root), cwd=work)[2]))
    for _ in range(runs):
        for root in roots:
            timed[root]["inside"].append(
                json.loads(pinned(core, python, "-c", IN_PROCESS, str(bbc), env=env(root), cwd=work)[2])
            )
            command = (python, "-m", "tui", "export", "--no-cache", str(bbc), "-o", str(work / "out.jsonl"))
            timed[root]["whole"].append(pinned(core, *command, env=env(root), cwd=work)[:2])
    return timed


def show(root: Path, timed: Timings, size: float, core: int, runs: int) -> None:
    inside, whole, lexicons = timed["inside"], timed["whole"], timed["lexicons"]
    print(
        f"BBC, {size:.1f} MB, one core (taskset -c {core}), median of {runs}, load average "
        f"{os.getloadavg()[0]:.1f}, code of {root}:"
    )
    for label, parse_s, command_s in (
        ("wall clock", statistics.median(x["seconds"] for x in inside), statistics.median(w for w, _ in whole)),
        ("CPU time (steadier on a busy machine)", statistics.median(x["cpu"] for x in inside),
         statistics.median(c for _, c in whole)),
    ):  # fmt: skip
        parse_speed, command_speed = size / parse_s, size / command_s
        print(
            f"  {label}: in-process parse {parse_speed:.2f} MB/s; `export --no-cache -o FILE`, the whole "
            f"command, {command_speed:.2f} MB/s = {command_speed / parse_speed:.0%} of it (goal {GOAL:.0%})"
        )
    print(
        f"  a fresh process: import what a worker needs (tui.corpus.parallel) "
        f"{statistics.median(x['import_s'] for x in lexicons):.2f} s, "
        f"lexicons {statistics.median(x['lexicons_s'] for x in lexicons):.3f} s "
        f"(the first time, saving them: {timed['first'][0]['lexicons_s']:.2f} s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=ROOT.parent / "shared", type=Path)
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds; the median is shown (default {RUNS})")
    parser.add_argument("--root", type=Path, action="append", help="a checkout whose code is timed (default: this)")
    args = parser.parse_args()
    roots = [root.resolve() for root in args.root or [ROOT]]
    bbc = args.shared / "corpora" / "bbc"
    if not bbc.is_dir() or shutil.which("taskset") is None:
        print(f"needs {bbc} and taskset", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in bbc.rglob("*") if p.is_file()) / 1e6
    work = Path(tempfile.mkdtemp(prefix="axcommand-"))
    try:
        timed = measure(roots, bbc, args.core, args.runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for root in roots:
        show(root, timed[root], size, args.core, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
