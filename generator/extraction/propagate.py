"""Corpus-level refinement of extracted mentions: a pure function of all extractions.

A statistical model sees one paragraph at a time; this stage sees the corpus.
It is a stage rather than a spaCy component because it needs every article's
mentions at once (a component sees one Doc). Mentions are character spans, so
it works on the article text directly and needs no Docs.

1. **Lexicon**: a name is *confident* when it was found at least twice in the
   corpus, or once by a layer with evidence (a curated name, a gazetteer place).
2. **Extend and trim**: a mention cut short of a confident name the text spells
   out ("Kim Jong" of "Kim Jong Un") becomes the whole name; a mention that is
   a confident name plus extra words ("Kim Jong Un Briefe", "Isolation
   Russlands", "Moskaus Bedarf") is cut to the name. Either takes the name's type.
3. **Propagate**: every confident name, every person name of two or three
   words, and the surname of such a person ("Schoigu" after "Sergej Schoigu")
   is found wherever a run of capitalised words has the same name skeleton
   (so across transliterations and with the German genitive -s), and a name
   before a hyphenated role word ("Kreml-Sprecher") counts as a mention; so does,
   in German, a confident acronym before any noun for a person ("ÖGB-Sekretär",
   "US-Kultregisseur": a noun with a feminine in -in, :meth:`CommonNouns.is_person_noun`), and any
   capitalised name that is no common noun before an office only a body has ("Uniko-Präsident", "Volvo-Chef").
   A name the model found once is found again in its own article only (source "repeated").
"""

from __future__ import annotations

import bisect
import re
from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from generator.lexicon import (
    DEFAULT_ROLE_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NEWSPAPER_HEADS,
    OCCUPATIONS_EN,
    ORG_HEAD_NOUNS,
    PEOPLE_NOUNS,
    PERSON_NOUNS_EN,
    POST_NOMINALS,
    SPEECH_VERBS,
    TITLES_BEFORE_NAMES,
    CommonNouns,
    demonyms,
    is_body_office_de,
    is_role_word,
    names_seat,
    opens_sentence,
    org_head,
)
from generator.model import ENTITY_TYPES, Article, EntityType, Extraction, Mention, stable_hash
from generator.names import fold, genitive_stem, is_acronym, skeleton


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, EntityType]  # exact surface -> type
    hints: dict[str, str | None]  # exact surface -> entity hint (curated/geonames)
    _by_word: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    # The first word of every person's name of two words or more the corpus gives (confident or not),
    # and those names: the words it uses as given names.
    given: Mapping[str, frozenset[str]] = field(default_factory=dict)
    _surnames: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _last_words: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _full_names: Mapping[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)
    _skeletons: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _first_words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def knows(self, text: str) -> bool:
        """Whether ``text`` is a confident name, as spelt or by its skeleton ("Hewlett-Packard" of the corpus's
        "Hewlett Packard")."""
        if self._skeletons is None:
            object.__setattr__(self, "_skeletons", frozenset(skeleton(t) for t in self.names))
        return text in self.names or skeleton(text) in self._skeletons  # type: ignore[operator]

    def surnames(self) -> frozenset[str]:
        """Confident person names and their last words: what the corpus names people by."""
        if self._surnames is None:
            found = {w for t, label in self.names.items() if label == "person" for w in (t, t.split()[-1])}
            object.__setattr__(self, "_surnames", frozenset(found))
        return self._surnames  # type: ignore[return-value]

    def full_names(self) -> Mapping[str, frozenset[str]]:
        """Confident person names of two words or more by their last word ("Stöger": "Peter Stöger")."""
        if self._full_names is None:
            found: dict[str, set[str]] = defaultdict(set)
            for t, label in self.names.items():
                if label == "person" and " " in t:
                    found[t.rsplit(" ", 1)[1]].add(t)
            object.__setattr__(self, "_full_names", {w: frozenset(ts) for w, ts in found.items()})
        return self._full_names  # type: ignore[return-value]

    def first_words(self) -> frozenset[str]:
        """The first words of confident names of two words or more, of any label ("New" of "New York")."""
        if self._first_words is None:
            object.__setattr__(self, "_first_words", frozenset(t.split()[0] for t in self.names if " " in t))
        return self._first_words  # type: ignore[return-value]

    def last_words(self) -> frozenset[str]:
        """The last words of confident person names of two words or more (surnames, not names alone)."""
        if self._last_words is None:
            found = {t.split()[-1] for t, label in self.names.items() if label == "person" and " " in t}
            object.__setattr__(self, "_last_words", frozenset(found))
        return self._last_words  # type: ignore[return-value]

    def index(self) -> dict[str, list[str]]:
        """Confident names by each of their words (built once: lookups stay linear in the corpus)."""
        if self._by_word is None:
            by_word: dict[str, list[str]] = defaultdict(list)
            for name in sorted(self.names):
                for word in set(name.split()):
                    by_word[word].append(name)
            object.__setattr__(self, "_by_word", dict(by_word))
        return self._by_word  # type: ignore[return-value]

    def longest_inside(self, text: str, language: str | None = None) -> tuple[str, str, int] | None:
        """The longest confident name inside ``text`` at word boundaries: (name, surface, offset). A
        genitive or plural is the name with an apostrophe and "s", or with "s" alone ("Merkels", "Lib
        Dems"); not an English person's name with "s" alone, which is another name ("Julie Andrews" is
        not Andrew's, "Keith Richards" not Richard's)."""
        index = self.index()
        candidates: set[str] = set()
        for word in text.split():
            for stem in (word, word.removesuffix("s"), word.removesuffix("’s"), word.removesuffix("'s")):
                candidates.update(index.get(stem, ()))
        best: tuple[int, bool, str, str, int] | None = None
        for name in sorted(candidates):
            if name == text or len(name) >= len(text):
                continue
            bare = not (language == "en" and self.names.get(name) == "person")
            for variant in ((name + "s",) if bare else ()) + (name + "’s", name + "'s", name):
                start = text.find(variant)
                while start != -1:
                    end = start + len(variant)
                    before_ok = start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")
                    after_ok = end == len(text) or not (text[end].isalnum() or text[end] == "-")
                    if before_ok and after_ok:
                        # Longest surface first; for the same surface, the genitive reading
                        # ("Russland" + s) over a name that is itself a genitive ("Russlands").
                        rank = (len(variant), variant != name, name, variant, start)
                        if best is None or rank[:2] > best[:2]:
                            best = rank
                    start = text.find(variant, start + 1)
        return None if best is None else best[2:]


def _vote(labels: Iterable[EntityType]) -> EntityType:
    counts = Counter(labels)
    return sorted(counts, key=lambda t: (-counts[t], ENTITY_TYPES.index(t)))[0]


def _party_word(m: Mention) -> bool:
    """A party's members' word of one word ("Tories", "Democrat": ``PARTY_MEMBERS``, marked by extraction)."""
    return (m.entity_hint or "").startswith("party:") and " " not in m.text


def build_lexicon(extractions: Mapping[str, Extraction]) -> Lexicon:
    counts: Counter[str] = Counter()
    labels: dict[str, list[EntityType]] = defaultdict(list)
    list_labels: dict[str, list[EntityType]] = defaultdict(list)  # weak: a label given to a list of names
    hints: dict[str, str | None] = {}
    evidence: set[str] = set()
    for art_id in sorted(extractions):
        for m in extractions[art_id].mentions:
            if m.source == "sheet" or _party_word(m):
                # A surname a line-up gives once ("King", "Back") is no name to find elsewhere; nor is a party's
                # members' word of one word, which the model reads wherever it means the party and which ends
                # other names ("Liberal Democrats", "Union of European Turkish Democrats"); "Lib Dems" is found.
                continue
            counts[m.text] += 1
            (list_labels if m.source == "list" else labels)[m.text].append(m.label)
            if m.entity_hint:
                hints.setdefault(m.text, m.entity_hint)
            if m.has_evidence:
                evidence.add(m.text)
    confident = {t for t, n in counts.items() if n >= 2 or t in evidence}
    names = {t: _vote(labels[t] or list_labels[t]) for t in sorted(confident) if _is_name_like(t.split())}
    given: dict[str, set[str]] = defaultdict(set)
    for t, ls in labels.items():
        if " " in t and "person" in ls:
            given[t.split()[0]].add(t)
    return Lexicon(
        names=names, hints={t: hints.get(t) for t in names}, given={w: frozenset(ts) for w, ts in given.items()}
    )


def _cleaned(
    ex: Extraction,
    article: Article,
    lexicon: Lexicon,
    by_word: Mapping[str, list[str]],
    nouns: CommonNouns | None,
    person_names: Callable[[str], bool] | None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> tuple[Mention, ...]:
    """One article's mentions extended, cut free of glued words and genitives, trimmed and split."""
    named = frozenset(m.text for m in ex.mentions)
    # The surnames of the people the article names in full ("Carragher" of "Jamie Carragher").
    surnames = frozenset(m.text.split()[-1] for m in ex.mentions if m.label == "person" and " " in m.text)
    persons = frozenset(m.text for m in ex.mentions if m.label == "person")
    # Where a name and a comma end right before a span: its "and" is a list's last ("Chelsea, Everton and Arsenal").
    listed = frozenset(n.end + 2 for n in ex.mentions if article.text[n.end : n.end + 2] == ", ")
    out: list[Mention] = []
    for m in ex.mentions:
        m = _with_saint(_with_head_noun(_extend(m, lexicon, by_word, article), article), article, nouns)
        m = _without_leading_description(m, article, nouns, named, persons, lexicon)
        m = _without_trailing_acronym_noun(m, article, nouns)
        m = _without_genitive_s(
            _without_glued_words(m, article, nouns, person_names, name_clusters, lexicon.full_names()),
            article,
            person_names,
            named,
            lexicon.surnames(),
        )
        in_list = m.start in listed
        out.extend(
            t
            for at_role in _split_at_role(m, article)
            for trimmed in _trim(at_role, lexicon, article, nouns, surnames)
            for coordinated in _split_coordinated(trimmed, lexicon, in_list and trimmed.start == m.start)
            for clause in _split_at_clause_word(coordinated, lexicon, article.language)
            for split in _split_of(clause, article)
            for t in _with_seat_institution(split, article)
        )
    return tuple(out)


#: Two names joined by a conjunction in one span ("Dell and Hewlett-Packard"); not "&", which joins the
#: names of one firm ("Marks & Spencer", "Barnes & Noble").
_COORDINATED = re.compile(
    r"([A-ZÄÖÜ][^\s]*(?: [A-ZÄÖÜ][^\s]*){0,3}) (?:and|und) ([A-ZÄÖÜ][^\s]*(?: [A-ZÄÖÜ][^\s]*){0,3})"
)


def _split_coordinated(m: Mention, lexicon: Lexicon, listed: bool = False) -> list[Mention]:
    """A span over two names joined by "and" or "und" ("Western firms such as Dell and Hewlett-Packard", one
    organisation to the model) is two, when the corpus names each with confidence on its own and the whole
    is no confident name ("Health and Safety Executive", "Trinidad and Tobago": no confident "Health",
    and a gazetteer's place is fixed by its evidence), or names one of them where a name and a comma come
    right before it (``listed``: "the gap on Chelsea, Everton and Arsenal", the end of a list, where an "and"
    is the list's; not "Unilever, Procter and Gamble"); each keeps the span's label as a list item's (source "list", a weak vote)."""
    if m.fixed or m.has_evidence or m.text in lexicon.names:
        return [m]
    match = _COORDINATED.fullmatch(m.text)
    if match is None:
        return [m]
    left, right = match.group(1), match.group(2)
    known = lexicon.knows(left) + lexicon.knows(right)
    if left == right or known < (1 if listed else 2):
        return [m]
    right_start = m.start + match.start(2)
    return [
        replace(m, end=m.start + len(left), text=left, source="list"),
        replace(m, start=right_start, text=right, source="list"),
    ]


#: Lower-case words an English name may hold, its own and those of the names it borrows ("Bank of England",
#: "Dogs without Borders", "Stratford upon Avon", "Parc des Sports", "Monte dei Paschi").
_NAME_WORDS_EN = NAME_PARTICLES | frozenset(
    "of the and for on in at upon without to a an over under & 'n' des et y e i dei degli delle dello sur sous"
    " aux au les los las do".split()
)
#: A lower-case word between two capitalised ones in a span.
_LOWER_INSIDE = re.compile(r"(?<= )[a-z][\w'’-]*(?= )")


def _split_at_clause_word(m: Mention, lexicon: Lexicon, language: str) -> list[Mention]:
    """An English span over a lower-case word that no name holds ("Southampton when Arsenal", "O'Connell
    rejects Lions", "Chaplin Collection beat Oasis", "Hartlepool or Boston": the model ran two names and the
    words between them into one) is its capitalised pieces that the corpus names with confidence on their
    own, as list items (a weak vote); the rest was never a name. A confident name as a whole stays."""
    if language != "en" or m.fixed or m.has_evidence or m.text in lexicon.names or " " not in m.text:
        return [m]
    cuts = [c for c in _LOWER_INSIDE.finditer(m.text) if c.group() not in _NAME_WORDS_EN]
    if not cuts:
        return [m]
    out: list[Mention] = []
    at = 0
    for cut in [*cuts, None]:
        end = cut.start() - 1 if cut is not None else len(m.text)
        piece = m.text[at:end]
        if piece[:1].isupper() and lexicon.knows(piece):
            out.append(replace(m, start=m.start + at, end=m.start + end, text=piece, source="list"))
        if cut is not None:
            at = cut.end() + 1
    return out


#: What separates the items of a list of names: a comma or a conjunction.
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:und|oder|sowie|and|or)\s+")
#: A list item: one to three capitalised words ("Hulu", "Video Archives", "TVN24").
_LIST_ITEM = re.compile(
    r"[A-ZÄÖÜ][\w.&'’-]*(?: [A-ZÄÖÜ][\w.&'’-]*){0,2}(?<!-)"
)  # not "Nord-" of "Nord-, Mittel- und …"


def _with_list_items(ex: Extraction, article: Article, nouns: CommonNouns | None) -> Extraction:
    """Names the model passed over between two names of one list ("Netflix, Hulu oder Amazon", "Sting,
    Mariah Carey, Elton John"): news lists things of one kind, so a capitalised item between two names the
    model labelled alike is a name of that label (a weak one: source "list"), unless a word of it is an
    ordinary word of the language (German nouns are capitalised: "Banken, Versicherungen und Allianz")."""
    if nouns is None or not nouns.knows(article.language):
        return ex
    text = article.text
    ordered = sorted(ex.mentions, key=lambda m: (m.start, m.end))
    added = []
    for a, b in pairwise(ordered):
        if a.label != b.label or a.sentence != b.sentence or a.end >= b.start or not text.startswith(",", a.end):
            continue
        parts = _LIST_SEPARATOR.split(text[a.end : b.start])
        if len(parts) < 3 or parts[0] or parts[-1]:
            continue  # not ", X and " between them
        at = a.end
        for item in parts[1:-1]:
            at = text.index(item, at) if item else at
            words = item.split(" ")
            if (
                not _LIST_ITEM.fullmatch(item)
                or any(nouns.is_noun(article.language, w) for w in words)
                or item.lower() in _stop_words(article.language)
            ):
                break  # one item that is no name: no list of names
            added.append(replace(a, start=at, end=at + len(item), text=item, source="list", entity_hint=None))
            at += len(item)
        else:
            continue
        added = [m for m in added if not (a.end <= m.start < b.start)]  # all the list's items, or none
    if not added:
        return ex
    return replace(ex, mentions=tuple(sorted((*ex.mentions, *added), key=lambda m: (m.start, m.end))))


def _split_at_role(m: Mention, article: Article) -> list[Mention]:
    """An English span with a person's occupation in it: "Barcelona star Ronaldinho" is a team and a
    person (a lower-case :data:`PERSON_NOUNS_EN` word between capitalised ones), "Midfielder Edu" and
    "Rapper 50 Cent" a person (an :data:`OCCUPATIONS_EN` word opening it), whatever the model's label."""
    if article.language != "en" or m.source not in ("model", "list") or " " not in m.text:
        return [m]
    words = m.text.split(" ")
    if (
        words[0].lower() in OCCUPATIONS_EN
        and words[0][:1].isupper()
        and (words[1][:1].isupper() or words[1][:1].isdigit())
    ):
        start = m.start + len(words[0]) + 1
        return [replace(m, start=start, text=article.text[start : m.end], label="person")]
    for i in range(1, len(words) - 1):
        if words[i] in PERSON_NOUNS_EN and words[i - 1][:1].isupper() and words[i + 1][:1].isupper():
            end = m.start + len(" ".join(words[:i]))
            start = end + len(words[i]) + 2
            team = "organization" if m.label == "person" else m.label
            return [
                replace(m, end=end, text=article.text[m.start : end], label=team),
                replace(m, start=start, text=article.text[start : m.end], label="person"),
            ]
    return [m]


_WORD_BEFORE = re.compile(r"(\w[\w-]*) $")


def _with_seat_institution(m: Mention, article: Article) -> list[Mention]:
    """A German place named right after an institution is the institution's seat, part of its
    name ("Landesgericht Linz", "Staatsanwaltschaft Schwerin"): one organisation mention."""
    if article.language != "de" or m.label != "place" or m.fixed:
        return [m]
    match = _WORD_BEFORE.search(article.text, max(0, m.start - 40), m.start)
    if match is None or not names_seat(match.group(1)):
        return [m]
    start = match.start(1)
    return [replace(m, start=start, text=article.text[start : m.end], label="organization", entity_hint=None)]


_VON = re.compile(r"\s+(?:von|vom)$")
_OF = re.compile(r"\s+(?:von|vom)\s+")


def _split_of(m: Mention, article: Article) -> list[Mention]:
    """A German organisation or place span "X von Y" where X and Y are each names of two
    words or more ("Russia & Eurasia Programme von Chatham House") is two mentions: a body
    and the body it belongs to. One-word sides stay one name ("Bank von Japan")."""
    if article.language != "de" or m.label == "person" or m.fixed:
        return [m]
    match = _OF.search(m.text)
    if match is None:
        return [m]
    left, right = m.text[: match.start()], m.text[match.end() :]
    if not all(len(side.split()) >= 2 and _is_name_like(side.split()) for side in (left, right)):
        return [m]
    right_start = m.start + match.end()
    return [
        replace(m, end=m.start + len(left), text=left, source="propagated"),
        replace(m, start=right_start, text=right, source="propagated"),
    ]


def _is_name_like(words: Sequence[str]) -> bool:
    return all(
        w[:1].isupper()
        or w[:1].isdigit()
        or w.lower() in ("von", "van", "de", "der", "bin", "al", "&", "of", "for", "für", "und")
        for w in words
    )


def refine(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    *,
    role_words: Sequence[str] = DEFAULT_ROLE_WORDS,
    curated: Mapping[str, tuple[EntityType, str]] | None = None,
    memo: Memo | None = None,
    nouns: CommonNouns | None = None,
    person_names: Callable[[str], bool] | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> dict[str, Extraction]:
    """Trim and propagate mentions across the corpus (see the module docstring).

    ``nouns`` (the ordinary-word lexicons) lets a role or description glued to
    the front of a person's name be cut off (:func:`_without_glued_words`);
    ``person_names`` (a dictionary of given names and surnames) lets it be cut
    off a two-word name too, when it is no one's name ("Aufsteiger Kaymer"), and
    ``name_clusters`` (:meth:`generator.lexicon.PersonNameParts.in_name_cluster`) when a
    large corpus does not use it as people's names ("Trainer Stöger").

    ``curated`` maps curated names to (type, entity id): they are findable too,
    so that "Kreml-Sprecher" yields the Kremlin even though the ruler, which
    sees whole tokens only, cannot match inside it. ``memo`` (the last build's
    results) spares the search in articles whose inputs are unchanged; the
    result is the same with or without it.
    """
    lexicon = build_lexicon(extractions)
    by_id = {a.id: a for a in articles}
    by_word = lexicon.index()
    trimmed = {
        art_id: replace(ex, mentions=_cleaned(ex, by_id[art_id], lexicon, by_word, nouns, person_names, name_clusters))
        for art_id, ex in extractions.items()
        if art_id in by_id
    }
    trimmed = {art_id: _with_list_items(ex, by_id[art_id], nouns) for art_id, ex in trimmed.items()}
    # A confident name that trimming cut everywhere ("Labour MPs" to "Labour") is no name to find again:
    # propagation would put back what trimming took out.
    kept = {m.text for ex in trimmed.values() for m in ex.mentions}
    findable = _findable(trimmed, _only(lexicon, kept), nouns)
    for name, (label, ent_id) in sorted((curated or {}).items()):
        findable[skeleton(name)] = _target(label, f"curated:{ent_id}", name)
    out: dict[str, Extraction] = {}
    for article in articles:
        ex = trimmed.get(article.id)
        if ex is None:
            continue
        mentions = list(ex.mentions)
        local = _local_findable(article, mentions, findable, nouns)
        table: Mapping[str, _Target] = ChainMap(findable, local) if local else findable
        if table and ex.sentences:
            if memo is not None:
                mentions.extend(memo.propagate(article, ex, mentions, table, role_words, nouns))
            else:
                mentions.extend(_propagate(article, ex, mentions, table, role_words, nouns))
        mentions.sort(key=lambda m: (m.start, m.end))
        out[article.id] = replace(ex, mentions=tuple(_dedupe(mentions)))
    return out


def _local_findable(
    article: Article, mentions: Sequence[Mention], findable: Mapping[str, _Target], nouns: CommonNouns | None
) -> dict[str, _Target]:
    """The names the model found in this article only once in the corpus (not confident: :func:`build_lexicon`),
    findable in this article: "Damit kann WhatsApp die Inhalte ..." is the WhatsApp the article named a
    sentence before. Not a word the article's language writes as an ordinary word ("Beton", "Mobile"), whose
    one label is no proof that its other uses are names, nor a line-up's or a list's item."""
    local: dict[str, _Target] = {}
    for m in mentions:
        if m.source not in ("model", "gazetteer") or not _is_name_like(m.text.split()):
            continue
        if _party_word(m):
            continue  # (see build_lexicon)
        key = skeleton(m.text)
        if key in findable or key in local:
            continue
        if " " not in m.text and not is_acronym(m.text) and article.language in _ordinary_in(m.text, nouns):
            continue
        local[key] = replace(_target(m.label, m.entity_hint, m.text), repeated=True)
    return dict(sorted(local.items()))


class _Recording(Mapping[str, "_Target"]):
    """``findable`` that remembers every key looked up in it (hit or miss)."""

    def __init__(self, table: Mapping[str, _Target]):
        self.table = table
        self.keys_seen: set[str] = set()

    def __getitem__(self, key: str) -> _Target:
        self.keys_seen.add(key)
        return self.table[key]

    def get(self, key: str, default: object = None) -> _Target | None:  # type: ignore[override]
        self.keys_seen.add(key)
        return self.table.get(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


@dataclass
class Memo:
    """What propagation found in each article, and what that depended on.

    An article's result depends on its text, sentences and existing mention
    spans, the role words, and the entries of the corpus-wide ``findable``
    table that its runs of capitalised words looked up. A new name elsewhere in
    the corpus changes the table but rarely those entries, so after an edit
    only the edited article and articles naming what changed are searched
    again; the rest reuse their last result (tests/test_propagate.py checks
    results equal a run without the memo).
    """

    old: dict[str, tuple[str, tuple[str, ...], str, tuple[Mention, ...]]] = field(default_factory=dict)
    new: dict[str, tuple[str, tuple[str, ...], str, tuple[Mention, ...]]] = field(default_factory=dict)
    searched: int = 0

    def propagate(
        self,
        article: Article,
        ex: Extraction,
        existing: Sequence[Mention],
        findable: Mapping[str, _Target],
        role_words: Sequence[str],
        nouns: CommonNouns | None = None,
    ) -> list[Mention]:
        key = stable_hash(
            article.digest,
            repr([(s.index, s.start, s.end) for s in ex.sentences]),
            repr([(m.start, m.end, m.label, m.source) for m in existing]),
            repr(tuple(role_words)),
        )
        entry = self.old.get(article.id)
        if entry is None or entry[0] != key or entry[2] != _values(findable, entry[1]):
            recording = _Recording(findable)
            found = tuple(_propagate(article, ex, existing, recording, role_words, nouns))
            looked = tuple(sorted(recording.keys_seen))
            entry = (key, looked, _values(findable, looked), found)
            self.searched += 1
        self.new[article.id] = entry
        return list(entry[3])


def _values(findable: Mapping[str, _Target], keys: Sequence[str]) -> str:
    return stable_hash(repr([findable.get(k) for k in keys]))


@dataclass(frozen=True)
class _Target:
    label: EntityType
    hint: str | None
    exact: str | None = None  # acronyms match only as written ("UN", never "Un", nor German "Mit" for MIT)
    # A name of four letters or fewer matches only its own spelling, folded: transliteration rules made for
    # Russian and Korean names make "Jim" of "Im" and "Vas" (a Hungarian county) of "Was".
    short: str | None = None
    # A surname alone: the skeleton of the person's full name, which an article must give for the surname to
    # match there by its skeleton too ("Schoigu" beside "Sergej Schoigu"); elsewhere only as written.
    full: str | None = None
    written: str | None = None
    # The languages that write a surname alone as an ordinary word ("Rock", "Wall", "Glück"): there it is found
    # only where the article gives the full name too.
    ordinary_in: frozenset[str] = frozenset()
    # A surname several people of the corpus share ("Lopez" of Jennifer and of Feliciano Lopez): the skeleton
    # of each one's full name and how it writes the surname. It is found only in an article that gives exactly
    # one of those full names, as that name writes it: there it is that person's.
    shared: tuple[tuple[str, str], ...] = ()
    # An English adjective, never a noun ("Olympic"), and no longer name's last word ("United" of "Manchester
    # United"): before a lower-case word it qualifies that word ("Olympic champion"), and is not found there.
    adjective: bool = False
    # A name the model found once, in this article (:func:`_local_findable`): its finds are "repeated".
    repeated: bool = False


def _target(label: EntityType, hint: str | None, name: str) -> _Target:
    """What finding ``name`` means: its label and hint, matched as written if an acronym, by its spelling
    if short."""
    short = fold(name) if len(name) <= SHORT_NAME and " " not in name else None
    return _Target(label, hint, name if is_acronym(name) else None, short)


#: Names this long or shorter are matched by their own spelling only (see :class:`_Target`).
SHORT_NAME = 4


def _only(lexicon: Lexicon, texts: Set[str]) -> Lexicon:
    """The lexicon of the names among ``texts``."""
    if all(t in texts for t in lexicon.names):
        return lexicon
    names = {t: label for t, label in lexicon.names.items() if t in texts}
    return Lexicon(names=names, hints={t: lexicon.hints.get(t) for t in names}, given=lexicon.given)


def _findable(
    extractions: Mapping[str, Extraction], lexicon: Lexicon, nouns: CommonNouns | None = None
) -> dict[str, _Target]:
    """Name skeleton -> what a match means.

    Confident names (a one-word one that is a German noun only in an article whose
    model named it too: "Sommer", "Kraft"), plus (after trimming) every person name of
    two or three words, plus the surname of each such person when no other person shares
    it: by another spelling, or where the article's language writes it as an ordinary
    word (``nouns``: "Rock", "Wall", "Glück"), only in an article that gives the full
    name; a surname several people share only in an article that gives exactly one of
    their full names. Matching by skeleton finds "Sergej Schoigu" in German text once
    "Sergei Shoigu" was found in English.
    """
    table: dict[str, _Target] = {}
    ends = {name.rsplit(" ", 1)[1] for name in lexicon.names if " " in name}
    for name, label in sorted(lexicon.names.items()):
        target = _target(label, lexicon.hints.get(name), name)
        if " " not in name and not is_acronym(name):
            # "Sommer", "Sturm", "Kraft": a German noun, which German capitalises like a name, is found only in
            # an article whose model named it too ("im Sommer" is no one). (English capitalises names only:
            # "the Conservatives" in the middle of a sentence is the party wherever the model missed it.)
            adjective = nouns is not None and name.lower() in nouns.adjectives and name not in ends
            target = replace(target, ordinary_in=_ordinary_in(name, nouns) & {"de"}, adjective=adjective)
        table.setdefault(skeleton(name), target)
    people: dict[str, str] = {}
    for art_id in sorted(extractions):
        for m in extractions[art_id].mentions:
            words = m.text.split()
            core = [w for w in words if w.lower() not in NAME_PARTICLES]  # "Alexander Van der Bellen": two
            if m.label == "person" and 2 <= len(core) <= 3 and _is_name_like(words):
                people.setdefault(skeleton(m.text), m.text)
    surnames: Counter[str] = Counter()
    for key in people:
        table.setdefault(key, _Target("person", None))
        surnames.update(_surnames(key))
    shared: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, text in people.items():
        for last in _surnames(key):
            if surnames[last] > 1 and len(last) > 2:
                shared[last].append((key, " ".join(text.split()[-len(last.split()) :])))
            if surnames[last] == 1 and len(last) > 2:
                # Matched by its own spelling if short ("Veer" of Jeroen van der Veer is not German "Wer"), and
                # by its skeleton only where the article gives the full name: elsewhere a skeleton that only the
                # surname's spelling shares is an ordinary word ("Mayor" is not John Major, "Muslim" not Salih
                # Müslim).
                written = " ".join(text.split()[-len(last.split()) :])  # "Van der Bellen" of "van der bellen"
                ordinary = (
                    frozenset(("de", "en"))  # "the Queen" is not "Mary Queen" of another article
                    if written.lower() in TITLES_BEFORE_NAMES
                    else _ordinary_in(written, nouns)
                )
                target = _target("person", None, written)
                table.setdefault(last, replace(target, full=key, written=written, ordinary_in=ordinary))
    for last, owners in sorted(shared.items()):
        table.setdefault(last, _Target("person", None, shared=tuple(sorted(owners))))
    return table


def _ordinary_in(word: str, nouns: CommonNouns | None) -> frozenset[str]:
    """The languages that write ``word`` as an ordinary word: German Wiktionary's nouns, those that are
    surnames too among them ("Sommer", "Sturm", "Müller"), English words a large corpus writes mostly in lower
    case ("Mobile", "Wall")."""
    if nouns is None:
        return frozenset()
    found = set()
    if nouns.knows("en") and nouns.written_lower("en", word):
        found.add("en")
    if nouns.knows("de") and nouns.is_noun("de", word):
        found.add("de")
    return frozenset(found)


def _surnames(key: str) -> set[str]:
    """A person's surname, also with its particles ("bellen", "van der bellen"; "guttenberg", "zu guttenberg")."""
    words = key.split()
    found = {words[-1]}
    for i in range(1, len(words) - 1):
        if words[i] in NAME_PARTICLES:
            found.add(" ".join(words[i:]))
            break
    return found


def _extend(m: Mention, lexicon: Lexicon, by_word: Mapping[str, list[str]], article: Article) -> Mention:
    """A span cut short of a confident name that the text spells out ("Kim Jong" of
    "Kim Jong Un") is extended to the whole name, even when the shorter span is
    itself frequent (a model that always stops early makes it so)."""
    if m.fixed:
        return m
    first = m.text.split()[0] if m.text.split() else ""
    best = None
    for name in by_word.get(first, ()):
        if len(name) <= len(m.text) or m.text not in name:
            continue
        offset = name.index(m.text)
        start = m.start - offset
        if start >= 0 and article.text[start : start + len(name)] == name:
            after = article.text[start + len(name) : start + len(name) + 1]
            if not after.isalnum() and (best is None or len(name) > len(best[0])):
                best = (name, start)
    if best is None:
        return m
    name, start = best
    label = lexicon.names[name]
    hint = m.entity_hint
    if hint is not None and hint.startswith("geonames:") and label != "place":
        hint = None  # the town in a bank's or a university's name is not what the name names ("Bank of Alexandria")
    return replace(
        m,
        start=start,
        end=start + len(name),
        text=name,
        label=label,
        source="propagated",
        entity_hint=lexicon.hints.get(name) or hint,
    )


_NEXT_HEAD = re.compile(r" ([A-ZÄÖÜ][\w-]*)(?![\w-])")


def _with_head_noun(m: Mention, article: Article) -> Mention:
    """A multi-word name cut short of the organisation head noun that follows it ("Russia & Eurasia"
    + "Programme", "Blackpool Hotel" + "Association") takes the noun in: the head makes it a name. So does a
    place's name before a newspaper's ("Washington" + "Post": :data:`NEWSPAPER_HEADS`)."""
    if m.fixed or (" " not in m.text and m.label != "place"):
        return m
    after = _NEXT_HEAD.match(article.text, m.end)
    if after is None or after.group(1).lower() not in (ORG_HEAD_NOUNS if " " in m.text else NEWSPAPER_HEADS):
        return m
    end = after.end(1)
    return replace(m, end=end, text=article.text[m.start : end], label="organization")


#: A saint's title right before a name ("St. Johann", "Sankt Pölten", "St Helens").
_SAINT_BEFORE = re.compile(r"(?:(?<=[\s(])|^)(?:St\.?|Sankt|Saint)[ \t\u00a0]\Z")
#: What continues a German place's name after it: a preposition and a region ("St. Johann im Pongau",
#: "Frankfurt am Main", "Neumarkt in der Steiermark").
_PLACE_CONTINUED_DE = re.compile(r" (?:im|am|an der|in der|ob der) ([A-ZÄÖÜ][\w-]*)(?![\w-])")


def _with_saint(m: Mention, article: Article, nouns: CommonNouns | None) -> Mention:
    """A name right after a saint's title is a place's that the model cut short ("St. Johann" read as the
    person "Johann"): the title goes in, and the place is typed so; in German with the region that
    continues its name ("St. Johann im Pongau"; not "im Winter": an ordinary word)."""
    if m.source not in ("model", "list") or m.entity_hint or " " in article.text[m.start : m.end].strip():
        return m
    saint = _SAINT_BEFORE.search(article.text, max(0, m.start - 7), m.start)
    if saint is None:
        return m
    end = m.end
    more = _PLACE_CONTINUED_DE.match(article.text, end) if article.language == "de" else None
    word = more.group(1) if more is not None else ""
    if more is not None and not (nouns is not None and nouns.is_noun("de", word)):
        end = more.end(1)  # (a common noun, or one that is a name too: "im Winter", "im Sommer")
    start = saint.start()
    return replace(m, start=start, end=end, text=article.text[start:end], label="place")


#: A match's score before a team's name ("Newcastle 2-1 Bolton").
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2} ")
#: Forms of address that begin a person's name wherever they stand ("the Sunday Times Mr Campbell"); not
#: "Sir", "Dame" or "Miss", which stand inside names too ("Notre Dame", "Little Miss Sunshine").
_ADDRESS_INSIDE = HONORIFICS - {"sir", "dame", "miss"}


def _without_leading_description(
    m: Mention,
    article: Article,
    nouns: CommonNouns | None,
    named: Set[str],
    persons: Set[str],
    lexicon: Lexicon,
) -> Mention:
    """A name without words a model read into its front that belong to no name: a match's score ("2-1
    Bolton"), a verb of saying that opens the sentence before the speaker and a colon or comma ("Said
    Williams: ..."), another name's end before a form of address ("the Sunday Times Mr Campbell" -> "Campbell"),
    and before a person's name an English acronym used as a common noun ("MSP Karen Whitefield":
    :meth:`CommonNouns.is_acronym_noun`) or an English word that opens the sentence and that English
    writes in lower case at least as often (:meth:`CommonNouns.written_lower`: "Veteran Keane was ..."),
    and that the corpus gives no one as a given name ("Bill", "Rich"), where the article also names the
    rest on its own or a person by it as a surname ("Robbie Keane"): English capitalises any word
    there, and a name the article gives without it is the name.
    """
    if m.source not in ("model", "list") or " " not in m.text:
        return m
    words = m.text.split(" ")
    cut = 0
    if _SCORE.match(m.text):
        cut = 1
    elif (
        words[0].lower() in SPEECH_VERBS.get(article.language, ())
        and opens_sentence(article.text, m.start)
        and article.text[m.end : m.end + 1] in (":", ",")
    ):
        cut = 1  # the verb of an attribution that opens its sentence: "Said Williams: ...", "Sagte Merkel, ..."
    else:
        for i in range(1, len(words) - 1):
            if words[i].lower().rstrip(".") in _ADDRESS_INSIDE and words[i + 1][:1].isupper():
                cut = i + 1
                break
    if cut == 0 and nouns is not None and article.language == "en" and m.label == "person" and words[1][:1].isupper():
        # (A person's name only: "PC World" and "Virgin Atlantic" are firms' whole names.)
        first, rest = words[0], " ".join(words[1:])
        if (is_acronym(first) and nouns.is_acronym_noun(first) and len(words) > 2) or (  # not "PJ Harvey"
            opens_sentence(article.text, m.start)
            and nouns.written_lower("en", first)
            # "Bill", "Rich", "Mark": the corpus gives people these names (in another name than this one)
            and not set(lexicon.given.get(first, ())) - {m.text}
            and first.lower() not in NAME_PARTICLES  # "Van Gogh"
            # The rest named on its own, or the surname of another person of the article ("Robbie Keane"; a
            # bare surname is no evidence: "Cat Deeley ... Deeley will host").
            and (rest in named if len(words) > 2 else any(p != m.text and p.endswith(" " + rest) for p in persons))
        ):
            cut = 1
    if (
        cut == 0
        and nouns is not None
        and article.language == "en"
        and m.label != "person"
        and words[1][:1].isupper()
        and " ".join(words[1:]) in named
        and m.text not in lexicon.names
        and words[0] not in lexicon.first_words()
        and words[0] not in lexicon.given  # a person's given name the model typed otherwise ("Dado Prso")
        and lexicon.names.get(" ".join(words[1:])) != "place"  # a body of a country ("Athletics Ireland")
        and opens_sentence(article.text, m.start)
        and nouns.written_lower("en", words[0])
    ):
        # "Bookmakers Ladbrokes", "Telco BT", "Goalscorer Toure": a description the sentence capitalised, before
        # a name the article gives on its own; not the first word of a name the corpus gives ("Air China",
        # "New Labour", "Great Britain", "Western Europe" are confident names or start others).
        cut = 1
    if cut == 0:
        return m
    start = m.start + len(" ".join(words[:cut])) + 1
    label: EntityType = "person" if words[cut - 1].lower().rstrip(".") in _ADDRESS_INSIDE else m.label
    return replace(m, start=start, text=article.text[start : m.end], label=label)


def _without_trailing_acronym_noun(m: Mention, article: Article, nouns: CommonNouns | None) -> Mention:
    """An English name without the acronym English uses as a common noun that ends it ("Labour MPs",
    "Tory MEP", "John Smith MP": :meth:`CommonNouns.is_acronym_noun`): a description after the name,
    never part of it. Before a plural ("Labour MPs") the name is the body they belong to; before a British
    honour or rank (:data:`POST_NOMINALS`: "Guy Mansfield QC") a person's name of two words or more."""
    if nouns is None or article.language != "en" or m.fixed or " " not in m.text:
        return m
    head, _, last = m.text.rpartition(" ")
    if last in POST_NOMINALS and head[-1:].isalpha() and " " in head:
        return replace(m, end=m.start + len(head), text=head, label="person")  # "Guy Mansfield QC"
    plural = last.endswith("s") and is_acronym(last[:-1])
    singular = last[:-1] if plural else last
    if not is_acronym(singular) or not nouns.is_acronym_noun(singular) or not head[-1:].isalnum():
        return m
    return replace(m, end=m.start + len(head), text=head, label="organization" if plural else m.label)


_GERMAN_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+")

#: A glued word shorter than this stays: short words that are nouns are often East Asian
#: names ("Kang", "Yang") or given names ("Bill", "Mark"); role nouns are long ("Keeper", "Konteradmiralin").
GLUED_MIN_CHARS = 5


def _without_glued_words(
    m: Mention,
    article: Article,
    nouns: CommonNouns | None,
    person_names: Callable[[str], bool] | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
    full_names: Mapping[str, Set[str]] | None = None,
) -> Mention:
    """A person's name without the ordinary words the model glued to its front ("Keeper Tony Bullock",
    "Konteradmiralin Mary Landry", "Masters-Sieger Phil Mickelson" -> the last two words), and the
    noun for a nation's person before any name the model labelled (:data:`PEOPLE_NOUNS`: "Frenchman
    Cyril Saulnier" is a person).

    A word is ordinary by the lexicon of the article's language
    (:class:`generator.lexicon.CommonNouns`), a hyphenated one by its last part.
    Cuts stop at two words, so a full name remains ("Horst Seehofer": "Horst" is
    a German noun too), except where ``person_names`` says the first of two
    words is no given name or surname ("Aufsteiger Kaymer", "AfD-Vize Gauland",
    "Regulator Boltz" -> the surname), or ``name_clusters`` that a large corpus of
    the language does not use it as people's names while ``full_names`` (the corpus's
    person names of two words or more by their last word) names someone else by the
    surname ("Trainer Stöger" beside "Peter Stöger": "Trainer" is a surname too, but
    the news's word for a coach). A hyphenated description between two names
    leaves the second ("Nadal French-Open-Sieger Stan Wawrinka" -> "Stan Wawrinka"). In German an
    organisation's name loses a hyphenated description before it ("Bank-Austria-Mutter Unicredit"), and a
    person's name of three words or more an ordinary noun after it that no one bears as a name ("Rob
    Morgan Ansteckabzeichen": the sentence's object).
    """
    words = m.text.split(" ")
    if m.source in ("model", "list") and len(words) > 1 and words[1][:1].isupper():
        # "Frenchman Cyril Saulnier", whatever the model's label: a nation's person, named. So is
        # "American Taylor Dent" when a word English writes as a name follows the adjective and no
        # organisation noun ends it ("German Marshall Fund", "American Life Project" stay).
        adjective = (
            len(words) > 2
            and article.language == "en"
            and words[0] in demonyms("en")
            and nouns is not None
            and words[1] in nouns.name_like  # English writes it capitalised: "Taylor", not "Trade" or "Life"
            and all(w[:1].isupper() for w in words[1:])
            and not org_head(" ".join(words[1:]))
        )
        if words[0] in PEOPLE_NOUNS or adjective:
            start = m.start + len(words[0]) + 1
            return replace(m, start=start, text=article.text[start : m.end], label="person")
    if (
        nouns is not None
        and person_names is not None
        and name_clusters is not None
        and m.source in ("model", "list")
        and m.label != "person"
        and article.language == "de"
        and len(words) == 3
        and nouns.is_common("de", words[0])
        and words[0] not in nouns.name_like
        # a given name by the dictionary and by how German news uses the word ("Michael"; not "Angeles")
        and person_names(words[1])
        and name_clusters(words[1], "de")
        and all(w[:1].isupper() and w.isalpha() for w in words[1:])
        and not org_head(m.text)
    ):
        # "den Deutschen Michael Berrer", an organisation to the model: a German noun before a given name and
        # a surname describes the person they name.
        start = m.start + len(words[0]) + 1
        return replace(m, start=start, text=article.text[start : m.end], label="person")
    if (
        nouns is not None
        and m.source in ("model", "list")
        and m.label == "organization"
        and article.language == "de"
        and len(words) > 1
        and "-" in words[0]
        and ((last := words[0].rsplit("-", 1)[-1]) in nouns.heads or nouns.is_common("de", last))  # any noun
        and not org_head(words[0])
        and not org_head(m.text)
        and any(w[:1].isupper() and not nouns.is_common("de", w) for w in words[1:])
    ):
        # "Bank-Austria-Mutter Unicredit", "VW-Tochter Audi": a description of the company glued to its
        # name ("Max-Planck-Gesellschaft München" keeps its head noun, "Coca-Cola Company" its name).
        start = m.start + len(words[0]) + 1
        return replace(m, start=start, text=article.text[start : m.end])
    if nouns is None or m.source not in ("model", "list") or m.label != "person" or not nouns.knows(article.language):
        return m
    last = words[-1]
    if (
        article.language == "de"
        and len(words) > 2
        and len(last) >= GLUED_MIN_CHARS
        and (
            nouns.is_common("de", last)
            or nouns.is_compound("de", last)
            # a German compound by a head noun of six letters or more alone ("Ansteck|abzeichen"), where
            # a name dictionary vouches for the surnames that end in a noun ("Hausmann", "Schumacher");
            # not a foreign name's spelling ("Iñárritus" does not end in "Ritus")
            or (
                person_names is not None
                and _GERMAN_WORD.fullmatch(last) is not None
                and any(nouns.is_common("de", last[i:].capitalize()) for i in range(3, len(last) - 5))
            )
        )
        and (person_names is None or not person_names(last))
    ):
        # "die Piloten Dan Barina und Rob Morgan Ansteckabzeichen und Aufnäher": German puts the object
        # right after a name; a noun no one bears as a name is not the name's last word.
        end = m.end - len(last) - 1
        m, words = replace(m, end=end, text=article.text[m.start : end]), words[:-1]

    def given(word: str) -> bool:
        # A name part rigour knows, unless a large corpus does not use it as it uses people's names and the
        # corpus names someone else by the surname after it: "Trainer Stöger" beside "Peter Stöger"
        # ("Trainer" and "Coach" are surnames too by the dictionary; "Albrecht", "Lorraine" are missing
        # from the clusters, and "Lorraine Bracco" is no one else's name).
        if person_names is None or not person_names(word):
            return False
        if name_clusters is None or name_clusters(word, article.language) or not words[-1][:1].isupper():
            return True  # ("Spider-Man 2": no surname follows)
        return not any(other != m.text for other in (full_names or {}).get(words[-1], ()))

    cut = 0
    while len(words) - cut > 1:
        word = words[cut]
        last = word.rsplit("-", 1)[-1]
        if (
            len(word) < GLUED_MIN_CHARS
            or not (  # a hyphenated word by its length ("AfD-Vize")
                nouns.glued_before_name(article.language, word)
                or nouns.glued_before_name(article.language, last)
                or _title_before_name(word, words[cut + 1 :], article.language, nouns, person_names)
                # A German word written in lower case (a verb, an adverb, a conjunction), capitalised
                # because it opens the sentence ("Sowohl Merkel als auch ...", "Verliert Strache ..."), and
                # no one's name. (English writes nouns in lower case too: "Labour MPs", "Jailhouse Rock".)
                or (
                    cut == 0
                    and article.language != "en"
                    and opens_sentence(article.text, m.start)
                    and nouns.written_lower(article.language, word)
                    and not (person_names is not None and person_names(word))
                )
            )
        ):
            break
        if len(words) - cut == 2 and (person_names is None or given(word) or given(last)):
            break  # two words left: the first may be a given name that is a noun too
        cut += 1
    # A hyphenated description between two names describes the second ("Nadal French-Open-Sieger
    # Stan Wawrinka"): the name is what follows it.
    for i in range(max(cut, 1), len(words) - 1):
        word = words[i]
        if "-" in word and len(word) >= GLUED_MIN_CHARS and nouns.glued_before_name(article.language, word):
            cut = i + 1
    if cut == 0:
        return m
    offset = len(" ".join(words[:cut])) + 1
    start = m.start + offset
    return replace(m, start=start, text=article.text[start : m.end])


def _title_before_name(
    word: str,
    rest: Sequence[str],
    language: str,
    nouns: CommonNouns,
    person_names: Callable[[str], bool] | None,
) -> bool:
    """An English title capitalised before a name ("Treasurer Peter Costello"): a word English writes in
    lower case at least as often (:attr:`CommonNouns.lowered`), that is no name people bear (not
    "Constable", a surname too) and that a given name the dictionary knows follows."""
    return (
        language == "en"
        and person_names is not None
        and word in nouns.lowered
        and len(rest) >= 2
        and not person_names(word)
        and person_names(rest[0])
    )


def _without_genitive_s(
    m: Mention,
    article: Article,
    person_names: Callable[[str], bool] | None,
    named: Set[str] = frozenset(),
    surnames: Set[str] = frozenset(),
) -> Mention:
    """A German person's name without the genitive -s the model took in ("Justin Biebers Album",
    "Arabella Kiesbauers neues Format" -> "Justin Bieber", "Arabella Kiesbauer"), and without the
    words after a genitive inside it ("Ridley Scotts Blade Runner" -> "Ridley Scott"): before a
    noun, when the name without the -s is known and the name with it is not ("Gates", "Williams"
    stay). Known is what the name dictionary knows, the article names on its own (``named``, its
    mentions' texts: "Kiesbauer") or the corpus names a person by (``surnames``: a confident person's
    name or its last word: "Hundstorfer" elsewhere makes "Rudolf Hundstorfers Wahlkampf" his)."""
    if person_names is None or article.language != "de" or m.label != "person" or m.source not in ("model", "list"):
        return m

    def genitive(word: str, rest: int) -> bool:
        if len(word) <= 4 or not word.endswith("s") or word.endswith("ss") or not word[:1].isupper():
            return False
        if rest == m.end and not _NOUN_NEXT.match(article.text, m.end):
            return False  # a genitive name stands before its noun ("Biebers Kommentare"; not "Jankovics gehört")
        stem = word[:-1]
        return not person_names(word) and (person_names(stem) or stem in named or stem in surnames)

    words = m.text.split(" ")
    offset = 0
    for i, word in enumerate(words):
        offset += len(word)
        if (i > 0 or len(words) == 1) and genitive(word, m.start + offset):
            end = m.start + offset - 1
            return replace(m, end=end, text=article.text[m.start : end])
        offset += 1
    return m


#: A noun next, perhaps after one declined adjective ("Kommentare", "neues Format").
_NOUN_NEXT = re.compile(r"[ \t\u00a0]+(?:[a-zäöüß]+(?:e|er|es|en|em)[ \t\u00a0]+)?[A-ZÄÖÜ]")


def _trim(
    m: Mention,
    lexicon: Lexicon,
    article: Article,
    nouns: CommonNouns | None = None,
    surnames: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Cut a confident name out of a longer span; see rule 2 of the module docstring.

    * A genitive or possessive name ("Isolation Russlands", "Kims Reisen",
      "Seoul’s Kookmin University") is split off; what remains stays a mention
      only if it is itself a multi-word name ("Kookmin University").
    * In German, where every noun is capitalised, one extra word after a name
      is dropped ("Kim Jong Un Briefe"), when the lexicon knows it as an ordinary
      noun (with ``nouns``) and it is no surname after a person's given name
      ("Walter Reuter", "Laura Osswald", where "Walter" and "Laura" are names of the corpus).
    * A German "von" genitive ("Russia & Eurasia Programme von Chatham House")
      is split like the inflected one, and an English possessive before a confident
      name is cut off ("Henry's Arsenal" -> "Arsenal").
    * A confident name followed by a confident person's name of two words or
      more ("BBC Michael Howard") is two mentions, each with its corpus type,
      and so are two confident names joined by "and" / "und" ("Everton and Arsenal"), or two of the
      ``surnames`` of the people the article names in full ("Carragher and Brown").
    """
    if m.fixed or m.text in lexicon.names or " " not in m.text:
        return [m]
    if (
        two := _two_names(m, lexicon) or _coordinated_names(m, lexicon, surnames) or _two_surnames(m, lexicon)
    ) is not None:
        return two
    inside = lexicon.longest_inside(m.text, article.language)
    if inside is None:
        return [m]
    name, surface, offset = inside
    rest_before = m.text[:offset].strip()
    rest_after = m.text[offset + len(surface) :].strip()
    genitive = surface != name
    # One trailing word in German ("Kim Jong Un Briefe"); a word before a name is
    # usually a first name ("John Kirby") and stays.
    trailing_noun = (
        article.language == "de"
        and not rest_before
        and len(rest_after.split()) == 1
        and not (m.label == "person" and lexicon.names[name] == "person" and " " not in name)
        # (not a head noun that makes the whole a body's name: "Washington Post", "Hamburger Sparkasse Bank")
        and rest_after.lower() not in ORG_HEAD_NOUNS
        and (
            nouns is None
            or not nouns.knows("de")
            or nouns.is_common("de", rest_after)
            or nouns.is_compound("de", rest_after)
        )
    )
    # An English possessive before it: "Henry's Arsenal" is Arsenal.
    possessive = article.language == "en" and not rest_after and rest_before.endswith(("'s", "’s"))
    # German's other genitive: "das Programm von Chatham House" names two bodies.
    of_name = article.language == "de" and not rest_after and _VON.search(rest_before) is not None
    if of_name:
        rest_before = _VON.sub("", rest_before)
    if not genitive and not trailing_noun and not of_name and not possessive:
        return [m]
    start = m.start + offset
    out = [
        replace(
            m,
            start=start,
            end=start + len(surface),
            text=article.text[start : start + len(surface)],
            label=lexicon.names[name],
            entity_hint=lexicon.hints.get(name),
            source="propagated",
        )
    ]
    for rest in (rest_before, rest_after):
        words = rest.split()
        if len(words) >= 2 and _is_name_like(words):
            r_start = m.start + m.text.index(rest)
            out.append(replace(m, start=r_start, end=r_start + len(rest), text=rest, source="propagated"))
    return out


def _two_names(m: Mention, lexicon: Lexicon) -> list[Mention] | None:
    """A confident name followed by a person's name of two words or more ("told the BBC
    Michael Howard has ...", "Apple Inc. Steve Jobs", "the aerospace group EADS Philippe Camus"):
    a span the model ran on past the first name's end is two mentions, each with its type.
    The second is a person's when the corpus names it so, or names its last word so ("Mr
    Camus") after a first name that is not a person's ("Martin Luther King" stays whole)."""
    words = m.text.split(" ")
    for cut in range(1, len(words) - 1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if first not in lexicon.names:
            continue
        surname = lexicon.names[first] != "person" and lexicon.names.get(words[-1]) == "person"
        if lexicon.names.get(second) == "person" or surname:
            return _split_in_two(m, first, second, lexicon, "person")
    return None


def _two_surnames(m: Mention, lexicon: Lexicon) -> list[Mention] | None:
    """Two people's surnames the model took for one name ("hatte Nishikori Berdych geschlagen": German
    puts subject and object side by side): two mentions when each word is the last word of a confident
    person's name, and no other name in the corpus gives the first as a given name ("Thomas Müller"
    stays whole beside "Thomas Vanek")."""
    words = m.text.split(" ")
    if m.label != "person" or len(words) != 2 or m.entity_hint is not None:
        return None
    first, second = words
    # Last words of longer names, not names alone: "Walter" said of Walter Smith is no one's surname.
    surnames = lexicon.last_words()
    if first not in surnames or second not in surnames or lexicon.given.get(first, frozenset()) - {m.text}:
        return None
    return _split_in_two(m, first, second, lexicon, "person")


_AND = re.compile(r" (?:and|und) ")


def _coordinated_names(m: Mention, lexicon: Lexicon, surnames: frozenset[str] = frozenset()) -> list[Mention] | None:
    """Two names the model took as one across "and" ("Everton and Arsenal", "Gazprom und Rosneft")
    are two mentions when the corpus names each on its own and never the whole: "Trinidad and
    Tobago" (a gazetteer place) and "Marks and Spencer" (one side no name of its own) stay. Two of
    the ``surnames`` of the people its article names in full are two people ("good for Carragher and
    Brown to show", beside Jamie Carragher and Wes Brown), unless they are one ("Johnson and Johnson")."""
    if m.entity_hint is not None:
        return None
    parts = _AND.split(m.text)
    if len(parts) != 2:
        return None
    if all(part in lexicon.names for part in parts):
        return _split_in_two(m, parts[0], parts[1], lexicon)
    if parts[0] != parts[1] and all(part in surnames for part in parts):
        return _split_in_two(m, parts[0], parts[1], lexicon, "person")
    return None


def _split_in_two(
    m: Mention, first: str, second: str, lexicon: Lexicon, second_label: EntityType | None = None
) -> list[Mention]:
    """``m`` as two mentions: ``first`` at its start and ``second`` at its end, each a confident
    name with the corpus's type and hint (``second_label`` where the corpus lacks the second)."""
    spans = ((m.start, m.start + len(first), first), (m.end - len(second), m.end, second))
    return [
        replace(
            m,
            start=start,
            end=end,
            text=text,
            label=lexicon.names.get(text) or second_label or m.label,
            entity_hint=lexicon.hints.get(text),
            source="propagated",
        )
        for start, end, text in spans
    ]


_PARTICLE_GAP = re.compile(r" (?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r") ){1,2}")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’']*(?:-[\w’']+)*")


def _propagate(
    article: Article,
    ex: Extraction,
    existing: Sequence[Mention],
    findable: Mapping[str, _Target],
    role_words: Sequence[str],
    nouns: CommonNouns | None = None,
) -> list[Mention]:
    """Runs of capitalised words whose skeleton (or genitive stem) is a findable name; one word alone only
    where it is no ordinary word's use (:func:`_ordinary_use`)."""
    stop_words = _stop_words(article.language)
    # The spans already taken, per sentence they overlap: checking every span of the
    # article for every candidate was quadratic (a 1 MB article took minutes).
    starts = [sent.start for sent in ex.sentences]
    taken_in: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in existing:
        k = max(0, bisect.bisect_right(starts, m.start) - 1)
        while k < len(starts) and starts[k] < m.end:
            taken_in[k].append((m.start, m.end))
            k += 1
    found = []
    text = article.text
    runs = [_capitalised_runs(text, sent.start, sent.end, role_words) for sent in ex.sentences]
    spelt: set[str] | None = None

    def spelt_out(key: str) -> bool:
        # Whether the article spells out a name of two words or more with this skeleton: a surname alone
        # matches by its skeleton only where its person's full name is one of them (asked rarely: lazily).
        nonlocal spelt
        if spelt is None:
            spelt = {
                skeleton(text[words[i][0] : words[i + n - 1][1]])
                for words, reach in runs
                for i in range(len(words))
                for n in range(2, reach[i] + 1)
            }
        return key in spelt

    named: set[str] | None = None

    def named_here() -> set[str]:
        # The names the article's own mentions give, and their last words: a word found there by the model.
        nonlocal named
        if named is None:
            named = {m.text for m in existing} | {m.text.rsplit(" ", 1)[-1] for m in existing}
        return named

    for k, sent in enumerate(ex.sentences):
        taken = taken_in[k]
        words, reach = runs[k]
        i = 0
        while i < len(words):
            hit = None
            for n in range(reach[i], 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                surface = text[start:end]
                target = findable.get(skeleton(surface))
                if target is None and (stem := genitive_stem(surface)):
                    target = findable.get(skeleton(stem))
                if target is not None and target.exact is not None and surface.rstrip("s") != target.exact:
                    target = None
                if (
                    target is not None
                    and target.full is not None
                    and (surface not in _written_forms(target.written or "") or article.language in target.ordinary_in)
                    and not spelt_out(target.full)
                ):
                    # "Mayor" is not John Major, nor "Rock 'n' roll" Chris Rock, where the article does not name him
                    target = None
                if (
                    target is not None
                    and target.full is None
                    and article.language in target.ordinary_in
                    and surface not in named_here()
                ):
                    target = None  # "im Sommer" is no Josef Sommer where the article names no one so
                if target is not None and target.shared:
                    # The one person of those sharing the surname whose full name the article gives, as written.
                    owners = [written for key, written in target.shared if spelt_out(key)]
                    target = (
                        _Target("person", None, written=owners[0])
                        if len(owners) == 1 and surface in _written_forms(owners[0])
                        else None
                    )
                if target is not None and target.short is not None and target.short not in _spellings(surface):
                    target = None
                if target is not None and n == 1 and _ordinary_use(text, start, surface, target, article, stop_words):
                    target = None
                if target is not None:
                    hit = (start, end, surface, target, n)
                    break
            if hit is None:
                i += 1
                continue
            start, end, surface, target, n = hit
            if n == 1 and _inside_longer_name(text, words, i, stop_words, role_words):
                i += 1
                continue
            i += n
            if any(s < end and start < e for s, e in taken):
                continue
            found.append(
                Mention(
                    article=article.id,
                    start=start,
                    end=end,
                    text=surface,
                    label=target.label,
                    sentence=sent.index,
                    source="repeated" if target.repeated else "propagated",
                    entity_hint=target.hint,
                )
            )
            taken.append((start, end))
        if article.language == "de":
            found.extend(
                _acronyms_before_roles(article, sent.index, sent.start, sent.end, taken, findable, role_words, nouns)
            )
            found.extend(_names_before_offices(article, sent.index, sent.start, sent.end, taken, findable, nouns))
    return found


#: A German compound of an acronym and a capitalised word ("ÖGB-Sekretär", "WKÖ-Chef", "US-Kultregisseur").
_ACRONYM_COMPOUND = re.compile(r"(?<![\w-])([A-ZÄÖÜ]{2,6})-([A-ZÄÖÜ][\w-]*)")


def _acronyms_before_roles(
    article: Article,
    sentence: int,
    start: int,
    end: int,
    taken: list[tuple[int, int]],
    findable: Mapping[str, _Target],
    role_words: Sequence[str],
    nouns: CommonNouns | None = None,
) -> list[Mention]:
    """German names a body by its acronym before one of its people ("ÖGB-Sekretär Bernhard Achitz",
    "SPÖ-Chefin", "US-Kultregisseur"), often nowhere else in the article: the acronym is a mention of its
    corpus type, when the corpus names it with confidence (a common noun's acronym, "IT-Experte",
    "TV-Moderator", is none), and an organisation's where an office only a body has follows it
    (:func:`_body_by_its_office`: "WKÖ-Chef Christoph Leitl"). The word after the hyphen is a role word or a
    noun for a person (:meth:`CommonNouns.is_person_noun`): "SPÖ-Zentrale", "PC-Spiele" name no one."""
    out = []
    for compound in _ACRONYM_COMPOUND.finditer(article.text, start, end):
        a, b = compound.span(1)
        tail = compound.group(2)
        if any(s < b and a < e for s, e in taken):
            continue
        if not (is_role_word(tail, role_words) or (nouns is not None and nouns.is_person_noun("de", tail))):
            continue
        acronym = compound.group(1)
        target = findable.get(skeleton(acronym))
        if target is None and not _body_by_its_office(acronym, tail, nouns):
            continue
        label = target.label if target is not None else "organization"
        out.append(_compound_mention(article, sentence, (a, b), label, target))
        taken.append((a, b))
    return out


#: A German compound of a capitalised name (one word, or two joined by a hyphen) and a word after it
#: ("Henkel-Chef", "Air-France-Chef", "Uniko-Präsident").
_NAME_COMPOUND = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)-([A-ZÄÖÜ][a-zäöüß]+)\b")
#: Words that open a German compound before an office and name no one: "Ex-Chef", "Vize-Präsident".
_OFFICE_PREFIXES_DE = frozenset("Ex Vize Co Interims Alt Noch Neo Pro Anti Super Top Langzeit Kurzzeit".split())


def _names_before_offices(
    article: Article,
    sentence: int,
    start: int,
    end: int,
    taken: list[tuple[int, int]],
    findable: Mapping[str, _Target],
    nouns: CommonNouns | None,
) -> list[Mention]:
    """German names a body by its name before an office only a body has (:func:`is_body_office_de`: "Henkel-Chef
    Kasper Rorsted", "Uniko-Präsident", "Volvo-Chef"), often nowhere else in the article, and the model reads
    the compound as no name: the name is a mention, an organisation's (a firm, a body, a party, a club) unless
    the corpus names it with confidence as a place ("Österreich-Chef"). Not a German common noun ("Frauen-",
    "Kammer-", "Verbands-Präsident") nor a prefix ("Ex-Chef", "Vize-Präsident")."""
    if nouns is None or not nouns.knows("de"):
        return []  # (without the noun lexicon every "Team-Chef" would be a body)
    out = []
    for compound in _NAME_COMPOUND.finditer(article.text, start, end):
        a, b = compound.span(1)
        name, tail = compound.group(1), compound.group(2)
        if any(s < b and a < e for s, e in taken) or not is_body_office_de(tail):
            continue
        words = name.split("-")
        if words[0] in _OFFICE_PREFIXES_DE or all(_german_noun(w, nouns) for w in words):
            continue  # ("Air-France-Chef": one word of a name may be a noun too, "Air")
        target = findable.get(skeleton(name))
        label: EntityType = "place" if target is not None and target.label == "place" else "organization"
        out.append(_compound_mention(article, sentence, (a, b), label, target))
        taken.append((a, b))
    return out


def _compound_mention(
    article: Article, sentence: int, span: tuple[int, int], label: EntityType, target: _Target | None
) -> Mention:
    """The name a German compound opens ("ÖGB-Sekretär", "Uniko-Präsident") as a mention: the corpus's hint
    for it where the corpus names it with confidence under the same label."""
    return Mention(
        article=article.id,
        start=span[0],
        end=span[1],
        text=article.text[span[0] : span[1]],
        label=label,
        sentence=sentence,
        source="repeated" if target is not None and target.repeated else "propagated",
        entity_hint=target.hint if target is not None and target.label == label else None,
    )


def _german_noun(word: str, nouns: CommonNouns) -> bool:
    """A German common noun, a compound of them, or one with its linking -s ("Verbands", "Sozialversicherungs")."""
    return any(
        nouns.is_noun("de", w) or nouns.is_compound("de", w) for w in {word, word[:-1] if word.endswith("s") else word}
    )


def _body_by_its_office(acronym: str, tail: str, nouns: CommonNouns | None) -> bool:
    """Whether an acronym the corpus does not name with confidence is a body's by the office after it: three
    capitals or more (two are a field's as often: "IT-Chef", "PR-Chef", "TV-Chef"), no acronym a language
    uses as a common noun ("NGO-Chef", "CEO"), and an office only a body has (:func:`is_body_office_de`)."""
    if len(acronym) < 3 or (nouns is not None and nouns.is_acronym_noun(acronym)):
        return False
    return is_body_office_de(tail)


def _capitalised_runs(
    text: str, start: int, end: int, role_words: Sequence[str]
) -> tuple[list[tuple[int, int]], list[int]]:
    """A sentence's capitalised words (a hyphenated word only before a role word: "Kreml-Sprecher"), and for
    each how many words from it on make a run (at most 4): words of one name are separated by single spaces
    only, or by surname particles ("Van der Bellen", "Ursula von der Leyen")."""
    words = []
    for w in _CAPITALISED.finditer(text, start, end):
        w_start, w_end = w.span()
        surface = w.group(0)
        if "-" in surface:
            head, _, tail = surface.rpartition("-")
            if not is_role_word(tail, role_words):
                continue  # "Putin-Regierung" is a word of its own, not a mention
            w_end = w_start + len(head)  # "Kreml-Sprecher" names the Kremlin
        words.append((w_start, w_end))
    reach = [1] * len(words)
    for k in range(len(words) - 2, -1, -1):
        gap = text[words[k][1] : words[k + 1][0]]
        if gap == " " or _PARTICLE_GAP.fullmatch(gap):
            reach[k] = min(4, reach[k + 1] + 1)
    return words, reach


def _written_forms(name: str) -> tuple[str, ...]:
    """A name as written, and its genitives ("Pröll", "Prölls", "Pröll's")."""
    return (name, name + "s", name + "'s", name + "’s") if name else ()


def _ordinary_use(
    text: str,
    start: int,
    surface: str,
    target: _Target,
    article: Article,
    stop_words: frozenset[str],
) -> bool:
    """Whether one capitalised word is an ordinary word here, whatever name of the corpus it spells:

    * a stop word opening a sentence ("Was", "Im", "Mit", "Den" in German, "You" in English; inside a
      sentence "Kurz" is the chancellor, "kurz" the adverb);
    * a word for a nation's people ("German", "Irish": "Oliver Irish" is one person, not every Irish
      market);
    * in English, a word the dictionary knows as an adjective only (:attr:`CommonNouns.adjectives`), and no
      longer name's last word, before a lower-case word, which it qualifies ("Olympic champion", "Digital
      music"; "United fans" are the club's: ``_Target.adjective``);
    * in German, a person's one-word name right after an article, a preposition fused with one or a
      determiner ("ein Mann", "im Herbst", "der Rest": a noun; surnames take none), not after a comma,
      where "die" is a relative pronoun ("die Arbeiten, die Mekul zeigt"), nor a name before a hyphen
      ("ein Clinton-Sprecher"). (With a declined adjective between, "der 24-jährige Demare" is a person
      as often as "der 26-jährige Mann" is not.)

    (An English word written in lower case as often as capitalised, at a sentence's start, was tried too:
    on the bench corpus it lost "Labour said ..." and "Forest" as often as it dropped "Mobile networks".)
    """
    if surface.isupper():
        return False  # "US" opening a sentence is the country, whatever "us" is
    lang = article.language
    if surface.lower() in stop_words and opens_sentence(text, start):
        return True
    if surface in demonyms(lang) or surface in PEOPLE_NOUNS:
        return True
    if lang == "en" and target.adjective and (after := _LOWER_WORD_AFTER.match(text, start + len(surface))):
        # (Not before a verb: "Nationwide said", "Busted were", "Nationwide reported".)
        word = after.group(1)
        return word not in stop_words and word not in SPEECH_VERBS["en"] and not word.endswith("ed")
    return (
        lang == "de"
        and target.label == "person"
        and text[start + len(surface) : start + len(surface) + 1] != "-"  # "Ein Clinton-Sprecher": Clinton's
        and _NOUN_BEFORE_DE.search(text, max(0, start - 40), start) is not None
    )


#: What stands right before a German noun and not before a surname: an article, a preposition fused with one
#: or a determiner ("der", "im", "diesem", "kein"), but not a relative pronoun after a comma.
_NOUN_BEFORE_DE = re.compile(
    r"(?<![,;])(?<![,;][ \t])\b(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine"
    r"|keinen|keinem|keiner|im|am|zum|zur|vom|beim|ins|ans|(?:dies|jen|jed|welch|manch)(?:er|es|en|em|e))"
    r"[ \t]+\Z"
)


#: A lower-case word right after a word: what an adjective before it qualifies ("Olympic champion").
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z][\w'-]*)")


def _spellings(surface: str) -> tuple[str, ...]:
    """A word's folded spelling, and its genitive stem's ("Kims")."""
    stem = genitive_stem(surface)
    return (fold(surface), fold(stem)) if stem else (fold(surface),)


@lru_cache(maxsize=64)  # spaCy's registry lookup costs ~1 ms; called once per article
def _stop_words(language: str) -> frozenset[str]:
    try:
        from spacy.util import get_lang_class

        return frozenset(get_lang_class(language).Defaults.stop_words)
    except Exception:  # a language spaCy does not know: no stop words
        return frozenset()


def _inside_longer_name(
    text: str, words: Sequence[tuple[int, int]], i: int, stop_words: frozenset[str], role_words: Sequence[str]
) -> bool:
    """A one-word name glued to another capitalised word is part of a different name
    ("Times" in "Global Times"), unless that word is a stop word ("Auch Kim"), a
    role word ("Präsident Putin") or a title or office before it ("Professor Dautenhahn":
    :data:`TITLES_BEFORE_NAMES`)."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(words):
            continue
        a, b = sorted((words[i], words[j]))
        if text[a[1] : b[0]] != " ":
            continue
        neighbour = text[words[j][0] : words[j][1]]
        if j < i and neighbour.lower().rstrip(".") in TITLES_BEFORE_NAMES:
            continue
        if neighbour.lower() not in stop_words and not is_role_word(neighbour, role_words):
            return True
    return False


def _dedupe(mentions: Iterable[Mention]) -> list[Mention]:
    seen = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out
