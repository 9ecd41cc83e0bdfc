"""`make eval`: quote and speaker accuracy on the shared evaluation data, and parse speed.

Prints this build's figures on the three shared sets side by side (GGT dev, PolNeAR dev, PolNeAR
train), the peers' and the goals of the accuracy issue. Speed is the median of three fresh processes,
each timing a first pass over its articles (no name met before), a second pass, and a pass with
Python's garbage collector running.
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

EVAL_SETS = [  # folder under eval/, column heading: every change is checked on all three
    ("ggt", "GGT dev"),
    ("polnear", "PolNeAR dev"),
    ("polnear-train", "PolNeAR train"),
]
SPEED_SETS = ("ggt", "polnear")  # the speed line times the two dev sets, as it always has
ROWS = [  # figure key, label, the goal on articles nobody here has seen (issue 14)
    ("direct@0.3", "direct quotes F1 (direct@0.3)", ">= 0.95 GGT, 0.80 PolNeAR"),
    ("direct_speaker_acc", "direct speaker accuracy", ">= 0.90"),
    ("direct_attributed_f1", "attributed direct F1", ">= 0.85"),
    ("all@0.3", "all quotes F1 (all@0.3)", ">= 0.86 GGT"),
    ("people", "people F1", ">= 0.87"),
    ("direct_mention_acc", "speaker mention accuracy", ">= 0.93"),
]
PEERS = (
    "peers on GGT / PolNeAR dev (../shared/eval/README.md): direct F1 regex 0.80 / 0.58, "
    "GGT extractor 0.71 / 0.52; all F1 GGT extractor 0.84 / 0.54, regex 0.64 / 0.68; "
    "speaker accuracy textacy 0.17; people F1 textacy 0.65"
)


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
    return {
        "articles": len(articles),
        "mb": mb,
        "first": mb / first,
        "second": mb / second,
        "collector": mb / collected,
        "first_cpu": mb / first_cpu,
        "scan_cpu": scan_mb_s([a.text for a in articles]),
        "quote_scan_cpu": scan_mb_s([a.text for a in articles], QUOTE_PAIRS),
    }


def median_speed(folders: list[Path]) -> dict[str, float]:
    """`time_passes` in fresh processes, so that each first pass meets every name for the first
    time; the median of each figure."""
    runs = []
    for _ in range(SPEED_RUNS):
        command = [sys.executable, __file__, "--time", *map(str, folders)]
        runs.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def figure(summary: dict, key: str) -> float | None:
    value = summary.get(key)
    return value[2] if isinstance(value, (list, tuple)) else value


def score_set(shared: Path, scorer, name: str) -> tuple[int, dict] | None:
    """The articles of one evaluation set and the scorer's summary of this build on them."""
    folder = shared / "eval" / name
    if not (folder / "texts").is_dir():
        return None
    articles, *_ = parse_folders([folder / "texts"])
    predictions = [article.model_dump(mode="json") for article in articles]
    gold = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    tally, _ = scorer.score(gold, predictions)
    return len(gold), scorer.summary(tally)


def table(results: dict[str, tuple[int, dict] | None]) -> None:
    """The figures of every set side by side: a rule that helps one set and costs another shows here."""
    headings = [f"{label} ({results[name][0] if results[name] else 0})" for name, label in EVAL_SETS]
    goal_heading = "goal, unseen articles"
    print("\n| " + " | ".join([f"{'figure':<30}", *(f"{h:>19}" for h in headings), f"{goal_heading:<25}"]) + " |")
    print("|" + "|".join(["-" * 32, *("-" * 21 for _ in headings), "-" * 27]) + "|")
    for key, label, goal in ROWS:
        cells = []
        for name, _ in EVAL_SETS:
            value = figure(results[name][1], key) if results[name] else None
            cells.append(f"{value:>19.3f}" if value is not None else f"{'-':>19}")
        print("| " + " | ".join([f"{label:<30}", *cells, f"{goal:<25}"]) + " |")
    print(PEERS)


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
    table({name: score_set(args.shared, scorer, name) for name, _ in EVAL_SETS})
    eval_sets = [args.shared / "eval" / name / "texts" for name in SPEED_SETS]
    evaluation = median_speed(eval_sets)
    bbc = median_speed([args.shared / "corpora" / "bbc"])
    print(f"\nparse speed, one core, median of {SPEED_RUNS} fresh processes, garbage collector paused:")
    print(
        f"  evaluation sets, {evaluation['articles']:.0f} articles, {evaluation['mb']:.1f} MB: "
        f"{evaluation['first']:.2f} MB/s"
    )
    print(f"  BBC, {bbc['articles']:.0f} articles, {bbc['mb']:.1f} MB: {bbc['first']:.2f} MB/s")
    print(
        f"  BBC again in the same process, names already met: {bbc['second']:.2f} MB/s, and "
        f"{bbc['collector']:.2f} MB/s with the garbage collector running over the kept articles"
    )
    ratio = ratio_line(bbc["first_cpu"], bbc["scan_cpu"], bbc["quote_scan_cpu"])
    print(f"  BBC, first pass against a regex scan of the same texts: {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
