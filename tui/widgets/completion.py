"""Tab completion in the filter bar: field names, and entity names after a field."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..corpus import NAME_FIELDS

# Which entity names complete after each field (None: any kind): the fields table's.
FIELD_KINDS: dict[str, str | None] = NAME_FIELDS
_FRAGMENT = re.compile(r"[^\s()|]*$")

Names = Callable[[str, str | None], list[str]]


def _quoted(name: str) -> str:
    return f'"{name}"' if re.search(r"[\s():|-]", name) else name


def completions(text: str, cursor: int, fields: list[str], names: Names) -> list[tuple[str, int]]:
    """Each way to complete the word before `cursor`: (new text, new cursor)."""
    head, tail = text[:cursor], text[cursor:]
    fragment = _FRAGMENT.search(head).group()  # type: ignore[union-attr]
    if fragment.count('"') % 2:  # inside an open quote: take the whole quoted value
        fragment = head[head.rfind(" ", 0, head.rfind('"')) + 1 :]
    lead = head[: len(head) - len(fragment)]
    sign = "-" if fragment.startswith("-") else ""
    word = fragment[len(sign) :]
    field, colon, value = word.partition(":")
    if colon and field.lower() in FIELD_KINDS:
        found = names(value.strip('"'), FIELD_KINDS[field.lower()])
        options = [f"{sign}{field}:{_quoted(name)}" for name in found]
    elif colon:
        options = [f"{sign}{name}" for name in fields if name.startswith(word.lower()) and name != word]
    else:
        options = [f"{sign}{name}" for name in fields if word and name.startswith(word.lower())]
        options += [f"{sign}{_quoted(name)}" for name in names(word, None)] if word else []
    options = list(dict.fromkeys(o for o in options if o != fragment))
    separator = "" if tail.startswith(" ") or not tail else " "
    return [(lead + option + separator + tail, len(lead + option)) for option in options]
