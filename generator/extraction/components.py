"""spaCy components the dossier adds on top of a statistical NER model.

Every component is declared here with ``Language.factory`` under a versioned
(spaCy forbids dots in factory names, hence ``_v1``)
name, takes typed arguments mirroring its ``default_config``, and records in
``doc.user_data["dossier_sources"]`` which layer produced each entity so that
pages can say whether a link is automatic or curated.

* ``dossier_gazetteer_v1``: finds country and large-city names in any language
  and attaches GeoNames ids (``kb_id_ = "geonames:<id>"``) to place entities.
* ``dossier_span_filter_v1``: removes and trims junk spans (lower-case words,
  role words swallowed into names, weekday/month tails, excluded names).
* ``dossier_team_sheets_v1``: the players and teams of a sports report's line-ups
  (:mod:`generator.extraction.sheets`), whatever the model labelled there.

Curated names use spaCy's own ``entity_ruler`` (see :mod:`generator.extraction.nlp`),
with ``ent_id_ = "curated:<entity id>"``.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from generator.extraction.gazetteer import Gazetteer, Place
from generator.extraction.sheets import team_sheets
from generator.lexicon import (
    DEFAULT_ROLE_WORDS,
    EXTRA_PREPOSITIONS,
    FUER_HEADS,
    HONORIFICS,
    NAME_PARTICLES,
    ORG_HEADS,
    PARTY_COUNTRY_CUES,
    PARTY_MEMBERS,
    PEOPLE_NOUNS,
    PORTFOLIOS,
    SPEECH_VERBS,
    STYLES,
    TIME_ZONES,
    demonyms,
    is_apposition_head,
    is_class_noun,
    is_role_word,
    names_seat,
    org_head,
)
from generator.names import fold, genitive_stem

PLACE_LABELS = ("LOC", "GPE", "FAC")
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_JOINABLE = ("PER", "PERSON", "ORG")
PERSON_LABELS = ("PER", "PERSON")


class _OtherEntities:
    """The tokens of every entity but the ``own``-th (``owner``: token index -> entity number)."""

    def __init__(self, owner: dict[int, int], own: int):
        self.owner, self.own = owner, own

    def __contains__(self, index: object) -> bool:
        return self.owner.get(index, self.own) != self.own  # type: ignore[call-overload]


def _sources(doc: Doc) -> dict[str, str]:
    # String keys so the mapping survives spaCy's multiprocessing (msgpack).
    return doc.user_data.setdefault("dossier_sources", {})


def span_key(start_char: int, end_char: int) -> str:
    return f"{start_char}:{end_char}"


# ---------------------------------------------------------------- gazetteer


@Language.factory(
    "dossier_gazetteer_v1",
    default_config={"find": True, "min_population": 1_000_000, "max_words": 4, "min_chars": 4},
)
def make_gazetteer(
    nlp: Language, name: str, find: bool, min_population: int, max_words: int, min_chars: int
) -> GazetteerComponent:
    return GazetteerComponent(
        lang=nlp.lang or "xx",
        find=find,
        min_population=min_population,
        max_words=max_words,
        min_chars=min_chars,
        stop_words=frozenset(nlp.Defaults.stop_words),
    )


def _language_names(lang: str) -> frozenset[str]:
    """One-word names of languages in ``lang`` (CLDR via babel): "Slovak", "Russisch"."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(lang).languages.values()
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(n for n in names if " " not in n and n[:1].isupper())


class GazetteerComponent:
    """Canonicalise place entities, retype countries the model mislabelled, find missed places."""

    def __init__(
        self,
        *,
        lang: str,
        find: bool,
        min_population: int,
        max_words: int,
        min_chars: int,
        stop_words: frozenset[str],
    ):
        self.lang = lang
        self.find = find
        self.min_population = min_population
        self.max_words = max_words
        self.min_chars = min_chars
        self.stop_words = stop_words
        self.gazetteer: Gazetteer | None = None
        self.findable: dict[str, Place] = {}
        self.language_names = _language_names(lang)

    def use(self, gazetteer: Gazetteer) -> None:
        """The gazetteer to look places up in: built once by the caller and shared by every pipeline."""
        self.gazetteer = gazetteer
        self.findable = gazetteer.names_for_finding(self.lang, self.min_population) if self.find else {}

    def _with_stem(self, text: str, lookup):  # type: ignore[no-untyped-def]
        place = lookup(text)
        if place is None and (stem := genitive_stem(text)):
            place = lookup(stem)
        return place

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None:
            raise RuntimeError("dossier_gazetteer: call use(gazetteer) before running the pipeline")
        sources = _sources(doc)
        ents = []
        for ent in doc.ents:
            if ent.id_ or ent.kb_id_:
                ents.append(ent)
                continue
            if _addressed(ent):
                # "Mr Houston", "Frau Wien", "Mr Irish": a person, whatever town or language bears the name
                ents.append(ent)
                continue
            if self._names_a_people(ent):
                continue
            place = None
            if ent.label_ in PLACE_LABELS:
                place = self._with_stem(
                    ent.text, lambda t: self.gazetteer.lookup(t, language=self.lang, allow_codes=True)
                )
            else:
                # "Nordkorea" or "Pjöngjang" tagged as a person: a country or a large
                # city's name is evidence enough to retype it.
                place = self._with_stem(ent.text, lambda t: self.gazetteer.country(t, language=self.lang))
                if place is None and self.find:
                    place = self._with_stem(ent.text, lambda t: self.findable.get(fold(t)))
            if place is not None:
                ent = Span(
                    doc,
                    ent.start,
                    ent.end,
                    label="LOC" if ent.label_ not in PLACE_LABELS else ent.label_,
                    kb_id=f"geonames:{place.geonameid}",
                )
            ents.append(ent)
        if self.find:
            ents.extend(self._longer_places(doc, ents, sources))
            ents.extend(self._find(doc, ents, sources))
        if self.lang == "de":
            ents.extend(self._seat_institutions(doc, ents, sources))
        doc.ents = filter_spans(ents)
        return doc

    def _names_a_people(self, ent: Span) -> bool:
        """A language's name or, in English, its plural ("Slovak", "Slovaks", "Russians"): a people
        or a language, not a name of a person, organisation or place (unless the gazetteer knows a
        place so called: "Alabama" is also a language)."""
        assert self.gazetteer is not None
        if len(ent) != 1:
            return False
        text = ent.text
        word = text[:-1] if self.lang == "en" and text.endswith("s") and text[:-1] in self.language_names else text
        return word in self.language_names and self.gazetteer.lookup(text, language=self.lang) is None

    def _place_named(self, text: str) -> Place | None:
        assert self.gazetteer is not None
        place = self.gazetteer.town(text)
        return place if place is not None and place.kind in ("city", "subdivision") else None

    def _seat_adjective(self, word: str) -> Place | None:
        """The town a German place adjective derives from ("Schweriner" Schwerin, "Bremer" Bremen)."""
        if len(word) < 6 or not word.endswith("er") or not word[:1].isupper():
            return None
        stem = word[:-2]
        for candidate in (stem, stem + "en", stem + "e"):
            if (place := self._place_named(candidate)) is not None:
                return place
        return None

    def _seat_institutions(self, doc: Doc, ents: list[Span], sources: dict[str, str]) -> list[Span]:
        """German public bodies named by their seat, which the model often misses whole:
        "Amtsgericht Wismar", "Landesgericht Linz", "Schweriner Staatsanwaltschaft". The institution
        word (a closed class, ``names_seat``) and a gazetteer town of any size make one organisation;
        a town the model did tag is joined later (``propagate._with_seat_institution``)."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for tok in doc[:-1]:
            if tok.i in taken or tok.i + 1 in taken or not names_seat(tok.text):
                continue
            after, before = doc[tok.i + 1], doc[tok.i - 1] if tok.i else None
            if after.is_alpha and after.text[:1].isupper() and self._place_named(after.text) is not None:
                span = Span(doc, tok.i, tok.i + 2, label="ORG")
            elif before is not None and before.i not in taken and self._seat_adjective(before.text) is not None:
                span = Span(doc, tok.i - 1, tok.i + 1, label="ORG")
            else:
                continue
            found.append(span)
            taken.update(range(span.start, span.end))
            sources[span_key(span.start_char, span.end_char)] = "gazetteer"
        return found

    def _longer_places(self, doc: Doc, ents: list[Span], sources: dict[str, str]) -> list[Span]:
        """A place whose name the model cut into pieces ("Kensington" and "Chelsea" of "Kensington
        and Chelsea", "Tobago" of "Trinidad and Tobago"): the longest findable place name over a
        model span wins over the pieces (``filter_spans`` keeps the longer span)."""
        found = []
        for ent in ents:
            if ent.id_:
                continue
            best = None
            for start in range(max(0, ent.end - self.max_words), ent.start + 1):
                for end in range(min(len(doc), start + self.max_words), ent.end - 1, -1):
                    if end - start <= len(ent) or not doc[start].text[:1].isupper():
                        continue
                    span = doc[start:end]
                    if any(t.ent_id_ for t in span) or not span[-1].text[:1].isupper():
                        continue
                    place = self.findable.get(fold(span.text))
                    if place is not None and (best is None or end - start > len(best)):
                        best = Span(doc, start, end, label="LOC", kb_id=f"geonames:{place.geonameid}")
            if best is not None:
                found.append(best)
                sources[span_key(best.start_char, best.end_char)] = "gazetteer"
        return found

    def _find(self, doc: Doc, ents: list[Span], sources: dict[str, str]) -> list[Span]:
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in taken or not tok.text[:1].isupper() or tok.lower_ in self.stop_words:
                i += 1
                continue
            hit = None
            for n in range(min(self.max_words, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                if any(j in taken for j in range(i, i + n)) or not span[-1].text[:1].isalpha():
                    continue
                if len(span.text) < self.min_chars:
                    continue
                place = self._with_stem(span.text, lambda t: self.findable.get(fold(t)))
                if place is not None:
                    hit = Span(doc, i, i + n, label="LOC", kb_id=f"geonames:{place.geonameid}")
                    break
            if hit is not None:
                found.append(hit)
                sources[span_key(hit.start_char, hit.end_char)] = "gazetteer"
                i = hit.end
            else:
                i += 1
        return found


# ---------------------------------------------------------------- junk filter


_WORDS = re.compile(r"[^\W\d_]+")

#: Prefixes that make a name into an adjective or a compound ("Non-EU", "Anti-Trump", "Ex-Yugoslav").
_NEGATING_PREFIX = re.compile(r"(?i:non|anti|pro|ex|post|pre|nicht)-\w")

#: Text that is no name however it is capitalised: a file path, a web address, an e-mail address
#: ("C:\\Windows\\SoftwareDistribution", "https://...", "press@...").
_NOT_A_NAME = re.compile(r"\\|://|@|\b[A-Za-z]:[\\/]")

#: Words between the two sides of a fixture ("Ireland v USA", "Celtic vs. Rangers"), and dashes that
#: do when spaced ("New York Islanders – New Jersey Devils"; "Baden-Württemberg" has no spaces).
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_SPACED_DASHES = frozenset({"-", "–", "—"})


#: Bodies named by a list of their portfolios ("Department for Environment, Food and Rural Affairs",
#: "Ministry of Culture, Media and Sport").
_PORTFOLIO_BODIES = frozenset({"department", "ministry", "committee", "commission", "secretary", "minister"})


def _remit_start(span: Span, min_tokens: int) -> int | None:
    """Where ``span`` opens (after a leading "the") as a body named by its remit, "Department for ...",
    "Ministry of ...", with at least ``min_tokens`` tokens from there; None if it does not."""
    doc = span.doc
    start = span.start + (doc[span.start].lower_ == "the")
    if (
        span.end - start >= min_tokens
        and doc[start].lower_ in _PORTFOLIO_BODIES
        and doc[start + 1].lower_ in ("for", "of")
    ):
        return start
    return None


def _portfolio_list(span: Span) -> bool:
    """Whether ``span`` is a body followed by "for"/"of" and a list of portfolios that "and" closes: its
    commas list its own name's parts, not names."""
    start = _remit_start(span, 5)
    return start is not None and any(span.doc[i].lower_ == "and" for i in range(start + 2, span.end - 1))


def _portfolio_continues(body: Span, ent: Span) -> bool:
    """Whether ``ent`` is the last portfolio of the body named right before it, across "and" ("Department
    for Education" and "Skills", "Ministry of Economy, Trade" and "Industry"): one capitalised word."""
    return (
        body.label_ == "ORG"
        and _remit_start(body, 3) is not None
        and ent.start == body.end + 1
        and body.doc[body.end].lower_ in ("and", "&")
        and len(ent) == 1
        and ent.label_ in _JOINABLE
        and ent[0].text[:1].isupper()
        and not ent.id_
    )


def _fixture_cut(doc: Doc, i: int) -> bool:
    """Whether token ``i`` separates two names: a versus word or a spaced dash between capitalised words."""
    if i == 0 or i + 1 >= len(doc) or not (doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()):
        return False
    text = doc[i].text
    return text in _VERSUS or (text in _SPACED_DASHES and bool(doc[i - 1].whitespace_) and bool(doc[i].whitespace_))


#: A result: numbers joined by a dash or colon ("7-5", "6:4", "1–0").
_SCORE = re.compile(r"\d+(?:[-:–]\d+)+")
_SCORE_DASHES = frozenset("-:–")

#: An acronym in the plural: a common noun ("MPs", "MEPs", "NGOs", "SUVs").
_PLURAL_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,}s")

#: A token of digits and the marks between them, no letter: a result, a minute, a score ("7", "1-6,4", "-").
_NUMERIC = re.compile(r"[\d\-–:,.]*\d[\d\-–:,.]*|[-–]")
#: Name particles that are German words too ("von der CDU", "bin ich", "du"): no join across them in German.
_GERMAN_WORDS_AS_PARTICLES = frozenset("von zu der den das da du bin".split())
#: Particles that begin a surname ("Van der Bellen", "De Baets", "Von der Leyen"); written with a
#: capital at the end of a span, they say the name goes on. (German "der", "den", "das" are left out:
#: capitalised they begin a sentence.)
_SURNAME_OPENERS = frozenset("van von de di da del della du dos le la ter ten bin ibn al el ben af av zu".split())

#: A declined German adjective by its derivational suffix: "Islamischer", "Österreichischen", "Königliche".
_GERMAN_ADJECTIVE = re.compile(r"(?:isch|lich|ig)(?:e|er|en|em|es)$")


@Language.factory(
    "dossier_span_filter_v1",
    default_config={"role_words": list(DEFAULT_ROLE_WORDS), "exclude": [], "min_chars": 2},
)
def make_span_filter(nlp: Language, name: str, role_words: list[str], exclude: list[str], min_chars: int) -> SpanFilter:
    return SpanFilter(
        lang=nlp.lang or "xx",
        role_words=role_words,
        exclude=exclude,
        min_chars=min_chars,
        stop_words=frozenset(nlp.Defaults.stop_words) | EXTRA_PREPOSITIONS.get(nlp.lang or "", frozenset()),
    )


#: Function words that title case capitalises inside a name and that begin none ("Reporters Without Borders",
#: "Friends of the Earth" written "Of"); not "The" or "Der", which begin many.
_FUNCTION_WORDS_INSIDE = frozenset("without of for and against ohne für gegen".split())

#: What ends a name in apposition after a class noun and a comma: punctuation, or the text's end.
_APPOSITION_ENDS = frozenset({".", ",", ";", ":", ")", "!", "?"})

#: A name of capital letters and digits, as broadcasters and products write theirs ("TVN24", "N24", "3Sat" not).
_LETTERS_AND_DIGITS = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß]*\d+[A-Za-z\d]*")


def _people_word(text: str, lang: str) -> bool:
    """A word for a nation's people or its adjective, singular or plural ("Indian", "Frenchman",
    "Britons", "Americans"): English only; German's demonyms are nouns its lexicon knows."""
    if lang != "en":
        return False
    singular = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    return text in PEOPLE_NOUNS or singular in PEOPLE_NOUNS or text in demonyms(lang) or singular in demonyms(lang)


def _party_span(doc: Doc, start: int, end: int, words: Mapping[str, str]) -> Span:
    """An organisation span for a party's members' word, its party's name as identifier (:meth:`SpanFilter.party`)."""
    party = f"party:{words[doc[start:end].text]}"
    return Span(doc, start, end, label="ORG", kb_id=party, span_id=party)


def _addressed(span: Span) -> bool:
    """Whether a capitalised form of address stands right before ``span`` ("Mr Houston", "Frau Wien")."""
    if span.start == 0:
        return False
    word = span.doc[span.start - 1]
    return word.text[:1].isupper() and word.lower_.rstrip(".") in HONORIFICS


def _calendar_words(lang: str) -> frozenset[str]:
    """Weekday names (CLDR via babel), written out.

    Abbreviations ("Sun", "Mon") and months ("May", "June", "August") are names
    too often to cut a span at them.
    """
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    words: set[str] = set()
    for context in loc.days.values():
        words.update(str(v).lower() for v in context.get("wide", {}).values())
    return frozenset(w for w in words if len(w) > 3)


#: An amount of money written as one word: "745bn", "3.5m", "12tn", "500k", "4,5mrd".
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)*(?:bn|mn|m|tn|k|mrd|mio)")

#: Articles, which never begin a name however they are written ("The United States", "Die USA").
_ARTICLES = frozenset("the a an der die das den dem des ein eine einer eines einem einen".split())

#: A word that ends in a full stop and is part of a name: an initial, a Roman ordinal, an abbreviation.
_ABBREVIATION = re.compile(r"(?:[A-ZÀ-Ý]|[IVXLC]+|[A-Z][a-z]{1,3})\.")


#: A German adjective derived from a name ("russischen", "europäische"): no name, whatever the model says.
_DERIVED_ADJECTIVE = re.compile(r"\w+isch(?:e[mnrs]?)?")

#: A word joined to a capitalised surname by a hyphen or an apostrophe ("al-Nuaimi", "d'Estaing").
_JOINED_PARTICLE = re.compile(r"(\w+)[-'’][A-ZÀ-Ý]\w*")
_JOINING_PARTICLES = NAME_PARTICLES | {"d", "l"}


def _particle(word: str) -> bool:
    """A lower-case word that belongs in a person's name: a particle ("von", "bin"), alone or joined to
    the surname by a hyphen or an apostrophe ("al-Nuaimi", "el-Sisi", "d'Estaing")."""
    if word.lower() in NAME_PARTICLES:
        return True
    found = _JOINED_PARTICLE.fullmatch(word)
    return found is not None and found.group(1).lower() in _JOINING_PARTICLES


class SpanFilter:
    """Trim or drop entity spans that are not names."""

    def __init__(
        self,
        *,
        lang: str,
        role_words: list[str],
        exclude: list[str],
        min_chars: int,
        stop_words: frozenset[str] = frozenset(),
    ):
        self.lang = lang
        self.stop_words = stop_words
        self.role_words = tuple(w.lower() for w in role_words)
        self.exclude = frozenset(fold(x) for x in exclude)
        self.min_chars = min_chars
        self.calendar = _calendar_words(lang) | _calendar_words("en")
        self.speech_verbs = frozenset(SPEECH_VERBS.get(lang, ()))
        self.time_words = frozenset(
            "morgen abend mittag nacht vormittag nachmittag früh morning evening night afternoon".split()
        )

    def split_lists(self, span: Span) -> list[Span]:
        """A span over a list of names is one span per name ("Barkley, Beattie, Christophers",
        "Nottinghamshire, Derbyshire"), and so is a fixture ("Ireland v USA", "Islanders – Devils")
        and, in English, a name and where it is ("the Golden Temple in Amritsar") or two names joined by
        "to" ("Leinster to Toulouse"); a bracket ends a
        name ("Shameless (Channel 4"). A body named by its portfolios keeps its commas ("Department
        for Environment, Food and Rural Affairs")."""
        doc = span.doc
        cuts = [i for i in range(span.start, span.end) if doc[i].text in (",", ";") or _fixture_cut(doc, i)]
        if _portfolio_list(span):
            cuts = [i for i in cuts if doc[i].text != ","]
        if self.lang == "en":
            # "the Golden Temple in Amritsar", "the Nationals in Santry": a name, then where it is; "from
            # Leinster to Toulouse": two names.
            cuts += [
                i
                for i in range(span.start + 1, span.end - 1)
                if doc[i].text in ("in", "to") and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
            ]
            cuts.sort()
        bracket = next((i for i in range(span.start, span.end) if doc[i].text in ("(", ")", "[", "]")), None)
        end = span.end
        if bracket is not None:
            if any(t.text[:1].isupper() for t in doc[span.start : bracket]):
                end = bracket
                cuts = [i for i in cuts if i < bracket]
            else:
                return (
                    self.split_lists(Span(doc, bracket + 1, span.end, label=span.label_))
                    if bracket + 1 < span.end
                    else []
                )
        parts, start = [], span.start
        for cut in [*cuts, end]:
            if cut > start:
                parts.append(Span(doc, start, cut, label=span.label_, kb_id=span.kb_id_))
            start = cut + 1
        return parts

    def trim(self, span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        # A form of address makes a person ("Mr Brown", "Frau Merkel"), inside the span (after any
        # quotation mark the model took in: '" Mr Bussereau') or right before it.
        first = start
        while first < end and not doc[first].text[:1].isalnum():
            first += 1
        if span.label_ not in PERSON_LABELS and (
            (end - first > 1 and doc[first].lower_.rstrip(".") in HONORIFICS) or _addressed(span)
        ):
            span = Span(doc, start, end, label="PER", kb_id=span.kb_id_, span_id=span.id_)
        # Punctuation and quotes at the edges („Kim, Putin:), and an abbreviation run together with the
        # name where a line break was lost ("n.P.Los Angeles Kings").
        while start < end and (
            not doc[start].text[:1].isalnum()
            or (end - start > 1 and doc[start].text.endswith(".") and not doc[start].whitespace_)
        ):
            start += 1
        # (A word that ends in a full stop is an initial, an ordinal or an abbreviation: "Nico G.",
        # "Elisabeth II.", "Apple Inc." keep it.)
        while end > start and (
            (not doc[end - 1].text[-1:].isalnum() and not _ABBREVIATION.fullmatch(doc[end - 1].text))
            or doc[end - 1].lower_ in _POSSESSIVES
        ):
            end -= 1
        # A verb of saying that opens the sentence is no word of the name after it ("Said Wales assistant
        # coach Scott Johnson: ...", the parser's root), though a given name spelt like one is ("Said
        # Aouita won": the parser makes it a compound of the surname).
        while (
            end - start > 1
            and doc[start].lower_ in self.speech_verbs
            and doc.has_annotation("DEP")
            and (doc[start].head.i == start or doc[start].head.i not in range(start, end))
        ):
            start += 1
        # An amount before a name ("745bn Indian rupees", "5m Euro"): a number with a unit in lower
        # case is no part of a name ("3M", "1860 München" keep theirs).
        while end - start > 1 and _AMOUNT.fullmatch(doc[start].text):
            start += 1
        # A leading article or other stop word: "The United States", "Die USA". One in title case that
        # is no article and does not open the sentence is a word of the name ("Los Angeles" in German
        # text, where "los" is a stop word; "Three Gorges Dam"); "US" before a body's name is not.
        while end - start > 1 and doc[start].lower_ in self.stop_words:
            token = doc[start]
            if token.text.istitle() and token.lower_ not in _ARTICLES and not token.is_sent_start:
                break
            start += 1
        # Results after a team or player: "Czech Republic 7-5 6-3", "Colorado Avalanche 1:3". (A number
        # alone stays: "Hannover 96", "Formel 1".)
        while end - start > 1:
            if _SCORE.fullmatch(doc[end - 1].text):
                end -= 1  # one token: "6:3"
            elif (
                end - start > 3
                and doc[end - 1].is_digit
                and doc[end - 2].text in _SCORE_DASHES
                and doc[end - 3].is_digit
            ):
                end -= 3  # "7", "-", "5"
            else:
                break
        # Weekday, month and time-of-day tails: "Kim am Mittwoch", "Kim am Mittwoch morgen".
        for i in range(start + 1, end):
            low = doc[i].text.lower()
            if low in self.calendar or low in self.time_words:
                end = i
                break
        if span.label_ in PERSON_LABELS:
            # A number ends no person's name: a result or a minute the model ran on into ("Selima Sfar
            # 7-5 6-2", "Williams 1-6,4-6", "Terry 17").
            while end - start > 1 and _NUMERIC.fullmatch(doc[end - 1].text):
                end -= 1
            # A person's name holds no lower-case word except particles (von, bin, ...).
            for i in range(start, end):
                word = doc[i].text
                if word[:1].islower() and not _particle(word) and i > start:
                    end = i
                    break
            # Leading role words: "Kreml-Sprecher Dmitri Peskow" -> "Dmitri Peskow".
            while end - start > 1 and is_role_word(doc[start].text, self.role_words):
                start += 1
        # A verbal idiom after an organisation's name: "... Studien zu Wort kommen lassen".
        if span.label_ not in PERSON_LABELS and end - start > 2 and doc[end - 2].lower_ == "zu":
            end -= 2
        # Dangling particles or prepositions at the end ("Kim am"), and the dash they stood behind
        # ("Roger Federer - nice bloke": the model's "Roger Federer - nice", its last word cut above).
        while end > start and (
            (
                doc[end - 1].text[:1].islower()
                and not _JOINED_PARTICLE.fullmatch(doc[end - 1].text)
                and not self._small_org(span)
            )
            or (not doc[end - 1].text[-1:].isalnum() and not _ABBREVIATION.fullmatch(doc[end - 1].text))
        ):
            end -= 1
        while (
            end > start
            and doc[start].text[:1].islower()
            and doc[start].text.lower() not in NAME_PARTICLES
            and not self._small_org(span)
        ):
            start += 1
        if end <= start:
            return None
        return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)

    def _small_org(self, span: Span) -> bool:
        """A German organisation's one-word name in lower case, as the model found it ("dpa", "taz", "n-tv"):
        German capitalises every noun, so a lower-case word the model takes for a name is one written small
        (resolution sets aside those that only a parenthesis holds: an editor's sigil, "(red, 4.8.2015)").
        English lower case is the sentence's own words ("in the red")."""
        text = span[0].text
        return (
            self.lang == "de"
            and len(span) == 1
            and span.label_ == "ORG"
            and text[:1].isalpha()
            and not _DERIVED_ADJECTIVE.fullmatch(text)
        )

    def _name_word(self, token: Token) -> bool:
        """A capitalised word that can be part of a name: not a role, calendar or stop word."""
        text = token.text
        return (
            token.is_alpha
            and text[:1].isupper()
            and not (text.isupper() and len(text) > 1)
            and token.lower_ not in self.stop_words
            and token.lower_ not in self.calendar
            and not is_role_word(text, self.role_words)
        )

    def extend(self, span: Span, taken: Container[int]) -> Span:
        """Grow a span over the parts of a name the model left out (tokens in ``taken``
        belong to other entities and are never swallowed, except a name coordinated
        into an organisation's: "Russia & Eurasia Programme")."""
        doc = span.doc
        start, end = span.start, span.end
        label = span.label_
        if label in PERSON_LABELS and doc[end - 1].lower_ in ORG_HEADS:
            label = "ORG"  # "Eurasia Programme" is no person, whatever the model says
        if (
            start >= 1
            and doc[start].text[:1].isupper()
            and doc[start].lower_ in _FUNCTION_WORDS_INSIDE
            and start - 1 not in taken
            and self._name_word(doc[start - 1])
        ):
            # No name begins with "Without" or "Of": the model cut "Reporters | Without Borders" after the
            # first word, and a name with a function word inside is a body's, not a person's.
            start -= 1
            if label in PERSON_LABELS:
                label = "ORG"
        if label in PERSON_LABELS and end - start == 1 and start >= 2:
            # "Sprecher des US-Außenministeriums, Vedant Patel": a given name the model
            # missed, right after punctuation, a role word or (English) a lower-case word.
            given, before = doc[start - 1], doc[start - 2]
            opener = (
                before.is_punct
                or is_role_word(before.text, self.role_words)
                or (self.lang == "en" and before.is_alpha and before.text.islower())
            )
            if opener and start - 1 not in taken and self._name_word(given) and given.text[1:].islower():
                start -= 1
        if (
            label == "ORG"
            and end - start > 1
            and is_apposition_head(doc[start].lower_)
            and not doc[start + 1].text[:1].islower()  # "Organisation for Economic Co-operation" is one name
            # English capitalises a class noun inside a sentence only as the name's first word ("Network
            # Rail", "Giant Company Software"); at a sentence's start it is the class noun ("Carmaker Nissan").
            and (self.lang != "en" or doc[start].text.islower() or bool(doc[start].is_sent_start))
        ):
            start += 1  # "Söldnergruppe Wagner", "Nachrichtenagentur KCNA": the name is what follows
        if label == "ORG":
            # "Russia & Eurasia Programme": a name coordinated into an organisation's name.
            if (
                doc[end - 1].lower_ in ORG_HEADS
                and start >= 2
                and doc[start - 1].lower_ in ("&", "and", "und")
                and self._name_word(doc[start - 2])
            ):
                start -= 2
            end = self._ohne(doc, end, taken)
            # "Institut für russische, osteuropäische und zentralasiatische Studien".
            if end < len(doc) and doc[end].lower_ == "für" and doc[end - 1].lower_.endswith(FUER_HEADS):
                j, last = end + 1, None
                while j < len(doc) and j - end < 12 and j not in taken:
                    word = doc[j]
                    if word.is_alpha and word.text[:1].isupper():
                        last = j
                        if j + 2 < len(doc) and doc[j + 1].lower_ in ("und", ",") and doc[j + 2].is_alpha:
                            j += 2
                            continue
                        break
                    if not (word.text in (",", "und") or (word.is_alpha and word.text.islower())):
                        break
                    j += 1
                if last is not None:
                    end = last + 1
        # German puts a name's adjectives first: one in -isch/-lich/-ig at the end was cut
        # off its noun ("Jihadistenmiliz Islamischer | Staat", "Verband Österreichischer | Zeitungen").
        if (
            self.lang == "de"
            and end < len(doc)
            and end not in taken
            and _GERMAN_ADJECTIVE.search(doc[end - 1].text)
            and doc[end - 1].text[:1].isupper()
            and self._name_word(doc[end])
        ):
            end += 1
        if label in PERSON_LABELS:
            end = self._surname_after_particle(doc, end, taken)
        if (start, end, label) == (span.start, span.end, span.label_):
            return span
        return Span(doc, start, end, label=label, kb_id=span.kb_id_, span_id=span.id_)

    def _surname_after_particle(self, doc: Doc, end: int, taken: Container[int]) -> int:
        """A person's name that ends in a capitalised surname particle goes on to the surname
        ("Alexander Van | der Bellen", "Ursula Von | der Leyen"): no name ends in "Van". So does one
        that lower-case particles follow ("Alexander | van der Bellen": the model's "Alexander van der"
        lost its particles to the trim), unless the first is a German word too (:meth:`_opens_surname`)."""
        last = doc[end - 1]
        if last.text[:1].isupper() and last.lower_ in _SURNAME_OPENERS:
            j = end
        elif end < len(doc) and doc[end].text.islower() and self._opens_surname(doc[end].text):
            j = end + 1
        else:
            return end
        while j < len(doc) and j - end < 2 and doc[j].text.islower() and doc[j].lower_ in NAME_PARTICLES:
            j += 1
        if j < len(doc) and j not in taken and self._name_word(doc[j]):
            return j + 1
        return end

    def retype_after_class_noun(self, span: Span) -> Span:
        """German: a name right after a noun that announces an organisation is one, whatever
        the model said ("der Ölkonzern Rosneft", "Autohersteller Skoda"). Not in English,
        where the noun may end a phrase ("the company Steve Jobs founded")."""
        if self.lang != "de" or span.label_ == "ORG" or span.start == 0 or span.id_:
            return span
        if not is_class_noun(span.doc[span.start - 1].text, self.lang):
            return span
        return Span(span.doc, span.start, span.end, label="ORG", kb_id=span.kb_id_)

    def appositions(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Organisation names the model missed after a noun that announces one
        ("dem Sender Channel One", "die Söldnergruppe Wagner"), or in apposition to it after a comma, where the
        name ends the phrase ("the media watchdog, Reporters Without Borders.")."""
        found = []
        for token in doc[:-1]:
            following = doc[token.i + 1]
            # In apposition after a comma too ("by the media watchdog, Reporters Without Borders.").
            comma = following.text == "," and token.i + 2 < len(doc)
            if comma:
                following = doc[token.i + 2]
            # Cheap tests first: this runs on every token of the corpus.
            if not following.text[:1].isupper() or following.i in taken or not token.text[:1].isalpha():
                continue
            if not is_class_noun(token.text, self.lang):
                continue
            start = end = following.i
            while end < len(doc) and end - start < 4 and end not in taken and self._name_word(doc[end]):
                end += 1
                # A capitalised function word between two words of the name ("Reporters Without Borders").
                if (
                    end + 1 < len(doc)
                    and doc[end].text[:1].isupper()
                    and doc[end].lower_ in _FUNCTION_WORDS_INSIDE
                    and end not in taken
                    and self._name_word(doc[end + 1])
                ):
                    end += 1
            if end == start and _LETTERS_AND_DIGITS.fullmatch(following.text):
                end += 1  # a name of letters and digits ("des Fernsehsenders TVN24", "der Sender N24")
            if comma and (end == start or (end < len(doc) and doc[end].text not in _APPOSITION_ENDS)):
                continue  # an apposition is a whole phrase: "the firm, Smith argues" is not one
            if end > start:
                found.append(Span(doc, start, self._ohne(doc, end, taken), label="ORG"))
        return found

    def addressed(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Persons the model missed after a form of address (:data:`HONORIFICS`): '"…," said Mr Irish',
        "Frau Gewessler" (one to three capitalised words, none of another entity)."""
        found = []
        for token in doc[:-1]:
            if not token.text[:1].isupper() or token.lower_.rstrip(".") not in HONORIFICS or token.i + 1 in taken:
                continue
            start = end = token.i + 1
            while end < len(doc) and end - start < 3 and end not in taken and self._name_word(doc[end]):
                end += 1
            if end > start:
                found.append(Span(doc, start, end, label="PER"))
        return found

    def _ohne(self, doc: Doc, end: int, taken: Container[int]) -> int:
        """The end of an organisation's name that German goes on with a small "ohne" ("Reporter ohne Grenzen",
        "Ärzte ohne Grenzen"), where the model or a class noun's name stopped before it."""
        if (
            self.lang == "de"
            and end + 1 < len(doc)
            and doc[end].lower_ == "ohne"
            and end + 1 not in taken
            and doc[end + 1].text[:1].isupper()
            and doc[end + 1].is_alpha
        ):
            return end + 2
        return end

    def keep(self, span: Span) -> bool:
        text = span.text
        if len(text) < self.min_chars or not (any(c.isupper() for c in text) or self._small_org(span)):
            return False  # adjectives and common words in lower case
        if not any(c.isalpha() for c in text):
            return False
        if all(w.lower() in STYLES and not w.isupper() for w in _WORDS.findall(text)):
            return False  # "Rt Rev Dr" of "the Rt Rev Dr Tom Wright": styles, no name (but "ING", "RT" are)
        if _NOT_A_NAME.search(text):
            return False
        if _PLURAL_ACRONYM.fullmatch(text) and not self._acronym_genitive(span):
            return False  # "MPs", "NGOs", "SUVs": a class of things, no one's name
        if fold(text) in self.exclude:
            return False
        if len(span) == 1 and is_role_word(text, self.role_words):
            return False
        doc = span.doc
        if (
            len(span) == 1
            and span[0].lower_ in PORTFOLIOS
            and span.end < len(doc)
            and is_role_word(doc[span.end].text, self.role_words)
        ):
            return False  # "Defense" in "Defense Minister Sergei Shoigu"
        # Weekday and month names only. By words, not tokens: a hyphenated name is one token that is
        # not ``is_alpha`` ("Max-Planck-Institut", "Mecklenburg-Vorpommern"), and an empty ``all`` is true.
        words = _WORDS.findall(text)
        if len("".join(words)) < 2 or all(w.lower() in self.calendar or self._time_compound(w) for w in words):
            return False  # also a letter and digits: "A4", "M8" (a road, a product)
        if len(span) == 1 and _people_word(text, self.lang) and not _addressed(span):
            # "Indian" of "745bn Indian rupees", "the Frenchman", "more Britons": no one's name ("Mr Irish" is).
            return False
        if len(span) == 1 and text in TIME_ZONES:
            return False
        if " " not in text and _NEGATING_PREFIX.match(text) and not org_head(text):
            # "Non-EU nationals", "Anti-Trump", "Nicht-EU-Bürger": an adjective or a compound, not the
            # name ("Anti-Doping-Agentur" is an organisation's, by its head noun).
            return False
        return True

    def _time_compound(self, word: str) -> bool:
        """A weekday joined to a time of day ("Mittwochabend", "Sonntagnacht"): a time, not a name."""
        low = word.lower()
        return any(low.startswith(day) and low[len(day) :] in self.time_words for day in self.calendar)

    def _acronym_genitive(self, span: Span) -> bool:
        """German also writes an acronym's genitive with -s ("des ORFs"): it is one when the text
        names the acronym without it too. (English writes "ORF's"; "MPs" is always a plural.)"""
        if self.lang == "en":
            return False
        return re.search(rf"\b{re.escape(span.text[:-1])}\b", span.doc.text) is not None

    def _particles_between(self, prev: Span, ent: Span) -> bool:
        """Whether only a surname's particles stand between a person's name and the next span ("Albert |
        van den | Bergh", which the model cut at the lower-case words), or end the first ("Albert van |
        Bergh"). German's "von", "zu", "der", "du" and "bin" are its own words as often ("Müller von der
        CDU")."""
        doc, start = prev.doc, prev.end
        while start - 1 > prev.start and doc[start - 1].text.islower():
            start -= 1  # the model took the particles in: "Albert van" + "Bergh"
        between = doc[start : ent.start]
        if not 1 <= len(between) <= 3 or not ent.text[:1].isupper():
            return False
        if not all(t.text.islower() and t.text in NAME_PARTICLES for t in between):
            return False
        return self._opens_surname(between[0].text)

    def _opens_surname(self, word: str) -> bool:
        """Whether a lower-case particle may open a surname after a given name in this language: not
        "der", "den" or "das" anywhere, nor a German word in German ("von der CDU", "bin", "du")."""
        if word not in NAME_PARTICLES:
            return False
        return word not in _GERMAN_WORDS_AS_PARTICLES if self.lang == "de" else word not in ("der", "den", "das")

    def join_fragments(self, ents: list[Span]) -> list[Span]:
        """Adjacent person/organization spans with nothing between them are one name the
        model cut in two ("Kang" + "Sun Nam", "Vedant" + "Patel"); the joint span is a
        person if either part is. So is a person's name and the span after a surname's particles
        (:meth:`_particles_between`: "Albert" + "van den" + "Bergh", whatever the second's label)."""
        out: list[Span] = []
        for ent in ents:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.label_ in PERSON_LABELS
                and not prev.id_
                and not ent.id_
                and self._particles_between(prev, ent)
            ):
                out[-1] = Span(ent.doc, prev.start, ent.end, label=prev.label_)
                continue
            if prev is not None and _portfolio_continues(prev, ent):
                # "Department for Education" + "and" + "Skills": the body's last portfolio, not a name.
                out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
                continue
            if (
                prev is not None
                and prev.end == ent.start
                and not prev.id_
                and not ent.id_
                and prev.label_ in _JOINABLE
                and ent.label_ in _JOINABLE
                and all(t.text[:1].isupper() for t in ent.doc[prev.start : ent.end])
            ):
                label = next((x.label_ for x in (prev, ent) if x.label_ in PERSON_LABELS), prev.label_)
                out[-1] = Span(ent.doc, prev.start, ent.end, label=label)
                continue
            out.append(ent)
        return out

    def party(self, ent: Span) -> list[Span]:
        """A party named by its members' word (:data:`PARTY_MEMBERS`: "the Tories", "Tory leader", "Conservative
        MP"), whatever the model's label (a political group, NORP, for the English model): an organisation
        with the party's name as its identifier. Not the end of a longer name ("Scottish Conservatives",
        "Liberal Democrat", at a sentence's start too), nor a word after a form of address ("Mr Tory"). A
        person's name the model ran the word into is the party and the person ("Tory Liam Fox")."""
        words = PARTY_MEMBERS.get(self.lang)
        if not words or ent.id_:
            return [ent]
        doc, start = ent.doc, ent.start + (ent[0].lower_ == "the" and len(ent) > 1)
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.text[:1].isupper() and not before.is_stop:
            return [ent]  # "Scottish Conservatives", "Liberal Democrat", "Mr Tory": another name ("The Tories" is not)
        if doc[start : ent.end].text in words:
            return [_party_span(doc, start, ent.end, words)] if self._party_named(doc, words, start, ent.end) else [ent]
        if ent.label_ not in PERSON_LABELS:
            return [ent]
        # "Tory Liam Fox", "Tories Ken Clarke": the party's word, then a name of two words or more
        end = next((k for k in (start + 2, start + 1) if k <= ent.end - 2 and doc[start:k].text in words), None)
        if end is None or not all(t.text[:1].isupper() for t in doc[end : ent.end]):
            return [ent]
        if not self._party_named(doc, words, start, end):
            return [ent]
        return [_party_span(doc, start, end, words), Span(doc, end, ent.end, label=ent.label_)]

    def _party_named(self, doc: Doc, words: Mapping[str, str], start: int, end: int) -> bool:
        """Whether the article names the country a party's members' word needs (:data:`PARTY_COUNTRY_CUES`:
        German "Republikaner" are the US party's only in an article about the United States)."""
        cue = PARTY_COUNTRY_CUES.get(self.lang, {}).get(words[doc[start:end].text])
        return cue is None or len(cue[0].findall(doc.text)) >= cue[1]

    def party_words(self, doc: Doc, taken: Container[int]) -> list[Span]:
        """German members' words no model span holds ("die Republikaner", "den US-Demokraten"): the German
        model learnt GermEval's outer names, where such words are none; English tags them (NORP), and
        :meth:`party` reads the model's spans."""
        words = PARTY_MEMBERS.get(self.lang) if self.lang == "de" else None
        if not words:
            return []
        out = []
        for token in doc:
            if token.i in taken or token.text not in words:
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            if before is not None and before.text[:1].isupper() and not before.is_stop and not before.is_sent_start:
                continue  # "Schwedische Demokraten": the end of another name
            if self._party_named(doc, words, token.i, token.i + 1):
                out.append(_party_span(doc, token.i, token.i + 1, words))
        return out

    def __call__(self, doc: Doc) -> Doc:
        sources = _sources(doc)
        kept = []
        split = []
        for ent in (piece for found in doc.ents for piece in self.party(found)):
            parts = [ent] if ent.id_ else self.split_lists(ent)
            if len(parts) > 1:  # the model's label was for the list: weak evidence for each name
                sources.update((span_key(p.start_char, p.end_char), "list") for p in parts)
            split.extend(parts)
        ents = self.join_fragments(split)
        owner = {i: n for n, ent in enumerate(ents) for i in range(ent.start, ent.end)}
        for n, ent in enumerate(ents):
            if ent.id_.startswith(("curated:", "party:")):
                kept.append(ent)  # curated names and parties by their members' word are never filtered
                continue
            trimmed = self.trim(ent)
            if trimmed is None:
                continue
            # An extension stops at another entity's tokens, not at those the trim cut off.
            trimmed = self.extend(trimmed, _OtherEntities(owner, n))
            trimmed = self.retype_after_class_noun(trimmed)
            if not self.keep(trimmed):
                continue
            old = span_key(ent.start_char, ent.end_char)
            if old in sources:
                sources[span_key(trimmed.start_char, trimmed.end_char)] = sources[old]
            kept.append(trimmed)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        kept.extend(span for span in self.appositions(doc, taken) if self.keep(span))
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        kept.extend(span for span in self.addressed(doc, taken) if self.keep(span))
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        kept.extend(self.party_words(doc, taken))
        doc.ents = filter_spans(kept)
        return doc


# ---------------------------------------------------------------- team sheets


@Language.factory("dossier_team_sheets_v1", default_config={})
def make_team_sheets(nlp: Language, name: str) -> TeamSheets:
    return TeamSheets(lang=nlp.lang or "xx")


class TeamSheets:
    """The players of a line-up (:func:`generator.extraction.sheets.team_sheets`) as persons, and the clubs
    a squad's notes name after them as organisations, replacing whatever the model or an earlier layer
    found there; a curated name stays. The team that opens a list
    keeps the model's reading: its name is the club's everywhere in the corpus ("Sturm", "Everton"), and
    one label is no evidence against what the club's own mentions say."""

    def __init__(self, *, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        places = {(e.start_char, e.end_char) for e in doc.ents if e.kb_id_.startswith("geonames:")}
        names = team_sheets(doc.text, self.lang, lambda start, end: (start, end) in places)
        if not names:
            return doc
        curated = [e for e in doc.ents if e.id_.startswith("curated:")]
        sources = _sources(doc)
        spans: list[Span] = []
        for name in names:
            if name.role == "team" or any(e.start_char < name.end and name.start < e.end_char for e in curated):
                continue
            span = doc.char_span(name.start, name.end, label="PER" if name.role == "player" else "ORG")
            if span is None:
                continue  # not on token bounds ("Beric0:2" where no infix cut it): leave the model's reading
            spans.append(span)
            sources[span_key(span.start_char, span.end_char)] = "sheet"
        taken = {i for span in spans for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted([*kept, *spans], key=lambda e: e.start)
        return doc
