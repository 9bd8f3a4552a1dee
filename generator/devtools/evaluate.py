"""Evaluation you can rerun (``nox -s eval``).

1. **NER**: entity precision/recall/F1 per label (PER, LOC, ORG; exact outer
   spans) of each shipped pipeline on held-out data it was never trained or
   selected on (GermEval 2014 dev, odd sentences; UNER German PUD; UNER English
   EWT test), read from ``../shared/data``; and German NER through the whole build
   (rule layers, propagation, resolution) on GermEval dev and test as articles of
   15 sentences (:func:`build_ner`): what a reader's pages hold, not the model alone.
2. **Dossier**: on the gold file for the sample corpus (``tests/gold/sample.yml``):
   the share of real (article, entity) pairs found, the share of spurious
   entity pages, and pairwise merge precision/recall over gold-matched mentions
   -- with the shipped curation and with none.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

from generator.model import Entity
from generator.names import fold, genitive_stem

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- dossier-level


@dataclass(frozen=True)
class Gold:
    entities: dict[str, tuple[str, tuple[str, ...]]]  # id -> (type, names)
    articles: dict[str, tuple[str, ...]]  # article id -> entity ids
    quotes: tuple[tuple[str, str, str | None], ...] = ()  # (article, start of text, speaker)

    @classmethod
    def load(cls, path: Path) -> Gold:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            entities={k: (v["type"], tuple(v["names"])) for k, v in data["entities"].items()},
            articles={k: tuple(v) for k, v in data["articles"].items()},
            quotes=tuple((q["article"], q["starts"], q["speaker"]) for q in data.get("quotes", [])),
        )

    def name_index(self) -> dict[str, str]:
        index = {}
        for ent_id, (_, names) in self.entities.items():
            for name in names:
                index[fold(name)] = ent_id
        return index


def gold_entity_of(text: str, index: Mapping[str, str]) -> str | None:
    key = fold(text)
    if key in index:
        return index[key]
    stem = genitive_stem(text)
    if stem and fold(stem) in index:
        return index[fold(stem)]
    if text.endswith("es") and fold(text[:-2]) in index:  # German genitive -es ("Sicherheitsrates")
        return index[fold(text[:-2])]
    return None


@dataclass
class DossierScores:
    pairs_found: float
    pairs_total: int
    spurious_pages: float
    pages: int
    merge_precision: float
    merge_recall: float
    missing: list[tuple[str, str]]
    spurious: list[str]
    split: list[str]  # gold entities spread over several pages
    mixed: list[str]  # pages holding several gold entities
    review_precision: float = 0.0  # share of dossier review's top 10 that are real problems
    review: list[str] = dataclasses.field(default_factory=list)
    type_accuracy: float = 0.0  # paged entities matched to a gold entity that have its type
    typed: int = 0
    b3_f: float = 0.0  # B-cubed F over gold-matched mentions (merge quality in one figure)
    mistyped: list[str] = dataclasses.field(default_factory=list)

    def row(self) -> dict[str, object]:
        return {
            "pairs found": f"{self.pairs_found:.3f} ({round(self.pairs_found * self.pairs_total)}/{self.pairs_total})",
            "spurious pages": f"{self.spurious_pages:.3f} ({round(self.spurious_pages * self.pages)}/{self.pages})",
            "merge P": f"{self.merge_precision:.3f}",
            "merge R": f"{self.merge_recall:.3f}",
            "merge B³ F": f"{self.b3_f:.3f}",
            "type accuracy": f"{self.type_accuracy:.3f} ({round(self.type_accuracy * self.typed)}/{self.typed})",
            # Nothing listed is no precision at all, not a precision of zero.
            "review top 10": f"{self.review_precision:.1f} ({len(self.review)})" if self.review else "none listed",
        }


#: The columns of both dossier tables after the row labels: DossierScores.row() then quotes.
SCORE_COLUMNS = (
    "pairs found",
    "spurious pages",
    "merge P",
    "merge R",
    "merge B³ F",
    "type accuracy",
    "review top 10",
    "quote P",
    "quote R",
)


def score_dossier(entities: Sequence[Entity], gold: Gold, min_mentions: int = 1) -> DossierScores:
    index = gold.name_index()
    found_pairs: set[tuple[str, str]] = set()
    labelled: list[tuple[str, str]] = []  # (predicted entity, gold entity) per gold-matched mention
    spurious = []
    paged = [e for e in entities if len(e.mentions) >= min_mentions]
    for e in paged:
        hits = [gold_entity_of(m.text, index) for m in e.mentions]
        if not any(hits):
            spurious.append(f"{e.name} [{e.id}]")
    for e in entities:
        for m in e.mentions:
            g = gold_entity_of(m.text, index)
            if g is None:
                continue
            labelled.append((e.id, g))
            if g in gold.articles.get(m.article, ()):
                found_pairs.add((m.article, g))
    gold_pairs = {(a, g) for a, ents in gold.articles.items() for g in ents}
    missing = sorted(gold_pairs - found_pairs)

    # Pairwise merge scores over gold-matched mentions.
    tp = fp = fn = 0
    for (p1, g1), (p2, g2) in combinations(labelled, 2):
        same_pred, same_gold = p1 == p2, g1 == g2
        if same_pred and same_gold:
            tp += 1
        elif same_pred:
            fp += 1
        elif same_gold:
            fn += 1
    pages_of: dict[str, set[str]] = defaultdict(set)
    gold_of: dict[str, set[str]] = defaultdict(set)
    for p, g in labelled:
        pages_of[g].add(p)
        gold_of[p].add(g)
    # B-cubed: per mention, the share of its page that is its gold entity, and of its gold entity on its page.
    both = Counter(labelled)
    per_page = Counter(p for p, _ in labelled)
    per_gold = Counter(g for _, g in labelled)
    b3_p = sum(both[(p, g)] / per_page[p] for p, g in labelled) / max(1, len(labelled))
    b3_r = sum(both[(p, g)] / per_gold[g] for p, g in labelled) / max(1, len(labelled))
    # Types: a paged entity is judged against the gold entity most of its mentions name.
    typed = correct = 0
    mistyped = []
    for e in paged:
        votes = Counter(g for m in e.mentions if (g := gold_entity_of(m.text, index)))
        if not votes:
            continue
        gold_id = votes.most_common(1)[0][0]
        typed += 1
        if gold.entities[gold_id][0] == e.type:
            correct += 1
        else:
            mistyped.append(f"{e.name} [{e.type}, gold {gold.entities[gold_id][0]}]")
    return DossierScores(
        pairs_found=len(found_pairs & gold_pairs) / max(1, len(gold_pairs)),
        pairs_total=len(gold_pairs),
        spurious_pages=len(spurious) / max(1, len(paged)),
        pages=len(paged),
        merge_precision=tp / max(1, tp + fp),
        merge_recall=tp / max(1, tp + fn),
        missing=missing,
        spurious=sorted(spurious),
        split=sorted(f"{g}: {', '.join(sorted(ps))}" for g, ps in pages_of.items() if len(ps) > 1),
        mixed=sorted(f"{p}: {', '.join(sorted(gs))}" for p, gs in gold_of.items() if len(gs) > 1),
        type_accuracy=correct / max(1, typed),
        typed=typed,
        b3_f=2 * b3_p * b3_r / max(1e-9, b3_p + b3_r),
        mistyped=sorted(mistyped),
    )


@dataclass
class QuoteScores:
    precision: float  # attributed quotes whose speaker is right
    recall: float  # gold quotes with a speaker that got the right one
    attributed: int
    gold: int
    wrong: list[str]


def score_quotes(quotes: Sequence, entities: Sequence[Entity], gold: Gold) -> QuoteScores:
    """Quote attribution against the gold quotes (matched by article and the start of the text)."""
    index = gold.name_index()
    gold_of_entity: dict[str, str | None] = {}
    for e in entities:
        votes = Counter(g for m in e.mentions if (g := gold_entity_of(m.text, index)))
        gold_of_entity[e.id] = votes.most_common(1)[0][0] if votes else None
    correct = attributed = 0
    wrong = []
    found_right = 0
    for art, starts, speaker in gold.quotes:
        match = next((q for q in quotes if q.article == art and q.text.lstrip().startswith(starts)), None)
        predicted = gold_of_entity.get(match.speaker) if match is not None and match.speaker else None
        if match is not None and match.speaker:
            attributed += 1
            if predicted == speaker:
                correct += 1
            else:
                wrong.append(f"{art[:3]} {starts!r}: {match.speaker} (gold {speaker})")
        if speaker is not None and predicted == speaker:
            found_right += 1
        elif speaker is not None and (match is None or not match.speaker):
            wrong.append(f"{art[:3]} {starts!r}: none (gold {speaker})")
    with_speaker = sum(1 for _, _, s in gold.quotes if s is not None)
    return QuoteScores(
        correct / max(1, attributed), found_right / max(1, with_speaker), attributed, with_speaker, wrong
    )


def review_top(result, process, gold: Gold, n: int = 10) -> tuple[float, list[str]]:  # type: ignore[no-untyped-def]
    """Share of the top ``n`` findings of ``dossier review`` that are real problems by the gold, and the list.

    Only the findings ``dossier review`` lists as likely problems count. Real: an ordinary-word, glued-word or one-mention finding on a page that is
    not a gold entity under its own name; a type finding on a page whose gold
    type differs; a not-a-person finding on a page that is no gold entity or one of
    another type; a merge finding whose two pages are one gold entity.
    """
    from generator.resolution.review import LIKELY, findings

    index = gold.name_index()
    found = findings(
        result.resolution.entities,
        {a.id: a.text for a in result.articles},
        {a.id: a.language for a in result.articles},
        process.nouns,
        process.gazetteer,
        process.person_names,
        process.person_names.in_name_cluster if process.person_names is not None else None,
    )
    found = [f for f in found if f.likelihood >= LIKELY][:n]

    def gold_of(e: Entity) -> str | None:
        votes = Counter(g for m in e.mentions if (g := gold_entity_of(m.text, index)))
        return votes.most_common(1)[0][0] if votes else None

    lines, real = [], 0
    for f in found:
        e = f.entities[0]
        if f.kind == "merge":
            ok = gold_of(e) is not None and gold_of(e) == gold_of(f.entities[1])
        elif f.kind == "type":
            g = gold_of(e)
            ok = g is not None and gold.entities[g][0] != e.type
        elif f.kind == "not a person":  # no gold entity, or one of another type
            g = gold_of(e)
            ok = g is None or gold.entities[g][0] != "person"
        else:
            ok = gold_entity_of(e.name, index) is None
        real += ok
        names = " / ".join(f"{x.name} ({x.type})" for x in f.entities)
        lines.append(f"{'real ' if ok else 'wrong'} {f.kind}: {names} -- {f.why}")
    return real / max(1, len(found)), lines


def run_dossier(curated: bool, gold_path: Path, config: Path) -> tuple[DossierScores, object, QuoteScores]:
    from generator.pipeline import ProcessCache, run
    from generator.plugin import load_settings

    settings = load_settings(config)
    if not curated:
        settings = dataclasses.replace(settings, curation=None)
    process = ProcessCache()
    result = run(settings, process=process)
    gold = Gold.load(gold_path)
    scores = score_dossier(result.resolution.entities, gold)
    scores.review_precision, scores.review = review_top(result, process, gold)
    return (scores, result.stats, score_quotes(result.quotes, result.resolution.entities, gold))


# ---------------------------------------------------------------- unseen news (tests/gold/unseen.yml)

UNSEEN_GOLD = ROOT / "tests" / "gold" / "unseen.yml"


def shared_dir() -> Path:
    return Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))


def unseen_text(shared: Path, key: str) -> str | None:
    """The text of a gold article (``10kgnad:<row>`` or ``bbc:<folder>/<file>``) from ../shared, or None."""
    corpus, _, ident = key.partition(":")
    if corpus == "10kgnad":
        path = shared / "corpora" / "10kgnad" / "test.csv"
        if not path.exists():
            return None
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'"), start=1):
                if i == int(ident):
                    return row[1]
        return None
    if corpus == "bbc":
        path = shared / "corpora" / "bbc-news" / ident
        return path.read_bytes().decode("utf-8", "replace") if path.exists() else None
    raise ValueError(f"{key!r}: unknown corpus (expected 10kgnad:<row> or bbc:<folder>/<file>)")


def _slug(key: str) -> str:
    return key.replace(":", "-").replace("/", "-").removesuffix(".txt")


def restrict(entities: Sequence[Entity], articles: set[str]) -> list[Entity]:
    """The entities as a corpus of only ``articles`` would show them."""
    out = []
    for e in entities:
        ms = tuple(m for m in e.mentions if m.article in articles)
        if ms:
            out.append(dataclasses.replace(e, mentions=ms))
    return out


@dataclass
class UnseenRun:
    split: str
    scores: dict[str, DossierScores]  # "all", "de", "en"
    quotes: QuoteScores
    context: int = 0  # other articles it was built among


#: Characters a context article has (as the gold's own: news items, not digests or briefs).
CONTEXT_CHARS = (600, 2500)


def context_keys(shared: Path, exclude: set[str], n: int, seed: int = 2027) -> list[str]:
    """``n`` articles of the gold's two corpora that are not in the gold (half German, half English), chosen
    with a fixed seed: the corpus the gold's articles are built in, as a user's corpus holds them among
    many others. Names the others give make the gold's articles' names confident, propagation copies
    them, and corpus-wide rules count them: what a build of 15 articles never shows."""
    import random

    rng = random.Random(seed)
    german = []
    path = shared / "corpora" / "10kgnad" / "test.csv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'"), start=1):
                key = f"10kgnad:{i:04d}"
                if key not in exclude and CONTEXT_CHARS[0] <= len(row[1]) <= CONTEXT_CHARS[1]:
                    german.append(key)
    bbc = shared / "corpora" / "bbc-news"
    english = sorted(
        key
        for f in bbc.glob("*/*.txt")
        if (key := f"bbc:{f.parent.name}/{f.name}") not in exclude
        and CONTEXT_CHARS[0] <= f.stat().st_size <= CONTEXT_CHARS[1]
    )
    half = n // 2
    return sorted(rng.sample(german, min(half, len(german))) + rng.sample(english, min(n - half, len(english))))


def unseen_splits(gold_path: Path) -> list[str]:
    """The gold's splits in the order to report them: the dev halves ("dev", then "dev2": articles drawn
    later to look at, as the first dev half wore out), then "test"."""
    splits = list(yaml.safe_load(gold_path.read_text(encoding="utf-8"))["split"])
    return sorted(splits, key=lambda s: (s == "test", s))


def new_user_settings(config: Path, corpus: Path, cache_dir: Path):  # type: ignore[no-untyped-def]
    """The settings of ``config`` for a corpus folder as a new user builds it: no curation, no tables or
    extraction files of their own."""
    from generator.plugin import load_settings

    return dataclasses.replace(
        load_settings(config), corpus=corpus, curation=None, tables=(), extractions=(), cache_dir=cache_dir
    )


def run_unseen(
    split: str, config: Path, gold_path: Path = UNSEEN_GOLD, shared: Path | None = None, context: int = 0
) -> UnseenRun | None:
    """Build the ``split`` articles of the unseen gold (no curation: a new user's corpus) and score them;
    with ``context``, built among that many other articles of the same corpora (:func:`context_keys`),
    scored on the gold's articles only (and without ``dossier review``, which would judge the others')."""
    import tempfile

    from generator.pipeline import ProcessCache, run

    shared = shared or shared_dir()
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    keys = list(data["split"][split])
    texts = {k: unseen_text(shared, k) for k in keys}
    if any(t is None for t in texts.values()):
        return None
    others = context_keys(shared, set(data["articles"]), context) if context else []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for key, text in [*texts.items(), *((k, unseen_text(shared, k)) for k in others)]:
            (corpus / f"{_slug(key)}.txt").write_text(text or "", encoding="utf-8")
        settings = new_user_settings(config, corpus, ROOT / ".cache" / "eval-unseen")
        process = ProcessCache()
        result = run(settings, process=process)
    id_of = {Path(a.source).stem: a.id for a in result.articles}
    language = {a.id: a.language for a in result.articles}
    wanted = {id_of[_slug(k)]: k for k in keys}
    scores = {}
    for subset in ("all", "de", "en"):
        arts = {a for a, k in wanted.items() if subset == "all" or k.startswith("10kgnad" if subset == "de" else "bbc")}
        gold = Gold(
            entities={k: (v["type"], tuple(v["names"])) for k, v in data["entities"].items()},
            articles={a: tuple(data["articles"][wanted[a]]) for a in arts},
            quotes=tuple(
                (id_of[_slug(q["article"])], q["starts"], q["speaker"])
                for q in data.get("quotes", [])
                if q["article"] in keys and id_of[_slug(q["article"])] in arts
            ),
        )
        scores[subset] = score_dossier(restrict(result.resolution.entities, arts), gold)
        if subset == "all":
            quotes = score_quotes(result.quotes, result.resolution.entities, gold)
            if not context:
                scores[subset].review_precision, scores[subset].review = review_top(result, process, gold)
    wrong_language = sorted(
        f"{wanted[a]}={lang}"
        for a, lang in language.items()
        if a in wanted and lang != ("de" if wanted[a].startswith("10kgnad") else "en")
    )
    if wrong_language:
        print("language detected wrongly: " + ", ".join(wrong_language))
    return UnseenRun(split, scores, quotes, context)


# ---------------------------------------------------------------- NER


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    @property
    def r(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / max(1e-9, self.p + self.r)


def bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    spans = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                spans.add((start, i, label or ""))
            start, label = (i, tag[2:]) if tag != "O" else (None, None)
    return spans


_TO_GOLD = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


def score_ner(nlp, sentences: Iterable, batch_size: int = 256) -> tuple[dict[str, PRF], float]:  # type: ignore[no-untyped-def]
    """Exact-span scores per label of ``nlp`` on pre-tokenised gold sentences."""
    from spacy.tokens import Doc

    scores: dict[str, PRF] = defaultdict(PRF)
    sents = list(sentences)
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sents)
    words = sum(len(s.words) for s in sents)
    t0 = time.perf_counter()
    for sent, doc in zip(sents, nlp.pipe(docs, batch_size=batch_size), strict=False):
        pred = {(e.start, e.end, _TO_GOLD[e.label_]) for e in doc.ents if e.label_ in _TO_GOLD}
        gold = bio_spans(sent.tags)
        for label in ("PER", "LOC", "ORG"):
            p = {s for s in pred if s[2] == label}
            g = {s for s in gold if s[2] == label}
            scores[label].tp += len(p & g)
            scores[label].fp += len(p - g)
            scores[label].fn += len(g - p)
    elapsed = time.perf_counter() - t0
    total = PRF()
    for s in list(scores.values()):
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
    scores["ALL"] = total
    return dict(scores), words / max(elapsed, 1e-9)


# ---------------------------------------------------------------- NER through the whole build

#: GermEval sentences per pseudo-article when the whole build is scored on them.
SENTENCES_PER_ARTICLE = 15
_ENTITY_TO_GOLD = {"person": "PER", "organization": "ORG", "place": "LOC"}


def pseudo_articles(
    sentences: Sequence, per_article: int = SENTENCES_PER_ARTICLE, language: str = "de"
) -> list[tuple[str, str, set]]:
    """Gold sentences as articles of ``per_article`` sentences, one paragraph each: (id, text, gold
    spans as (start, end, label) character offsets in the text).

    Each sentence is detokenised as news prints it (sacremoses' Moses detokeniser: "St. Moritz",
    "Yahoo!", "(dpa)", „Freiheit!“), not its tokens joined by spaces ("St . Moritz", "( dpa )"), which
    no article has and which the rule layers read as other words."""
    from sacremoses import MosesDetokenizer

    detokenize = MosesDetokenizer(lang=language).detokenize
    out = []
    for first in range(0, len(sentences), per_article):
        text, spans = "", set()
        for sent in sentences[first : first + per_article]:
            line = detokenize(list(sent.words), unescape=False)
            offsets, cursor = [], 0
            for word in sent.words:  # the detokeniser only takes spaces out: each word is found in order
                cursor = line.index(word, cursor)
                offsets.append(len(text) + cursor)
                cursor += len(word)
            for start, end, label in bio_spans(sent.tags):
                if label in ("PER", "LOC", "ORG"):
                    spans.add((offsets[start], offsets[end - 1] + len(sent.words[end - 1]), label))
            text += line + "\n\n"
        out.append((f"g{first // per_article:05d}", text, spans))
    return out


def score_spans(gold: Mapping[str, set], predicted: Mapping[str, set]) -> dict[str, PRF]:
    """Exact-span scores per label and over all labels ("ALL") of predicted against gold, by article."""
    scores: dict[str, PRF] = {label: PRF() for label in ("PER", "LOC", "ORG", "ALL")}
    for art in sorted(set(gold) | set(predicted)):
        g, p = gold.get(art, set()), predicted.get(art, set())
        for label in ("PER", "LOC", "ORG"):
            gl, pl = {x for x in g if x[2] == label}, {x for x in p if x[2] == label}
            for key in (label, "ALL"):
                scores[key].tp += len(gl & pl)
                scores[key].fp += len(pl - gl)
                scores[key].fn += len(gl - pl)
    return scores


def build_ner(sentences: Sequence, config: Path, cache_dir: Path) -> dict[str, PRF]:
    """The whole build (model, rule layers, propagation, resolution with its ordinary-word and title
    rules, types by vote) on gold sentences as pseudo-articles: each mention an entity page keeps, typed
    as its entity, against the gold spans. Unlike :func:`score_ner` it measures what a reader sees; the
    articles are unrelated sentences, so rules that read a whole article see less than in news. A
    mention that names a German genitive by its stem matches the gold span with the -s."""
    from generator.pipeline import ProcessCache, run

    articles = pseudo_articles(sentences)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for art_id, text, _ in articles:
            (corpus / f"{art_id}.txt").write_text(text, encoding="utf-8")
        result = run(new_user_settings(config, corpus, cache_dir), process=ProcessCache())
    gold = {art_id: spans for art_id, _, spans in articles}
    texts = {art_id: text for art_id, text, _ in articles}
    predicted: dict[str, set] = defaultdict(set)
    for e in result.resolution.entities:
        for m in e.mentions:
            label = _ENTITY_TO_GOLD[e.type]
            # The build names a German genitive by its stem on purpose ("Heidi Klums" is Heidi Klum's
            # mention); GermEval's span keeps the -s: the same name, not a miss and a false hit.
            if (m.start, m.end + 1, label) in gold[m.article] and texts[m.article][m.end : m.end + 1] == "s":
                predicted[m.article].add((m.start, m.end + 1, label))
            else:
                predicted[m.article].add((m.start, m.end, label))
    return score_spans(gold, predicted)


def ner_sets(data: Path) -> dict[str, tuple[str, list]]:
    """Held-out evaluation sets: name -> (language, sentences)."""
    from generator.devtools import nerdata
    from generator.devtools.train_ner import heldout_sets

    sets: dict[str, tuple[str, list]] = {}
    if (data / "germeval2014" / "NER-de-dev.tsv").exists():
        for name, sents in heldout_sets(data).items():
            sets[name] = ("de", sents)
    ewt = data / "uner_en_ewt" / "en_ewt-ud-test.iob2"
    if ewt.exists():
        sets["uner-en-ewt-test"] = ("en", list(nerdata.read_uner(ewt)))
    return sets


def _unseen_table(title: str, runs: Sequence[UnseenRun], out: dict[str, object]) -> object:
    """The scores of unseen-gold runs as a rich table, and into ``out`` ("unseen[-context]/<split>/<subset>")."""
    from rich.table import Table

    table = Table(title=title)
    for col in ("split", "articles", *SCORE_COLUMNS):
        table.add_column(col)
    for r in runs:
        for subset, sc in r.scores.items():
            qp = f"{r.quotes.precision:.3f} ({r.quotes.attributed})" if subset == "all" else ""
            qr = f"{r.quotes.recall:.3f} ({r.quotes.gold})" if subset == "all" else ""
            table.add_row(r.split, subset, *[str(v) for v in sc.row().values()], qp, qr)
            out[f"unseen{'-context' if r.context else ''}/{r.split}/{subset}"] = dataclasses.asdict(sc)
    return table


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "sample.yml")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--skip-ner", action="store_true")
    parser.add_argument("--skip-unseen", action="store_true", help="skip the unseen-news gold (tests/gold/unseen.yml)")
    parser.add_argument(
        "--show-test", action="store_true", help="also list the errors on the test half (for reports only)"
    )
    parser.add_argument(
        "--context",
        type=int,
        default=100,
        help="also score the unseen gold built among this many other articles of its corpora (0: not)",
    )
    args = parser.parse_args(argv)
    if args.context < 0:
        parser.error(f"--context: expected a number of articles, 0 or more (0: no context run), found {args.context}")
    console = Console(width=200)
    out: dict[str, object] = {}

    if not args.skip_ner:
        import spacy

        from generator.extraction.nlp import DEFAULT_PIPELINES, resolve_pipeline_name

        sets = ner_sets(args.data)
        if not sets:
            console.print(f"[yellow]no NER evaluation data under {args.data}; skipped[/]")
        table = Table(title="NER on held-out data (exact spans)")
        for col in ("set", "pipeline", "label", "P", "R", "F1", "gold", "words/s"):
            table.add_column(col)
        ner_out = {}
        for set_name, (lang, sents) in sets.items():
            pipe_name = DEFAULT_PIPELINES[lang]
            nlp = spacy.load(
                resolve_pipeline_name(pipe_name), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
            )
            ner_scores, wps = score_ner(nlp, sents)
            for label in ("PER", "LOC", "ORG", "ALL"):
                s = ner_scores[label]
                table.add_row(
                    set_name,
                    pipe_name,
                    label,
                    f"{s.p:.3f}",
                    f"{s.r:.3f}",
                    f"{s.f:.3f}",
                    str(s.tp + s.fn),
                    f"{wps:,.0f}" if label == "ALL" else "",
                )
                ner_out[f"{set_name}/{label}"] = {"p": s.p, "r": s.r, "f": s.f}
        console.print(table)
        out["ner"] = ner_out
        germeval = args.data / "germeval2014"
        if (germeval / "NER-de-dev.tsv").exists():
            from generator.devtools import nerdata

            table = Table(
                title=f"German NER through the whole build (GermEval as articles of {SENTENCES_PER_ARTICLE} sentences;"
                " select on dev, report test)"
            )
            for col in ("set", "label", "P", "R", "F1", "gold"):
                table.add_column(col)
            for split in ("dev", "test"):
                sents = list(nerdata.read_germeval(germeval / f"NER-de-{split}.tsv"))
                build_scores = build_ner(sents, args.config, ROOT / ".cache" / "eval-germeval-build")
                for label in ("PER", "LOC", "ORG", "ALL"):
                    prf = build_scores[label]
                    table.add_row(
                        f"germeval-{split}", label, f"{prf.p:.3f}", f"{prf.r:.3f}", f"{prf.f:.3f}", str(prf.tp + prf.fn)
                    )
                    ner_out[f"build-germeval-{split}/{label}"] = {"p": prf.p, "r": prf.r, "f": prf.f}
            console.print(table)

    if args.gold.exists():
        table = Table(
            title=f"Dossier scores on {args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold}"
        )
        cols = ["curation", *SCORE_COLUMNS]
        for col in cols:
            table.add_column(col)
        details: dict[str, DossierScores] = {}
        quote_details: dict[str, QuoteScores] = {}
        for curated in (False, True):
            scores, _, qs = run_dossier(curated, args.gold, args.config)
            label = "shipped" if curated else "none"
            table.add_row(
                label,
                *[str(v) for v in scores.row().values()],
                f"{qs.precision:.3f} ({qs.attributed})",
                f"{qs.recall:.3f} ({qs.gold})",
            )
            details[label] = scores
            quote_details[label] = qs
            out[f"dossier/{label}"] = {
                "pairs_found": scores.pairs_found,
                "spurious_pages": scores.spurious_pages,
                "merge_precision": scores.merge_precision,
                "merge_recall": scores.merge_recall,
                "quote_precision": qs.precision,
                "quote_recall": qs.recall,
            }
        console.print(table)
        for label, scores in details.items():
            console.print(
                f"[bold]curation {label}[/]: missing pairs {len(scores.missing)}, spurious {len(scores.spurious)}"
            )
            for what, items in (
                ("missing", scores.missing),
                ("spurious", scores.spurious),
                ("mistyped", scores.mistyped),
                ("split", scores.split),
                ("mixed", scores.mixed),
                ("quotes", quote_details[label].wrong),
                ("review top 10", scores.review),
            ):
                if items:
                    console.print(f"  {what}: " + "; ".join(str(i) for i in items), markup=False)
    if not args.skip_unseen and UNSEEN_GOLD.exists():
        splits = unseen_splits(UNSEEN_GOLD)
        runs = [r for split in splits if (r := run_unseen(split, args.config)) is not None]
        if not runs:
            console.print(f"[yellow]../shared/corpora not found under {shared_dir()}; unseen gold skipped[/]")
        console.print(_unseen_table("Dossier scores on unseen news (tests/gold/unseen.yml, no curation)", runs, out))
        context_runs = []
        if runs and args.context:
            context_runs = [
                r for split in splits if (r := run_unseen(split, args.config, context=args.context)) is not None
            ]
            title = (
                f"The same gold built among {args.context} other articles of its corpora"
                " (scored on the gold's articles; no review)"
            )
            console.print(_unseen_table(title, context_runs, out))
        for r in [*runs, *context_runs]:
            if r.split == "test" and not args.show_test:
                continue  # the test half is scored, not read: its errors are not shown unless asked
            sc = r.scores["all"]
            for what, items in (
                ("missing", sc.missing),
                ("spurious", sc.spurious),
                ("mistyped", sc.mistyped),
                ("split", sc.split),
                ("mixed", sc.mixed),
                ("quotes", r.quotes.wrong),
                ("review top 10", sc.review),
            ):
                if items:
                    name = f"{r.split} among {r.context}" if r.context else r.split
                    console.print(f"  {name} {what}: " + "; ".join(str(i) for i in items), markup=False)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
