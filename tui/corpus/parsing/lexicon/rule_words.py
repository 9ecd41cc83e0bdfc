"""The parser's rule words: the small closed lists each rule module matches against, kept as data here.

Defined once, at import; the long lists (reporting verbs, titles, places...) are the `.txt` files beside.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# header.py
WEEKDAYS = _words("""
    mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
""")


# sentences.py
ABBREVIATIONS = _words("""
    mr mrs ms dr prof st jr sr gen col lt capt sgt gov sen rep rev fr jan feb mar apr jun jul aug sep sept oct
    nov dec no vs etc inc ltd corp co u.s u.k u.n a.m p.m e.g i.e mt ft insp supt det cst const coun cllr
""")


# words.py
PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}

SELF = _words("""
    i we they it
""")

STOPS = _words("""
    to in on at during after before while when as from for with that of about last this earlier yesterday
    today monday tuesday wednesday thursday friday saturday sunday and but who which adding noting
""")

OBJECT_VERBS = _words("""
    tell inform warn assure remind urge ask promise
""")

DETERMINERS = _words("""
    the a an his her its their our my your
""")

# Words that open a clause before its subject: "When Ortiz said", "But Peskov said".
OPENERS = _words("""
    when but and then so yet also still meanwhile however later earlier now today yesterday as while after
    before since if because though although
""")

TIME_WORDS = _words("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently earlier later
    previously again also
""")

# Plural and collective nouns that speak as a body: "officials said", "the ministry said".
COLLECTIVE = _words("""
    staff engineers workers employees members residents critics users observers witnesses students parents
    doctors scientists economists investors traders activists protesters voters analysts officials authorities
    organizers organisers lawyers investigators rescuers locals families ministry government company agency
    police department council statement report court office group organization organisation firm bank party
    campaign committee commission union authority kremlin army military embassy prosecutors researchers
    experts spokesperson source sources study survey document unit team division
""")

# Reporting verbs that can take a clause of reported content ("said the talks had failed").
CLAUSE_VERBS = _words("""
    say tell add note warn insist explain claim state argue suggest acknowledge admit announce confirm declare
    emphasize inform reveal stress predict promise maintain contend concede allege assert report write believe
    think agree estimate indicate deny reiterate caution complain recall vow testify
""")

# Forms that are nouns at least as often as verbs ("state media", "the report"): only their
# past tense ("stated", "reported") counts as a cue.
NOUN_FORMS = _words("""
    state states report reports claim claims answer answers comment comments post posts tweet tweets note
    notes point points charge charges demand demands promise promises estimate estimates reply replies remark
    remarks counter counters vow vows stress joke jokes quip quips shout shouts continue continues caution
    cautions begin quote quotes question questions cry cries boom booms snap snaps plead gripe gripes
""")


# A phrasal verb after these, before a comma, tells of time passing ("As the evening went on,").
SUBORDINATORS = _words("""
    as when while after before since until if because
""")

# names.py
PLACE_NOUNS = _words("""
    department province region county state district city town village oblast prefecture canton municipality
""")

# Nouns that make the name before them a business or a publication: "Voltaro shares", "Acme magazine".
BUSINESS_NOUNS = _words("""
    shares shareholders stock employees executives bosses headquarters customers subscribers profits revenues
    subsidiary stores factories magazine newspaper website blog
""")

# Party words before a name, as a demonym stands there ("Republican Ann Lee", "Labour Tom Brask").
AFFILIATIONS = _words("""
    Republican Democrat Democratic Conservative Liberal Labour Tory Socialist Communist Libertarian
    Independent Unionist Nationalist
""")

# Letters after a name that are no part of it: "Ann Lee MP", "Tom Grey QC", "Ann Lee OBE".
POST_NOMINALS = _words("""
    MP MPs MEP MSP MLA MPP MHA MNA TD QC KC OBE MBE CBE KBE DBE PhD
""")

HONORIFIC_GENDER = {
    "mr": "male",
    "mr.": "male",
    "sir": "male",
    "lord": "male",
    "king": "male",
    "prince": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
    "queen": "female",
    "princess": "female",
    "spokesman": "male",
    "spokeswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
}

# The last word of a name that makes it an event or a document, or a place.
EVENT_WORDS = _words("""
    Cup Open Championship Championships Invitational Classic Games Tournament Trophy Series Award Awards Prize
    Agreement Accord Act Bill Treaty Period Rising Initiative Strategy Plan Report Festival Conference Summit
    Day Week Month Year War Election Elections Referendum Marathon Show Code
""")

# The last word of a sports club's name, after its town ("Carlton United", "Brenfield Rovers"): a team.
TEAM_ENDINGS = _words("""
    United Utd Rovers Wanderers Athletic Albion Rangers Hotspur
""")

# Function words that a title-case heading capitalises inside a run of names ("Ann Lee Is Ahead
# Of Tom Brask", "Tribute To Ann Lee"): the run parts there. Not numbers nor ordinals ("First Nation"),
# nor the modals that are first names too ("Will", "May"), nor the longer prepositions that names
# capitalise ("Mothers Against Loud Trains", "Friends With Farms").
HEADING_WORDS = _words("""
    is are was were be been has have had would can could should must might do does did
    to of on in at for by as out up off
    the a an and or but nor not no this that these those his her their its our your my
    he she it we they who what why how when where which them him us me you
""")

# Nouns for a work, right before its title: "the film Winter Harbour", "the show Night Owls".
WORK_NOUNS = _words("""
    film films movie movies show shows series sitcom documentary drama album albums novel book play musical
    song single opera
""")

# Kin words right before a lone first name: "his father, Bill,", "their daughter Lena".
KIN_NOUNS = _words("""
    father mother son daughter sons daughters wife husband brother sister brothers sisters grandson
    granddaughter grandfather grandmother uncle aunt nephew niece cousin stepson stepdaughter widow widower
    fiance fiancee boyfriend girlfriend
""")

PLACE_WORDS = _words("""
    Highway Square Station Railway Park Street Avenue Road Bridge Airport Beach Heights Valley County Memorial
    Island Islands Lake River Mountain Mountains Bay Harbour Harbor Hill Hills Pines Nation Province Region
    District Township Village Peninsula Coast Canyon Falls Gardens Stadium Arena Centre Center Hall Plaza
""")

MODIFIERS = _words("""
    former then- acting interim deputy vice senior junior assistant associate late future current
""")

# Common adjectives that open many names ("New York", "Great Britain", "High Court", "Old Harbour"):
# part of the name when more of it follows in the run, unless they open the sentence.
NAME_ADJECTIVES = _words("""
    new old big small high low good bad great
""")  # folded

COMPASS = _words("""
    North South East West Central Northern Southern Eastern Western Greater Upper Lower
""")

# Role nouns that follow a new person's name after a comma ("Jane Roe, a spokeswoman for ...").
APPOSITIVE_ROLES = _words("""
    spokesman spokeswoman spokesperson executive director president chair chairman chairwoman founder
    co-founder ceo cfo professor lecturer researcher scientist economist analyst strategist lawyer attorney
    manager minister secretary senator mayor councillor councilor leader head chief officer official member
    resident owner partner author editor reporter coach player who whose
""")


# name_context.py
# Nouns that name a person, never a body, after a single name and a comma: "Ann, a resident of
# the town" (not "member" or "partner", which a body can be too).
PERSON_NOUNS = _words("""
    resident spokesman spokeswoman spokesperson lawyer attorney professor lecturer researcher scientist
    economist analyst mother father son daughter wife husband sister brother grandmother grandfather student
    teacher farmer nurse doctor singer actor actress player coach widow widower neighbour neighbor survivor
    victim witness volunteer worker driver
""")
# Titles that only modify another one ("Vice President", "Grand Chief", "former"): alone, no sign of a person.
TITLE_MODIFIERS = MODIFIERS | {"grand"}


# runs.py
NAME_PARTICLES = _words("""
    de du la le von van der den da dos al bin y di
""")

# Inside organisation names only: "Bank of England", "Centre for Disease Control", "Harbour & Bean".
ORG_CONNECTORS = _words("""
    of for and & the
""")

CONJUNCTIONS = _words("""
    and &
""")


# attribution.py and reported.py: three participle lists, each tuned on its own rule. One merged list
# (their union in all three places, or this first list for the second) changes parses in the regression
# dump, so they stay three, side by side here.
# `He defended the remark, saying, "...`: a participle closing the lead-in before a quotation.
LEAD_IN_PARTICIPLES = _words("""
    saying asking adding tweeting writing chanting telling noting declaring replying responding explaining
    shouting
""")

# `He left the hall, telling reporters, "...`: participles whose listener comes between them and the quotation.
LISTENER_PARTICIPLES = _words("""
    telling asking reminding assuring warning urging
""")

# `The video showed Ann Lee telling the crowd: "...`: verbs of seeing and hearing, whose
# object, not their subject, does what the participle after them says.
PERCEPTION_VERBS = _words("""
    show shows showed shown see sees saw seen hear hears heard watch watches watched film filmed catch
    caught record recorded depict depicts depicted
""")

# `footage of Lee saying during the debate, "...`: right after a name, only verbs that take a quotation.
NAME_PARTICIPLES = _words("""
    saying asking telling writing
""")

# `X protested the bills, saying CLAUSE`: participles that introduce reported content, not a quotation.
CLAUSE_PARTICIPLES = _words("""
    saying adding noting arguing explaining insisting warning claiming
""")

OBJECT_PREPOSITIONS = _words("""
    with about on for against at of over into from
""")


# words.py: a word that is a noun as often as a verb ("claim", "comment") is a verb after one of these.
MODALS = _words("""
    would could will can might may should must shall
""")

# speaker_phrase.py
ADVERBS = _words("""
    was is were also later then again further previously recently earlier once has had have would will could
    may might can should must reportedly repeatedly often publicly privately simply just even still
    only likely probably certainly clearly quickly immediately finally already soon apparently openly
    flatly angrily quietly initially eventually ultimately
""")


# attribution.py and resolution.py: nouns for what someone said. "Her reply:" introduces her words,
# as "her statement read" does.
SPEECH_NOUNS = _words("""
    reply response answer message verdict advice reaction retort explanation comment warning argument plea
    conclusion
""")

# Verbs that give out a statement or message: "Ann Lee issued a statement:", "released the following
# message", "delivered a blunt warning to the board:" (lead_in.py).
ISSUING_VERBS = _words("""
    issue issued issues release released releases deliver delivered delivers send sent sends give gave
    gives offer offered offers share shared shares publish published publishes post posted posts
""")

# Where speech is given: "said a guard in the interview" tells where the guard spoke, not who the guard is.
SPEECH_EVENTS = _words("""
    interview call conference briefing speech hearing session broadcast time
""")

# "a spokesman for Ann Lee", "an aide to Ann Lee": the prepositions after which a named person only
# describes someone else, who is the speaker.
SOMEONE_OF = _words("""
    for to of with from
""")

# Someone unnamed, described: "a woman in the audience", "one of the players in the video". The
# prepositions that join a description's parts, and the words that open a clause inside it.
DESCRIPTION_JOINS = _words("""
    of in at from with on near outside inside behind
""")

RELATIVES = _words("""
    who whose whom which that where
""")

# resolution.py
DOCUMENTS = _words("""
    statement letter post tweet email e-mail message note memo book column essay report decision ruling
    affidavit blog
""")

AUXILIARIES = _words("""
    is was has had will would could can should may might does did
""")

NOT_BEFORE_SUBJECT = _words("""
    with to of by for from and or about against on at in into between like than as under over after before
    toward towards the a an his her their its
""")

# A sentence that opens with one of these before a name opens with a phrase, not its subject: "Unlike Ann Lee, he".
OPENING_PREPOSITIONS = _words("""
    unlike like despite with without for from to of by about against on at in into between than as under over
    after before toward towards among except including besides beyond behind near through during since until
    upon within across around via per
""")

NOT_AFTER_SUBJECT = _words("""
    and or of in on at to for with from by as than who whose which about after over into
""")

# "the company said" means the organisation last named, whatever its name. Not COLLECTIVE (words.py):
# that one holds bodies of people ("workers", "critics") and things that speak ("statement", "report"),
# this one nouns that stand for a company ("carrier", "airline"); using their union here changes parses.
COLLECTIVE_ORG = _words("""
    company firm agency organization organisation group ministry department government bank union party
    council carrier retailer airline automaker manufacturer regulator watchdog
""")


# reported.py
QUANTIFIERS = _words("""
    some many several other most two three few
""")

# Verbs whose object is as often a thing as speech ("announced a plan", "denied the charge"):
# reported speech only with "that".
THAT_VERBS = _words("""
    agree promise announce estimate deny confirm reveal predict report believe think indicate recall describe
""")

SETTING_PREPOSITIONS = _words("""
    in by on via during at
""")

CLAUSE_OPENERS = _words("""
    the a an this these those there it he she they we i his her their its our some many most no
""")


# referents.py: someone described rather than named, whom a reader takes for a person ("the veteran
# said"), beside the titles and PERSON_NOUNS; and the nouns that name a kind of organisation once it
# has been named ("the utility said"), beside COLLECTIVE_ORG and the organisation cues.
PEOPLE_WORDS = _words("""
    man woman boy girl teenager veteran rookie star candidate nominee incumbent challenger newcomer
    republican democrat conservative liberal native winner champion captain
""")
GENDERED_PEOPLE = {
    "man": "male",
    "boy": "male",
    "father": "male",
    "son": "male",
    "husband": "male",
    "brother": "male",
    "woman": "female",
    "girl": "female",
    "mother": "female",
    "daughter": "female",
    "wife": "female",
    "sister": "female",
}
# People who speak for someone else: "the spokesman" after "Ann Lee said" is not Ann Lee.
REPRESENTATIVES = _words("""
    spokesman spokeswoman spokesperson official aide adviser advisor source representative
""")
ORGANISATION_WORDS = COLLECTIVE_ORG | _words("""
    utility insurer lender broadcaster network publisher chain startup charity nonprofit carmaker
    drugmaker developer operator producer supplier provider distributor museum school university college
    hospital club league institute foundation court
""")
