"""The evaluation's own pieces that need no model: the context articles the unseen gold is built among."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.devtools.evaluate import CONTEXT_CHARS, context_keys, main


def _shared(tmp_path: Path) -> Path:
    gnad = tmp_path / "corpora" / "10kgnad"
    gnad.mkdir(parents=True)
    rows = [f"Etat;'{'Wort ' * (200 + i)}'" for i in range(20)] + ["Etat;'kurz'"]
    (gnad / "test.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for folder in ("sport", "tech"):
        (tmp_path / "corpora" / "bbc-news" / folder).mkdir(parents=True)
        for i in range(10):
            (tmp_path / "corpora" / "bbc-news" / folder / f"{i:03d}.txt").write_text("word " * (150 + i))
    (tmp_path / "corpora" / "bbc-news" / "tech" / "999.txt").write_text("short")
    return tmp_path


def test_context_articles_are_drawn_half_per_language_outside_the_gold_and_the_same_every_time(tmp_path) -> None:
    shared = _shared(tmp_path)
    gold = {"10kgnad:0001", "bbc:sport/000.txt"}
    keys = context_keys(shared, gold, 10)
    assert keys == context_keys(shared, gold, 10)  # a fixed seed: the same corpus every run
    assert not set(keys) & gold
    assert sum(k.startswith("10kgnad:") for k in keys) == 5 and sum(k.startswith("bbc:") for k in keys) == 5
    # Neither a brief nor a digest: only articles of the gold's own length.
    assert "10kgnad:0021" not in context_keys(shared, gold, 40) and "bbc:tech/999.txt" not in context_keys(
        shared, gold, 40
    )
    assert CONTEXT_CHARS[0] < CONTEXT_CHARS[1]
    assert context_keys(tmp_path / "absent", gold, 10) == []


def test_a_negative_number_of_context_articles_is_refused_by_name(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        main(["--context", "-5", "--skip-ner", "--skip-unseen"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--context" in err and "found -5" in err


def test_the_unseen_golds_splits_report_the_dev_parts_first_and_every_article_is_annotated() -> None:
    """The gold's splits in report order (dev, dev2, test), each article in one split only and annotated,
    every entity an article lists defined, every quote's speaker an entity or null (not a quotation)."""
    import yaml

    from generator.devtools.evaluate import UNSEEN_GOLD, unseen_splits

    assert unseen_splits(UNSEEN_GOLD) == ["dev", "dev2", "test"]
    data = yaml.safe_load(UNSEEN_GOLD.read_text(encoding="utf-8"))
    keys = [k for split in data["split"].values() for k in split]
    assert len(keys) == len(set(keys)) == len(data["articles"])
    assert all(e in data["entities"] for ids in data["articles"].values() for e in ids)
    assert all(q["article"] in data["articles"] for q in data["quotes"])
    assert all(q["speaker"] is None or q["speaker"] in data["entities"] for q in data["quotes"])


def test_a_fresh_sample_is_drawn_outside_the_gold_and_its_context_and_the_same_for_a_seed(tmp_path) -> None:
    from generator.devtools.sample import draw

    gnad = tmp_path / "corpora" / "10kgnad"
    gnad.mkdir(parents=True)
    rows = [f"{'Sport' if i % 2 else 'Etat'};'{'Wort ' * 200}{i}'" for i in range(80)]
    (gnad / "test.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for folder in ("sport", "tech"):
        (tmp_path / "corpora" / "bbc-news" / folder).mkdir(parents=True)
        for i in range(40):
            (tmp_path / "corpora" / "bbc-news" / folder / f"{i:03d}.txt").write_text("word " * 150)
    gold = {"10kgnad:0001", "bbc:sport/000.txt"}
    gold_path = tmp_path / "gold.yml"
    gold_path.write_text(
        "".join(f"articles:\n  {k}: []\n" if i == 0 else f"  {k}: []\n" for i, k in enumerate(sorted(gold)))
    )
    seen = gold | set(context_keys(tmp_path, gold, 100))  # 50 of each language's 79
    german = draw(tmp_path, "de", 40, seed=3, gold_path=gold_path)
    assert german == draw(tmp_path, "de", 40, seed=3, gold_path=gold_path) and len(german) == 80 - 1 - 50
    assert not set(german) & seen
    sport = draw(tmp_path, "de", 40, seed=3, categories=["Sport"], gold_path=gold_path)
    assert sport and set(sport) <= set(german) and all(int(k.split(":")[1]) % 2 == 0 for k in sport)  # rows from 1
    tech = draw(tmp_path, "en", 5, seed=3, glob="tech/*.txt", gold_path=gold_path)
    assert len(tech) == 5 and all(k.startswith("bbc:tech/") for k in tech) and not set(tech) & seen
