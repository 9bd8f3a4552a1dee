"""Word lists of news German and English that the rules read (no spaCy import).

One place for the words the extraction layers, propagation and resolution
share, so that a list is never copied between stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path

from generator import store
from generator.names import is_acronym

#: Particles that may stand in lower case inside a person's name.
NAME_PARTICLES = frozenset(
    "von van der den de di da del della la le du dos das bin ibn al el ben zu ter ten af av".split()
)

#: Role and title words (lower case, matched as a word or the end of a compound
#: such as "Kreml-Sprecher" or "Präsidialamtssprecher") that news text puts
#: before a name and that a model sometimes swallows into the name.
DEFAULT_ROLE_WORDS = (
    # German
    "sprecher",
    "sprecherin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "chef",
    "chefin",
    "kanzler",
    "kanzlerin",
    "botschafter",
    "botschafterin",
    "machthaber",
    "staatschef",
    "parteichef",
    "regierungschef",
    "diktator",
    "führer",
    "general",
    "experte",
    "expertin",
    "beamter",
    "beamte",
    "herr",
    "frau",
    "dr",
    "prof",
    "koordinator",
    "koordinatorin",
    "senator",
    "senatorin",
    "abgeordnete",
    "abgeordneter",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "könig",
    "königin",
    # English
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "secretary",
    "ambassador",
    "chancellor",
    "senator",
    "governor",
    "mr",
    "mrs",
    "ms",
    "sir",
    "general",
    "chairman",
    "chairwoman",
    "director",
    "king",
    "queen",
    "prime",
    "expert",
    "coordinator",
)


#: Forms of address: the word after one is a person's name, whatever a model says ("Mr Brown").
HONORIFICS = frozenset("mr mrs ms miss dr herr herrn frau sir dame".split())
#: British honours and ranks written after a person's name ("Guy Mansfield QC", "Kelly Holmes MBE"): never part
#: of it, and a name they follow is a person's.
POST_NOMINALS = frozenset("QC KC OBE MBE CBE KBE DBE".split())
#: Styles and degrees that stand before a name and are never one ("the Rt Rev Dr Tom Wright", "Prof. Dr."):
#: a span of nothing else names no one.
STYLES = HONORIFICS | frozenset("rt rev revd hon prof mag ing dipl".split())

#: Prepositions that spaCy's stop-word lists lack: capitalised at the start of a sentence a model
#: takes them into the name that follows ("Laut Mayr", "According Smith"). A closed class; words
#: that are also names are left out ("Per", "Kraft", "Nahe", "Pro", "Via").
EXTRA_PREPOSITIONS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "laut trotz gemäß zufolge seitens angesichts inklusive mittels anlässlich bezüglich hinsichtlich"
        " infolge zwecks abseits entlang jenseits innerhalb außerhalb oberhalb unterhalb binnen entgegen"
        " anstatt ungeachtet unweit mangels".split()
    ),
    "en": frozenset("according despite amid amidst following including concerning unlike versus".split()),
}


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence, a line or the text (where English capitalises
    any word: a capital letter there says nothing about a name)."""
    before = text[max(0, start - 4) : start]
    return not before.strip(" \t\n\"“‘'(") or bool(re.search(r"[.!?:\n]\W*$", before))


#: A German article, or a preposition with the article in it ("im", "zum"), right before a word.
_ARTICLE_BEFORE_DE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|eines|einer|im|am|zum|zur|vom|beim|ins|ans)\s+\Z",
    re.IGNORECASE,
)


def after_article_de(text: str, start: int) -> bool:
    """Whether a German article (or a preposition fused with one) stands right before ``start``: a town's
    name takes none without an adjective between ("in Essen", "das schöne Essen"), a noun does ("das Essen",
    "der Kanton", "im Hof")."""
    return _ARTICLE_BEFORE_DE.search(text, max(0, start - 8), start) is not None


#: Time zones written as capitals ("12:00 GMT"): a closed class that a model takes for organisations.
TIME_ZONES = frozenset(
    "UTC GMT BST CET CEST EET EEST WET WEST MEZ MESZ OEZ OESZ EST EDT CST CDT MST MDT PST PDT AEST AEDT JST".split()
)


#: Last words of organisation names that another name can be coordinated into
#: ("Russia & Eurasia Programme", "Bill and Melinda Gates Foundation").
ORG_HEADS = frozenset(
    "programme program institute foundation centre center council committee studies group department "
    "stiftung institut zentrum programm".split()
)

#: Head nouns that make a name an organisation's ("Blackpool Hotel Association",
#: "Labour Party", "Landesgericht Linz", "Amtsgericht"): type evidence in resolution.
#: Matched as the last word of a name, or (German) as the end of its first word,
#: a compound ("Landesgericht Linz"). A closed class of common nouns, not names.
ORG_HEAD_NOUNS = ORG_HEADS | frozenset(
    "association agency authority party university college ministry bank court company corporation institution "
    "commission federation league club society trust network channel service services bureau office "
    "verband verein partei universität hochschule gericht ministerium bank agentur kommission behörde "
    "gesellschaft konzern gewerkschaft amt rat senat parlament "
    # kinds of company and body by their plural or collective last word ("Jet Airways", "Paramount
    # Pictures", "General Motors", "Jupiter Research" is left out: a research firm or a research unit)
    "airways airlines motors industries holdings technologies pharmaceuticals laboratories studios pictures "
    "records communications telecom telecoms broadcasting publishing enterprises investments securities "
    "insurance organisation organization movement fund board army navy police academy school hospital "
    "airlines werke holding versicherung akademie schule klinik klinikum polizei armee fonds börse "
    # the abbreviations of club words that only clubs are named with ("Man Utd", "Sheff Wed", "Dundee Utd")
    "utd wed "
    # media houses by their last word ("Hubert Burda Media"), and newspapers (below)
    "media".split()
)
#: Newspapers by their last word ("Süddeutsche Zeitung", "Salzburger Nachrichten", "Washington Post",
#: "Daily Mail"; not "Star", "Sun", "Standard" or "Express", which end other names: "Rising Star", "Orient
#: Express"): a town's name before one is the paper's ("Washington Post"), which no town's name is.
NEWSPAPER_HEADS = frozenset(
    "times guardian observer telegraph mirror mail herald tribune journal chronicle gazette post "
    "zeitung rundschau anzeiger nachrichten kurier".split()
)
ORG_HEAD_NOUNS |= NEWSPAPER_HEADS


#: Heads of German compounds that name an institution ("Handelsblatt", "Volksoper", "Burgtheater"):
#: the organisation head nouns, and the genre nouns of newspapers and stages.
_INSTITUTION_HEADS = ORG_HEAD_NOUNS | frozenset("blatt zeitung rundschau anzeiger oper theater bühne kammer".split())


def org_head(name: str) -> bool:
    """Whether ``name`` is headed by an organisation noun (``ORG_HEAD_NOUNS``)."""
    words = name.replace("-", " ").split()
    if not words:
        return False
    last = words[-1].lower().rstrip(".")
    if len(words) > 1 and last in ORG_HEAD_NOUNS:
        return True
    first = words[0].lower()
    return any(first.endswith(head) and len(first) > len(head) + 3 for head in _COMPOUND_HEADS)


#: Heads a German compound may end in and still name an institution ("Landesgericht").
_COMPOUND_HEADS = ("gericht", "ministerium", "verband", "partei", "institut", "behörde", "agentur", "universität")
#: Institutions German names by their seat ("Landesgericht Linz", "Staatsanwaltschaft Schwerin",
#: "Finanzamt Köln", "Universität Wien"): the compound heads plus public offices.
_SEAT_HEADS = (*_COMPOUND_HEADS, "anwaltschaft", "polizei", "amt", "hochschule", "klinikum")


def names_seat(word: str) -> bool:
    """Whether a German word names an institution that the next word, a place, locates."""
    low = word.lower()
    return word[:1].isupper() and any(
        low == head or (low.endswith(head) and len(low) > len(head) + 2) for head in _SEAT_HEADS
    )


#: German institution words that take a "für ..." complement as part of the name
#: ("Institut für russische, osteuropäische und zentralasiatische Studien").
#: A town's name standing for its team: a result after it ("Palermo 2-0"), a match verb or preposition
#: before it ("beat Palermo", "against Palermo", "rivals St Helens", "played for St Helens", "gegen Palermo"),
#: or a verb of winning, a player's role or a plural relative clause after it ("Palermo beat", "Palermo coach",
#: "Milan's striker", "a former St Helens player", "St Helens, who are proud of their Welsh connections").
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beating|beats|against|v|vs|versus|drew with|draw with|lost to|losing to|defeated|face|faces|facing"
    r"|host|hosts|hosting|rivals|played for|plays for|playing for|signed for|gegen|schlug|besiegte)\s+\Z",
    re.IGNORECASE,
)
_TEAM_AFTER = re.compile(
    r"\A(?:\s+\d{1,2}\s*[-–:]\s*\d{1,2}\b|'s\s+(?:striker|defender|midfielder|goalkeeper|keeper|coach|manager|boss"
    r"|captain|winger|forward|fans|supporters|squad)\b|\s+(?:beat|drew|lost|defeated|thrashed|edged|striker|defender"
    r"|midfielder|goalkeeper|keeper|coach|manager|boss|captain|winger|forward|fans|supporters|schlug|besiegte"
    r"|gewann|verlor|Trainer|Stürmer|Verteidiger|Torhüter|player|players|director\s+of\s+(?:rugby|football))\b"
    r"|,\s+who\s+(?:have|are|were)\b)"
)
#: A preposition of place before a town's name: the town, even in a match report ("the final in Milan").
_IN_TOWN = re.compile(r"\b(?:in|near|outside|im|bei|nahe)\s+\Z", re.IGNORECASE)


def names_a_team(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands for a team by the words around it (a result, a
    match verb, a player's role: see :data:`_TEAM_BEFORE` and :data:`_TEAM_AFTER`; or a plural verb,
    :func:`plural_verb_agrees`: "Newcastle have joined the race to sign Morientes")."""
    return bool(
        _TEAM_BEFORE.search(text, max(0, start - 20), start)
        or _TEAM_AFTER.match(text[end : end + 24])
        or plural_verb_agrees(text, start, end)
    )


#: A plural verb right after a name (British English makes a team or a body plural: "Chester have won",
#: "Chelsea were beaten", "Microsoft are"); a person's name never takes one.
_PLURAL_VERB_AFTER_EN = re.compile(r"[ \t]+(?:have|are|were|'ve|’ve)\b(?![ \t]+(?:you|we|they|I)\b)")
#: What may stand between a clause's start (a sentence's, after a colon, a semicolon or a quotation mark)
#: and a name a plural verb agrees with: a conjunction or an article ("But Chelsea have", "as Arsenal have").
#: Anything else may be a plural subject the name is only part of ("Vivendi and its former chief executive
#: Jean-Marie Messier were", "directors including Akira Kurosawa have", "The men from the Emerald Isle have").
_CLAUSE_OPENING_EN = re.compile(
    r"(?:\A|[.!?;:\"“”(\n])[ \t]*(?:(?i:but|as|since|because|while|when|whereas|now|so|then|although|that|after"
    r"|before|until|once|and|yet|the)[ \t]+){0,2}\Z"
)


def plural_verb_agrees(text: str, start: int, end: int) -> bool:
    """Whether a plural verb agrees with the English name at ``text[start:end]`` (:data:`_PLURAL_VERB_AFTER_EN`:
    "Chester have won", "Newcastle were beaten"): British English makes a team, a firm or a body plural,
    never a person or a town. Only a name that opens its clause (:data:`_CLAUSE_OPENING_EN`): a name inside
    a longer subject ("Vivendi and its chief executive Jean-Marie Messier were") is not what the verb
    agrees with."""
    return (
        _PLURAL_VERB_AFTER_EN.match(text, end) is not None
        and _CLAUSE_OPENING_EN.search(text, max(0, start - 30), start) is not None
    )


def names_the_town(text: str, start: int) -> bool:
    """Whether a preposition of place stands right before ``start`` ("in Milan", "bei Salzburg")."""
    return bool(_IN_TOWN.search(text, max(0, start - 12), start))


FUER_HEADS = ("institut", "zentrum", "stiftung", "amt", "ministerium", "akademie", "kommission", "rat", "büro")

#: Nouns that put an organisation's name right after them ("der Sender Channel One",
#: "die Söldnergruppe Wagner", "news agency Yonhap"); matched as a word or a compound end.
APPOSITION_HEADS = (
    "sender",
    "fernsehsender",
    "zeitung",
    "nachrichtenagentur",
    "agentur",
    "gruppe",
    "magazin",
    "broadcaster",
    "newspaper",
    "agency",
    # Kinds of company and platform ("Ölkonzern Rosneft", "Autohersteller Skoda", "IT-Dienstleister
    # Dimension Data", "im sozialen Netzwerk Facebook", "carmaker Nissan", "the firm Lazard"): a class
    # noun before a company's name is the commonest way news introduces one.
    "konzern",
    "unternehmen",
    "hersteller",
    "dienstleister",
    "netzwerk",
    "plattform",
    "portal",  # ("das Filmportal Indiewire", "Nachrichtenportal Heise")
    "händler",
    # Kinds of carrier, publisher, chain and provider ("des Billigfliegers Easyjet", "Autobauer VW",
    # "Versicherer Allianz", "Modekette H&M", "Mobilfunkanbieter Vodafone", "Streamingdienst Netflix").
    "flieger",
    "fluggesellschaft",
    "fluglinie",
    "autobauer",
    "verlag",
    "versicherer",
    "reederei",
    "discounter",
    "kette",
    "anbieter",
    "betreiber",
    "streamingdienst",
    "nachrichtendienst",
    # Kinds of club ("des Fußball-Bundesligisten Hannover 96", "Zweitligist Union", "der Klub Rapid").
    "ligist",
    "ligisten",  # a weak noun: "des Bundesligisten" is singular
    "klub",
    "verein",
    # Kinds of armed group and body ("Jihadistenmiliz Islamischer Staat", "Terrororganisation Hamas").
    "miliz",
    "organisation",
    "militia",
    "organization",
    "carmaker",
    "automaker",
    "chipmaker",
    "retailer",
    "airline",
    "insurer",
    "firm",
    "company",
    "network",
    "carrier",
    "publisher",
    "lender",
    "provider",
    "operator",
    # ("gas monopoly Gazprom", "oil giant Yukos", "media conglomerate Viacom", "the watchdog Ofcom";
    # not "producer" or "maker": "film-maker Mike Leigh" is a person)
    "monopoly",
    "giant",
    "conglomerate",
    "manufacturer",
    "supplier",
    "watchdog",
    "regulator",
)

#: English class nouns that announce a company in lower case before its name ("household products group
#: Reckitt Benckiser", "retail chain Tesco", "investment bank Morgan Stanley", "the brewer Carlsberg"):
#: evidence of the type only, not apposition heads that a span is cut after or found behind ("Bank
#: Austria", "Group 4 Securicor", "in group B").
ENGLISH_BUSINESS_NOUNS = frozenset("group groups chain bank brewer broker bookmaker".split())
#: Words news uses for a party and its members, by language, and the party's name ("the Tories", "Tory
#: leader Michael Howard", "Conservative MP", "Republicans in Congress"): the English model calls them a
#: political group (NORP), which names no page, so 500 mentions of the Conservative Party in 2,000 BBC
#: articles went unlinked. Only words that name one party wherever English news uses them alone ("Democrats"
#: after another capitalised word is another party's end: Liberal, Social, English Democrats).
PARTY_MEMBERS: dict[str, dict[str, str]] = {
    "en": {
        "Labour": "Labour Party",
        "New Labour": "Labour Party",
        "Old Labour": "Labour Party",
        "Lib Dem": "Liberal Democrats",
        "Lib Dems": "Liberal Democrats",
        "Liberal Democrat": "Liberal Democrats",
        "Liberal Democrats": "Liberal Democrats",
        "Tory": "Conservative Party",
        "Tories": "Conservative Party",
        "Tory Party": "Conservative Party",
        "Conservative": "Conservative Party",
        "Conservatives": "Conservative Party",
        "Republican": "Republican Party",
        "Republicans": "Republican Party",
        "Democrat": "Democratic Party",
        "Democrats": "Democratic Party",
    },
    # German reads the US parties' words only where the article is about the United States
    # (:data:`PARTY_COUNTRY_CUES`): "die Republikaner" are as often France's, "langjähriger Republikaner"
    # a foe of the monarchy.
    "de": {
        "Republikaner": "Republican Party",
        "Republikanern": "Republican Party",
        "US-Republikaner": "Republican Party",
        "US-Republikanern": "Republican Party",
        "Demokraten": "Democratic Party",
        "US-Demokraten": "Democratic Party",
    },
}

#: Where a party's members' word needs its country named (by language and party): a pattern of the words that
#: name the country, and how many times at least the article must use them.
PARTY_COUNTRY_CUES: dict[str, dict[str, tuple[re.Pattern[str], int]]] = {
    "de": {
        party: (
            re.compile(
                r"\bUSA\b|\bUS\b|\bUS-|Vereinigten? Staaten|\bWashington\b|\b[Aa]merikanisch|Weißen? Haus"
                r"|Repräsentantenhaus"
            ),
            2,
        )
        for party in ("Republican Party", "Democratic Party")
    }
}


#: English nouns for a band, the word itself only ("heavy metal band Metallica"; not "husband"): a band is
#: an organisation, however often a model takes its name for a person's. Not "duo" or "trio", which name
#: two or three people as often ("comedy duo Matt Lucas and David Walliams", "the duo Ivan Ljubicic and
#: Mario Ancic").
ENGLISH_ENSEMBLE_NOUNS = frozenset("band bands".split())


#: Portfolios that name an office, not an organisation, before a role word
#: ("Defense Minister Sergei Shoigu", "Foreign Secretary", "Interior Ministry" is left alone).
PORTFOLIOS = frozenset(
    "defense defence foreign finance interior justice economy trade health education energy "
    "agriculture transport culture environment labour labor treasury".split()
)


# The word itself, or a compound ending in it with at least four letters before.
# A head alone, at the end of a compound ("Ölkonzern", "Fußball-Bundesligist"), and in the genitive
# ("des Ölkonzerns"); not a plural ("Terrorgruppen Zugang zu ...": the plural is the subject).
_APPOSITION = re.compile(r"(?:[\w-]{2,})?(?:" + "|".join(APPOSITION_HEADS) + r")(?:s|es)?")


def is_apposition_head(low: str) -> bool:
    return _APPOSITION.fullmatch(low) is not None


_BLANKS = " \t\u00a0"
_QUOTE_MARKS = "\"„“”‚‘’'«»‹›"


def word_before(text: str, *, quote: bool = False, blank: bool = True) -> str | None:
    """The word that ends ``text`` (a letter, then letters, digits, "_" and "-"), before trailing
    blanks (at least one with ``blank``) and, with ``quote``, one quotation mark between them.

    Scans back from the end: a regular expression anchored at the end ("...\\Z") tries every
    start position of the text, and this runs for every mention of the corpus.
    """
    end = len(text)
    while end and text[end - 1] in _BLANKS:
        end -= 1
    if quote and end and text[end - 1] in _QUOTE_MARKS:
        end -= 1
        while end and text[end - 1] in _BLANKS:
            end -= 1
    elif blank and end == len(text):
        return None
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    while start < end and not (text[start].isalnum() and not text[start].isdecimal()):
        start += 1  # the word begins at its first letter (as regular expressions' [^\W\d_] has it)
    return text[start:end] if start < end else None


def is_class_noun(word: str, language: str) -> bool:
    """Whether ``word`` is a noun that announces a name after it (``APPOSITION_HEADS``: "Netzwerk",
    "carmaker"); a German noun is capitalised, an English one is not (capitalised, it is the name's
    first word), a hyphenated compound counts by its last part and a German genitive by its stem
    ("IT-Dienstleisters")."""
    if not word[:1].isalpha() or (language == "de" and not word[:1].isupper()):
        return False
    if language == "en" and not word.islower():
        return False  # capitalised, it begins the name: "Giant Company Software", "Network Rail"
    last = word.rsplit("-", 1)[-1].lower()
    return is_apposition_head(last) or (language == "de" and last.endswith("s") and is_apposition_head(last[:-1]))


#: Nouns for a kind of place that news puts right before a place's name ("die Ortschaft Zambana Vecchia",
#: "der Bezirk Favoriten", "das Bundesland Kärnten"; a compound counts by its end: "Küstenstadt",
#: "Nachbargemeinde"), or, in English, before "of" and the name ("the town of Sale").
PLACE_CLASS_NOUNS: dict[str, tuple[str, ...]] = {
    "de": (
        "stadt",
        "ortschaft",
        "gemeinde",
        "dorf",
        "region",
        "provinz",
        "bezirk",
        "bundesland",
        "bundesstaat",
        "insel",
        "kanton",
        "landkreis",
        "metropole",
    ),
    "en": ("city", "town", "village", "region", "province", "island", "county", "district", "suburb", "port"),
}
_PLACE_OF_EN = re.compile(rf"\b(?:{'|'.join(PLACE_CLASS_NOUNS['en'])})[ \t]+of[ \t]+\Z")


def introduced_as_place(text_before: str, language: str) -> bool:
    """Whether the text right before a name ends in a noun for a kind of place (:data:`PLACE_CLASS_NOUNS`):
    German as a capitalised word or a compound's end ("Ortschaft", "Küstenstadt"), not a plural ("Städte");
    English as "<kind> of" ("the town of"): news introduces a town so, never a person or a body."""
    if language == "en":
        return "of" in text_before[-4:] and _PLACE_OF_EN.search(text_before[-30:]) is not None
    word = word_before(text_before)
    if word is None or not word[:1].isupper():
        return False
    low = word.rsplit("-", 1)[-1].lower()
    return any(
        low == head or (low.endswith(head) and len(low) > len(head) + 2) for head in PLACE_CLASS_NOUNS.get(language, ())
    )


def introduced_by_class_noun(text_before: str, language: str) -> bool:
    """Whether the text right before a name ends in a class noun (:func:`is_class_noun`; not one of
    :data:`_TRADES_TOO`): "im sozialen Netzwerk", "the carmaker"; or, in English, in a kind of business
    (:data:`ENGLISH_BUSINESS_NOUNS`: "products group"), a band (:data:`ENGLISH_ENSEMBLE_NOUNS`: "rock band
    U2"), a maker of things (:data:`_MAKER_BEFORE_EN`: "car maker Aston Martin") or the employer's preposition
    after an
    analyst or an office only a body has ("an economist with MM Warburg", "analyst at Gartner", "vice president
    of search properties at Ask Jeeves": :data:`_EMPLOYER_BEFORE`)."""
    word = word_before(text_before)
    if word is None or word in _TRADES_TOO:
        return False
    if is_class_noun(word, language):
        return True
    return language == "en" and (
        word in ENGLISH_BUSINESS_NOUNS
        or word in ENGLISH_ENSEMBLE_NOUNS
        or _EMPLOYER_BEFORE.search(text_before) is not None
        or _MAKER_BEFORE_EN.search(text_before) is not None
    )


#: English class nouns that are a person's trade as often ("married publisher Kimberly Quinn"): a name the
#: model missed after one is still found as an organisation's ("games publisher Eidos"), but one it found is
#: typed by its own evidence.
_TRADES_TOO = frozenset({"publisher"})


#: The professions business news quotes by their employer, and "at" or "with" before it: "an economist with
#: MM Warburg", "analyst at Gartner", "strategist at UBS" (a firm or a body, never a person or a town); and the
#: offices only a body has, with "at" or "of", after a department perhaps: "vice president of search
#: properties at Ask Jeeves", "the chief executive of Marks & Spencer". Not "for" ("a spokesman for Mr
#: Blair"), nor "head", "director" or "president" of ("head of state", "president of France").
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:(?:economist|analyst|strategist|researcher)s?\s+(?:at|with)"
    r"|(?:chief executive|chief executive officer|chief operating officer|chief financial officer|chairman"
    r"|chairwoman|vice[ -]president|managing director|spokesman|spokeswoman|spokesperson)"
    r"(?:\s+(?:of|for)(?:\s+[a-z][\w-]*){1,3})?\s+(?:at|of))\s+(?:the\s+)?\Z"
)

#: English offices that only a firm, a body or a team has, which news puts between its name and the
#: holder's: "Electrolux chief executive Hans Straberg", "Villa chairman Doug Ellis", "Microsoft founder
#: Bill Gates", "Liverpool striker Djibril Cisse". Not "coach", "manager", "spokesman", "adviser" or
#: "aide", which a person has too ("Federer coach Tony Roche", "Blair spokesman"), nor "director"
#: ("Titanic director James Cameron").
_BODY_OFFICES_EN = (
    "chief executive|chief executive officer|chief operating officer|chief financial officer|chairman|chairwoman"
    "|boss|owner|founder|co-founder|chief|striker|midfielder|defender|goalkeeper|winger|full-back"
)
_HOLDER_AFTER_EN = re.compile(rf"[ \t]+(?:{_BODY_OFFICES_EN})[ \t]+[A-Z][a-z]")


#: An office only a body has right after a name, whoever holds it ("the billionaire Bhs owner").
_OFFICE_AFTER_EN = re.compile(rf"[ \t]+(?:{_BODY_OFFICES_EN})\b")


def office_after(text: str, end: int, language: str) -> bool:
    """Whether the English name ending at ``end`` is followed by an office that only a firm, a body or a
    team has (:data:`_BODY_OFFICES_EN`), named holder or not: the name modifies the office ("the billionaire
    Bhs owner"), and a noun before it describes the holder, not the name."""
    return language == "en" and _OFFICE_AFTER_EN.match(text, end) is not None


#: German offices only a body has, as the end of a compound after its acronym ("WKÖ-Chef", "ÖGB-Sekretär",
#: "SPÖ-Landesparteivorsitzende", "ÖSV-Präsident", "CDU-Politiker"): not "Experte" or "Berater", which a
#: field has too ("EDV-Experte", "IT-Berater").
BODY_OFFICES_DE = (
    "chef",
    "chefin",
    "präsident",
    "präsidentin",
    "vorsitzende",
    "vorsitzender",
    "sekretär",
    "sekretärin",
    "obmann",
    "obfrau",
    "direktor",
    "direktorin",
    "geschäftsführer",
    "geschäftsführerin",
    "gründer",
    "gründerin",
    "politiker",
    "politikerin",
    "abgeordnete",
    "abgeordneter",
    "mandatar",
    "mandatarin",
    "funktionär",
    "funktionärin",
)


def is_body_office_de(word: str) -> bool:
    """Whether a German word is, or ends in, an office only a body has (:data:`BODY_OFFICES_DE`), declined too:
    "des ÖGB-Sekretärs", "dem SPÖ-Vorsitzenden", "den FPÖ-Präsidenten", "Landeschef"."""
    low = word.lower()
    forms = (low, low[:-1] if low.endswith(("s", "n")) else low, low[:-2] if low.endswith("en") else low)
    return any(form.endswith(BODY_OFFICES_DE) for form in forms)


#: A German name's compound with an office only a body has ("Syriza-Politiker", "Henkel-Chef").
_OFFICE_COMPOUND_DE = re.compile(r"-([A-ZÄÖÜ][a-zäöüß]+)\b")


def names_an_employer(text: str, end: int, language: str) -> bool:
    """Whether the English name ending at ``end`` is followed by an office that only a firm, a body or a
    team has and then by its holder's name (:data:`_BODY_OFFICES_EN`: "Electrolux chief executive Hans
    Straberg", "Aston Villa boss David O'Leary"), or a German one by such an office in a compound
    (:func:`is_body_office_de`: "Syriza-Politiker", "Henkel-Chef"): the name is no person's."""
    if language == "de":
        compound = _OFFICE_COMPOUND_DE.match(text, end)
        return compound is not None and is_body_office_de(compound.group(1))
    return language == "en" and _HOLDER_AFTER_EN.match(text, end) is not None


def is_role_word(text: str, role_words: Iterable[str]) -> bool:
    """Whether ``text`` is one of ``role_words``, ends in one after a hyphen ("Kreml-Sprecher"), or ends
    in one of four letters or more after two letters or more ("Ölminister"; "Alexandr" does not end
    in "Dr")."""
    exact, long = _role_sets(role_words if isinstance(role_words, tuple) else tuple(role_words))
    low = text.lower().rstrip(".")
    if low in exact or low.rsplit("-", 1)[-1] in exact:
        return True
    # Every ending of four letters or more that leaves two or more in front: a set lookup each, not a
    # scan of the list (this runs for every word before every mention of a build).
    return any(low[i:] in long for i in range(2, len(low) - 3))


@lru_cache(maxsize=32)
def _role_sets(role_words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The role words, and those of four letters or more (compound endings)."""
    return frozenset(role_words), frozenset(w for w in role_words if len(w) >= 4)


# ---------------------------------------------------------------- laws and treaties

#: Head nouns of the names of laws, treaties and agreements ("Anglo-Irish Agreement",
#: "Patriot Act", "Vertrag von Lissabon", "Minsker Abkommen"): documents, not people,
#: organisations or places. English heads end the name; German ones begin or end it.
LAW_HEADS = frozenset(
    "agreement agreements treaty act accord accords convention protocol charter directive resolution"
    " abkommen vertrag verträge gesetz protokoll charta richtlinie konvention resolution".split()
)


def law_name(name: str) -> bool:
    """Whether ``name`` (two words or more) is headed by a law or treaty noun (:data:`LAW_HEADS`)."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return False
    return words[-1].lower() in LAW_HEADS or (words[0].lower() in LAW_HEADS and words[1][:1].islower())


#: Head nouns of events, competitions, fairs, elections and awards ("Hopman Cup", "Australian Open",
#: "Celtic League", "Grand Slam", "Consumer Electronics Show", "General Election", "Olympische Spiele"):
#: not people, organisations or places, whatever a model says. A sports league is its competition
#: ("in the Premier League", "League One"), as news annotation takes it; the body that runs one has a
#: name of its own ("Football Association", "Uefa"). ("Games", "Series" and "Tour" are left out:
#: "Epic Games", "Steel Series" and "ATP Tour" are companies and bodies; "International": Amnesty's.)
EVENT_HEADS = frozenset(
    "cup championship championships open olympics awards award prize trophy festival marathon tournament prix"
    " final finals league premiership slam indoors classic show expo election elections referendum"
    " pokal meisterschaft meisterschaften weltmeisterschaft europameisterschaft spiele spielen turnier wm em"
    " finale preis".split()
)
#: A tournament of so many nations ("Six Nations", "Tri-Nations"; not the "United Nations").
_NATIONS_TOURNAMENT = re.compile(r"(?:(?:three|four|five|six|tri|home)[ -]|\d[ -]?)nations", re.IGNORECASE)
#: Cup and league nouns of the languages that put them first ("Coppa Italia", "Copa del Rey", "Coupe de
#: France", "Ligue 1"), and a league or division by its number ("League One", "Division Two").
_EVENT_FIRST = frozenset("coppa copa coupe taça ligue".split())
_NUMBERED_LEAGUE = re.compile(r"(?:league|division)[ -](?:one|two|three|four|\d)", re.IGNORECASE)


def event_name(name: str) -> bool:
    """Whether ``name`` is headed by an event, competition or award noun (:data:`EVENT_HEADS`: "Hopman
    Cup", "Celtic League"; or first, in the languages that put it there: "Coppa Italia"), is one alone
    ("the Premiership", "the Championship"), a league by its number ("League One"), or a tournament of
    nations ("Six Nations", "RBS Six Nations")."""
    words = name.replace("-", " ").split()
    if not words or not words[-1][:1].isupper():
        return False
    last = words[-1].lower()
    return (
        last in EVENT_HEADS
        or (last.endswith("s") and last[:-1] in EVENT_HEADS)  # a plural: "the 2002 and 2003 London Marathons"
        or (len(words) > 1 and words[0].lower() in _EVENT_FIRST)
        or _NATIONS_TOURNAMENT.search(name) is not None
        or _NUMBERED_LEAGUE.fullmatch(name) is not None
    )


#: Awards known by a one-word name ("Oscar", "Bafta") or whose head is no event noun ("Golden Globe").
AWARD_NAMES = frozenset(
    {
        "oscar",
        "grammy",
        "bafta",
        "emmy",
        "golden globe",
        "goldene palme",
        "palme d'or",
        "golden bear",
        "goldener bär",
        "golden lion",
        "goldener löwe",
    }
)

#: English determiners, which a person's name never follows in news ("an Oscar", "the Golden Lion prize").
_DETERMINERS_EN = "an?|the|this|his|her|its|their"
_DETERMINER_BEFORE = re.compile(
    rf"\b(?:{_DETERMINERS_EN}|second|third|ein|einen|eines|einem|den|der|die|das|dem|des|seinen|ihren)\s+\Z",
    re.IGNORECASE,
)
#: Lower-case nouns after a name that make it an award's ("the Golden Lion prize", "the Booker prize",
#: "the Bafta ceremony", "Grammy nominations"); not "festival" or "cup", which follow towns ("Cannes film
#: festival", "the Edinburgh festival").
#: (Not "ceremony": "the Cannes ceremony", "the LA ceremony" are held in a place.)
_AWARD_AFTER = re.compile(r"[ \t]+(?:award|awards|prize|prizes|nomination|nominations|nominee|nominees)\b")


_DETERMINED = re.compile(rf"\b(?:{_DETERMINERS_EN})\s+(?:[\w'’-]+\s+)?\Z", re.IGNORECASE)  # one word may stand between


#: Lower-case nouns of made things that a product's name stands before in English news ("the Cell processor",
#: "the Hackarmy trojan", "its Xbox console", "a rival UWB standard"); not "player" ("the Liverpool player")
#: nor "service" (a firm's), nor "technology" ("the Intel technology").
PRODUCT_NOUNS_EN = frozenset(
    "processor processors chip chips chipset console consoles handset handsets handheld virus viruses worm"
    " trojan software program browser camera cameras format phone phones standard protocol specification".split()
)
#: A maker of made things, in two words, before a name: "car maker Aston Martin", "software maker Microsoft",
#: "handset maker Nokia" (a company, as "carmaker" is); not "film maker" or "policy maker", who are people, nor
#: "games maker" ("computer games maker Peter Molyneux": the trade calls designers so).
_MAKER_BEFORE_EN = re.compile(
    rf"\b(?:{'|'.join(sorted(PRODUCT_NOUNS_EN | frozenset('car cars drug drugs steel aircraft toy toys truck'.split())))})"
    r"[ \t-]+makers?[ \t]+\Z"
)


#: Lower-case words between such a name and its product noun ("the Cabir mobile phone virus", "the Xbox games
#: console", "the Windows operating system").
_PRODUCT_MODIFIERS_EN = "mobile|games|game|digital|operating|web|media|portable|handheld|phone|computer|music|video"
_PRODUCT_AFTER = re.compile(
    rf"[ \t]+(?:(?:{_PRODUCT_MODIFIERS_EN})[ \t]+){{0,2}}(?:{'|'.join(sorted(PRODUCT_NOUNS_EN))}|operating[ \t]+system)\b"
)


def product_name(text: str, start: int, end: int, language: str) -> bool:
    """Whether the name at ``text[start:end]`` is given as a product's by the words around it: in English
    between a determiner (one word may stand between: "the malicious Skulls program", "its new Xbox console")
    and a product noun (:data:`PRODUCT_NOUNS_EN`), before an apposition a product noun heads ("Solaris, the
    operating system owned by Sun"), or before a release's number ("Doom 3", "Pro Evolution Soccer 4"; not a
    broadcaster's, "BBC Radio 4", nor a result, "Arsenal 2 Chelsea 1"). A company's name stands there too ("the Microsoft
    program"): the caller keeps a name that the corpus also gives a voice or an office."""
    if language != "en" or text[end - 2 : end] in ("'s", "’s"):
        return False
    if _PRODUCT_APPOSITION_EN.match(text, end) is not None:
        return True  # "Solaris, the operating system owned by Sun"
    if (
        _NUMBERED_AFTER_EN.match(text, end) is not None
        and not _NUMBERED_BODIES_EN.intersection(text[start:end].split())
        and not _NUMBER_BEFORE.search(text, max(0, start - 6), start)  # a result's second side: "2 Chelsea 1"
    ):
        return True  # "Doom 3", "Pro Evolution Soccer 4", "LMA Manager 2005": a release's number
    return (
        _PRODUCT_AFTER.match(text, end) is not None and _DETERMINED.search(text, max(0, start - 40), start) is not None
    )


def award_name(name: str, before: str, after: str) -> bool:
    """Whether ``name`` is an award: one known by its own name ("the Oscars", "an Oscar",
    "Bafta-nominated") when plural, after a determiner (a person's name takes none in English or German
    news) or in a compound ("Oscar" alone may be a footballer's given name); or any name between a
    determiner and a lower-case award noun ("the Golden Lion prize", "the inaugural Lit Idol prize").
    ``before`` and ``after`` are the texts right before and after the name."""
    if _AWARD_AFTER.match(after) and _DETERMINED.search(before):
        return True  # "the inaugural Lit Idol prize"; not a verb: "how highly Sony prize him"
    key = " ".join(name.casefold().split())
    plural = key.endswith("s") and key[:-1] in AWARD_NAMES
    if not plural and key not in AWARD_NAMES:
        return False
    return plural or _DETERMINER_BEFORE.search(before) is not None or after.startswith("-")


# ---------------------------------------------------------------- landmarks

#: German generic words of landmark and facility names, in English: "Weltraumbahnhof
#: Wostotschny" / "Vostochny Cosmodrome", "Roter Platz" / "Red Square". German puts
#: the generic word first or last, English mostly last: a translated name's words are
#: compared as a set.
LANDMARK_GENERICS_DE: dict[str, str] = {
    "weltraumbahnhof": "cosmodrome",
    "kosmodrom": "cosmodrome",
    "raketenstartplatz": "cosmodrome",
    "flughafen": "airport",
    "platz": "square",
    "haus": "house",
    "palast": "palace",
    "brücke": "bridge",
    "kathedrale": "cathedral",
    "kirche": "church",
    "tor": "gate",
    "turm": "tower",
    "mauer": "wall",
    "kanal": "canal",
    "hafen": "port",
    "stadion": "stadium",
    "talsperre": "dam",
    "staudamm": "dam",
    "stadt": "city",
}
#: German adjective stems that landmark names carry, in English ("Roter", "Weißes", "Große").
LANDMARK_ADJECTIVES_DE: dict[str, str] = {
    "rot": "red",
    "weiß": "white",
    "weiss": "white",
    "schwarz": "black",
    "gelb": "yellow",
    "grün": "green",
    "blau": "blue",
    "groß": "great",
    "gross": "great",
    "verboten": "forbidden",
    "neu": "new",
    "alt": "old",
}
_ADJECTIVE_ENDING = re.compile(r"(?:e|er|es|en|em)$")


def landmark_words(name: str) -> tuple[str, ...] | None:
    """A German landmark name's words in English, sorted ("Roter Platz" -> ("red", "square")), or None.

    None unless the name has two words or more and one of them is a generic
    word of :data:`LANDMARK_GENERICS_DE` (or English one of its translations),
    so only names of places and facilities are compared this way.
    """
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    english_generics = set(LANDMARK_GENERICS_DE.values())
    out, generic = [], False
    for word in words:
        low = word.lower()
        if low in LANDMARK_GENERICS_DE:
            out.append(LANDMARK_GENERICS_DE[low])
            generic = True
            continue
        if low in english_generics:
            generic = True
        stem = _ADJECTIVE_ENDING.sub("", low)
        out.append(LANDMARK_ADJECTIVES_DE.get(stem, LANDMARK_ADJECTIVES_DE.get(low, word)))
    return tuple(sorted(out)) if generic else None


#: Verbs of saying (lower case; matched as words). Extend per language as needed.
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "de": (
        "sagte",
        "sagten",
        "sagt",
        "sagen",
        "erklärte",
        "erklärten",
        "erklärt",
        "betonte",
        "betont",
        "meinte",
        "warnte",
        "schrieb",
        "anmerkte",
        "merkte",
        "gedroht",
        "drohte",
        "nannte",
        "nennt",
        "räumte",
        "sprach",
        "versprach",
        "versprachen",
        "forderte",
        "kritisierte",
        "berichtete",
        "fügte",
        "hinzufügte",
        "teilte",
        "zitierte",
        "bekräftigte",
        "bestätigte",
        "so",
        "laut",
        "zufolge",
        "äußerte",
        "verkündete",
        "antwortete",
        "entgegnete",
        "ergänzte",
        "kommentierte",
        "unterstrich",
        "versicherte",
        "mahnte",
        "schilderte",
        "argumentierte",
        "resümierte",
        "konterte",
        # present tense of the verbs above, and more verbs that journalism puts beside a quote
        "meint",
        "warnt",
        "fordert",
        "kritisiert",
        "berichtet",
        "ergänzt",
        "schreibt",
        "twitterte",
        "postete",
        "bekräftigt",
        "bestätigt",
        "versichert",
        "mahnt",
        "antwortet",
    ),
    "en": (
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "stated",
        "states",
        "warned",
        "wrote",
        "noted",
        "called",
        "insisted",
        "explained",
        "asked",
        "declared",
        "announced",
        "claimed",
        "according",
        "continued",
        "saying",
        "adding",
        "insisting",
        "admitted",
        "argued",
        "replied",
        "commented",
        "acknowledged",
        "conceded",
        "recalled",
        "stressed",
        "confirmed",
        "remarked",
        "responded",
        "explaining",
        "warning",
        "countered",
        "retorted",
        "quipped",
        "joked",
        # present tense of the verbs above, and more verbs that journalism puts beside a quote
        "adds",
        "asks",
        "explains",
        "insists",
        "argues",
        "admits",
        "claims",
        "warns",
        "notes",
        "writes",
        "concluded",
        "concludes",
        "assured",
        "suggested",
        "suggests",
        "predicted",
        "promised",
        "urged",
        "urges",
        "revealed",
        "reveals",
        "agreed",
        "agrees",
        "answered",
        "reckoned",
        "reckons",
        "maintained",
        "complained",
        "observed",
        "cautioned",
        "vowed",
        "pledged",
        "boasted",
        "emphasised",
        "emphasized",
        "asserted",
        "wondered",
        "telling",
        # the present tense of the verbs above that lacked it, and "points out"
        "maintains",
        "complains",
        "observes",
        "cautions",
        "vows",
        "pledges",
        "boasts",
        "emphasises",
        "emphasizes",
        "asserts",
        "wonders",
        "confirms",
        "stresses",
        "recalls",
        "concedes",
        "acknowledges",
        "replies",
        "declares",
        "announces",
        "remarks",
        "responds",
        "counters",
        "pointed",
        "points",
        "advised",
    ),
}


#: Nouns of kinship and partnership, which news puts before a person's name only ("daughter Victoria",
#: "his wife Cherie", "Tochter Victoria"); lower case, German ones capitalised in text.
KINSHIP_NOUNS = frozenset(
    "wife husband daughter son brother sister mother father widow widower partner girlfriend boyfriend"
    " fiancee fiancée granddaughter grandson grandmother grandfather cousin nephew niece uncle aunt"
    " stepson stepdaughter twin stepfather stepmother son-in-law daughter-in-law father-in-law mother-in-law"
    " brother-in-law sister-in-law"
    " ehefrau ehemann gattin gatte tochter sohn bruder schwester mutter vater witwe witwer lebensgefährtin"
    " lebensgefährte freundin verlobte enkelin enkel cousine neffe nichte onkel tante zwillingsbruder".split()
)


#: English nouns for what only a person is, which news writes in lower case right before the person's name
#: ("union official Ulf Carlsson" aside: "official" is an adjective too, "the official Xinhua agency"):
#: "comedian Sacha Baron Cohen", "R&B star Nelly", "striker Dimitar Berbatov". Not nouns that a company or
#: body is too ("manager", "broadcaster", "producer", "designer", "analyst", "researcher": "fund manager
#: Fidelity", "public broadcaster BBC") nor "champion" ("league champion Chelsea").
PERSON_NOUNS_EN = frozenset(
    "singer guitarist drummer bassist rapper comedian comedienne actor actress presenter author novelist writer"
    " poet playwright painter sculptor photographer composer conductor pianist violinist cellist dancer"
    " striker midfielder defender goalkeeper keeper winger captain coach boss chairman chairwoman spokesman"
    " spokeswoman spokesperson minister senator governor premier chancellor mp mep judge lawyer barrister"
    " solicitor prosecutor detective inspector constable sergeant professor economist scientist surgeon"
    " nurse teacher pupil referee umpire jockey cyclist sprinter swimmer boxer golfer footballer cricketer"
    " batsman bowler skipper veteran rookie widow widower star performer vocalist frontman artist youngster"
    " teenager politician activist campaigner businessman businesswoman entrepreneur tycoon billionaire"
    " journalist columnist diplomat ambassador envoy athlete hurdler flanker fly-half scrum-half".split()
)

#: Of those, occupations that begin no name of anything else, so a span that opens with one, capitalised
#: at a sentence's start, is the occupation and a person's name ("Midfielder Edu", "Rapper 50 Cent"); not
#: "star", "artist", "boss", "judge", "captain", "coach", "keeper" or an office, which do ("Star Wars",
#: "Coach Carter", "Judge Judy").
OCCUPATIONS_EN = frozenset(
    "singer guitarist drummer bassist rapper comedian comedienne actor actress presenter novelist poet"
    " playwright painter sculptor photographer composer conductor pianist violinist cellist dancer striker"
    " midfielder defender goalkeeper winger spokesman spokeswoman spokesperson footballer cricketer batsman"
    " bowler jockey cyclist sprinter swimmer boxer golfer referee umpire economist scientist surgeon"
    " vocalist frontman".split()
)

#: Words that make a country's or a region's name into a part of it ("Northern Ireland", "West End",
#: "Osteuropa" is one word): a closed class, in the languages with a pipeline.
COMPASS_WORDS = frozenset(
    "north northern south southern east eastern west western central upper lower inner outer greater new old"
    " continental mainland"
    " nord süd ost west mittel nieder ober innere äußere groß"
    " nördliches südliches östliches westliches".split()
)

# ---------------------------------------------------------------- titles of works

#: Genre nouns that journalism puts right before the title of a work or the name of a product ("the comedy
#: Sideways", "der Film „Sideways“", "das Album Thriller"): a name so introduced
#: is a film, book, song or show, not a person, organisation or place. English
#: words match in lower case; German ones as a word or the end of a compound
#: ("Kinofilm", "Erfolgsroman"). "Roman" alone is left out: it is a given name too.
WORK_GENRES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "film movie comedy drama thriller documentary biopic musical song single album ballad anthem track tune"
        " novel book memoir play poem opera ballet series sitcom soap show programme program sketch cartoon"
        " sequel remake trilogy soundtrack painting sculpture exhibition"
        " fable caper serial epic blockbuster satire spoof farce tragedy novella anthology miniseries animation"
        # products, which are works as much ("the drug Crestor", "the browser Opera", "the game Halo")
        " drug medicine vaccine depressant antidepressant browser game videogame".split()
    )
    | {"EP"},  # an extended play, capitalised as an acronym ("her EP Gretzn")
    "de": frozenset(
        "film spielfilm kinofilm komödie drama thriller dokumentation doku musical song lied single album"
        " ballade hymne buch bestseller theaterstück oper ballett serie sitcom sendung show titel"
        " gedicht gemälde skulptur ausstellung fortsetzung trilogie"
        " medikament präparat browser videospiel computerspiel game ep".split()
    ),
}
_GERMAN_COMPOUND_ONLY = frozenset({"roman"})
#: German nouns that end in a genre noun without being one: "Mitglied" (member) is no "Lied" (song).
_GERMAN_GENRE_FALSE_HEADS = ("glied",)


def introduces_work(text_before: str, language: str) -> bool:
    """Whether ``text_before`` (the text right before a name) ends with a genre noun that introduces a title."""
    found = word_before(text_before[-60:], quote=True, blank=False)
    if found is None:
        return False
    word = found.rsplit("-", 1)[-1]
    genres = WORK_GENRES.get(language, frozenset())
    if language == "de":
        low = word.lower()
        if not word[:1].isupper():
            return False
        if low.endswith(_GERMAN_GENRE_FALSE_HEADS):
            return False  # "Presseratsmitglied Koller": a member ("Mitglied") ends in "lied" (song)
        return low in genres or any(len(low) > len(g) + 2 and low.endswith(g) for g in genres | _GERMAN_COMPOUND_ONLY)
    # English genre nouns are lower case ("Comedy Central" is a name); a plural introduces titles as well
    # ("their albums Confessions and The Diary of Alicia Keys").
    if word in _GENRE_VERBS_EN or word in _GENRE_ADJECTIVES_EN:
        head = text_before[-60:].rstrip()
        head = head[: len(head) - len(found)].rstrip(" \t\"'“‘")
        if word in _GENRE_ADJECTIVES_EN:
            # "her new single Toxic", "as single Hey Ya!", but "no single EU customs office", "a single AAA battery"
            return (word_before(head + " ") or "").lower() not in _ADJECTIVE_DETERMINERS_EN
        if not _genre_word_is_noun(head, word):
            return False
    return word in genres or word in _GENRE_PLURALS_BEFORE_TITLES_EN


#: English genre nouns that are verbs too ("will play Roddick", "to film Smith", "he shows Blair").
_GENRE_VERBS_EN = frozenset({"play", "show", "film", "book", "track", "drug", "game"})
#: Words after which such a word is the verb: modals, "to", subject pronouns.
_BEFORE_VERBS_EN = frozenset(
    "will would can could shall should may might must to cannot ll d i you we they he she it who".split()
)
#: English genre nouns that are adjectives too ("a single battery").
_GENRE_ADJECTIVES_EN = frozenset({"single"})
#: Determiners before which "single" is the adjective ("a single battery", "no single office", "every single").
_ADJECTIVE_DETERMINERS_EN = frozenset("a an no one any every each not".split())
#: Adverbs between a modal or a subject and its verb ("will next play Roger Federer", "they also play").
_ADVERBS_BEFORE_VERBS_EN = frozenset(
    "next then also still never now again even just only not often rarely always usually both all first".split()
)
#: Genre words that a name before them makes a compound noun: "BBC show", "Pixar film", "MS drug".
_GENRE_AFTER_NAMES_EN = _GENRE_VERBS_EN - {"play"}  # ("Spain play Germany": a team plays)


def _genre_word_is_noun(head: str, word: str) -> bool:
    """Whether an English genre word that is a verb too (``word``) is the noun, by ``head``, the text before
    it: after a genitive ("Pinter's play"), a determiner, an adjective or a noun of a compound ("the play
    Hamlet", "new play", "stage play", "acclaimed film"), or a name before "show", "film" or "game" ("BBC
    show Newsnight"). Not after a modal, "to", a pronoun or an adverb ("will next play Roger Federer", "to
    film Smith"), a plural subject ("figures show Labour ahead") or a name ("Spain play Germany")."""
    if head.endswith(("'s", "’s", "s'", "s’")):
        return True
    before = word_before(head + " ")
    if before is None:
        return True  # after a mark: "graphics rendering, game AI"
    low = before.lower()
    if low in _ADVERBS_BEFORE_VERBS_EN or low.endswith("ly"):
        # "will next play", "they also play" (a verb), but "her next film", "his first play" (a noun)
        ahead = head[: len(head) - len(before)].rstrip()
        return ahead.endswith(("'s", "’s")) or (word_before(ahead + " ") or "").lower() in _GENRE_MODIFIERS_EN
    if low in _GENRE_MODIFIERS_EN:
        return True
    if before[:1].isupper():
        return word in _GENRE_AFTER_NAMES_EN and not opens_sentence(head, len(head) - len(before))
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is")) and low != "news"  # not "previous film"
    return not (low in _BEFORE_VERBS_EN or plural)


#: English plurals of the genre nouns, which introduce lists of titles ("films including Jungle Fever,
#: School Daze and Malcolm X"); "hits" only as a plural ("her hits include Dirrty": "hit" is a verb too).
#: Not "games" and "singles", which sport has ("other games include Chelsea, Liverpool and ...").
_GENRE_PLURALS_EN = frozenset(
    {g + "s" for g in WORK_GENRES["en"] if not g.endswith(("y", "s")) and g not in ("game", "single")}
    | {"comedies", "documentaries", "trilogies", "series", "hits"}
)
#: Plural genre nouns that stand right before titles ("the films Sideways and Ray"): not those that are
#: verbs as often ("the survey shows Britain", "he hits", "plays", "tracks", "books").
_GENRE_PLURALS_BEFORE_TITLES_EN = _GENRE_PLURALS_EN - frozenset({"shows", "hits", "plays", "tracks", "books", "series"})
#: The words between a plural genre noun and its list (not "like": "the team plays like Arsenal").
_LIST_OPENERS_EN = r"(?:including|include|includes|included|such\s+as)"
_TITLE_LIST_EN = re.compile(
    rf"\b(?:{'|'.join(sorted(_GENRE_PLURALS_EN))}),?\s+{_LIST_OPENERS_EN}\s+"
    r"(?:[^.;:!?\n]*?,\s+)?(?:(?:and|or)\s+)?\Z"
)
#: Items of a list of titles before the name: capitalised words, with the small words titles have inside.
_TITLE_ITEMS_EN = (
    r"(?:[A-Z0-9][\w'’!?&.-]*(?:\s+(?:[A-Z0-9][\w'’!?&.-]*|of|the|a|an|in|on|to|my))*"
    r"(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+))*"
)
#: "like" after a plural genre noun opens a list of titles too ("hit songs like What's My Name? and Gin and
#: Juice"); not after "plays", a verb as often ("the team plays like Arsenal").
_TITLE_LIST_LIKE_EN = re.compile(
    rf"\b(?:{'|'.join(sorted(_GENRE_PLURALS_EN - {'plays'}))}),?\s+like\s+{_TITLE_ITEMS_EN}\Z"
)
#: A film's or show's star: "Ziyi Zhang, star of Crouching Tiger, Hidden Dragon, Hero and ..." (a club's
#: star is "the Chelsea star").
_STAR_OF_EN = re.compile(rf"\bstars?\s+of\s+{_TITLE_ITEMS_EN}\Z")
#: A year's possessive before a name gives a work or an event of that year ("1972's Virginia Plain",
#: "2004's Sideways").
_YEAR_POSSESSIVE_EN = re.compile(r"\b(?:1[89]|20)\d\d['’]s\s+\Z")
#: English words that give a title after them ("a song titled Grief Never Grows Old").
_TITLING_EN = frozenset({"titled", "entitled"})
#: An actor's part in a film or a play right before its title ("her leading role in Elizabeth", "an
#: Oscar-winning role in The Godfather"); not "his role in Labour's campaign" nor "a leading role in the
#: Conservative party", whose lower-case article the name does not take.
_PERFORMED_IN_EN = re.compile(
    r"\b(?:leading|lead|supporting|title|starring|[Ww]inning|cameo|breakthrough)\s+roles?\s+in\s+\Z"
)
#: Nouns whose complement is a work, right before its title ("the UK premiere of Polar Express", "a remake
#: of The Italian Job", "the sequel to Shrek", "a rousing version of Hey Jude"): only a film, a play, a song
#: or a book has a premiere, a sequel or a rendition (a version "of the" is of a work its author's name opens:
#: "the film version of the Rogers and Hammerstein classic").
_WORK_OF_EN = re.compile(
    r"\b(?:(?:premiere|premieres|adaptation|adaptations|sequel|sequels|prequel|remake|screening)"
    r"\s+(?:of|to)\s+(?:the\s+)?|(?:version|rendition|remix)\s+of\s+)\Z"
)
#: What follows a work's title that ends its phrase: a mark, a conjunction, a preposition or a verb.
_AFTER_WORK = re.compile(
    r"(?:\s*[,.;:!?)\]\"”]|\s+(?:and|or|in|at|on|for|with|from|is|was|has|had|will|which|that|starring|opened)\b|\s*\Z)"
)
_POSSESSIVE_DETERMINERS_EN = frozenset({"his", "her", "their", "its", "whose"})
#: Words that make the genre word before a comma a noun with a title in apposition ("her latest single,
#: Car Wash,"; not the verb of "the figures show, Smith argues,").
_GENRE_MODIFIERS_EN = _POSSESSIVE_DETERMINERS_EN | frozenset(
    "a an the this new latest recent debut first second third last next final own hit forthcoming upcoming".split()
)
#: "and other" and a plural genre noun after a name, two words at most between: the name is one of them
#: ("sang Hey Jude and other Beatles songs", "Halo 2 and other games").
_AND_OTHER_WORKS_EN = re.compile(
    rf"\s+(?:and|or)\s+other\s+(?:[\w'’-]+\s+){{0,2}}(?:{'|'.join(sorted(_GENRE_PLURALS_EN | {'games'}))})\b"
)
#: What ends the head noun of an English apposition: a mark, or a word that opens its complement or a relative
#: clause ("Solaris, the operating system owned by Sun"); not a noun that makes a compound of it ("Pixar, the
#: film studio", "Sony, the games console maker"), nor a verb, whose subject the noun is after a phrase put
#: first ("Directed by Antoine Fuqua, the film was poorly received").
_HEAD_ENDS_EN = (
    r"(?=\s*[,.;:!?)\]]|\s*\Z|\s+(?:that|which|whose|owned|made|developed|written|directed|produced|released|"
    r"starring|based|by|from|of|in|on|for|with|about|to|and|or)\b)"
)
#: A capitalised word right before a name: the name may end a longer one.
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+\Z")
#: An apposition headed by a genre noun of works right after a name ("Sideways, the comedy that ...").
_WORK_APPOSITION_EN = re.compile(
    rf",[ \t]+(?:the|a|an|his|her|its|their)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}"
    rf"(?:{'|'.join(sorted(WORK_GENRES['en'] - _GENRE_ADJECTIVES_EN))}){_HEAD_ENDS_EN}"
)
#: An apposition headed by a product noun right after a name ("Solaris, the operating system owned by Sun").
_PRODUCT_APPOSITION_EN = re.compile(
    rf",[ \t]+(?:the|a|an|its|their)[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}"
    rf"(?:{'|'.join(sorted(PRODUCT_NOUNS_EN))}|operating[ \t]+system){_HEAD_ENDS_EN}"
)
#: A release's number right after a name: one digit or a year, then a mark, a verb or a preposition, and no
#: second name that would make it a result ("Doom 3 has blasted", "Pro Evolution Soccer 4."; not "Arsenal
#: 2 Chelsea 1", "Henman 6-3", "4x100m", "NHL 2K5", nor a count: "Wembley 2 weeks ago").
_NUMBERED_AFTER_EN = re.compile(
    r"[ \t](?:\d|(?:19|20)\d\d)(?![\w\-–:/.,]?\d|[\w%£$€]|\s*[-–])"
    r"(?=\s*[.,;:!?)\]'’\"]|\s*\Z|\s+(?:is|was|has|had|will|won|held|sold|topped|took|came|went|and|or|for|on|in|at"
    r"|which|that|from|with|by|to)\b)(?!,?\s+[A-Z0-9])"
)
_NUMBER_BEFORE = re.compile(r"\d[ \t]+\Z")
#: Words of broadcasters and bodies that carry a number of their own ("BBC Radio 4", "Channel 4", "Sky Movies 1").
_NUMBERED_BODIES_EN = frozenset("BBC Radio Channel ITV Sky TV FM Movies Sports News Formula Division League".split())
#: What may follow a title that stands in apposition or in a list: punctuation, a conjunction or the end.
_APPOSITION_END = re.compile(r"(?:\s*[,.;:!?)\]]|\s+(?:and|or)\s|\s*\Z)")  # matched at a position
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


#: A title's own article, capitalised inside a sentence, right before the name ("the game The Sims").
_TITLE_ARTICLE = re.compile(r"(?<=\s)(?:The|Der|Die|Das)[ \t]+\Z")


#: The credits after a work's title: ", starring Tom Hanks", " - directed by Ang Lee", ", starring former
#: Friends actor Matt LeBlanc" (not "starring in", "as", "alongside" ..., which follow an actor's name).
_CREDITS_AFTER_EN = re.compile(
    r"(?:\s*[,(]|\s+[-–—])\s*(?:co-)?(?:starring|directed\s+by|written\s+by|produced\s+by)\s+"
    r"(?!(?:in|as|alongside|opposite|with|for|on|at|and|role|roles)\b)\w"
)


#: An actor of a work, after its title: "Friends actor Matthew Perry", "Huggy Bear actor Antonio Fargas",
#: "21 Grams actress Naomi Watts" (a town's or a country's actor is a gazetteer place's, which stays).
_ACTOR_AFTER_EN = re.compile(r"\s+(?:actor|actress|actors|actresses)\s+[A-Z]")


def work_title(text: str, start: int, end: int, language: str) -> bool:
    """Whether the name at ``text[start:end]`` is given as the title of a work by the words around it.

    Right after a genre noun (:func:`introduces_work`: "the comedy Sideways", "der Film „Sideways“",
    "mit dem Titel „…“"), and in English also: in apposition to one ("her most recent single, Car Wash,
    featuring ..."), after "titled" or "entitled", in a list that a plural genre noun opens ("25 films,
    including Jungle Fever, Do the Right Thing and School Daze"; "her hits include Dirrty and
    Beautiful"; "hit songs like Gin and Juice"), in a list after "star of" ("star of Crouching Tiger,
    Hidden Dragon and Hero"), after a year's possessive ("1972's Virginia Plain"), right after a
    possessive's "debut" ("his debut Garden State"), and between a possessive and a genre noun ("his
    Greatest Hits album", "the 24-year-old's Confessions album"), after a noun only works have
    ("the premiere of Polar Express", "a sequel to Shrek", "a version of Hey Jude"), before "and other" and
    a plural genre noun ("Hey Jude and other Beatles songs"), and before an apposition a genre noun heads
    ("Sideways, the comedy that ..."; not "Pixar, the film studio"). Apposition and
    lists hold only where the name ends its list item (a comma, a conjunction, a full stop):
    "After the film, Smith left" gives no title.
    """
    near = text[max(0, start - 60) : start]
    if introduces_work(near, language):
        return True
    if language == "en" and (_CREDITS_AFTER_EN.match(text, end) or _ACTOR_AFTER_EN.match(text, end)):
        return True  # "The Polar Express, starring Tom Hanks", "Friends actor Matthew Perry": a work's credits
    if (
        language == "en"
        and (_AND_OTHER_WORKS_EN.match(text, end) or _WORK_APPOSITION_EN.match(text, end))
        and not _CAPITALISED_BEFORE.search(near)
    ):
        # "Hey Jude and other Beatles songs", "Sideways, the comedy that ...": one of a kind; not the end of a
        # longer title the model cut ("Escape From LA, the sequel to ..."), which says nothing of the name.
        return True
    # The title's own capitalised article between ("its popular game The Sims", "der Film Der Untergang").
    article = _TITLE_ARTICLE.search(near)
    if article is not None and introduces_work(near[: article.start()], language):
        return True
    if language != "en":
        return False
    if word_before(near, quote=True) in _TITLING_EN or _PERFORMED_IN_EN.search(near):
        return True
    # The name that ends its phrase; not an author's before the work: "an adaptation of Philip Pullman's
    # novel", "the sequel to the Ben Stiller comedy".
    if _WORK_OF_EN.search(near) and not text[start:end].endswith(("'s", "’s")) and _AFTER_WORK.match(text, end):
        return True
    if _APPOSITION_END.match(text, end) is not None:  # the name ends its list item or apposition
        tail = near.rstrip()
        if tail.endswith(",") and (genre := word_before(tail[:-1], blank=False)) in WORK_GENRES["en"]:
            phrase = tail[: -1 - len(genre)]
            modifier = word_before(phrase)
            # (Not "the director of the film, Vinod Pande,": the name is the director's.)
            if (
                modifier is not None
                and modifier.lower() in _GENRE_MODIFIERS_EN
                and not re.search(r"\bof\s+\S+\s*\Z", phrase)
            ):
                return True  # "her most recent single, Car Wash,"
        before = text[max(0, start - 200) : start]
        if ("includ" in before or "such as" in before) and _TITLE_LIST_EN.search(before):
            return True
        if "like" in before and _TITLE_LIST_LIKE_EN.search(before):
            return True  # "hit songs like What's My Name? and Gin and Juice"
        if "star" in before and _STAR_OF_EN.search(before):
            return True  # "star of Crouching Tiger, Hidden Dragon, Hero and ..."
    if "s " in near[-3:] and _YEAR_POSSESSIVE_EN.search(near):
        return True  # "1972's Virginia Plain"
    previous = word_before(near)
    if previous is None:
        return False
    if previous == "debut":  # "his debut Garden State": a debut is a work
        return (word_before(near[: near.rstrip().rfind("debut")]) or "").lower() in _POSSESSIVE_DETERMINERS_EN
    # "his Greatest Hits album", and any possessive: "the 24-year-old's Confessions album", "the BBC's
    # Panorama programme"; not a channel or a district that the genre noun is of ("Judy Finnigan's Channel
    # 4 show", "Andrew Lloyd Webber's West End musical").
    if previous.lower() not in _POSSESSIVE_DETERMINERS_EN and (
        not near.endswith(("'s ", "’s "))
        or any(w.lower() in ORG_HEAD_NOUNS for w in text[start:end].split(" "))
        or text[start:end].split(" ", 1)[0].lower() in COMPASS_WORDS
    ):
        return False
    following = _WORD_AFTER.match(text, end)
    if following is None or following.group(1) not in WORK_GENRES["en"]:
        return False
    genre, first = following.group(1), text[start:end].split(" ", 1)[0]
    # A biopic or a documentary is about the name before it ("Scorsese's Howard Hughes biopic"), and a
    # broadcaster's show is on it ("his BBC One show", "Friday's ITV programme").
    return genre not in _GENRES_ABOUT_EN and not (genre in _GENRES_ON_AIR_EN and first.isupper() and len(first) > 1)


#: Genre nouns whose name before them is what the work is about.
_GENRES_ABOUT_EN = frozenset({"biopic", "documentary"})
#: Genre nouns whose name before them may be the channel that airs them.
_GENRES_ON_AIR_EN = frozenset({"show", "programme", "program", "series"})


#: English function words that title case capitalises and a name's own spelling does not
#: ("Gangs Of New York", "Design For Life" against "Bank of England", "Department for Education").
_TITLE_CASE_WORDS = frozenset("Of For The A An And In On To With From At By Into Is Are".split())


def title_cased(name: str, language: str) -> bool:
    """Whether ``name`` is written in English title case: a function word capitalised inside it.
    Titles of films, books and songs are; the names of people, organisations and places keep
    "of", "for" and "the" in lower case."""
    if language != "en":
        return False
    words = name.split()
    return len(words) >= 3 and any(w in _TITLE_CASE_WORDS for w in words[1:-1])


#: Last words of English newspapers' and magazines' names, which keep a capital "The" ("The Times",
#: "The Sunday Telegraph"): organisations, not titles of works.
PRESS_HEADS = frozenset(
    "times guardian observer independent telegraph sun mirror mail express star post herald tribune journal"
    " economist spectator scotsman australian chronicle gazette record standard register inquirer".split()
)


def after_capital_the(text: str, start: int, name: str, language: str) -> bool:
    """Whether the English name at ``start`` follows a capitalised "The" where English writes "the"
    ("compete with The Aviator", "a fan of The Simpsons"): the article belongs to a title. A newspaper
    ("The Times"), an organisation by its head noun ("The Brookings Institution") and a plural, which
    a band's name mostly is ("The Libertines"), are left to the other evidence."""
    if language != "en" or start < 4 or text[start - 4 : start] != "The " or name.isupper():
        return False  # ("The EC says": an acronym is a body's, whatever the capital before it)
    if text[max(0, start - 6) : start - 4].rstrip()[-1:] in _QUOTE_MARKS:
        return False  # a quotation opens there: 'said "The EU has reiterated ..."'
    last = name.split()[-1].lower().rstrip("'’")
    if last in PRESS_HEADS or org_head(name) or last.endswith("s"):
        return False
    # The whole title, not a name inside a longer one ("The Doris Day Show"); not a venue ("at The Savoy").
    after = text[start + len(name) : start + len(name) + 2].strip()
    if after[:1].isupper() or re.search(r"\bat\s*\Z", text[max(0, start - 8) : start - 4]):
        return False
    return not opens_sentence(text, start - 4)


#: "of" and "of the" join the words of an English title ("Prisoner of Azkaban", "Lord of the Rings",
#: "Eternal Sunshine of the Spotless Mind"). ("to", "at", "on", "with the" and "and the" do too, but as
#: often join two names, one of which the model missed: "from Shakespeare to Yeats", "Gerrard at Anfield".)
_JOINED_AFTER = re.compile(r"[ \t]+of(?:[ \t]+the)?[ \t]+([A-Z][\w'’-]*)")
_JOINED_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+of(?:[ \t]+the)?[ \t]+\Z")
#: Capitalised English words that stand before "of" and a name without belonging to a title: offices
#: ("Mayor of London", "Chief Operating Officer of Sony", "Members of Parliament"), ranks and titles of
#: nobility ("Prince of Wales"), besides :data:`DEFAULT_ROLE_WORDS`.
OFFICES_EN = frozenset(
    "mayor officer chief head member members vice chair chairman chairwoman professor editor founder"
    " bishop archbishop cardinal duke duchess prince princess earl countess baron baroness marquess"
    " emperor empress pope commissioner deputy lieutenant colonel major captain commander admiral manager"
    " coach executive president minister secretary governor ambassador leader director king queen".split()
)
#: Words written before a surname without making a longer name with it ("concluded Professor Dautenhahn",
#: "Bürgermeister Häupl", "Lady Thatcher"): forms of address, academic titles, offices and ranks.
TITLES_BEFORE_NAMES = (
    HONORIFICS
    | OFFICES_EN
    | frozenset(
        "prof professor professorin lord lady judge senator sen rep gov detective inspector sergeant"
        " bürgermeister bürgermeisterin richter richterin trainer trainerin kapitän kapitänin pfarrer"
        " bischof kardinal papst prinz prinzessin fürst fürstin graf gräfin kommissar kommissarin"
        " staatsanwalt staatsanwältin abt äbtissin".split()
    )
)
#: Capitalised English words that follow "of" without naming anything: days, months, feasts.
_CALENDAR_EN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december christmas easter".split()
)


def title_fragment(
    text: str, start: int, end: int, language: str, named: Callable[[int], bool], *, after: bool = True
) -> bool:
    """Whether the English name at ``text[start:end]`` is a piece of a longer title joined to it by "of"
    ("the Prisoner of Azkaban", "Lord of the Rings", "Eternal Sunshine of the Spotless Mind").

    English capitalises names, not nouns: a capital word on the other side of "of" is another name,
    which the model tags (``named`` says whether a name covers a position: "Smith of Reuters"), an
    office ("Mayor of London"), a date or a sentence's first word; otherwise it belongs with the name
    to something longer the model cut short, mostly a title. ``after=False`` looks only before the
    name: "Barry Gibb of the Bee Gees" is how news places a person, whom "of" follows."""
    if language != "en":
        return False
    joined = _JOINED_AFTER.match(text, end) if after and "of" in text[end : end + 5] else None
    if joined is not None and _free_capital(joined.group(1), joined.start(1), named):
        return True
    if "of" not in text[max(0, start - 9) : start]:  # most names: no regex needed
        return False
    window = max(0, start - 60)
    joined = _JOINED_BEFORE.search(text, window, start)
    if joined is None:
        return False
    at = joined.start(1)
    word = joined.group(1).lower()
    if word in OFFICES_EN or is_role_word(word, DEFAULT_ROLE_WORDS) or opens_sentence(text, at):
        return False
    return _free_capital(joined.group(1), at, named)


_COMMON_THE_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+the[ \t]+\Z")


def title_after_common_word(
    text: str, start: int, language: str, named: Callable[[int], bool], common: Callable[[str], bool]
) -> bool:
    """Whether the English name at ``start`` ends a title that opens with an ordinary word English
    capitalises only in a title, then "the" ("Meet the Fockers", "Beyond the Sea", "Passport to
    Paradise" aside): ``common`` says the word is ordinary (written in lower case far more often),
    and it stands inside a sentence, outside any name, and is no office or role ("Chancellor")."""
    if language != "en" or "the" not in text[max(0, start - 5) : start]:
        return False
    joined = _COMMON_THE_BEFORE.search(text, max(0, start - 40), start)
    if joined is None:
        return False
    word, at = joined.group(1), joined.start(1)
    low = word.lower()
    if low in OFFICES_EN or is_role_word(low, DEFAULT_ROLE_WORDS) or low in _CALENDAR_EN or opens_sentence(text, at):
        return False
    return not named(at) and common(word)


def _free_capital(word: str, at: int, named: Callable[[int], bool]) -> bool:
    """A capitalised word that no name covers and that is no date, article, honorific or acronym (an
    acronym is a name the model missed: "of FIFA"; "The" begins one: "of The Bee Gees")."""
    low = word.lower()[:-2] if word.endswith(("'s", "’s")) else word.lower()
    if named(at) or low in _CALENDAR_EN or low in HONORIFICS or word in {"The", "I"}:
        return False
    return not word.isupper()


# ---------------------------------------------------------------- common nouns

_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")  # capitalised sentence starts never match


def lower_case_words(texts: Iterable[str]) -> set[str]:
    """Words the texts write in lower case somewhere (a noun is, a name is not), sentence starts aside."""
    words: set[str] = set()
    for text in texts:
        words.update(_LOWER_WORD.findall(text))
    return words


#: Wiktionary word classes that make a word a name, not (only) an ordinary noun.
_NAME_CLASSES = frozenset({"Nachname", "Vorname", "Toponym", "Eigenname", "Straßenname", "Abkürzung"})


#: Endings of German abstract nouns, which end no place's name.
_ABSTRACT_ENDINGS_DE = ("ung", "heit", "keit", "tion", "ität", "ismus")


class CommonNouns:
    """Words a language's dictionary knows only as ordinary nouns, never as names.

    German: every form (all cases, singular and plural) of the ~100,000 nouns
    of German Wiktionary in the ``german-nouns`` package (CC BY-SA 4.0), minus
    the words Wiktionary also lists as a surname, given name, place, proper name
    or abbreviation ("Fischer", "Berlin", "Apple" stay possible names; "Beton",
    "Nutzer", "Sperre" do not). A capitalised German noun is what a German NER
    model most often mistakes for a name; this is the evidence against it.

    English: capitalised words that a large corpus writes in lower case far more
    often (``ENGLISH_LOWER_RATIO`` times or more) than capitalised, by the
    case-sensitive word frequencies of ``spacy-lookups-data`` (MIT): "Cabinet",
    "Data", "Group", "Agreement" are ordinary words that a sentence start or a
    title capitalised; "Blair", "Shell", "Brown", "Apple" are not (a name is
    written capitalised about as often as its homonym is not).
    """

    def __init__(
        self,
        words: dict[str, frozenset[str]],
        glue: dict[str, frozenset[str]] | None = None,
        name_like: frozenset[str] = frozenset(),
        heads: dict[str, tuple[str, str]] | None = None,
        homographs: dict[str, frozenset[str]] | None = None,
        acronym_nouns: frozenset[str] = frozenset(),
        lowered: frozenset[str] = frozenset(),
        lowered_in: dict[str, frozenset[str]] | None = None,
        adjectives: frozenset[str] = frozenset(),
    ):
        self.words = words
        # English words WordNet knows as adjectives only, never as nouns ("olympic", "digital", "islamic").
        self.adjectives = adjectives
        self.acronym_nouns = acronym_nouns  # acronyms English uses as common nouns ("CEO", "IPO", "NGO")
        # Capitalised English words written in lower case at least as often ("Treasurer", "Constable").
        self.lowered = lowered
        # The same of other languages: German adjectives, adverbs and verbs ("Stark", "Munter", "Heuer").
        self.lowered_in = lowered_in or {}
        self.homographs = homographs or {}  # per language, forms that are a common noun and a name ("Essen")
        self.heads = heads or {}  # German noun form -> (its nominative, gender m/f/n, or p for plural)
        self.glue = glue or {}  # per language, words that are ordinary enough to cut off a name's front
        self.name_like = name_like  # words English writes capitalised more often than not ("Steven", "George")
        self.named = _named_words()  # German words annotated news tags as names more often than not, and as what
        self.tag = ""  # what the lexicons were built from (packages, code, named words): load_common_nouns sets it

    def knows(self, language: str) -> bool:
        return language in self.words

    def written_lower(self, language: str, word: str) -> bool:
        """Whether a capitalised word is one its language writes in lower case at least as often: capital
        only where a sentence opens ("Stark betroffen sind ...", "Tsunami to cost ...")."""
        return word in (self.lowered if language == "en" else self.lowered_in.get(language, frozenset()))

    def is_noun(self, language: str, word: str) -> bool:
        """Whether a word is a noun of the language: a common noun only, or one that is a name too
        (:attr:`homographs`: "Winter", "Sommer", "Kraft")."""
        return self.is_common(language, word) or word in self.homographs.get(language, ())

    def ordinary(self, language: str, word: str) -> bool:
        """Whether a capitalised word is an ordinary word of its language: a common noun (German), or
        one English writes in lower case at least as often (:meth:`written_lower`: "Stadium", "Games")."""
        return self.written_lower(language, word) if language == "en" else self.is_common(language, word)

    def is_person_noun(self, language: str, word: str) -> bool:
        """Whether a German noun, or the noun its compound ends in ("Kultregisseur", "Generalsekretärs"), is
        one for a person: German forms a feminine of such a noun with -in (Movierung: "Regisseurin",
        "Sekretärin", "Chefin", "Münchnerin"), which the dictionary lists as feminine; nouns for things have
        none ("Kinos", "Staaten"; "Codein" of "Code" is neuter); and so is one in -mann or -frau ("Frontmann",
        "Obfrau"). Other languages: no."""
        if language != "de":
            return False
        low = word.rsplit("-", 1)[-1].lower()
        for ending in _GERMAN_NOUN_ENDINGS:
            if ending and not low.endswith(ending):
                continue
            stem = low[: len(low) - len(ending)] if ending else low
            if stem.endswith(("mann", "männer", "frau")) and len(stem) > 5:
                return True
            for cut in range(len(stem) - 3):  # the whole word, then every ending of four letters or more
                head = stem[cut].upper() + stem[cut + 1 :]
                feminine = head if head.endswith("in") and self.is_common("de", head[:-2]) else head + "in"
                if (
                    self.heads.get(feminine, ("", ""))[1] == "f"
                    or self.heads.get(_umlauted(feminine), ("", ""))[1] == "f"
                ):
                    return True
        return False

    def is_acronym_noun(self, word: str) -> bool:
        """Whether an acronym is a common noun: English writes it in the plural at least
        1/``ENGLISH_LOWER_RATIO`` as often as in the singular ("CEOs", "IPOs", "NGOs", "MEPs"), which no
        organisation's acronym is ("BBCs", "FBIs" hardly occur)."""
        return word in self.acronym_nouns

    def is_common(self, language: str, word: str) -> bool:
        return word in self.words.get(language, frozenset())

    def names_a_body(self, word: str) -> bool:
        """Whether a word a dictionary may list as a noun is written as a name: an acronym ("FIFA", "BMW")
        or a word English text writes capitalised more often than not ("Facebook", "Microsoft")."""
        return is_acronym(word) or word in self.name_like

    def is_compound(self, language: str, word: str) -> bool:
        """Whether a German word the dictionary lacks is a compound of its common nouns: a modifier noun
        (with its linking element) before a head of four letters or more ("Nachfrage|problem",
        "Wasser|proben", "Tor|garantie"). German forms compounds at will, so no dictionary lists them all."""
        if language != "de" or not self.heads or not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()):
            return False  # a hyphen or a capital inside ("DeutscheTelekom") makes no ordinary compound
        if word in self.named:
            return False  # annotated news tags it as a name ("Bundesliga", "Düsseldorf")
        return any(
            self.is_common(language, word[i:].capitalize())
            and word[i:].lower() not in _INSTITUTION_HEADS  # "Handelsblatt", "Volksoper": an institution's name
            and self._modifier(word[:i])
            for i in range(3, len(word) - 3)
        )

    def names_no_place(self, language: str, word: str) -> bool:
        """Whether a German compound of common nouns (:meth:`is_compound`) ends in a noun no place's name
        ends in: an abstract noun ("Lebensmittel|verschwendung": -ung, -heit, -keit, -tion, -ität, -ismus)
        or a verb's infinitive used as a neuter noun ("Diplomaten|kreisen", the circles diplomats move in).
        German names places by compounds ("Mittelmeer", "Eisenstadt", "Nordseeküste"), never so."""
        if not self.is_compound(language, word):
            return False
        for i in range(3, len(word) - 3):
            head = word[i:].capitalize()
            if not self.is_common(language, head) or not self._modifier(word[:i]):
                continue
            low = head.lower()
            if low.endswith(_ABSTRACT_ENDINGS_DE) or (low.endswith("en") and self.heads.get(head, ("", ""))[1] == "n"):
                return True
        return False

    def annotated_type(self, language: str, word: str) -> str | None:
        """The type annotated news gives ``word`` most often when it tags it as a name (German only:
        :data:`NAMED_WORDS_FILE`; "Reuters" an organisation, "Erde" a place), else None."""
        return self.named.get(word) if language == "de" else None

    def nominative(self, name: str) -> str:
        """A German organisation's or place's name in the nominative, as a title gives it.

        Text gives names in every case ("der Europäischen Zentralbank", "des Deutschen
        Fußballbundes", "des Instituts für Tourismus"); a page title is nominative
        ("Europäische Zentralbank", "Deutscher Fußballbund", "Institut für Tourismus").
        The head noun's nominative and gender come from German Wiktionary (a compound
        by its last part: "Fußballbundes" by "Bundes"); the adjectives before it take
        the strong endings of that gender (-er, -e, -es; plural -e). A name whose head
        the dictionary does not know is left as it is ("Bayern München").
        """
        words = name.split(" ")
        if len(words) < 2 or not self.heads:
            return name
        i = 0
        # Adjectives before the head: declined ones ("Europäischen") and place adjectives in -er,
        # which never decline ("Frankfurter Allgemeinen Sonntagszeitung").
        while i < len(words) - 1 and _adjective_before(words[i], words[i + 1]):
            i += 1
        found = self._head(words[i])
        if found is None or found[1] not in _STRONG_ENDINGS:
            return name  # an unknown head, or a form that is singular and plural alike ("Bären")
        head, gender = found
        ending = _STRONG_ENDINGS[gender]
        modifiers = [w if w.endswith("er") else w[:-2] + ending for w in words[:i]]
        return " ".join([*modifiers, head, *words[i + 1 :]])

    def _head(self, word: str) -> tuple[str, str] | None:
        """The nominative and gender of a German noun form, a compound by its longest known last part."""
        front, _, last = word.rpartition("-")
        prefix = front + "-" if front else ""
        for i in range(0, len(last) - 3):
            part = last[i:] if i == 0 else last[i:].capitalize()
            if part in self.heads and (i == 0 or self._modifier(last[:i])):
                nominative, gender = self.heads[part]
                return prefix + last[:i] + (nominative if i == 0 else nominative.lower()), gender
        return None

    def _modifier(self, front: str) -> bool:
        """Whether ``front`` is a noun as the first part of a compound, with its linking
        element ("Fußball-", "Währungs-", "Volks-"; not "Goldsm-" of "Goldsmiths")."""
        return any(
            front[: len(front) - len(link)].capitalize() in self.heads
            for link in _LINKS
            if front.endswith(link) and len(front) - len(link) >= 3
        )

    def glued_before_name(self, language: str, word: str) -> bool:
        """Whether ``word`` at the front of a longer person's name is a role or description glued to it:
        an ordinary word of the language, or in English one written in lower case at least
        ``ENGLISH_GLUE_RATIO`` times as often as capitalised ("Keeper", "Sprinter"; given names
        such as "George" or "Frank" are written capitalised more often)."""
        if word in demonyms(language):  # "Hungarian Melinda Czink": capitalised, yet no name
            return True
        if word in self.name_like:  # a given name in the language of most news ("Steven" is a German noun too)
            return False
        if self.is_common(language, word) or word in self.glue.get(language, frozenset()):
            return True
        if language != "de":
            return False
        # German: a feminine form ("Konteradmiralin") and a compound's head ("Masterssieger").
        forms = {word, word.removesuffix("in")} if word.endswith("in") else {word}
        # A compound's head is any noun, even one that is a surname too ("Export|kaiser").
        return any(
            self.is_common(language, form)
            or any(
                self.is_common(language, head := form[i:].capitalize())
                or (head in self.heads and self._modifier(form[:i]))
                for i in range(3, len(form) - 4)
            )
            for form in forms
        )


#: English words for people of a country that no rule derives from its name.
_IRREGULAR_DEMONYMS = frozenset(
    "American Briton British Scottish Swiss Swede Dane Finn Pole Turk Scot Filipino Dutch Argentine Afghan Croat"
    " Serb Emirati Ivorian Congolese Greek".split()
)

#: English nouns for one of a nation's people, which stand before a person's name and never begin any
#: other name ("Frenchman Cyril Saulnier", "Spaniard Rafael Nadal"). Not "Finn", "Scot" and "Dane":
#: given names too ("Finn Russell").
PEOPLE_NOUNS = frozenset(
    "Briton Swede Pole Turk Spaniard Icelander Luxembourger Frenchman Frenchwoman Englishman Englishwoman"
    " Welshman Welshwoman Irishman Irishwoman Scotsman Scotswoman Dutchman Dutchwoman".split()
)


@lru_cache(maxsize=4)
def demonyms(language: str) -> frozenset[str]:
    """English words for a country's people or its adjective, derived from CLDR's country and region
    names (babel): "Kenya" -> "Kenyan", "Hungary" -> "Hungarian", "Brazil" -> "Brazilian", "Japan" ->
    "Japanese", "Pakistan" -> "Pakistani", and languages' names ("French"). Glued to the front of a
    name ("Hungarian Melinda Czink", "Brazilian Ronaldo") they describe the person; German's
    demonyms are nouns ("Brasilianer") and its noun lexicon knows them."""
    if language != "en":
        return frozenset()
    from babel import Locale

    locale = Locale.parse("en")
    out = set(_IRREGULAR_DEMONYMS)
    out.update(n for n in locale.languages.values() if " " not in n and n[:1].isupper())
    for name in locale.territories.values():
        if " " in name or not name[:1].isupper():
            continue
        # "-n" after a vowel (Kenyan), "-i" after a consonant (Israeli, Pakistani), "-an", "-ian", "-ese" after
        # either, or in place of a final vowel (Mexican, Hungarian, Chinese); not "Dominica" -> "Dominici", a
        # surname ("said Dominici"), nor "Israeln".
        if name[-1] in "aeiouy":
            out.update(name + suffix for suffix in ("n", "an", "ian"))
            out.update(name[:-1] + suffix for suffix in ("an", "ian", "ese"))
        else:
            out.update(name + suffix for suffix in ("an", "ian", "ese", "i"))
    out.difference_update(locale.territories.values())  # "Mali" is the country
    return frozenset(w for w in out if len(w) > 3)


#: Linking elements between the parts of a German compound ("Währungsfonds", "Volksrepublik").
_LINKS = ("", "s", "es", "n", "en", "e", "er")
#: Strong adjective endings in the nominative, by the head noun's gender (p: plural).
_STRONG_ENDINGS = {"m": "er", "f": "e", "n": "es", "p": "e"}


def _adjective_before(word: str, following: str) -> bool:
    """A capitalised German adjective before another word of a name: declined (-en, -em, -es) or in -er."""
    return (
        len(word) >= 5
        and word[:1].isupper()
        and word.isalpha()
        and word.endswith(("en", "em", "es", "er"))
        and following[:1].isupper()
    )


def _german_heads(rows: list[list[str]], header: list[str]) -> dict[str, tuple[str, str]]:
    """Every form of a German common noun -> its nominative and gender (m/f/n; p for a plural form).

    A form that is a nominative singular is that noun ("Haus", not a form of "Hau"); else a
    plural form is plural ("Nationen"), unless it is a singular form too ("Bären", "Griechen":
    gender "?", which leaves a name as it is); else an oblique singular ("Hauses" -> "Haus").
    """
    singular = [i for i, name in enumerate(header) if "singular" in name]
    plural = [i for i, name in enumerate(header) if "plural" in name]
    nominative = [i for i, name in enumerate(header) if name.startswith("nominativ singular")]
    nouns = [
        row
        for row in rows
        if "Substantiv" in row[1].split(",") and "adjektivische Deklination" not in row[1] and row[2] in ("m", "f", "n")
    ]
    heads: dict[str, tuple[str, str]] = {}

    def forms(row: list[str], columns: list[int]) -> list[str]:
        return [row[i] for i in columns if i < len(row) and row[i] and " " not in row[i]]

    for row in nouns:
        for form in forms(row, nominative):
            heads.setdefault(form, (form, row[2]))
    oblique = {form for row in nouns for form in forms(row, singular)}
    for row in nouns:
        for form in forms(row, plural):
            heads.setdefault(form, (form, "?" if form in oblique else "p"))
    for row in nouns:
        nom = forms(row, nominative)
        for form in forms(row, singular) if nom else ():
            heads.setdefault(form, (nom[0], row[2]))
    return heads


#: Words German news annotators tag as names more often than not (``python -m generator.devtools.named_words``).
NAMED_WORDS_FILE = Path(__file__).parent / "data" / "germeval_named_words.txt"


_NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


def _named_words() -> dict[str, str]:
    """:data:`NAMED_WORDS_FILE` as word -> the entity type annotators give it most often."""
    text = NAMED_WORDS_FILE.read_text(encoding="utf-8") if NAMED_WORDS_FILE.exists() else ""
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: _NER_TYPES[row[1]] for row in rows if len(row) == 2 and row[1] in _NER_TYPES}


def _german_nouns() -> tuple[frozenset[str], dict[str, tuple[str, str]], frozenset[str]]:
    """German Wiktionary's nouns: the forms that are only common nouns (not a word that annotated German
    news tags as a name more often than not: :data:`NAMED_WORDS_FILE`, "Bundestag", "Grünen",
    "Spiegel"), every noun form's head reading, and the forms that are a common noun and a name at once."""
    import csv
    import importlib.resources
    import io

    text = importlib.resources.files("german_nouns").joinpath("nouns.csv").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    noun_rows: set[str] = set()  # forms of a lemma that is a common noun only
    name_rows: set[str] = set()  # forms of a lemma that is a name
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        tags = set(row[1].split(","))
        for form in {row[0], *row[7:]}:
            if form and form[:1].isupper() and " " not in form:
                classes.setdefault(form, set()).update(tags)
                if tags & _NAME_CLASSES:
                    name_rows.add(form)
                elif "Substantiv" in tags:
                    noun_rows.add(form)
    named = _named_words()
    common = frozenset(
        w for w, tags in classes.items() if "Substantiv" in tags and not tags & _NAME_CLASSES and w not in named
    )
    # Forms of a common noun and of a name at once ("Essen", "Halle", "Kanton"; not "Donaustadt", a name
    # only): their article tells which.
    homographs = frozenset(noun_rows & name_rows)
    return common, _german_heads(rows[1:], rows[0]), homographs


#: Endings a German noun takes in the genitive, the plural and the feminine plural ("Sekretärs", "Kandidaten",
#: "Chefinnen"), longest first.
_GERMAN_NOUN_ENDINGS = ("innen", "nen", "en", "es", "n", "s", "")
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü"}


def _umlauted(feminine: str) -> str:
    """A feminine in -in with its stem's last vowel umlauted, as German often forms it ("Bischof" ->
    "Bischöfin", "Arzt" -> "Ärztin", "Koch" -> "Köchin"); the word itself when that vowel takes none."""
    stem = feminine[:-2]
    for i in range(len(stem) - 1, -1, -1):
        low = stem[i].lower()
        if low in "aeiouäöü":
            if low not in _UMLAUTS or (i and stem[i - 1].lower() in "aeu"):
                return feminine  # (e and i take none; nor does this umlaut a diphthong: "au" -> "äu")
            vowel = _UMLAUTS[low]
            return stem[:i] + (vowel.upper() if stem[i].isupper() else vowel) + stem[i + 1 :] + "in"
    return feminine


#: How many times more often the lower-case form must occur than the capitalised one
#: for a capitalised English word to count as an ordinary word (e**2: "Cabinet" 12x, "Shell" 6x).
ENGLISH_LOWER_RATIO = 7.389
#: The same for a word glued to the front of a person's name (e: "Keeper" 5x, "Prop" 4x; "George" 0.04x).
ENGLISH_GLUE_RATIO = 2.718


#: An acronym counts as a common noun only if English writes it at least this often (log frequency): rarer
#: ones are too often a body's own name that a table of web text holds a plural of by chance.
ENGLISH_ACRONYM_MIN_LOG_FREQUENCY = -17.0


#: A name-like word is one English writes often, not a foreign word that English text only quotes
#: ("Steven" -12.2, "Frank" -11.6; the German nouns "Deutscher" -16.6, "Amerikaner" -17.0).
ENGLISH_NAME_MIN_LOG_FREQUENCY = -15.0


def _english_lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """From spacy-lookups-data's case-sensitive English log frequencies (a 7 MB table, read once):
    the ordinary words (lower case ``ENGLISH_LOWER_RATIO`` times as often as capitalised), the
    words that may be glued to a name (``ENGLISH_GLUE_RATIO``), the name-like words (capitalised
    more often than not: "Steven", "Mark"), the acronyms used as common nouns (in the plural at
    least 1/``ENGLISH_LOWER_RATIO`` as often as in the singular, and not rare: "CEO", "DVD", "IPO"), and
    the capitalised words written in lower case at least as often ("Treasurer", "Constable": a title
    before a name, which English capitalises there and only there)."""
    import importlib.resources
    import math

    import srsly

    data = importlib.resources.files("spacy_lookups_data").joinpath("data", "en_lexeme_prob.json.gz")
    probs: dict[str, float] = srsly.read_gzip_json(str(data))
    common, glue, name_like, acronyms, lowered = set(), set(), set(), set(), set()
    lower_at, glue_at = math.log(ENGLISH_LOWER_RATIO), math.log(ENGLISH_GLUE_RATIO)
    for word, prob in probs.items():
        if (
            is_acronym(word)
            and prob >= ENGLISH_ACRONYM_MIN_LOG_FREQUENCY
            and probs.get(word + "s", float("-inf")) - prob >= -lower_at
        ):
            acronyms.add(word)
        if len(word) > 1 and word.isalpha() and word.islower():
            title = word[0].upper() + word[1:]
            title_prob = probs.get(title)
            if title_prob is not None:
                if prob >= title_prob:
                    lowered.add(title)
                if prob - title_prob >= lower_at:
                    common.add(title)
                if prob - title_prob >= glue_at:
                    glue.add(title)
        elif (
            word[:1].isupper()
            and word[1:].islower()
            and prob > probs.get(word.lower(), float("-inf"))
            and prob >= ENGLISH_NAME_MIN_LOG_FREQUENCY
        ):
            name_like.add(word)
    return frozenset(common), frozenset(glue), frozenset(name_like), frozenset(acronyms), frozenset(lowered)


def load_common_nouns(cache_dir: Path | None = None) -> CommonNouns:
    """The common-noun lexicons, read from ``cache_dir`` when a checked copy is there (parsing takes seconds).

    A language whose data package is not installed has no lexicon (nothing is judged an ordinary word).
    """
    from importlib.metadata import PackageNotFoundError, version

    sources = {"de": "german-nouns", "en": "spacy-lookups-data"}
    installed = {}
    for lang, package in sources.items():
        try:
            installed[lang] = f"{package} {version(package)}"
        except PackageNotFoundError:
            continue
    named = store.checksum(NAMED_WORDS_FILE.read_bytes()) if NAMED_WORDS_FILE.exists() else "-"
    tag = f"dossier-common-nouns 11 {' '.join(sorted(installed.values()))} {store.code_version(__name__)} {named}"
    path = cache_dir / "common-nouns.pickle" if cache_dir is not None else None
    if path is not None and isinstance(cached := store.read_pickle(path, tag), tuple):
        return _tagged(CommonNouns(*cached), tag)
    words: dict[str, frozenset[str]] = {}
    glue: dict[str, frozenset[str]] = {}
    name_like: frozenset[str] = frozenset()
    heads: dict[str, tuple[str, str]] = {}
    homographs: dict[str, frozenset[str]] = {}
    acronym_nouns: frozenset[str] = frozenset()
    lowered: frozenset[str] = frozenset()
    lowered_in: dict[str, frozenset[str]] = {}
    adjectives: frozenset[str] = frozenset()
    if "de" in installed:
        words["de"], heads, homographs["de"] = _german_nouns()
        lowered_in["de"] = _lowered("de")
    if "en" in installed:
        words["en"], glue["en"], name_like, acronym_nouns, lowered = _english_lexicons()
        adjectives = _adjectives_only("en")
    record = (words, glue, name_like, heads, homographs, acronym_nouns, lowered, lowered_in, adjectives)
    if path is not None:
        store.write_pickle(path, tag, record)
    return _tagged(CommonNouns(*record), tag)


def _tagged(nouns: CommonNouns, tag: str) -> CommonNouns:
    """The lexicons with the tag of what they were built from, for the caches of the stages that read them."""
    nouns.tag = tag
    return nouns


def _adjectives_only(language: str) -> frozenset[str]:
    """The words ``language``'s lemma index (spacy-lookups-data, from WordNet) lists as adjectives and not as
    nouns: "olympic", "digital", "democratic" (not "british" or "german", nouns for people too)."""
    import importlib.resources

    import srsly

    data = importlib.resources.files("spacy_lookups_data").joinpath("data", f"{language}_lemma_index.json.gz")
    if not data.is_file():
        return frozenset()
    index: dict[str, list[str]] = srsly.read_gzip_json(str(data))
    return frozenset(index.get("adj", ())) - frozenset(index.get("noun", ()))


def _lowered(language: str) -> frozenset[str]:
    """The capitalised words that ``language``'s case-sensitive word frequencies (spacy-lookups-data) hold
    in lower case at least as often: in German its adjectives, adverbs and verbs ("Stark", "Kurz"), never
    its nouns, which are capitalised everywhere."""
    import importlib.resources

    import srsly

    data = importlib.resources.files("spacy_lookups_data").joinpath("data", f"{language}_lexeme_prob.json.gz")
    if not data.is_file():
        return frozenset()
    probs: dict[str, float] = srsly.read_gzip_json(str(data))
    out = set()
    for word, prob in probs.items():
        if len(word) > 1 and word.isalpha() and word.islower():
            title = word[0].upper() + word[1:]
            if prob >= probs.get(title, float("inf")):
                out.add(title)
    return frozenset(out)


#: The Brown clusters of people's names per language (``python -m generator.devtools.name_clusters``).
NAME_CLUSTERS_FILE = Path(__file__).parent / "data" / "name_clusters.json"


@cache
def _name_cluster_words(language: str) -> frozenset[str]:
    """The words spacy-lookups-data puts in one of ``language``'s clusters of people's names (a
    million-word table read once, only when a word is new to the answers' cache file)."""
    import importlib.resources
    import json

    import srsly

    wanted = set(json.loads(NAME_CLUSTERS_FILE.read_text(encoding="utf-8"))["clusters"].get(language, ()))
    data = importlib.resources.files("spacy_lookups_data").joinpath("data", f"{language}_lexeme_cluster.json.gz")
    if not wanted or not data.is_file():
        return frozenset()
    table: dict[str, int] = srsly.read_gzip_json(str(data))
    return frozenset(word for word, cluster in table.items() if cluster in wanted)


class PersonNameParts:
    """Whether a word is a known given name or surname, in any language.

    The evidence is the person-name dictionary of ``rigour`` (OpenSanctions'
    name library: name parts from Wikidata, "Bono", "Merkel", "Boateng" is not
    there, "Spotify", "Rosneft", "Unicef" are not either). Loading rigour's
    person tagger takes about ten seconds, so every answer is kept in a checked
    cache file (``cache_dir/person-name-parts.pickle``, tagged with rigour's
    version) and the tagger is only loaded for a word no earlier build asked about.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self.tag = (
            f"dossier-person-name-parts 2 rigour {store.package_version('rigour')}"
            f" spacy-lookups-data {store.package_version('spacy-lookups-data')}"
            f" {store.checksum(NAME_CLUSTERS_FILE.read_bytes())}"
        )
        stored = store.read_pickle(path, self.tag) if path is not None else None
        known, clustered = stored if isinstance(stored, tuple) and len(stored) == 2 else ({}, {})
        self.known: dict[str, bool] = dict(known)
        self.clustered: dict[str, bool] = dict(clustered)  # "de:Stoiber" -> in a cluster of names
        self.dirty = False

    def __call__(self, word: str) -> bool:
        key = word.casefold()
        if key not in self.known:
            self.known[key] = _rigour_knows(key)
            self.dirty = True
        return self.known[key]

    def in_name_cluster(self, word: str, language: str) -> bool:
        """Whether a large corpus uses ``word``, spelt so, as it uses people's names: its Brown cluster
        in ``language`` is one of names (:data:`NAME_CLUSTERS_FILE`; "Stoiber", "Pofalla", "Kibaki",
        which no dictionary lists, share German cluster 40 with "Merkel"; "Spotify" does not)."""
        key = f"{language}:{word}"
        if key not in self.clustered:
            self.clustered[key] = word in _name_cluster_words(language)
            self.dirty = True
        return self.clustered[key]

    def save(self) -> None:
        """Keep the answers for the next build (written only when a new word was asked about)."""
        if self.dirty and self.path is not None:
            answers = (dict(sorted(self.known.items())), dict(sorted(self.clustered.items())))
            store.write_pickle(self.path, self.tag, answers)
            self.dirty = False


def _rigour_knows(word: str) -> bool:
    from rigour.names import NameTypeTag, SymbolCategory, analyze_names

    names = analyze_names(NameTypeTag.PER, [word], phonetics=False, numerics=False, consolidate=False, rewrite=False)
    return any(span.symbol.category == SymbolCategory.NAME for name in names for span in name.spans)
