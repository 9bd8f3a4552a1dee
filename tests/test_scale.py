"""The scale curve's corpus (generator/devtools/scale.py): reproducible, real text recombined, both languages."""

from __future__ import annotations

from pathlib import Path

from generator.devtools.scale import real_sources, synthesise_corpus


def _shared(root: Path) -> Path:
    bbc = root / "corpora" / "bbc-news" / "business"
    bbc.mkdir(parents=True)
    for i in range(3):
        (bbc / f"00{i}.txt").write_text(
            f"Title {i}\n\nFirst paragraph of story {i}.\n\nSecond paragraph of story {i}.\n", encoding="utf-8"
        )
    gnad = root / "corpora" / "10kgnad"
    gnad.mkdir(parents=True)
    rows = [
        f"Wirtschaft;'Aufmacher {i}. Satz eins von {i}. Satz zwei von {i}. Satz drei von {i}. Satz vier.'"
        for i in range(2)
    ]
    (gnad / "test.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def _texts(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))}


def test_a_corpus_larger_than_the_real_one_is_recombined_reproducibly(tmp_path: Path) -> None:
    shared = _shared(tmp_path / "shared")
    real = len(list((Path(__file__).resolve().parent.parent / "content" / "articles").glob("*.txt"))) + 5
    count = real + 40
    assert synthesise_corpus(shared, tmp_path / "a", count, seed=3) == count
    assert synthesise_corpus(shared, tmp_path / "b", count, seed=3) == count
    first, second = _texts(tmp_path / "a"), _texts(tmp_path / "b")
    assert first == second  # the same seed, the same corpus
    synthetic = {name: text for name, text in first.items() if name.startswith("synthetic/")}
    assert len(synthetic) == 40
    assert {name.split("/")[1][:2] for name in synthetic} == {"en", "de"}
    paragraphs = {
        s.language: {p for _, ps in s.articles for p in ps} | {t for t, _ in s.articles} for s in real_sources(shared)
    }
    for name, text in synthetic.items():
        language = name.split("/")[1][:2]
        blocks = [b for b in text.strip().split("\n\n") if b]
        assert set(blocks) <= paragraphs[language]  # every title and paragraph is real text of its language
        assert 2 <= len(blocks) <= 3


def test_a_small_corpus_is_real_articles_only_and_none_without_corpora(tmp_path: Path) -> None:
    shared = _shared(tmp_path / "shared")
    sample = len(list((Path(__file__).resolve().parent.parent / "content" / "articles").glob("*.txt")))
    assert synthesise_corpus(shared, tmp_path / "small", sample + 2) == sample + 2
    assert len(_texts(tmp_path / "small")) == sample + 2
    assert not (tmp_path / "small" / "synthetic").exists()
    assert real_sources(tmp_path / "nothing") == []
