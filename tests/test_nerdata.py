"""The training-data helpers of the NER recipe (generator/devtools/nerdata.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.devtools.nerdata import Sentence, mention_spans, replace_mentions


def test_mention_spans_read_bio_tags() -> None:
    sent = Sentence(
        ("Angela", "Merkel", "besucht", "Paris", "und", "die", "EU"),
        ("B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG"),
    )
    assert mention_spans(sent) == [(0, 2, "PER"), (3, 4, "LOC"), (6, 7, "ORG")]


_TAGGED = st.lists(
    st.tuples(st.sampled_from(["O", "PER", "LOC", "ORG"]), st.integers(1, 3)), min_size=1, max_size=8
).map(
    lambda parts: Sentence(
        tuple(f"w{i}" for i, (_, n) in enumerate(parts) for _ in range(n)),
        tuple(
            tag
            for label, n in parts
            for tag in (["O"] * n if label == "O" else [f"B-{label}", *[f"I-{label}"] * (n - 1)])
        ),
    )
)


@given(st.lists(_TAGGED, min_size=1, max_size=6), st.integers(0, 3))
def test_replaced_mentions_keep_their_labels_and_the_context(sentences: list[Sentence], seed: int) -> None:
    out = replace_mentions(sentences, seed=seed, rate=1.0)
    assert len(out) == sum(1 for s in sentences if mention_spans(s))
    for old, new in zip((s for s in sentences if mention_spans(s)), out, strict=True):
        assert [label for *_, label in mention_spans(old)] == [label for *_, label in mention_spans(new)]
        assert [w for w, t in zip(old.words, old.tags, strict=True) if t == "O"] == [
            w for w, t in zip(new.words, new.tags, strict=True) if t == "O"
        ]
        assert len(new.words) == len(new.tags)


def test_the_augmentation_rate_must_be_a_share(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from generator.devtools.train_ner import main

    with pytest.raises(SystemExit):
        main(["--augment", "2"])
    err = capsys.readouterr().err
    assert "--augment" in err and "from 0 to 1" in err and "found 2.0" in err


def test_germeval_oth_is_a_fourth_label_only_on_request(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.devtools.nerdata import GERMEVAL_WITH_OTH, read_germeval

    path = tmp_path / "g.tsv"
    rows = [
        ("Der", "O"),
        ("Tatort", "B-OTH"),
        ("in", "O"),
        ("Köln", "B-LOC"),
        ("und", "O"),
        ("russischen", "B-LOCderiv"),
    ]
    path.write_text(
        "# source x\n" + "".join(f"{i}\t{w}\t{t}\tO\n" for i, (w, t) in enumerate(rows, 1)) + "\n", encoding="utf-8"
    )
    assert [s.tags for s in read_germeval(path)] == [("O", "O", "O", "B-LOC", "O", "O")]
    assert [s.tags for s in read_germeval(path, GERMEVAL_WITH_OTH)] == [("O", "B-OTH", "O", "B-LOC", "O", "O")]


def test_selection_scores_ignore_a_label_the_build_drops() -> None:
    """A model that learns OTH is selected on PER, LOC and ORG alone (``dossier.ner_scorer.v1``)."""
    import spacy
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    from generator.extraction.embed import score_scored_labels

    nlp = spacy.blank("de")
    words = ["Der", "Tatort", "in", "Köln"]
    gold = Doc(nlp.vocab, words=words, ents=["O", "B-OTH", "O", "B-LOC"])
    pred = Doc(nlp.vocab, words=words)
    pred.ents = [Span(pred, 3, 4, label="LOC")]
    assert score_scored_labels([Example(pred, gold)])["ents_f"] == 1.0
    pred.ents = [Span(pred, 1, 2, label="ORG"), Span(pred, 3, 4, label="LOC")]
    assert score_scored_labels([Example(pred, gold)])["ents_p"] == 0.5


def test_gold_sentences_become_articles_whose_spans_point_at_the_names() -> None:
    """The whole-build NER score (``nox -s eval``) places GermEval's spans in the articles it writes."""
    from generator.devtools.evaluate import pseudo_articles, score_spans
    from generator.devtools.nerdata import Sentence

    sents = [
        Sentence(("Angela", "Merkel", "besuchte", "Paris", "."), ("B-PER", "I-PER", "O", "B-LOC", "O")),
        Sentence(("Die", "Bahn", "streikt", "."), ("O", "B-ORG", "O", "O")),
        Sentence(("Nichts", "."), ("O", "O")),
    ]
    articles = pseudo_articles(sents, per_article=2)
    assert [a[0] for a in articles] == ["g00000", "g00001"]
    _, text, spans = articles[0]
    assert sorted((text[s:e], label) for s, e, label in spans) == [
        ("Angela Merkel", "PER"),
        ("Bahn", "ORG"),
        ("Paris", "LOC"),
    ]
    predicted = {"g00000": {(0, 13, "PER"), (text.index("Paris"), text.index("Paris") + 5, "ORG")}}
    scores = score_spans({a: s for a, _, s in articles}, predicted)
    assert (scores["PER"].tp, scores["ORG"].fp, scores["LOC"].fn, scores["ALL"].fn) == (1, 1, 1, 2)


def test_gold_sentences_are_detokenised_as_news_prints_them() -> None:
    """ "St . Moritz" and "( dpa )" are no text a build ever reads: the articles are written as printed."""
    from generator.devtools.evaluate import pseudo_articles
    from generator.devtools.nerdata import Sentence

    sents = [
        Sentence(
            ("Berlin", "(", "dpa", ")", "-", "In", "St", ".", "Moritz", "rief", "er", '"', "Yahoo", "!", '"', "."),
            (
                "B-LOC",
                "O",
                "B-ORG",
                "O",
                "O",
                "O",
                "B-LOC",
                "I-LOC",
                "I-LOC",
                "O",
                "O",
                "O",
                "B-ORG",
                "I-ORG",
                "O",
                "O",
            ),
        )
    ]
    [(_, text, spans)] = pseudo_articles(sents)
    assert text == 'Berlin (dpa) - In St. Moritz rief er "Yahoo!".\n\n'
    assert sorted(text[s:e] for s, e, _ in spans) == ["Berlin", "St. Moritz", "Yahoo!", "dpa"]
