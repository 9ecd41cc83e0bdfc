"""Where the CPU of each app action of the views goes, by where the code lives.

Drives the app as `bench_views.py` does (its app part): each view shown the first time and again,
each keystroke of the typed filters in the quotes view, the first profile and the next ones; with
cProfile in every thread (the event loop and the workers, timed by each thread's own CPU clock),
it sums each function's own time by where it lives (our UI, our core, Textual's compositor,
layout, styles, lines, Rich) and prints one column an action, in ms per action. The profiler
makes everything about three times slower: read the shares, or `--cpu` for the process's CPU
time an action without the profiler (median and worst). `--trace` instead types the filters in the
quotes view as a user does (the input's value, then the bar's debounce) with no profiler and no
pilot forcing frames, and prints where each keystroke's wall time went, stage by stage.

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/SIZE/cache-VERSION PYTHONPATH=. \\
        python benchmarks/profile_app.py KEEP/SIZE/corpus-SIZE [--cpu] [--dump DIR]

(the corpus and cache a `bench_views.py --keep KEEP` run made; --dump writes each action's
profile for `pstats`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_views import pct, prefixes  # noqa: E402

OPENS = 6  # times each view is shown again
PROFILES = 8  # the next profiles, after the first

# Where a function lives -> its row (the first that matches); the builtins are C functions.
PLACES = (
    ("/tui/corpus/", "ours: core (tui/corpus)"),
    ("/tui/", "ours: UI (screens, widgets)"),
    ("textual/_compositor", "textual: compositor"),
    ("textual/_arrange", "textual: layout"),
    ("textual/layouts/", "textual: layout"),
    ("textual/_resolve", "textual: layout"),
    ("textual/box_model", "textual: layout"),
    ("textual/css/", "textual: styles (CSS)"),
    ("textual/_styles_cache", "textual: styles (CSS)"),
    ("textual/strip", "textual: lines (strips, content)"),
    ("textual/_segment_tools", "textual: lines (strips, content)"),
    ("textual/content", "textual: lines (strips, content)"),
    ("textual/visual", "textual: lines (strips, content)"),
    ("textual/filter", "textual: lines (strips, content)"),
    ("rich/", "rich: segments, styles"),
    ("textual/", "textual: other (messages, DOM, widgets)"),
    ("numpy", "numpy"),
    ("asyncio", "asyncio, threads"),
    ("threading", "asyncio, threads"),
    ("selectors", "asyncio, threads"),
)


def place(filename: str) -> str:
    path = filename.replace("\\", "/")
    if path == "~":
        return "builtins (C)"
    return next((row for part, row in PLACES if part in path), "other")


class Profilers:
    """A cProfile in each thread that runs Python while `on` (the worker threads start their own)."""

    def __init__(self) -> None:
        self.on = False
        self.running: list[cProfile.Profile] = []
        self.lock = threading.Lock()
        threading.setprofile(self._thread_started)

    def _new(self) -> None:
        profiler = cProfile.Profile(time.thread_time_ns, 1e-9)  # each thread's CPU, not the wall clock
        with self.lock:
            self.running.append(profiler)
        profiler.enable()

    def _thread_started(self, frame: Any, event: str, arg: Any) -> None:
        sys.setprofile(None)
        if self.on:
            self._new()

    def start(self) -> None:
        self.on = True
        self._new()

    def stop(self) -> pstats.Stats | None:
        self.on = False
        with self.lock:
            done, self.running = self.running, []
        stats: pstats.Stats | None = None
        for profiler in done:
            profiler.disable()
            if stats is None:
                stats = pstats.Stats(profiler)
            else:
                stats.add(profiler)
        return stats


def by_place(stats: pstats.Stats) -> dict[str, float]:
    """Each place's own time (ms)."""
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[place(filename)] += own * 1000
    return totals


async def drive(folder: Path, profile: bool, dump: Path | None) -> None:
    from tui.app import ExplorerApp
    from tui.screens.people import PeopleScreen
    from tui.screens.quotes import QuotesScreen
    from tui.widgets.people_list import PeopleList

    profilers = Profilers() if profile else None
    app = ExplorerApp([folder], cache=True)
    app.animation_level = "none"
    places: dict[str, dict[str, float]] = {}
    cpu: dict[str, list[float]] = {}
    stats: dict[str, pstats.Stats] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.explorer
        assert main is not None
        while not (main.load_finished and main.rows):
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()  # the warm-up, and the views it makes

        async def settled(action: Callable[[], object]) -> None:
            action()
            await pilot.pause()
            await asyncio.gather(*[w.wait() for w in app.workers if not w.is_cancelled], return_exceptions=True)
            await pilot.pause()

        async def measured(name: str, action: Callable[[], object]) -> None:
            used = time.process_time()
            if profilers:
                profilers.start()
            await settled(action)
            cpu.setdefault(name, []).append((time.process_time() - used) * 1000)
            found = profilers.stop() if profilers else None
            if found is not None:
                row = places.setdefault(name, defaultdict(float))
                for where, ms in by_place(found).items():
                    row[where] += ms
                if name in stats:
                    stats[name].add(found)
                else:
                    stats[name] = found

        for view in ("quotes", "people", "timeline"):
            await measured(f"{view} first", lambda view=view: main.show_view(view))  # type: ignore[misc]
            await settled(lambda: main.show_view("articles"))
            for _ in range(OPENS):
                await measured(f"{view} again", lambda view=view: main.show_view(view))  # type: ignore[misc]
                await settled(lambda: main.show_view("articles"))
        await settled(lambda: main.show_view("quotes"))
        quotes = app.screen
        assert isinstance(quotes, QuotesScreen)
        for text in prefixes():
            await measured("filter key", lambda text=text: quotes.set_filter(text))  # type: ignore[misc]
        await settled(lambda: quotes.set_filter(""))
        await settled(lambda: main.show_view("people"))
        people = app.screen
        assert isinstance(people, PeopleScreen)
        for number, row in enumerate(people.query_one(PeopleList).rows[: PROFILES + 1]):
            await measured("profile first" if not number else "profile", lambda row=row: main.show_profile(row.id))  # type: ignore[misc]
            await settled(app.pop_screen)
    report(cpu, places)
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        for name, found in stats.items():
            found.dump_stats(str(dump / f"{name.replace(' ', '_')}.prof"))


def report(cpu: dict[str, list[float]], places: dict[str, dict[str, float]]) -> None:
    names = list(cpu)
    print("| CPU ms an action | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    print("| process CPU, median | " + " | ".join(f"{statistics.median(cpu[n]):.1f}" for n in names) + " |")
    print("| process CPU, worst | " + " | ".join(f"{max(cpu[n]):.1f}" for n in names) + " |")
    for where in sorted({where for row in places.values() for where in row}):
        cells = [f"{places[n].get(where, 0.0) / len(cpu[n]):.1f}" if n in places else "-" for n in names]
        print(f"| {where} (own time, profiled) | " + " | ".join(cells) + " |")


# -- --trace: where a filter keystroke's wall time goes ---------------------------------------------

NAN = float("nan")
QUIET_SECONDS = 0.3  # after a keystroke's last frame: nothing more comes (a second frame would show)
KEY_TIMEOUT_SECONDS = 5.0
STAGES = (  # (row, from, to, after): the first `from` mark (after the first `after` mark), the first `to` after it
    ("key -> input's echo written", "key", "written", None),
    ("key -> debounce end (set_filter)", "key", "debounce end", None),
    ("debounce end -> answer asked (worker started, or on the loop)", "debounce end", "fetch start", None),
    ("answer worked out (fetch)", "fetch start", "fetch end", None),
    ("answer ready -> delivered to the screen", "fetch end", "delivered", None),
    ("shown (list, count, status)", "delivered", "shown", None),
    ("shown -> frame begun (frame scheduling)", "shown", "render start", None),
    ("compositor: frame composed", "render start", "composed", "shown"),
    ("frame written (segments for the terminal)", "composed", "written", "shown"),
    ("debounce end -> last frame written", "debounce end", "frame", None),
)


class Marks:
    """Each stage's (name, wall, process CPU), appended by hooks from any thread (append is atomic)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []

    def mark(self, name: str) -> None:
        self.marks.append((name, time.perf_counter(), time.process_time()))

    def around(self, owner: Any, method: str, before: str, after: str) -> None:
        original = getattr(owner, method)

        def hooked(*args: Any, **kwargs: Any) -> Any:
            self.mark(before)
            try:
                return original(*args, **kwargs)
            finally:
                self.mark(after)

        setattr(owner, method, hooked)

    def stages(self) -> dict[str, float]:
        """This keystroke's stages (ms): each from the first `from` mark to the first `to` mark after it."""
        names = [name for name, _, _ in self.marks]
        walls = [wall for _, wall, _ in self.marks]
        written = [at for at, name in enumerate(names) if name == "written"]
        out: dict[str, float] = {}
        for row, start, end, after in STAGES:
            since = _first(names, start, _first(names, after, 0) if after else 0)
            if end == "frame":
                until = written[-1] if written else None
            else:
                until = next((at for at in range(since or 0, len(names)) if names[at] == end), None)
            out[row] = (walls[until] - walls[since]) * 1000 if since is not None and until is not None else NAN
        debounced = _first(names, "debounce end", 0) or len(names)
        begun = [wall for name, wall, _ in self.marks[debounced:] if name == "layout"]
        done = [wall for name, wall, _ in self.marks[debounced:] if name == "layout done"]
        out["layouts after the debounce (sum)"] = sum(b - a for a, b in zip(begun, done, strict=False)) * 1000
        out["layouts (count)"] = len(begun)
        cpu = {name: used for name, _, used in self.marks}
        out["process CPU, debounce end -> last frame"] = (cpu.get("written", NAN) - cpu.get("debounce end", NAN)) * 1000
        return out


def _first(names: list[str], name: str, since: int | None) -> int | None:
    return None if since is None else next((at for at in range(since, len(names)) if names[at] == name), None)


async def trace_keystrokes(folder: Path) -> None:
    import os

    from textual.screen import Screen

    from tui.app import ExplorerApp
    from tui.screens.quotes import QuotesScreen
    from tui.screens.view_base import ViewScreen

    marks = Marks()
    marks.around(ViewScreen, "set_filter", "debounce end", "set_filter returned")
    marks.around(QuotesScreen, "fetch", "fetch start", "fetch end")
    marks.around(ViewScreen, "_fetched", "delivered", "shown")
    marks.around(Screen, "_refresh_layout", "layout", "layout done")
    marks.around(Screen, "_compositor_refresh", "render start", "render done")
    app = ExplorerApp([folder], cache=True)
    app.animation_level = "none"
    display = app._display

    def written(screen: Any, update: Any) -> None:
        marks.mark("composed")
        display(screen, update)
        if update is not None and hasattr(update, "render_segments"):
            update.render_segments(app.console)  # what a terminal is sent, as bench_views.py times it
        marks.mark("written")

    app._display = written  # type: ignore[method-assign,assignment]
    rows: list[dict[str, float]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.explorer
        assert main is not None
        while not (main.load_finished and main.rows):
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        main.show_view("quotes")
        await asyncio.sleep(QUIET_SECONDS * 3)
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        field = screen.bar.input
        for text in prefixes():
            marks.marks.clear()
            marks.mark("key")
            field.value, field.cursor_position = text, len(text)  # as typing the prefix's last character
            await _quiet(marks)
            rows.append(marks.stages())
    names = list(rows[0])
    print(f"| stage (ms), {len(rows)} keystrokes, load {os.getloadavg()[0]:.1f} | median | p95 |\n|---|---|---|")
    for name in names:
        values = [row[name] for row in rows if row[name] == row[name]]  # NaN: the stage did not happen
        cells = f"{statistics.median(values):.1f} | {pct(values, 0.95):.1f}" if values else "- | -"
        print(f"| {name} | {cells} |")
    total, cpu = "debounce end -> last frame written", "process CPU, debounce end -> last frame"
    print("\n| keystroke (the filter so far) | debounce end -> last frame | fetch | CPU |\n|---|---|---|---|")
    for text, row in zip(prefixes(), rows, strict=True):
        print(f"| `{text}` | {row[total]:.1f} | {row['answer worked out (fetch)']:.1f} | {row[cpu]:.1f} |")


async def _quiet(marks: Marks) -> None:
    """Until the keystroke's answer is shown and QUIET_SECONDS pass with no new mark (every frame it asks is in)."""
    started = time.perf_counter()
    while time.perf_counter() - started < KEY_TIMEOUT_SECONDS:
        await asyncio.sleep(0.01)
        shown = any(name == "shown" for name, _, _ in marks.marks)
        if shown and time.perf_counter() - marks.marks[-1][1] > QUIET_SECONDS:
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a corpus whose cache is in ARTICLE_EXPLORER_CACHE_DIR")
    parser.add_argument("--cpu", action="store_true", help="no profiler: the process's CPU time an action only")
    parser.add_argument("--dump", type=Path, default=None, help="write each action's profile (pstats) here")
    parser.add_argument("--trace", action="store_true", help="a filter keystroke's stages, key to frame written")
    args = parser.parse_args()
    if args.trace:
        asyncio.run(trace_keystrokes(args.folder))
        return 0
    asyncio.run(drive(args.folder, not args.cpu, args.dump))
    return 0


if __name__ == "__main__":
    sys.exit(main())
