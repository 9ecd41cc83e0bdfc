"""The `export` command: the parsed corpus as JSON Lines, JSON, CSV or Parquet, written to a file or
standard output, or parsed on a Dask cluster into a folder.

`export --no-cache` streams (export.export_pieces): each article is written as it is parsed, and
no corpus, index or cache is built on the way. What a user waits for is the whole command: on one
core the parse is in this process, and the rest (start-up, reading, JSON) is kept small beside it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys

from .cli_common import Progress, UsageError, load, report_nothing_loaded, report_problems
from .cli_output import write_output
from .corpus import LoadReport, export_pieces, write_articles

BINARY_FORMATS = ("parquet",)


def check_export(args: argparse.Namespace) -> None:
    if args.quotes and args.format not in BINARY_FORMATS:
        raise UsageError("--quotes is for --format parquet (csv is one row a quote already)")
    if args.format in BINARY_FORMATS and not args.output and sys.stdout.isatty():
        raise UsageError(f"{args.format} is binary: give -o FILE, or send standard output to a file or a pipe")


def export(paths: list[str], fmt: str, output: str | None, cache: bool = True, quotes: bool = False) -> int:
    if not cache and fmt not in BINARY_FORMATS:
        return export_streamed(paths, fmt, output)
    corpus = load(paths, cache)
    if not len(corpus):  # nothing to write: a previous export at `output` stays as it is
        return report_nothing_loaded(paths, corpus.report)
    if fmt in BINARY_FORMATS:
        from .corpus import write_articles_parquet, write_quotes_parquet

        writer = write_quotes_parquet if quotes else write_articles_parquet
        failed = write_output(output, lambda out: writer(corpus.articles, out), binary=True)
    else:
        failed = write_output(output, lambda out: write_articles(corpus.articles, out, fmt))
    return failed or report_problems(corpus.report)


def export_streamed(paths: list[str], fmt: str, output: str | None) -> int:
    """`export --no-cache`: each article written as the workers parse and format it, in load
    order; no corpus is built (export.export_pieces). The output is opened only once there is
    an article to write: an export of nothing leaves a previous file as it was."""
    report = LoadReport()
    progress = Progress() if sys.stderr.isatty() else None
    pieces = export_pieces(paths, fmt, report, progress=progress)
    try:
        first = next(pieces, None)
        if first is None:
            return report_nothing_loaded(paths, report)
        # What this process holds by now (the modules, the lexicons) is kept for good: out of the
        # cyclic garbage collector, whose full collections walked it all again (2% of the command
        # on one core); the articles still to come are freed one by one as they are written.
        gc.freeze()
        failed = write_output(output, lambda out: out.writelines(itertools.chain((first,), pieces)))
    finally:
        pieces.close()  # a write that failed half-way stops the workers
        if progress is not None:
            progress.close()
    return failed or report_problems(report)


def export_cluster(args: argparse.Namespace) -> int:
    """`export --cluster`: partitions parsed on a Dask cluster into the folder -o names; progress on
    standard error when that is a terminal, the merged load report at the end (tui/corpus/cluster.py)."""
    if not args.output:
        raise UsageError("--cluster writes one file a partition: give -o OUTDIR")
    from .corpus import CLUSTER_FORMATS, ClusterError, export_on_cluster

    if args.format not in CLUSTER_FORMATS or args.quotes:
        raise UsageError(f"--cluster writes articles as {' or '.join(CLUSTER_FORMATS)}")
    if args.workers < 1:
        raise UsageError("--workers: give 1 or more")
    shown = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        print(
            f"\rparsing {done:,} of {total:,} partitions ({100 * done // total}%)", end="", file=sys.stderr, flush=True
        )

    try:
        result = export_on_cluster(
            args.paths,
            args.output,
            address=args.cluster,
            workers=args.workers,
            fmt=args.format,
            progress=progress if shown else None,
        )
    except ClusterError as error:
        raise UsageError(str(error)) from None
    finally:
        if shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    if not result.articles:
        return report_nothing_loaded(args.paths, result.report)
    return report_problems(result.report)
