"""What every reader returns, and the helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..models import LoadProblem, LoadReason

if TYPE_CHECKING:  # load.py imports this package: a run-time import back would be circular
    from ..sources import Source


@dataclass
class Loaded:
    """The articles one file gave, in file order, and every part of it that did not become one."""

    sources: list[Source] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    def problem(self, path: str, reason: LoadReason, detail: str = "") -> None:
        self.problems.append(LoadProblem(path=path, reason=reason, detail=detail))


def item_id(file_id: str, number: int | str) -> str:
    return f"{file_id}#{number}"


def item_path(path: str, number: int | str) -> str:
    return f"{path}#{number}"


def clean_meta(**values: object) -> dict[str, str]:
    """Metadata as the parser takes it: strings with their whitespace folded, empty ones left out."""
    meta: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            continue
        text = " ".join(str(value).split())
        if text:
            meta[key] = text
    return meta


def iso_from_timestamp(seconds: float) -> str | None:
    """A Unix time as ISO 8601 in UTC, or None for one out of range."""
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None
