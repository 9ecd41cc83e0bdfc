"""The tree a filter parses to: each node finds its articles in a `CorpusIndex`, and prints as
text that parses back to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..fields import FIELD_BY_NAME, SPEAKERS, Field
from ..index import CorpusIndex


@dataclass(frozen=True)
class QueryError:
    """Where a filter went wrong (0-based offset into its text) and a short reason."""

    position: int
    message: str

    def __str__(self) -> str:
        return self.message


Found = dict["Node", set[int]]  # one evaluation's results by node: equal terms are looked up once
Masks = dict["Node", np.ndarray]  # the same, as masks (`Node.mask`)


@dataclass(frozen=True)
class Node:
    """A piece of a query; `evaluate` returns a fresh set the caller may change."""

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return self.find(index, {})  # nothing else holds this evaluation's sets: the caller's own

    def find(self, index: CorpusIndex, found: Found) -> set[int]:
        """This node's positions, worked out once per evaluation: a 10,000-character query of one
        repeated word looks the word up once. The set is shared through `found`: never change it."""
        result = found.get(self)
        if result is None:
            result = found[self] = self.compute(index, found)
        return result

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        raise NotImplementedError

    def mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        """`find` as a mask (one bool an article position: `CorpusIndex.mask_size` cells), worked
        out once per evaluation and shared through `masks`: never change it."""
        result = masks.get(self)
        if result is None:
            result = masks[self] = self.compute_mask(index, masks)
        return result

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.mask_of(self.compute(index, {}))  # a term without a mask lookup: its set


@dataclass(frozen=True)
class Everything(Node):
    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.all_positions()

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.all_mask()

    def __str__(self) -> str:
        return ""


@dataclass(frozen=True)
class Word(Node):
    word: str

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.word(self.word)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.word_mask(self.word)

    def __str__(self) -> str:
        return f'"{self.word}"' if self.word == "or" else self.word


@dataclass(frozen=True)
class Phrase(Node):
    words: tuple[str, ...]

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.phrase(self.words)

    def __str__(self) -> str:
        return f'"{" ".join(self.words)}"'


Lookup = Callable[[CorpusIndex, tuple[str, ...]], set[int]]


def _lookup(field: Field) -> Lookup:
    """How a field whose value is words finds articles: by names of its kind, or in the text it
    names (`CorpusIndex.source`, `.title`, `.quote`, `.cue`)."""
    if field.value == "words":
        return lambda index, words: getattr(index, field.name)(words)
    if field.names == SPEAKERS:
        return lambda index, words: index.speaker(words)
    return lambda index, words: index.entity(words, field.names)


_LOOKUPS: dict[str, Lookup] = {field.name: _lookup(field) for field in FIELD_BY_NAME.values()
                               if field.value in ("names", "words")}  # fmt: skip
MaskLookup = Callable[[CorpusIndex, tuple[str, ...]], np.ndarray]
NAMED_WORDS = ("source", "section", "cue")  # fields whose value is words, looked up among names


def _mask_lookup(field: Field) -> MaskLookup | None:
    """`_lookup` as a mask, for a field looked up among names; None for one whose words are checked
    in text (`title:`, `quote:`), which finds a set."""
    if field.value == "words":
        return (lambda index, words: index.names_mask(field.name, words)) if field.name in NAMED_WORDS else None
    if field.names == SPEAKERS:
        return lambda index, words: index.names_mask("speaker", words)
    return lambda index, words: index.entity_mask(words, field.names)


_MASK_LOOKUPS: dict[str, MaskLookup | None] = {name: _mask_lookup(FIELD_BY_NAME[name]) for name in _LOOKUPS}


@dataclass(frozen=True)
class Match(Node):
    """A text field: `speaker:peskov`, `title:"peace talks"`."""

    field: str
    words: tuple[str, ...]

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return _LOOKUPS[self.field](index, self.words)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        lookup = _MASK_LOOKUPS[self.field]
        return super().compute_mask(index, masks) if lookup is None else lookup(index, self.words)

    def __str__(self) -> str:
        value = " ".join(self.words)
        return f'{self.field}:"{value}"' if len(self.words) > 1 else f"{self.field}:{value}"


@dataclass(frozen=True)
class Has(Node):
    what: str

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.has(self.what)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.has_mask(self.what)

    def __str__(self) -> str:
        return f"has:{self.what}"


@dataclass(frozen=True)
class QuoteCount(Node):
    op: str
    count: int

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.quote_count(self.op, self.count)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.quote_count_mask(self.op, self.count)

    def __str__(self) -> str:
        return f"quotes:{'' if self.op == '=' else self.op}{self.count}"


@dataclass(frozen=True)
class DateRange(Node):
    """Articles dated from `first` to `last`, inclusive; None leaves an end open."""

    first: date | None
    last: date | None

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.dates_between(self.first, self.last)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.dates_mask(self.first, self.last)

    def __str__(self) -> str:
        if self.first is not None and self.first == self.last:
            return f"date:{self.first.isoformat()}"
        first = self.first.isoformat() if self.first else ""
        last = self.last.isoformat() if self.last else ""
        return f"date:{first}..{last}"


@dataclass(frozen=True)
class Not(Node):
    node: Node

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.all_positions() - self.node.find(index, found)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        return index.all_mask() & ~self.node.mask(index, masks)

    def __str__(self) -> str:
        # `-(-x)`, not `--x`: a minus must be followed by a term or a group to parse back.
        return f"-{grouped(self.node, (And, Or, Not))}"


@dataclass(frozen=True)
class And(Node):
    nodes: tuple[Node, ...]

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        # Exclusions subtract from what the other terms found; only when nothing is included
        # do they start from every article. A term given twice is used once (`dict.fromkeys`).
        included = _dates_fused(dict.fromkeys(node for node in self.nodes if not isinstance(node, Not)))
        excluded = dict.fromkeys(node.node for node in self.nodes if isinstance(node, Not))
        sets = sorted((node.find(index, found) for node in included), key=len)
        # The sets are shared with `found`: the first operation that changes the result makes it
        # a new set (`owned`), so no term's set is ever copied or changed.
        result, owned = (sets[0], False) if sets else (index.all_positions(), True)
        for other in sets[1:]:
            if not result:
                break
            if owned:
                result &= other
            else:
                result, owned = result & other, True
        for node in excluded:
            if not result:
                break
            if owned:
                result -= node.find(index, found)
            else:
                result, owned = result - node.find(index, found), True
        return result if owned else set(result)

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        # As `compute`: new masks only (`a & b`), never one of `masks` changed.
        included = _dates_fused(dict.fromkeys(node for node in self.nodes if not isinstance(node, Not)))
        excluded = dict.fromkeys(node.node for node in self.nodes if isinstance(node, Not))
        result = included[0].mask(index, masks) if included else index.all_mask()
        for node in included[1:]:
            result = result & node.mask(index, masks)
        for node in excluded:
            if not result.any():
                break
            result = result & ~node.mask(index, masks)
        return result

    def __str__(self) -> str:
        return " ".join(grouped(node, (Or,)) for node in self.nodes)


@dataclass(frozen=True)
class Or(Node):
    nodes: tuple[Node, ...]

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        result: set[int] = set()
        for node in dict.fromkeys(self.nodes):
            result |= node.find(index, found)
        return result

    def compute_mask(self, index: CorpusIndex, masks: Masks) -> np.ndarray:
        nodes = list(dict.fromkeys(self.nodes))
        result = nodes[0].mask(index, masks) if nodes else index.mask_of(())
        for node in nodes[1:]:
            result = result | node.mask(index, masks)
        return result

    def __str__(self) -> str:
        return " OR ".join(str(node) for node in self.nodes)


def grouped(node: Node, kinds: tuple[type, ...]) -> str:
    return f"({node})" if isinstance(node, kinds) else str(node)


def all_of(nodes: list[Node]) -> Node:
    """AND of nodes, flattened; terms without words (`.`) constrain nothing and drop out."""
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, And) else [node])
    flat = [node for node in flat if not isinstance(node, Everything)]
    return flat[0] if len(flat) == 1 else And(tuple(flat)) if flat else Everything()


def any_of(nodes: list[Node]) -> Node:
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, Or) else [node])
    if any(isinstance(node, Everything) for node in flat):
        return Everything()
    return flat[0] if len(flat) == 1 else Or(tuple(flat))


@dataclass(frozen=True)
class Query:
    """A parsed filter. `str(query)` is its normalised form, which parses back to the same query."""

    root: Node

    def evaluate(self, index: CorpusIndex) -> set[int]:
        """Positions of the matching articles."""
        return self.root.evaluate(index)

    def mask(self, index: CorpusIndex) -> np.ndarray:
        """`evaluate` as a mask (`Node.mask`; read it, never change it)."""
        return self.root.mask(index, {})

    @property
    def is_empty(self) -> bool:
        """No condition at all (an empty filter): every article matches."""
        return isinstance(self.root, Everything)

    def __str__(self) -> str:
        return str(self.root)


def _dates_fused(nodes: dict[Node, None]) -> list[Node]:
    """The date ranges that one AND holds, as one range: `after:X before:Y` then looks up only
    the days between, not every article after X and every one before Y (each can be most of a
    large corpus, a set as large to build and intersect on every keystroke)."""
    ranges = [node for node in nodes if isinstance(node, DateRange)]
    if len(ranges) < 2:
        return list(nodes)
    firsts = [bound.first for bound in ranges if bound.first is not None]
    lasts = [bound.last for bound in ranges if bound.last is not None]
    fused = DateRange(max(firsts) if firsts else None, min(lasts) if lasts else None)
    return [node for node in nodes if not isinstance(node, DateRange)] + [fused]
