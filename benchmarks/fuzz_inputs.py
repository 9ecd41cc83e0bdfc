"""The inputs `fuzz.py` makes beyond plain article text: files' bytes in every encoding the loader
knows and then corrupted, JSON rows of the wrong shape, exported articles with broken offsets, and
filter-language queries. Each is made from a seeded `random.Random` alone."""

from __future__ import annotations

import codecs
import json
import random

from fuzz_fragments import HEADER, article_text, fragment, mutate_text, prose, rand_char

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
