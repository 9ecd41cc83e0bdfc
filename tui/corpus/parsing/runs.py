"""Words and capitalised runs: an article's candidate names, before anything is classed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .lexicon import common_words, first_name_gender, fold, org_cues, reporting_verbs, title_words
from .lexicon.rule_words import CONJUNCTIONS, NAME_PARTICLES, ORG_CONNECTORS

# A word: letters and digits, with inner apostrophes, dots, hyphens and ampersands ("O'Neil", "U.S").
_LOWER_PREFIX_REACH = 30  # characters back to a lower-case name prefix
_WORD_BEFORE_REACH = 40  # characters back to the word before a token
CHUNK_TOKENS = 4096  # tokens `token_chunks` gathers before it looks for a place to cut
# Parts of one word joined by those marks: each repeat of a group costs the regex engine stack,
# so a 50 MB "U.S.U.S..." read as one word took gigabytes; a longer one is read as several words.
MOST_WORD_PARTS = 64
MORE_PARTS = f"{{0,{MOST_WORD_PARTS}}}"  # the repeat of the joined parts after the first
TOKEN = re.compile(r"[^\W_]+(?:[&'\u2019.\-][^\W_]+)" + MORE_PARTS)
CONNECTORS = NAME_PARTICLES | ORG_CONNECTORS
POSSESSIVE = re.compile(r"['\u2019]s?$")
# The words POSSESSIVE matches end so: `str.endswith` tests that faster than the expression.
POSSESSIVE_ENDINGS = ("'", "\u2019", "'s", "\u2019s")


class Token:
    """A word and where it is; `capitalised` is worked out once, as runs ask for it often."""

    __slots__ = ("start", "end", "text", "capitalised")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.capitalised = text[0].isupper()


def token_chunks(text: str) -> Iterator[list[Token]]:
    """The capitalised words, and the connectors between two of them ("Bank | of | England"), in
    lists of about `CHUNK_TOKENS` or more, cut only where no run can go on (`capitalised_runs`):
    a caller holds one chunk's tokens at a time, not a word object for every name of a long text.

    Only these words can be part of a name; the words around a name are read from the text when a
    rule needs them (`word_after`, `word_before`), so most words of an article never become
    tokens, which is where the time went.
    """
    tokens: list[Token] = []
    previous_end = -_LONGEST_CONNECTION  # of the last capitalised word
    last: Token | None = None  # the token before, kept or not
    stretch = 0  # tokens joined one to the next up to `last`
    for match in _CAPITALISED.finditer(text):
        word = match[0]
        if word[0] > "Z" and not word[0].isupper():
            continue  # a lowercase letter outside a-z, "élan"
        start = match.start()
        if start and text[start - 1] in _JOINERS and not _starts_word(text, start):
            continue  # "3-D", "o'Brien": inside a word that is not capitalised
        if 2 < start - previous_end < _LONGEST_CONNECTION:
            for gap_start, gap_end, connector in _connectors_in(text[previous_end:start]):
                token = Token(previous_end + gap_start, previous_end + gap_end, connector)
                stretch = _stretch(text, last, token, stretch)
                last = token
                if _kept(tokens, token, stretch):
                    tokens.append(token)
        # filled in place rather than through __init__, which would test the case again: this
        # runs for every capitalised word of the article
        token = _new_token(Token)
        token.start = start
        token.end = previous_end = start + len(word)
        token.text = word
        token.capitalised = True
        stretch = _stretch(text, last, token, stretch)
        last = token
        if stretch == 1 and len(tokens) >= CHUNK_TOKENS:
            # no run goes on past two words that are not joined: none crosses the cut
            yield tokens
            tokens = []
        if _kept(tokens, token, stretch):
            tokens.append(token)
    if tokens:
        yield tokens


# Tokens joined one to the next that may hold a name. A longer stretch (thousands of capitalised
# words with no comma or full stop between them) is no prose: no name is read in it, and its
# tokens are not held, which a stretch of 50 MB would need gigabytes for.
LONGEST_STRETCH = 1000


def _stretch(text: str, last: Token | None, token: Token, stretch: int) -> int:
    """The length of the stretch of joined tokens that `token` ends."""
    return stretch + 1 if last is not None and token.start - last.end <= 2 and joined(text, last, token) else 1


def _kept(tokens: list[Token], token: Token, stretch: int) -> bool:
    """Whether `token` is held; a stretch that grows past `LONGEST_STRETCH` drops its tokens."""
    if stretch <= LONGEST_STRETCH:
        return True
    if stretch == LONGEST_STRETCH + 1:
        del tokens[len(tokens) - LONGEST_STRETCH :]  # a cut comes only between stretches: all are here
    return False


_new_token = object.__new__


# A word that starts with a letter that is not a-z (so also "É"; lowercase "é" is dropped by
# `tokenize`), with no letter or digit right before it ("iPhone" is no name), and inner
# apostrophes, dots, hyphens and ampersands. The first letter is looked for as A-Z or beyond
# U+00BF and only then checked by the lookbehinds: a pattern that opens with a plain character
# range lets the regex engine skip lowercase text fast. Below U+00C0 only A-Z are uppercase.
_CAPITALISED = re.compile(
    r"[A-Z\u00c0-\U0010ffff](?<=[^\W\d_a-z])(?<![^\W_].)[^\W_]*(?:[&'\u2019.\-][^\W_]+)" + MORE_PARTS
)
_JOINERS = "&'\u2019.-"
_LONGEST_CONNECTION = 16  # " von der " and the like
_GAP_OF_CONNECTORS = re.compile(r"(?:[ -](?:[a-z]+|&)){1,3}[ -]")
_CONNECTOR = re.compile(r"[a-z]+|&")
# A lowercase prefix before a name counts as outside it: "anti-Putin", "post-EU".
_LOWER_PREFIX_BEFORE = re.compile(r"(?<![^\W_])(?<![^\W_][&'\u2019.\-])[a-z]+-$")


def _starts_word(text: str, start: int) -> bool:
    """Whether a capitalised letter right after a letter, digit or joining mark starts a word
    all the same: yes after a lowercase prefix ("anti-Putin"), no in "iPhone" or "o'Brien"."""
    before = text[start - 1]
    if before == "-":
        return _LOWER_PREFIX_BEFORE.search(text, max(0, start - _LOWER_PREFIX_REACH), start) is not None
    return before in _JOINERS and not (start > 1 and text[start - 2].isalnum())


# The same short gaps (" of ", " and the ") come back all the time.
@lru_cache(maxsize=1 << 16)
def _connectors_in(gap: str) -> tuple[tuple[int, int, str], ...]:
    """The lowercase connectors in a short gap between two capitalised words, with their offsets
    in the gap, if all its words are connectors; else none."""
    if not _GAP_OF_CONNECTORS.fullmatch(gap):
        return ()
    found = tuple((m.start(), m.end(), m.group()) for m in _CONNECTOR.finditer(gap))
    return found if all(word in CONNECTORS for _, _, word in found) else ()


def word_after(text: str, end: int) -> tuple[int, int, str] | None:
    """The next word after `end`, whatever punctuation lies between."""
    match = TOKEN.search(text, end)
    return (match.start(), match.end(), match.group()) if match else None


def word_before(text: str, start: int) -> tuple[int, int, str] | None:
    """The word that ends right at `start` (none when a space or mark comes first)."""
    # Conditional expressions, not max(): this runs for most names and the calls add up.
    window = start - _WORD_BEFORE_REACH if start > _WORD_BEFORE_REACH else 0
    space = text.rfind(" ", window, start)
    newline = text.rfind("\n", space + 1 if space >= 0 else window, start)  # only one after the space counts
    lo = (newline if newline > space else space) + 1
    if lo >= start:
        return None
    word = text[lo:start]
    if word.isalpha():
        return (lo, start, word)  # most words: no mark to look past
    match = TOKEN.search(text, lo, start)
    if match is None or match.end() != start:
        return None
    return (match.start(), match.end(), match.group())


def capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Index ranges of tokens forming one capitalised name, joined by single spaces or connectors."""
    runs: list[tuple[int, int]] = []
    count = len(tokens)
    cues = org_cues()
    i = 0
    while i < count:
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        # whether tokens[i:read] hold an organisation cue, read on only as far as a connector needs:
        # a long run is not read again at each of its connectors
        cue_in_run, read = False, i
        # (most neighbours are words apart: the gap is measured before `joined` is called)
        while j < count and tokens[j].start - tokens[j - 1].end <= 2 and joined(text, tokens[j - 1], tokens[j]):
            if tokens[j].capitalised:
                j += 1
                continue
            if not cue_in_run:
                cue_in_run, read = any(t.text in cues for t in tokens[read:j]), j
            carried = _connected(text, tokens, j, cue_in_run)
            if not carried:
                break
            j += carried
        # A lone sentence opener ("The", "He", "In") is no name: most runs are, so skip them here;
        # but one before a reporting verb may be a surname that is a word too ("Young said").
        if j > i + 1 or not is_common_word(tokens[i].text) or _word_speaks(text, tokens, i):
            runs.append((i, j))
        i = j
    return runs


_NOT_SURNAMES = frozenset({"He", "She", "It", "They", "We", "I", "You", "Who", "That", "This", "There"})


def _word_speaks(text: str, tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] stands right before a reporting verb ("Young said"), and is no pronoun."""
    word = tokens[i]
    if word.text in _NOT_SURNAMES or not text.startswith(" ", word.end):
        return False
    after = word_after(text, word.end)
    return after is not None and after[0] == word.end + 1 and after[2] in reporting_verbs()


@lru_cache(maxsize=1 << 16)
def is_common_word(word: str) -> bool:
    """A word capitalised only because it opens a sentence, or a day or month: no name alone."""
    return fold(word) in common_words()


def _connected(text: str, tokens: list[Token], j: int, cue_in_run: bool) -> int:
    """How many tokens lowercase particles carry the name on by ("von der Leyen": 3), or 0;
    `cue_in_run`: whether a word of the run so far is an organisation cue.

    Particles of personal names ("de", "von der") always join; "of" and "and" only inside an
    organisation's name ("Bank of England").
    """
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text in CONNECTORS and joined(text, tokens[k - 1], tokens[k]):
        k += 1
    if k == j or k >= len(tokens) or not tokens[k].capitalised or not joined(text, tokens[k - 1], tokens[k]):
        return 0
    particles = {t.text for t in tokens[j:k]}
    if particles <= NAME_PARTICLES:
        return k + 1 - j
    if particles & CONJUNCTIONS and (
        tokens[j - 1].text in org_cues() or "and" in particles and _opens_full_name(text, tokens, k)
    ):
        # "the Wall Street Journal and the Financial Times": a whole name on the left already;
        # "the University of Kent and Ann Lee": a person's name on the right
        return 0
    return k + 1 - j if cue_in_run or tokens[k].text in org_cues() else 0


_FULL_NAME_WORDS = 3  # words after "and" read for a person's name: a first name, a surname, and one more


def _opens_full_name(text: str, tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a first name that a surname follows, with no organisation cue (nor its
    plural) among the next words: "Ann Lee", but not "Fish and Wildlife" nor "Red Cross Societies"."""
    word = tokens[k].text
    if word.isupper() or fold(word) not in first_name_gender() or k + 1 >= len(tokens):
        return False
    if not (tokens[k + 1].capitalised and joined(text, tokens[k], tokens[k + 1])):
        return False
    cues = org_cues()
    for token in tokens[k : k + _FULL_NAME_WORDS]:
        if not token.capitalised:
            break
        if token.text in cues or token.text.endswith("s") and _singular(token.text) in cues:
            return False
    return True


def _singular(word: str) -> str:
    """The singular of a plural in -s or -ies ("Societies" -> "Society")."""
    return word.removesuffix("ies") + "y" if word.endswith("ies") else word.removesuffix("s")


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether two words are parts of one name: a space or hyphen between them, or ". " after
    an initial or an abbreviated title."""
    # Runs ask this of every pair of neighbouring words: lengths and single characters are
    # compared before any slice of the text is made.
    width = right.start - left.end
    if width == 1:
        return text[left.end] in " -" and not left.text.endswith(POSSESSIVE_ENDINGS)
    if width == 2 and text.startswith(". ", left.end):
        # A middle initial, "Ann B. Lee", or an abbreviated title, "Ms. March".
        return (
            len(left.text) == 1
            and left.text.isupper()
            or left.text + "." in title_words()
            or is_initials(left.text)
            and _initials_join(right.text)
            and text[left.start - 2 : left.start] != ", "
        )
    return False


def is_initials(word: str) -> bool:
    """Two or three capital initials joined by full stops, as a word is read ("T.J" of "T.J. Lee")."""
    return 3 <= len(word) <= 5 and word[1] == "." and all(len(p) == 1 and p.isupper() for p in word.split("."))


def _initials_join(word: str) -> bool:
    """Whether initials before `word` may be a first name's: not before a title or an
    organisation cue ("U.N. Secretary", "U.S. Army"), where they are a body's or a place's, nor
    before a first name ("N.J. Ann Lee"); after a comma they are a state's ("Newark, N.J.")."""
    return word not in org_cues() and word not in title_words() and fold(word) not in first_name_gender()
