"""`export --cluster` throughput with 1 and 2 workers, beside a local `export --no-cache` on one core.

The BBC corpus (../shared/corpora/bbc) is exported three ways, each into a new temporary folder:
- read and parse in this process, one article after another (the reference);
- `export --no-cache` pinned to one core (taskset, where there is one): the whole command, timed;
- `export_on_cluster` on a LocalCluster (127.0.0.1) of 1, then 2, worker processes of one thread.
For the cluster, two times: the whole run (starting the cluster and the workers, loading the
lexicons, parsing, writing) and the parse phase alone (from the first partition sent to the last
file renamed), whose MB/s divided by the workers is the per-worker figure: what each added worker
(one core) brings. On a shared machine that figure falls with the other work running, so the
workers' CPU time is summed too: MB per CPU-second is what one worker on a core of its own
parses, and N workers on N free cores parse about N times that. The lexicon load of each worker
is printed too.

Prints a Markdown table; asserts nothing; skips with a message when the BBC corpus is absent.

    python benchmarks/cluster.py --shared ../shared [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.corpus import LoadReport, export_on_cluster, iter_sources, parse_source  # noqa: E402

MB = 1_000_000


def corpus_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return len(files), sum(p.stat().st_size for p in files)


def in_process_parse(corpus: Path) -> tuple[float, float]:
    """Seconds to read and parse every article in this process, one after another: the reference
    measured in the same run (machines, and a shared machine's moments, differ by 2x or more)."""
    started, cpu = time.perf_counter(), time.process_time()
    for source in iter_sources([corpus], LoadReport()):
        parse_source(source)
    return time.perf_counter() - started, time.process_time() - cpu


def local_export(corpus: Path, scratch: Path) -> float:
    """Seconds for `article-explorer export --no-cache`, on one core when taskset is here."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    output = scratch / "local.jsonl"
    command = [*pin, sys.executable, "-m", "tui", "export", str(corpus), "--no-cache", "-o", str(output)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def cluster_export(corpus: Path, scratch: Path, workers: int) -> tuple[float, float, float, int, list[float]]:
    """(whole seconds, parse-phase seconds, workers' CPU seconds, partitions, each worker's lexicon load)."""
    started = time.perf_counter()
    result = export_on_cluster([str(corpus)], scratch / f"parts-{workers}", workers=workers)
    whole = time.perf_counter() - started
    return whole, result.seconds, result.cpu_seconds, result.partitions, sorted(result.lexicon_seconds.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpora" / "bbc"
    if not corpus.is_dir():
        print(f"skipped: {corpus} is absent (the BBC corpus is not part of the project)")
        return 0
    files, size = corpus_bytes(corpus)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n## export --cluster: {files:,} BBC files, {size / MB:.2f} MB, {os.cpu_count()} cores here, "
        f"load average {load} (other work on the machine slows every row alike)\n"
    )
    print(
        "| run | whole command s | whole MB/s | parse phase s | parse MB/s | per worker MB/s "
        "| MB per CPU-second | lexicons s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="cluster-bench-") as folder:
        scratch = Path(folder)
        seconds, cpu = in_process_parse(corpus)
        print(
            f"| in-process parse, 1 core (reference) | {seconds:.1f} | {size / MB / seconds:.2f} | | | "
            f"| {size / MB / cpu:.2f} | |"
        )
        seconds = local_export(corpus, scratch)
        print(f"| local export --no-cache, 1 core | {seconds:.1f} | {size / MB / seconds:.2f} | | | | | |")
        for workers in args.workers:
            whole, parse, cpu, partitions, lexicons = cluster_export(corpus, scratch, workers)
            rate = size / MB / parse
            loads = " / ".join(f"{s:.2f}" for s in lexicons)
            name = f"cluster, {workers} worker{'s' if workers > 1 else ''} ({partitions} partitions)"
            print(
                f"| {name} | {whole:.1f} | {size / MB / whole:.2f} | {parse:.1f} | {rate:.2f} | {rate / workers:.2f} "
                f"| {size / MB / cpu:.2f} | {loads} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
