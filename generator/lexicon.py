"""Word lists of news German and English that the rules read (no spaCy import).

One place for the words the extraction layers, propagation and resolution
share, so that a list is never copied between stages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


#: Last words of organisation names that another name can be coordinated into
#: ("Russia & Eurasia Programme", "Bill and Melinda Gates Foundation").
ORG_HEADS = frozenset(
    "programme program institute foundation centre center council committee studies group department "
    "stiftung institut zentrum programm".split()
)

#: German institution words that take a "für ..." complement as part of the name
#: ("Institut für russische, osteuropäische und zentralasiatische Studien").
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
)


#: Portfolios that name an office, not an organisation, before a role word
#: ("Defense Minister Sergei Shoigu", "Foreign Secretary", "Interior Ministry" is left alone).
PORTFOLIOS = frozenset(
    "defense defence foreign finance interior justice economy trade health education energy "
    "agriculture transport culture environment labour labor treasury".split()
)


# The word itself, or a compound ending in it with at least four letters before.
_APPOSITION = re.compile(r"(?:\w{4,})?(?:" + "|".join(APPOSITION_HEADS) + r")")


def is_apposition_head(low: str) -> bool:
    return _APPOSITION.fullmatch(low) is not None


def is_role_word(text: str, role_words: Iterable[str]) -> bool:
    low = text.lower().rstrip(".")
    last = low.rsplit("-", 1)[-1]
    return any(low == w or last == w or (len(low) > len(w) + 2 and low.endswith(w)) for w in role_words)
