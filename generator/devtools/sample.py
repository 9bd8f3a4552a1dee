"""Fresh samples to read, and tables to compare builds (developer tool: not used by a build).

Rules are found on text the gold never held: ``draw`` picks articles at random with a fixed seed
from ``../shared/corpora`` outside the unseen gold and the context articles ``nox -s eval`` builds
it among, builds them as a new user would (no curation) and writes what a reader would see into
``OUT/report.md``: every page with its type, mention forms and articles, and every quote with its
speaker. ``tables`` builds any corpus folder and writes its entities and quotes as sorted TSV, so
that two builds (before and after a change) can be compared line by line with ``diff``::

    python -m generator.devtools.sample draw --lang en --n 40 --seed 71 --glob 'tech/*.txt' OUT
    python -m generator.devtools.sample draw --lang de --n 40 --seed 97 --categories Sport OUT
    python -m generator.devtools.sample tables CORPUS OUT
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

from generator.devtools.evaluate import (
    CONTEXT_CHARS,
    ROOT,
    UNSEEN_GOLD,
    _slug,
    context_keys,
    new_user_settings,
    shared_dir,
)
from generator.model import Entity

CONFIG = ROOT / "mkdocs.yml"


def candidates(shared: Path, lang: str, categories: Sequence[str] = (), glob: str = "*/*.txt") -> list[str]:
    """Keys (``10kgnad:<row>``/``bbc:<folder>/<file>``) of news-sized articles of one language's corpus."""
    keys = []
    if lang == "de":
        path = shared / "corpora" / "10kgnad" / "test.csv"
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'"), start=1):
                if (not categories or row[0] in categories) and CONTEXT_CHARS[0] <= len(row[1]) <= CONTEXT_CHARS[1]:
                    keys.append(f"10kgnad:{i:04d}")
    else:
        bbc = shared / "corpora" / "bbc-news"
        keys = sorted(
            f"bbc:{f.parent.name}/{f.name}"
            for f in bbc.glob(glob)
            if CONTEXT_CHARS[0] <= f.stat().st_size <= CONTEXT_CHARS[1]
        )
    return keys


def draw(
    shared: Path,
    lang: str,
    n: int,
    seed: int,
    categories: Sequence[str] = (),
    glob: str = "*/*.txt",
    gold_path: Path = UNSEEN_GOLD,
) -> list[str]:
    """``n`` keys at random (``seed``) outside the unseen gold and the 100 context articles it is built among."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    seen = set(gold["articles"]) | set(context_keys(shared, set(gold["articles"]), 100))
    pool = [k for k in candidates(shared, lang, categories, glob) if k not in seen]
    return sorted(random.Random(seed).sample(pool, min(n, len(pool))))


def write_texts(shared: Path, keys: Sequence[str], corpus: Path) -> None:
    from generator.devtools.evaluate import unseen_text

    corpus.mkdir(parents=True, exist_ok=True)
    for key in keys:
        (corpus / f"{_slug(key)}.txt").write_text(unseen_text(shared, key) or "", encoding="utf-8")


def build(corpus: Path):  # type: ignore[no-untyped-def]
    from generator.pipeline import ProcessCache, run

    return run(new_user_settings(CONFIG, corpus, ROOT / ".cache" / "sample"), process=ProcessCache())


def _forms(e: Entity) -> str:
    return ", ".join(f"{t}×{c}" if c > 1 else t for t, c in Counter(m.text for m in e.mentions).most_common())


def report(result) -> str:  # type: ignore[no-untyped-def]
    """Markdown a person reads top to bottom: pages by type, then quotes by article."""
    source = {a.id: Path(a.source).stem for a in result.articles}
    names = {e.id: e.name for e in result.resolution.entities}
    lines = []
    for kind in ("person", "organization", "place", "other"):
        ents = sorted(
            (e for e in result.resolution.entities if e.type == kind), key=lambda e: (-len(e.mentions), e.name)
        )
        if not ents:
            continue
        lines += [f"## {kind} ({len(ents)})", ""]
        for e in ents:
            arts = sorted({source[m.article] for m in e.mentions})
            lines.append(f"- **{e.name}** ({len(e.mentions)}; {len(arts)} art.) {_forms(e)} — {', '.join(arts[:4])}")
        lines.append("")
    lines += ["## quotes", ""]
    for q in sorted(result.quotes, key=lambda q: (source[q.article], q.start)):
        who = names.get(q.speaker, "?") if q.speaker else "—"
        text = " ".join(q.text.split())
        lines.append(f"- {source[q.article]} [{q.cue}] **{who}**: {text[:160]}")
    return "\n".join(lines) + "\n"


def tables(result, out: Path) -> None:  # type: ignore[no-untyped-def]
    """``out.ents.tsv`` (type, name, mentions, forms) and ``out.quotes.tsv`` (article, start, speaker, text)."""
    source = {a.id: Path(a.source).stem for a in result.articles}
    names = {e.id: e.name for e in result.resolution.entities}
    ents = sorted(f"{e.type}\t{e.name}\t{len(e.mentions)}\t{_forms(e)}" for e in result.resolution.entities)
    out.with_suffix(".ents.tsv").write_text("\n".join(ents) + "\n", encoding="utf-8")
    quotes = sorted(
        f"{source[q.article]}\t{q.start}\t{names.get(q.speaker, '') if q.speaker else ''}\t{q.cue}\t{' '.join(q.text.split())[:200]}"
        for q in result.quotes
    )
    out.with_suffix(".quotes.tsv").write_text("\n".join(quotes) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.devtools.sample", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="a fresh sample outside the gold: build it and write OUT/report.md")
    d.add_argument("--lang", choices=("de", "en"), required=True)
    d.add_argument("--n", type=int, default=40)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--categories", default="", help="10kGNAD categories, comma-separated (German)")
    d.add_argument("--glob", default="*/*.txt", help="BBC files under corpora/bbc-news (English)")
    d.add_argument("out", type=Path)
    t = sub.add_parser("tables", help="build a corpus folder and write OUT.ents.tsv and OUT.quotes.tsv")
    t.add_argument("corpus", type=Path)
    t.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "tables":
        tables(build(args.corpus), args.out)
        return 0
    shared = shared_dir()
    if not (shared / "corpora").is_dir():
        parser.error(f"no corpora in {shared} (set DOSSIER_SHARED)")
    keys = draw(shared, args.lang, args.n, args.seed, [c for c in args.categories.split(",") if c], args.glob)
    args.out.mkdir(parents=True, exist_ok=True)
    write_texts(shared, keys, args.out / "corpus")
    result = build(args.out / "corpus")
    (args.out / "report.md").write_text(report(result), encoding="utf-8")
    tables(result, args.out / "sample")
    print(
        f"{len(keys)} articles, {len(result.resolution.entities)} entities, {len(result.quotes)} quotes -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
