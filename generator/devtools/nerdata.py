"""Readers for the NER training and evaluation corpora in ``../shared/data``.

Every reader yields :class:`Sentence` objects with BIO tags restricted to the
three labels the dossier uses (``PER``, ``LOC``, ``ORG``). Each corpus has its
own quirks (see the README next to it); they are handled here so that the
training recipe (``nox -s train-ner``) and the evaluation (``nox -s eval``)
read exactly the same data.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # BIO over LABELS


def _clean_tag(raw: str, mapping: dict[str, str]) -> tuple[str, str | None]:
    """Split ``B-PER`` into ``("B", "PER")`` after mapping the label; O for unknown."""
    raw = raw.strip().replace("_", "-")
    if raw in ("O", "", "-"):
        return "O", None
    if "-" not in raw:
        # Europeana typos such as "OLOC": treat as outside rather than guess.
        return "O", None
    prefix, raw_label = raw.split("-", 1)
    prefix = prefix.upper()
    label = mapping.get(raw_label.upper())
    if prefix not in ("B", "I") or label is None:
        return "O", None
    return prefix, label


def _repair_bio(pairs: list[tuple[str, str | None]]) -> tuple[str, ...]:
    """Make a tag sequence valid BIO: an I- that does not continue becomes B-."""
    out: list[str] = []
    prev: str | None = None
    for prefix, label in pairs:
        if label is None:
            out.append("O")
            prev = None
            continue
        if prefix == "I" and prev == label:
            out.append(f"I-{label}")
        else:
            out.append(f"B-{label}")
        prev = label
    return tuple(out)


_GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}  # OTH and *deriv/*part -> O
#: GermEval's fourth outer label kept: names of other things (works, events, products, languages).
GERMEVAL_WITH_OTH = {**_GERMEVAL_MAP, "OTH": "OTH"}


def read_germeval(path: Path, mapping: dict[str, str] | None = None) -> Iterator[Sentence]:
    """GermEval 2014: ``index TAB token TAB outer TAB nested``; outer spans only.

    ``LOCderiv`` ("russischen") and ``LOCpart`` ("Nordkorea-Experte") map to O:
    the dossier wants names of things, not adjectives derived from them. ``OTH``
    maps to O too, unless ``mapping`` is :data:`GERMEVAL_WITH_OTH`.
    """
    mapping = mapping or _GERMEVAL_MAP
    words: list[str] = []
    pairs: list[tuple[str, str | None]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    yield Sentence(tuple(words), _repair_bio(pairs))
                words, pairs = [], []
                continue
            cols = line.split("\t")
            words.append(cols[1])
            pairs.append(_clean_tag(cols[2], mapping))
    if words:
        yield Sentence(tuple(words), _repair_bio(pairs))


def read_conll(
    path: Path,
    *,
    word_col: int,
    tag_col: int,
    mapping: dict[str, str] | None = None,
    sep: str = "\t",
    skip: re.Pattern[str] | None = None,
) -> Iterator[Sentence]:
    """Generic one-token-per-line reader with blank lines between sentences."""
    mapping = mapping or _GERMEVAL_MAP
    words: list[str] = []
    pairs: list[tuple[str, str | None]] = []

    def flush() -> Iterator[Sentence]:
        if words and not (skip and skip.search(" ".join(words))):
            yield Sentence(tuple(words), _repair_bio(pairs))

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                yield from flush()
                words, pairs = [], []
                continue
            cols = line.split(sep)
            if len(cols) <= max(word_col, tag_col):
                continue
            words.append(cols[word_col])
            pairs.append(_clean_tag(cols[tag_col], mapping))
    yield from flush()


def read_wikiann(path: Path) -> Iterator[Sentence]:
    """WikiANN (PAN-X) German: silver labels; redirect lines are dropped."""
    return read_conll(path, word_col=0, tag_col=1, skip=re.compile(r"^WEITERLEITUNG"))


def read_uner(path: Path) -> Iterator[Sentence]:
    """Universal NER (IOB2 in column 3)."""
    return read_conll(path, word_col=1, tag_col=2)


def read_europeana(path: Path, max_len: int = 40) -> Iterator[Sentence]:
    """Europeana Newspapers: no sentence boundaries, so cut after ``.!?`` or every ``max_len`` tokens."""
    words: list[str] = []
    pairs: list[tuple[str, str | None]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rsplit(" ", 1)
            if len(cols) != 2:
                continue
            words.append(cols[0])
            pairs.append(_clean_tag(cols[1], _GERMEVAL_MAP))
            if cols[0] in (".", "!", "?") or len(words) >= max_len:
                yield Sentence(tuple(words), _repair_bio(pairs))
                words, pairs = [], []
    if words:
        yield Sentence(tuple(words), _repair_bio(pairs))


_SMARTDATA_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "location-route": "LOC",
}


def iter_concatenated_json(text: str) -> Iterator[dict]:
    """SmartData stores pretty-printed JSON objects back to back (not JSON Lines)."""
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def read_smartdata(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """SmartData v1: (text, [(start, end, label)]) with character offsets."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    for doc in iter_concatenated_json(text):
        body = (doc.get("text") or {}).get("string") or ""
        mentions = ((doc.get("conceptMentions") or {}).get("array")) or []
        spans = []
        for m in mentions:
            label = _SMARTDATA_MAP.get(str(m.get("type", "")).lower())
            if label is None:
                continue
            span = m["span"]
            spans.append((int(span["start"]), int(span["end"]), label))
        if body:
            yield body, spans


def docs_from_sentences(nlp, sentences: Iterable[Sentence], per_doc: int = 1):  # type: ignore[no-untyped-def]
    """spaCy Docs for a stream of sentences (``per_doc`` sentences per Doc)."""
    from spacy.tokens import Doc

    batch_words: list[str] = []
    batch_tags: list[str] = []
    count = 0
    for sent in sentences:
        batch_words.extend(sent.words)
        batch_tags.extend(sent.tags)
        count += 1
        if count == per_doc:
            yield Doc(nlp.vocab, words=batch_words, ents=batch_tags)
            batch_words, batch_tags, count = [], [], 0
    if batch_words:
        yield Doc(nlp.vocab, words=batch_words, ents=batch_tags)


def docs_from_char_spans(nlp, items: Iterable[tuple[str, list[tuple[int, int, str]]]]):  # type: ignore[no-untyped-def]
    """spaCy Docs from (text, char spans); overlapping or unalignable spans are dropped."""
    from spacy.util import filter_spans

    for text, spans in items:
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            # Annotations sometimes include surrounding spaces or punctuation,
            # which the NER oracle cannot learn from (spaCy E024).
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum():
                end -= 1
            if end <= start:
                continue
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and span.text.strip() == span.text and span.text:
                ents.append(span)
        doc.ents = filter_spans(ents)
        yield doc


def mention_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, label) of each BIO span of ``sentence``."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate((*sentence.tags, "O")):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def replace_mentions(sentences: Sequence[Sentence], seed: int = 0, rate: float = 0.5) -> list[Sentence]:
    """Mention replacement (Dai & Adel 2020): a copy of each sentence with an entity in it, each
    mention swapped with probability ``rate`` for a random mention of the same label from the
    training data. The model then sees each name in many contexts and each context with many
    names, so it learns what the context says rather than the names it saw."""
    import random

    rng = random.Random(seed)
    pool: dict[str, list[tuple[str, ...]]] = {}
    for sent in sentences:
        for start, end, label in mention_spans(sent):
            pool.setdefault(label, []).append(sent.words[start:end])
    out: list[Sentence] = []
    for sent in sentences:
        spans = mention_spans(sent)
        if not spans:
            continue
        words: list[str] = []
        tags: list[str] = []
        at = 0
        changed = False
        for start, end, label in spans:
            words.extend(sent.words[at:start])
            tags.extend(sent.tags[at:start])
            name = sent.words[start:end]
            if rng.random() < rate:
                name = rng.choice(pool[label])
                changed = True
            words.extend(name)
            tags.extend([f"B-{label}", *(f"I-{label}" for _ in name[1:])])
            at = end
        words.extend(sent.words[at:])
        tags.extend(sent.tags[at:])
        if changed:
            out.append(Sentence(tuple(words), tuple(tags)))
    return out
