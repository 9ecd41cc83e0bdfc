"""Pictures of the explorer for the README: the app runs headless on the bundled corpus.

The same scenes back the snapshot tests, so what the README shows is what the tests check.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from .app import ExplorerApp
from .corpus import bundled_corpus

SIZE = (120, 36)
Scene = Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    """Wait for the loader and any search to finish, and stop what moves by itself."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def type_filter(pilot: Pilot, text: str) -> None:
    """Put a filter in the bar at once (typing key by key costs ~60 ms a key) and wait for it."""
    pilot.app.screen.query_one("#filter-input", Input).value = text
    await pilot.pause(0.2)  # the bar waits 150 ms for typing to stop
    await settle(pilot)


async def main(pilot: Pilot) -> None:
    await settle(pilot)


async def article(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("enter", "n", "n")
    await settle(pilot)


async def filtered(pilot: Pilot) -> None:
    await settle(pilot)
    await type_filter(pilot, "speaker:peskov")
    await pilot.press("enter")
    await settle(pilot)


async def entities(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("c", "e")
    await settle(pilot)


async def help_screen(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


def keys(*pressed: str) -> Scene:
    """A scene: these keys pressed one after another, each result awaited (views fetch in workers)."""

    async def scene(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return scene


SCENES: dict[str, Scene] = {
    "main": main, "article": article, "filtered": filtered, "entities": entities, "help": help_screen,
    "quotes": keys("Q"), "people": keys("P", "b"), "profile": keys("P", "enter"), "timeline": keys("T", "left"),
}  # fmt: skip


def new_app() -> ExplorerApp:
    app = ExplorerApp([bundled_corpus()])
    app.animation_level = "none"
    return app


async def _shoot(folder: Path, name: str, scene: Scene) -> Path:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await scene(pilot)
        return Path(app.save_screenshot(f"{name}.svg", str(folder)))


def to_png(svg: Path) -> None:
    """An SVG to PNG with rsvg-convert, when installed (`apt-get install librsvg2-bin`)."""
    converter = shutil.which("rsvg-convert")
    if converter is None:
        return
    # librsvg drops a leading no-break space inside a <text> unless spaces are preserved,
    # which glues a styled word to the next one in the PNG.
    text = re.sub(r"<svg ", '<svg xml:space="preserve" ', svg.read_text(encoding="utf-8"), count=1)
    with tempfile.NamedTemporaryFile("w", suffix=".svg", encoding="utf-8", delete=False) as copy:
        copy.write(text)
    try:
        subprocess.run([converter, "-o", str(svg.with_suffix(".png")), copy.name], check=True)
    finally:
        Path(copy.name).unlink(missing_ok=True)


def save_screenshots(folder: Path) -> int:
    """Save each scene as SVG (and PNG when rsvg-convert is on PATH) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        svg = asyncio.run(_shoot(folder, name, scene))
        to_png(svg)
        print(svg)
    return 0
