"""Word lists of news German and English that the rules read (no spaCy import).

One place for the words the extraction layers, propagation and resolution
share, so that a list is never copied between stages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from generator import store

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

#: Head nouns that make a name an organisation's ("Blackpool Hotel Association",
#: "Labour Party", "Landesgericht Linz", "Amtsgericht"): type evidence in resolution.
#: Matched as the last word of a name, or (German) as the end of its first word,
#: a compound ("Landesgericht Linz"). A closed class of common nouns, not names.
ORG_HEAD_NOUNS = ORG_HEADS | frozenset(
    "association agency authority party university college ministry bank court company corporation "
    "commission federation league club society trust network channel service services bureau office "
    "verband verein partei universität hochschule gericht ministerium bank agentur kommission behörde "
    "gesellschaft konzern gewerkschaft amt rat senat parlament".split()
)


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


class CommonNouns:
    """Words a language's dictionary knows only as ordinary nouns, never as names.

    German: every form (all cases, singular and plural) of the ~100,000 nouns
    of German Wiktionary in the ``german-nouns`` package (CC BY-SA 4.0), minus
    the words Wiktionary also lists as a surname, given name, place, proper name
    or abbreviation ("Fischer", "Berlin", "Apple" stay possible names; "Beton",
    "Nutzer", "Sperre" do not). A capitalised German noun is what a German NER
    model most often mistakes for a name; this is the evidence against it.
    Other languages: none yet (English common nouns are lower case in text).
    """

    def __init__(self, words: dict[str, frozenset[str]]):
        self.words = words

    def knows(self, language: str) -> bool:
        return language in self.words

    def is_common(self, language: str, word: str) -> bool:
        return word in self.words.get(language, frozenset())


def _german_nouns() -> frozenset[str]:
    import csv
    import importlib.resources
    import io

    text = importlib.resources.files("german_nouns").joinpath("nouns.csv").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    rows = csv.reader(io.StringIO(text))
    next(rows)  # header
    for row in rows:
        tags = set(row[1].split(","))
        for form in {row[0], *row[7:]}:
            if form and form[:1].isupper() and " " not in form:
                classes.setdefault(form, set()).update(tags)
    return frozenset(w for w, tags in classes.items() if "Substantiv" in tags and not tags & _NAME_CLASSES)


def load_common_nouns(cache_dir: Path | None = None) -> CommonNouns:
    """The common-noun lexicons, read from ``cache_dir`` when a checked copy is there (parsing takes seconds)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        tag = f"dossier-common-nouns 1 german-nouns {version('german-nouns')} {store.code_version(__name__)}"
    except PackageNotFoundError:
        return CommonNouns({})
    path = cache_dir / "common-nouns.pickle" if cache_dir is not None else None
    if path is not None and isinstance(cached := store.read_pickle(path, tag), dict):
        return CommonNouns(cached)
    words = {"de": _german_nouns()}
    if path is not None:
        store.write_pickle(path, tag, words)
    return CommonNouns(words)
