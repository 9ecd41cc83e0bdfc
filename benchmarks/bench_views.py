"""`make bench`, the views of issue 15: at each size, in a process of its own, the app opened from
the cache, then: building the quote table (once, on first use), opening the quotes, people and
timeline views, a cursor key in the quotes view, and a profile's first frame with its data.

A view fetches its rows in a worker: a view's "open" is from the key's action to the last frame
drawn once the worker's rows are on screen (the frames rendered to the terminal's bytes, as in
run.py)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

OPENS = 8  # times each view is opened
MOVES = 60  # cursor keys in the quotes view
PROFILES = 8


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def app_views(folder: Path) -> dict:
    from textual._compositor import CompositorUpdate

    from tui.app import ExplorerApp
    from tui.screens.people import PeopleScreen
    from tui.screens.profile import ProfileScreen
    from tui.widgets.people_list import PeopleList
    from tui.widgets.quote_list import QuoteList

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
    out: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.explorer
        while not (main.load_finished and main.rows):
            await pilot.pause(0.02)
        tick = time.perf_counter()
        live = main.corpus
        live.quotes("")  # the quote table and the people: built once, on first use
        out["quote_table_s"] = time.perf_counter() - tick
        out["quotes_total"] = live.quotes("").total  # type: ignore[union-attr]

        async def settled(action) -> float:  # type: ignore[no-untyped-def]
            frames.clear()
            started = time.perf_counter()
            action()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            done = time.perf_counter()
            return ((frames[-1] if frames else done) - started) * 1000

        for name in ("quotes", "people", "timeline"):
            times = []
            for _ in range(OPENS):
                times.append(await settled(lambda name=name: main.show_view(name)))
                await settled(lambda: main.show_view("articles"))
            out[f"view_{name}_ms"], out[f"view_{name}_p95_ms"] = statistics.median(times), pct(times, 0.95)
        await settled(lambda: main.show_view("quotes"))
        quotes = app.screen.query_one(QuoteList)
        moves = []
        for step in range(MOVES):
            frames.clear()
            started = time.perf_counter()
            (quotes.action_cursor_down if step < MOVES - 10 else quotes.action_cursor_up)()
            await pilot.pause()
            moves.append(((frames[-1] if frames else time.perf_counter()) - started) * 1000)
        out["quotes_key_ms"], out["quotes_key_p95_ms"] = statistics.median(moves), pct(moves, 0.95)
        await settled(lambda: main.show_view("people"))
        people = app.screen
        assert isinstance(people, PeopleScreen)
        rows = people.query_one(PeopleList).rows
        profiles = []
        for row in rows[:PROFILES]:
            profiles.append(await settled(lambda row=row: app.push_screen(ProfileScreen(main, row.id))))
            await settled(app.pop_screen)
        out["profile_ms"], out["profile_p95_ms"] = statistics.median(profiles), pct(profiles, 0.95)
    return out


ROWS = (
    ("views: quote table and people, built on first use (s)", "quote_table_s", "{:.2f}"),
    ("views: quotes in the corpus", "quotes_total", "{:,}"),
    ("views: open the quotes view, key to last frame, median (ms)", "view_quotes_ms", "{:.1f}"),
    ("views: open the quotes view, p95 (ms)", "view_quotes_p95_ms", "{:.1f}"),
    ("views: open the people view, median (ms)", "view_people_ms", "{:.1f}"),
    ("views: open the people view, p95 (ms)", "view_people_p95_ms", "{:.1f}"),
    ("views: open the timeline, median (ms)", "view_timeline_ms", "{:.1f}"),
    ("views: open the timeline, p95 (ms)", "view_timeline_p95_ms", "{:.1f}"),
    ("views: a key in the quotes view, median (ms)", "quotes_key_ms", "{:.1f}"),
    ("views: a key in the quotes view, p95 (ms)", "quotes_key_p95_ms", "{:.1f}"),
    ("views: a profile's first frame with its data, median (ms)", "profile_ms", "{:.1f}"),
    ("views: a profile's first frame with its data, p95 (ms)", "profile_p95_ms", "{:.1f}"),
)
