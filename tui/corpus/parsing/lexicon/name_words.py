"""Rule words that tell a person from a title, a work or a place (names.py, name_kinds.py,
clustering.py): small closed lists, kept as data beside `rule_words`."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The nouns of WORK_NOUNS that are never verbs ("shows Ann Lee", "play Tom Hall" are): the title
# after them is a work even when it opens with a first name ("the drama Ann Dale").
TITLE_NOUNS = _words("""
    film films movie movies documentary drama sitcom novel album musical opera biopic comedy thriller sequel
    memoir autobiography biography
""")

# Titles that are nobody's surname, so that a name ending with one is no person ("Ann Lady" of
# "My Fair Lady"): honorifics, words of kin, a queen's; "King", "Major", "Bishop" are surnames.
NOT_SURNAME_TITLES = _words("""
    mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr st sister brother father mother elder queen
    princess empress duchess
""")

# The titles before a lone word that make it a surname even when it is a title too ("Mr Major");
# not "Lord" and "Lady", which open titles ("Lord Chancellor", "Lord Mayor").
HONORIFICS = _words("""
    mr mrs ms miss mx dr prof sir dame
""")

# A one-word place after these stays a place though a person of the article has it as first name
# ("in Sydney", "from Jordan").
PLACE_PREPOSITIONS = _words("""
    in at to from near into across around outside inside throughout through via toward towards
""")

# Nouns of a business that stand right before its name ("engineering firm Acme Rail", "phone
# giant Dover"); not the nouns that may be a person's job too (brewer, publisher, broadcaster).
COMPANY_NOUNS = _words("""
    firm firms company companies giant giants group retailer retailers carmaker automaker insurer insurers
    airline airlines bank banks lender lenders conglomerate supermarket supermarkets manufacturer chain brokerage
""")
