"""The cyclic collector run after a frame is shown (tui/collector.py), not inside a key's work."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator

import pytest

import tui.collector as collector
from tui.collector import YOUNG_WORTH_COLLECTING, FrameCollector, collect_young
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList
from tui.widgets.text_view import TextView

QUIET = 1_000_000  # a first threshold the tests' objects never reach: the collector runs when told


@pytest.fixture
def quiet_collector() -> Iterator[None]:
    """The collector's own young runs held off, as they are between an app's frames."""
    before = gc.get_threshold()
    gc.set_threshold(QUIET, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _young_objects(count: int) -> list[list[int]]:
    return [[n] for n in range(count)]  # containers: counted by the collector's young generation


def test_few_young_objects_are_left_for_later(quiet_collector: None) -> None:
    gc.collect()
    kept = _young_objects(YOUNG_WORTH_COLLECTING // 4)
    assert collect_young() is None
    assert gc.get_count()[0] >= len(kept)


def test_many_are_collected_the_young_generation_alone_until_the_middle_one_is_due(quiet_collector: None) -> None:
    gc.collect()
    kept = _young_objects(2 * YOUNG_WORTH_COLLECTING)
    assert collect_young() == 0
    assert gc.get_count()[0] < len(kept)
    for _ in range(gc.get_threshold()[1]):
        gc.collect(0)  # each young collection counts one towards the middle one
    kept += _young_objects(2 * YOUNG_WORTH_COLLECTING)
    assert collect_young() == 1
    assert gc.get_count()[1] == 0


async def test_a_burst_of_frames_makes_one_collection_after_the_last() -> None:
    runs: list[float] = []
    loop = asyncio.get_running_loop()
    original = collector.collect_young
    collector.collect_young = lambda: runs.append(loop.time())  # type: ignore[assignment, return-value]
    try:
        frames = FrameCollector()
        for _ in range(5):
            frames.frame_shown()
            await asyncio.sleep(0)
        last = loop.time()
        assert runs == []  # never inside the frames' own work
        await asyncio.sleep(3 * collector.AFTER_FRAME_SECONDS)
        assert len(runs) == 1 and runs[0] >= last
        frames.frame_shown()
        frames.cancel()  # the app closing
        await asyncio.sleep(3 * collector.AFTER_FRAME_SECONDS)
        assert len(runs) == 1
    finally:
        collector.collect_young = original


def test_a_frame_outside_an_event_loop_schedules_nothing() -> None:
    frames = FrameCollector()
    frames.frame_shown()
    assert frames._pending is None


async def test_the_app_collects_after_its_frames(app) -> None:
    runs: list[int] = []
    original = collector.collect_young
    collector.collect_young = lambda: runs.append(1)  # type: ignore[assignment, return-value]
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            runs.clear()
            await pilot.press("down", "enter")
            await pilot.pause(0.1)
            assert runs  # the frames of the keys were followed by a collection
    finally:
        collector.collect_young = original


class _Thing:
    """Something let go of (weakly referable, as a styles cache or a text layout is)."""


async def test_what_a_key_lets_go_of_is_freed_after_the_next_frame_not_before() -> None:
    frames = FrameCollector()
    thing = _Thing()
    gone = weakref.ref(thing)
    frames.let_go_after_frame(thing)
    del thing
    await asyncio.sleep(3 * collector.AFTER_FRAME_SECONDS)
    assert gone() is not None  # no frame yet: still held
    frames.frame_shown()
    assert gone() is not None  # the frame is being sent
    await asyncio.sleep(3 * collector.AFTER_FRAME_SECONDS)
    assert gone() is None


async def test_an_opened_articles_old_rows_are_freed_once_the_new_ones_are_shown(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        screen.query_one(ArticleList).focus()
        await pilot.press("enter", "down")
        await pilot.pause()
        body = screen.query_one("#body", TextView)
        old_rows, old_layout = weakref.ref(body._styles_cache), weakref.ref(body._layout)
        await pilot.press("enter")
        await pilot.pause()
        await asyncio.sleep(3 * collector.AFTER_FRAME_SECONDS)
        assert body._styles_cache is not old_rows() and old_rows() is None
        assert old_layout() is None
