"""The entity kinds, declared once: the order the explorer lists them in and the theme variable
each is drawn in. The entity panel, the index and the filter fields are made from this table;
a new kind is a row here, a colour per theme in `tui/app.py`, and its name in `models.EntityKind`
(which the parser's records are checked against)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of entity."""

    name: str  # as in `Entity.kind`
    style: str  # the theme variable its names are drawn in, without the `$`


KINDS: tuple[Kind, ...] = (  # in the order the explorer lists them
    Kind("person", "person"),
    Kind("organization", "organization"),
    Kind("place", "place"),
    Kind("group", "group"),
)
KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
KIND_ORDER: dict[str, int] = {kind.name: order for order, kind in enumerate(KINDS)}
