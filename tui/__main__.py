"""The command line: open the explorer (default), export a parsed corpus, print stats.

Exit codes: 0 all read; 1 some files skipped, or no articles at all, or an export to standard
output cut off (below); 2 a usage error (a missing path, a command word that is also a path here)
or an output that cannot be written. Every error is one line on standard error, never a traceback.

A cache entry cut short or rewritten by another program while a command reads it
(`CacheEntryChanged`): the command says so in one line and runs again from the files when nothing
was written yet (stats, quotes, people, export -o FILE, whose temporary is dropped); an export to
standard output may have written part already: one line says the output is incomplete, exit 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_common import UsageError, load, report_nothing_loaded, report_problems
from .cli_export import BINARY_FORMATS, check_export, export, export_cluster
from .cli_output import write_output
from .cli_tables import TABLE_FORMATS, write_rows

# What every command needs, and no more: the rest of the core (the index, the cache, the query
# language, the cluster) is imported by the command that uses it, so `export --no-cache` starts
# without paying for them (the package's names are imported on first use: tui/corpus/__init__.py).
from .corpus import FORMATS, is_url

if TYPE_CHECKING:
    from .corpus import Corpus, Corrections

COMMANDS = ("open", "export", "stats", "screenshots", "quotes", "people")
TABLE_COMMANDS = ("quotes", "people")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-explorer",
        description="A terminal explorer for news: who said what, about whom, and when.",
        epilog="With no command, opens the explorer on PATH... (default: the bundled sample corpus). "
        "A first word that names a command and is also a file or folder here is refused: write ./NAME "
        "(or -- NAME) for the path, NAME -- for the command.",
    )
    commands = parser.add_subparsers(dest="command")
    open_ = commands.add_parser("open", help="open the explorer (the default command)")
    open_.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of articles")
    open_.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    export = commands.add_parser("export", help="write the parsed corpus as JSON Lines, JSON, CSV or Parquet")
    export.add_argument("paths", nargs="*", metavar="PATH")
    export.add_argument("--format", choices=(*FORMATS, *BINARY_FORMATS), default="jsonl")
    export.add_argument("--quotes", action="store_true", help="parquet: one row a quote, not one an article")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    export.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    export.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="parse on the Dask cluster at ADDRESS (tcp://HOST:8786), or 'local' for one on this "
        "machine; -o names a folder, written one file a partition",
    )
    export.add_argument(
        "--workers", type=int, default=2, metavar="N", help="--cluster local: worker processes (default 2)"
    )
    stats = commands.add_parser("stats", help="count articles, quotes, speakers and entities")
    stats.add_argument("paths", nargs="*", metavar="PATH")
    stats.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    tables = [
        commands.add_parser("quotes", help="one row a quote the filter finds (oldest first)"),
        commands.add_parser("people", help="one row a person quoted, most quoted first, with gender shares"),
    ]
    for table in tables:
        table.add_argument("paths", nargs="*", metavar="PATH")
        table.add_argument("--filter", default="", metavar="QUERY", help="the explorer's filter language")
        table.add_argument("--format", choices=TABLE_FORMATS, default="table")
        table.add_argument("--excel", action="store_true", help="csv: UTF-8 with a byte-order mark, for Excel")
        table.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
        table.add_argument("--no-cache", action="store_true", help="parse again; neither read nor write the cache")
    for command in (open_, export, stats, *tables):
        command.add_argument(
            "--newsboat", action="store_true", help="also read newsboat's cache.db from its default location"
        )
        command.add_argument(
            "--people",
            metavar="FILE",
            type=Path,
            help="corrections of who is who (TOML; default: people.toml in the config folder)",
        )
    shots = commands.add_parser("screenshots", help="save SVG (and PNG) pictures of the main screens")
    shots.add_argument(
        "folder",
        nargs="?",
        default="screenshots",
        help="a new folder, or one holding only pictures (default: screenshots)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(command_line(list(sys.argv[1:] if argv is None else argv)))
        if args.command in ("open", "export", "stats", *TABLE_COMMANDS):
            args.paths = _with_newsboat(args.paths, args.newsboat)
        if args.command in ("export", "stats", *TABLE_COMMANDS):
            _existing(args.paths)
        if args.command == "export" and args.cluster:
            return export_cluster(args)
        if args.command == "export":
            check_export(args)
            if args.people is not None:  # export writes the parse, before corrections: a named file is still checked
                _corrections(args.people)
            return _reading_corpus(
                args, lambda: export(args.paths, args.format, args.output, not args.no_cache, args.quotes)
            )
        corrections = _corrections(getattr(args, "people", None))
        if args.command in TABLE_COMMANDS:
            return _reading_corpus(args, lambda: _table_command(args, corrections))
        if args.command == "stats":
            return _reading_corpus(args, lambda: _stats(args.paths, not args.no_cache))
        if args.command == "screenshots":
            from .screenshots import save_screenshots

            return save_screenshots(_picture_folder(Path(args.folder)))
    except UsageError as error:
        print(f"article-explorer: {error}", file=sys.stderr)
        return 2
    from .app import run_app
    from .corpus import bundled_corpus

    # A feed URL stays a string: as a Path it would lose the `//` of `https://`.
    paths = [p if is_url(p) else Path(p) for p in args.paths]
    chosen = paths or [bundled_corpus()]
    return run_app(chosen, cache=not args.no_cache, corrections=corrections)  # type: ignore[arg-type]


def _reading_corpus(args: argparse.Namespace, run: Callable[[], int]) -> int:
    """A command that reads a corpus; again from the files when its cache entry changed under it."""
    from .corpus import CacheEntryChanged

    try:
        return run()
    except CacheEntryChanged as error:
        if args.command == "export" and not args.output:
            print(f"article-explorer: {error} while it was exported: the output is incomplete; run again "
                  "(the entry is written anew) or add --no-cache", file=sys.stderr)  # fmt: skip
            return 1
        print(f"article-explorer: {error} while it was read: parsing the files again", file=sys.stderr)
        args.no_cache = True
        return run()


def _corrections(path: Path | None) -> Corrections:
    """The corrections file given, or the default one when it is there."""
    from .corpus import CorrectionsError, read_corrections

    try:
        return read_corrections(path, required=path is not None)
    except CorrectionsError as error:
        raise UsageError(str(error)) from None


def _table_command(args: argparse.Namespace, corrections: Corrections) -> int:
    from .corpus import PEOPLE_COLUMNS, QUOTE_COLUMNS, QueryError, people_records, quote_records

    if args.excel and args.format != "csv":
        raise UsageError("--excel is for --format csv")
    corpus = load(args.paths, not args.no_cache)
    if not len(corpus):
        return report_nothing_loaded(args.paths, corpus.report)
    corpus.set_corrections(corrections)
    columns: Sequence[str]
    found: list[dict] | tuple[list[dict], dict[str, int]] | QueryError  # people come with their gender counts
    if args.command == "quotes":
        found, columns = quote_records(corpus, args.filter), QUOTE_COLUMNS
    else:
        found, columns = people_records(corpus, args.filter), PEOPLE_COLUMNS
    if isinstance(found, QueryError):
        raise UsageError(f"--filter: {found.message} (at character {found.position + 1})")
    rows, genders = found if isinstance(found, tuple) else (found, None)
    failed = write_output(args.output, lambda out: write_rows(out, rows, columns, args.format, args.excel, genders))
    return failed or report_problems(corpus.report)


def command_line(argv: list[str]) -> list[str]:
    """The arguments with the command made explicit. A first word is a command only when no file
    or folder of that name is here: a corpus folder named `open` or `screenshots` must never be
    taken for the command (and written into). When it is both, it is refused unless `--` says
    which: `-- NAME` or `./NAME` is the path, `NAME --` the command (as in git)."""
    if not argv or argv[0] == "--":
        return ["open", *argv]
    first = argv[0]
    if first in ("-h", "--help"):
        return argv
    if first not in COMMANDS:
        return ["open", *argv]
    if os.path.lexists(first) and "--" not in argv[1:]:
        raise UsageError(
            f"'{first}' is a command and also a file or folder here: write ./{first} "
            f"(or -- {first}) to open it, or {first} -- to run the command"
        )
    return argv


def _existing(paths: list[str]) -> None:
    """A path that is not there is a usage error, not an empty corpus (a feed URL is fetched later:
    failing, it is a load-report entry)."""
    if not paths:
        raise UsageError("no PATH given (a file, a folder, a feed URL, or --newsboat)")
    for path in paths:
        if not is_url(path) and not os.path.exists(path):
            raise UsageError(f"no such file or folder: {path}")


def _with_newsboat(paths: list[str], newsboat: bool) -> list[str]:
    """The paths, and newsboat's cache.db at its default place when --newsboat asks for it."""
    if not newsboat:
        return paths
    from .corpus import default_newsboat_path

    where = default_newsboat_path()
    if not where.is_file():
        raise UsageError(f"--newsboat: no newsboat cache at {where}")
    return [*paths, str(where)]


PICTURE_SUFFIXES = frozenset({".svg", ".png"})


def _picture_folder(folder: Path) -> Path:
    """Screenshots go into a new folder or one that holds only pictures: never into a corpus."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is not a folder")
    if folder.is_dir():
        others = [p.name for p in folder.iterdir() if p.suffix.lower() not in PICTURE_SUFFIXES]
        if others:
            raise UsageError(
                f"{folder} holds other files than pictures ({others[0]}...): give screenshots a new folder"
            )
    return folder


def _stats(paths: list[str], cache: bool = True) -> int:
    corpus = load(paths, cache)
    if not len(corpus):
        return report_nothing_loaded(paths, corpus.report)
    lines = [f"{label:<12} {value:>8,}\n" for label, value in corpus_stats(corpus).items()]
    failed = write_output(None, lambda out: out.writelines(lines))
    return failed or report_problems(corpus.report)


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
        "skipped": sum(problem.skipped for problem in corpus.report.problems),
    }


if __name__ == "__main__":
    sys.exit(main())
