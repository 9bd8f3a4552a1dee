"""``nox -s bench -- --scale``: cold, warm and one-edit builds at 3,000, 10,000 and 30,000 articles.

There are 3,259 real articles in ``../shared/corpora`` (BBC News, 10kGNAD test,
the sample); larger corpora are made from them reproducibly: after the real
articles, each new one takes the title of a random real article of its language
and as many random paragraphs of that language as a random real article has
(:func:`synthesise_corpus`, seeded). Names, sentence lengths and the share of
each language stay those of real news; which names meet in one article does not.

Every build runs in its own interpreter, which reports its peak memory (its own
or its largest worker's maximum resident set); ``min_mentions`` grows with the
corpus as a user with a large corpus would set it (:data:`MIN_MENTIONS`).
"""

from __future__ import annotations

import csv
import random
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.devtools.bench import materialise_corpus, site_size, write_config

SIZES = (3_000, 10_000, 30_000)
#: The entity page threshold at each size: a page per name seen twice at 3,000 articles, more later.
MIN_MENTIONS = {3_000: 2, 10_000: 3, 30_000: 5}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
#: A 10kGNAD article is one line: its "paragraphs" are runs of this many sentences.
GNAD_SENTENCES_PER_PARAGRAPH = 3


@dataclass(frozen=True)
class Source:
    """One language's real articles as (title, paragraphs)."""

    language: str
    articles: list[tuple[str, list[str]]]


def real_sources(shared: Path) -> list[Source]:
    """BBC News (title line, blank-line paragraphs) and 10kGNAD test (first sentence as title, sentence runs)."""
    sources: list[Source] = []
    bbc = shared / "corpora" / "bbc-news"
    english: list[tuple[str, list[str]]] = []
    for path in sorted(bbc.glob("*/*.txt")):
        blocks = [b.strip() for b in path.read_bytes().decode("utf-8", "replace").split("\n\n") if b.strip()]
        if len(blocks) >= 2:
            english.append((blocks[0], blocks[1:]))
    if english:
        sources.append(Source("en", english))
    gnad = shared / "corpora" / "10kgnad" / "test.csv"
    german: list[tuple[str, list[str]]] = []
    if gnad.exists():
        with gnad.open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter=";", quotechar="'"):
                sentences = _SENTENCE_END.split(row[1].strip())
                if len(sentences) < 2:
                    continue
                rest = sentences[1:]
                step = GNAD_SENTENCES_PER_PARAGRAPH
                german.append((sentences[0], [" ".join(rest[i : i + step]) for i in range(0, len(rest), step)]))
    if german:
        sources.append(Source("de", german))
    return sources


def synthesise_corpus(shared: Path, target: Path, count: int, seed: int = 0) -> int:
    """``count`` articles in ``target``: the real ones first, then recombined ones (see the module docstring).

    Returns how many were written (fewer only when ``../shared`` has no corpora).
    """
    written = materialise_corpus(shared, target, count)
    sources = real_sources(shared)
    if written >= count or not sources:
        return written
    rng = random.Random(seed)
    pools = {s.language: [p for _, paragraphs in s.articles for p in paragraphs] for s in sources}
    folder = target / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count - written):
        source = sources[i % len(sources)]  # the languages alternate, as in the real corpus folder
        title, _ = rng.choice(source.articles)
        _, shape = rng.choice(source.articles)  # as many paragraphs as some real article has
        body = [rng.choice(pools[source.language]) for _ in shape]
        text = "\n\n".join([title, *body]) + "\n"
        (folder / f"{source.language}-{i:06d}.txt").write_text(text, encoding="utf-8")
    return count


_PEAK = "dossier-bench-peak-kb"
_MEASURED = (
    "import resource, sys\n"
    "from generator.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    f"print({_PEAK!r}, max(own, workers), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def measured_build(config: Path, out: Path) -> tuple[float, float]:
    """``dossier build`` in a fresh interpreter: (seconds, peak memory in MB of it or its largest worker)."""
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, "build", "-f", str(config), "-o", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - t0
    peak = [line.split()[-1] for line in done.stderr.splitlines() if line.startswith(_PEAK)]
    return seconds, int(peak[-1]) / 1024 if peak else float("nan")


def scale_curve(shared: Path, work: Path, sizes: Sequence[int], workers: int) -> list[dict[str, float]]:
    """Cold (empty caches), warm (nothing changed) and one-article-edit builds at each size."""
    rows: list[dict[str, float]] = []
    for size in sizes:
        folder = work / f"scale-{size}"
        corpus = folder / "corpus"
        articles = synthesise_corpus(shared, corpus, size)
        min_mentions = MIN_MENTIONS.get(size, 2 if size <= 3_000 else 5)
        config = write_config(corpus, folder / "cache", folder, workers, min_mentions)
        site = folder / "site"
        cold, cold_peak = measured_build(config, site)
        warm, warm_peak = measured_build(config, site)
        edited = next(iter(sorted(corpus.rglob("*.txt"))))
        edited.write_text(edited.read_text(encoding="utf-8") + "\n\nWladimir Putin sprach am Abend.\n", "utf-8")
        edit, edit_peak = measured_build(config, site)
        pages, size_bytes = site_size(site)
        rows.append(
            {
                "articles": articles,
                "min_mentions": min_mentions,
                "pages": pages,
                "site_mb": size_bytes / 1e6,
                "cold_s": cold,
                "cold_peak_mb": cold_peak,
                "warm_s": warm,
                "warm_peak_mb": warm_peak,
                "edit_s": edit,
                "edit_peak_mb": edit_peak,
                "cold_ms_per_article": 1000 * cold / max(1, articles),
                "cold_ms_per_page": 1000 * cold / max(1, pages),
                "warm_ms_per_page": 1000 * warm / max(1, pages),
            }
        )
    return rows
