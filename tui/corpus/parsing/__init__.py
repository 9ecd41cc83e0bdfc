"""The parser: an article's text to its header, entities and quotes, rule-based and linear in its input.

It reads the corpus package's models, sources and file-name facts, and nothing else of the corpus:
loading, indexes, storage and the filter language import it, never the other way round.
"""

from .entities import find_entities
from .lexicon import fold, fold_text
from .parse import parse_source, parse_text, parse_within_budget

__all__ = ["find_entities", "fold", "fold_text", "parse_source", "parse_text", "parse_within_budget"]
