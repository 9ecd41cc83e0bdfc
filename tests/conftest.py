"""Shared set-up for the app tests: colour on, the bundled corpus, and waiting helpers."""

from __future__ import annotations

import os

# NO_COLOR in the environment makes every snapshot differ; it must go before Textual starts.
os.environ.pop("NO_COLOR", None)

from collections.abc import Awaitable, Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from textual.pilot import Pilot  # noqa: E402

from tui.app import ExplorerApp  # noqa: E402
from tui.corpus import bundled_corpus  # noqa: E402
from tui.screens.main import MainScreen  # noqa: E402
from tui.widgets.article_list import ArticleList  # noqa: E402

SEED = "000_095502d58ae3b188"
Factory = Callable[..., ExplorerApp]


def _make_app(paths: list[Path] | None = None) -> ExplorerApp:
    app = ExplorerApp(paths or [bundled_corpus()])
    app.animation_level = "none"
    return app


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The filter history goes to a folder of the test's own, never the user's state folder."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("ARTICLE_EXPLORER_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def make_app() -> Factory:
    """Tests import nothing from here (tests/ is not a package): helpers come as fixtures."""
    return _make_app


@pytest.fixture
def app() -> ExplorerApp:
    return _make_app()


async def _open_seed(pilot: Pilot) -> MainScreen:
    """Open the seed article (5 quotes: Peskov, Macron x3, Peskov) and return the screen."""
    screen = pilot.app.explorer
    position = next(p for p, a in enumerate(screen.corpus.articles) if a.id == SEED)
    screen.query_one(ArticleList).move_to(screen.rows.index(position))
    await pilot.press("enter")
    return screen


@pytest.fixture
def open_seed() -> Callable[[Pilot], Awaitable[MainScreen]]:
    return _open_seed


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    """A folder with one good article, one hostile title and one file that cannot be read."""
    (tmp_path / "good.txt").write_text(
        "Harbour reopens\n\n\"We are open again,\" said Mayor Anna Berg on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "hostile.txt").write_text(
        "[/bold] and [@click=app.quit]x[/] \x1b]0;PWNED\x07\n\nThe body of a hostile article.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path
