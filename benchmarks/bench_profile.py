"""A profile's first frame, alone and in rounds: bench_views.py's profile part (the people view
shown, then each of the most quoted people after the first opened and closed), repeated ROUNDS
times in one process so a change can be compared with another in the same conditions.

Each profile is timed from `show_profile` to the last frame rendered to a terminal's bytes (as
bench_views.py does), with the process's CPU time (every thread) beside it. A round is "fresh"
(the core's remembered profiles dropped first: the core works each one out again, as in
bench_views.py) or "kept" (the core's answer remembered: what is left is the app's own cost);
the rounds alternate. `--profile DIR` also writes a cProfile of the kept rounds (every thread,
each thread's CPU clock) for `pstats`.

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/SIZE/cache-VERSION PYTHONPATH=. \\
        python benchmarks/bench_profile.py KEEP/SIZE/corpus-SIZE [--rounds 6] [--each] [--profile DIR]

The rounds start once the app is idle after its warm-up (its threads' CPU under a tenth of a core
for half a second): work still going on in the background would be counted in a profile's CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_views import pct  # noqa: E402
from profile_app import Profilers  # noqa: E402

QUIET_SECONDS = 0.5  # the app is idle once a span this long costs under QUIET_SHARE of a core
QUIET_SHARE = 0.1
QUIET_WAIT_SECONDS = 60.0
PEOPLE = 8  # the most quoted people after the first (who also makes the profile screen)
ROUNDS = 6


def forget_profiles(app) -> None:  # type: ignore[no-untyped-def]
    """Drop the core's remembered profiles (a bench's reach into the session: the next are worked out)."""
    answers = app.explorer.corpus._corpus.quote_view().answers
    for key in [key for key in answers if key[0] == "profile"]:
        del answers[key]


async def quiet() -> None:
    """Until the app's background work after the warm-up (its threads' CPU) is done, or a minute."""
    started = time.perf_counter()
    while time.perf_counter() - started < QUIET_WAIT_SECONDS:
        used = time.process_time()
        await asyncio.sleep(QUIET_SECONDS)
        if time.process_time() - used < QUIET_SECONDS * QUIET_SHARE:
            return


async def drive(folder: Path, rounds: int, dump: Path | None) -> dict[str, list[tuple[float, float]]]:
    from textual._compositor import CompositorUpdate

    from tui.app import ExplorerApp
    from tui.screens.people import PeopleScreen
    from tui.widgets.people_list import PeopleList

    app = ExplorerApp([folder], cache=True)
    app.animation_level = "none"
    frames: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
            frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    profilers = Profilers() if dump is not None else None
    found: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.explorer
        assert main is not None
        while not (main.load_finished and main.rows):
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        await quiet()

        async def settled(action: Callable[[], object]) -> tuple[float, float]:
            frames.clear()
            started, used = time.perf_counter(), time.process_time()
            action()
            await pilot.pause()
            await asyncio.gather(*[w.wait() for w in app.workers if not w.is_cancelled], return_exceptions=True)
            await pilot.pause()
            done = time.perf_counter()
            return ((frames[-1] if frames else done) - started) * 1000, (time.process_time() - used) * 1000

        await settled(lambda: main.show_view("people"))
        people = app.screen
        assert isinstance(people, PeopleScreen)
        rows = people.query_one(PeopleList).rows[: PEOPLE + 1]
        found["first"] = [await settled(lambda: main.show_profile(rows[0].id))]
        await settled(app.pop_screen)
        stats = None
        for number in range(rounds):
            kind = "fresh" if number % 2 == 0 else "kept"
            if kind == "fresh":
                forget_profiles(app)
            for row in rows[1:]:
                if profilers and kind == "kept":
                    profilers.start()
                found.setdefault(kind, []).append(await settled(lambda row=row: main.show_profile(row.id)))
                if profilers and kind == "kept" and (part := profilers.stop()) is not None:
                    stats = part if stats is None else (stats.add(part) or stats)
                await settled(app.pop_screen)
    if stats is not None and dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        stats.dump_stats(str(dump / "profile_kept.prof"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a corpus whose cache is in ARTICLE_EXPLORER_CACHE_DIR")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--each", action="store_true", help="also print every profile's wall/CPU (ms)")
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile of the kept rounds here")
    args = parser.parse_args()
    found = asyncio.run(drive(args.folder, args.rounds, args.profile))
    print(f"| profile, load {os.getloadavg()[0]:.1f} | n | wall median | wall p95 | CPU median | CPU p95 |")
    print("|---|---|---|---|---|---|")
    if args.each:
        for kind, values in found.items():
            print(kind, " ".join(f"{w:.0f}/{c:.0f}" for w, c in values))
    for kind, values in found.items():
        walls, cpus = [wall for wall, _ in values], [cpu for _, cpu in values]
        print(f"| {kind} | {len(values)} | {statistics.median(walls):.1f} | {pct(walls, 0.95):.1f} "
              f"| {statistics.median(cpus):.1f} | {pct(cpus, 0.95):.1f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
