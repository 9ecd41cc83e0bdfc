"""Complexity benchmark: hostile input shapes, each parsed at N and 8N, with the ratio of CPU times.

    .venv/bin/python benchmarks/shapes.py                 # every shape, full sizes
    .venv/bin/python benchmarks/shapes.py --quick         # smaller sizes, a fast pass
    .venv/bin/python benchmarks/shapes.py --only mark_run,many_roles
    .venv/bin/python benchmarks/shapes.py --big quote_paragraph --mb 50   # one big input: time, peak memory

A linear parser takes about 8 times as long at 8N as at N; a quadratic one 64 times. A ratio above
10 is flagged. Times are CPU seconds of this process (`time.process_time`), parse only: the text is
built before the clock starts. A measurement over --timeout seconds is stopped and shown as such.
Every text is invented here; nothing comes from the evaluation data, except the `bbc_joined` shape,
which joins the BBC corpus articles from --shared when it is there.
"""

from __future__ import annotations

import argparse
import gc
import resource
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus.header import parse_date_value
from tui.corpus.parse import parse_text

_FLAG_RATIO = 10.0
_FLAG_SECONDS = 0.1  # a ratio is flagged only when 8N takes longer: shorter times are mostly the timer's noise
_PAUSE_GC = False  # --no-gc: parses timed with the garbage collector paused (as `make eval` times them)
_REPEATS_SMALL = 3  # parses at N; the least time counts
_REPEATS_LARGE = 2  # parses at 8N
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def invented(number: int, capital: bool = True) -> str:
    """A made-up word from a number ("Zabc"), different for every number, never a real name."""
    letters = ""
    number += 26 * 26
    while number:
        number, digit = divmod(number, 26)
        letters += _LETTERS[digit]
    return ("Z" if capital else "z") + letters


# Each shape: a text of about `n` repeats of its pattern, and optional JSON-like metadata.
Shape = Callable[[int], tuple[str, dict[str, str] | None]]


def _body(text: str) -> tuple[str, dict[str, str] | None]:
    return "A Title For The Test\n\n" + text, None


def quote_paragraph(n: int):
    return _body('word "quoted bit" said Ann Lee. ' * n)


def quote_paragraph_lines(n: int):
    return _body('word "quoted bit" said Ann Lee.\n\n' * n)


def mark_run(n: int):
    return _body("Ann Lee said the plan was fine" + "." * (n * 10) + " the end.")


def bang_run(n: int):
    return _body("Ann Lee said the plan was fine" + "!" * (n * 10) + " the end.")


def mixed_mark_run(n: int):
    return _body("Ann Lee said it" + ".?!" * (n * 4) + "\" x. The end.")


def many_roles(n: int):
    return _body("".join(f'{invented(k)} spokesman Ann Lee met them. "We are fine," the spokesman said. '
                         for k in range(n)))


def many_verbs_no_commas(n: int):
    return _body("Ann Lee said officials said the " * n + "it was over.")


def capitalised_run_org(n: int):
    return _body("It is " + " ".join(invented(k) for k in range(n)) + " Delta Bank, they said.")


def capitalised_run_cues(n: int):
    return _body(" ".join(f"{invented(k)} said" for k in range(n)) + " it.")


def capitalised_run_plain(n: int):
    return _body("It is " + " ".join(invented(k) for k in range(n)) + " here.")


def first_names(n: int):
    people = "".join(f"Anna {invented(k)} spoke. " for k in range(n))
    lone = "It was fine, Anna said. " * n
    return _body(people + lone)


def shared_first_word(n: int):
    return _body("".join(f"Anna {invented(k)} said it. " for k in range(n)) + "Then Zed Anna left. " * n)


def many_verbs(n: int):
    return _body("officials said the, " * n + "it was over.")


def many_verbs_sentences(n: int):
    return _body("Officials said the talks had failed, Ann Lee said. " * n)


def json_date(n: int):
    return "Body text here.", {"date": "1" * (n * 20)}


def json_date_words(n: int):
    return "Body text here.", {"date": "Jan 5 2020 " * n}


def nested_quotes(n: int):
    return _body('She said "a \'b "c \u201cd \u00abe ' * n + "end.")


def straight_quote_run(n: int):
    return _body('Ann said ' + '"' * (n * 10) + " it.")


def unicode_quotes(n: int):
    return _body("\u201cOne thing,\u201d said Ann Lee. \u00abTwo\u00bb, he said. \u201eThree\u201c. " * n)


def open_quotes_paragraphs(n: int):
    return _body("\u201cThis goes on and on and it goes on\n\n" * n)


def paragraphs(n: int):
    return _body('"We are fine," Ann Lee said.\n\nThe rest of it was calm.\n\n' * n)


def huge_sentence(n: int):
    return _body("the cat sat on the mat and " * (n * 2) + "said Ann Lee.")


def huge_words(n: int):
    return _body("Ann said " + "x" * (n * 50) + " and " + "Y" * (n * 50) + ".")


def pronouns(n: int):
    return _body("Ann Lee arrived. " + '"Fine," he said. "Good," she said. ' * n)


def many_orgs(n: int):
    return _body("".join(f"{invented(k)} Bank said it grew. " for k in range(n)) + "The bank said no. " * n)


def many_people(n: int):
    return _body("".join(f"{invented(k)} {invented(k + 7)} said it was fine. " for k in range(n)))


def many_people_then_surnames(n: int):
    people = "".join(f"Anna {invented(k)} came. " for k in range(n))
    return _body(people + "".join(f"{invented(k)} said it was fine. " for k in range(n)))


def deep_parentheses(n: int):
    return _body("Ann Lee (" * n + "said" + ")" * n + " it.")


def colons(n: int):
    return _body("Ann Lee said: " * n + '"fine."')


def dashes(n: int):
    return _body("Ann Lee \u2014 said \u2013 " * n + "\u2015 Ann Lee")


def commas(n: int):
    return _body("Ann Lee, " * n + "said it.")


def according_to(n: int):
    return _body("According to Ann Lee, " * n + "it was fine.")


def abbreviations(n: int):
    return _body("Mr. Dr. U.S. Inc. " * n + "said it.")


def initials(n: int):
    return _body(" ".join(f"{chr(65 + k % 26)}." for k in range(n * 4)) + " Lee said it.")


def dotted_word(n: int):
    return _body("Ann said " + "U.S." * (n * 10) + " fine.")


def hyphen_chain(n: int):
    return _body("Ann said " + "-".join(invented(k) for k in range(n)) + " fine.")


def participles(n: int):
    return _body("Ann Lee left, saying " * n + "it was fine.")


def wire_lines(n: int):
    return "".join(f"LONDON (Reuters) - {invented(k)} said it.\n" for k in range(n)), None


def whitespace(n: int):
    return _body("Ann said\n" + " \t" * (n * 20) + "\n" + " " * (n * 20) + "fine.")


def blank_lines(n: int):
    return _body("Ann said it.\n" + "\n \n" * (n * 5) + "fine.")


def apostrophes(n: int):
    return _body("Ann Lee's " * n + "dog's said it.")


def possessive_runs(n: int):
    return _body(" ".join(f"{invented(k)}'s" for k in range(n)) + " said it.")


def long_name_runs(n: int):
    return _body("".join(f"Said {invented(k)} {invented(k + 1)} {invented(k + 2)} of the {invented(k + 3)} Bank. "
                         for k in range(n)))


def connector_runs(n: int):
    return _body("Bank " + " of the ".join(invented(k) for k in range(n)) + " said it.")


def bbc_joined(n: int, shared: Path | None = None):
    folder = (shared or ROOT.parent / "shared") / "corpora" / "bbc"
    files = sorted(folder.rglob("*.txt"))
    if not files:
        return None
    texts: list[str] = []
    for path in files:
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
        if sum(map(len, texts)) >= n * 400:
            break
    return "\n\n".join(texts), None


SHAPES: dict[str, tuple[Shape, int]] = {  # name -> (builder, N for a full run)
    "quote_paragraph": (quote_paragraph, 4000),
    "quote_paragraph_lines": (quote_paragraph_lines, 4000),
    "mark_run": (mark_run, 4000),
    "bang_run": (bang_run, 4000),
    "mixed_mark_run": (mixed_mark_run, 4000),
    "many_roles": (many_roles, 1000),
    "capitalised_run_org": (capitalised_run_org, 4000),
    "capitalised_run_cues": (capitalised_run_cues, 4000),
    "capitalised_run_plain": (capitalised_run_plain, 4000),
    "first_names": (first_names, 4000),
    "bbc_joined": (bbc_joined, 2000),
    "shared_first_word": (shared_first_word, 4000),
    "many_verbs": (many_verbs, 4000),
    "many_verbs_no_commas": (many_verbs_no_commas, 4000),
    "many_verbs_sentences": (many_verbs_sentences, 4000),
    "json_date": (json_date, 4000),
    "json_date_words": (json_date_words, 4000),
    "nested_quotes": (nested_quotes, 4000),
    "straight_quote_run": (straight_quote_run, 4000),
    "unicode_quotes": (unicode_quotes, 4000),
    "open_quotes_paragraphs": (open_quotes_paragraphs, 4000),
    "paragraphs": (paragraphs, 4000),
    "huge_sentence": (huge_sentence, 4000),
    "huge_words": (huge_words, 4000),
    "pronouns": (pronouns, 4000),
    "many_orgs": (many_orgs, 4000),
    "many_people": (many_people, 4000),
    "many_people_then_surnames": (many_people_then_surnames, 4000),
    "deep_parentheses": (deep_parentheses, 4000),
    "colons": (colons, 4000),
    "dashes": (dashes, 4000),
    "commas": (commas, 4000),
    "according_to": (according_to, 4000),
    "abbreviations": (abbreviations, 4000),
    "initials": (initials, 4000),
    "dotted_word": (dotted_word, 4000),
    "hyphen_chain": (hyphen_chain, 4000),
    "participles": (participles, 4000),
    "wire_lines": (wire_lines, 4000),
    "whitespace": (whitespace, 4000),
    "blank_lines": (blank_lines, 4000),
    "apostrophes": (apostrophes, 4000),
    "possessive_runs": (possessive_runs, 4000),
    "long_name_runs": (long_name_runs, 4000),
    "connector_runs": (connector_runs, 4000),
}


class _TimedOut(Exception):
    pass


def _on_timeout(signum, frame):
    raise _TimedOut


def build(name: str, n: int, shared: Path | None) -> tuple[str, dict[str, str] | None] | None:
    builder = SHAPES[name][0]
    return builder(n, shared) if builder is bbc_joined else builder(n)  # type: ignore[call-arg]


def parse_once(text: str, meta: dict[str, str] | None) -> None:
    parse_text(text, meta=meta)
    if meta and "date" in meta:
        parse_date_value(meta["date"])


def timed(text: str, meta: dict[str, str] | None, timeout: float) -> float | None:
    """CPU seconds of one parse, or None past `timeout` CPU seconds."""
    gc.collect()
    if _PAUSE_GC:
        gc.disable()
    signal.signal(signal.SIGPROF, _on_timeout)
    signal.setitimer(signal.ITIMER_PROF, timeout)
    began = time.process_time()
    try:
        parse_once(text, meta)
    except _TimedOut:
        return None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        gc.enable()
    return time.process_time() - began


def warm_up() -> None:
    """Load the lexicons and fill the caches once, so that the first shape timed does not pay for them."""
    parse_once('"Fine," said Ann Lee of Acme Bank in London. He said it was so.', {"date": "2020-01-05"})
    # The lexicons are loaded once a process: the garbage collector need not walk them at every
    # full collection, which would make a parse's time depend on their size as well as its own.
    gc.collect()
    gc.freeze()


def best_of(repeats: int, text: str, meta: dict[str, str] | None, timeout: float) -> float | None:
    """The least CPU time of `repeats` parses: the others paid for a neighbour's load on the machine."""
    times = [timed(text, meta, timeout) for _ in range(repeats)]
    return None if None in times else min(times)  # type: ignore[type-var]


def run_shapes(names: list[str], scale: float, timeout: float, shared: Path | None) -> int:
    warm_up()
    print(f"{'shape':<28} {'N':>7} {'chars N':>10} {'s at N':>8} {'chars 8N':>10} {'s at 8N':>8} {'ratio':>7} "
          f"{'per 8x chars':>12}")
    flagged = 0
    for name in names:
        n = max(1, int(SHAPES[name][1] * scale))
        small, large = build(name, n, shared), build(name, 8 * n, shared)
        if small is None or large is None:
            print(f"{name:<28} skipped: no data")
            continue
        t_small = best_of(_REPEATS_SMALL, *small, timeout)
        t_large = best_of(_REPEATS_LARGE, *large, timeout) if t_small is not None else None
        size_small, size_large = _size(*small), _size(*large)
        ratio = t_large / max(t_small, 1e-3) if t_small is not None and t_large is not None else None
        # invented words grow longer with N: the text at 8N may be more than 8 times as long
        sized = ratio * 8 * size_small / size_large if ratio is not None else None
        bad = sized is None or sized > _FLAG_RATIO and t_large > _FLAG_SECONDS
        flagged += bad
        print(f"{name:<28} {n:>7} {size_small:>10,} {_seconds(t_small, timeout):>8} {size_large:>10,} "
              f"{_seconds(t_large, timeout):>8} {_ratio(ratio):>7} {_ratio(sized):>12}{'  <-- FLAG' if bad else ''}",
              flush=True)
    print(f"shapes: {len(names)}, flagged (ratio per 8 times the characters > {_FLAG_RATIO:g} with over "
          f"{_FLAG_SECONDS:g} s at 8N, or time-out): {flagged}")
    return 1 if flagged else 0


def _size(text: str, meta: dict[str, str] | None) -> int:
    """Characters of the input: the text and its metadata."""
    return len(text) + sum(map(len, (meta or {}).values()))


def _seconds(value: float | None, timeout: float) -> str:
    return f">{timeout:g}" if value is None else f"{value:.3f}"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def run_big(name: str, megabytes: float, shared: Path | None, path: Path | None) -> int:
    """Build an input of `megabytes` of one shape, write it to `path` if given, parse it once."""
    target = int(megabytes * 1_000_000)
    n = max(1, int(SHAPES[name][1]))
    sample = build(name, n, shared)
    if sample is None:
        print(f"{name}: no data")
        return 1
    n = max(1, int(n * target / max(1, len(sample[0].encode()))))
    text, meta = build(name, n, shared)  # type: ignore[misc]
    if path is not None:
        path.write_text(text, encoding="utf-8")
        text = path.read_text(encoding="utf-8")
    warm_up()
    began_wall, began = time.perf_counter(), time.process_time()
    parse_once(text, meta)
    seconds, wall = time.process_time() - began, time.perf_counter() - began_wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"{name}: {len(text.encode()) / 1e6:.1f} MB parsed in {seconds:.1f} CPU s ({wall:.1f} s wall), "
          f"peak memory {peak:,.0f} MB")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast pass: N a quarter of the full size")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    parser.add_argument("--timeout", type=float, default=60.0, help="CPU seconds before a parse is stopped")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (for bbc_joined)")
    parser.add_argument("--big", metavar="SHAPE", help="parse one input of this shape of --mb megabytes")
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--write", type=Path, default=None, help="with --big: write the input here and read it back")
    parser.add_argument("--list", action="store_true", help="the shape names")
    parser.add_argument("--no-gc", action="store_true", help="time with the garbage collector paused")
    args = parser.parse_args()
    global _PAUSE_GC
    _PAUSE_GC = args.no_gc
    if args.list:
        print("\n".join(SHAPES))
        return 0
    if args.big:
        if args.big not in SHAPES:
            parser.error(f"unknown shape {args.big!r}; --list gives them")
        return run_big(args.big, args.mb, args.shared, args.write)
    names = [n for n in args.only.split(",") if n] or list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(unknown)}")
    return run_shapes(names, 0.25 if args.quick else 1.0, args.timeout, args.shared)


if __name__ == "__main__":
    sys.exit(main())
