"""Fuzz the loader, the parser and the filter language with generated hostile input.

    .venv/bin/python benchmarks/fuzz.py                  # 1,000,000 inputs on every core
    .venv/bin/python benchmarks/fuzz.py -n 20000 -j 1    # a quick run
    .venv/bin/python benchmarks/fuzz.py --replay parse:1234   # one input again, with its traceback

Every input is made from its target and number alone (a seeded `random.Random`), so any crash
is reproduced by `--replay TARGET:NUMBER`. Inputs are grammar-aware: fragments of news prose
(names, reporting verbs, quotation marks of every kind, datelines, wire tags) mixed with what
scrapes bring (control characters, ANSI and OSC sequences, markup, right-to-left and combining
text, emoji, CJK, NUL), mutations of the bundled articles, bytes in every encoding the loader
knows and then corrupted, JSON rows of the wrong shape, and exported articles with broken offsets.

Targets (shares of the total):
  bytes   decode_bytes + parse, or the JSON Lines reader, all in memory       35%
  file    real files through the loader (a smaller share: file writes are slow)     1%
  parse   text straight into parse_text, then export and re-open                39%
  query   the filter language: a Query or an error with a position            25%

A crash is an exception, a time-out (--timeout seconds for one input) or a broken guarantee:
an offset outside the text, overlapping quotes, an export that does not re-open equal, a file
that gives neither an article nor a load-report entry, a query error outside the query.
The last line is the summary: "fuzz: 1,000,000 inputs, 0 crashes".
"""

from __future__ import annotations

import argparse
import base64
import codecs
import hashlib
import json
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus import Corpus, LoadReport, iter_sources, parse_source, parse_text  # noqa: E402
from tui.corpus.decode import decode_bytes  # noqa: E402
from tui.corpus.export import article_record  # noqa: E402
from tui.corpus.load import SourceText, _json_sources  # noqa: E402
from tui.corpus.models import Article, offset_problems  # noqa: E402
from tui.corpus.query import Query, QueryError  # noqa: E402
from tui.corpus.query.lexer import lex as _lex  # noqa: E402
from tui.corpus.query.parser import _Parser  # noqa: E402
from tui.corpus.query.values import Fail as _Fail  # noqa: E402

SHARES = (("bytes", 0.35), ("file", 0.01), ("parse", 0.39), ("query", 0.25))
CHUNK = 2000

# -- fragments --------------------------------------------------------------------------------

NAMES = [
    "Emmanuel Macron",
    "Macron",
    "Dmitry Peskov",
    "Peskov",
    "Anna Lind",
    "Mr Smith",
    "Ms Berg",
    "Vladimir Putin",
    "the Kremlin",
    "Reuters",
    "EU",
    "European Union",
    "Paris",
    "Moscow",
    "O'Neill",
    "Jean-Luc Picard",
    "Al-Sayed",
    "van der Berg",
    "MacDonald",
    "Dr",
    "President",
    "Prime Minister",
    "spokesman",
    "French President Emmanuel Macron",
    "Kremlin spokesman Dmitry Peskov",
    "Mrs",
    "St.",
    "Ukrainians",
    "Europeans",
    "World Health Organization",
    "UN",
    "Haute-Saone",
    "U.S.",
    "Sen.",
]
VERBS = [
    "said",
    "told",
    "added",
    "says",
    "warned",
    "according to",
    "stated",
    "claimed",
    "explained",
    "informed",
    "asked",
    "noted",
    "insisted",
    "said that",
    "told reporters",
    "he said",
    "she added",
    "they said",
    "it said",
    "he added",
    "she told",
    "said in a statement",
    "denied",
]
WORDS = [
    "the",
    "a",
    "of",
    "and",
    "in",
    "on",
    "Monday",
    "Wednesday",
    "talks",
    "will",
    "not",
    "be",
    "is",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "I",
    "his",
    "her",
    "Mr.",
    "no.",
    "e.g.",
    "etc.",
    "vs.",
    "1.5",
    "2026",
    "%",
    "$5m",
    "£3bn",
    "one",
    "two",
    "People",
    "THE",
    "A.",
    "B.",
    "i.e.",
    "...",
    "…",
]
QUOTES = [
    '"',
    '"',
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u201a",
    "\u300c",
    "\u300d",
    "``",
    "''",
    "\u2039",
    "\u203a",
    "\uff02",
    "\u201f",
    "\u2033",
]
PUNCT = [
    ",",
    ".",
    ":",
    ";",
    " - ",
    " \u2013 ",
    " \u2014 ",
    "(",
    ")",
    "[",
    "]",
    "?",
    "!",
    "/",
    "&",
    "*",
    "#",
    "@",
    "\\",
    "|",
    "{",
    "}",
    "<",
    ">",
    "=",
    "+",
    "~",
    "^",
    "_",
]
SPACE = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\u3000",
    "\u200b",
    "\ufeff",
    "\n \n",
    "\x85",
    "   ",
    "\n\n\n\n",
]
HOSTILE = [
    "\x00",
    "\x1b",
    "\x1b]0;PWNED\x07",
    "\x1b[31m",
    "\x1b[2J",
    "\x1b[?1049h",
    "\x9b31m",
    "\x7f",
    "\x1b]8;;http://x\x1b\\",
    "\x07",
    "\x08",
    "\x1b[6n",
    "\x90q\x9c",
    "\x1bP+q\x1b\\",
    "[/]",
    "[/bold]",
    "[@click=app.quit]x[/]",
    "[link=http://x]x[/link]",
    "[$accent]",
    "[b]",
    "\\",
    "[",
    "]",
    "$accent",
    "{",
    "}",
    "%s",
    "{0}",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200f",
    "\u0301" * 30,
    "e\u0301",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u05e9\u05dc\u05d5\u05dd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f389",
    "\u6771\u4eac",
    "\u4f1a\u8b70",
    "\ufffd",
    "\U0010ffff",
    "\ufffe",
    "\u0000\u0000",
    "Z\u0351\u0352\u0353\u0354",
    "\u00ad",
    "\ufdfd",
    "\U00012000",
    "\u0e01\u0e34",
    "\u1100\u1161",
    "\uff21",
]
HEADER = [
    "Tuesday, 02 January 2024 12:17 GMT",
    "2026-02-04 08:06:21",
    "(MENAFN)",
    "LONDON (Reuters) -",
    "WASHINGTON (AFP) \u2013",
    "2026-13-45 99:99:99",
    "Monday, 31 February 0000 25:61 GMT",
    "9999-12-31 23:59:59",
    "0000-00-00 00:00:00",
    "0001-01-01 00:00:00",
    "(",
    "()",
    "(Reuters)",
    "Sunday, 99 Smarch 2026 12:00 XYZ",
    "2026-02-04T08:06:21+14:00",
    "12:17 GMT",
    "- ",
    "BY JOHN DOE",
    "Updated: 2026-02-31",
    "2026-02-04 08:06:21.999999999999",
    "1970-01-01 00:00:00 -2400",
]
CHAR_RANGES = [
    (0x20, 0x7E),
    (0x00, 0x1F),
    (0x80, 0x24F),
    (0x300, 0x36F),
    (0x590, 0x6FF),
    (0x2000, 0x206F),
    (0x3000, 0x30FF),
    (0x4E00, 0x4E80),
    (0xAC00, 0xAC40),
    (0xFE00, 0xFFFF),
    (0x1F300, 0x1F6FF),
    (0xE0000, 0xE007F),
    (0x10FF00, 0x10FFFF),
]


def rand_char(rng: random.Random) -> str:
    lo, hi = rng.choice(CHAR_RANGES)
    return chr(rng.randint(lo, hi))


def fragment(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.22:
        return rng.choice(WORDS)
    if pick < 0.36:
        return rng.choice(NAMES)
    if pick < 0.46:
        return rng.choice(VERBS)
    if pick < 0.60:
        return rng.choice(QUOTES)
    if pick < 0.68:
        return rng.choice(PUNCT)
    if pick < 0.80:
        return rng.choice(SPACE)
    if pick < 0.88:
        return rng.choice(HOSTILE)
    if pick < 0.93:
        return rng.choice(HEADER)
    return "".join(rand_char(rng) for _ in range(rng.randint(1, 8)))


def prose(rng: random.Random, size: int) -> str:
    """About `size` fragments, joined mostly by spaces, sometimes repeated (the pathological cases)."""
    parts: list[str] = []
    for _ in range(size):
        piece = fragment(rng)
        if rng.random() < 0.03:
            piece *= rng.choice((2, 5, 50, 300))
        parts.append(piece)
        if rng.random() < 0.7:
            parts.append(" ")
    return "".join(parts)


def article_text(rng: random.Random, seeds: list[str]) -> str:
    """A generated article, a mutated bundled one, or a few raw characters."""
    mode = rng.random()
    if mode < 0.45:
        head = "\n".join(rng.choice(HEADER) for _ in range(rng.randint(0, 3)))
        title = prose(rng, rng.randint(0, 8)).replace("\n", " ")
        paragraphs = [prose(rng, rng.randint(1, 40)) for _ in range(rng.randint(0, 5))]
        return f"{head}\n{title}\n\n" + "\n\n".join(paragraphs) if rng.random() < 0.7 else "\n".join(paragraphs)
    if mode < 0.85:
        return mutate_text(rng, rng.choice(seeds))
    return "".join(rand_char(rng) for _ in range(rng.randint(0, 60)))


def mutate_text(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        n = len(text)
        at = rng.randint(0, n)
        op = rng.random()
        if op < 0.45:
            text = text[:at] + fragment(rng) + text[at:]
        elif op < 0.65:
            text = text[:at] + text[at + rng.randint(1, 60) :]
        elif op < 0.75:
            end = min(n, at + rng.randint(1, 200))
            text = text[:at] + text[at:end] * rng.randint(2, 4) + text[at:]
        elif op < 0.85 and n:
            text = text[:at] + rng.choice(QUOTES) * rng.randint(1, 30) + text[at:]
        elif op < 0.92:
            text = text[: rng.randint(0, n)]
        else:
            cut = rng.randint(0, n)
            text = text[cut:] + text[:cut]
    return text


# -- bytes ------------------------------------------------------------------------------------

ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "latin-1",
    "cp1252",
    "shift_jis",
    "koi8-r",
    "gb18030",
    "utf-7",
]


def file_bytes(rng: random.Random, seeds: list[str], exported: list[dict]) -> tuple[bytes, str]:
    """A file's bytes and its suffix."""
    mode = rng.random()
    if mode < 0.35:
        data = article_text(rng, seeds).encode(rng.choice(ENCODINGS), errors="replace")
        suffix = ".txt"
    elif mode < 0.65:
        data, suffix = json_bytes(rng, seeds, exported), rng.choice([".jsonl", ".ndjson", ".json"])
    elif mode < 0.75:
        data, suffix = rng.randbytes(rng.randint(0, 300)), rng.choice([".txt", ".bin", ".jsonl", ".json"])
    else:
        text = article_text(rng, seeds)
        data = text.encode(rng.choice(ENCODINGS), errors="replace")
        data = mutate_bytes(rng, data)
        suffix = rng.choice([".txt", ".txt", ".jsonl", ".json", ""])
    if rng.random() < 0.1:
        data = (
            rng.choice(
                [
                    codecs.BOM_UTF8,
                    codecs.BOM_UTF16_LE,
                    codecs.BOM_UTF16_BE,
                    codecs.BOM_UTF32_LE,
                    codecs.BOM_UTF32_BE,
                    b"\x00",
                    b"\xff",
                ]
            )
            + data
        )
    return data, suffix


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        n = len(buffer)
        at = rng.randint(0, n)
        op = rng.random()
        if op < 0.3 and n:
            buffer[min(at, n - 1)] = rng.randrange(256)
        elif op < 0.55:
            buffer[at:at] = rng.choice(
                [
                    b"\x00",
                    b"\xff\xfe",
                    b"\xc3",
                    b"\xed\xa0\x80",
                    b"\xf4\x90\x80\x80",
                    b"\x1b]0;x\x07",
                    b"\x80",
                    b"\r",
                    b"\xe2\x80",
                    b"\x00" * 9,
                ]
            )
        elif op < 0.75:
            del buffer[at : at + rng.randint(1, 20)]
        elif op < 0.9:
            del buffer[rng.randint(0, n) :]
        else:
            buffer[at:at] = rng.randbytes(rng.randint(1, 40))
    return bytes(buffer)


def json_value(rng: random.Random, seeds: list[str], depth: int = 0) -> object:
    pick = rng.random()
    if pick < 0.35:
        return prose(rng, rng.randint(0, 20))
    if pick < 0.45:
        return rng.choice([0, -1, 1, 2**31, -(2**63), 10**30, 1.5, float("nan"), float("inf")])
    if pick < 0.5:
        return rng.choice([None, True, False, "", " ", "\n"])
    if pick < 0.6:
        return rng.choice(HEADER + ["2026-02-04", "yesterday", "2026-02-04T08:06:21Z", "-1", "1e400"])
    if depth < 3 and pick < 0.8:
        return [json_value(rng, seeds, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 3:
        return {rng.choice(["title", "text", "x", ""]): json_value(rng, seeds, depth + 1)}
    return mutate_text(rng, rng.choice(seeds))[:200]


def json_row(rng: random.Random, seeds: list[str], exported: list[dict]) -> object:
    pick = rng.random()
    if pick < 0.3:
        return broken_export(rng, exported)
    if pick < 0.85:
        row: dict = {"text": article_text(rng, seeds)} if rng.random() < 0.8 else {}
        for key in rng.sample(
            [
                "title",
                "text",
                "body",
                "content",
                "date",
                "published",
                "source",
                "url",
                "id",
                "path",
                "quotes",
                "entities",
            ],
            rng.randint(0, 5),
        ):
            row[key] = json_value(rng, seeds)
        return row
    return json_value(rng, seeds)


def broken_export(rng: random.Random, exported: list[dict]) -> dict:
    """An article as `export` wrote it, with some fields broken."""
    row = json.loads(json.dumps(rng.choice(exported)))
    for _ in range(rng.randint(0, 4)):
        pick = rng.random()
        if pick < 0.3 and row["quotes"]:
            quote = rng.choice(row["quotes"])
            key = rng.choice(["start", "end", "speaker_span", "cue_span", "kind", "text"])
            quote[key] = rng.choice([-5, 0, 10**9, [3, 1], [0, 10**9], [-1, 2], "x", None, [1], 2**64])
        elif pick < 0.5 and row["entities"]:
            entity = rng.choice(row["entities"])
            entity[rng.choice(["mentions", "kind", "id", "gender"])] = rng.choice(
                [[[5, 2]], [[0, 10**9]], [[-3, 4]], "alien", None, [], "female"]
            )
        elif pick < 0.6:
            row["paragraphs"] = rng.choice([[[0, 10**9]], [[9, 3]], [[-1, 1]], [[0]]])
        elif pick < 0.7:
            row["title_span"] = rng.choice([[0, 10**9], [4, 2], None, [-2, -1]])
        elif pick < 0.8:
            row["text"] = row["text"][: rng.randint(0, len(row["text"]))]
        elif pick < 0.9:
            row[rng.choice(["published", "dateline"])] = rng.choice(
                ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-02-30", "x", 1e20, None]
            )
        else:
            row["quotes"] = row["quotes"] + row["quotes"]  # the same quotes twice: they overlap
    return row


def json_bytes(rng: random.Random, seeds: list[str], exported: list[dict]) -> bytes:
    rows = [json_row(rng, seeds, exported) for _ in range(rng.randint(1, 3))]
    ascii_only = rng.random() < 0.5
    if rng.random() < 0.3:
        text = json.dumps(rows if len(rows) > 1 else rows[0], ensure_ascii=ascii_only)
    else:
        text = "\n".join(json.dumps(row, ensure_ascii=ascii_only) for row in rows)
    pick = rng.random()
    if pick < 0.1:  # lone surrogates, which json.loads accepts
        text = text.replace("a", "\\ud800", 1).replace("e", "\\udfff", 1)
    elif pick < 0.15:
        depth = rng.choice([100, 5000, 100000])
        text += "\n" + "[" * depth + "]" * depth
    elif pick < 0.3:
        text = mutate_text(rng, text)
    return text.encode("utf-8", errors="surrogatepass" if rng.random() < 0.05 else "replace")


# -- queries ----------------------------------------------------------------------------------

FIELDS = [
    "speaker",
    "s",
    "person",
    "p",
    "org",
    "o",
    "place",
    "l",
    "group",
    "g",
    "entity",
    "e",
    "source",
    "title",
    "quote",
    "cue",
    "has",
    "quotes",
    "date",
    "after",
    "before",
    "organisation",
    "nope",
    "x",
    "",
]
QUERY_BITS = [
    "macron",
    "putin",
    "peskov",
    '"',
    '"political will"',
    "-",
    "(",
    ")",
    "|",
    "OR",
    "or",
    " ",
    " ",
    ">",
    ">=",
    "<",
    "<=",
    "=",
    "..",
    "2026",
    "2026-02",
    "2026-01-01",
    "2026-13-40",
    "0000-00",
    "9999-12-31",
    "quotes",
    "entities",
    "date",
    "3",
    "999999999",
    "99999999999",
    "-1",
    ":",
    "::",
    "\\",
    "*",
    "\u00e9",
    "\u0301",
    "\x00",
    "\x1b",
    "\u202e",
    "\U0001f389",
    "\u6771\u4eac",
    "\t",
]


def query_text(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.05:
        depth = rng.choice([63, 64, 65, 1000, 20000])
        return "(" * depth + "a" + ")" * rng.choice([depth, 0, depth // 2])
    if pick < 0.1:
        return "".join(rand_char(rng) for _ in range(rng.randint(0, 30)))
    parts: list[str] = []
    for _ in range(rng.randint(0, 14)):
        if rng.random() < 0.3:
            parts.append(rng.choice(FIELDS) + ":")
        parts.append(rng.choice(QUERY_BITS) if rng.random() < 0.8 else fragment(rng))
        if rng.random() < 0.5:
            parts.append(" ")
    return "".join(parts)


# -- checks -----------------------------------------------------------------------------------


class Broken(Exception):
    """A guarantee that did not hold, though nothing raised."""


class TimedOut(Exception):
    pass


def check_article(article: Article, roundtrip: bool = True) -> None:
    problems = offset_problems(article)
    if problems:
        raise Broken("; ".join(problems[:3]))
    if roundtrip:
        line = json.dumps(article_record(article), ensure_ascii=False)
        report = LoadReport()
        again = list(_json_sources(Path("export.jsonl"), line, report))
        if report.problems or len(again) != 1 or again[0] != article:
            raise Broken(f"export does not re-open equal: {report.problems[:1]}")


def check_sources(sources: list, report: LoadReport) -> None:
    if not sources and not report.problems:
        raise Broken("neither an article nor a load-report entry")
    corpus = Corpus()
    for source in sources:
        article = parse_source(source)
        check_article(article, roundtrip=isinstance(source, SourceText))
        corpus.add(article)


def run_bytes(data: bytes, suffix: str) -> None:
    decoded = decode_bytes(data)
    report = LoadReport()
    if decoded.text is None:
        if not decoded.problem:
            raise Broken("no text and no reason")
        return
    if not decoded.text.strip():
        return  # the loader reports "empty"
    if suffix in (".jsonl", ".ndjson", ".json"):
        sources = list(_json_sources(Path("fuzz" + suffix), decoded.text, report))
    else:
        sources = [SourceText(id="fuzz", path="fuzz", text=decoded.text)]
    check_sources(sources, report)


def run_file(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    report = LoadReport()
    sources = list(iter_sources([path], report))  # the loader's own reading of a real file
    check_sources(sources, report)
    path.unlink()


def run_parse(text: str) -> None:
    article = parse_text(text, article_id="fuzz", path="fuzz.txt")
    if article.text != text:
        raise Broken("the article's text is not the text read")
    check_article(article, roundtrip=bool(text.strip()))  # blank text is "empty" to the loader
    Corpus().add(article)


def run_query(text: str) -> None:
    try:
        result: Query | QueryError = Query(_Parser(_lex(text)).parse())
    except _Fail as failure:
        result = failure.error
    if isinstance(result, QueryError):
        if not 0 <= result.position <= len(text) or not result.message:
            raise Broken(f"error position {result.position} outside a query of {len(text)}")
        return
    result.evaluate(INDEX)
    str(result)


# -- workers ----------------------------------------------------------------------------------

SEEDS: list[str] = []
EXPORTED: list[dict] = []
INDEX = Corpus().index
FOLDER = Path()


def _init(timeout: float) -> None:
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
        run_query(value)  # type: ignore[arg-type]


def _chunk(job: tuple[str, int, int, int, float]) -> tuple[str, int, list[dict], float]:
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


def plan(total: int) -> list[tuple[str, int]]:
    counts = {target: int(total * share) for target, share in SHARES}
    counts["parse"] += total - sum(counts.values())
    return [(t, c) for t, c in counts.items() if c]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--inputs", type=int, default=1_000_000)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take")
    parser.add_argument(
        "--out", default=str(Path(tempfile.gettempdir()) / "article-explorer-fuzz"), help="folder for crashes.jsonl"
    )
    parser.add_argument("--replay", metavar="TARGET:NUMBER", help="run one input and show its traceback")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))

    if args.replay:
        target, number = args.replay.split(":")
        _init(args.timeout)
        value = make_input(target, int(number), args.seed)
        print(repr(value)[:2000])
        run_one(target, value)
        print("no crash")
        return 0

    jobs = [
        (t, s, min(CHUNK, c - s), args.seed, args.timeout) for t, c in plan(args.inputs) for s in range(0, c, CHUNK)
    ]
    random.Random(args.seed).shuffle(jobs)  # every target makes progress from the start
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crash_log = out / "crashes.jsonl"
    crash_log.write_text("")
    done: dict[str, int] = {t: 0 for t, _ in SHARES}
    crashes: list[dict] = []
    kinds: dict[tuple[str, str, str], int] = {}
    slowest = 0.0
    began = time.perf_counter()
    print(
        f"fuzz: {args.inputs:,} inputs on {args.jobs} processes, seed {args.seed}; crashes go to {crash_log}",
        flush=True,
    )
    with multiprocessing.Pool(args.jobs, initializer=_init, initargs=(args.timeout,)) as pool:
        for target, count, found, slow in pool.imap_unordered(_chunk, jobs):
            done[target] += count
            slowest = max(slowest, slow)
            with crash_log.open("a") as log:
                for crash in found:
                    log.write(json.dumps(crash) + "\n")
                    key = (crash["target"], crash["error"].split(":")[0], crash["where"])
                    if key not in kinds:
                        print(
                            f"  new crash: {crash['target']}:{crash['number']} {crash['error']} at {crash['where']}",
                            flush=True,
                        )
                    kinds[key] = kinds.get(key, 0) + 1
            crashes += found
            total = sum(done.values())
            if total % 50_000 < CHUNK or total == args.inputs:
                elapsed = time.perf_counter() - began
                print(
                    f"  {total:,} inputs, {elapsed:,.0f} s, {len(crashes)} crashes "
                    f"({', '.join(f'{t} {n:,}' for t, n in done.items())})",
                    flush=True,
                )
    elapsed = time.perf_counter() - began
    for (target, kind, where), n in sorted(kinds.items()):
        print(f"  {n:,} x {target} {kind} at {where}")
    digest = hashlib.sha1(json.dumps(sorted(kinds)).encode()).hexdigest()[:8] if kinds else "-"
    print(f"slowest input: {slowest:.2f} s; kinds of crash: {len(kinds)} ({digest})")
    print(f"fuzz: {sum(done.values()):,} inputs, {len(crashes):,} crashes, {elapsed:,.0f} s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
