"""The views a key shows over the articles: quotes (`Q`), people (`P`), timeline (`T`)."""

from __future__ import annotations

from .people import PeopleScreen
from .quotes import QuotesScreen
from .timeline import TimelineScreen
from .view_base import ViewScreen

VIEWS: dict[str, type[ViewScreen]] = {"quotes": QuotesScreen, "people": PeopleScreen, "timeline": TimelineScreen}
