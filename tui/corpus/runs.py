"""Words and capitalised runs: an article's candidate names, before anything is classed."""

from __future__ import annotations

import re

from .lexicon import common_words, fold, org_cues, title_words

# A word: letters and digits, with inner apostrophes, dots, hyphens and ampersands ("O'Neil", "U.S").
TOKEN = re.compile(r"[^\W_]+(?:[&'\u2019.\-][^\W_]+)*")
_LOWER_PREFIX = re.compile(r"^[a-z]+-(?=[A-Z])")  # "post-EU", "anti-Putin": the name is the second part
_NAME_PARTICLES = frozenset({"de", "du", "la", "le", "von", "van", "der", "den", "da", "dos", "al", "bin", "y", "di"})
# Inside organisation names only: "Bank of England", "Centre for Disease Control", "Harbour & Bean".
_ORG_CONNECTORS = frozenset({"of", "for", "and", "&", "the"})
CONNECTORS = _NAME_PARTICLES | _ORG_CONNECTORS
POSSESSIVE = re.compile(r"['\u2019]s?$")


class Token:
    """A word and where it is; `capitalised` is worked out once, as runs ask for it often."""

    __slots__ = ("start", "end", "text", "capitalised")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.capitalised = text[0].isupper()


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        start, word = match.start(), match.group()
        if "-" in word:
            prefix = _LOWER_PREFIX.match(word)
            if prefix:
                start, word = start + prefix.end(), word[prefix.end():]
        tokens.append(Token(start, match.end(), word))
    return tokens


def capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Index ranges of tokens forming one capitalised name, joined by single spaces or connectors."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and joined(text, tokens[j - 1], tokens[j]):
            if tokens[j].capitalised:
                j += 1
                continue
            carried = _connected(text, tokens, i, j)
            if not carried:
                break
            j += carried
        # A lone sentence opener ("The", "He", "In") is no name: most runs are, so skip them here.
        if j > i + 1 or fold(tokens[i].text) not in common_words():
            runs.append((i, j))
        i = j
    return runs


def _connected(text: str, tokens: list[Token], i: int, j: int) -> int:
    """How many tokens lowercase particles carry the name on by ("von der Leyen": 3), or 0.

    Particles of personal names ("de", "von der") always join; "of" and "and" only inside an
    organisation's name ("Bank of England").
    """
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text in CONNECTORS and joined(text, tokens[k - 1], tokens[k]):
        k += 1
    if k == j or k >= len(tokens) or not tokens[k].capitalised or not joined(text, tokens[k - 1], tokens[k]):
        return 0
    particles = {t.text for t in tokens[j:k]}
    if particles <= _NAME_PARTICLES:
        return k + 1 - j
    around = [t.text for t in tokens[i:j]] + [tokens[k].text]
    return k + 1 - j if any(w in org_cues() for w in around) else 0


def joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    if gap == ". " and (len(left.text) == 1 and left.text.isupper() or left.text + "." in title_words()):
        return True  # a middle initial, "George W. Bush", or an abbreviated title, "Ms. May"
    return gap in (" ", "-") and not POSSESSIVE.search(left.text)
