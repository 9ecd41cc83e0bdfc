"""`make eval`: quote and speaker accuracy on the shared evaluation data, and parse speed.

Prints this build's figures beside the peers' (from ../shared/eval/README.md) and the floors
that the accuracy issue asks for. Speed is the median of three fresh processes, each timing a
first pass over its articles (no name met before), a second pass, and a pass with Python's
garbage collector running.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import QUOTE_PAIRS, ratio_line, scan_mb_s  # noqa: E402

from tui.corpus import parse_source  # noqa: E402
from tui.corpus.load import iter_sources  # noqa: E402
from tui.corpus.models import Article, LoadReport  # noqa: E402
from tui.corpus.parsing.lexicon import first_name_gender, places  # noqa: E402

GGT_ROWS = [  # figure key, label, regex, textacy, GGT, floor
    ("direct@0.3", "direct quotes F1 (direct@0.3)", "0.80", "0.65", "0.71", 0.95),
    ("direct_speaker_acc", "direct speaker accuracy", "-", "0.17", "0.12", 0.90),
    ("direct_attributed_f1", "attributed direct F1", "-", "0.11", "0.08", 0.85),
    ("all@0.3", "all quotes F1 (all@0.3)", "0.64", "0.46", "0.84", 0.86),
    ("people", "people F1", "-", "0.65", "0.64", 0.85),
]
POLNEAR_ROWS = [
    ("direct@0.3", "direct quotes F1", "0.58", "0.41", "0.52", 0.75),
    ("direct_mention_acc", "speaker mention accuracy", "-", "0.85", "-", 0.93),
]


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPEED_RUNS = 3


def parse_folders(folders: list[Path], collector: bool = False) -> tuple[list[Article], int, float, float]:
    """Every text in `folders` parsed, the bytes parsed, the seconds it took and the CPU seconds.

    The cyclic garbage collector is paused while the parser runs unless `collector`: this loop
    keeps every article it parses, and each pass of the collector walks all of them, which times
    the loop rather than the parser (the loader parses in worker processes that keep nothing).
    """
    sources = [source for folder in folders for source in iter_sources([folder], LoadReport())]
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    if not collector:
        gc.collect()
        gc.disable()
    try:
        started, cpu = time.perf_counter(), time.process_time()
        articles = [parse_source(s) for s in sources]
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        gc.enable()
    return articles, size, elapsed, cpu


def time_passes(folders: list[Path]) -> dict[str, float]:
    """In this process: MB/s of a first pass, a second one, and one with the collector running."""
    places(), first_name_gender()  # lexicons load once, outside the timing
    articles, size, first, first_cpu = parse_folders(folders)
    _, _, second, _ = parse_folders(folders)
    _, _, collected, _ = parse_folders(folders, collector=True)
    mb = size / 1e6
    return {"articles": len(articles), "mb": mb, "first": mb / first, "second": mb / second,
            "collector": mb / collected, "first_cpu": mb / first_cpu, "scan_cpu": scan_mb_s([a.text for a in articles]),
            "quote_scan_cpu": scan_mb_s([a.text for a in articles], QUOTE_PAIRS)}


def median_speed(folders: list[Path]) -> dict[str, float]:
    """`time_passes` in fresh processes, so that each first pass meets every name for the first
    time; the median of each figure."""
    runs = []
    for _ in range(SPEED_RUNS):
        command = [sys.executable, __file__, "--time", *map(str, folders)]
        runs.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def figure(summary: dict, key: str) -> float:
    value = summary.get(key, 0.0)
    return value[2] if isinstance(value, (list, tuple)) else value


def table(title: str, rows: list, summary: dict) -> None:
    print(f"\n{title}")
    print(f"| {'figure':<32} | regex | textacy | GGT  | this build | floor |")
    print(f"|{'-' * 34}|-------|---------|------|------------|-------|")
    for key, label, regex, textacy, ggt, floor in rows:
        value = figure(summary, key)
        mark = "ok" if value >= floor else "below"
        print(f"| {label:<32} | {regex:>5} | {textacy:>7} | {ggt:>4} | {value:>10.3f} | {floor:.2f} {mark}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--time", nargs="+", type=Path, help=argparse.SUPPRESS)  # one timing process
    args = parser.parse_args()
    if args.time:
        print(json.dumps(time_passes(args.time)))
        return 0
    if not (args.shared / "eval").is_dir():
        print(f"no evaluation data at {args.shared}/eval", file=sys.stderr)
        return 1
    scorer = load_scorer(args.shared)
    eval_sets = []
    for name, rows in (("ggt", GGT_ROWS), ("polnear", POLNEAR_ROWS)):
        eval_sets.append(args.shared / "eval" / name / "texts")
        articles, _, _, _ = parse_folders([eval_sets[-1]])
        predictions = [article.model_dump(mode="json") for article in articles]
        gold = [json.loads(line) for line in (args.shared / "eval" / name / "gold.jsonl").open() if line.strip()]
        tally, _ = scorer.score(gold, predictions)
        table(f"{name} ({len(gold)} articles)", rows, scorer.summary(tally))
    evaluation = median_speed(eval_sets)
    bbc = median_speed([args.shared / "corpora" / "bbc"])
    print(f"\nparse speed, one core, median of {SPEED_RUNS} fresh processes, garbage collector paused:")
    print(f"  evaluation sets, {evaluation['articles']:.0f} articles, {evaluation['mb']:.1f} MB: "
          f"{evaluation['first']:.2f} MB/s")
    print(f"  BBC, {bbc['articles']:.0f} articles, {bbc['mb']:.1f} MB: {bbc['first']:.2f} MB/s")
    print(f"  BBC again in the same process, names already met: {bbc['second']:.2f} MB/s, and "
          f"{bbc['collector']:.2f} MB/s with the garbage collector running over the kept articles")
    ratio = ratio_line(bbc["first_cpu"], bbc["scan_cpu"], bbc["quote_scan_cpu"])
    print(f"  BBC, first pass against a regex scan of the same texts: {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
