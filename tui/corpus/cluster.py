"""Parsing on a Dask cluster (`export --cluster`): the corpus split into partitions, each parsed on
a worker and written there as one file of OUTDIR, the load report merged here.

Dask (`dask.distributed`, the `cluster` extra) is imported only when a cluster is asked for, so the
core imports without it. Every worker must see the input files and OUTDIR at the same paths as
this machine (a shared file system; on one machine, trivially).

- Partitions: the loader's walk lists the files with their ids; plain files go in groups of about
  PARTITION_BYTES; a JSON Lines or Parquet file is split by record ranges of about that size;
  any other container (a JSON list, a feed, a web archive, a newsboat cache) is one partition.
- Ids: a plain file's id is given by the walk. A container's records claim theirs from the
  load's id book in load order (`~2` for a second `x`); a worker cannot see the other
  partitions, so it keeps each record's wanted id and this side claims them all, in partition
  order, as a local load would; a partition whose ids change is rewritten with the final ones.
- Output: each worker writes `.part-NNNNN.<fmt>.<token>.tmp` in OUTDIR; once every partition is
  in, they are renamed to `part-NNNNN.<fmt>` and the parts of a previous run that this one did
  not write are removed. A failed run (or one with no article) leaves OUTDIR as it was.
- Lexicons: loaded once a worker process (the loader's own caches), at start (`client.run`),
  timed, so their cost is known and not paid in the first partition.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .cluster_tasks import (
    Partition,
    PartResult,
    rename_ids,
    run_partition,
    warm_lexicons,
)
from .decode import decode_bytes
from .load import MAX_FILE_BYTES
from .models import LoadReport
from .walk import FoundFile, IdBook, find_files, is_container

# About a quarter of a second of parsing: enough partitions to share out evenly (the last ones
# finish close together), few enough that the scheduler's few milliseconds a task do not count.
PARTITION_BYTES = 500_000
CLUSTER_FORMATS = ("jsonl", "parquet")
LOCAL = "local"  # --cluster local: a LocalCluster of worker processes on this machine
LOOPBACK = "127.0.0.1"  # a local cluster listens here only
CONNECT_SECONDS = 20
SPLIT_SUFFIXES = (".jsonl", ".ndjson", ".parquet")  # containers split by record ranges
PART_NAME = re.compile(r"part-\d{5,}\.(?:jsonl|parquet)")
TEMPORARY_NAME = re.compile(r"\.part-\d{5,}\.(?:jsonl|parquet)\.[0-9a-f]+\.tmp")

Progress = Callable[[int, int], None]  # (partitions done, partitions in all)


class ClusterError(Exception):
    """An export the cluster cannot run as asked (a bad OUTDIR, no cluster at the address), or a
    partition that could not be written: one line for the user."""


@dataclass
class ClusterExport:
    report: LoadReport
    articles: int
    partitions: int
    outputs: list[str]
    lexicon_seconds: dict[str, float]  # each worker's lexicon load
    parse_seconds: float  # the sum over partitions, of reading, parsing and writing
    cpu_seconds: float  # the same in CPU time of the workers' task threads
    seconds: float  # the whole run, from the first partition sent to the last file renamed


# -- this side: plan, run, merge -----------------------------------------------------------------


def export_on_cluster(
    paths: Sequence[str | Path],
    outdir: str | Path,
    *,
    address: str = LOCAL,
    workers: int = 2,
    fmt: str = "jsonl",
    progress: Progress | None = None,
) -> ClusterExport:
    """Parse `paths` on the cluster at `address` (or a new local one of `workers` processes) into
    one `fmt` file a partition in `outdir`. Raises ClusterError; a load problem is in the report."""
    if fmt not in CLUSTER_FORMATS:
        raise ClusterError(f"--cluster writes {' or '.join(CLUSTER_FORMATS)}, not {fmt}")
    out = check_outdir(paths, outdir)
    report = LoadReport()
    partitions = plan_partitions(paths, report)
    book = next((p.files[0].ids for p in partitions if p.files[0].ids is not None), None) or IdBook()
    with _connect(address, workers) as client:
        lexicons = client.run(warm_lexicons)
        started = time.perf_counter()
        results = _run(client, partitions, str(out), fmt, progress)
        try:
            _final_ids(client, results, partitions, book, fmt)
        except BaseException:
            _discard(results)
            raise
    report = _merged(report, results)
    written = _commit(out, results, fmt) if report.articles else _discard(results)
    return ClusterExport(
        report,
        report.articles,
        len(partitions),
        written,
        lexicons,
        sum(r.parse_seconds for r in results),
        sum(r.cpu_seconds for r in results),
        time.perf_counter() - started,
    )


def check_outdir(paths: Sequence[str | Path], outdir: str | Path) -> Path:
    """OUTDIR, created: a new folder or a previous output; never an input folder, in or around one."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise ClusterError(f"{out} is not a folder")
    real = os.path.realpath(out)
    for path in paths:
        if isinstance(path, str) and "://" in path:
            continue
        inside = os.path.realpath(path)
        if real == inside or _below(real, inside) or _below(inside, real):
            raise ClusterError(f"{out} is in, or holds, the input {path}: give the output a folder of its own")
    if out.is_dir():
        ours = (PART_NAME, TEMPORARY_NAME)
        others = [p.name for p in out.iterdir() if not any(name.fullmatch(p.name) for name in ours)]
        if others:
            raise ClusterError(
                f"{out} holds other files than a previous cluster export ({others[0]}...): give a new folder"
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ClusterError(f"cannot create {out}: {error.strerror or error}") from None
    return out


def _below(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def plan_partitions(paths: Sequence[str | Path], report: LoadReport) -> list[Partition]:
    """The walk's files in load order, as partitions (see the module note)."""
    partitions: list[Partition] = []
    group: list[FoundFile] = []
    size = 0

    def close_group() -> None:
        nonlocal group, size
        if group:
            partitions.append(Partition(len(partitions), tuple(group)))
        group, size = [], 0

    for found in find_files(paths, report):
        if found.url:
            raise ClusterError(f"--cluster reads files and folders, not feed URLs ({found.url})")
        if not is_container(found):
            group.append(found)
            size += _file_size(found)
            if size >= PARTITION_BYTES:
                close_group()
            continue
        close_group()
        shares = _shares(found)
        for number, share in enumerate(shares):
            partitions.append(Partition(len(partitions), (found,), share, counts_file=number == 0))
    close_group()
    return partitions


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # a worker reports it


def _shares(path: FoundFile) -> list[tuple[int, int] | None]:
    """Record ranges of about PARTITION_BYTES each for a JSON Lines or Parquet file; [None] (the
    whole file, as the loader reads it) for another container, a small one, or one that cannot be
    measured here (the worker that reads it reports why)."""
    size = _file_size(path)
    if size <= PARTITION_BYTES or size > MAX_FILE_BYTES or not str(path).lower().endswith(SPLIT_SUFFIXES):
        return [None]
    try:
        starts = _parquet_starts(path, size) if path.suffix.lower() == ".parquet" else _line_starts(path)
    except (OSError, ValueError):
        return [None]
    if len(starts) < 3:
        return [None]
    return [(first, stop) for first, stop in zip(starts, starts[1:], strict=False)]


def _line_starts(path: Path) -> list[int]:
    """Line numbers (0-based) where shares of a JSON Lines file start, and the line count last:
    lines as the loader counts them, after decoding (a lone CR ends a line)."""
    from . import formats

    data = path.read_bytes()
    text = decode_bytes(data).text
    if text is None or formats.reader_for(path, data[: formats.SNIFF_BYTES]) is not None:
        raise ValueError("not JSON Lines")
    starts, size = [0], 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        size += len(line) + 1
        if size >= PARTITION_BYTES:
            starts.append(number + 1)
            size = 0
    if starts[-1] != len(lines):
        starts.append(len(lines))
    return starts


def _parquet_starts(path: Path, size: int) -> list[int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except pa.ArrowException as error:
        raise ValueError(str(error)) from None
    step = max(1, rows * PARTITION_BYTES // size)
    return [*range(0, rows, step), rows]


def _connect(address: str, workers: int):
    """A client of the cluster at `address`, or of a new LocalCluster (closed with the client)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'article-explorer[cluster]'") from None
    import logging

    try:
        if address != LOCAL:
            return Client(address, timeout=CONNECT_SECONDS)
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return _LocalClient(Client(cluster), cluster)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the cluster at {address}: {error}") from None


class _LocalClient:
    """A client that closes its own LocalCluster when done."""

    def __init__(self, client, cluster) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self):
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def _run(client, partitions: list[Partition], outdir: str, fmt: str, progress: Progress | None) -> list[PartResult]:
    from dask.distributed import as_completed

    token = secrets.token_hex(6)
    futures = [
        client.submit(run_partition, p, outdir, fmt, token, key=f"article-explorer-{token}-{p.number}", pure=False)
        for p in partitions
    ]
    results: list[PartResult] = []
    try:
        for done, future in enumerate(as_completed(futures), 1):
            results.append(future.result())
            if progress:
                progress(done, len(partitions))
    except Exception as error:
        client.cancel(futures)
        _discard(results)
        raise ClusterError(f"the cluster failed: {type(error).__name__}: {error}") from None
    results.sort(key=lambda r: r.number)
    failed = next((r for r in results if r.error), None)
    if failed:
        _discard(results)
        raise ClusterError(failed.error)
    return results


def _final_ids(client, results: list[PartResult], partitions: list[Partition], book: IdBook, fmt: str) -> None:
    """Claim the containers' record ids in load order, as a local load does, in the walk's id book
    (which holds the plain files' ids); rewrite the partitions whose records' ids change (`x~2`)."""
    rewrites = []
    for result, partition in zip(results, partitions, strict=True):
        if not partition.claims_ids:
            continue
        final = [book.claim(wanted) for wanted in result.claims]
        if final != result.claims:
            dropped = set(result.dropped)
            kept = [identity for number, identity in enumerate(final) if number not in dropped]
            rewrites.append(client.submit(rename_ids, result.temporary, fmt, kept, pure=False))
    for future in rewrites:
        error = future.result()
        if error:
            raise ClusterError(error)


def _merged(report: LoadReport, results: list[PartResult]) -> LoadReport:
    for result in results:
        report.files += result.files
        report.articles += result.articles
        report.problems.extend(result.problems)
    return report


def _commit(out: Path, results: list[PartResult], fmt: str) -> list[str]:
    """Rename every partition to its name; remove what a previous run left beyond them (and the
    temporaries of a run that was interrupted)."""
    names = [f"part-{r.number:05d}.{fmt}" for r in results]
    try:
        for result, name in zip(results, names, strict=True):
            os.replace(result.temporary, out / name)
        for stale in out.iterdir():
            if (PART_NAME.fullmatch(stale.name) and stale.name not in names) or TEMPORARY_NAME.fullmatch(stale.name):
                stale.unlink()
    except OSError as error:
        raise ClusterError(f"cannot write {out}: {error.strerror or error}") from None
    return [str(out / name) for name in names]


def _discard(results: list[PartResult]) -> list[str]:
    for result in results:
        if result.temporary:
            with contextlib.suppress(OSError):
                os.unlink(result.temporary)
    return []
