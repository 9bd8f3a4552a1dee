"""Huge articles and very long lines are handled, not fatal: ingestion of 10 MB, extraction of a 1 MB line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

from generator.corpus.ingest import LanguageDetector, read_corpus
from generator.curation import Curation
from generator.errors import Report
from generator.extraction.nlp import MAX_CHUNK, Extractor, NlpSettings

pytestmark = pytest.mark.slow


def test_ten_megabyte_article_is_ingested(tmp_path: Path) -> None:
    paragraph = "Wladimir Putin traf Kim Jong Un in Wostotschny, sagte ein Sprecher am Mittwoch. " * 20
    (tmp_path / "huge.txt").write_text("Gipfel\n\n" + "\n\n".join([paragraph] * 6300), encoding="utf-8")
    assert (tmp_path / "huge.txt").stat().st_size > 10_000_000
    report = Report()
    t0 = time.perf_counter()
    [article] = list(read_corpus(tmp_path, report, detect=LanguageDetector()))
    assert time.perf_counter() - t0 < 60
    assert article.title == "Gipfel" and article.language == "de" and len(article.paragraphs) == 6301


def test_one_megabyte_single_line_is_extracted_in_chunks(tmp_path: Path) -> None:
    blank = tmp_path / "blank_de"
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Wladimir Putin"}])
    nlp.to_disk(blank)
    line = "Wladimir Putin sprach mit Kim in Moskau und blieb. " * 21000
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "line.txt").write_text(line, encoding="utf-8")
    assert len(line) > 1_000_000 > MAX_CHUNK
    [article] = list(read_corpus(tmp_path / "corpus", Report(), detect=LanguageDetector()))
    extractor = Extractor(NlpSettings(pipelines={"de": str(blank)}), Curation())
    [ex] = list(extractor.extract([article]))
    putins = [m for m in ex.mentions if m.text == "Wladimir Putin"]
    assert len(putins) == 21000
    assert all(article.text[m.start : m.end] == m.text for m in ex.mentions)
    assert ex.sentences[-1].end <= len(article.text)
    assert any(m.text == "Moskau" and m.label == "place" for m in ex.mentions)  # the gazetteer ran too
