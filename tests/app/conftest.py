"""Set-up for the app tests: colour on, the app factory of the screenshots, and waiting helpers."""

from __future__ import annotations

import os

# NO_COLOR in the environment makes every snapshot differ; it must go before Textual starts.
os.environ.pop("NO_COLOR", None)

from collections.abc import Awaitable, Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from tests.quote_corpus import quote_corpus  # noqa: E402
from tui.app import ExplorerApp  # noqa: E402
from tui.corpus import write_articles  # noqa: E402
from tui.screens.main import MainScreen  # noqa: E402
from tui.screenshots import new_app  # noqa: E402
from tui.widgets.article_list import ArticleList  # noqa: E402

SEED = "000_095502d58ae3b188"
Factory = Callable[..., ExplorerApp]


@pytest.fixture
def make_app() -> Factory:
    """The one app factory, shared with `make screenshots`: `make_app(paths)` or the bundled corpus."""
    return new_app


@pytest.fixture
def app() -> ExplorerApp:
    return new_app()


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
        'Harbour reopens\n\n"We are open again," said Mayor Anna Berg on Monday.\n', encoding="utf-8"
    )
    (tmp_path / "hostile.txt").write_text(
        "[/bold] and [@click=app.quit]x[/] \x1b]0;PWNED\x07\n\nThe body of a hostile article.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


@pytest.fixture
def quotes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_articles(quote_corpus().articles, out, "jsonl")
    return path
