"""The views of issue 15 at scale: in the core and in the app, at each size, in a process of its own.

Core (`core_views`): the corpus opened from the cache, then the views' warm-up (the quote table,
its numpy columns, sort orders and tallies), then each view's answer worked out afresh (the
remembered answers dropped before each): the quotes (each sort), the people, the shares split by
source and by month, the timeline, the quotes and people of each prefix of a filter as it is
typed, and the profiles of the most quoted people. Wall time and this process's CPU time (the
ratio says how busy the machine was).

App (`app_views`, `App.run_test()`): the app opened from the cache, its warm-up worker waited
for, then: each view shown the first time (its screen made) and again (a view is kept), a cursor
key in the quotes view, each keystroke of a filter typed in the quotes view (from the filter's
change, after the bar's debounce of DEBOUNCE_SECONDS, to the last frame drawn with the new rows;
the field shows the typed text before, as it does when the debounce ends; the article list's
search waits until the articles are shown again), and a profile's first frame with its data (the
first profile apart: it also makes the profile screen). A time is from the action to the last
frame rendered to a terminal's bytes (as in run.py); beside it, the process's CPU time over the
same span (every thread), which a busy machine does not inflate. An action's first frame is
awaited before the harness's pause (app_keys.py says why); BENCH_PILOT_FIRST=1 times the actions
as before 2026-12-04 (the pause at once, the field's text set in the timed span), to compare. An
action comes a frame period after the last frame, as app_keys.py's keys do (BENCH_BACK_TO_BACK=1:
at once, as before).

`make bench` runs both at every size (run.py); alone, at the sizes given:

    python benchmarks/bench_views.py --shared ../shared --sizes 10000,100000 [--keep DIR]

With --keep, the generated corpora and their cache stay in DIR and are reused (a cold parse of
100,000 articles takes a quarter of an hour on 2 busy cores).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_keys import FIRST_FRAME_WAIT, SCREEN, TimedApp, frame_period_after  # noqa: E402  (run.py's app-warm child's)

OPENS = 8  # times each view is shown again
MOVES = 60  # cursor keys in the quotes view
PROFILES = 8  # the most quoted people, each profile opened once
TYPED = ("speaker:brown", "said -quote:war")  # filters typed in the quotes view, a prefix a keystroke
CORE_REPEATS = 3
NO_FRAME_WAIT = 0.1  # seconds a frame is awaited once the action's workers are done
# The harness's pause (`pilot.pause()`: a message to every widget on the screen, each handled) called
# before the action's first frame, as before 2026-12-04: to compare with earlier figures. Not quite
# as before: the pause comes after the action's workers are done, as it does either way.
PILOT_FIRST = os.environ.get("BENCH_PILOT_FIRST") == "1"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def prefixes() -> list[str]:
    return [text[:end] for text in TYPED for end in range(1, len(text) + 1)]


def spread(out: dict, key: str, values: list[float]) -> None:
    out[f"{key}_ms"], out[f"{key}_p95_ms"] = statistics.median(values), pct(values, 0.95)


# -- the core -------------------------------------------------------------------------------------


def core_views(folder: Path) -> dict:
    from tui.corpus import load_corpus
    from tui.corpus import views as core

    corpus = load_corpus([folder], cache=True)
    out: dict = {}
    wall, cpu = time.perf_counter(), time.process_time()
    core.warm(corpus, "")
    out["core_warm_s"], out["core_warm_cpu_s"] = time.perf_counter() - wall, time.process_time() - cpu
    view = corpus.quote_view()
    out["quotes_total"], out["people_total"] = len(view.table), len(view.people)

    def fresh(key: str, make: Callable[[], object], repeats: int = CORE_REPEATS) -> None:
        walls, cpus = [], []
        for _ in range(repeats):
            view.answers.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            make()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        spread(out, key, walls)
        out[f"{key}_cpu_ms"] = statistics.median(cpus)

    fresh("core_quotes_date", lambda: core.quotes(corpus, "", "date"))
    fresh("core_quotes_speaker", lambda: core.quotes(corpus, "", "speaker"))
    fresh("core_people", lambda: core.people(corpus, ""))
    fresh("core_split", lambda: (core.split(corpus, "", "source"), core.split(corpus, "", "month")))
    fresh("core_timeline", lambda: core.timeline_of(corpus, "", "month"))
    typed = prefixes()
    walls, cpus = [], []
    for text in typed:
        view.answers.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        core.quotes(corpus, text)
        core.people(corpus, text)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    spread(out, "core_typed", walls)
    out["core_typed_cpu_ms"] = statistics.median(cpus)
    top = core.people(corpus, "")
    ids = [row.id for row in top.rows[:PROFILES]]  # type: ignore[union-attr]
    fresh("core_profile", lambda: [core.profile_of(corpus, person_id) for person_id in ids], repeats=1)
    out["core_profile_ms"] /= max(1, len(ids))
    out["core_profile_p95_ms"] /= max(1, len(ids))
    out["core_profile_cpu_ms"] /= max(1, len(ids))
    return out


# -- the app ----------------------------------------------------------------------------------------


async def app_views(folder: Path) -> dict:
    from textual.widgets import Input

    from tui.screens.people import PeopleScreen
    from tui.screens.quotes import QuotesScreen
    from tui.widgets.people_list import PeopleList
    from tui.widgets.quote_list import QuoteList

    started, started_cpu = time.perf_counter(), time.process_time()  # the app's start: "usable" counts from here
    timed = TimedApp(folder, pilot_first=PILOT_FIRST)  # its frames recorded as app_keys.py says
    app, frames, framed = timed.app, timed.frames, timed.framed
    out: dict = {}
    async with app.run_test(size=SCREEN) as pilot:
        main = app.explorer
        await timed.loaded(pilot)
        tick = time.perf_counter()
        out["app_loaded_s"] = tick - started
        await app.workers.wait_for_complete()  # the views' warm-up (MainScreen._warm_quotes)
        out["app_warm_s"] = time.perf_counter() - tick
        out["app_views_ready_s"] = time.perf_counter() - started  # every view's screen made, its answer in
        out["app_views_ready_cpu_s"] = time.process_time() - started_cpu
        from run import rss_mb

        out["app_views_rss_mb"] = rss_mb()  # what the explorer holds once every view is ready

        cpu: list[float] = []  # this process's CPU time (every thread) for each settled action

        async def workers_done() -> None:
            """Every worker finished; one a newer request made stale (cancelled) is not waited for."""
            await asyncio.gather(*[w.wait() for w in app.workers if not w.is_cancelled], return_exceptions=True)

        async def answered_at() -> float:
            await workers_done()
            return time.perf_counter()

        async def settled(action) -> float:  # type: ignore[no-untyped-def]
            await frame_period_after(lambda: timed.last_frame)
            frames.clear()
            framed.clear()
            started, used = time.perf_counter(), time.process_time()
            action()
            answered = asyncio.ensure_future(answered_at())  # the workers the action started
            if not PILOT_FIRST:  # the action's first frame before the harness's pause (app_keys.py)
                drawn = asyncio.ensure_future(framed.wait())
                await asyncio.wait({drawn, answered}, timeout=FIRST_FRAME_WAIT, return_when=asyncio.FIRST_COMPLETED)
                if not drawn.done():  # answered, nothing drawn yet: its frame is coming, or none is
                    await asyncio.wait({drawn}, timeout=NO_FRAME_WAIT)
                drawn.cancel()
            ended = await answered
            await pilot.pause()
            await workers_done()
            await pilot.pause()
            done = time.perf_counter()
            cpu.append((time.process_time() - used) * 1000)
            # An action that draws nothing (a filter whose answer is the one shown) ends with its
            # workers, not with the harness's pauses after them (as it did with BENCH_PILOT_FIRST).
            return ((frames[-1] if frames else done if PILOT_FIRST else ended) - started) * 1000

        for name in ("quotes", "people", "timeline"):
            out[f"view_{name}_first_ms"] = await settled(lambda name=name: main.show_view(name))
            await settled(lambda: main.show_view("articles"))
            times, used = [], []
            for _ in range(OPENS):
                times.append(await settled(lambda name=name: main.show_view(name)))
                used.append(cpu[-1])
                await settled(lambda: main.show_view("articles"))
            spread(out, f"view_{name}", times)
            out[f"view_{name}_cpu_ms"] = statistics.median(used)
        await settled(lambda: main.show_view("quotes"))
        quotes = app.screen.query_one(QuoteList)
        moves = []
        for step in range(MOVES):
            move = quotes.action_cursor_down if step < MOVES - 10 else quotes.action_cursor_up
            moves.append((await timed.key(pilot, move)).wall)
        spread(out, "quotes_key", moves)
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        typed, cpu[:] = [], []
        field = screen.bar.input
        for text in prefixes():
            if not PILOT_FIRST:  # the keystroke's own frame, drawn before the debounce calls set_filter
                with field.prevent(Input.Changed):
                    field.value = text
                await pilot.pause()
            typed.append(await settled(lambda text=text: screen.set_filter(text)))
        spread(out, "filter_key", typed)
        out["filter_key_cpu_ms"] = statistics.median(cpu)
        await settled(lambda: screen.set_filter(""))
        await settled(lambda: main.show_view("people"))
        people = app.screen
        assert isinstance(people, PeopleScreen)
        rows = people.query_one(PeopleList).rows
        profiles, used = [], []
        for row in rows[: PROFILES + 1]:  # the first also makes the profile screen (kept for the others)
            profiles.append(await settled(lambda row=row: main.show_profile(row.id)))
            used.append(cpu[-1])
            await settled(app.pop_screen)
        out["profile_first_ms"] = profiles[0]
        spread(out, "profile", profiles[1:])
        out["profile_cpu_ms"] = statistics.median(used[1:])
    return out


ROWS = (
    ("views: quotes in the corpus", "quotes_total", "{:,}"),
    ("views: people in the corpus", "people_total", "{:,}"),
    ("views core: warm-up, quote table + columns + orders (s)", "core_warm_s", "{:.2f}"),
    ("views core: warm-up, CPU (s)", "core_warm_cpu_s", "{:.2f}"),
    ("views core: all quotes by date, median (ms)", "core_quotes_date_ms", "{:.1f}"),
    ("views core: all quotes by speaker (ms)", "core_quotes_speaker_ms", "{:.1f}"),
    ("views core: the people of all quotes (ms)", "core_people_ms", "{:.1f}"),
    ("views core: the people, CPU (ms)", "core_people_cpu_ms", "{:.1f}"),
    ("views core: shares by source and by month (ms)", "core_split_ms", "{:.1f}"),
    ("views core: timeline by month (ms)", "core_timeline_ms", "{:.1f}"),
    ("views core: quotes + people of a filter being typed, median (ms)", "core_typed_ms", "{:.1f}"),
    ("views core: the same, p95 (ms)", "core_typed_p95_ms", "{:.1f}"),
    ("views core: the same, CPU median (ms)", "core_typed_cpu_ms", "{:.1f}"),
    ("views core: a profile of the most quoted, mean (ms)", "core_profile_ms", "{:.1f}"),
    ("views app: start until the articles are loaded (s)", "app_loaded_s", "{:.2f}"),
    ("views app: warm-up worker after the load (s)", "app_warm_s", "{:.2f}"),
    ("views app: start until every view is ready (s)", "app_views_ready_s", "{:.2f}"),
    ("views app: the same, CPU time of the process (s)", "app_views_ready_cpu_s", "{:.2f}"),
    ("views app: RSS once the views are ready, process total (MB)", "app_views_rss_mb", "{:.0f}"),
    ("views app: quotes view shown the first time (ms)", "view_quotes_first_ms", "{:.1f}"),
    ("views app: quotes view shown again, median (ms)", "view_quotes_ms", "{:.1f}"),
    ("views app: quotes view shown again, p95 (ms)", "view_quotes_p95_ms", "{:.1f}"),
    ("views app: people view shown the first time (ms)", "view_people_first_ms", "{:.1f}"),
    ("views app: people view shown again, median (ms)", "view_people_ms", "{:.1f}"),
    ("views app: people view shown again, p95 (ms)", "view_people_p95_ms", "{:.1f}"),
    ("views app: timeline shown the first time (ms)", "view_timeline_first_ms", "{:.1f}"),
    ("views app: timeline shown again, median (ms)", "view_timeline_ms", "{:.1f}"),
    ("views app: timeline shown again, p95 (ms)", "view_timeline_p95_ms", "{:.1f}"),
    ("views app: a cursor key in the quotes view, median (ms)", "quotes_key_ms", "{:.1f}"),
    ("views app: a cursor key in the quotes view, p95 (ms)", "quotes_key_p95_ms", "{:.1f}"),
    ("views app: a filter keystroke in the quotes view, after the debounce, median (ms)", "filter_key_ms", "{:.1f}"),
    ("views app: a filter keystroke in the quotes view, p95 (ms)", "filter_key_p95_ms", "{:.1f}"),
    (
        "views app: the first profile shown (its screen made), first frame with its data (ms)",
        "profile_first_ms",
        "{:.1f}",
    ),
    ("views app: a profile's first frame with its data, median (ms)", "profile_ms", "{:.1f}"),
    ("views app: a profile's first frame with its data, p95 (ms)", "profile_p95_ms", "{:.1f}"),
    ("views app CPU: quotes view shown again, median (ms)", "view_quotes_cpu_ms", "{:.1f}"),
    ("views app CPU: people view shown again, median (ms)", "view_people_cpu_ms", "{:.1f}"),
    ("views app CPU: timeline shown again, median (ms)", "view_timeline_cpu_ms", "{:.1f}"),
    ("views app CPU: a filter keystroke, median (ms)", "filter_key_cpu_ms", "{:.1f}"),
    ("views app CPU: a profile, median (ms)", "profile_cpu_ms", "{:.1f}"),
)


# -- alone: generate (or reuse), cache, measure ---------------------------------------------------


def child(kind: str, folder: Path) -> dict:
    if kind == "cache":
        from tui.corpus import load_corpus

        started = time.perf_counter()
        load_corpus([folder], cache=True)
        return {"cache_made_s": time.perf_counter() - started}
    return core_views(folder) if kind == "core" else asyncio.run(app_views(folder))


def run_child(kind: str, folder: Path, env: dict) -> dict:
    import subprocess

    done = subprocess.run([sys.executable, __file__, "--child", kind, str(folder)], capture_output=True, text=True,
                          env=env)  # fmt: skip
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return {}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def bench_size(size: int, shared: Path, keep: Path | None) -> dict:
    from run import CODE_VERSION_VARIABLE, corpus_folder

    from tui.corpus.cache import code_version

    work = keep if keep is not None else Path(tempfile.mkdtemp(prefix=f"axviews-{size}-"))
    try:
        folder = corpus_folder(size, shared, work)
        env = {**os.environ, "ARTICLE_EXPLORER_CACHE_DIR": str(work / f"cache-{code_version()[:16]}"),
               "PYTHONPATH": str(ROOT), CODE_VERSION_VARIABLE: code_version()}  # fmt: skip
        result: dict = {"size": size, **run_child("cache", folder, env)}
        print(f"  cache ready in {result.get('cache_made_s', 0):.1f} s", flush=True)
        result.update(run_child("core", folder, env))
        result.update(run_child("app", folder, env))
        result["load"] = os.getloadavg()[0]
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=ROOT.parent / "shared", type=Path)
    parser.add_argument("--sizes", default="10000", help="comma-separated article counts (100000: see --keep)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora and their cache here, reuse them")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from run import code_changed

        if changed := code_changed():  # the same guard as run.py's children: never a silent re-parse
            print(changed, file=sys.stderr)
            return 2
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    from sizes import bench_sizes

    shared = args.shared.resolve()
    results = bench_sizes(args.sizes, args.keep, lambda size, keep: bench_size(size, shared, keep))
    print("\n| | " + " | ".join(f"{r['size']:,} articles" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for label, key, fmt in (*ROWS, ("load average (1 min) at the end", "load", "{:.1f}")):
        cells = [fmt.format(r[key]) if r.get(key) is not None else "-" for r in results]
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
