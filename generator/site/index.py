"""The lookups every page shares, computed once per build, and the inputs of each page unit.

Built in the parent process before the renderer forks, so workers inherit the
lookups; each worker builds the inputs of its own units.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from operator import itemgetter

from generator.model import Article, EntityType, Extraction, Mention, Sentence
from generator.resolution.quotes import Quote
from generator.resolution.resolve import Resolution
from generator.resolution.roles import Role, find_roles
from generator.resolution.stories import find_stories, members
from generator.site import views
from generator.site.units import ArticleData, ArticleRef, ArticleUnit, EntityRef, EntityUnit, RelatedData, date_key
from generator.site.urls import entity_src, relative_url


class SiteIndex:
    """The resolved corpus indexed for pages: links, sentences, quotes, co-occurrences."""

    def __init__(
        self,
        articles: Sequence[Article],
        extractions: Mapping[str, Extraction],
        resolution: Resolution,
        quotes: Sequence[Quote],
        *,
        min_mentions: int,
        related_limit: int,
        evidence_limit: int,
        use_directory_urls: bool,
    ):
        self.related_limit = related_limit
        self.evidence_limit = evidence_limit
        self.use_directory_urls = use_directory_urls
        self.articles = sorted(articles, key=lambda a: a.id)
        self.arts = {a.id: a for a in articles}
        self.extractions = extractions
        self.resolution = resolution
        self.entities = resolution.entities
        self.by_id = {e.id: e for e in self.entities}
        self.paged = {e.id for e in self.entities if len(e.mentions) >= min_mentions}
        self.link: dict[tuple[str, int, int], tuple[str, EntityType, str]] = {
            m.key: (e.id, e.type, e.name) for e in self.entities if e.id in self.paged for m in e.mentions
        }
        self.mentions_in: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        for e in self.entities:
            for m in e.mentions:
                self.mentions_in[(m.article, m.sentence)].append(m)
        self.quotes = sorted(quotes, key=lambda q: (q.article, q.start))
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_in: dict[str, list[Quote]] = defaultdict(list)
        for q in self.quotes:
            self.quotes_in[q.article].append(q)
            if q.speaker:
                self.quotes_by_speaker[q.speaker].append(q)
        # Co-occurrence: sentences (article, index) that name both entities of a pair.
        self.cooc: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for (art_id, sent), ms in sorted(self.mentions_in.items()):
            present = sorted({self.link[m.key][0] for m in ms if m.key in self.link})
            for a, b in combinations(present, 2):
                self.cooc[(a, b)].append((art_id, sent))
        self.neighbours: dict[str, list[views.Neighbour]] = defaultdict(list)
        for (a, b), where in sorted(self.cooc.items()):
            shared_articles = len(set(map(itemgetter(0), where)))
            self.neighbours[a].append((b, where, shared_articles))
            self.neighbours[b].append((a, where, shared_articles))
        self.roles: dict[str, list[Role]] = defaultdict(list)
        for role in find_roles(self.articles, extractions, self.entities):
            self.roles[role.entity].append(role)
        self.stories = find_stories(self.articles, self.entities)  # article id -> story id
        self.story_members = members(self.stories)
        self._article_data: dict[str, ArticleData] = {}

    def href(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        return relative_url(from_src, to_src, self.use_directory_urls, anchor)

    def link_from(self, src: str) -> views.LinkTo:
        """The href of an entity's page as seen from page ``src``, "" when it has none."""
        return lambda e: self.href(src, entity_src(e.id, e.type)) if e.id in self.paged else ""

    def ref(self, entity_id: str) -> EntityRef:
        e = self.by_id[entity_id]
        return EntityRef(e.id, e.name, e.type, e.id in self.paged)

    # -------------------------------------------------------------- unit inputs

    def article_data(self, art_id: str) -> ArticleData:
        data = self._article_data.get(art_id)
        if data is None:
            ex = self.extractions.get(art_id)
            sentences = ex.sentences if ex else ()
            mentions = ex.mentions if ex else ()
            resolved = {s.index: ms for s in sentences if (ms := self.mentions_in.get((art_id, s.index)))}
            keys = [m.key for m in mentions] + [m.key for ms in resolved.values() for m in ms]
            quotes = self.quotes_in.get(art_id, [])
            data = ArticleData(
                article=self.arts[art_id],
                sentences=tuple(sentences),
                mentions=tuple(mentions),
                resolved=resolved,
                links={k: self.link[k] for k in keys if k in self.link},
                quote_spans=_quote_spans(sentences, quotes),
                quotes=tuple(quotes),
                speakers={q.speaker: self.ref(q.speaker) for q in quotes if q.speaker},
            )
            self._article_data[art_id] = data
        return data

    def article_unit(self, art_id: str) -> ArticleUnit:
        others = [a for a in self.story_members.get(self.stories.get(art_id, art_id), []) if a != art_id]
        refs = [self.arts[a] for a in sorted(others, key=lambda a: date_key(self.arts[a]))]
        return ArticleUnit(
            self.article_data(art_id), tuple(ArticleRef(a.id, a.title, a.language, a.date, a.outlet) for a in refs)
        )

    def entity_unit(self, entity_id: str) -> EntityUnit:
        e = self.by_id[entity_id]
        src = entity_src(e.id, e.type)
        neighbours = self.neighbours.get(e.id, [])
        link_to = self.link_from(src)
        related = [
            RelatedData(
                entity=self.ref(other_id),
                sentences=len(where),
                articles=shared_articles,
                evidence=where[: self.evidence_limit],
                sources=[self.article_data(a) for a, _ in where[: self.evidence_limit]],
            )
            for other_id, where, shared_articles in views.ranked_neighbours(neighbours, self.by_id, self.related_limit)
        ]
        spoken = sorted(self.quotes_by_speaker.get(e.id, []), key=lambda q: (date_key(self.arts[q.article]), q.start))
        return EntityUnit(
            entity=e,
            articles=[self.article_data(a) for a in e.articles if a in self.arts],
            related=related,
            quotes=[(q, self.article_data(q.article)) for q in spoken],
            places=views.map_places(e, neighbours, self.by_id, link_to),
            neighbourhood=views.neighbourhood(e, neighbours, self.cooc, self.by_id, link_to),
            timeline=views.timeline(e, self.arts),
            roles=list(self.roles.get(e.id, [])),
            stories=len({self.stories.get(a, a) for a in e.articles}),
        )


def _quote_spans(sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> dict[int, list[tuple[int, int]]]:
    """Per sentence index, the quotes overlapping it (an article can hold hundreds of both)."""
    sents = sorted(sentences, key=lambda x: x.start)
    starts = [x.start for x in sents]
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        k = max(0, bisect.bisect_right(starts, q.start) - 1)
        while k < len(sents) and sents[k].start < q.end:
            if sents[k].end > q.start:
                out[sents[k].index].append((q.start, q.end))
            k += 1
    return dict(out)
