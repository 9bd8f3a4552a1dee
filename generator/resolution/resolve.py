"""Mentions plus curated judgements to Entities: a pure function of its inputs.

Merge rules, in the order they are applied (each is a test in
``tests/test_resolve.py``):

1. **Curated names** -- a mention whose name is a curated name or alias belongs
   to that curated entity (``same_as`` pulls derived entities in).
2. **Places** -- mentions the gazetteer linked to the same GeoNames id merge
   ("Moskau" / "Moscow").
3. **Name skeleton** -- equal :func:`generator.names.skeleton` keys merge
   (case, accents, hyphens, German/English transliteration).
4. **Genitive** -- "Kims", "Russlands" merge with "Kim", "Russland" when the
   stem is itself a known name.
5. **Acronyms** -- "UNSC" merges with the name it abbreviates when the article
   defines it ("UN-Sicherheitsrat (UNSC)") or its letters match a name in the
   same article.
6. **Short forms** -- a one-word person or organisation name merges with the
   full name that contains it as first or last word, when exactly one such full
   name is in the same article, or (failing that) in the whole corpus. Two
   different full names sharing the word block the merge.

``not_same_as`` judgements are cannot-link constraints: a merge that would put
the two in one entity is refused.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from typing import NamedTuple

from rigour.names import extract_org_types, remove_org_types
from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS

from generator.curation import Curation
from generator.errors import Problem
from generator.extraction.gazetteer import Gazetteer, Place
from generator.lexicon import (
    APPOSITION_HEADS,
    COMPASS_WORDS,
    HONORIFICS,
    KINSHIP_NOUNS,
    NAME_PARTICLES,
    ORG_HEAD_NOUNS,
    PERSON_NOUNS_EN,
    SPEECH_VERBS,
    CommonNouns,
    after_article_de,
    after_capital_the,
    award_name,
    demonyms,
    event_name,
    introduced_as_place,
    introduced_by_class_noun,
    is_class_noun,
    landmark_words,
    law_name,
    lower_case_words,
    names_a_team,
    names_an_employer,
    names_seat,
    names_the_town,
    office_after,
    opens_sentence,
    org_head,
    plural_verb_agrees,
    product_name,
    title_after_common_word,
    title_cased,
    title_fragment,
    word_before,
    work_title,
)
from generator.model import (
    COPIED_SOURCES,
    ENTITY_TYPES,
    Alias,
    Article,
    Entity,
    EntityType,
    Extraction,
    Mention,
    stable_hash,
)
from generator.names import (
    abbreviates,
    acronym_of,
    clipped_form,
    clipped_words,
    defined_in_lower_case,
    fold,
    genitive_stem,
    is_acronym,
    nickname_pair,
    safe_slug,
    skeleton,
    without_possessive,
)

TYPE_ORDER = ENTITY_TYPES  # ties between types go to the first


@dataclass(frozen=True)
class ResolveSettings:
    display_language: str = "en"
    type_weights: tuple[tuple[str, float], ...] = ()  # language -> weight of its model's type votes


@dataclass
class Resolution:
    entities: list[Entity]
    by_mention: dict[tuple[str, int, int], str]  # Mention.key -> entity id
    redirects: dict[str, str]  # old id -> current id
    problems: list[Problem] = field(default_factory=list)
    suppressed: list[Mention] = field(default_factory=list)  # ordinary words set aside (dossier review lists them)

    def entity(self, entity_id: str) -> Entity:
        return self._index[entity_id]

    def __post_init__(self) -> None:
        self._index = {e.id: e for e in self.entities}


class Node(NamedTuple):
    """A typed identifier of what mentions may be (as nomenklatura's ``Identifier``).

    Nodes sort by weight: a curated entity before a GeoNames place before a name
    before one mention's short form, so a cluster's root is its strongest node.
    ``id`` is also the key of a derived entity's id hash, so it never changes.
    """

    rank: int  # 0 curated, 1 place, 2 name, 3 short form
    id: str  # "cur:vladimir-putin", "geo:524901", "name:wladimir putin", "team:palermo", "person:jackson",
    # "short:<article>:<start>"

    @property
    def kind(self) -> str:
        return self.id.split(":", 1)[0]

    @property
    def key(self) -> str:
        return self.id.split(":", 1)[1]

    @classmethod
    def curated(cls, entity_id: str) -> Node:
        return cls(0, "cur:" + entity_id)

    @classmethod
    def place(cls, geonameid: int | str) -> Node:
        return cls(1, f"geo:{geonameid}")

    @classmethod
    def name(cls, text: str) -> Node:
        """The node every spelling of one name shares (case, accents, legal form, German adjective case,
        a landmark's generic word and colour in German or English: "Roter Platz" / "Red Square")."""
        plain = _uninflected(without_legal_form(text))
        landmark = landmark_words(plain)
        if landmark is not None:
            return cls(2, "name:" + " ".join(sorted(skeleton(w) for w in landmark)))
        return cls(2, "name:" + skeleton(plain))

    @classmethod
    def team(cls, text: str) -> Node:
        """The node of a team named by its town ("Palermo beat Milan 2-0"): apart from the town's."""
        return cls(2, "team:" + skeleton(text))

    @classmethod
    def spelt(cls, text: str) -> Node:
        """The node of one spelling of a name whose key a place's spelling shares ("Lions" beside "Lyons")."""
        return cls(2, "spelt:" + fold(text))

    @classmethod
    def person(cls, key: str) -> Node:
        """The node of a name's uses as a person's where the same name is a town's elsewhere ("Jackson")."""
        return cls(2, "person:" + key)

    @classmethod
    def short(cls, m: Mention) -> Node:
        return cls(3, f"short:{m.article}:{m.start}")


class _Clusters:
    """Union-find over nodes with cannot-link constraints (the judgements of ``not_same_as``)."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.cannot: dict[Node, set[Node]] = defaultdict(set)  # root -> roots it must not join

    def add(self, node: Node) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: Node) -> Node:
        self.add(node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def forbid(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        self.cannot[ra].add(rb)
        self.cannot[rb].add(ra)

    def inherit_constraints(self, node: Node, template: Node) -> None:
        """``node`` may join nothing that ``template`` may not join."""
        for other in list(self.cannot.get(self.find(template), ())):
            self.forbid(node, other)

    def union(self, a: Node, b: Node) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        blocked_a = {self.find(x) for x in self.cannot.get(ra, ())}
        if rb in blocked_a:
            return False
        # Deterministic root: the first in weight order (Node), so results never depend on input order.
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.cannot[ra] |= self.cannot.pop(rb, set())
        for other in list(self.cannot[ra]):
            self.cannot[self.find(other)].add(ra)
        return True


def slugify(name: str) -> str:
    return safe_slug(name, fallback="entity")


#: Stems of German adjectives as they stand in names ("Demokratische", "Vereinigte", "Nationale").
_ADJECTIVE_STEMS = ("ische", "sche", "liche", "ige", "ale", "te", "ene")


def _uninflected(name: str) -> str:
    """A name with the German adjective endings of all but its last word undone
    ("Demokratischen Volksrepublik" -> "Demokratische Volksrepublik", "Vereinigten Staaten" ->
    "Vereinigte Staaten"), so the cases of one name share a node. Short words and
    other endings are left alone ("Peter", "Golden")."""
    words = name.split(" ")
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if len(low) >= 7 and low[-1] in "nrsm" and low[:-1].endswith(_ADJECTIVE_STEMS):
            words[i] = word[:-1]
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def without_legal_form(name: str) -> str:
    """``name`` without a trailing legal form ("Apple Inc." -> "Apple"; rigour's multilingual
    list of organisation types), so the forms of one company's name share a node."""
    if " " not in name.strip():
        return name
    stripped = remove_org_types(name).strip(" ,.")
    return stripped if stripped and stripped != name else name


@lru_cache(maxsize=1 << 16)
def org_evidence(name: str) -> bool:
    """A legal form ("GmbH", "LLC", "AG", a German compound's "HandelsgmbH") or an organisation head noun
    ("Association", "Landesgericht ...")."""
    if " " in name.strip() and name.split()[-1].casefold().endswith("gmbh"):
        return True
    # rigour lists "II" among legal forms: a ruler's numeral ("Elisabeth II.") is none; nor is a preposition it
    # reads as one ("St. Johann im Pongau": "im"; "Neumarkt in der Steiermark": "in" as "inc").
    forms = [
        form
        for form, _ in extract_org_types(name)
        if not _REGNAL.fullmatch(form.rstrip(".")) and not (form.islower() and form in _FUNCTION_WORDS)
    ]
    return (" " in name.strip() and bool(forms)) or org_head(name)


#: Function words of the languages the dossier reads, which a legal form's abbreviation may look like.
_FUNCTION_WORDS = frozenset(DE_STOP_WORDS | EN_STOP_WORDS)
#: A ruler's numeral, I to XXXIX ("II", "XIV"; not "LLC", whose letters are Roman numerals too).
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_INITIAL_SURNAME = re.compile(r"[A-Z]\.?\s+[A-Z][a-zà-ÿ'’-]+[a-zà-ÿ]")


#: A compass point's letter, as headlines and tables shorten "South Korea" or "N Ireland".
_COMPASS_LETTERS = {
    "N": ("North", "Northern"),
    "S": ("South", "Southern"),
    "E": ("East", "Eastern"),
    "W": ("West", "Western"),
}


def _compass_point_of(letter: str, name: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a capital letter before ``name`` is a point of the compass: "S Korea", "N Ireland" name
    places the gazetteer knows as "South Korea", "Northern Ireland"; "S Lamont" names a player."""
    return gazetteer is not None and any(
        gazetteer.lookup(f"{point} {name}", language="en") is not None for point in _COMPASS_LETTERS.get(letter, ())
    )


#: A capital initial that opens an item of a list right before a name ("…; R O'Gara, P Stringer").
_INITIAL_BEFORE = re.compile(r"(?:[,;()]|\d)[ \t]*[A-Z]\.?[ \t]\Z")


def _initial_before(text: str, start: int) -> str:
    """The capital letter of the initial right before ``start`` ("S " or "S. " of "S Korea")."""
    return next((c for c in reversed(text[max(0, start - 4) : start]) if c.isupper()), "")


def after_initial(m: Mention, art: Article) -> bool:
    """Whether a one-word name follows a list item's capital initial that the model left out of it ("R
    O'Gara (Munster)", "A Mehrtens (NZ)"): a team sheet's player, as :func:`initial_and_surname`."""
    return " " not in m.text and _INITIAL_BEFORE.search(art.text, max(0, m.start - 8), m.start) is not None


def initial_and_surname(name: str) -> bool:
    """A capital initial and one word ("B Hinshelwood", "C. Stoica"): how team sheets and lists name
    people; no organisation is named so but for a legal form or a head noun, which outweigh it."""
    return bool(_INITIAL_SURNAME.fullmatch(name)) and not org_evidence(name)


#: Last words that make a name a place's or a building's ("Hyde Park", "Ridgeway Street", "Upton Park"):
#: no one is named so, whatever clusters the words are in.
_PLACE_HEADS = frozenset(
    "park street road avenue lane square green hill bridge church chapel stadium hall place way gardens house"
    " tower castle abbey cathedral station airport centre center arena theatre theater field ground".split()
)


#: Of :data:`_PLACE_HEADS`, those that are no one's surname ("Stuart Hall", "Nick Park", "Barbara Castle"
#: and "Alexandra Tower" are people): a name of two words or more ending in one is a building's or a street's.
_BUILDING_HEADS = frozenset(
    "street road avenue square stadium arena theatre theater airport station cathedral abbey centre"
    " center gardens chapel".split()
)


def _named_as_building(name: str) -> bool:
    """Whether a name is a building's, a street's or a ground's by its words: a head no surname is ("Johnny
    Carson Theater", "Wilmslow Road"), or a saint's name before another word ("St James' Park")."""
    words = name.split()
    if len(words) < 2:
        return False
    return words[-1].lower() in _BUILDING_HEADS or (len(words) > 2 and words[0].lower().rstrip(".") in ("st", "saint"))


def person_shaped(
    name: str,
    language: str,
    name_clusters: Callable[[str, str], bool],
    surname: Callable[[str, str], bool] | None = None,
) -> bool:
    """Two or three capitalised words whose first is a given name and whose last a surname as a large corpus of
    the language uses them (both in Brown clusters of people's names: "Jeremy Irons", "Guy Roux", "Shane
    Meadows"; not "Morgan Stanley", "Goldman Sachs" or "Dow Jones", whose first words the corpus uses
    otherwise), or whose last the name dictionary knows and is no ordinary word (``surname``: "Nadia Petrova",
    "Ruben Cloete", names too rare for the clusters; not "Rough Trade", "Rutland Water"), with no legal form
    or head noun (:func:`org_evidence`) and not a place's ("Hyde Park", "St Andrews")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if words[0].lower().rstrip(".") in ("st", "saint") or words[-1].lower() in _PLACE_HEADS:
        return False
    if not name_clusters(words[0].split("-")[0], language):
        return False
    if not name_clusters(words[-1], language):
        # A rarer surname: by the dictionary, and so any word between ("Ruben Di Pietro"; not "Urban Heat Island").
        if surname is None or not all(
            w.lower() in NAME_PARTICLES or name_clusters(w, language) or surname(w, language) for w in words[1:]
        ):
            return False
    return not org_evidence(name)  # last: rigour's organisation types are the slow test


_ROMAN = re.compile(r"[IVXLC]+")


def national_branch(name: str, gazetteer: Gazetteer, language: str | None = None) -> bool:
    """A company's or body's national branch: a name followed by a country's name ("Ikea Österreich",
    "Sky Deutschland", "Bank Austria") or a continent's ("Lycos Europe", "Sony Europa"). No person is named
    so; a place whose name ends in a country's is a gazetteer place or a compass word's part of it ("Northern
    Ireland", "Western Australia").
    A country in capitals may be its ISO code ("Sony USA")."""
    words = name.split()
    if (
        len(words) < 2
        or not words[-2][:1].isupper()
        or words[-2].lower() in COMPASS_WORDS
        or words[-2] in _COMPASS_LETTERS  # "N Ireland", "S Korea"
    ):
        return False
    country = gazetteer.country(words[-1], language=language)
    if country is None and words[-1].isupper() and not _ROMAN.fullmatch(words[-1]):  # "Sony USA"; not "Felipe VI"
        country = gazetteer.lookup(words[-1], language=language, allow_codes=True)
    if country is None and (continent := gazetteer.lookup(words[-1], language=language)) is not None:
        country = continent if continent.kind == "continent" else None  # a continent's branch: "Lycos Europe"
    if country is None or country.kind not in ("country", "continent"):
        return False
    return gazetteer.lookup(name, language=language) is None


def body_name(
    name: str, gazetteer: Gazetteer, language: str | None = None, known: Callable[[str], bool] | None = None
) -> bool:
    """A name no person bears: a club's by its town and a club word ("Manchester United", "Leicester City";
    :func:`team_name`), or a national branch (:func:`national_branch`: "Ikea Österreich", "Telekom Austria")
    whose first word is no given name (``known``: "Joe Jordan" and "Neil Jordan" are people)."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in CLUB_WORDS and team_name(name, gazetteer, language):
        return True
    return national_branch(name, gazetteer, language) and known is not None and not known(words[0])


#: Plural words that end the names of places, not of teams ("Falkland Islands", "Rocky Mountains").
_GEOGRAPHIC_PLURALS = frozenset(
    "islands isles mountains hills heights lakes falls springs keys plains highlands lowlands downs sands woods"
    " fields gardens docks states emirates territories provinces rocks cliffs valleys".split()
)


#: Last words of clubs named by their town that are no plural ("Leicester City", "Manchester United",
#: "Ipswich Town", "Wigan Athletic", "Brighton & Hove Albion"): a town's name, then one of these, is a
#: club unless the whole is a place's name ("Mexico City", "Kansas City").
CLUB_WORDS = frozenset("city united town athletic albion hotspur argyle alexandra thistle orient academical".split())
#: Words that make a town's name a club's before or after it ("FC Porto", "Dinamo Zagreb", "Real Madrid").
CLUB_AFFIXES = frozenset(
    "fc afc cf sc sv ac as us ss cd ud rc fk nk sk hnk bsc tsv vfb vfl fsv real dinamo dynamo sporting inter"
    " olympique racing atletico deportivo borussia eintracht fortuna rapid spartak lokomotiv".split()
)
_CLUB_SKELETONS = CLUB_WORDS | CLUB_AFFIXES
#: Abbreviations a club's name opens with, as written ("FC Porto", "SC Wiener Neustadt", "VfB Stuttgart");
#: not "US", "SS" or "CD", which open other names ("US Senate", "CD Player").
CLUB_PREFIXES = frozenset("FC AFC CF SC SV AC AS UD RC FK NK SK HNK BSC TSV VfB VfL FSV SpVgg".split())


def club_prefixed(name: str) -> bool:
    """Whether a name is a club's by the abbreviation it opens with and a capitalised word after it: no
    person or place is so named ("SK Sturm Graz", "AC Milan"; a firm may be: "SK Telecom", an organisation
    too)."""
    first, _, rest = name.partition(" ")
    return first in CLUB_PREFIXES and rest[:1].isupper()


def club_of_town(key: str) -> bool:
    """Whether a name's skeleton has a club word besides the town's ("dinamo zagreb", "fc porto"),
    so a town's name that stands for a team may be its short form ("BBC Newcastle" has none)."""
    return any(skeleton(w) in _CLUB_SKELETONS or w in _CLUB_SKELETONS for w in key.split())


def team_name(
    name: str, gazetteer: Gazetteer, language: str | None = None, known: Callable[[str], bool] | None = None
) -> bool:
    """A team or club named by its town and a plural ("San Jose Sharks", "New York Islanders", "St. Louis
    Blues", "Toronto Maple Leafs"): a town's name, then capitalised words ending in a plural that no
    place's name ends in and that the name dictionary (``known``) does not know as a surname ("George
    Lucas": George is a town too). No person is named so, and a place so named is the gazetteer's.
    Or a town's name and a club word (:data:`CLUB_WORDS`: "Leicester City", "Newcastle United")."""
    words = name.split()
    last = words[-1] if words else ""
    if len(words) >= 2 and last.lower() in CLUB_WORDS and all(w[:1].isupper() for w in words):
        town = gazetteer.lookup(" ".join(words[:-1]), language=language)
        return town is not None and town.kind == "city" and gazetteer.lookup(name, language=language) is None
    if (
        known is None
        or len(words) < 2
        or not last.endswith("s")
        or last.endswith("ss")
        or last.lower() in _GEOGRAPHIC_PLURALS
        or last.lower().endswith("lands")  # "Docklands", "Midlands"
        or not all(w[:1].isupper() for w in words)
        or gazetteer.lookup(name, language=language) is not None
    ):
        return False
    towns = (gazetteer.lookup(" ".join(words[:k]), language=language) for k in range(len(words) - 1, 0, -1))
    # The name dictionary last: loading it costs seconds when a word is new to its cache file.
    return any(town is not None and town.kind == "city" for town in towns) and not known(last)


@dataclass
class Draft:
    """An entity as its mentions make it, before curation gives it an id, name and type."""

    root: Node
    mentions: list[Mention]
    curated: list[str]  # ids of the curated entities in its cluster
    place: Place | None  # the most populous GeoNames place in its cluster
    id: str  # derived from its name, unique among drafts
    type: EntityType
    name: str


def resolve(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    curation: Curation,
    gazetteer: Gazetteer | None,
    settings: ResolveSettings = ResolveSettings(),
    nouns: CommonNouns | None = None,
    person_names: Callable[[str], bool] | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> Resolution:
    """Group mentions into entities. Same inputs, same output, whatever the input order.

    ``nouns`` (generator/lexicon.py) lets ordinary words the model took for names
    be set aside before anything is merged (see :func:`_without_ordinary_words`).
    ``person_names`` says whether a word is a known given name or surname
    (:class:`generator.lexicon.PersonNameParts`); with it, a "person" no text
    names as one is typed by its other evidence (see :class:`UnnamedPersons`);
    ``name_clusters`` says whether a word of a language is in a Brown cluster of people's names.
    """
    art_by_id = {a.id: a for a in articles}
    lang_of = {a.id: a.language for a in articles}
    mentions, used_exclusions = _not_excluded(extractions, curation)
    unnamed = (
        UnnamedPersons.of(mentions, art_by_id, person_names, name_clusters, nouns.ordinary if nouns else None)
        if person_names is not None
        else None
    )
    nouned = frozenset(
        m.key for m in mentions if (art := art_by_id.get(m.article)) is not None and named_by_person_noun(m, art)
    )
    described = nouned | frozenset(
        m.key
        for m in mentions
        if (art := art_by_id.get(m.article)) is not None
        and (_AGE_AFTER.match(art.text, m.end) or speaks_as_person(m, art))
    )
    referred = referred_to_as_persons(mentions, art_by_id, described)
    classed = introduced_as_organisations(mentions, art_by_id)
    placed = frozenset(
        m.key
        for m in mentions
        if (art := art_by_id.get(m.article)) is not None
        and (
            introduced_as_place(art.text[max(0, m.start - 40) : m.start], art.language)
            or located_in_subdivision(m, art, gazetteer)
        )
    )
    employers = named_as_employers(mentions, art_by_id)
    collective = agreeing_as_collectives(mentions, art_by_id) | traded_as_companies(mentions, art_by_id)
    suppressed: list[Mention] = []
    if nouns is not None:
        mentions, suppressed = _without_ordinary_words(mentions, nouns, art_by_id, curation, gazetteer, name_clusters)
    mentions, titles = _without_titles_of_works(mentions, art_by_id, curation, nouns)
    suppressed += titles
    mentions, sigils = _without_sigils(mentions, art_by_id)
    suppressed += sigils
    mentions, orphans = _without_orphaned_surnames(mentions, suppressed)
    suppressed += orphans
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    not_towns = persons_not_towns(by_article, art_by_id, gazetteer) if gazetteer is not None else frozenset()
    if not_towns:  # the person's name, not the town's: its gazetteer hint goes
        mentions = [replace(m, entity_hint=None) if m.key in not_towns else m for m in mentions]
        by_article = defaultdict(list)
        for m in mentions:
            by_article[m.article].append(m)

    teams = town_teams(by_article, art_by_id, gazetteer) if gazetteer is not None else {}
    teams = {key: town for key, town in teams.items() if key not in not_towns}
    initialled = frozenset(
        m.key
        for m in mentions
        if (art := art_by_id.get(m.article)) is not None
        and after_initial(m, art)
        and not _compass_point_of(_initial_before(art.text, m.start), m.text, gazetteer)
    )
    clusters = _Clusters()
    node_of = _nodes(mentions, curation, clusters, teams, lang_of)  # rules 1, 3, 4
    _curated_judgements(curation, clusters)  # rule 1 for GeoNames ids, and not_same_as
    if gazetteer is not None:
        _join_places(  # rule 2
            mentions,
            node_of,
            lang_of,
            gazetteer,
            clusters,
            art_by_id,
            referred,
            not_towns,
            person_names,
            initialled,
            name_clusters,
        )
    _join_acronyms(by_article, node_of, art_by_id, clusters)  # rule 5
    _join_clipped(by_article, node_of, clusters, lang_of, name_clusters)  # rule 5, clipped forms
    peers = frozenset(m.key for m in mentions if _titled_as_peer(m, art_by_id))
    _join_initialled(by_article, node_of, clusters)  # rule 6, a given name's initial ("T Shanklin")
    _join_name_endings(by_article, node_of, clusters)  # rule 6, "Mansour Hadi" of "Abd Rabbo Mansour Hadi"
    ordinary = nouns.ordinary if nouns is not None else None
    _join_short_forms(mentions, by_article, node_of, clusters, classed, peers, placed, lang_of, ordinary)  # rule 6
    _join_named_in_full(by_article, node_of, clusters)  # rule 6, names of two words or more
    _join_kind_lengthened(mentions, node_of, clusters)  # rule 6 across articles ("Labour" of "Labour Party")
    _join_nicknames(by_article, node_of, clusters)  # rule 6 across articles ("Bernie" of "Bernard Ebbers")

    coordinated: dict[tuple[str, int, int], EntityType] = {}  # filled below: every vote reads it then
    vote = _Vote(
        gazetteer,
        lang_of,
        settings,
        unnamed,
        nouns,
        referred,
        coordinated,
        frozenset(teams),
        classed | employers,
        name_clusters,
        described,
        initialled,
        placed,
        collective,
        nouned,
        frozenset(
            m.key for m in mentions if (art := art_by_id.get(m.article)) is not None and abbreviated_in_brackets(m, art)
        ),
    )

    def drafts() -> list[Draft]:
        return _drafts(mentions, node_of, clusters, gazetteer, vote)

    found = drafts()
    # A list's other names as every mention of theirs typed them, not as the model labelled them there.
    typed = {m.key: d.type for d in found for m in d.mentions}
    # How much a type stands on: its entity's mentions, if more than one model label (one mention of a
    # one-word name without evidence weighs nothing).
    weight = {
        m.key: len(d.mentions) if len(d.mentions) > 1 or " " in m.text or m.has_evidence else 0
        for d in found
        for m in d.mentions
    }
    coordinated.update(coordinated_types(mentions, art_by_id, typed, weight))
    if coordinated:  # only the clusters with a coordinated mention vote again
        found = _revoted(found, vote)
    derived_ids = {d.id for d in found}
    if _same_as(found, curation, clusters):
        found = drafts()

    taken: set[str] = set(curation.entities)
    for ent in curation.entities.values():
        taken.update(ent.redirects)
    taken.update(d.id for d in found if d.curated)  # derived ids that now redirect to curated entities
    entities: list[Entity] = []
    by_mention: dict[tuple[str, int, int], str] = {}
    redirects: dict[str, str] = {}
    problems: list[Problem] = []
    for draft in found:
        if draft.curated:
            entity = _curated_entity(draft, curation, lang_of, redirects, problems)
        else:
            entity = _derived_entity(draft, taken, lang_of)
        entities.append(entity)
        for m in draft.mentions:
            by_mention[m.key] = entity.id

    used_curated = {d.curated[0] for d in found if d.curated}
    problems += curation.unused(used_curated, derived_ids, used_exclusions)
    entities.sort(key=lambda e: (TYPE_ORDER.index(e.type), fold(e.name), e.id))
    return Resolution(
        entities=entities, by_mention=by_mention, redirects=redirects, problems=problems, suppressed=suppressed
    )


def _not_excluded(extractions: Mapping[str, Extraction], curation: Curation) -> tuple[list[Mention], set[int]]:
    """Every mention no curated exclusion sets aside, in corpus order, and the exclusions used."""
    used: set[int] = set()
    mentions: list[Mention] = []
    for art_id in sorted(extractions):
        for m in extractions[art_id].mentions:
            matching = curation.exclusions_of(m.text, m.label) if curation.exclusions else []
            used.update(matching)
            if not matching:
                mentions.append(m)
    mentions.sort(key=lambda m: (m.article, m.start, m.end))
    return mentions, used


def _nodes(
    mentions: Sequence[Mention],
    curation: Curation,
    clusters: _Clusters,
    teams: Mapping[tuple[str, int, int], str] | None = None,
    lang_of: Mapping[str, str] | None = None,
) -> dict[tuple[str, int, int], Node]:
    """Rules 1, 3 and 4: each mention's node -- its curated entity, its GeoNames place, or its name
    (a town's name that stands for its team: the team's, see :func:`town_teams`)."""
    said = Counter(skeleton(m.text) for m in mentions)  # how often the corpus gives each name
    curated = {skeleton(key) for key in curation.names}
    names_known = set(said) | curated
    last_words = {ws[-1] for m in mentions if len(ws := m.text.split()) > 1}
    # Surnames of the people each article names in full: a German genitive of one is that person's
    # ("nach Andrejews Worten" beside "Sergej Andrejew"), whatever the model labelled it.
    surnames_here = {(m.article, ws[-1]) for m in mentions if m.label == "person" and len(ws := m.text.split()) > 1}
    labels_of: dict[str, set[str]] = defaultdict(set)  # text -> the labels the corpus gives it
    for m in mentions:
        labels_of[m.text].add(m.label)
    # The labels the corpus gives outside line-ups to each one-word surname a line-up gives.
    surnames = {skeleton(m.text) for m in mentions if m.source == "sheet" and " " not in m.text}
    read_as: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if surnames and m.source != "sheet" and " " not in m.text and (key := skeleton(m.text)) in surnames:
            read_as[key][m.label] += 1
    node_of: dict[tuple[str, int, int], Node] = {}
    for m in mentions:
        if m.entity_hint and m.entity_hint.startswith("curated:"):
            node = Node.curated(m.entity_hint.split(":", 1)[1])
        elif (owner := curation.owner_id(m.text)) is not None:
            node = Node.curated(owner)
        elif teams and m.key in teams:
            node = Node.team(teams[m.key])
        elif m.entity_hint and m.entity_hint.startswith("geonames:") and m.label == "place":
            node = Node.place(m.entity_hint.split(":", 1)[1])
        elif m.entity_hint and m.entity_hint.startswith("party:"):
            node = Node.name(m.entity_hint.split(":", 1)[1])  # "the Tories": the Conservative Party
        else:
            text = m.text
            stem = genitive_stem(text)
            # "Kims", "Lyons'", "the Beckhams": the name's genitive or plural, when the corpus labels the stem
            # as it labels this form, or (a German genitive, which the model may label otherwise: "Putins" an
            # organisation) gives the stem at least a third as often; not "Reuters" (an agency, "APA/Reuters")
            # of a footballer Reuter, nor English "Philips" of Prince Philip. A surname that ends in -s in a
            # longer name of the corpus ("Ebbers" of "Bernie Ebbers") is itself, whatever a typo gives once.
            genitive = bool(stem) and _genitive_form(text, (lang_of or {}).get(m.article))
            if (
                stem
                and skeleton(stem) in names_known
                and text not in last_words
                and (
                    m.label in labels_of.get(stem, ())
                    or skeleton(stem) in curated
                    or (genitive and said[skeleton(text)] < GENITIVE_NAME_RATIO * said[skeleton(stem)])
                )
            ) or (genitive and (m.article, stem) in surnames_here and text not in last_words):
                text = stem or text
            elif (
                _weak_declension(text, (lang_of or {}).get(m.article))
                and m.label in labels_of.get(text[:-1], ())
                and text[:-1] not in last_words  # no surname's ("Thomas Linke")
            ):
                text = text[:-1]  # "die Grünen", "der Linken": the corpus's "Grüne", "Linke", labelled alike
            node = Node.name(text)
            if (
                m.source == "sheet"
                and m.label == "person"
                and " " not in text
                and 2 * read_as[skeleton(text)]["person"] < sum(read_as[skeleton(text)].values())
            ):
                # A line-up's surname is a player's: where the corpus mostly names something else by the
                # word ("Moody" of Moody's, "Foster" of Foster's lager), the node of the name's uses as a
                # person's, apart from it; rule 6 joins it to the player its article names in full.
                node = Node.person(node.key)
        node_of[m.key] = node
        clusters.add(node)
    return node_of


def _weak_declension(text: str, language: str | None) -> bool:
    """Whether a German one-word name is an adjective used as a noun in a declined form ("Grünen", "Linken",
    "Freiheitlichen": -en after the -e of "Grüne"), whose nominative may be the corpus's name too."""
    return language == "de" and " " not in text and len(text) > 5 and text.endswith("en") and text[0].isupper()


#: A name the corpus gives this many times as often with a final -s as without is a name of its own
#: ("Reuters"), not the genitive of the shorter one.
GENITIVE_NAME_RATIO = 3


def _genitive_form(text: str, language: str | None) -> bool:
    """Whether a final -s or apostrophe is a genitive's: German's bare -s ("Kims", "Russlands") or a
    possessive apostrophe in any language ("Lyons'"); English's bare -s is a plural or part of the name
    ("Delta Airlines", "Reuters", "Philips")."""
    return genitive_stem(text) is not None and (language == "de" or text.rstrip().endswith(("'", "’")))


def _curated_judgements(curation: Curation, clusters: _Clusters) -> None:
    """Curated entities as nodes of their own, joined to their GeoNames place; ``not_same_as`` as cannot-links."""
    for ent_id in curation.entities:
        clusters.add(Node.curated(ent_id))
    for ent_id, ent in sorted(curation.entities.items()):
        if ent.identifiers.geonames:
            clusters.union(Node.curated(ent_id), Node.place(ent.identifiers.geonames))
    for ent_id, ent in sorted(curation.entities.items()):
        for ref in ent.not_same_as:
            clusters.forbid(Node.curated(ent_id), Node.name(ref))


def _join_places(
    mentions: Sequence[Mention],
    node_of: dict[tuple[str, int, int], Node],
    lang_of: Mapping[str, str],
    gazetteer: Gazetteer,
    clusters: _Clusters,
    articles: Mapping[str, Article] | None = None,
    persons: Set[tuple[str, int, int]] = frozenset(),
    not_places: Set[tuple[str, int, int]] = frozenset(),
    person_names: Callable[[str], bool] | None = None,
    initialled: Set[tuple[str, int, int]] = frozenset(),
    name_clusters: Callable[[str, str], bool] | None = None,
) -> None:
    """Rule 2: name nodes the gazetteer resolves join the place node.

    A place found without a hint, and a name labelled otherwise once that same
    name is a place elsewhere in the corpus ("Manchester" as a person in one
    article and a place in the next is one city; its type is then voted with the
    gazetteer's weight), or its German genitive ("Kärntens" an organisation where
    "Kärnten" is a place); not a name after a form of address ("Mr Houston"), nor a team sheet's
    player after a list item's initial (``initialled``: "A Mehrtens (New Zealand) G Gregan"), nor one of ``not_places``
    (a word of a person's name in its article: :func:`persons_not_towns`), nor a one-word "person" that is
    a word of a person's longer name in its article and only a town's below :data:`LARGE_TOWN` ("Jackson"
    after "Michael Jackson": the town elsewhere is no evidence here), nor a word in a Brown cluster of
    people's names (``name_clusters``: "Virginia waved" is no South African town). A country's name is the
    country by any of its names (rigour's "Großbritannien" in the genitive), unless people bear it
    too (``person_names``: "Siri", a name of Syria's in some language, is Apple's assistant or a woman).
    A town's other name (not its own: GeoNames lists "Hamas" for Hamm) is not the town at all when the
    corpus labels it something else at least three times and twice as often as a place.
    """
    used_as_place = {skeleton(m.text) for m in mentions if m.label == "place"}
    # How often the corpus labels each text a place, and otherwise: a town's other name (GeoNames lists
    # "Hamas" for Hamm, "Sina" for Sīnah) that the corpus names as something else at least three times and
    # twice as often as a place is no evidence of the town where it is not labelled one.
    place_labels: Counter[str] = Counter()
    other_labels: Counter[str] = Counter()
    for m in mentions:
        (place_labels if m.label == "place" else other_labels)[m.text] += 1
    # Words of people's longer names in the corpus ("Whitney Houston", "Paris Hilton"): a one-word
    # "person" spelt so may be that person, not the town.
    name_words = {w for m in mentions if m.label == "person" and len(ws := m.text.split()) > 1 for w in (ws[0], ws[-1])}
    # ... in an article, of those whose other words are people's names too ("Michael Jackson"; not a team the
    # model calls a person, "Glasgow Rugby"): the surnames and given names a "person" of one word there may be.
    surnames = {
        (m.article, w)
        for m in mentions
        if m.label == "person" and len(ws := m.text.split()) > 1
        for i, w in ((0, ws[0]), (len(ws) - 1, ws[-1]))
        if person_names is not None and all(person_names(o) for j, o in enumerate(ws) if j != i)
    }
    persons_here: list[Mention] = []  # mentions that are people's whatever their name's node joins
    for m in mentions:
        node = node_of[m.key]
        if node.kind == "team" or m.key in not_places:
            continue
        if (articles is not None and _addressed(m, articles)) or m.key in initialled:
            persons_here.append(m)  # "Mr Jackson", "G Gregan (Australia, capt)"
            continue
        if (
            node.rank == 2
            and m.label == "person"
            and " " not in m.text
            and m.text not in name_words
            and m.key not in persons  # "daughter Victoria": grammar says a person
            # nor a word a large corpus uses as it uses people's names ("Virginia waved": no South African town)
            and not (name_clusters is not None and name_clusters(m.text, lang_of.get(m.article) or ""))
            and (town := gazetteer.lookup(m.text, language=lang_of.get(m.article))) is not None
            and town.population >= PROMINENT_TOWN
            # spelt as its own name, accents included ("Bush" is not Būsh, "Munster" not Münster); a
            # country by any of its names in the article's language ("Großbritanniens Cheftrainer")
            and (
                m.text in {town.name, town.name_in(lang_of.get(m.article) or "en")}
                or (town.kind == "country" and not (person_names is not None and person_names(m.text)))
            )
        ):
            # A large town's own name that the model alone calls a person's, and no one in the corpus is
            # called by ("Edinburgh and Glasgow airports", "after beating Norwich"): the town.
            clusters.union(node, Node.place(town.geonameid))
            continue
        # A German genitive of a name the corpus uses as a place ("Kärntens" where "Kärnten" is one).
        stem = genitive_stem(m.text) if lang_of.get(m.article) == "de" else None
        if node.rank == 2 and (
            m.label == "place" or skeleton(m.text) in used_as_place or (stem and skeleton(stem) in used_as_place)
        ):
            lang = lang_of.get(m.article)
            place = gazetteer.lookup(m.text, language=lang, allow_codes=True)
            if place is None and (stem := genitive_stem(m.text)):
                place = gazetteer.lookup(stem, language=lang)
            if (
                place is not None
                and m.label == "person"
                and (m.article, m.text) in surnames
                and place.kind == "city"
                and place.population < LARGE_TOWN
            ):
                # "Jackson" the model calls a person's, where its article names Michael Jackson: a place
                # elsewhere ("Jackson, Mississippi") says nothing of this mention.
                persons_here.append(m)
                continue
            if (
                place is not None
                and place.kind == "city"
                and fold(m.text) != fold(place.name)
                and not (stem and fold(stem) == fold(place.name))
                and other_labels[m.text] >= 3
                and other_labels[m.text] > 2 * place_labels[m.text]
            ):
                continue  # "Hamas" (an organisation in 5 of 6 mentions) is not Hamm
            if place is not None:
                clusters.union(node, Node.place(place.geonameid))
    # A spelling that shares its name's key with a place's ("Lions" and "Lyons" by the key's y -> i) but that
    # the gazetteer does not know, labelled otherwise, is not that place: it leaves for a node of its own.
    for m in mentions:
        node = node_of[m.key]
        if node.kind != "name" or m.label == "place" or clusters.find(node).rank != 1:
            continue
        lang = lang_of.get(m.article)
        stem = genitive_stem(m.text) if lang == "de" else None  # "Kärntens"
        if gazetteer.lookup(m.text, language=lang, allow_codes=True) is None and (
            stem is None or gazetteer.lookup(stem, language=lang) is None
        ):
            own = Node.spelt(m.text)
            node_of[m.key] = own
            clusters.add(own)
            clusters.inherit_constraints(own, node)
    for m in persons_here:
        node = node_of[m.key]
        if node.rank == 2 and clusters.find(node).rank == 1:
            # Its name's node became a place: the mention leaves it for the node of the name's uses as a
            # person's (rule 6 may join that to a full name).
            own = Node.person(node.key)
            node_of[m.key] = own
            clusters.add(own)
            clusters.inherit_constraints(own, node)


#: Inhabitants from which a town's own name, labelled a person's by the model alone, is taken for the town.
PROMINENT_TOWN = 100_000


#: Inhabitants from which a town keeps its name against a person's of the same article ("Paris Hilton"
#: and Paris): a large town is named alone far more often than anyone's surname.
LARGE_TOWN = 1_000_000


def persons_not_towns(
    by_article: Mapping[str, Sequence[Mention]], articles: Mapping[str, Article], gazetteer: Gazetteer
) -> frozenset[tuple[str, int, int]]:
    """One-word mentions that the gazetteer took for a town but that are a word of a person's name the same
    article gives in full: "Davenport defeated China's Li Na" after "Lindsay Davenport", "over Serena" after
    "Serena Williams". News names a person in full, then by one of those words; a town that shares it is a
    coincidence of spelling. Not after a preposition of place ("in Davenport"), and not a large town's name
    (:data:`LARGE_TOWN`: "Paris Hilton" and Paris)."""
    out: set[tuple[str, int, int]] = set()
    for art_id in sorted(by_article):
        art = articles.get(art_id)
        ms = by_article[art_id]
        words = {
            w
            for m in ms
            if m.label == "person" and len(ws := m.text.split()) > 1
            for w in (ws[0], ws[-1])
            if w not in NAME_PARTICLES
        }
        if art is None or not words:
            continue
        for m in ms:
            hint = m.entity_hint or ""
            if m.text not in words or not hint.startswith("geonames:") or m.source == "curated":
                continue
            place = gazetteer.by_id(int(hint[9:])) if hint[9:].isdigit() else None
            if place is not None and place.kind == "city" and place.population < LARGE_TOWN:
                if not names_the_town(art.text, m.start):
                    out.add(m.key)
    return frozenset(out)


def town_teams(
    by_article: Mapping[str, Sequence[Mention]], articles: Mapping[str, Article], gazetteer: Gazetteer
) -> dict[tuple[str, int, int], str]:
    """The mentions of a town's name that stand for its team, not the town, with the town's name: in an article where the
    words around one mention of the name say a team ("Palermo beat Milan 2-0", "against Palermo",
    "Palermo coach": :func:`generator.lexicon.names_a_team`), every mention of that name but one after a
    preposition of place ("the final in Milan"), its German genitive too ("Napolis"). Sport names clubs by their towns, and a town's page
    should not hold a club's results. Countries stand for national teams as often and stay places."""
    out: dict[tuple[str, int, int], str] = {}
    for art_id in sorted(by_article):
        art = articles.get(art_id)
        if art is None:
            continue
        cued = {m.text for m in by_article[art_id] if names_a_team(art.text, m.start, m.end)}
        for text in sorted(cued):
            town = gazetteer.lookup(text, language=art.language)
            if town is None or town.kind != "city":
                continue
            for m in by_article[art_id]:
                if text in (m.text, genitive_stem(m.text)) and not names_the_town(art.text, m.start):
                    out[m.key] = text
    return out


#: A peer's or a prelate's title before a surname: "Lord Browne", "Baroness Scotland", "Cardinal O'Connor".
_PEER_TITLE = re.compile(
    r"\b(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Cardinal|Archbishop)[ \t]+\Z"
)


def _titled_as_peer(m: Mention, articles: Mapping[str, Article]) -> bool:
    """Whether a one-word name follows a peer's or a prelate's title ("Lord Browne")."""
    art = articles.get(m.article)
    return (
        art is not None
        and " " not in m.text
        and _PEER_TITLE.search(art.text, max(0, m.start - 14), m.start) is not None
    )


def _addressed(m: Mention, articles: Mapping[str, Article]) -> bool:
    """Whether a capitalised form of address stands right before the mention ("Mr Houston", "Frau Wien")."""
    art = articles.get(m.article)
    if art is None:
        return False
    address = _ADDRESSED.search(art.text[max(0, m.start - 8) : m.start])
    return address is not None and address.group(1)[:1].isupper() and address.group(1).lower() in HONORIFICS


#: A short form defined in a bracket right after a name: "(IS)", "(Apacs)", "(BaFin)".
_DEFINED_SHORT_FORM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{1,9})\s*\)")


def _join_acronyms(
    by_article: Mapping[str, list[Mention]],
    node_of: Mapping[tuple[str, int, int], Node],
    art_by_id: Mapping[str, Article],
    clusters: _Clusters,
) -> None:
    """Rule 5: an acronym joins the name it abbreviates, defined in the article or by its letters.

    A definition is a bracket after a name that is not a person's and starts with
    the acronym's first letter ("Islamischer Staat (IS)"): after a person's name a
    bracket gives the party ("Helmut Kohl (CDU)", "Sebastian Kurz (ÖVP)"). British
    news writes acronyms as words ("Apacs", "Ofcom", "Nato"): such a word in the bracket
    defines a short form when its letters abbreviate the name (:func:`generator.names.abbreviates`),
    and its mentions join the name whatever the model labelled them ("said Apacs" a person's).
    By its letters alone an acronym abbreviates no person's name, and none at all where its article defines
    it or where its letters fit two names of the article ("European Commission (EC)" beside "the European
    Council": the EC is the Commission).
    """
    for art_id in sorted(by_article):
        art_mentions = by_article[art_id]
        acronyms = [m for m in art_mentions if is_acronym(m.text)]
        text = art_by_id[art_id].text if art_id in art_by_id else ""
        defined: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # acronym -> its definitions' word keys
        for m in art_mentions:
            if m.label == "person":
                continue
            match = _DEFINED_SHORT_FORM.match(text, m.end, m.end + 16)
            if match is None:
                continue
            short = match.group(1)
            if is_acronym(short) and fold(m.text)[:1] == fold(short)[:1]:
                defined[short].add(_word_key(m.text))
                for a in acronyms:
                    if a.text == short:
                        clusters.union(node_of[m.key], node_of[a.key])
            elif not is_acronym(short) and short not in m.text.split() and abbreviates(short, m.text):
                for a in art_mentions:
                    if a.text == short:
                        clusters.union(node_of[m.key], node_of[a.key])
        if not acronyms:
            continue
        for a in acronyms:
            # Same label, or a place's initials the model took for an organisation ("NI" in an
            # article about Northern Ireland): models label acronyms organisations by habit.
            # No one is named by initials in news ("GB" in an article on Gilles Babinet is Britain or a
            # gigabyte), unless the article defines them (above).
            spelt = [
                m
                for m in art_mentions
                if m is not a
                and m.label != "person"
                and a.text in _acronyms(m.text)
                and (m.label == a.label or (m.label == "place" and a.label == "organization"))
            ]
            keys = {_word_key(m.text) for m in spelt}
            if a.text in defined:
                spelt = [m for m in spelt if _word_key(m.text) in defined[a.text]]  # what the article says
            elif len(keys) > 1:
                continue  # two names of the article it may stand for
            for m in spelt:
                clusters.union(node_of[m.key], node_of[a.key])


def _word_key(name: str) -> tuple[str, ...]:
    """A name's words to five letters, which inflection leaves alone: "Bayerischer Rundfunk" and "Bayerischen
    Rundfunks" are one name, "European Commission" and "European Council" two."""
    return tuple(w[:5] for w in fold(name).split())


def _join_clipped(
    by_article: Mapping[str, list[Mention]],
    node_of: Mapping[tuple[str, int, int], Node],
    clusters: _Clusters,
    lang_of: Mapping[str, str] | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> None:
    """Rule 5 for clipped forms: a one-word organisation's name that clips the one organisation's name of its article that
    it can ("the Fed" beside "Federal Reserve", "Amex" beside "American Express": :func:`clipped_form`)
    joins it, unless a longer name of the article begins with the word itself ("Ford" beside "Ford Motor"
    is Ford's, whatever "Fordham University" is); and so does a name of two words or more each of which clips the
    word in its place ("Lib Dems" beside "Liberal Democrats": :func:`generator.names.clipped_words`), whatever
    the model labels them ("Lib Dems" a person's), where a large corpus does not use the full name's first
    word as it uses people's names (``name_clusters``): "Jon Smith" is no clipped "Jonathan Smithson"."""
    for art_id in sorted(by_article):
        art_mentions = by_article[art_id]
        fulls = [m for m in art_mentions if " " in m.text.strip() and m.label == "organization"]
        if not fulls and name_clusters is None:
            continue
        firsts = {m.text.split()[0] for m in art_mentions if " " in m.text.strip()}
        # Names of two words or more by their words' initials: a name clips only one with the same initials.
        by_initials: dict[str, list[Mention]] = defaultdict(list)
        clipped_by: dict[str, list[Mention]] = {}  # a name of the article -> the names it clips word by word
        for f in art_mentions:
            if " " in f.text:
                by_initials[_initials(f.text)].append(f)
        for m in art_mentions:
            if node_of[m.key].rank != 2:
                continue
            if " " in m.text:  # "Lib Dems" beside "Liberal Democrats": each word clipped
                if m.text not in clipped_by:
                    clipped_by[m.text] = [
                        f
                        for f in by_initials[_initials(m.text)]
                        if f.text != m.text
                        and clipped_words(m.text, f.text)
                        and name_clusters is not None
                        and not name_clusters(f.text.split()[0], (lang_of or {}).get(art_id, ""))
                    ]
                roots = {clusters.find(node_of[f.key]) for f in clipped_by[m.text]}
            elif m.label == "organization" and m.text not in firsts:
                roots = {clusters.find(node_of[f.key]) for f in fulls if clipped_form(m.text, f.text)}
            else:
                continue
            if len(roots) == 1:
                clusters.union(node_of[m.key], next(iter(roots)))


def _initials(name: str) -> str:
    return "".join(w[:1].casefold() for w in name.split())


#: Head nouns of a part of an organisation or of a body of its own ("Manchester City Council", "Bank of
#: England Monetary Policy Committee", "Oxford University Library Services"): a name they lengthen is
#: another body's.
_PART_HEADS = frozenset(
    "committee council department division unit board agency commission programme program "
    "institute centre center foundation school academy hospital fund service services studies museum "
    "library trust police army navy "
    "ausschuss rat abteilung amt behörde agentur kommission stiftung institut zentrum programm akademie schule "
    "klinik klinikum polizei armee fonds ministerium gericht senat parlament universität hochschule".split()
)


#: Words that end a company's full name by saying what it does ("Yangtze Electric Power", "Sumitomo Mitsui
#: Financial", "Manchester City Football Club"): the shorter name news uses is the same company's.
INDUSTRY_WORDS = frozenset(
    "football fc power electric electronics energy oil gas petroleum steel motor automotive industry chemical "
    "chemicals mining resources foods food tobacco aviation financial capital partners media entertainment "
    "software systems pharma pharmaceutical telecommunications brewery breweries "
    # legal forms rigour leaves in place after other words ("Shanghai Automotive Industry Corp")
    "corp corporation co inc ltd plc llc ag gmbh se sa nv".split()
)


def _part_head(word: str) -> bool:
    """A head noun of a part or a body of its own (:data:`_PART_HEADS`), also as a German compound's end
    ("Haushaltsausschuss", "Landespolizei")."""
    return word in _PART_HEADS or word.endswith(_LONG_PART_HEADS)


_LONG_PART_HEADS = tuple(sorted(h for h in _PART_HEADS if len(h) >= 5))


def _join_named_in_full(
    by_article: Mapping[str, list[Mention]], node_of: dict[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """Rule 6 for names of two words or more: a name that its article also gives in full as an organisation's,
    lengthened only by the kind of organisation it is ("Death Row" of "Death Row Records", "Standard Trust"
    of "Standard Trust Bank", "Manchester City" of "Manchester City Football Club"), joins the full name,
    mention by mention. A part or a body of its own ("Manchester City Council": :data:`_PART_HEADS`), a
    place ("General Motors Europe") or anything else after it keeps them apart, and so do two full names."""
    joined = Counter(clusters.find(n) for n in list(clusters.parent))  # root -> nodes in its cluster
    for art_id in sorted(by_article):
        named = [m for m in by_article[art_id] if m.label != "place" and not m.has_evidence]
        words_of = {m.key: skeleton(m.text).split() for m in named}
        # Only an organisation's name of three words or more can be a full name of this kind.
        orgs = [m for m in named if m.label == "organization" and len(words_of[m.key]) > 2]
        if not orgs:
            continue
        # The same words untransliterated, without a legal form ("Shanghai Automotive Industry Corp").
        folded = {m.key: fold(without_legal_form(m.text)).split() for m in orgs}
        by_first: dict[str, list[Mention]] = defaultdict(list)
        for f in orgs:
            by_first[words_of[f.key][0]].append(f)
        # Longest first, so a name between two others ("China Aviation Oil" of "... Holding Company") has
        # joined the longer before the shortest ("China Aviation") looks for the one name it shortens.
        # A model's "person" too: "Death Row said" of "Death Row Records".
        for m in sorted(named, key=lambda m: (-len(words_of[m.key]), m.start)):
            words = words_of[m.key]
            node = node_of[m.key]
            if len(words) < 2 or node.rank != 2 or words[0] not in by_first:
                continue
            longer = {
                clusters.find(node_of[f.key])
                for f in by_first[words[0]]
                if len(rest := folded[f.key][len(words) :]) > 0
                and words_of[f.key][: len(words)] == words
                and all(w in ORG_HEAD_NOUNS or w in INDUSTRY_WORDS for w in rest)
                and not any(_part_head(w) for w in rest)
            }
            if len(longer) != 1 or clusters.find(node) in longer:
                continue
            if joined[clusters.find(node)] > 1:
                # Already one with another name by the article's evidence ("China Aviation Oil (CAO)"): the
                # name goes as a whole, or it would leave that name behind.
                clusters.union(node, next(iter(longer)))
                continue
            _to_short_node(m, node, next(iter(longer)), node_of, clusters)


def _join_name_endings(
    by_article: Mapping[str, list[Mention]], node_of: dict[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """Rule 6 for people's names of two words or more: one that ends the one longer person's name of its
    article ("Mansour Hadi" of "Abd Rabbo Mansour Hadi", "Rodham Clinton" of "Hillary Rodham Clinton") is
    that person; so the surname alone ("Hadi") has one full name to join, not two. Not a
    name the corpus gives in an article without such a longer name: "Michael Howard" is his own beside "BBC
    Michael Howard", and "Lula da Silva" beside his son "Fábio Luiz Lula da Silva"."""
    roots_of: dict[Node, set[Node]] = defaultdict(set)  # a name node -> the longer names that end with it
    alone: set[Node] = set()  # name nodes some article gives with no longer name that ends with them
    for art_id in sorted(by_article):
        persons = [m for m in by_article[art_id] if m.label == "person" and not m.has_evidence and " " in m.text]
        words_of = {m.key: skeleton(m.text).split() for m in persons}
        for m in persons:
            words = words_of[m.key]
            longer = {
                clusters.find(node_of[o.key])
                for o in persons
                if len(words_of[o.key]) > len(words) and words_of[o.key][-len(words) :] == words
            }
            if longer:
                roots_of[node_of[m.key]] |= longer
            else:
                alone.add(node_of[m.key])
    # A name never given alone is the longer name's wherever it stands: its node joins, so that other articles'
    # short forms of it ("Kilroy" of "Kilroy Silk") find the person too.
    for node, roots in sorted(roots_of.items()):
        if node.rank == 2 and node not in alone and len(roots) == 1 and clusters.find(node) not in roots:
            clusters.union(node, next(iter(roots)))


#: Words that say only what kind of body a name is ("Labour Party", "Virgin Group"); not "University", "Post",
#: "Office", "Bank" or "Securities", which make a body of their own of a town's or a firm's name.
_KIND_WORDS = frozenset("party group corporation company holdings partei gruppe konzern".split())


def _join_kind_lengthened(
    mentions: Sequence[Mention], node_of: Mapping[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """Rule 6 across the corpus: an organisation's name that the corpus also gives lengthened only by the kind
    of organisation it is (:data:`_KIND_WORDS`: "Labour" and "Labour Party", "Virgin" and "Virgin Group") is that organisation,
    in articles that give only the short name too, where the corpus lengthens it so in one way only and
    its model calls it an organisation more often than not. (Within an article, :func:`_join_named_in_full`
    and the short forms join them.)"""
    labels: dict[Node, Counter[str]] = defaultdict(Counter)
    texts: dict[Node, str] = {}
    for m in mentions:
        node = node_of[m.key]
        if node.rank == 2 and not m.has_evidence:
            labels[node][m.label] += 1
            texts.setdefault(node, m.text)
    words_of = {node: fold(without_legal_form(text)).split() for node, text in sorted(texts.items())}
    by_first: dict[str, list[Node]] = defaultdict(list)
    for node, words in words_of.items():
        if len(words) > 1:
            by_first[words[0]].append(node)
    for node, words in words_of.items():
        counts = labels[node]
        if not words or words[0] not in by_first or counts["organization"] * 2 <= sum(counts.values()):
            continue
        longer = {
            clusters.find(other)
            for other in by_first[words[0]]
            if len(rest := words_of[other][len(words) :]) > 0
            and words_of[other][: len(words)] == words
            and all(w in _KIND_WORDS for w in rest)
        }
        if len(longer) == 1 and clusters.find(node) not in longer:
            clusters.union(node, next(iter(longer)))


#: Co-named bodies and people that say two spellings of a person's name are one person; a name in more than
#: ``_COMMON_COMPANY`` articles, or one in ten of a larger corpus (a wire, a broadcaster, a big party), says nothing.
NICKNAME_COMPANY = 2
_COMMON_COMPANY = 20


def _join_nicknames(
    by_article: Mapping[str, list[Mention]], node_of: Mapping[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """Rule 6 across the corpus for people's names of two words or more that differ only in a given name and
    its nickname (:func:`generator.names.nickname_pair`: "Bernie Ebbers" and "Bernard Ebbers", "Ted Heath"
    and "Edward Heath"): one person where no article gives both (an article naming "Jim" and "James
    Morrison" names two) and the articles of each name at least :data:`NICKNAME_COMPANY` of the same other
    bodies or people ("MCI", "Scott Sullivan"), not counting places or the names most articles give.
    "Jim Morrison" of the Doors and the singer "James Morrison" share no company."""
    spelt: dict[Node, tuple[str, tuple[str, ...]]] = {}  # a person's name node -> (given name, other words)
    articles_of: dict[Node, set[str]] = defaultdict(set)
    for art_id in sorted(by_article):
        for m in by_article[art_id]:
            words = m.text.split()
            node = node_of[m.key]
            if m.label == "person" and node.rank == 2 and len(words) > 1 and words[0].isalpha():
                spelt.setdefault(node, (words[0], tuple(skeleton(w) for w in words[1:])))
                articles_of[node].add(art_id)
    by_rest: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node, (_, rest) in sorted(spelt.items()):
        by_rest[rest].append(node)
    pairs = [
        (a, b)
        for nodes in by_rest.values()
        for i, a in enumerate(nodes)
        for b in nodes[i + 1 :]
        if nickname_pair(spelt[a][0], spelt[b][0]) and not articles_of[a] & articles_of[b]
    ]
    if not pairs:
        return
    spread = Counter(key for ms in by_article.values() for key in {skeleton(m.text) for m in ms})
    common = max(_COMMON_COMPANY, len(by_article) // 10)

    def company(node: Node) -> set[str]:
        own = set(spelt[node][1])
        return {
            key
            for art_id in articles_of[node]
            for m in by_article[art_id]
            if m.label != "place" and spread[key := skeleton(m.text)] <= common and not own & set(key.split())
        }

    for a, b in pairs:
        if len(company(a) & company(b)) >= NICKNAME_COMPANY:
            clusters.union(a, b)


#: A given name's initial and a surname, as team sheets write people ("T Shanklin", "B O'Driscoll"); two
#: letters with a full stop ("Ch. Leitgeb": Christoph).
_INITIAL_THEN_NAME = re.compile(r"(?:([A-Z])\.?|([A-Z][a-z])\.)[ \t]+([A-Z][\w'’-]*[\w])")


def _join_initialled(
    by_article: Mapping[str, list[Mention]], node_of: dict[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """Rule 6, initials: "T Shanklin" is Tom Shanklin, the person of the corpus whose given name starts
    with the initial and whose surname is the same (by skeleton); of several such namesakes, the one its
    article names. A team sheet's initials otherwise made a second page beside the player's, and left his
    surname alone in the articles that give both ambiguous ("Shanklin": Tom's or T's?)."""
    full: dict[tuple[str, str], set[tuple[str, Node]]] = defaultdict(set)
    for ms in by_article.values():
        for m in ms:
            words = m.text.split()
            if (
                m.label == "person"
                and len(words) >= 2
                and len(words[0]) > 1
                and not words[0].endswith(".")
                and words[0][:1].isupper()
            ):
                full[(words[0][0], skeleton(words[-1]))].add((words[0], node_of[m.key]))
    for art_id in sorted(by_article):
        here: set[Node] | None = None
        for m in by_article[art_id]:
            initialled = _INITIAL_THEN_NAME.fullmatch(m.text)
            if initialled is None:
                continue
            initial = initialled.group(1) or initialled.group(2)
            namesakes = full.get((initial[0], skeleton(initialled.group(3))), ())
            roots = {clusters.find(n) for given, n in namesakes if given.startswith(initial)}
            if len(roots) > 1:
                here = here if here is not None else {clusters.find(node_of[x.key]) for x in by_article[art_id]}
                roots &= here
            if len(roots) == 1 and (target := next(iter(roots))) != clusters.find(node_of[m.key]):
                _to_short_node(m, node_of[m.key], target, node_of, clusters)


def _to_short_node(
    m: Mention, node: Node, target: Node, node_of: dict[tuple[str, int, int], Node], clusters: _Clusters
) -> None:
    """The mention leaves its name's ``node`` for a node of its own joined to ``target``: one article's
    judgement, not its spelling's everywhere. A not_same_as judgement may refuse it: it stays then."""
    own = Node.short(m)
    node_of[m.key] = own
    clusters.add(own)
    clusters.inherit_constraints(own, node)
    if not clusters.union(own, target):
        node_of[m.key] = node


def _particle(word: str) -> bool:
    """A surname's particle in a skeleton: "van", "de la", and the letter before an apostrophe, which the
    skeleton writes as a word of its own ("O'Gara" is "o gara", "D'Arcy" "d arci")."""
    return word in NAME_PARTICLES or len(word) == 1


def _pairing(name: str, solo: Set[str]) -> bool:
    """Whether a name is two or more names joined by hyphens or slashes that the corpus each gives on its
    own (``solo``: "Fiat-GM", "HP/Compaq", "Derby-Fulham"): a deal, a merger or a fixture, no body's name."""
    parts = re.split(r"[-/]", name)
    return " " not in name and len(parts) > 1 and all(skeleton(p) in solo for p in parts)


def _first_word_shortens(name: str, first: str, own_names: Set[str] | None) -> bool:
    """Whether an organisation's first word is its short form: before a generic rest ("Labour" of "Labour
    Party"), or a word that stands alone in no other article (``own_names``: "Lycos" of "Lycos Europe");
    never before a part's head noun, where the word names the whole ("Senate" of "Senate Rules Committee")."""
    rest = [w.lower() for w in name.split()[1:]]
    if any(_part_head(w) for w in rest):
        return False
    generic = all(w in ORG_HEAD_NOUNS and w not in _NO_GENERIC_REST for w in rest)
    return generic or (own_names is not None and first not in own_names)


#: Organisation head nouns after which the first word is no short form across articles: "Microsoft Office"
#: is a product of Microsoft's, "Home Office" no "Home".
_NO_GENERIC_REST = frozenset({"office"})


def _organisation_persons_index(
    art_mentions: Sequence[Mention],
    art_id: str,
    full_names: Callable[..., dict[str, set[Node]]],
    alone: Set[str],
    lang_of: Mapping[str, str] | None,
    ordinary: Callable[[str, str], bool] | None,
) -> dict[str, set[Node]]:
    """The article's "person" names by the words an organisation's word may shorten (:func:`_join_short_forms`):
    every last word, and the first words of those that are no firm's word before ordinary words ("Yahoo
    Messenger", "Mac Mini": products the model called people's) where other articles give the firm's word on
    its own (``alone``)."""
    language = (lang_of or {}).get(art_id, "")
    named_persons = [
        x
        for x in art_mentions
        if ordinary is None
        or not (rest := x.text.split()[1:])
        or not all(ordinary(language, w) for w in rest)
        or rest[-1].lower() in _PLACE_HEADS  # "Wembley Stadium": a place's name, whatever its label
        or skeleton(x.text).split()[0] not in alone
    ]
    index: dict[str, set[Node]] = defaultdict(set)
    for part in (
        full_names(art_mentions, "person", first_words=False),
        full_names(named_persons, "person", last_words=False),
    ):
        for word, roots in part.items():
            index[word] |= roots
    return index


def _join_short_forms(
    mentions: Sequence[Mention],
    by_article: Mapping[str, list[Mention]],
    node_of: dict[tuple[str, int, int], Node],
    clusters: _Clusters,
    classed: Set[tuple[str, int, int]] = frozenset(),
    peers: Set[tuple[str, int, int]] = frozenset(),
    placed: Set[tuple[str, int, int]] = frozenset(),
    lang_of: Mapping[str, str] | None = None,
    ordinary: Callable[[str, str], bool] | None = None,
) -> None:
    """Rule 6: a one-word name joins the one full name that starts or ends with it, and a
    surname with its particles ("de la Calle") the one person's name that ends with it. A pairing of two
    names the corpus gives on their own ("Fiat-GM", "HP/Compaq") is no organisation's full name.

    Resolved per mention, never per spelling: "Kim" may be Kim Jong Un in one
    article and Kim Yo Jong in the next. Model labels on one-word names are
    unreliable ("Kim" tagged as a place), so a short form of any label may join
    a person's, else an organization's full name (when the article has both, the
    one of the label the article gives the short form at least twice and most
    often: "Disney" of "Walt Disney", not of "Roy Disney", in an article about the
    company; and a short form the article gives an organisation's label that often
    joins no person's name from another article): the article's first, else the
    corpus's (there a person's first word only for a one-word "person"). An
    organisation's first word is its short form when the rest is
    generic ("Labour" of "Labour Party"), or when the word never stands on its own
    in an article without such a name ("Lycos" of "Lycos Europe"); otherwise it
    is a name of its own, a parent or a qualifier ("BBC" of "BBC One", "UK" of "UK
    Film Council"). Across articles an organisation's short form needs the generic
    rest, and its last word is none ("Microsoft" of "Microsoft Outlook"). A name
    already resolved to a place or a curated entity is not a short form of anything.
    A surname after a peer's or a prelate's title (``peers``: :func:`_titled_as_peer`, "Lord Browne") is
    his whole name: from another article it joins only a full name that some article gives beside the
    same title ("Sebastian Coe ... Lord Coe"), not the one namesake of the corpus (Des Browne).
    A full name of its article that reads as a person's but that its model labelled an organisation's
    (:func:`_reads_as_personal_name`: "Quentin Davies ... Mr Davies"), or a place's with no gazetteer's word and
    no place's words where the short form is labelled a person's ("Russia's Elena Dementieva ... said
    Dementieva"), comes before the corpus's namesakes.
    Among namesakes of the corpus it joins the one its article names ("Ioannidis" beside "Gregory Ioannidis",
    not Grigoris Ioanidis), and none where the article names none of them. A name a noun for a kind of
    place introduces (``placed``: "die Grenzstadt Sid", "im Bezirk Liebenau") is the place's. A word the
    article gives an organisation again and again, and other articles give on its own, starts no "person's"
    name whose other words are ``ordinary`` ("Yahoo Messenger", a product the model called a person's).
    """
    alone: set[str] = set()  # one-word names found in an article where no longer name starts with them
    for art_mentions in by_article.values():
        keys = [skeleton(m.text).split() for m in art_mentions]
        firsts = {words[0] for words in keys if len(words) > 1}
        alone.update(words[0] for words in keys if len(words) == 1 and words[0] not in firsts)
    # One-word names the corpus gives on their own: the parts of a pairing ("Fiat-GM", "Gazprom-Rosneft": a
    # deal between two companies, no company's full name) are each such a name.
    solo = {skeleton(m.text) for m in mentions if " " not in m.text and "-" not in m.text and "/" not in m.text}
    # The label most of a full name's mentions carry, corpus-wide: "Jose Mourinho", which the model calls a place
    # once, is a person's name there too.
    name_labels: dict[Node, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if " " in m.text:
            name_labels[node_of[m.key]][m.label] += 1
    usual_name_label = {
        node: label
        for node, counts in name_labels.items()
        if (label := counts.most_common(1)[0][0]) and 2 * counts[label] > sum(counts.values())
    }

    def full_names(
        ms: Iterable[Mention],
        label: str,
        *,
        first_words: bool = True,
        last_words: bool = True,
        own_names: Set[str] | None = None,
    ) -> dict[str, set[Node]]:
        """word skeleton -> roots of multi-word names that start or end with it (an organisation's
        first word only before a generic rest, or when ``own_names`` is given and lacks it)."""
        index: dict[str, set[Node]] = defaultdict(set)
        for m in ms:
            if m.label != label and not (label == "person" and usual_name_label.get(node_of[m.key]) == "person"):
                continue  # (a full name the model labelled otherwise here is a person's by its other mentions)
            words = skeleton(m.text).split()
            if len(words) < 2 or (label == "organization" and _pairing(m.text, solo)):
                continue
            root = clusters.find(node_of[m.key])
            if first_words and (label == "person" or _first_word_shortens(m.text, words[0], own_names)):
                index[words[0]].add(root)
            if last_words:
                index[words[-1]].add(root)
            if label == "person" and last_words:
                # A surname with its particles is a short form too ("de la Calle", "von der Leyen").
                for i in range(1, len(words) - 1):
                    if _particle(words[i]):
                        index[" ".join(words[i:])].add(root)
                        break
                # And a double-barrelled one ("Kilroy-Silk" of "Robert Kilroy-Silk").
                last = m.text.split()[-1]
                if "-" in last and len(parts := skeleton(last).split()) > 1 and len(parts) < len(words):
                    index[" ".join(parts)].add(root)
        return index

    def attach(m: Mention, node: Node, candidates: Set[Node]) -> None:
        """With one candidate, the mention moves to its own node joined to that full name."""
        if len(candidates) == 1:
            _to_short_node(m, node, next(iter(candidates)), node_of, clusters)

    labels = ("person", "organization")
    # Institutions a town locates ("Amtsgericht Amberg"): that town, labelled a place, is no short form of them.
    seats = {
        node_of[m.key]
        for m in mentions
        if m.label == "organization" and len(ws := m.text.split()) == 2 and names_seat(ws[0])
    }
    corpus_indexes = [
        full_names(mentions, "person", first_words=False),
        full_names(mentions, "organization", last_words=False),
    ]
    # A person's first word elsewhere in the corpus is a short form only of a one-word "person"
    # ("Kim" of Kim Jong Un): "Sony" is not "Sonny Parker", whose skeleton it shares.
    corpus_given = full_names(mentions, "person", last_words=False)
    usual_label: dict[tuple[str, str], str] = {}  # (article, one-word skeleton) -> its label, given at least twice
    for art_id, art_mentions in by_article.items():
        by_key: dict[str, Counter[str]] = defaultdict(Counter)
        for m in art_mentions:
            if " " not in (key := skeleton(m.text)):
                by_key[key][m.label] += 1
        for key, counts in by_key.items():
            ranked = sorted(counts.values(), reverse=True)
            label, n = max(counts.items(), key=lambda item: (item[1], item[0]))
            if n >= 2 and (len(ranked) == 1 or ranked[1] < n):
                usual_label[(art_id, key)] = label
    # Full names that an article gives beside the same surname after a title: known by that title.
    titled_names: set[Node] = set()
    for art_mentions in by_article.values():
        titled = {skeleton(m.text) for m in art_mentions if m.key in peers and " " not in m.text}
        if titled:
            for words_of, root in (
                (skeleton(m.text).split(), node_of[m.key]) for m in art_mentions if m.label == "person"
            ):
                if len(words_of) > 1 and words_of[-1] in titled:
                    titled_names.add(root)
    # Per article, the last words of the names its model labelled an organisation's or, with no gazetteer's
    # word, a place's that read as a person's ("Quentin Davies"; "Russia's Elena Dementieva", a place to the
    # English model, before "Dementieva" the person; not "Prevention of Terrorism Bill", "European Elvis").
    mislabelled: dict[str, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
    mislabelled_places: dict[str, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for m in mentions:
        if m.label not in ("organization", "place") or m.has_evidence:
            continue
        if not _reads_as_personal_name(m.text, (lang_of or {}).get(m.article, "")):
            continue
        words = m.text.split()
        if m.label == "place" and (
            _named_as_building(m.text)
            or words[-1].lower() in _PLACE_HEADS
            or words[0].lower() in COMPASS_WORDS
            or not words[0].isalpha()
        ):
            continue  # "Bellahouston Park", "South Yorkshire", "Neath-Swansea Ospreys": a place's words
        by_word = mislabelled if m.label == "organization" else mislabelled_places
        by_word[m.article][skeleton(m.text).split()[-1]].add(node_of[m.key])
    for art_id in sorted(by_article):
        all_indexes = [full_names(by_article[art_id], label, own_names=alone) for label in labels]
        # A word the article gives an organisation again and again, and which other articles give on its own,
        # shortens no "person's" name by its first word when the rest is ordinary words ("Yahoo" ... "Yahoo
        # Messenger", "Mac" ... "Mac Mini", which the model called people's: a product's name); a surname
        # still ends one ("Kelly" of "Kelly Holmes"), and a firm's name the corpus never shortens elsewhere
        # still starts one ("Vivendi" of "Vivendi Universal").
        org_person_index: dict[str, set[Node]] | None = None  # made when an organisation's word asks
        for m in by_article[art_id]:
            node = node_of[m.key]
            hyphenated = " " not in m.text and "-" in m.text  # one word to the eye: "Kilroy-Silk"
            if node.rank != 2 or (" " in node.key and not _particle(node.key.split(" ", 1)[0]) and not hyphenated):
                continue
            if clusters.find(node).rank < 2 or m.key in placed:
                continue  # (a town introduced as one, "die Grenzstadt Sid", shortens no name: not Sid James)
            candidates: set[Node] = set()
            usual = usual_label.get((art_id, node.key))
            art_indexes = all_indexes
            if usual == "organization":
                if org_person_index is None:
                    org_person_index = _organisation_persons_index(
                        by_article[art_id], art_id, full_names, alone, lang_of, ordinary
                    )
                art_indexes = [org_person_index, all_indexes[1]]
            in_article_by_label = [{clusters.find(r) for r in index.get(node.key, ())} for index in art_indexes]
            if m.key in classed:
                # "die Drogeriemarktkette Schlecker" is the company, not Anton Schlecker: a class noun of
                # organisations before it says which of the article's names it shortens.
                in_article = in_article_by_label[1]
                in_corpus = {clusters.find(r) for r in corpus_indexes[1].get(node.key, ())}
                attach(m, node, in_article or in_corpus)
                continue
            if all(in_article_by_label) and usual in labels:
                # A person's and an organisation's name in one article end or start with it ("Roy Disney",
                # "Walt Disney"): the label the article's model gives the short form again and again tells
                # which it shortens (one label on one word tells little).
                candidates = in_article_by_label[labels.index(usual)]
            for corpus_index, art_index in zip(corpus_indexes, art_indexes, strict=True):
                if candidates:
                    break
                if corpus_index is corpus_indexes[0] and is_acronym(m.text):
                    continue  # "UN" is no short form of Kim Jong Un: no one's name is written as an acronym
                in_article = {clusters.find(r) for r in art_index.get(node.key, ())}
                own = mislabelled[art_id].get(node.key) or (
                    mislabelled_places[art_id].get(node.key) if m.label == "person" else None
                )
                if not in_article and corpus_index is corpus_indexes[0] and own:
                    # The article's own full name, which its model labelled an organisation's ("Quentin Davies
                    # ... Mr Davies"), or a place's where the surname is a person's ("Russia's Elena Dementieva
                    # ... said Dementieva"), before the corpus's namesakes (Gavyn Davies, Nick Davies).
                    candidates = {clusters.find(r) for r in own}
                    break
                if (
                    not in_article
                    and corpus_index is corpus_indexes[0]
                    and (usual not in (None, "person") or node.kind == "spelt")
                ):
                    # An organisation again and again here is no surname of a person elsewhere; nor is a
                    # spelling that only shares its key with a place's ("Lions" is not Max Lyons).
                    continue

                in_corpus = set(corpus_index.get(node.key, ()))
                if corpus_index is corpus_indexes[0] and m.label == "person":
                    in_corpus |= corpus_given.get(node.key, set())
                if m.key in peers and not in_article:
                    known = {clusters.find(n) for n in titled_names}
                    in_corpus = {r for r in in_corpus if clusters.find(r) in known}
                candidates = in_article or {clusters.find(r) for r in in_corpus}
                if candidates:
                    break
            if len(candidates) > 1:
                # Namesakes of the corpus ("Gregory Ioannidis", "Grigoris Ioanidis"): the one whose name this
                # article gives, whatever label the model put on it there ("Gregory Ioannidis has submitted").
                here = candidates & {clusters.find(node_of[x.key]) for x in by_article[art_id]}
                candidates = here or candidates
            if m.label == "place" and candidates:
                candidates -= {clusters.find(n) for n in seats}
            if node.kind == "team":
                # A team named by its town shortens only a club's name ("Zagreb" of "Dinamo Zagreb"), not
                # a radio station's or a council's ("BBC Newcastle").
                candidates = {c for c in candidates if c.kind in ("name", "team") and club_of_town(c.key)}
            attach(m, node, candidates)


def _reads_as_personal_name(name: str, language: str) -> bool:
    """Two or three capitalised words, none in capitals alone, that no organisation's head noun or legal form
    ends and no people's adjective opens: a given name and a surname to the eye ("Quentin Davies"; not
    "Prevention of Terrorism Bill", "European Elvis", "Jet Airways", "GMT Carnival")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words)
        and words[0] not in demonyms(language)
        and words[-1].lower() not in ORG_HEAD_NOUNS
        and not org_evidence(name)
    )


def _drafts(
    mentions: Sequence[Mention],
    node_of: Mapping[tuple[str, int, int], Node],
    clusters: _Clusters,
    gazetteer: Gazetteer | None,
    vote: _Vote,
) -> list[Draft]:
    """One draft per cluster with mentions: its place, and by ``vote`` its type, canonical name and id."""
    groups: dict[Node, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[clusters.find(node_of[m.key])].append(m)
    members: dict[Node, set[Node]] = defaultdict(set)
    for node in list(clusters.parent):
        members[clusters.find(node)].add(node)
    out = []
    for root in sorted(groups):
        ms = sorted(groups[root], key=lambda m: (m.article, m.start))
        nodes = members[root]
        curated_ids = sorted(n.key for n in nodes if n.rank == 0)
        geo_ids = sorted(int(n.key) for n in nodes if n.rank == 1)
        place = None
        if gazetteer is not None and geo_ids:
            found = [p for p in (gazetteer.by_id(g) for g in geo_ids) if p is not None]
            place = max(found, key=lambda p: (p.population, -p.geonameid)) if found else None
        out.append(vote(root, ms, curated_ids, place))
    return _unique_ids(out)


def _revoted(drafts: Sequence[Draft], vote: _Vote) -> list[Draft]:
    """The drafts again, those with a mention in ``vote.coordinated`` typed and named anew (the same
    clusters: their places and curated ids stand), the others as they were."""
    coordinated = vote.coordinated or {}
    out = [
        vote(d.root, d.mentions, d.curated, d.place)
        if any(m.key in coordinated for m in d.mentions)
        else Draft(d.root, d.mentions, d.curated, d.place, _draft_id(d.root, d.name), d.type, d.name)
        for d in drafts
    ]
    return _unique_ids(out)


def _draft_id(root: Node, name: str) -> str:
    """A derived entity's id from its name; a team named by its town apart from the town's
    ("palermo-team" beside "palermo"), whichever of the two the corpus has."""
    return slugify(name) + ("-team" if root.kind == "team" else "")


def _unique_ids(drafts: list[Draft]) -> list[Draft]:
    """Derived ids made unique: a name two drafts share gets a hash of each one's root."""
    counts = Counter(d.id for d in drafts)
    for d in drafts:
        if counts[d.id] > 1:
            d.id = f"{d.id}-{stable_hash(d.root.id, length=6)}"
    return drafts


@dataclass(frozen=True)
class _Vote:
    """Types and names one cluster's draft: the evidence every cluster's vote reads."""

    gazetteer: Gazetteer | None
    lang_of: Mapping[str, str]
    settings: ResolveSettings
    unnamed: UnnamedPersons | None = None
    nouns: CommonNouns | None = None
    referred: Set[tuple[str, int, int]] = frozenset()
    coordinated: Mapping[tuple[str, int, int], EntityType] | None = None
    teams: Set[tuple[str, int, int]] = frozenset()
    classed: Set[tuple[str, int, int]] = frozenset()
    name_clusters: Callable[[str, str], bool] | None = None
    described: Set[tuple[str, int, int]] = frozenset()
    initialled: Set[tuple[str, int, int]] = frozenset()  # one word after a list item's initial
    placed: Set[tuple[str, int, int]] = frozenset()  # after a noun for a kind of place ("Ortschaft")
    collective: Set[tuple[str, int, int]] = frozenset()  # a plural verb after it ("Chester have won")
    nouned: Set[tuple[str, int, int]] = frozenset()  # a noun for a person names it ("politician Pim Fortuyn")
    abbreviated: Set[tuple[str, int, int]] = frozenset()  # its abbreviation follows in brackets ("... (Ampas)")

    @cached_property
    def weights(self) -> dict[str, float]:  # once, not per cluster
        return dict(self.settings.type_weights)

    def _rare_surname(self, word: str, language: str) -> bool:
        """A surname the name dictionary knows that is no ordinary word of the language (:func:`person_shaped`)."""
        return (
            self.unnamed is not None
            and self.unnamed.known(word)
            and not (self.nouns is not None and self.nouns.knows(language) and self.nouns.ordinary(language, word))
        )

    def _place_name(self, ms: Sequence[Mention]) -> bool:
        """Whether every mention gives one word the gazetteer knows as a country's, a region's or a town's of
        :data:`PROMINENT_TOWN` inhabitants or more, spelt as its own name, and that is not in a cluster of people's
        names (:func:`_vote_type`'s ``place_name``)."""
        texts = {m.text for m in ms}
        if self.gazetteer is None or len(texts) != 1 or " " in (text := next(iter(texts))):
            return False
        lang = self.lang_of.get(ms[0].article)
        place = self.gazetteer.lookup(text, language=lang)
        return (
            place is not None
            and (place.kind in ("country", "subdivision") or place.population >= PROMINENT_TOWN)
            and text in {place.name, place.name_in(lang or "en")}
            # not a word a large corpus uses as it uses people's names ("Mary", "Paul", "Nelson")
            and not (self.name_clusters is not None and self.name_clusters(text, lang or ""))
        )

    def __call__(self, root: Node, ms: list[Mention], curated_ids: list[str], place: Place | None) -> Draft:
        gazetteer, lang_of, unnamed = self.gazetteer, self.lang_of, self.unnamed
        branch = gazetteer is not None and any(
            national_branch(m.text, gazetteer, lang_of.get(m.article))
            or team_name(m.text, gazetteer, lang_of.get(m.article), unnamed.known if unnamed is not None else None)
            for m in ms
        )
        annotated: list[EntityType] = []
        # A word the cluster also names in full ("Neustadt" of "SC Wiener Neustadt") is typed by the full name:
        # what annotators call the word alone (a town) says nothing of it.
        parts = {w for m in ms if " " in m.text for w in m.text.split()}
        if self.nouns is not None:
            for text, lang in sorted(
                {
                    (m.text, lang_of.get(m.article) or "")
                    for m in ms
                    if m.text not in parts and genitive_stem(m.text) not in parts  # nor "Neustadts"
                }
            ):
                stem = genitive_stem(text)
                found = self.nouns.annotated_type(lang, text) or (stem and self.nouns.annotated_type(lang, stem))
                if found:
                    annotated.append(found)  # type: ignore[arg-type]
        clusters = self.name_clusters
        shaped = clusters is not None and any(
            person_shaped(text, lang, clusters, self._rare_surname)
            for text, lang in sorted({(m.text, lang_of.get(m.article) or "") for m in ms})
        )
        body_named = gazetteer is not None and any(
            body_name(m.text, gazetteer, lang_of.get(m.article), unnamed.known if unnamed is not None else None)
            for m in ms
            if m.label == "person"
        )
        # Team sheets name each player by an initial and a surname, mention after mention ("C Paterson
        # (Edinburgh)"), where the model says organisation: each such mention votes. A compass letter
        # before a country is no initial ("S Korea", "N Ireland").
        initials = sum(
            m.key in self.initialled
            or (initial_and_surname(m.text) and not _compass_point_of(m.text[0], m.text.split()[-1], gazetteer))
            for m in ms
        )
        etype = _vote_type(
            ms,
            lang_of,
            self.weights,
            place_name=place is None and self._place_name(ms),
            body_named=body_named,
            place_evidence=place is not None,
            shaped_like_person=shaped,
            unnamed=unnamed,
            referred=self.referred,
            described=self.described,
            branch=branch,
            coordinated=self.coordinated,
            teams=self.teams,
            annotated=annotated,
            classed=self.classed,
            initials=initials,
            placed=self.placed,
            collective=self.collective,
            nouned=self.nouned,
            abbreviated=self.abbreviated,
        )
        nominative = self.nouns.nominative if self.nouns is not None and etype != "person" else None
        name = _canonical_name(ms, etype, place, lang_of, self.settings.display_language, nominative)
        hints = [m.entity_hint or "" for m in ms]
        parties = Counter(hint[len("party:") :] for hint in hints if hint.startswith("party:"))
        if parties and etype == "organization":
            # A party its members' words name ("the Tories", "die Republikaner") is titled by its name in
            # PARTY_MEMBERS ("Republican Party"), not by the longest of those words ("US-Republikaner").
            name = min(parties.items(), key=lambda item: (-item[1], item[0]))[0]
        return Draft(root, ms, curated_ids, place, _draft_id(root, name), etype, name)


def _same_as(drafts: Sequence[Draft], curation: Curation, clusters: _Clusters) -> bool:
    """``same_as``: a contributor merges a derived entity (named by its id) into a curated one."""
    wanted = {ref: ent_id for ent_id, ent in sorted(curation.entities.items()) for ref in ent.same_as}
    for d in drafts:
        if d.id in wanted:
            clusters.union(Node.curated(wanted[d.id]), d.root)
    return bool(wanted)


def _aliases(draft: Draft, name: str, lang_of: Mapping[str, str], curated: list[Alias]) -> tuple[Alias, ...]:
    """Every other name of the entity: curated first, then the gazetteer's, then the corpus's spellings."""
    aliases: dict[str, Alias] = {}
    for alias in curated:
        aliases.setdefault(fold(alias.name), alias)
    if draft.place is not None:
        aliases.setdefault(fold(draft.place.name), Alias(draft.place.name, "gazetteer", "en"))
    for m in draft.mentions:
        aliases.setdefault(fold(m.text), Alias(m.text, "corpus", lang_of.get(m.article)))
    aliases.pop(fold(name), None)
    return tuple(sorted(aliases.values(), key=lambda a: (a.origin != "curated", fold(a.name), a.name)))


def _coordinates(place: Place | None) -> tuple[float, float] | None:
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return (place.latitude, place.longitude)


def _curated_entity(
    draft: Draft,
    curation: Curation,
    lang_of: Mapping[str, str],
    redirects: dict[str, str],
    problems: list[Problem],
) -> Entity:
    """A draft that holds a curated entity: the curated id, name, type and identifiers win."""
    curated_id = draft.curated[0]
    if len(draft.curated) > 1:
        problems.append(
            curation.problem(
                draft.curated[1],
                "two curated entities ended up as one (a shared name or geonames id)",
                "id",
                "distinct names for distinct entities",
                ", ".join(repr(c) for c in draft.curated),
                "warning",
            )
        )
    cur = curation.entities[curated_id]
    identifiers = []
    if cur.identifiers.wikidata:
        identifiers.append(("wikidata", cur.identifiers.wikidata))
    if cur.identifiers.geonames:
        identifiers.append(("geonames", str(cur.identifiers.geonames)))
    elif draft.place is not None:
        identifiers.append(draft.place.identifier)
    if cur.identifiers.website:
        identifiers.append(("website", cur.identifiers.website))
    olds = set(cur.redirects) | set(cur.same_as)
    # The id this entity would have without curation keeps working: it redirects here.
    if draft.id != cur.id and draft.id not in curation.entities:
        olds.add(draft.id)
    for old in sorted(olds):
        redirects[old] = cur.id
    curated_names = [Alias(name, "curated", lang) for name, lang in curation.all_names(curated_id)]
    return Entity(
        id=cur.id,
        name=cur.name,
        type=cur.type,
        aliases=_aliases(draft, cur.name, lang_of, curated_names),
        mentions=tuple(draft.mentions),
        curated=True,
        description=cur.description,
        identifiers=tuple(identifiers),
        coordinates=_coordinates(draft.place),
        area=draft.place.area if draft.place is not None else None,
        curation_file=curation.files[curated_id],
    )


def _derived_entity(draft: Draft, taken: set[str], lang_of: Mapping[str, str]) -> Entity:
    """A draft no curation touches: its id, name and type are derived from its mentions."""
    entity_id = draft.id
    if entity_id in taken:
        entity_id = f"{entity_id}-{stable_hash(draft.root.id, length=6)}"
    return Entity(
        id=entity_id,
        name=draft.name,
        type=draft.type,
        aliases=_aliases(draft, draft.name, lang_of, []),
        mentions=tuple(draft.mentions),
        identifiers=(draft.place.identifier,) if draft.place is not None else (),
        coordinates=_coordinates(draft.place),
        area=draft.place.area if draft.place is not None else None,
    )


#: A one-word name the model found this often in the corpus is kept even when it is an
#: ordinary noun too ("Microsoft", "Kreml"): a model that tags a word consistently means it.
CONSISTENT_MENTIONS = 3
#: ... and at least this share of the places where the word stands on its own: where propagation found
#: it, the model read the same word in its sentence and passed it by. Three tags of "Mann", "May" or
#: "Euro" in a corpus that writes them a hundred times are the model's slips, not its judgement.
CONSISTENT_SHARE = 0.5
#: Layers whose mentions only a model vouches for (judged by the ordinary-word and title filters).
MODEL_SOURCES = ("model", *COPIED_SOURCES, "list")
#: What a weak type vote counts (see :func:`_vote_type`).
WEAK_WEIGHT = 0.25
#: What a propagated copy of a name weighs against the model's own reading (:func:`_vote_type`).
COPY_WEIGHT = 0.5
#: What the type annotated news gives a word counts: more than one model label (which counts its model's F1, at most 1), less than two.
ANNOTATED_WEIGHT = 1.25


def _without_ordinary_words(
    mentions: Sequence[Mention],
    nouns: CommonNouns,
    articles: Mapping[str, Article],
    curation: Curation,
    gazetteer: Gazetteer | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> tuple[list[Mention], list[Mention]]:
    """Mentions minus those that are ordinary words of their language ("Beton", "Nutzer", "Cabinet").

    Only a one-word mention that the model alone found (no curated name, no
    gazetteer place) is judged, and never the short form of a longer name in
    the same article ("Brown" after "Gordon Brown"). It is an ordinary word when
    the lexicon of its language knows it only as a common noun
    (:class:`CommonNouns`: German Wiktionary's nouns; English words a large
    corpus writes mostly in lower case). (Setting aside English words this
    corpus also writes in lower case was measured: no gain on the dev half, so
    it is only a ``dossier review`` finding.)
    An ordinary word is never a person's name, and is an organisation's or
    place's only when the model names it consistently: at least ``CONSISTENT_MENTIONS``
    times, and in at least ``CONSISTENT_SHARE`` of the places where the word stands on its
    own (where propagation copied the name, the model had passed the same word by: a big
    corpus gives any frequent noun a few stray tags, "Mann", "May", "Euro"). A curated name or alias always wins, and so does a name that a class
    noun introduces ("im sozialen Netzwerk Facebook", "der Konzern Shell":
    :func:`introduced_by_class_noun`), which an ordinary word never is. Nor is a
    word the model calls a person's inside a sentence that a large corpus uses as
    it uses people's names (``name_clusters``: "erklärte Gates", "Blatter und
    Beckenbauer"; at a sentence's start any word is capitalised: "Heuer sollen"). In English an acronym
    used as a common noun (:meth:`CommonNouns.is_acronym_noun`: "the IPO", "its CEO") or that an article
    defines as a term (:func:`generator.names.defined_in_lower_case`: "personal video recorder (PVR)") is
    ordinary too, unless its article spells it out or defines it as a name; and so is a word the corpus names only at a sentence's
    start, and not consistently, that its language writes in lower case at least as often as capitalised
    (:meth:`CommonNouns.written_lower`: "Tsunami to cost Sri Lanka ...", "Hunt demo at Labour meeting",
    "Stark betroffen sind ..."), unless it clips a longer name of its article ("Fed chief warning" beside
    the Federal Reserve).

    A place the gazetteer found in the running text (no model marked it), or
    propagation copied from such a find, is judged too when the text (or its
    genitive's stem) is an ordinary word of the article's language and not the
    place's own name, only another language's name that GeoNames lists for it:
    "Kitas" (German day-care centres) is not Quito, "Soul" and "Dark Souls" not Seoul.
    """
    found = Counter(m.text for m in mentions if m.source not in COPIED_SOURCES)
    copied = Counter(m.text for m in mentions if m.source in COPIED_SOURCES)

    def consistent(word: str) -> bool:
        """Whether the model itself tags the word often enough, and in most places it stands alone."""
        return found[word] >= CONSISTENT_MENTIONS and found[word] >= CONSISTENT_SHARE * (found[word] + copied[word])

    # English words named only where English capitalises any word ("Broadband has become ..."): their
    # capital letter is no evidence of a name, however often they are found.
    alone = {m.text for m in mentions if " " not in m.text and "-" not in m.text}
    person_words = {m.text for m in mentions if m.label == "person" and " " not in m.text}
    inside: set[str] = set()
    for m in mentions:
        art = articles.get(m.article)
        if art is not None and not opens_sentence(art.text, m.start):
            inside.add(m.text)

    def lettered(m: Mention) -> bool:
        """A common noun and a letter: "Group A", "Gruppe B", "Plan B", also where the model left the
        letter out ("in Group" + " B")."""
        art = articles.get(m.article)
        head, _, letter = m.text.partition(" ")
        if not letter and art is not None and _LETTER_AFTER.match(art.text, m.end):
            letter = art.text[m.end + 1]
        return (
            art is not None
            and len(letter) == 1
            and letter.isupper()
            and nouns.knows(art.language)
            and nouns.is_common(art.language, head)
        )

    bodies = {
        m.text
        for m in mentions
        if m.label != "person"
        and " " not in m.text
        and nouns.names_a_body(m.text)
        and (art := articles.get(m.article)) is not None
        and art.language != "en"
    }
    longer: dict[str, set[str]] = defaultdict(set)  # article -> words that start or end a longer name there
    spelt_out: dict[str, set[str]] = defaultdict(set)  # article -> acronyms of its longer names ("RBC")
    for m in mentions:
        words = m.text.split()
        if len(words) > 1 and not lettered(m):
            longer[m.article].update((words[0], words[-1]))
            spelt_out[m.article].update(_acronyms(m.text))
        if (art := articles.get(m.article)) is not None and (short := _DEFINED_SHORT_FORM.match(art.text, m.end)):
            spelt_out[m.article].add(short.group(1))  # "Reserve Bank of Australia (RBA)"

    # Abbreviations an English article of the corpus spells out in lower case: terms ("personal video
    # recorder (PVR)"), wherever else the model took them for names.
    terms = frozenset().union(*(defined_in_lower_case(art.text) for art in articles.values() if art.language == "en"))

    def acronym_noun(m: Mention) -> bool:
        """An acronym English uses as a common noun ("the IPO", "its CEO", "MEP Caroline Lucas") or that
        the corpus defines as a term (:func:`defined_in_lower_case`: "personal video recorder (PVR)"),
        unless its article spells it out as a name or defines it ("Royal Bank of Canada ... RBC")."""
        return (
            is_acronym(m.text)
            and (nouns.is_acronym_noun(m.text) or m.text in terms)
            and m.text not in spelt_out[m.article]
        )

    lowered: dict[str, set[str]] = {}

    def lower_in(art: Article) -> set[str]:
        """The words an article writes in lower case (sentence starts aside), read once per article."""
        if art.id not in lowered:
            lowered[art.id] = lower_case_words([art.text])
        return lowered[art.id]

    def capital_only_where_sentences_open(m: Mention, own: Article, *, in_names: bool = False) -> bool:
        """Whether the one-word mention opens a sentence, and its own article writes the word (or its
        singular) in lower case and with a capital only where a sentence opens (or, ``in_names``, inside a
        longer name)."""
        return (
            " " not in m.text
            and m.text not in spelt_out[m.article]  # an acronym its article spells out: "WHO" is not "who"
            and opens_sentence(own.text, m.start)  # (cheap, and needed: this mention is capitalised too)
            and _lower_or_singular_in(m.text.lower(), lower_in(own))
            and _capital_only_first(own.text, m.text, in_names=in_names)
        )

    def ordinary(m: Mention) -> bool:
        art = articles.get(m.article)
        lang = art.language if art is not None else ""
        if art is not None and _town_named_like_a_noun(m, art, nouns, gazetteer, curation):
            return True
        if lang == "de" and art is not None and m.label == "place" and _people_of_the_place(m, art, nouns, curation):
            return True
        if m.source in ("gazetteer", *COPIED_SOURCES) and (m.entity_hint or "").startswith("geonames:"):
            if gazetteer is not None and _alternate_name_is_a_word(m, lang, nouns, gazetteer):
                return True
            # A town named by an English word, where a sentence opens and its own article writes the word in
            # lower case ("Mobile phone sales ..." beside "involves a mobile"): the word, not Mobile, Alabama.
            # A name it is part of is no evidence of the town ("the Global Mobile Suppliers Association").
            return lang == "en" and art is not None and capital_only_where_sentences_open(m, art, in_names=True)
        if m.entity_hint or m.source not in MODEL_SOURCES:
            return False
        word = m.text
        if curation.owner_of(word) is not None or not nouns.knows(lang):
            return False
        if lang == "en" and acronym_noun(m):  # English's nouns: in German "ATV" is a television channel
            return True
        if not looks_ordinary(m, word, lang):
            return False
        # A name that a class noun introduces is one ("im sozialen Netzwerk Facebook"), but a plural
        # noun after a class noun is its object ("warfen der Gruppe Menschenrechtsverletzungen vor").
        tail = word.rpartition("-")[2]  # a compound counts by its last part ("Office-Dateien")
        plural = nouns.heads.get(tail, ("", ""))[1] == "p" and nouns.is_common(lang, tail)
        noun = word_before(art.text[max(0, m.start - 40) : m.start]) if art is not None else None
        if plural or noun is None or not is_class_noun(noun, lang):
            return True
        # After a compound ("Ausgabengruppe Verkehr", "Ausgabengruppe Restaurants") an ordinary word is a
        # category; after the class noun itself it is a name ("die Gruppe Idee und Klang", "firm Context").
        return noun.lower() not in APPOSITION_HEADS

    def looks_ordinary(m: Mention, word: str, lang: str) -> bool:
        if lettered(m):
            return True
        if " " not in word and "-" in word:
            # "<name>-<noun>" ("Youtube-Star", "Putin-Regierung", "FBI-Agent") is a description of
            # something else, not a name, when the corpus names the front alone; a compound whose head
            # is an organisation noun is one ("Max-Planck-Institut"), and so is "Coca-Cola".
            # An English person's name so written is double-barrelled ("Kilroy-Silk", "Duncan-Smith"): English
            # writes a description with its noun in lower case ("Blair-style").
            front, _, tail = word.rpartition("-")
            noun = tail in nouns.heads or nouns.is_common(lang, tail)  # any noun form: "Star" is a name too
            # (The model's label of this mention, or of any mention of the same word: "Kilroy-Silk".)
            surname = lang == "en" and (m.label == "person" or word in person_words) and tail[:1].isupper()
            # A German compound ending in a common noun's plural names a kind of things, whatever its front
            # ("Office-Dateien", "Android-Smartphones"): no name ends in a plural noun.
            plural = lang == "de" and nouns.heads.get(tail, ("", ""))[1] == "p" and nouns.is_common(lang, tail)
            return (front in alone or plural) and noun and not org_head(word) and not surname
        if " " in word or word in longer[m.article]:
            return False
        stem = genitive_stem(word)
        if (
            m.label == "person"
            # A German copy only propagation found ("Mann", "Rolle"): the model read the sentence and saw the noun
            # that German capitalises too; English capitalises names only ("Mr Grieve", "said Jobs").
            and (m.source not in COPIED_SOURCES or lang == "en")
            and name_clusters is not None
            and any(name_clusters(w, lang) for w in filter(None, (word, stem)))
            and (own := articles.get(m.article)) is not None
            and not opens_sentence(own.text, m.start)
        ):
            return False  # "erklärte Gates": the surname, not the plural of a gate
        if (
            m.source in COPIED_SOURCES
            and lang == "de"
            and (own := articles.get(m.article)) is not None
            and _DECLINED_BEFORE_DE.search(own.text, max(0, m.start - 40), m.start) is not None
            # a noun, whether or not a name too ("Mann" and "Kraft" are surnames as well)
            and any(nouns.is_noun(lang, w) for w in filter(None, (word, stem)))
        ):
            # A copy of a name where the model saw the noun it also is, after a possessive or a declined
            # adjective: "als politische Kraft", "Der 26-jährige Mann", "bei ihrem Mann".
            return True
        if lang != "en" and (word in bodies or stem in bodies):
            # A noun the dictionary lists that English text writes as a name ("Facebook", "Microsoft",
            # "Amazon") or that is an acronym ("FIFA", "BMW"), and that the model took for an organisation
            # or a place somewhere, names a brand or a body, not a thing; its mentions the model labelled
            # a person's join it ("Microsofts Vorgangsweise"). (Only ever a person's, it is a title or an
            # award as often: "den ersten Oscar".)
            return False
        # A compound of common nouns the dictionary lacks ("Nachfrageproblem") counts too, and where the model
        # says place only one whose head no place's name has ("Lebensmittelverschwendung", "Diplomatenkreisen"):
        # German names places and regions so ("Sowjetunion", "Mittelmeer", "Eisenstadt").
        compound = any(
            nouns.names_no_place(lang, w) if m.label == "place" else nouns.is_compound(lang, w)
            for w in filter(None, (word, stem))
        )
        common = compound or any(nouns.is_common(lang, w) for w in filter(None, (word, stem)))
        initial_only = lang == "en" and word not in inside
        clips = any(w.startswith(word) for w in longer[m.article])
        if word not in inside and nouns.written_lower(lang, word) and not consistent(word) and not clips:
            # Only ever where English capitalises any word ("Tsunami to cost Sri Lanka ...", "Hunt demo at
            # Labour meeting"), and a word English writes in lower case at least as often: nothing says it
            # is a name, unless it clips a longer name of its article ("Fed chief warning" beside the
            # Federal Reserve). So too a German adjective or adverb a sentence opens ("Stark betroffen
            # sind ...", "Munter wird der Parteisoldat ..."; "Kurz" after "Sebastian Kurz" is his).
            return True
        own = articles.get(m.article)
        if own is not None and not clips and capital_only_where_sentences_open(m, own):
            # Its own article writes the word in lower case, and with a capital only where a sentence opens
            # ("Digital sales in the US ..." beside "tops its digital chart"), whatever the model says there.
            return True
        return common and (m.label == "person" or not consistent(word) or initial_only)

    return _set_aside(mentions, ordinary)


#: What ends the text before a capitalised "The" inside a title: a capitalised word ("Romancing The Stone",
#: "Sex And The City"), or "of" after one ("Shaun of The Dead").
_TITLE_WORDS_BEFORE_THE = re.compile(r"(?:[A-Z][\w'’-]*|[A-Z][\w'’-]*[ \t]+of)[ \t]+\Z")


def _capital_only_first(text: str, word: str, *, in_names: bool = False) -> bool:
    """Whether every capitalised occurrence of ``word`` in ``text`` opens a sentence, a line or the text, or,
    ``in_names``, is a word of a longer name, a capitalised word before or after it ("Mobile networks seek
    turbo boost" beside "the Global Mobile Suppliers Association")."""
    return all(
        opens_sentence(text, found.start())
        or (
            in_names
            and (
                _NAME_WORD_AROUND.search(text, max(0, found.start() - 30), found.start()) is not None
                or _NAME_WORD_AFTER.match(text, found.end()) is not None
            )
        )
        for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    )


def _lower_or_singular_in(low: str, words: Set[str]) -> bool:
    """Whether a word in lower case, or its English singular ("mobiles": "mobile"), is one of ``words``."""
    return low in words or (low.endswith("s") and low[:-1] in words)


#: A capitalised word right before or after a word: the word is one of a longer name's.
_NAME_WORD_AROUND = re.compile(r"(?<![.!?:\n] )\b[A-Z][\w&'’-]*[ \t]+\Z")
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z]")


#: A capital letter alone after a name: "Group" + " B", "Gruppe" + " A".
_LETTER_AFTER = re.compile(r" [A-Z](?![\w'’-])")
#: What stands before a German noun and not before a name: a possessive, perhaps with a declined adjective
#: ("bei ihrem Mann", "ihr 52-jähriger Mann"), or an article, a determiner, "als" or "wie" and a declined
#: adjective ("Der 26-jährige Mann", "als politische Kraft"); not an article alone ("der Kreml").
_ADJECTIVE_DE = (
    r"(?!(?:d(?:er|ie|as|en|em|es)|(?:ein|kein|dies|jen|jed|mein|dein|sein|ihr|unser)(?:e|en|em|er|es))[ \t])"
    r"[a-zäöüß0-9][\w-]*(?:e|en|er|es|em)"
)
_DECLINED_BEFORE_DE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?i:(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|en|em|er|es)?)[ \t]+(?:{_ADJECTIVE_DE}[ \t]+)?"
    r"|(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|(?:kein|dies|jen|jed)(?:e|en|em|er|es)?|als|wie)"
    rf"[ \t]+{_ADJECTIVE_DE}[ \t]+"
    r")\Z"
)


#: A German article before a noun, perhaps with a declined adjective ("den Schweden", "dem jungen Polen").
_PEOPLE_ARTICLE_DE = re.compile(
    r"(?<![\w-])(?i:den|dem|des|die|der|einen|einem|eines|keinen)[ \t]+(?:[a-zäöüß][\w-]*(?:e|en|em|er|es)[ \t]+)?\Z"
)
#: Prepositions before "der" or "die" that make it a relative pronoun or a feminine article ("in der Bayern die
#: Grenzen erreicht", "auf die ..."): no article of the people's noun.
_PREPOSITIONS_DE = frozenset("in an auf aus bei mit nach von vor zu über unter für gegen durch um ohne".split())


def _people_of_the_place(m: Mention, art: Article, nouns: CommonNouns, curation: Curation) -> bool:
    """Whether a German place's name after an article is the noun for its people, whose weak masculine
    forms it shares ("zitiert MCV UK den Schweden", "dem Polen", "die Sachsen": der Schwede, der Pole, der
    Sachse): the country or region takes no article ("Schweden", "in Polen"). Not a noun of another gender
    ("dem Oman": die Oma)."""
    word = m.text
    if not word.endswith("n") or nouns.heads.get(word[:-1]) != (word[:-1], "m") or curation.owner_of(word) is not None:
        return False
    article = _PEOPLE_ARTICLE_DE.search(art.text, max(0, m.start - 40), m.start)
    if article is None:
        return False
    before = word_before(art.text[max(0, article.start() - 20) : article.start()])
    return not (
        before is not None and before.lower() in _PREPOSITIONS_DE and article.group(0)[:3].lower() in ("der", "die")
    )


def _town_named_like_a_noun(
    m: Mention, art: Article, nouns: CommonNouns, gazetteer: Gazetteer | None, curation: Curation
) -> bool:
    """A German common noun that is a town's name too (Wiktionary lists both readings), after an article:
    "das Essen", "die Halle", "der Kanton" (a town's name takes no article without an adjective between: "in
    Essen", "das alte Essen"), whoever found it: the model, the gazetteer or propagation from the town's
    mentions elsewhere. Only a town's: regions, rivers, seas and some countries take an article ("die Pfalz",
    "die Elbe", "die Türkei"), and so do the names of Vienna's districts, which are no nouns ("in der
    Donaustadt")."""
    if art.language != "de" or gazetteer is None or " " in m.text or m.source == "curated" or m.label != "place":
        return False
    if (m.entity_hint or "").startswith("curated:") or curation.owner_of(m.text) is not None:
        return False
    if m.text not in nouns.homographs.get("de", ()) or not after_article_de(art.text, m.start):
        return False  # "in der Donaustadt": a name that takes an article, no noun
    town = gazetteer.lookup(m.text, language="de")
    return town is not None and town.kind == "city"


def _alternate_name_is_a_word(m: Mention, lang: str, nouns: CommonNouns, gazetteer: Gazetteer) -> bool:
    """A gazetteer hit in running text whose words are an ordinary word of the language and none of the
    place's own names (its name, its names in the languages the gazetteer knows, their genitives)."""
    hint = m.entity_hint or ""
    if not hint.startswith("geonames:") or not hint[9:].isdigit() or not nouns.knows(lang):
        return False
    stem = genitive_stem(m.text)
    if not (nouns.is_common(lang, m.text) or (stem is not None and nouns.is_common(lang, stem))):
        return False
    place = gazetteer.by_id(int(hint[9:]))
    if place is None:
        return False
    own = {fold(place.name), *(fold(name) for _, name in place.names)}
    return fold(m.text) not in own and (stem is None or fold(stem) not in own)


#: A name given as a title in fewer than one in ``WIDE_TITLE_SHARE`` of the articles that name it, when at least
#: ``WIDE_TITLE_ARTICLES`` do, is a title only where it is given as one.
WIDE_TITLE_ARTICLES = 10
WIDE_TITLE_SHARE = 10


def _without_titles_of_works(
    mentions: Sequence[Mention], articles: Mapping[str, Article], curation: Curation, nouns: CommonNouns | None = None
) -> tuple[list[Mention], list[Mention]]:
    """Mentions minus the titles of films, books, songs and shows ("the comedy Sideways", "der Film „Sideways“"),
    of laws and treaties ("Anglo-Irish Agreement", "Vertrag von Lissabon": :func:`law_name`), and the
    names of events, competitions and awards ("Hopman Cup", "Australian Open", "Celtic League":
    :func:`event_name`; "the Oscars", "ein Bafta": :func:`award_name`). An event's name that some mention
    gives a voice or an office (:func:`speaks_as_body`, :func:`names_an_employer`: "the Arab League said",
    "Arab League chief Amr Moussa") is a body's and stays.

    A name that the corpus gives as a title (:func:`work_title`: after a genre noun, in apposition
    to one, in a list a plural genre noun opens)
    or a product's (:func:`product_name`: "the Cell processor", where such cues outnumber a company's words
    around the same name: "Microsoft said", "Sony's")
    is a work's title, and so is every other mention of the same text that only
    the model or propagation found: the model tags titles as persons ("Vera
    Drake"), places ("Sideways") or organisations. A curated name, a gazetteer
    place and a longer name that contains the title stay. A name the model cut out of a
    longer English title ("the Prisoner of Azkaban": :func:`title_fragment`) goes at that
    mention only: the same word elsewhere may be a name.
    """
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)  # of English articles: title_fragment's
    for m in mentions:
        if (art := articles.get(m.article)) is not None and art.language == "en":
            spans[m.article].append((m.start, m.end))
    fragments: set[tuple[str, int, int]] = set()
    titles: set[str] = set()
    titled_in: dict[str, set[str]] = defaultdict(set)  # a title's text -> the articles that give it as one
    events: set[str] = set()
    products: dict[str, set[str]] = defaultdict(set)  # a product's name -> the articles that give it as one
    voiced: set[str] = set()
    product_cues: Counter[str] = Counter()
    said: set[tuple[str, int, int]] = set()  # mentions given a voice or an office
    parts: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        art = articles.get(m.article)
        if art is None or m.source not in MODEL_SOURCES:
            continue
        named = partial(_covered, spans[m.article])
        if (
            art.language == "en"
            and (
                title_fragment(art.text, m.start, m.end, art.language, named, after=m.label != "person")
                or (
                    nouns is not None
                    and title_after_common_word(art.text, m.start, art.language, named, partial(nouns.is_common, "en"))
                )
            )
            and curation.owner_of(m.text) is None
        ):
            fragments.add(m.key)
        if not m.entity_hint:
            before = art.text[max(0, m.start - 60) : m.start]
            capital_the = after_capital_the(art.text, m.start, m.text, art.language)
            if capital_the and _TITLE_WORDS_BEFORE_THE.search(art.text, max(0, m.start - 40), m.start - 4):
                # The end of a longer title ("Sex And The City", "Shaun of The Dead"): the word there only.
                fragments.add(m.key)
            elif (
                capital_the
                or work_title(art.text, m.start, m.end, art.language)
                or law_name(m.text)
                or award_name(m.text, before, art.text[m.end : m.end + 20])
                or title_cased(m.text, art.language)
            ):
                titles.add(m.text)
                titled_in[m.text].add(m.article)
            elif product_name(art.text, m.start, m.end, art.language):
                # "the Cell processor"; kept below if the corpus gives it a company's words
                products[m.text].add(m.article)
                product_cues[m.text] += 1
            elif event_name(m.text):
                events.add(m.text)
                # Its short forms in the same article: an acronym ("Consumer Electronics Show (CES)") and its
                # first word, but a place's ("the Champions", "Celtic" after "Celtic League").
                short = _DEFINED_SHORT_FORM.match(art.text, m.end)
                parts[(m.article, m.text)] = {*_acronyms(m.text), m.text.split()[0], *(short.groups() if short else ())}
        if speaks_as_body(art.text, m.end, art.language) or names_an_employer(art.text, m.end, art.language):
            voiced.add(m.text)  # "the Arab League said", "Arab League chief Amr Moussa": a body, no event
            said.add(m.key)
    titles |= events - voiced
    # A product's name against a company's: the words around its mentions weigh, a voice twice ("Windows said
    # Dominic Hirsch" is a lost comma against ten of "the Windows operating system"), a possessive or a class
    # noun once ("Sony's", "the software firm Argonaut"; a product has a possessive too: "Xbox's").
    firm: Counter[str] = Counter()
    for m in mentions:
        if m.text not in products or m.source not in MODEL_SOURCES or (art := articles.get(m.article)) is None:
            continue
        if m.key in said:
            firm[m.text] += 2
        elif art.text.startswith(("'s", "’s"), m.end) or introduced_by_class_noun(
            art.text[max(0, m.start - 60) : m.start], art.language
        ):
            firm[m.text] += 1
    for text, where in products.items():
        if product_cues[text] > firm[text]:
            titles.add(text)
            titled_in[text] |= where
    # A name the words around it give as a title in few of the many articles that name it ("no single EU
    # customs office" against 150 articles on the EU) is a title there only: one sentence is no proof against
    # a whole corpus.
    named_in: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.text in titled_in:
            named_in[m.text].add(m.article)
    local = {
        text
        for text, where in titled_in.items()
        if text not in events
        and len(named_in[text]) >= WIDE_TITLE_ARTICLES
        and len(where) * WIDE_TITLE_SHARE < len(named_in[text])
    }
    titles -= local
    of_events: set[tuple[str, str]] = {
        (article, part)
        for (article, name), names in parts.items()
        if name in titles and " " in name
        for part in names - {name}
    }

    # Surnames of the people each article names in full: "Stone" beside "Frank Stone" is his, whatever
    # title another article gives the word.
    surnames: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "person" and len(words := m.text.split()) > 1:
            surnames[m.article].add(words[-1])

    def title(m: Mention) -> bool:
        return (
            m.key in fragments
            or (m.text in local and m.article in titled_in[m.text])
            or (
                (
                    (m.text in titles and m.text not in surnames[m.article])
                    # a town's name before an event's ("Tokyo Motor Show") is still the town's
                    or (
                        (m.article, m.text) in of_events
                        and m.text not in voiced
                        and (m.label != "place" or is_acronym(m.text))
                    )
                )
                and m.source in MODEL_SOURCES
                and not m.entity_hint
                and curation.owner_of(m.text) is None
            )
        )

    return _set_aside(mentions, title)


def _without_orphaned_surnames(
    mentions: Sequence[Mention], suppressed: Sequence[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """Mentions minus the one-word copies propagation found of a longer name that was then set aside in the
    same article, where no other longer name of the article ends in it: "Rock" of the song "Jailhouse Rock"
    ("Rock 'n' roll legend Elvis"), "Springer" of the show "Jerry Springer: The Opera". The article's own
    name for it is gone, and a namesake's from another article (Chris Rock, Axel Springer) it is not."""
    gone: dict[str, set[str]] = defaultdict(set)
    for m in suppressed:
        if len(words := skeleton(m.text).split()) > 1:
            gone[m.article].add(words[-1])
    if not gone:
        return list(mentions), []
    kept: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if len(words := skeleton(m.text).split()) > 1:
            kept[m.article].add(words[-1])

    def orphan(m: Mention) -> bool:
        if m.source not in COPIED_SOURCES or " " in m.text:
            return False
        key = skeleton(m.text)
        return key in gone.get(m.article, ()) and key not in kept[m.article]

    return _set_aside(mentions, orphan)


def _without_sigils(
    mentions: Sequence[Mention], articles: Mapping[str, Article]
) -> tuple[list[Mention], list[Mention]]:
    """Mentions minus the German names written small ("dpa", "taz") that no article uses outside a
    parenthesis: an editor's or author's sigil in a credit line ("(red, 4.8.2015)", "(APA, red)",
    "(mahr, 12.1.2016)") is no body's name. One that running text uses ("sagte der dpa") is a name
    wherever it stands."""

    def small(m: Mention) -> bool:
        art = articles.get(m.article)
        return (
            m.text[:1].islower()
            and " " not in m.text
            and m.source in MODEL_SOURCES
            and art is not None
            and art.language == "de"
        )

    def bracketed(m: Mention) -> bool:
        text = articles[m.article].text
        opened = text.rfind("(", max(0, m.start - 30), m.start)
        closes = text.find(")", m.end, m.end + 30)
        return opened >= 0 and closes >= 0 and ")" not in text[opened : m.start] and "(" not in text[m.end : closes]

    written = [m for m in mentions if small(m)]
    in_text = {m.text for m in written if not bracketed(m)}
    return _set_aside(mentions, lambda m: small(m) and m.text not in in_text)


@lru_cache(maxsize=8)
def _said_after(language: str) -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, SPEECH_VERBS.get(language, SPEECH_VERBS["en"])), key=len, reverse=True))
    return re.compile(rf"[ \t]+(?:(?:has|had|have|hat|hatte)[ \t]+)?(?:{verbs})\b")


def speaks_as_body(text: str, end: int, language: str) -> bool:
    """Whether the name ending at ``end`` is the subject of a verb of saying ("the Arab League said",
    "die Liga erklärte"): a body speaks, an event or a competition does not."""
    return _said_after(language).match(text, end) is not None


def _covered(spans: Sequence[tuple[int, int]], at: int) -> bool:
    return any(start <= at < end for start, end in spans)


def _set_aside(mentions: Sequence[Mention], test: Callable[[Mention], bool]) -> tuple[list[Mention], list[Mention]]:
    """(the mentions ``test`` keeps, the ones it sets aside), each judged once."""
    kept: list[Mention] = []
    aside: list[Mention] = []
    for m in mentions:
        (aside if test(m) else kept).append(m)
    return kept, aside


#: Organisation head nouns that are surnames too ("Margaret Court", "Tony Banks").
_SURNAME_HEADS = frozenset({"court", "bank", "banks", "trust", "board", "post"})


def _vote_type(
    ms: Sequence[Mention],
    lang_of: Mapping[str, str] | None = None,
    weights: Mapping[str, float] | None = None,
    *,
    place_evidence: bool = False,
    unnamed: UnnamedPersons | None = None,
    referred: Set[tuple[str, int, int]] = frozenset(),
    described: Set[tuple[str, int, int]] = frozenset(),
    branch: bool = False,
    coordinated: Mapping[tuple[str, int, int], EntityType] | None = None,
    teams: Set[tuple[str, int, int]] = frozenset(),
    annotated: Sequence[EntityType] = (),
    classed: Set[tuple[str, int, int]] = frozenset(),
    shaped_like_person: bool = False,
    body_named: bool = False,
    initials: int | None = None,
    placed: Set[tuple[str, int, int]] = frozenset(),
    collective: Set[tuple[str, int, int]] = frozenset(),
    nouned: Set[tuple[str, int, int]] = frozenset(),
    place_name: bool = False,
    abbreviated: Set[tuple[str, int, int]] = frozenset(),
) -> EntityType:
    """Weighted majority of the mentions' labels.

    A model's vote weighs its own NER F1 (``type_weights`` by article language);
    curated and gazetteer evidence, and a team sheet's (source "sheet"), weighs 2; an entity the gazetteer knows as a
    place (``place_evidence``) is one unless curated evidence says otherwise; a name with a legal form or an
    organisation head noun weighs 1.5 for organization, and is never a person's without curated
    or gazetteer evidence (unless the head is a surname too: :data:`_SURNAME_HEADS`), nor a place's
    without that evidence or a place noun before it ("India Petrochemicals Limited", whose acronym the model calls
    a place); ties go by TYPE_ORDER.
    A copy propagation made of a confident name (source "propagated") weighs ``COPY_WEIGHT`` of a model's
    reading: it repeats the label the model gave the name elsewhere ("Black Sabbath have topped", three
    copies of one "person", against the plural verbs around them).
    Weak votes weigh ``WEAK_WEIGHT``: a name cut out of a list the model labelled
    as one (source "list"), and a short form in an article that also gives the
    full name ("Cueto" after "Mark Cueto", "Van der Bellen" after "Alexander Van der
    Bellen"): a surname alone tells a model less,
    unless it says "person" ("said Cragg" outvotes "Ireland's Alistair Cragg" as
    an organisation: organisations are hardly ever named by their last word).
    A "person" that no mention names as one (``unnamed``: :class:`UnnamedPersons`), and that no
    words around it describe as one (``described``: :func:`described_as_person`), loses its person votes: the other votes decide, and with none it is an
    organisation (a one-word name no dictionary of given names and surnames
    knows is a company, brand or body far more often). A name of a national
    branch (``branch``: :func:`national_branch`) or of a team named by its town (:func:`team_name`)
    weighs 1.5 for organization. A mention coordinated with names the model agrees on
    (``coordinated``: :func:`coordinated_types`) votes 1 for their type too. A town's name that
    stands for its team (``teams``: :func:`town_teams`) is evidence of an organisation. The type
    annotated news gives one of its words most often (``annotated``:
    :meth:`generator.lexicon.CommonNouns.annotated_type`: "Reuters" an organisation) votes 1.25 per word.
    A capital initial and one word (:func:`initial_and_surname`: "S Lamont") weighs 1.5 for person at each
    mention so written or so listed (``initials``: their number, with the one-word names a list item's
    initial opens, :func:`after_initial`, and without compass letters before countries: "S Korea"), and so
    does a given name and a surname as a large corpus uses them (``shaped_like_person``: :func:`person_shaped`).
    A club's name by its town ("Manchester United") or a company's national branch whose first word is no
    given name ("Ikea Österreich"; not "Joe Jordan") is no person's (``body_named``: :func:`body_name`).
    A mention a class noun of organisations introduces (``classed``: :func:`introduced_as_organisations`:
    "gas monopoly Gazprom", "der Ölkonzern Rosneft"), or an office only a body has and its holder
    (:func:`named_as_employers`: "Electrolux chief executive Hans Straberg"), weighs 1.5 for organization, and such an entity
    is no person's or place's without curated or gazetteer evidence. A mention a noun for a kind of place
    introduces (``placed``: :func:`generator.lexicon.introduced_as_place`: "die Ortschaft Zambana Vecchia",
    "the town of Sale") weighs 1.5 for place, and such an entity is no person's. A mention a plural verb
    agrees with (``collective``: :func:`agreeing_as_collectives`: "Chester have won"), or whose stock or accounts
    the words around it name (:func:`traded_as_companies`: "Pfizer shares"), votes 1 for organization. A
    mention a noun for a person names (``nouned``: :func:`named_by_person_noun`: "the anti-immigration politician
    Pim Fortuyn", "Dutch coach Rinus Michels") weighs 1.5 for person. A one-word name the gazetteer knows
    as a country's, a region's or a large town's (``place_name``: "Wales have won two of their last three")
    is no person's on the model's word alone: without words around it that say a person, or a name
    shaped like one, the other votes decide, and with none it is the place. Nor is a name news abbreviates
    in brackets after it (``abbreviated``: :func:`abbreviated_in_brackets`, "the Academy of Motion Pictures
    Arts and Sciences (Ampas)", whose acronym the English model calls a person three times): the other
    votes decide, and with none it is an organisation; such a name votes 1 for organization.
    """
    if place_evidence and not any(m.has_evidence and _evidence_label(m) != "place" for m in ms):
        return "place"  # the gazetteer's word against the model's alone: a place
    votes: dict[EntityType, float] = defaultdict(float)
    organisation_named = False
    club = False
    for text in sorted({m.text for m in ms}):
        if org_evidence(text):
            votes["organization"] += 1.5
            # A head noun that is a surname too ("Margaret Court") is no proof against a person.
            organisation_named = organisation_named or text.split()[-1].lower() not in _SURNAME_HEADS
        if club_prefixed(text):
            votes["organization"] += 1.5
            club = True
    if branch:
        votes["organization"] += 1.5
    if any(m.key in abbreviated for m in ms):
        votes["organization"] += (
            1.0  # a body's name spelt out and abbreviated ("... (Gavi)"); a place's has the gazetteer
        )
    if initials is None:
        initials = sum(initial_and_surname(m.text) for m in ms)
    # "S Lamont", "A Masi" in a team sheet the model read as organisations: each such mention.
    votes["person"] += 1.5 * initials
    if shaped_like_person:
        votes["person"] += 1.5  # "Jeremy Irons", "Guy Roux": the English model calls them organisations
    for etype in annotated:
        votes[etype] += ANNOTATED_WEIGHT
    # The last words of a longer name in the same article ("Cueto" of "Mark Cueto", "Van der Bellen" of
    # "Alexander Van der Bellen").
    full_names = {
        (m.article, " ".join(words[i:])) for m in ms if len(words := m.text.split()) > 1 for i in range(1, len(words))
    }
    introduced = any(m.key in classed for m in ms)
    for m in ms:
        if m.key in classed:
            votes["organization"] += 1.5
        if m.key in placed:
            votes["place"] += 1.5
        if m.key in teams:
            votes["organization"] += 2.0  # the words around it say a team, whatever the label
        elif m.has_evidence or m.source == "sheet":  # (a line-up's player or team: its layout says which)
            votes[_evidence_label(m)] += 2.0
        elif m.source == "repeated":
            pass  # its label is the one reading the article gave it ("The TfL campaign" a person's): no new vote
        else:
            weight = (weights or {}).get((lang_of or {}).get(m.article, ""), 1.0)
            # A surname the model calls a person's in its own sentence ("said Cragg") is not weak:
            # an organisation is hardly ever named by its last word alone.
            short = (m.article, m.text) in full_names and m.label != "person"
            weak = m.source == "list" or short
            votes[m.label] += weight * (WEAK_WEIGHT if weak else COPY_WEIGHT if m.source == "propagated" else 1.0)
        if m.key in referred:
            votes["person"] += 1.0  # "Ferrero insists he ...", "Pullman, who ..."
        if m.key in nouned:
            votes["person"] += 1.5  # "the anti-immigration politician Pim Fortuyn", "Dutch coach Rinus Michels"
        if m.key in collective:
            votes["organization"] += 1.0  # "Chester have won only two of their last 10"
        if coordinated and m.key in coordinated:
            votes[coordinated[m.key]] += 1.0  # "Cate Blanchett, Leonardo DiCaprio and Richard Gere"
    winner = sorted(votes, key=lambda t: (-round(votes[t], 9), TYPE_ORDER.index(t)))[0]
    # Curated or gazetteer evidence, or a line-up's layout that agrees ("CA del Fava" a player), outweighs what
    # a name's words suggest.
    firm = any(m.has_evidence or (m.source == "sheet" and m.label == winner) for m in ms)
    if winner != "organization" and club and not firm:
        return "organization"  # "SC Wiener Neustadt", "VfB Stuttgart": a club, whatever its town's mentions say
    if winner == "person" and (organisation_named or body_named) and not firm:
        # No one is called "Jet Airways", "Acme GmbH" or "Manchester United", however often a model says so.
        return "organization"
    if winner == "place" and organisation_named and not firm and not any(m.key in placed for m in ms):
        # "India Petrochemicals Limited" (its acronym "IPCL" a place by the model's word): no place is named
        # with a legal form or an organisation's head noun that the gazetteer does not know (it was asked first)
        return "organization"
    if winner != "organization" and introduced and not firm:
        return "organization"  # "the surfwear firm Quiksilver" is no place, "the carmaker Ford" no person
    if winner == "person" and any(m.key in placed for m in ms) and not firm:
        return "place"  # "der Ortschaft Zambana Vecchia": Vecchia is a surname too
    if winner == "person" and any(_named_as_building(m.text) for m in ms) and not firm:
        return "place"  # "Johnny Carson Theater", "St James' Park": a building named after someone
    if (
        winner == "person"
        and unnamed is not None
        and not initials
        and not any(m.key in described for m in ms)
        and unnamed(ms)
    ):
        # (Unless the words around it describe a person: "Barcelona star Ronaldinho", "Kaka, 24, said"; or a
        # team sheet names it by an initial, as lists name people: "A Mehrtens (New Zealand)".)
        del votes["person"]  # the other evidence decides; with none, an organisation, or a place by its head noun
        fallback: EntityType = (
            "place" if any(m.text.split()[-1].lower() in _PLACE_HEADS for m in ms) else "organization"
        )  # "Trafalgar Square", "Wilmslow Road"
        winner = sorted(votes, key=lambda t: (-round(votes[t], 9), TYPE_ORDER.index(t)))[0] if votes else fallback
    if winner == "person" and not firm and any(m.key in abbreviated for m in ms):
        del votes["person"]  # no one's name is spelt out and abbreviated in brackets
        winner = sorted(votes, key=lambda t: (-round(votes[t], 9), TYPE_ORDER.index(t)))[0] if votes else "organization"
    if (
        winner == "person"
        and place_name
        and not firm
        and not initials
        and not shaped_like_person
        and not any(m.key in described or m.key in nouned or m.key in referred for m in ms)
    ):
        del votes["person"]
        winner = sorted(votes, key=lambda t: (-round(votes[t], 9), TYPE_ORDER.index(t)))[0] if votes else "place"
    return winner


_ADDRESSED = re.compile(r"\b(\w+)\.?[ \t\u00a0]+\Z")

#: Words that refer back to a person and to nothing else, by language: English "he", "she", "his",
#: "who" but with a plural verb ("St Helens, who are": a team; an organisation is "it", "which"; "him" and
#: "her" are as often someone else); German
#: "er" only ("sie" is also "they" and a feminine noun's pronoun, "sein" also a neuter noun's).
PERSON_PRONOUNS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^[,\s]*who\b(?![ \t]+(?:are|were|have)\b)|\b(?:he|she|his)\b", re.IGNORECASE),
    "de": re.compile(r"\ber\b"),
}
#: A name after a preposition is no sentence's subject ("economist at Royal Bank of Scotland, said he").
_PREPOSITION_BEFORE: dict[str, re.Pattern[str]] = {
    # (with a determiner or a possessive between: "in a Beverly Hills park", "on Greece's Alter Television")
    "en": re.compile(
        r"\b(?i:at|to|from|of|for|with|by|in|on|against|over|under|about|into|than|like|and)\s+"
        r"(?:(?i:the|a|an|his|her|its|their|this|that)\s+|[A-Z][\w.&-]*(?:['’]s|['’])\s+)?\Z"
    ),
    "de": re.compile(
        r"\b(?:bei|beim|von|vom|zu|zum|zur|mit|für|gegen|aus|nach|an|am|in|im|auf|über|unter|vor|neben|"
        r"zwischen|laut|trotz|wegen|und)\s+(?:(?:der|die|das|den|dem|des)\s+)?\Z",
        re.IGNORECASE,
    ),
}
_SENTENCE_END = re.compile(r"[.!?;:]\s")
#: An age in apposition right after a name: ", 40," / ", aged 40," / " (27)".
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,2},|\s?\(\d{1,2}\)")
#: An English apposition after a name: a comma and the words up to the next mark ("said Jean-Philippe
#: Cotis, the OECD's chief economist.").
_APPOSITION_AFTER_EN = re.compile(r",[ \t]+([^,.;:!?()\n]{1,60})")
#: Words that open a clause or a phrase, not an apposition ("Arsenal, whose striker ...", "Hustle & Flow,
#: about an aspiring rapper", "..., while actor Christopher Lee").
_NOT_APPOSITION = frozenset(
    "who whose which where when while and but or nor with that as after before about from in on at for of by to into"
    " than like including".split()
)
#: Nouns that head a person's apposition only ("Rinat Akhmetov, the country's richest man"): before a name they
#: are a compound's end ("10-man Magpies").
_PEOPLE_HEADS_EN = frozenset({"man", "woman"})
#: What may follow the noun that heads an apposition ("chair of the judging panel", "lawyer for the family").
_AFTER_HEAD = frozenset("of for at to with in on".split())
#: A person noun and a comma right before a name ("Kenteris's lawyer, Gregory Ioannidis").
_NOUN_COMMA_BEFORE = re.compile(r"\b([a-z]+),[ \t]+\Z")


def introduced_as_organisations(
    mentions: Sequence[Mention], articles: Mapping[str, Article]
) -> frozenset[tuple[str, int, int]]:
    """Mentions right after a class noun of organisations (:func:`generator.lexicon.introduced_by_class_noun`:
    "the surfwear firm Quiksilver", "gas monopoly Gazprom", "des Ölkonzerns Rosneft"): news introduces a
    company or body so, never a person or a place, whatever the model's label ("Autohersteller Skoda")."""
    out = set()
    for m in mentions:
        art = articles.get(m.article)
        if art is not None and (
            introduced_by_class_noun(art.text[max(0, m.start - 40) : m.start], art.language)
            or (art.language == "en" and _described_as_organisation(art.text, m.end))
        ):
            out.add(m.key)
    return frozenset(out)


#: What may follow the class noun that heads an organisation's apposition: its end, a preposition or a relative
#: pronoun ("Gazprom, the state gas firm which opted out", "Gazprom, the Russian state-owned company that").
#: Not "with", "at" or "for": "Jo Flaherty, a senior broadcaster with the CBS network" is the network's employee.
_AFTER_CLASS_HEAD = frozenset({"of", "in", "on", "to", "which", "that", "whose", "and"})


def _described_as_organisation(text: str, end: int) -> bool:
    """Whether an English apposition after the name at ``end`` is headed by a class noun of organisations
    (:func:`is_class_noun`): "Gazprom, the state gas firm which ...", "Euronext, the Paris-based
    exchange,". Its determiner opens it, and the noun stands within six words; not "a firm's" (a possessive
    modifies), nor a person's noun after it ("Sony, the electronics group's boss")."""
    after = _APPOSITION_AFTER_EN.match(text, end)
    if after is None:
        return False
    words = after.group(1).split()
    if not words or words[0].lower() not in ("the", "a", "an"):
        return False
    for i, word in enumerate(words[1:7], start=1):
        if is_class_noun(word, "en"):
            return i + 1 == len(words) or words[i + 1] in _AFTER_CLASS_HEAD
    return False


def named_as_employers(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> frozenset[tuple[str, int, int]]:
    """Mentions right before an office that only a firm, a body or a team has and its holder's name
    (:func:`generator.lexicon.names_an_employer`: "Electrolux chief executive Hans Straberg", "Villa
    chairman Doug Ellis"): evidence of the type, as a class noun before a name is, but no clue to which
    longer name a short one is ("Newcastle boss Graeme Souness" is not "BBC Newcastle")."""
    return frozenset(
        m.key
        for m in mentions
        if (art := articles.get(m.article)) is not None and names_an_employer(art.text, m.end, art.language)
    )


def referred_to_as_persons(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    described: Set[tuple[str, int, int]] | None = None,
) -> frozenset[tuple[str, int, int]]:
    """Mentions that a person's pronoun refers back to, before any other name in the same sentence
    ("Ferrero insists he can ...", "Pullman, who had told him"), that an age follows ("Keanu Reeves,
    40, said", "Mustafa S. (27)"), or that a noun of kinship precedes ("daughter Victoria", "Tochter
    Victoria"), or in English a lower-case noun for what only a person is (:data:`PERSON_NOUNS_EN`:
    "comedian Sacha Baron Cohen", "striker Dimitar Berbatov"): grammar's evidence of a person, which a small model's label on a surname ("Ferrero"
    the chocolate maker) does not outweigh.
    A name after a preposition is left out: the pronoun is then the subject's. ``described``: the mentions
    :func:`described_as_person` holds for, when they are known already."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    found: set[tuple[str, int, int]] = set()
    for art_id, ms in by_article.items():
        art = articles.get(art_id)
        pattern = PERSON_PRONOUNS.get(art.language) if art is not None else None
        if art is None or pattern is None:
            continue
        before = _PREPOSITION_BEFORE[art.language]
        starts = sorted(m.start for m in ms)
        for m in ms:
            if (m.key in described) if described is not None else described_as_person(m, art):
                found.add(m.key)
                continue
            if before.search(art.text[max(0, m.start - 20) : m.start]):
                continue
            nxt = bisect.bisect_right(starts, m.start)
            stop = min(starts[nxt] if nxt < len(starts) else len(art.text), m.end + 80)
            window = art.text[m.end : stop]
            end = _SENTENCE_END.search(window)
            if pattern.search(window[: end.start() if end else len(window)]):
                found.add(m.key)
    return frozenset(found)


def agreeing_as_collectives(
    mentions: Sequence[Mention], articles: Mapping[str, Article]
) -> frozenset[tuple[str, int, int]]:
    """English mentions a plural verb agrees with (:func:`generator.lexicon.plural_verb_agrees`: "Chester
    have won only two", "Chester were bottom of League Two"): British English makes a team, a firm or a
    body plural, and no person's name takes "have" or "were", so the mention is a body's, whatever the
    model labelled it ("Chester", a town too small for the gazetteer, the English model's person). A plural
    word is no evidence ("the Beatles were": a band, but "the Kennedys were" a family)."""
    out = set()
    for m in mentions:
        art = articles.get(m.article)
        if art is None or art.language != "en" or m.text.endswith("s"):
            continue
        if plural_verb_agrees(art.text, m.start, m.end):
            out.add(m.key)
    return frozenset(out)


#: What only a company's name stands before in English ("Pfizer shares", "Sony Ericsson's profits"), and after
#: ("shares in Parmalat", "a stake in Wembley"): its stock, its holders and its accounts.
_TRADED_AFTER_EN = re.compile(
    r"(?:['’]s)?[ \t]+(?:shares|share price|shareholders|stock price|pre-tax profits?|profits|net profit|revenues)\b"
)
_TRADED_BEFORE_EN = re.compile(r"\b(?:shares|stake|stakes|holding) in[ \t]+\Z")


def traded_as_companies(
    mentions: Sequence[Mention], articles: Mapping[str, Article]
) -> frozenset[tuple[str, int, int]]:
    """English mentions whose stock, holders or accounts the words around them name ("Pfizer shares fell",
    "Sony Ericsson's profits tripled", "shares in Parmalat"): a company's, a vote as a plural verb's is
    (:func:`agreeing_as_collectives`); a market's town is a place by the gazetteer's word ("Tokyo shares")."""
    out = set()
    for m in mentions:
        art = articles.get(m.article)
        if art is None or art.language != "en":
            continue
        if _TRADED_AFTER_EN.match(art.text, m.end) or _TRADED_BEFORE_EN.search(
            art.text[max(0, m.start - 20) : m.start]
        ):
            out.add(m.key)
    return frozenset(out)


#: A comma and a name of one to three capitalised words that ends a phrase: where a town's county or state
#: stands ("at Hatfield, Hertfordshire, where", "in Springfield, Illinois."); not an item of a list of names,
#: which a comma and a capitalised word go on ("Abbott, Noon, Paul, Robinson": Paul is a Cape Verdean county).
_SUBDIVISION_AFTER = re.compile(
    r",[ \t]+([A-ZÄÖÜ][\w'’-]+(?:[ \t][A-ZÄÖÜ][\w'’-]+){0,2})(?=[ \t]*(?:[.;:)]|,[ \t]+[a-zäöüß]|\n|\Z))"
)


def located_in_subdivision(m: Mention, art: Article, gazetteer: Gazetteer | None) -> bool:
    """Whether a state, county or province (an ISO 3166-2 subdivision of the gazetteer) follows the mention
    after a comma, as news locates a town too small for the gazetteer's finding ("the line at Hatfield,
    Hertfordshire", where the model called "Hatfield" a person twice). A country after the comma is no
    evidence, nor a region before one: lists of countries, regions and their sides are written so ("Wales,
    England and Scotland", "Leinster, Munster, Ulster")."""
    if gazetteer is None:
        return False
    after = _SUBDIVISION_AFTER.match(art.text, m.end)
    if after is None or after.group(1) == m.text:
        return False
    place = gazetteer.lookup(after.group(1), language=art.language)
    if place is None or place.kind != "subdivision":
        return False
    # Not a list of regions ("Leinster, Munster, Ulster and Connacht", the provinces' rugby sides too).
    itself = gazetteer.lookup(m.text, language=art.language)
    return itself is None or itself.kind == "city"


#: An abbreviation in brackets right after a name: "(Ampas)", "(GAVI)", "(ADSS)".
_ABBREVIATION_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z&]{1,9})[ \t]*\)")


def abbreviated_in_brackets(m: Mention, art: Article) -> bool:
    """Whether a name of two words or more is followed by its abbreviation in brackets, as news spells out
    and shortens a body's name ("the Global Alliance for Vaccines and Immunisation (Gavi)"; the letters
    taken in order from its words: :func:`generator.names.abbreviates`); nobody's name is written so."""
    if " " not in m.text:
        return False
    after = _ABBREVIATION_AFTER.match(art.text, m.end)
    if after is None or after.group(1) == m.text:
        return False
    short = after.group(1).upper()
    # It opens with the name's initial and takes the initials of two of its words at least: not a country's
    # code after an athlete ("Francois Braud (FRA)", "Tyler Butterfield (BER)") or a spelling ("(Netschaew)").
    initials = [w[0].upper() for w in m.text.replace("-", " ").split() if w[:1].isupper()]
    return (
        bool(initials)
        and short[0] == initials[0]
        and len(set(short) & set(initials)) >= 2
        and abbreviates(after.group(1), m.text)
    )


def described_as_person(m: Mention, art: Article) -> bool:
    """Whether the words around a mention describe a person: an age after it ("Keanu Reeves, 40, said",
    "Mustafa S. (27)"), a noun for a person (:func:`named_by_person_noun`), or a verb of speaking it is
    the subject of, with the model's person label (:func:`speaks_as_person`)."""
    return _AGE_AFTER.match(art.text, m.end) is not None or named_by_person_noun(m, art) or speaks_as_person(m, art)


#: A verb of speaking right before a name, its inverted subject ("..., said Smith.", "..., sagt Sisto.",
#: "..., so Kirby."): not "told", whose object is often a newsroom ("told Reuters").
_SPEAKING_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:said|says|added|adds|insisted|explained)[ \t]+\Z"),
    "de": re.compile(
        r"(?:\b(?:sagt|sagte|erklärt|erklärte|betont|betonte|meint|meinte|ergänzt|ergänzte)|,[ \t]*so)[ \t]+\Z"
    ),
}
#: What follows such a subject: a mark. Not a word: "said Defra had improved" (the name opens the reported
#: clause), "said Ulster man Humphreys", "said GW Pharma executive chairman".
_AFTER_SPEAKER = re.compile(r"[ \t]*[.,;:!?)]")


def speaks_as_person(m: Mention, art: Article) -> bool:
    """Whether a mention the model labelled a person is the inverted subject of a verb of speaking
    (:data:`_SPEAKING_BEFORE`: "Ich fühle mich hier zu Hause, sagt Sisto."): the grammar agrees with
    the model. Only with its label: companies speak too ("said Microsoft" is rare, but not "so Siemens")."""
    pattern = _SPEAKING_BEFORE.get(art.language)
    return (
        m.label == "person"
        and pattern is not None
        and pattern.search(art.text, max(0, m.start - 20), m.start) is not None
        and _AFTER_SPEAKER.match(art.text, m.end) is not None
    )


def named_by_person_noun(m: Mention, art: Article) -> bool:
    """Whether a noun for a person names the mention: a noun of kinship before it ("daughter Victoria",
    "Tochter Victoria") or, in English, a lower-case noun for what only a person is (:data:`PERSON_NOUNS_EN`)
    before it ("comedian Sacha Baron Cohen", "his lawyer, Gregory Ioannidis"; not before a name an office
    follows, "the billionaire Bhs owner") or in apposition after it ("Jean-Philippe Cotis, the OECD's chief
    economist", "Viktor Pinchuk, son-in-law of ...", "Rinat Akhmetov, the country's richest man").
    Not a German noun with a feminine in -in (:meth:`CommonNouns.is_person_noun`): "Konkurrent Fortinet",
    "Marktführer Spotify", "Spitzenreiter Wacker Innsbruck" name companies and clubs as often."""
    if art.language == "en":
        before = _NOUN_COMMA_BEFORE.search(art.text, max(0, m.start - 30), m.start)
        if before is not None and before.group(1) in PERSON_NOUNS_EN:
            return True  # "his lawyer, Gregory Ioannidis"
        after = _APPOSITION_AFTER_EN.match(art.text, m.end)
        words = after.group(1).split() if after is not None else []
        if words and words[0].lower() not in _NOT_APPOSITION:
            # The noun that heads it, within five words: last, or before a preposition ("the OECD's chief
            # economist", "chair of the panel"); not a modifier ("premier whisky firms", "jockey Richard Wakeham").
            for i, word in enumerate(words[:5]):
                if (word in PERSON_NOUNS_EN or word in KINSHIP_NOUNS or word in _PEOPLE_HEADS_EN) and (
                    i + 1 == len(words) or words[i + 1] in _AFTER_HEAD
                ):
                    return True
    word = word_before(art.text[max(0, m.start - 30) : m.start])
    if word is None or office_after(art.text, m.end, art.language):
        return False
    return word.lower() in KINSHIP_NOUNS or (art.language == "en" and word in PERSON_NOUNS_EN)


#: What stands between two coordinated names: "A, B", "A and B", "A, B, und C", "A & B".
_COORDINATION = re.compile(r",?[ \t]+(?:and|or|und|oder|sowie|&)[ \t]+|,[ \t]+")


def coordinated_types(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    type_of: Mapping[tuple[str, int, int], EntityType],
    weight: Mapping[tuple[str, int, int], int],
) -> dict[tuple[str, int, int], EntityType]:
    """The type of a coordination of three names or more, for each name in it typed otherwise: news
    lists things of one kind ("including Cate Blanchett, Leonardo DiCaprio, Keanu Reeves and Richard
    Gere", where a first vote (``type_of``) made Blanchett and Reeves organisations).

    The list's type is the one with more than half the names' ``weight`` (how much each name's type
    stands on: the mentions of its entity) and at least two weighed names. A team sheet of surnames,
    each named once and labelled at random by a small model, weighs nothing."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    found: dict[tuple[str, int, int], EntityType] = {}
    for art_id, ms in sorted(by_article.items()):
        art = articles.get(art_id)
        if art is None:
            continue
        runs: list[list[Mention]] = []
        for m in sorted(ms, key=lambda m: (m.start, m.end)):
            if runs and _COORDINATION.fullmatch(art.text, runs[-1][-1].end, m.start):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if len(run) < 3:
                continue
            types = [type_of.get(m.key, m.label) for m in run]
            weights: Counter[EntityType] = Counter()
            names: Counter[EntityType] = Counter()
            for m, t in zip(run, types, strict=True):
                if weight.get(m.key, 0):
                    weights[t] += weight[m.key]
                    names[t] += 1
            if not weights:
                continue
            top, heaviest = weights.most_common(1)[0]
            if 2 * heaviest <= sum(weights.values()) or names[top] < 2:
                continue
            found.update((m.key, top) for m, t in zip(run, types, strict=True) if t != top)
    return found


#: A surname by its shape: Irish and Scottish patronymics ("O'Driscoll", "O’Gara", "McBryde"), which no
#: company or brand is named as alone (a name dictionary lacks many: "O'Driscoll" is not in rigour's).
_GAELIC_SURNAME = re.compile(r"(?:O['’]|Mc)[A-Z][a-z]+")


@dataclass(frozen=True)
class UnnamedPersons:
    """Whether the mentions of a would-be person never name one as news text does.

    News introduces a person with a given name and surname, by a form of address
    ("Mr Brown", "Herrn Boateng") or at least by a name people bear. A model's
    "person" that is one word in every mention, that the corpus never gives as
    the last word of a longer person's name, that no form of address precedes
    and that no dictionary of given names and surnames knows (an acronym never
    counts as known: "KBS", "TfL") is a company, brand or body far more often
    ("Spotify", "Rosneft", "Unicef", "Sagem"): the person reading goes. A word
    in a Brown cluster of people's names (``clustered``:
    :meth:`generator.lexicon.PersonNameParts.in_name_cluster`: "Stoiber",
    "Pofalla", "Kibaki") is known too: dictionaries list only the commoner names.
    So is a name of several words none of which is known, whose last word is an ordinary word of
    its language (``ordinary``: :meth:`generator.lexicon.CommonNouns.ordinary`): "Argonaut Games",
    "Scissor Sisters", "Wembley Stadium", "Pew Research" (a surname that is a common word follows a
    given name: "Gordon Brown").
    """

    surnames: frozenset[str]  # last words of longer person names anywhere in the corpus, and words after an address
    known: Callable[[str], bool]  # a given name or surname in the name dictionary
    languages: Mapping[str, str] = field(default_factory=dict)  # article id -> language
    clustered: Callable[[str, str], bool] | None = None  # (word, language): in a Brown cluster of people's names
    ordinary: Callable[[str, str], bool] | None = None  # (language, word): an ordinary word of the language

    @classmethod
    def of(
        cls,
        mentions: Sequence[Mention],
        articles: Mapping[str, Article],
        known: Callable[[str], bool],
        clustered: Callable[[str, str], bool] | None = None,
        ordinary: Callable[[str, str], bool] | None = None,
    ) -> UnnamedPersons:
        surnames: set[str] = set()
        for m in mentions:
            words = m.text.split()
            if m.label == "person" and len(words) > 1:
                surnames.update(filter(None, (words[-1], genitive_stem(words[-1]))))  # "Arabella Kiesbauers"
            art = articles.get(m.article)
            if art is not None and len(words) == 1:
                address = _ADDRESSED.search(art.text[max(0, m.start - 8) : m.start])
                if address is not None and address.group(1).lower() in HONORIFICS:
                    surnames.add(m.text)
        return cls(frozenset(surnames), known, {a.id: a.language for a in articles.values()}, clustered, ordinary)

    def __call__(self, ms: Sequence[Mention]) -> bool:
        if any(m.has_evidence or (m.source == "sheet" and m.label == "person") for m in ms):
            return False  # (a line-up names its players by surname alone: "Walke", "Kehat")
        # Sorted, not a set's order: which words the dictionary is asked about (and so whether its
        # ten-second load is needed) must not change with the process's string hashing.
        pairs = sorted({(m.text, self.languages.get(m.article) or "") for m in ms})
        return all(self._unnamed(text, lang) for text, lang in pairs)

    def _unnamed(self, text: str, language: str | None = None) -> bool:
        if " " in text:
            words = text.split()
            return (
                self.ordinary is not None
                and bool(language)
                and self.ordinary(language or "", words[-1])
                and not any(
                    self.known(word) or (self.clustered is not None and self.clustered(word, language or ""))
                    for word in text.replace("-", " ").split()
                )
            )
        # German inflects a name with a bare -s ("Merkels"); English only with an apostrophe
        # ("Yukos" is no genitive of the given name "Yuko").
        stem = genitive_stem(text) if language == "de" or text.endswith(("'", "’")) else None
        forms = [text, stem] if stem else [text]
        if self.surnames.intersection(forms) or any(_GAELIC_SURNAME.fullmatch(form) for form in forms):
            return False
        if any(is_acronym(form) for form in forms):
            return True
        if self.clustered is not None and language and any(self.clustered(form, language) for form in forms):
            return False  # a large corpus uses the word as it uses people's names ("Stoiber", "Kibaki")
        return not any(self.known(part) for form in forms for part in form.split("-") if part)


def _evidence_label(m: Mention) -> EntityType:
    """The type a mention's evidence gives: a gazetteer hint says place, whatever label propagation copied
    from the model's vote ("Manchester" found again in the text, labelled as the model mostly saw it)."""
    return "place" if m.source != "curated" and (m.entity_hint or "").startswith("geonames:") else m.label


@lru_cache(maxsize=1 << 16)
def _acronyms(name: str) -> frozenset[str]:
    # Asked for every (acronym, mention) pair of an article: thousands of times a build.
    return frozenset(acronym_of(name))


def _canonical_name(  # type: ignore[no-untyped-def]
    ms: Sequence[Mention],
    etype: EntityType,
    place,
    lang_of: Mapping[str, str],
    display: str,
    nominative: Callable[[str], str] | None = None,
) -> str:
    """The fullest form, preferring the display language, then the commonest; a German form
    counts as its nominative (``nominative``: "der Europäischen Zentralbank" is the
    "Europäische Zentralbank"), so a page is titled as a reference work would title it."""
    if place is not None and place.name:  # a subdivision without an English name is named by the corpus
        return place.name_in(display) if place.kind in ("country", "continent", "region") else place.name
    forms: Counter[str] = Counter()
    folded = {fold(x.text) for x in ms}
    in_display_count: Counter[str] = Counter()
    written = Counter(" ".join(m.text.split()) for m in ms)
    for m in ms:
        text = " ".join(m.text.split())
        # A possessive is named without its apostrophe ("Mr Brown's", "Angels'"); a genitive or a plural by
        # its stem ("Russlands", "Rolls-Royces"), unless the corpus writes the -s form far more often:
        # "General Motors", not the "General Motor" a model cut once.
        bare = without_possessive(text)
        if bare != text and bare:
            text = bare
        elif (
            (stem := genitive_stem(text))
            and fold(stem) in folded
            and written[text] < GENITIVE_NAME_RATIO * written[stem]
        ):
            text = stem
        if nominative is not None and lang_of.get(m.article) == "de":
            text = nominative(text)
        forms[text] += 1
        if lang_of.get(m.article) == display:
            in_display_count[text] += 1

    def score(form: str) -> tuple[bool, int, bool, bool, int, int, int, str]:
        in_display = in_display_count[form]
        # Full names before short forms and acronyms, a given name before its initial ("Chris Paterson",
        # not the team sheet's "C Paterson") and whole words before clipped ones ("Liberal Democrats", not
        # "Lib Dems"), then the display language, then frequency.
        initial = len(form.split()[0].rstrip(".")) == 1
        clipped = " " in form and any(clipped_words(form, other) for other in forms)
        return (
            is_acronym(form),
            -len(skeleton(form).split()),
            initial,
            clipped,
            -in_display,
            -forms[form],
            -len(form),
            form,
        )

    return sorted(forms, key=score)[0]
