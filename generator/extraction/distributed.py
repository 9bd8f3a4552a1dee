"""The seam for corpora too large for one machine.

Extraction is a pure map from one article to its mentions, so it can run on
any engine that maps a function over records (Dask, Ray, Spark, a job queue):

* :func:`article_to_record` / :func:`record_to_article` turn an article into a
  JSON-ready dict and back;
* :class:`RecordExtractor` is the map function: article record in, extraction
  record out (it loads its spaCy pipelines once, in the worker that calls it);
* :func:`write_jsonl` / :func:`read_jsonl` store records as JSON Lines, one
  article per line, which ``dossier build --extractions FILE`` (resolution and
  rendering) reads instead of extracting.

With Dask, for example::

    import dask.bag as db
    records = db.read_text("articles-*.jsonl").map(json.loads)
    mapped = records.map(RecordExtractor(settings.nlp, curation))
    mapped.map(json.dumps).to_textfiles("mentions-*.jsonl")
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator.curation import Curation
from generator.extraction.nlp import Extractor, NlpSettings
from generator.model import Article, Extraction, Paragraph


def article_to_record(article: Article) -> dict[str, Any]:
    record = asdict(article)
    record["paragraphs"] = [[p.index, p.start, p.end, p.boilerplate] for p in article.paragraphs]
    return record


def record_to_article(record: dict[str, Any]) -> Article:
    data = dict(record)
    data["paragraphs"] = tuple(Paragraph(*p) for p in data["paragraphs"])
    return Article(**data)


class RecordExtractor:
    """The map function: one article record in, ``{"article": id, "extraction": ...}`` out.

    It is pickled to the workers without loaded pipelines; each worker loads
    them on its first record and keeps them for the rest.
    """

    def __init__(self, settings: NlpSettings | None = None, curation: Curation | None = None):
        self.settings = settings or NlpSettings()
        self.curation = curation or Curation()
        self._extractor: Extractor | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "curation": self.curation, "_extractor": None}

    def __call__(self, record: dict[str, Any]) -> dict[str, Any]:
        if self._extractor is None:
            self._extractor = Extractor(self.settings, self.curation)
        article = record_to_article(record)
        if not self._extractor.supports(article.language):
            extraction = Extraction(article=article.id, sentences=(), mentions=())
        else:
            [extraction] = list(self._extractor.extract([article]))
        return {"article": article.id, "extraction": extraction.to_dict()}


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
    return {r["article"]: Extraction.from_dict(r["extraction"]) for r in read_jsonl(paths)}
