"""The command line: open the explorer (default), export a parsed corpus, print stats."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .corpus import FORMATS, Corpus, LoadReport, bundled_corpus, load_corpus, stderr_notice, write_articles

COMMANDS = ("open", "export", "stats", "screenshots")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-explorer",
        description="A terminal explorer for news: who said what, about whom, and when.",
        epilog="With no command, opens the explorer on PATH... (default: the bundled sample corpus).",
    )
    commands = parser.add_subparsers(dest="command")
    open_ = commands.add_parser("open", help="open the explorer (the default command)")
    open_.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles")
    open_.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    export = commands.add_parser("export", help="write the parsed corpus as JSON Lines, JSON or CSV")
    export.add_argument("paths", nargs="+", metavar="PATH")
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    export.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    stats = commands.add_parser("stats", help="count articles, quotes, speakers and entities")
    stats.add_argument("paths", nargs="+", metavar="PATH")
    stats.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    shots = commands.add_parser("screenshots", help="save SVG (and PNG) pictures of the main screens")
    shots.add_argument("folder", nargs="?", default="screenshots")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS and argv[0] not in ("-h", "--help"):
        argv = ["open", *argv]
    args = build_parser().parse_args(argv)
    if args.command == "export":
        return _export(args.paths, args.format, args.output, not args.no_cache)
    if args.command == "stats":
        return _stats(args.paths, not args.no_cache)
    if args.command == "screenshots":
        from .screenshots import save_screenshots

        return save_screenshots(Path(args.folder))
    from .app import run_app

    return run_app([Path(p) for p in args.paths] or [bundled_corpus()], cache=not args.no_cache)


def _load(paths: list[str], cache: bool) -> Corpus:
    """Parse on every core, with progress on standard error when that is a terminal."""
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        return load_corpus(paths, progress=progress, cache=cache, notice=stderr_notice)
    finally:
        if progress is not None:
            progress.close()


class _Progress:
    """`parsing 12,345 of 100,000 files (12%)` on one line of standard error, redrawn in place."""

    def __init__(self) -> None:
        self.started, self.shown, self.drawn = time.monotonic(), 0.0, False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total < 2 or (now - self.shown < 0.1 and done < total) or now - self.started < 0.3:
            return
        self.shown, self.drawn = now, True
        print(f"\rparsing {done:,} of {total:,} files ({100 * done // total}%)", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.drawn:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _export(paths: list[str], fmt: str, output: str | None, cache: bool = True) -> int:
    corpus = _load(paths, cache)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            write_articles(corpus.articles, out, fmt)
    else:
        write_articles(corpus.articles, sys.stdout, fmt)
    return _report(corpus.report)


def _stats(paths: list[str], cache: bool = True) -> int:
    corpus = _load(paths, cache)
    for label, value in corpus_stats(corpus).items():
        print(f"{label:<12} {value:>8,}")
    return _report(corpus.report)


def corpus_stats(corpus: Corpus) -> dict[str, int]:
    quotes = [q for a in corpus.articles for q in a.quotes]
    entities = {(e.kind, e.name) for a in corpus.articles for e in a.entities}
    return {
        "files": corpus.report.files,
        "articles": len(corpus.articles),
        "quotes": len(quotes),
        "direct": sum(q.kind == "direct" for q in quotes),
        "partial": sum(q.kind == "partial" for q in quotes),
        "indirect": sum(q.kind == "indirect" for q in quotes),
        "speakers": len({q.speaker for q in quotes if q.speaker}),
        "entities": len(entities),
        "skipped": len(corpus.report.problems),
    }


def _report(report: LoadReport) -> int:
    """The load report on standard error; exit 1 when any file was skipped."""
    for problem in report.problems:
        print(f"skipped {problem}", file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
