"""What file and folder names say about an article: its section and, when its text has none, its date.

The rules (README, "Metadata from names"):
- The section is the first folder below the corpus root: `business/001.txt` is in `business`. A
  file named on its own, or lying in the root, has none. A section the file itself gives (a web
  page's article:section, a feed item's category) wins.
- A date in the file's name, else in the nearest folder's name that has one, written `2016-09-12`
  or `20160912`, with a year from FIRST_NAME_YEAR to LAST_NAME_YEAR and a real day, is the
  publication date when the text gives no date (neither a publication time nor a dateline). The
  article then says so: `date_from_name` is set, and its header shows "date from file name".
Only the part of the path below the corpus root counts (the article id, without its extension):
the folders above it (a home folder, a backup named by date) say nothing about the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .models import Article

FIRST_NAME_YEAR = 1900
LAST_NAME_YEAR = 2099
# Digits on either side would make it part of a longer number (an id, a timestamp), not a date.
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<year>\d{4})(?:-(?P<month>\d{2})-(?P<day>\d{2})|(?P<month2>\d{2})(?P<day2>\d{2}))(?!\d)"
)


@dataclass(frozen=True)
class NameFacts:
    section: str | None = None
    published: datetime | None = None


def name_facts(article_id: str) -> NameFacts | None:
    """The section and date an id (a path below the corpus root, without extension) gives; None
    when it gives neither."""
    parts = article_id.split("/")
    section = parts[0] if len(parts) > 1 and parts[0] else None
    published = next((found for part in reversed(parts) if (found := date_in_name(part))), None)
    if section is None and published is None:
        return None
    return NameFacts(section, published)


def date_in_name(name: str) -> datetime | None:
    """The first date in a file or folder name, or None."""
    for match in _NAME_DATE.finditer(name):
        year = int(match["year"])
        month = int(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        if FIRST_NAME_YEAR <= year <= LAST_NAME_YEAR:
            try:
                return datetime.combine(date(year, month, day), datetime.min.time())
            except ValueError:
                continue
    return None


def with_name_facts(article: Article, facts: NameFacts | None, own_section: str | None = None) -> Article:
    """The article with its section, and with the date from its names when its text gave none."""
    section = own_section or (facts.section if facts else None)
    if section:
        article.section = section
    if facts is not None and facts.published is not None and article.date is None:
        article.published = facts.published
        article.date_from_name = True
    return article
