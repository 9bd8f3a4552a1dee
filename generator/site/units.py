"""The inputs of each page unit: everything its pages show, and nothing else.

The renderer hands a unit's inputs object to its page functions and digests
the same object for the page cache (generator/site/incremental.py). Data
several units cite (an article with its sentences, links and quotes) is an
``ArticleData`` digested once per build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields

from generator.model import Article, Entity, EntityType, Mention, Sentence
from generator.resolution.quotes import Quote
from generator.resolution.roles import Role
from generator.site.incremental import Digested, digest

Link = tuple[str, EntityType, str]  # a mention's paged entity: (id, type, name)


@dataclass(frozen=True)
class EntityRef:
    """Another entity as a link, a related entity or a speaker shows it."""

    id: str
    name: str
    type: EntityType
    paged: bool  # it has a page to link to


@dataclass(eq=False, repr=False)
class ArticleData(Digested):
    """One article as its own page and every page citing it show it."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]  # as extracted (the article page's side panel counts them)
    resolved: dict[int, list[Mention]]  # per sentence index: the mentions of resolved entities
    links: dict[tuple[str, int, int], Link]  # mention key -> its paged entity
    quote_spans: dict[int, list[tuple[int, int]]]  # per sentence index: the quotes overlapping it
    quotes: tuple[Quote, ...]
    speakers: dict[str, EntityRef]
    by_index: dict[int, Sentence] = field(init=False)
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        self.by_index = {s.index: s for s in self.sentences}
        # Every field given, the article's text by its hash (repr of a long text is slow).
        art = self.article
        text = hashlib.blake2b(art.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        head = [getattr(art, f.name) for f in fields(art) if f.name != "text"]
        self.digest = digest([head, text] + [getattr(self, f.name) for f in fields(self)[1:] if f.init])


@dataclass(eq=False)
class RelatedData:
    """An entity named with the page's entity, with the sentences shown as evidence."""

    entity: EntityRef
    sentences: int  # sentences naming both
    articles: int  # articles naming both
    evidence: list[tuple[str, int]]  # (article, sentence index), the shown ones
    sources: list[ArticleData]  # the articles of the evidence


@dataclass(eq=False)
class EntityUnit:
    """An entity page and its continuation pages."""

    entity: Entity
    articles: list[ArticleData]  # the articles naming it, by id
    related: list[RelatedData]
    quotes: list[tuple[Quote, ArticleData]]  # what it said, oldest first
    places: list[dict[str, object]]
    neighbourhood: dict[str, object]
    timeline: dict[str, object]
    roles: list[Role]  # who is who: the roles the articles give it, in corpus order
    stories: int = 0  # independent stories among its articles (copies and translations count once)


@dataclass(frozen=True)
class ArticleRef:
    """Another article as a list of links shows it."""

    id: str
    title: str
    language: str
    date: str | None
    outlet: str | None


@dataclass(eq=False)
class ArticleUnit:
    """An article page."""

    data: ArticleData
    same_story: tuple[ArticleRef, ...] = ()  # the other articles of its story (generator/resolution/stories.py)


def date_key(article: Article) -> tuple[str, str]:
    """Oldest first, undated last, then by id."""
    return (article.date or "9999", article.id)
