"""The seam for corpora too large for one machine.

Extraction is a pure map from one article to its mentions, so it can run on
any engine that maps a function over records (Dask, Ray, Spark, a job queue):

* :func:`article_to_record` / :func:`record_to_article` turn an article into a
  JSON-ready dict and back;
* :func:`extract_record` is the map function: article record in, extraction
  record out (the spaCy pipelines are loaded once per worker process);
* :func:`write_jsonl` / :func:`read_jsonl` store records as JSON Lines, one
  article per line, which ``dossier build --extractions FILE`` (resolution and
  rendering) reads instead of extracting.

With Dask, for example::

    import dask.bag as db
    records = db.read_text("articles-*.jsonl").map(json.loads)
    mapped = records.map(extract_record, settings=settings.nlp, curation=curation)
    mapped.map(json.dumps).to_textfiles("mentions-*.jsonl")
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .model import Article, Extraction, Paragraph
from .nlp import Extractor, NlpSettings
from .overrides import Curation
from .pipeline import _extraction_from_json, _extraction_to_json

_EXTRACTORS: dict[str, Extractor] = {}


def article_to_record(article: Article) -> dict[str, Any]:
    record = asdict(article)
    record["paragraphs"] = [[p.index, p.start, p.end, p.boilerplate] for p in article.paragraphs]
    return record


def record_to_article(record: dict[str, Any]) -> Article:
    data = dict(record)
    data["paragraphs"] = tuple(Paragraph(*p) for p in data["paragraphs"])
    return Article(**data)


def extract_record(
    record: dict[str, Any], settings: NlpSettings | None = None, curation: Curation | None = None
) -> dict[str, Any]:
    """The map function: one article record in, ``{"article": id, "extraction": ...}`` out."""
    settings = settings or NlpSettings()
    curation = curation or Curation()
    key = repr(settings) + curation.digest
    extractor = _EXTRACTORS.get(key)
    if extractor is None:
        extractor = _EXTRACTORS[key] = Extractor(settings, curation)
    article = record_to_article(record)
    if not extractor.supports(article.language):
        extraction = Extraction(article=article.id, sentences=(), mentions=())
    else:
        [extraction] = list(extractor.extract([article]))
    return {"article": article.id, "extraction": _extraction_to_json(extraction)}


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def read_jsonl(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def read_extractions(paths: Iterable[Path]) -> dict[str, Extraction]:
    return {r["article"]: _extraction_from_json(r["extraction"]) for r in read_jsonl(paths)}
