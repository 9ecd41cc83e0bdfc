"""`make eval`: quote and speaker accuracy on the shared evaluation data, and parse speed.

Prints this build's figures beside the peers' (from ../shared/eval/README.md) and the floors
that the accuracy issue asks for.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import sys
import time
from pathlib import Path

from tui.corpus import parse_source
from tui.corpus.lexicon import first_name_gender, places
from tui.corpus.load import iter_sources
from tui.corpus.models import LoadReport

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


def parse_folder(folder: Path, collector: bool = False) -> tuple[list[dict], int, float]:
    """Predictions for every text in `folder`, the bytes parsed and the seconds it took.

    The cyclic garbage collector is paused while the parser runs unless `collector`: this loop
    keeps every article it parses, and each pass of the collector walks all of them, which times
    the loop rather than the parser (the loader parses in worker processes that keep nothing).
    """
    sources = list(iter_sources([folder], LoadReport()))
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    if not collector:
        gc.collect()
        gc.disable()
    try:
        started = time.perf_counter()
        articles = [parse_source(s) for s in sources]
        elapsed = time.perf_counter() - started
    finally:
        gc.enable()
    return [a.model_dump(mode="json") for a in articles], size, elapsed


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
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        print(f"no evaluation data at {args.shared}/eval", file=sys.stderr)
        return 1
    places(), first_name_gender()  # lexicons load once, outside the timing
    scorer = load_scorer(args.shared)
    total_bytes, total_seconds = 0, 0.0
    for name, rows in (("ggt", GGT_ROWS), ("polnear", POLNEAR_ROWS)):
        predictions, size, seconds = parse_folder(args.shared / "eval" / name / "texts")
        total_bytes, total_seconds = total_bytes + size, total_seconds + seconds
        gold = [json.loads(line) for line in (args.shared / "eval" / name / "gold.jsonl").open() if line.strip()]
        tally, _ = scorer.score(gold, predictions)
        table(f"{name} ({len(gold)} articles)", rows, scorer.summary(tally))
    bbc, size, seconds = parse_folder(args.shared / "corpora" / "bbc")
    _, _, second_pass = parse_folder(args.shared / "corpora" / "bbc")
    _, _, with_collector = parse_folder(args.shared / "corpora" / "bbc", collector=True)
    print(f"\nparse speed, one core: eval sets {total_bytes / 1e6 / total_seconds:.2f} MB/s; "
          f"BBC {len(bbc)} articles, {size / 1e6:.1f} MB in {seconds:.2f} s = {size / 1e6 / seconds:.2f} MB/s; "
          f"a second pass, names already met: {size / 1e6 / second_pass:.2f} MB/s, "
          f"and {size / 1e6 / with_collector:.2f} MB/s with the garbage collector running over the kept articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
