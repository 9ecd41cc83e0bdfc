"""The workers' side of `export --cluster` (cluster.py): one partition read, parsed and written
into OUTDIR under a temporary name; the lexicons loaded once a worker process. Dask calls these by
reference, so every worker has article-explorer installed; nothing here imports Dask.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from .export import write_jsonl
from .load import read_file, read_records
from .models import Article, LoadProblem, LoadReport
from .parsing import parse_within_budget
from .sources import Source
from .walk import FoundFile, IdBook, is_container


@dataclass(frozen=True)
class Partition:
    number: int
    files: tuple[FoundFile, ...]  # plain files; or one container, whole or a share of it
    records: tuple[int, int] | None = None  # the share: records first..stop (0-based, stop excluded)
    counts_file: bool = True  # False for a container's later shares: the file counts once

    @property
    def claims_ids(self) -> bool:
        return is_container(self.files[0])


@dataclass
class PartResult:
    """What a worker did with one partition (sent back here: small, no articles)."""

    number: int
    temporary: str  # its file in OUTDIR, still under its temporary name
    articles: int = 0
    files: int = 0
    problems: list[LoadProblem] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)  # container records' wanted ids, in order
    dropped: list[int] = field(default_factory=list)  # claims whose article the parser failed on
    parse_seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the task's thread: what the partition cost, however busy the machine
    error: str = ""  # the partition could not be written


_lexicon_seconds: float | None = None  # this process's lexicon load, once


def warm_lexicons() -> float:
    """Load the lexicons in this worker process (once) and say how long that took."""
    global _lexicon_seconds
    if _lexicon_seconds is None:
        from .parsing.lexicon import first_name_gender, places

        started = time.perf_counter()
        places(), first_name_gender()
        _lexicon_seconds = time.perf_counter() - started
    return _lexicon_seconds


class _WantedIds(IdBook):
    """An id book that gives every record the id it asks for and remembers the asks, in order:
    the final ids are claimed on the client, where every partition's asks are known."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def claim(self, wanted: str) -> str:
        self.asked.append(wanted)
        return wanted


def run_partition(partition: Partition, outdir: str, fmt: str, token: str) -> PartResult:
    """Read, parse and write one partition (in a worker)."""
    warm_lexicons()
    started, cpu = time.perf_counter(), time.thread_time()
    result = PartResult(partition.number, os.path.join(outdir, f".part-{partition.number:05d}.{fmt}.{token}.tmp"))
    report = LoadReport()
    asked = _WantedIds()
    articles = list(_parsed(_sources(partition, report, asked), result, partition.claims_ids))
    result.files, result.articles = (len(partition.files) if partition.counts_file else 0), len(articles)
    result.problems, result.claims = report.problems + result.problems, asked.asked
    try:
        _write_partition(articles, result.temporary, fmt)
    except OSError as error:
        result.error = f"cannot write {result.temporary}: {error.strerror or error}"
    result.parse_seconds, result.cpu_seconds = time.perf_counter() - started, time.thread_time() - cpu
    return result


def _sources(partition: Partition, report: LoadReport, asked: _WantedIds) -> Iterator[Source]:
    for given in partition.files:
        found = FoundFile(given)  # a copy: in a scheduler of this process, the partition is the client's own
        found.article_id = given.article_id
        if partition.claims_ids:
            found.ids = asked
        if partition.records is None:
            yield from read_file(found, report)
        else:
            yield from read_records(found, report, *partition.records)


def _parsed(sources: Iterator[Source], result: PartResult, claims: bool) -> Iterator[Article]:
    for number, source in enumerate(sources):
        parsed = parse_within_budget(source)  # a parser bug or a stall costs one article, as in a local load
        if isinstance(parsed, LoadProblem):
            result.problems.append(parsed)
            if claims:
                result.dropped.append(number)
            continue
        article, notes = parsed
        result.problems.extend(LoadProblem(path=source.path, reason="partly parsed", detail=n) for n in notes)
        yield article


def _write_partition(articles: list[Article], temporary: str, fmt: str) -> None:
    if fmt == "parquet":
        from .formats import write_articles_parquet

        with open(temporary, "wb") as out:
            write_articles_parquet(articles, out)
            out.flush()
            os.fsync(out.fileno())
        return
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        write_jsonl(articles, out)
        out.flush()
        os.fsync(out.fileno())


def rename_ids(temporary: str, fmt: str, ids: list[str]) -> str:
    """Give a written partition's articles their final ids, in order (in a worker); "" or an error."""
    try:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pq.read_table(temporary)
            renamed = table.set_column(table.schema.get_field_index("id"), "id", pa.array(ids, pa.string()))
            pq.write_table(renamed.replace_schema_metadata(table.schema.metadata), temporary + ".ids")
        else:
            with (
                open(temporary, encoding="utf-8") as source,
                open(temporary + ".ids", "w", encoding="utf-8", newline="") as out,
            ):
                for line, identity in zip(source, ids, strict=True):
                    out.write(json.dumps({**json.loads(line), "id": identity}, ensure_ascii=False) + "\n")
        os.replace(temporary + ".ids", temporary)
    except OSError as error:
        return f"cannot write {temporary}: {error.strerror or error}"
    return ""
