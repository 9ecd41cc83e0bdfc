"""The fragments `fuzz.py` builds its text from: news prose (names, reporting verbs, quotation
marks of every kind, datelines), what scrapes bring (control characters, ANSI and OSC sequences,
markup, right-to-left and combining text, emoji, CJK, NUL), and the article texts made of them."""

from __future__ import annotations

import random

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
