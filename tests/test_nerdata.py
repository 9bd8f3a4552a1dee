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
