"""Articles that report the same story: translations, rewrites of agency copy, follow-ups of one event.

Two articles tell the same story when the resolved entities they name are
nearly the same, weighted by how rare each entity is in the corpus (a cosine
of TF-IDF vectors over entity ids: one speaker, one think tank and one
university shared weigh more than "Russia" and "Putin"), and, when both are
dated, they appeared within ``max_days`` of each other. Entities are resolved
across languages, so a German article and its English source match.

When both texts share most of their numbers (two or more each, a Jaccard of
at least ``numbers_agree``), a cosine ``numbers_bonus`` lower suffices: a
translation of an uncurated corpus leaves some names unmerged
("Nationaler Sicherheitsrat" / "National Security Council") but keeps every
number.

Entities alone join follow-ups of a long-running subject (one trial reported
day after day), so a pair must also share at least ``min_shared`` entities and,
when both texts hold numbers (figures, years, dates: a translation keeps them
all), a share of their numbers.

Only pairs that share a rare entity are compared (an inverted index over
entities named in at most ``max_df`` articles), so the cost grows with the
corpus, not with its square. Stories are the connected groups of matching
pairs; a story's id is its first article by date, then id. Pure and
deterministic: the same articles and entities give the same stories.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from generator.model import Article, Entity

#: How alike two articles' entity vectors must be (cosine) to be one story. Measured on the
#: sample: the German article and its English source 0.95, other articles on the same
#: subject 0.21-0.48.
SAME_STORY = 0.7


@dataclass(frozen=True)
class StorySettings:
    threshold: float = SAME_STORY
    max_days: int = 3  # dated articles further apart are different stories
    max_df: int = 50  # entities named in more articles are too common to propose pairs
    min_shared: int = 3  # entities both must name
    min_numbers: float = 0.3  # Jaccard of their numbers, when both have two or more
    numbers_agree: float = 0.6  # numbers this alike stand in for ``numbers_bonus`` of the cosine
    numbers_bonus: float = 0.2  # (names a translation leaves unmerged: "Nationaler Sicherheitsrat")


def _vectors(entities: Iterable[Entity], n_articles: int) -> dict[str, dict[str, float]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entities:
        for m in e.mentions:
            counts[m.article][e.id] += 1
    df = Counter(eid for c in counts.values() for eid in c)
    vectors = {}
    for art, c in counts.items():
        vec = {eid: (1 + math.log(n)) * math.log(1 + n_articles / df[eid]) for eid, n in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[art] = {eid: v / norm for eid, v in vec.items()}
    return vectors


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def numbers(text: str) -> frozenset[str]:
    """The numbers a text writes, with separators dropped ("1.000" and "1,000" are one number)."""
    return frozenset(re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text))


def _days_apart(a: Article, b: Article) -> int | None:
    try:
        return (
            abs((date.fromisoformat(a.date[:10]) - date.fromisoformat(b.date[:10])).days) if a.date and b.date else None
        )
    except ValueError:
        return None


def find_stories(
    articles: Sequence[Article], entities: Sequence[Entity], settings: StorySettings = StorySettings()
) -> dict[str, str]:
    """Article id -> story id (the story's first article by date, then id); an article alone is its own story."""
    arts = {a.id: a for a in articles}
    vectors = _vectors(entities, len(arts))
    by_entity: dict[str, list[str]] = defaultdict(list)
    for art in sorted(vectors):
        for eid in vectors[art]:
            by_entity[eid].append(art)
    candidates = {
        pair
        for eid, with_it in by_entity.items()
        if 2 <= len(with_it) <= settings.max_df
        for pair in combinations(with_it, 2)
    }
    parent = {a: a for a in arts}
    memo: dict[str, frozenset[str]] = {}

    def numbers_of(a: str) -> frozenset[str]:
        if a not in memo:
            memo[a] = numbers(arts[a].text)
        return memo[a]

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in sorted(candidates):
        if a not in arts or b not in arts:
            continue
        days = _days_apart(arts[a], arts[b])
        if days is not None and days > settings.max_days:
            continue
        va, vb = vectors[a], vectors[b]
        if len(va.keys() & vb.keys()) < settings.min_shared:
            continue
        cosine = sum(v * vb.get(k, 0.0) for k, v in va.items())
        if cosine < settings.threshold - settings.numbers_bonus:
            continue
        na, nb = numbers_of(a), numbers_of(b)
        counted = len(na) >= 2 and len(nb) >= 2
        shared_numbers = len(na & nb) / len(na | nb) if counted else 0.0
        if counted and shared_numbers < settings.min_numbers:
            continue
        if cosine < settings.threshold and shared_numbers < settings.numbers_agree:
            continue
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        groups[root(a)].append(a)
    out = {}
    for members in groups.values():
        first = min(members, key=lambda a: (arts[a].date or "9999", a))
        for a in members:
            out[a] = first
    return dict(sorted(out.items()))


def members(stories: Mapping[str, str]) -> dict[str, list[str]]:
    """Story id -> its articles, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for art, story in sorted(stories.items()):
        out[story].append(art)
    return dict(out)
