"""The command palette at 100,000 names: is every keystroke answered within a frame or two?

Synthetic, invented names (syllables), no shared data. Measures, for each prefix of a query as
typed:

- `Candidates.matching`, the provider's work a keystroke (searching the folded names, narrowed
  incrementally), median and worst;
- the same keystroke through the real palette, headless: from the key to the palette's list
  holding the hits (the palette's gathering worker done), with the harness's own ~60 ms a
  key (`pilot.press`) measured apart and printed beside it;
- for comparison, what the provider used to do a keystroke: Textual's fuzzy `Matcher` over
  every label.

    python benchmarks/palette.py [--names 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time

from textual.command import CommandPalette, Matcher
from textual.widgets import Input

from tui.app import ExplorerApp
from tui.corpus import EntitySummary, bundled_corpus
from tui.screens import palette

SYLLABLES = [
    "an",
    "bel",
    "cor",
    "dan",
    "el",
    "fin",
    "gar",
    "hol",
    "is",
    "jor",
    "kel",
    "lin",
    "mor",
    "nor",
    "ol",
    "per",
    "quin",
    "ros",
    "sal",
    "tor",
    "ul",
    "ven",
    "wil",
    "yan",
    "zer",
]
QUERY = "danel"


def names(count: int, seed: int = 7) -> list[EntitySummary]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    kinds = ("person", "organization", "place", "group")
    return [EntitySummary(f"{word()} {word()}", rng.choice(kinds), rng.randint(1, 40), rng.randint(1, 90),
                          rng.randint(0, 30), (), ()) for _ in range(count)]  # fmt: skip


def ms(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:.1f} ms, worst {max(seconds) * 1000:.1f} ms"


def provider_work(entities: list[EntitySummary]) -> None:
    if not hasattr(palette, "Candidates"):  # an older provider, measured through the palette only
        return
    start = time.perf_counter()
    candidates = palette.Candidates(entities)
    print(f"candidates tallied once a palette opens: {(time.perf_counter() - start) * 1000:.0f} ms (in a thread)")
    times = []
    for end in range(1, len(QUERY) + 1):
        start = time.perf_counter()
        found = candidates.matching(QUERY[:end])
        times.append(time.perf_counter() - start)
    print(f"a keystroke's search (Candidates.matching, {len(QUERY)} keys): {ms(times)}; last: {len(found)} hits")
    labels = [palette._label(e) for e in entities]
    matcher = Matcher(QUERY[:2])
    start = time.perf_counter()
    for label in labels:
        matcher.match(label)
    print(f"before (fuzzy Matcher over every label, one keystroke): {(time.perf_counter() - start) * 1000:.0f} ms")


async def through_the_palette(entities: list[EntitySummary]) -> None:
    app = ExplorerApp([bundled_corpus()], cache=False)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.explorer.palette_entities = lambda: entities  # type: ignore[method-assign]
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        field = palette.query_one(Input)
        keys, harness = [], []
        for char in QUERY:
            start = time.perf_counter()
            await pilot.press(char)
            await palette.workers.wait_for_complete()
            keys.append(time.perf_counter() - start)
        for _ in QUERY:  # the harness alone: a key the palette ignores
            start = time.perf_counter()
            await pilot.press("right")
            harness.append(time.perf_counter() - start)
        shown = palette.query_one("CommandList").option_count
        assert field.value == QUERY, f"keys lost: {field.value!r}"
        print(f"through the palette, key to hits listed (pilot.press included): {ms(keys)}")
        print(f"pilot.press alone, a key the palette ignores: {ms(harness)}")
        print(f"typed {field.value!r}: no key lost; {shown} hits listed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=100_000)
    entities = names(parser.parse_args().names)
    print(f"{len(entities):,} synthetic names")
    provider_work(entities)
    asyncio.run(through_the_palette(entities))


if __name__ == "__main__":
    main()
