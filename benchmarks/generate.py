"""A synthetic corpus of N articles made from the real BBC articles of ../shared/corpora/bbc.

Each article is a BBC article with its people renamed (first names kept to their usual gender,
surnames drawn from a pool of real and blended surnames, so that 100,000 articles name tens of
thousands of different people), its later paragraphs partly reordered, and a date, a source
and a layout of its own (the wire layout with a timestamp and "(Source)", or a body dateline
"LONDON (Reuters) -"). Parsing cost and entity variety are those of real news.

    python benchmarks/generate.py 10000 /tmp/corpus-10k [--shared ../shared] [--seed 1]

Deterministic for a seed. Written to a folder the caller names (a temporary one in
`benchmarks/run.py`): generated data is never committed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.corpus.parsing.lexicon import common_words, demonym_adjectives, first_name_gender, places  # noqa: E402

SOURCES = [("BBC", "LONDON"), ("Reuters", "LONDON"), ("AFP", "PARIS"), ("AP", "NEW YORK"),
           ("MENAFN", None), ("Bloomberg", "NEW YORK"), ("Xinhua", "BEIJING"), ("DPA", "BERLIN"),
           ("Anadolu", "ANKARA"), ("PTI", "NEW DELHI"), ("Kyodo", "TOKYO"), ("EFE", "MADRID")]  # fmt: skip
START = datetime(2015, 1, 1)
SPAN_SECONDS = int((datetime(2026, 6, 30) - START).total_seconds())
_NAME = re.compile(r"\b([A-Z][a-z]{1,14}) ((?:Mc|Mac|O')?[A-Z][a-z]{2,20})\b")


def read_bbc(folder: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every BBC article, in a stable order."""
    articles = []
    for path in sorted(folder.rglob("*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
        if len(blocks) >= 2:
            articles.append((blocks[0], blocks[1:]))
    return articles


def person_first_names() -> dict[str, str]:
    """Folded first names of a clear gender that are not also places, peoples or common words
    ("German rival", "London Stock Exchange")."""
    taken = {w.lower() for w in [*common_words(), *demonym_adjectives()]}
    taken |= {str(p).lower() for p in places()}
    return {name: gender for name, gender in first_name_gender().items()
            if gender in ("male", "female") and name not in taken}  # fmt: skip


def name_pools(articles: list[tuple[str, list[str]]], rng: random.Random) -> tuple[dict, list[str]]:
    """First names by gender and a pool of surnames: the corpus's own, and blends of them."""
    genders = person_first_names()
    firsts: dict[str, set[str]] = {"male": set(), "female": set(), None: set()}
    surnames: set[str] = set()
    for _title, paragraphs in articles:
        for first, last in _NAME.findall("\n".join(paragraphs)):
            gender = genders.get(first.lower()) if hasattr(genders, "get") else None
            if gender is None and first.lower() not in genders:
                continue
            firsts[gender if gender in ("male", "female") else None].add(first)
            surnames.add(last)
    real = sorted(surnames)
    blended = set()
    while len(blended) < 20 * len(real):  # "Hartley" + "Corbin" -> "Harbin": plausible, and many
        a, b = rng.choice(real), rng.choice(real)
        cut_a, cut_b = max(2, len(a) // 2), len(b) // 2
        blended.add(a[:cut_a] + b[cut_b:])
    return {k: sorted(v) for k, v in firsts.items()}, real + sorted(blended - surnames)


def vary(title: str, paragraphs: list[str], firsts: dict, surnames: list[str], rng: random.Random,
         genders) -> tuple[str, list[str]]:  # fmt: skip
    """Rename the article's people consistently and reorder some of its later paragraphs."""
    body = "\n\n".join(paragraphs)
    renames: dict[str, str] = {}
    for first, last in _NAME.findall(body):
        if first.lower() not in genders or last in renames:
            continue
        gender = genders.get(first.lower())
        pool = firsts.get(gender if gender in ("male", "female") else None) or firsts["male"]
        renames[first] = renames.get(first) or rng.choice(pool)
        renames[last] = rng.choice(surnames)
    if renames:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(renames, key=len, reverse=True))) + r")\b")
        swap = lambda m: renames[m.group(1)]  # noqa: E731
        title, body = pattern.sub(swap, title), pattern.sub(swap, body)
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 3 and rng.random() < 0.7:
        tail = paragraphs[1:]
        for _ in range(rng.randint(1, 3)):
            i, j = rng.randrange(len(tail)), rng.randrange(len(tail))
            tail[i], tail[j] = tail[j], tail[i]
        paragraphs = paragraphs[:1] + tail
    return title, paragraphs


def render(title: str, paragraphs: list[str], rng: random.Random) -> str:
    when = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
    source, city = rng.choice(SOURCES)
    stamp = when.strftime("%Y-%m-%d %H:%M:%S")
    first = paragraphs[0]
    lead = f"{city} ({source}) - {first}" if city and rng.random() < 0.4 else f"({source}) {first}"
    return f"{title}\n\n{stamp}\n" + "\n\n".join([lead, *paragraphs[1:]]) + "\n"


def generate(count: int, out: Path, shared: Path, seed: int = 0) -> list[Path]:
    """Write `count` articles under `out` (a folder a thousand articles); return their paths."""
    rng = random.Random(seed)
    articles = read_bbc(shared / "corpora" / "bbc")
    if not articles:
        raise FileNotFoundError(f"no BBC articles under {shared / 'corpora' / 'bbc'}")
    firsts, surnames = name_pools(articles, rng)
    genders = person_first_names()
    written = []
    for number in range(count):
        title, paragraphs = vary(*rng.choice(articles), firsts, surnames, rng, genders)
        path = out / f"{number // 1000:03d}" / f"{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(title, paragraphs, rng), encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.count, args.out, args.shared, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths):,} articles, {size / 1e6:.1f} MB, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
