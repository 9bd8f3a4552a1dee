"""The seam for a distributed build: extraction mapped by Dask's local scheduler, then resolution and rendering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.corpus.ingest import read_corpus
from generator.curation import load_curation
from generator.errors import Report
from generator.extraction.distributed import (
    RecordExtractor,
    article_to_record,
    read_extractions,
    record_to_article,
    write_jsonl,
)
from generator.plugin import load_settings

pytestmark = pytest.mark.slow


def test_records_round_trip(root: Path) -> None:
    report = Report()
    article = next(iter(read_corpus(root / "content" / "articles", report)))
    record = json.loads(json.dumps(article_to_record(article)))
    assert record_to_article(record) == article


def test_dask_map_then_build(root: Path, tmp_path: Path, built_site: Path) -> None:
    db = pytest.importorskip("dask.bag")
    report = Report()
    articles = list(read_corpus(root / "content" / "articles", report))
    settings = load_settings(root / "mkdocs.yml")
    curation = load_curation(settings.curation)
    records = db.from_sequence([article_to_record(a) for a in articles], npartitions=2)
    results = records.map(RecordExtractor(settings.nlp, curation)).compute(scheduler="processes", num_workers=2)
    path = tmp_path / "mentions.jsonl"
    assert write_jsonl(path, results) == len(articles)
    extractions = read_extractions([path])
    assert sorted(extractions) == sorted(a.id for a in articles)
    out = tmp_path / "site"
    assert (
        main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--no-cache", "--extractions", str(path)]) == 0
    )
    # Same mentions, same site: the map step changes where extraction runs, not what it finds.
    assert (out / "dossier.json").read_bytes() == (built_site / "dossier.json").read_bytes()
