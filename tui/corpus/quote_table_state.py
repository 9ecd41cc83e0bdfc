"""A quote table as plain data for its side file (quote_table_file.py), and back: its number columns
as raw bytes (read back as read-only numpy columns over those bytes, no copy), its strings (entity
names, raw speakers' names and what the parser guessed of them) as blobs (`quote_table_strings`).

Read back, nothing is made a quote or a name: the raw speakers become `RawSpeaker`s only when the
resolver needs them (other corrections, articles arriving), the entities a pair when one is read.
Every part is checked against the others before the table takes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from .lazy_sequence import MadeOnRead
from .quote_table import ARRAYS, KINDS, NO_SPEAKER, QuoteTable, RawSpeaker
from .quote_table_strings import Groups, Strings, column_state, restored_column, within

_GENDERS = ("female", "male")  # what a raw speaker's genders count (quote_table._speaker)
_RAW_GROUPS = ("aliases", "roles", "kinds")
_RAW_COLUMNS = ("female", "male", "quotes", "kind_counts")
TABLE_PARTS = frozenset({*ARRAYS, "kind", "cues", "entity_kind", "entity_kinds", "entity_names", "raw"})


class Entities(MadeOnRead[tuple[str, str]]):
    """The entities quotes name, (kind, name) each, from a kind code column and a blob of names."""

    def __init__(self, kind: np.ndarray, kinds: list[str], names: Strings) -> None:
        self.kind, self.kinds, self.names = kind, kinds, names

    def __len__(self) -> int:
        return len(self.names)

    def _item(self, at: int) -> tuple[str, str]:
        return self.kinds[int(self.kind[at])], self.names[at]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return map(self._item, range(len(self)))

    def name_order(self, numbers: np.ndarray) -> np.ndarray:
        """The positions of these entities (numbers) in (kind, name) order, as `sorted` puts their
        items. Names are ordered by their UTF-8 bytes, which is the order of their characters: the
        first bytes of each compared in numpy, and only the names alike that far decoded (a run of
        thousands of entities, e.g. those a profile's quotes name once, costs no name decoded). A
        name whose bytes do not decode (a damaged side file) is placed by its bytes."""
        numbers = np.asarray(numbers, dtype=np.int64)
        rank = {kind: at for at, kind in enumerate(sorted(self.kinds))}
        kinds = np.array([rank[kind] for kind in self.kinds], dtype=np.int64)[self.kind[numbers]]
        prefixes = self.names.prefixes(numbers)
        order = np.lexsort((prefixes, kinds))
        kinds, prefixes = kinds[order], prefixes[order]
        alike = (kinds[1:] == kinds[:-1]) & (prefixes[1:] == prefixes[:-1])
        bounds = np.flatnonzero(np.concatenate(([True], ~alike, [True]))).tolist()
        for low, high in zip(bounds[:-1], bounds[1:], strict=True):
            if high - low > 1:  # alike as far as the prefixes go: their names decide
                group = order[low:high]
                names = [self.names[int(number)] for number in numbers[group].tolist()]
                order[low:high] = group[sorted(range(high - low), key=names.__getitem__)]
        return order

    def may_be_named(self, numbers: np.ndarray, keys: Iterable[str]) -> np.ndarray:
        """Which of these entities' names may have one of these keys (a mask; Strings.may_fold_to)."""
        return self.names.may_fold_to(numbers, keys)


class RawColumns:
    """The raw speakers as columns; `speakers()` makes the `RawSpeaker`s (for the resolver only)."""

    def __init__(self, keys: Strings, displays: Strings, groups: dict[str, Groups], columns: dict[str, np.ndarray]):
        self.keys, self.displays, self.groups, self.columns = keys, displays, groups, columns

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def of(cls, raw: Sequence[RawSpeaker]) -> RawColumns:
        groups = {"aliases": Groups.of(s.aliases for s in raw), "roles": Groups.of(s.roles for s in raw),
                  "kinds": Groups.of(s.kinds for s in raw)}  # fmt: skip
        columns = {gender: np.array([s.genders.get(gender, 0) for s in raw], dtype=np.int32) for gender in _GENDERS}
        columns["quotes"] = np.array([s.quotes for s in raw], dtype=np.int32)
        columns["kind_counts"] = np.array([n for s in raw for n in s.kinds.values()], dtype=np.int32)
        return cls(Strings.of(s.key for s in raw), Strings.of(s.display for s in raw), groups, columns)

    def speakers(self) -> list[RawSpeaker]:
        found = []
        aliases, roles, kinds = (self.groups[name] for name in _RAW_GROUPS)
        female, male, quotes = (self.columns[name].tolist() for name in ("female", "male", "quotes"))
        counts, kind_first = self.columns["kind_counts"].tolist(), kinds.first.tolist()
        for n, (key, display) in enumerate(zip(self.keys, self.displays, strict=True)):
            genders = {gender: count for gender, count in zip(_GENDERS, (female[n], male[n]), strict=True) if count}
            kind = dict(zip(kinds[n], counts[kind_first[n] : kind_first[n + 1]], strict=True))
            found.append(RawSpeaker(key, display, genders, dict.fromkeys(aliases[n]), dict.fromkeys(roles[n]), kind,
                                    quotes[n]))  # fmt: skip
        return found

    def state(self) -> dict:
        return {"keys": self.keys.state(), "displays": self.displays.state(),
                **{name: group.state() for name, group in self.groups.items()},
                **{name: column_state(values) for name, values in self.columns.items()}}  # fmt: skip

    @classmethod
    def restored(cls, state: object) -> RawColumns | None:
        if not isinstance(state, dict) or set(state) != {"keys", "displays", *_RAW_GROUPS, *_RAW_COLUMNS}:
            return None
        keys, displays = Strings.restored(state["keys"]), Strings.restored(state["displays"])
        if keys is None or displays is None or len(keys) != len(displays):
            return None
        groups = {name: Groups.restored(state[name], len(keys)) for name in _RAW_GROUPS}
        columns = {name: restored_column(state[name], len(keys)) for name in ("female", "male", "quotes")}
        kinds = groups["kinds"]
        columns["kind_counts"] = restored_column(state["kind_counts"], None if kinds is None else len(kinds.items))
        if any(group is None for group in groups.values()) or any(c is None for c in columns.values()):
            return None
        return cls(keys, displays, groups, columns)  # type: ignore[arg-type]


def table_state(table: QuoteTable) -> dict:
    """The table as plain data (bytes, str, lists and dicts of them)."""
    state: dict = {name: np.asarray(getattr(table, name)).astype(typecode_dtype(typecode)).tobytes()
                   for name, typecode in ARRAYS.items()}  # fmt: skip
    state["kind"] = bytes(table.kind)
    state["cues"] = list(table.cues)
    entities = table.entities
    if isinstance(entities, Entities):
        kind, kinds, names = entities.kind, entities.kinds, entities.names
    else:
        kinds = sorted({kind for kind, _ in entities})
        codes = {kind: code for code, kind in enumerate(kinds)}
        kind = np.array([codes[kind] for kind, _ in entities], dtype=np.uint8 if len(kinds) < 256 else np.int32)
        names = Strings.of(name for _, name in entities)
    state.update(entity_kind=column_state(kind), entity_kinds=kinds, entity_names=names.state())
    raw = table.packed_raw if table.packed_raw is not None else RawColumns.of(table.raw)
    state["raw"] = raw.state()
    return state


def typecode_dtype(typecode: str) -> str:
    return {"I": "uint32", "i": "int32"}[typecode]


def restored_table(state: object, articles: int) -> dict | str:
    """The table's attributes from `table_state`'s dict, when every part fits every other and the
    store's `articles`; else what does not."""
    if not isinstance(state, dict) or set(state) != TABLE_PARTS:
        return "not a quote table"
    columns: dict = {}
    for name, typecode in ARRAYS.items():
        data = state[name]
        if not isinstance(data, (bytes, memoryview)) or len(data) % 4:  # a view: kept out of band
            return f"column {name}"
        columns[name] = np.frombuffer(data, dtype=typecode_dtype(typecode))
    cues, kinds = state["cues"], state["entity_kinds"]
    names = Strings.restored(state["entity_names"])
    kind = restored_column(state["entity_kind"], None if names is None else len(names))
    if not (_strings(cues) and cues[:1] == [""] and _strings(kinds)) or names is None or kind is None:
        return "cues or entities"
    if not within(kind, 0, len(kinds)):
        return "cues or entities"
    raw = RawColumns.restored(state["raw"])
    if raw is None:
        return "raw names"
    quote_kinds = state["kind"]
    if not isinstance(quote_kinds, (bytes, memoryview)):
        return "kinds"
    why = _columns_fit(columns, quote_kinds, articles, len(raw), len(cues), len(names))
    if why:
        return why
    return {**columns, "kind": np.frombuffer(quote_kinds, dtype=np.uint8), "cues": cues, "packed_raw": raw,
            "entities": Entities(kind, kinds, names)}  # fmt: skip


def _strings(items: object) -> bool:
    return isinstance(items, list) and set(map(type, items)) <= {str}


def _columns_fit(view: dict, kind: bytes | memoryview, articles: int, speakers: int, cues: int, entities: int) -> str:
    """What does not fit, "" when every column agrees with the others and with the store."""
    quotes = len(view["article"])
    first, named_first = view["first"], view["named_first"]
    if len(first) != articles + 1 or first[0] != 0 or first[-1] != quotes:
        return "articles"
    if len(named_first) != quotes + 1 or named_first[0] != 0 or named_first[-1] != len(view["named"]):
        return "named entities"
    if any(len(view[name]) != quotes for name in ("number", "speaker", "day", "start", "end", "cue")):
        return "column lengths"
    if len(kind) != quotes or not within(np.frombuffer(kind, dtype=np.uint8), 0, len(KINDS)):
        return "kinds"
    if np.any(np.diff(first.astype(np.int64)) < 0) or np.any(np.diff(named_first.astype(np.int64)) < 0):
        return "articles"
    if not quotes:
        return "" if not len(view["named"]) else "named entities"
    owners = np.repeat(np.arange(articles, dtype=np.int64), np.diff(first.astype(np.int64)))
    if not np.array_equal(owners, view["article"]):
        return "articles"
    if (not within(view["speaker"], NO_SPEAKER, speakers) or not within(view["cue"], 0, cues)
            or np.any(view["start"] > view["end"])):  # fmt: skip
        return "speakers, cues or spans"
    if not within(view["named"], 0, entities):
        return "named entities"
    return ""
