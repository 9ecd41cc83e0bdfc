"""The filter language's fields, declared once: each field's name and aliases, what its value is,
its line of help and an example. The query parser, tab completion, the help screen, the filter
bar's hint and the entity panel's kind labels are all made from this table; a new field is a row
here (and, for a new kind of value, a branch in `query.values.field_node`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .kinds import KIND_NAMES

# What a field's value is:
#   names   words of a name (any alias), side by side; completes with the names it searches
#   words   words side by side in the source, the title, a quote or its verb
#   facts   one of the field's choices (has:quotes)
#   count   a number of quotes, maybe after a comparison (>3)
#   period  a year, month or day, a range a..b, or a comparison (>=2026-01)
#   from    a period, from its first day on
#   until   a period, up to the day before it
Value = Literal["names", "words", "facts", "count", "period", "from", "until"]
SPEAKERS = "speaker"  # the names a `names` field searches: an entity kind, None for any, or speakers
HAS_VALUES: tuple[str, ...] = ("quotes", "entities", "date", "source")


@dataclass(frozen=True)
class Field:
    """One field of the filter language."""

    name: str
    aliases: tuple[str, ...]
    value: Value
    help: str  # fields with the same help share its line on the help screen
    example: str
    names: str | None = None  # for `names` fields: an entity kind, SPEAKERS, or None for any kind
    choices: tuple[str, ...] = ()  # for `facts` fields
    hint: int = 0  # its place among the fields the filter bar's hint names, from 1; 0: not named
    example_in_help: bool = False  # the help shows its example rather than its name and short aliases

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def short(self) -> str | None:
        """Its one-letter alias, if it has one."""
        return next((alias for alias in self.aliases if len(alias) == 1), None)


_PEOPLE = "naming a person (any alias) anywhere in the article"
_QUOTED = "said in ONE quote: speaker:lee quote:tax is Lee saying tax"
_OTHERS = "naming an organisation, a place, a group"
_ANY = "naming anything, of any kind (any alias)"
_TEXT = "the source, the title"
_FACTS = "articles with quotes, with more than three"
_DATES = "a month, a day or a range a..b"

FIELDS: tuple[Field, ...] = (
    Field("speaker", ("s",), "names", _QUOTED, 'speaker:"ann lee"', names=SPEAKERS, hint=1),
    Field("person", ("p",), "names", _PEOPLE, "person:lee", names="person", hint=2),
    Field("org", ("o", "organization", "organisation"), "names", _OTHERS, "org:acme", names="organization",
          hint=3),
    Field("place", ("l",), "names", _OTHERS, "place:paris", names="place", hint=4),
    Field("group", ("g",), "names", _OTHERS, "group:greens", names="group"),
    Field("entity", ("e",), "names", _ANY, "entity:acme", names=None),
    Field("source", (), "words", _TEXT, "source:wire"),
    Field("section", (), "words", "the first folder below the corpus root", "section:business"),
    Field("title", (), "words", _TEXT, 'title:"peace talks"'),
    Field("quote", (), "words", _QUOTED, 'quote:"we will"', hint=6),
    Field("cue", (), "words", _QUOTED, "cue:warned"),
    Field("has", (), "facts", _FACTS, "has:quotes", choices=HAS_VALUES, example_in_help=True),
    Field("quotes", (), "count", _FACTS, "quotes:>3", example_in_help=True),
    Field("date", (), "period", _DATES, "date:2026-02", hint=5, example_in_help=True),
    Field("after", ("since",), "from", _DATES, "after:2026-01-01"),
    Field("before", (), "until", _DATES, "before:2026-03"),
)  # fmt: skip

FIELD_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}
FIELD_ALIASES: dict[str, str] = {spelling: field.name for field in FIELDS for spelling in field.spellings}
NAME_FIELDS: dict[str, str | None] = {
    spelling: field.names for field in FIELDS if field.value == "names" for spelling in field.spellings
}  # which names complete after each spelling of a `names` field
KIND_LABELS: dict[str, str] = {
    field.names: field.short.upper() for field in FIELDS if field.names in KIND_NAMES and field.short
}  # an entity kind's one-letter mark in the explorer, as its field's alias: P, O, L, G


def field_tokens() -> list[str]:
    """What tab completes in the filter bar: every spelling of every field with its colon, and a
    `facts` field with each of its choices."""
    tokens: list[str] = []
    for field in FIELDS:
        for spelling in field.spellings:
            tokens += [f"{spelling}:{choice}" for choice in field.choices] or [f"{spelling}:"]
    return tokens


def help_rows() -> list[tuple[str, str]]:
    """The help screen's lines for the fields: (how they are written, what they find)."""
    rows: dict[str, list[str]] = {}
    for field in FIELDS:
        shown = field.example if field.example_in_help else " ".join(f"{s}:" for s in (field.name, field.short) if s)
        rows.setdefault(field.help, []).append(shown)
    return [(_joined(shown), meaning) for meaning, shown in rows.items()]


def _joined(shown: list[str]) -> str:
    """Bare names one space apart (`source: title:`); a name with its alias or an example two,
    so that each field reads as one group (`speaker: s:  person: p:`)."""
    line = shown[0]
    for before, after in zip(shown, shown[1:], strict=False):
        bare = all(" " not in part and part.endswith(":") for part in (before, after))
        line += (" " if bare else "  ") + after
    return line


def hint_names() -> str:
    """The fields the filter bar's hint names: `speaker: person: ...`."""
    return " ".join(f"{field.name}:" for field in sorted(FIELDS, key=lambda f: f.hint) if field.hint)
