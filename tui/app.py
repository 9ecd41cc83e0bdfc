"""The App: theme colours for what the explorer shows, the commands, and `run_app`."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from rich.console import RenderableType
from textual.app import App, SystemCommand
from textual.screen import Screen

from .collector import FrameCollector
from .commands import bindings, palette_commands
from .corpus import Corrections, bundled_corpus, prepare_workers
from .screens.main import MainScreen
from .screens.palette import EntityCommands

# Colours for the explorer's own variables, one set for dark themes and one for light ones, so
# any theme (including Textual's built-in ones) gets readable quotes, speakers and entities.
DARK: dict[str, str] = {
    "quote": "#3a3322", "quote-partial": "#1f3340", "quote-current": "#6b5316", "match": "#2b5f86",
    "speaker": "#ffcc66", "cue": "#ff9e64",
    "person": "#7dcfff", "organization": "#c3a6ff", "place": "#9ece6a", "group": "#f7a8c8",
    "speaker-1": "#ffb454", "speaker-2": "#73daca", "speaker-3": "#ff7a93", "speaker-4": "#7aa2f7",
    "speaker-5": "#c3e88d", "speaker-6": "#bb9af7", "speaker-7": "#f0d35b", "speaker-8": "#7dcfff",
}  # fmt: skip
LIGHT: dict[str, str] = {
    "quote": "#fbefc9", "quote-partial": "#dcedf8", "quote-current": "#f5cf5a", "match": "#a8e2ff",
    "speaker": "#8a5a00", "cue": "#b2460f",
    "person": "#0b62a0", "organization": "#6b3fa0", "place": "#2f6f1f", "group": "#9c2f63",
    "speaker-1": "#9a4f00", "speaker-2": "#00756e", "speaker-3": "#b4233f", "speaker-4": "#1f4fbf",
    "speaker-5": "#4f7a00", "speaker-6": "#7a3fb0", "speaker-7": "#8a6d00", "speaker-8": "#006e9c",
}  # fmt: skip

# The cyclic collector's first threshold while the app runs (Python's is 700). Drawing a frame makes
# and drops thousands of objects (a Textual Strip is a dozen); at 700 the collector ran ~9 times an
# article opened and its middle generation nearly once, ~7 ms of a 28 ms open at 100,000 articles.
# The session's long-lived objects are frozen out of its reach (screens/navigation.py); at 7,000
# it runs once in a few opens and costs ~2-3 ms an open on average.
YOUNG_COLLECTED_FROM = 7_000


class ExplorerApp(App[None]):
    """Article explorer: the list, the reading pane and the entities of a news corpus."""

    TITLE = "article-explorer"
    CSS_PATH = "explorer.tcss"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {EntityCommands}

    def __init__(self, paths: Sequence[Path] | None = None, cache: bool = True,
                 corrections: Corrections | None = None) -> None:  # fmt: skip
        super().__init__()
        self.corrections = corrections or Corrections()
        prepare_workers()  # while stderr is still the terminal's: see tui.corpus.parallel
        self.paths = list(paths) if paths else [bundled_corpus()]
        self.cache = cache
        self.explorer: MainScreen | None = None
        self._thresholds = gc.get_threshold()  # given back when the app closes
        self._collector = FrameCollector()

    def on_mount(self) -> None:
        self._thresholds = gc.get_threshold()
        gc.set_threshold(YOUNG_COLLECTED_FROM, *self._thresholds[1:])

    def on_unmount(self) -> None:
        self._collector.cancel()
        gc.set_threshold(*self._thresholds)

    def let_go_after_frame(self, *things: object) -> None:
        """Free `things` after the next frame, not during the key that drops them (tui/collector.py)."""
        self._collector.let_go_after_frame(*things)

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        if renderable is not None:  # a frame: the collector runs once it is out (tui/collector.py)
            self._collector.frame_shown()

    def get_default_screen(self) -> Screen:
        # Made here, not in __init__: a screen belongs to the running app.
        self.explorer = MainScreen(self.paths, cache=self.cache, corrections=self.corrections)
        return self.explorer

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(DARK if self.current_theme.dark else LIGHT)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in palette_commands():
            run = partial(self.run_action, command.action, self.explorer or screen)
            yield SystemCommand(command.label, command.help, run)
        yield from super().get_system_commands(screen)


def run_app(paths: list[Path], cache: bool = True, corrections: Corrections | None = None) -> int:
    """Open the explorer on files and folders (none: the bundled corpus) until the user quits."""
    ExplorerApp(paths, cache=cache, corrections=corrections).run()
    return 0
