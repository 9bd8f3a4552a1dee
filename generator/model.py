"""Plain data passed between the stages: ``Article -> Mention -> Entity``.

Everything here is frozen and built only from its inputs, so every stage is a
pure function and the same corpus always gives the same ids and pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["person", "organization", "place"]
#: The entity types, in the order ties are broken and indexes are listed.
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "place")
TYPE_FOLDERS: dict[EntityType, str] = {"person": "people", "organization": "organizations", "place": "places"}


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short, deterministic hex digest of ``parts`` (no Python hash randomisation)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Paragraph:
    """A block of the article text: ``text[start:end]``."""

    index: int
    start: int
    end: int
    boilerplate: bool = False  # shown on the article page, never a source of statements


@dataclass(frozen=True)
class Sentence:
    index: int  # running number within the article; the anchor is ``s{index}``
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    id: str
    source: str  # path relative to the corpus folder (POSIX separators)
    title: str
    text: str
    language: str  # ISO 639-1 code
    paragraphs: tuple[Paragraph, ...]
    date: str | None = None  # ISO 8601 date
    url: str | None = None
    outlet: str | None = None
    language_detected: bool = False  # True when the language was not given but detected

    @property
    def digest(self) -> str:
        return stable_hash(self.id, self.language, self.text)


#: Sources of mentions that copy a name found elsewhere rather than read the words around them.
COPIED_SOURCES = ("propagated", "repeated")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in an article, as extraction found it."""

    article: str  # Article.id
    start: int  # character offsets into Article.text
    end: int
    text: str
    label: EntityType
    sentence: int  # Sentence.index
    # Which layer found it: model, curated, gazetteer, propagated (a confident name of the corpus
    # found again), repeated (a later use of a name the model found once, in the same article: its
    # label is that one reading's), list (a name the model tagged inside a list of names, "Barkley,
    # Hodgson, King": its label was for the list), or sheet (a player of a sports report's line-up, or a
    # club a squad's notes name: generator/extraction/sheets.py).
    source: str = "model"
    entity_hint: str | None = None  # a curated entity id or gazetteer id set by a layer

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.article, self.start, self.end)

    @property
    def fixed(self) -> bool:
        """Its span is exactly what a layer gave (a curated name, a team sheet's item): no later stage
        extends, trims or splits it."""
        return self.source in ("curated", "sheet")

    @property
    def has_evidence(self) -> bool:
        """Found by a layer with evidence (a curated name, a gazetteer place), not only by the model."""
        return self.source in ("curated", "gazetteer") or (self.entity_hint or "").startswith("geonames:")


@dataclass(frozen=True)
class Extraction:
    """What extraction produced for one article (the unit that is cached)."""

    article: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """A compact JSON-ready form (lists, not objects: thousands of mentions per article)."""
        return {
            "article": self.article,
            "sentences": [[s.index, s.paragraph, s.start, s.end] for s in self.sentences],
            "mentions": [[m.start, m.end, m.text, m.label, m.sentence, m.source, m.entity_hint] for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        art = data["article"]
        return cls(
            article=art,
            sentences=tuple(Sentence(index=s[0], paragraph=s[1], start=s[2], end=s[3]) for s in data["sentences"]),
            mentions=tuple(
                Mention(
                    article=art,
                    start=m[0],
                    end=m[1],
                    text=m[2],
                    label=m[3],
                    sentence=m[4],
                    source=m[5],
                    entity_hint=m[6],
                )
                for m in data["mentions"]
            ),
        )


@dataclass(frozen=True)
class Alias:
    name: str
    origin: Literal["curated", "corpus", "gazetteer"]
    language: str | None = None


@dataclass(frozen=True)
class Area:
    """What a map draws for a place beyond its point (generator/extraction/gazetteer.py fills it)."""

    countries: tuple[str, ...] = ()  # ISO 3166-1 numeric codes of outlined countries ("643")
    extent: tuple[float, float, float, float] | None = None  # south, west, north, east (east < west: crosses 180°)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[Alias, ...]
    mentions: tuple[Mention, ...]
    curated: bool = False
    description: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()  # (scheme, value), e.g. ("wikidata", "Q7747")
    coordinates: tuple[float, float] | None = None
    area: Area | None = None  # outlines or extent on a map, for a place the gazetteer knows
    curation_file: str | None = None  # content-relative path of the YAML that shapes it
    redirects: tuple[str, ...] = field(default=())  # old ids that now point here

    @property
    def folder(self) -> str:
        return TYPE_FOLDERS[self.type]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.mentions}))
