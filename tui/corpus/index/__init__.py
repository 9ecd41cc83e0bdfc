"""Inverted indexes over a corpus: words, quotes, entities, speakers, cues, sources, dates.

keys          folded words and name keys (`tokens`, `name_key`)
postings      key -> positions and position -> run, packed or growing in one structure
masks         lookups as bool masks of the corpus, for the list's filter (combined bitwise)
name_index    names (entities, speakers, cues, sources) matched by their words
phrases       words side by side in raw text
tallies       entities across articles (`EntitySummary`)
tally_subsets the entities of some articles (a filter's), tallied on row numbers
strings       columns of strings (names, aliases) packed in one buffer each
entry         what the index takes from one article (`IndexEntry`, made in a worker)
corpus_index  `CorpusIndex`: adding articles, lookups, completion, entity summaries
persistence   what a cache entry and a pickle keep of an index
"""

from ..fields import FIELD_ALIASES, HAS_VALUES
from ..parsing.lexicon import fold
from .corpus_index import COMPARISONS, CorpusIndex
from .entry import IndexEntry, index_entry
from .keys import name_key, needs_fold, tokens
from .name_index import NameIndex
from .phrases import PhraseMatcher
from .postings import Postings
from .tallies import EntitySummary, TallyRow, tally_rows

__all__ = [
    "COMPARISONS", "FIELD_ALIASES", "HAS_VALUES", "CorpusIndex", "EntitySummary", "IndexEntry", "NameIndex",
    "PhraseMatcher", "Postings", "TallyRow", "fold", "index_entry", "name_key", "needs_fold", "tally_rows",
    "tokens",
]  # fmt: skip
