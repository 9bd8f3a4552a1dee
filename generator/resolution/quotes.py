"""Direct quotations and who said them: a pure function of articles, sentences and resolved mentions.

No well-kept library attributes quotes in German (textacy's ``direct_quotations``
is English-only and needs a dependency parse, which the shipped German model
does not have), so attribution is rule-based over the resolved mentions:

1. **Quote spans**: text between paired quotation marks -- „…“ ‚…‘ »…« «…» “…” "…"
   (straight double quotes pair within a paragraph).
2. **Cue after the quote**: a verb of saying (or "so"/"according to") follows,
   then the speaker: ``„…“, sagte Kreml-Sprecher Dmitri Peskow``, ``"…", Kirby said``.
3. **Cue before the quote**: speaker, verb of saying, then the quote:
   ``Dmitri Peskow sagte: „…“``, ``hatte Matthew Miller gedroht: »…«``.
4. **Pronoun**: ``„…“, sagte sie`` -- the last person named before the quote.
5. **Same sentence**: a sentence with a verb of saying whose only person (or
   organization) before the quote is the speaker (``Greenfield nannte es „beschämend“``).
6. **Continuation**: a quote with no cue that opens its sentence, right after an
   attributed quote in the same paragraph (or the next sentence), has the same speaker.

An organization named just before a person in apposition ("der Sprecher des
US-Außenministeriums, Vedant Patel") yields the person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model import Article, Entity, Extraction, Mention

#: Verbs of saying (lower case; matched as words). Extend per language as needed.
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "de": (
        "sagte",
        "sagten",
        "sagt",
        "sagen",
        "erklärte",
        "erklärten",
        "erklärt",
        "betonte",
        "betont",
        "meinte",
        "warnte",
        "schrieb",
        "anmerkte",
        "merkte",
        "gedroht",
        "drohte",
        "nannte",
        "nennt",
        "räumte",
        "sprach",
        "versprach",
        "versprachen",
        "forderte",
        "kritisierte",
        "berichtete",
        "fügte",
        "hinzufügte",
        "teilte",
        "zitierte",
        "bekräftigte",
        "bestätigte",
        "so",
        "laut",
        "zufolge",
        "äußerte",
        "verkündete",
    ),
    "en": (
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "stated",
        "states",
        "warned",
        "wrote",
        "noted",
        "called",
        "insisted",
        "explained",
        "asked",
        "declared",
        "announced",
        "claimed",
        "according",
    ),
}
PRONOUNS: dict[str, tuple[str, ...]] = {
    "de": ("er", "sie"),
    "en": ("he", "she", "they"),
}
_PAIRS = (("„", "“"), ("‚", "‘"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"'))


@dataclass(frozen=True)
class Quote:
    article: str
    start: int  # offsets of the quoted text, without the marks
    end: int
    text: str
    sentence: int  # the sentence where the quote starts
    speaker: str | None  # entity id
    cue: str  # which rule attributed it: after, before, pronoun, sentence, continuation, none


def find_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of quoted text between paired marks inside ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        best = None
        for opening, closing in _PAIRS:
            i = text.find(opening, pos, end)
            if i == -1:
                continue
            j = text.find(closing, i + 1, end)
            if j == -1:
                continue
            if best is None or i < best[0]:
                best = (i, j)
        if best is None:
            break
        i, j = best
        inner_start, inner_end = i + 1, j
        if text[inner_start:inner_end].strip():
            spans.append((inner_start, inner_end))
        pos = j + 1
    return spans


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def attribute(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    entity_of: Mapping[tuple[str, int, int], str],
    entities: Mapping[str, Entity],
) -> list[Quote]:
    quotes: list[Quote] = []
    for article in sorted(articles, key=lambda a: a.id):
        ex = extractions.get(article.id)
        if ex is None or not ex.sentences:
            continue
        verbs = set(SPEECH_VERBS.get(article.language, SPEECH_VERBS["en"]))
        pronouns = set(PRONOUNS.get(article.language, ()))
        speakers = [
            m
            for m in ex.mentions
            if m.key in entity_of and entities[entity_of[m.key]].type in ("person", "organization")
        ]
        people = {entity_of[m.key] for m in speakers if entities[entity_of[m.key]].type == "person"}
        sentence_of = {s.index: s for s in ex.sentences}
        previous: Quote | None = None
        for para in article.paragraphs:
            if para.boilerplate:
                continue
            for q_start, q_end in find_quote_spans(article.text, para.start, para.end):
                sent = next((s for s in ex.sentences if s.start <= q_start < s.end), None)
                if sent is None:
                    continue
                last_sent = next((s for s in ex.sentences if s.start < q_end <= s.end), sent)
                speaker, cue = _speaker(
                    article, q_start, q_end, sent.start, last_sent.end, speakers, verbs, pronouns, entity_of, people
                )
                # A quote that opens its sentence continues the previous speaker's words.
                opens_sentence = not _words(article.text[sent.start : q_start])
                if speaker is None and opens_sentence and previous is not None and previous.speaker is not None:
                    prev_sent = sentence_of.get(previous.sentence)
                    same_para = prev_sent is not None and prev_sent.paragraph == para.index
                    if same_para or sent.index - previous.sentence <= 1:
                        speaker, cue = previous.speaker, "continuation"
                quote = Quote(
                    article=article.id,
                    start=q_start,
                    end=q_end,
                    text=article.text[q_start:q_end],
                    sentence=sent.index,
                    speaker=speaker,
                    cue=cue if speaker else "none",
                )
                quotes.append(quote)
                previous = quote
    return quotes


def _speaker(
    article: Article,
    q_start: int,
    q_end: int,
    s_start: int,
    s_end: int,
    speakers: Sequence[Mention],
    verbs: set[str],
    pronouns: set[str],
    entity_of: Mapping[tuple[str, int, int], str],
    people: set[str],
) -> tuple[str | None, str]:
    text = article.text
    # 2. Cue after the quote: verb of saying, then a name (role words may stand between).
    after = [m for m in speakers if q_end <= m.start < s_end]
    if after:
        m = after[0]
        between = _words(text[q_end : m.start])
        if any(w in verbs for w in between) and len(between) <= 12:
            # "sagte der Sprecher des US-Außenministeriums, Vedant Patel": the person
            # in apposition to an organization is the speaker.
            if m.key in entity_of and entity_of[m.key] not in people:
                for n in after[1:3]:
                    if entity_of[n.key] in people and len(_words(text[m.end : n.start])) <= 3:
                        return entity_of[n.key], "after"
            return entity_of[m.key], "after"
    # ... or the name, then the verb ("…", Kirby said).
    if after:
        m = after[0]
        gap = _words(text[q_end : m.start])
        tail = _words(text[m.end : m.end + 25])[:2]
        if len(gap) <= 1 and any(w in verbs for w in tail):
            return entity_of[m.key], "after"
    # 4. Pronoun: „…“, sagte sie.
    tail_words = _words(text[q_end : min(s_end, q_end + 40)])[:3]
    if any(w in verbs for w in tail_words[:2]) and any(w in pronouns for w in tail_words):
        named = [m for m in speakers if m.end <= q_start and entity_of[m.key] in people]
        if named:
            return entity_of[named[-1].key], "pronoun"
    # 3. Cue before the quote within the sentence: name ... verb ... quote.
    before = [m for m in speakers if s_start <= m.start and m.end <= q_start]
    if before:
        # The nearest name followed by a verb of saying ("Putin räumte ... ein, dass »…«").
        for m in reversed(before):
            if any(w in verbs for w in _words(text[m.end : q_start])):
                return entity_of[m.key], "before"
        m = before[-1]
        lead = _words(text[s_start : m.start])
        if any(w in verbs for w in lead[-4:]):  # "hatte der Sprecher ..., Matthew Miller, gedroht"
            return entity_of[m.key], "before"
    # 5. Same sentence: one speaker before the quote and a verb of saying somewhere.
    sentence_words = _words(text[s_start:s_end])
    if any(w in verbs for w in sentence_words) and before:
        names = {entity_of[m.key] for m in before}
        if len(names) == 1:
            return names.pop(), "sentence"
    return None, "none"
