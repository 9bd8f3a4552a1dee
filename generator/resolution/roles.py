"""Who is who, from the corpus: the roles the articles give a person, each with its sentence.

A role is the phrase that stands right before a person's name and ends in a
role noun: "Der russische Verteidigungsminister Sergej Schoigu", "sagte
Kreml-Sprecher Dmitri Peskow", "US National Security Council spokeswoman
Adrienne Watson". It is read from the text, not the model: starting at the
word before the name, which must be a role word (``lexicon.is_role_word``:
"...minister", "...sprecher", "spokeswoman"), the phrase grows leftwards over
the words that modify it -- German adjectives ("russische", "nordkoreanischen"),
capitalised words ("Defense", "National Security Council") and a few English
lower-case modifiers ("former", "deputy") -- and stops at anything else
(articles, verbs, punctuation). Titles ("Herr", "Mr", "Dr") are not roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.lexicon import DEFAULT_ROLE_WORDS, is_role_word
from generator.model import Article, Entity, Extraction


@dataclass(frozen=True)
class Role:
    entity: str
    text: str  # as the article writes it
    language: str
    article: str
    sentence: int
    start: int  # character offsets of the role phrase in the article text
    end: int


#: Role words that are forms of address, not roles.
_TITLES = frozenset("herr frau dr prof mr mrs ms sir".split())
#: German adjective endings ("russische", "nordkoreanischen", "ehemalige", "stellvertretende").
_ADJECTIVE = re.compile(r"^[a-zäöüß]+(?:isch|lich|ig|al|är|iv|end|ier|an|ern)(?:e|en|er|es|em)$")
#: English lower-case modifiers of a role ("former Prime Minister", "deputy foreign minister").
_ENGLISH_MODIFIERS = frozenset(
    "former deputy acting foreign defence defense interior finance prime vice chief senior top then".split()
)
#: Capitalised words that are not part of a role even before one ("The", "Der", "Die").
_DETERMINERS = frozenset("the a an der die das des dem den ein eine einer eines einem einen".split())
_WORD = re.compile(r"[\w.&'’-]+")
MAX_WORDS = 6


def find_roles(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    entities: Iterable[Entity],
    role_words: Sequence[str] = DEFAULT_ROLE_WORDS,
) -> list[Role]:
    """Every role phrase written right before a mention of a person, in corpus order."""
    arts = {a.id: a for a in articles}
    bounds = {(a, s.index): s.start for a, ex in extractions.items() for s in ex.sentences}
    out = []
    for e in entities:
        if e.type != "person":
            continue
        for m in e.mentions:
            art = arts.get(m.article)
            sentence_start = bounds.get((m.article, m.sentence))
            if art is None or sentence_start is None:
                continue
            span = _role_before(art.text, sentence_start, m.start, art.language, role_words)
            if span is not None:
                start, end = span
                out.append(Role(e.id, art.text[start:end], art.language, art.id, m.sentence, start, end))
    return sorted(out, key=lambda r: (r.entity, r.article, r.start))


def _role_before(
    text: str, floor: int, name_start: int, language: str, role_words: Sequence[str]
) -> tuple[int, int] | None:
    """The span of the role phrase that ends right before ``name_start`` (one space between), or None."""
    if name_start - 1 <= floor or text[name_start - 1] != " ":
        return None
    words = [(w.start(), w.end()) for w in _WORD.finditer(text, floor, name_start - 1)]
    if not words or words[-1][1] != name_start - 1:
        return None
    head = text[words[-1][0] : words[-1][1]]
    if head.lower() in _TITLES or not _is_role(head, role_words):
        return None
    start = words[-1][0]
    for k in range(len(words) - 2, max(-1, len(words) - 1 - MAX_WORDS), -1):
        w_start, w_end = words[k]
        if text[w_end : words[k + 1][0]] != " ":  # punctuation or a line break between: the phrase ends
            break
        word = text[w_start:w_end]
        if not _modifies(word, language):
            break
        start = w_start
    return start, words[-1][1]


def _is_role(word: str, role_words: Sequence[str]) -> bool:
    # German genitive and dative forms: "Verteidigungsministers", "Präsidenten".
    return any(is_role_word(form, role_words) for form in (word, word.removesuffix("s"), word.removesuffix("en")))


def _modifies(word: str, language: str) -> bool:
    low = word.lower()
    if low in _DETERMINERS:
        return False
    if word[:1].isupper():
        return True
    if language == "de":
        return bool(_ADJECTIVE.match(word))
    return low in _ENGLISH_MODIFIERS


_ADJECTIVE_ENDING = re.compile(r"(?:e|en|er|es|em)$")


def role_key(text: str, role_words: Sequence[str] = DEFAULT_ROLE_WORDS) -> str:
    """One key for the inflected forms of a role ("russische Verteidigungsminister" /
    "russischen Verteidigungsministers"): German adjectives without their ending, the role
    noun without a genitive or dative ending, all in lower case."""
    words = []
    for word in text.split():
        low = word.lower()
        if _ADJECTIVE.match(low):
            low = _ADJECTIVE_ENDING.sub("", low)
        else:
            for suffix in ("s", "en"):
                base = low.removesuffix(suffix)
                if base != low and is_role_word(base, role_words):
                    low = base
                    break
        words.append(low)
    return " ".join(words)
