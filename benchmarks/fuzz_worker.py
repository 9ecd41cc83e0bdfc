"""One `fuzz.py` worker process: its state (the bundled articles the inputs mutate, their index,
a scratch folder), making input NUMBER of a target, and running a chunk of inputs under a time-out."""

from __future__ import annotations

import base64
import random
import signal
import tempfile
import time
import traceback
import warnings
from pathlib import Path

from fuzz_fragments import article_text
from fuzz_inputs import file_bytes, query_text
from fuzz_targets import TimedOut, run_bytes, run_file, run_parse, run_query

from tui.corpus import Corpus, iter_sources, parse_source
from tui.corpus.export import article_record

# Set by init_worker in each process: the bundled articles' texts (mutated into inputs), six of
# them as `export` writes them (broken into JSON rows), their index (queries run on it), and a
# scratch folder for the file target.
SEEDS: list[str] = []
EXPORTED: list[dict] = []
INDEX = Corpus().index
FOLDER = Path()


def init_worker(timeout: float) -> None:
    global INDEX, FOLDER
    from tui.corpus import bundled_corpus

    corpus = Corpus()
    for source in iter_sources([bundled_corpus()], corpus.report):
        corpus.add(parse_source(source))
    SEEDS.extend(a.text for a in corpus.articles)
    EXPORTED.extend(article_record(a) for a in corpus.articles[:6])
    INDEX = corpus.index
    FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-"))
    warnings.simplefilter("ignore")  # dateutil warns about time zones it does not know

    def alarm(signum, frame):  # noqa: ANN001
        raise TimedOut(f"over {timeout} s")

    signal.signal(signal.SIGALRM, alarm)


def make_input(target: str, number: int, seed: int) -> object:
    rng = random.Random(f"{seed}:{target}:{number}")
    if target in ("bytes", "file"):
        return file_bytes(rng, SEEDS, EXPORTED)
    if target == "parse":
        return article_text(rng, SEEDS)
    return query_text(rng)


def run_one(target: str, value: object) -> None:
    if target == "bytes":
        run_bytes(*value)  # type: ignore[misc]
    elif target == "file":
        run_file(FOLDER, *value)  # type: ignore[misc]
    elif target == "parse":
        run_parse(value)  # type: ignore[arg-type]
    else:
        run_query(value, INDEX)  # type: ignore[arg-type]


def run_chunk(job: tuple[str, int, int, int, float]) -> tuple[str, int, list[dict], float]:
    target, start, count, seed, timeout = job
    crashes: list[dict] = []
    slowest = 0.0
    for number in range(start, start + count):
        value = make_input(target, number, seed)
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            run_one(target, value)
        except BaseException as error:  # noqa: BLE001  everything counts, even RecursionError
            signal.setitimer(signal.ITIMER_REAL, 0)
            if isinstance(error, KeyboardInterrupt):
                raise
            crashes.append(_crash(target, number, value, error))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        slowest = max(slowest, time.perf_counter() - began)
    return target, count, crashes, slowest


def _crash(target: str, number: int, value: object, error: BaseException) -> dict:
    frames = traceback.extract_tb(error.__traceback__)
    where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "/tui/" in f.filename), "?")
    raw = value[0] if isinstance(value, tuple) else str(value).encode("utf-8", "surrogatepass")
    return {
        "target": target,
        "number": number,
        "error": f"{type(error).__name__}: {str(error)[:200]}",
        "where": where,
        "size": len(raw),
        "input": base64.b64encode(raw[:4096]).decode(),
        "suffix": value[1] if isinstance(value, tuple) else "",
    }
