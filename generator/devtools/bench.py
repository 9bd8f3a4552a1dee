"""``nox -s bench``: figures measured side by side in one run, printed as a table and written to JSON.

Corpora: the sample corpus, BBC News (2,225 English articles) and the 10kGNAD
test split (1,028 German articles) from ``../shared/corpora`` (skipped cleanly
when absent). Nothing here is a pass/fail test; the README's performance
section quotes the figures with the date and machine.

1. Extraction: the project's pipeline (all layers) against bare ``nlp.pipe`` of
   the same spaCy pipelines on the same paragraphs, words per second and ratio;
   and the speed-up of 2 worker processes.
2. Build: ``dossier build`` against a bare ``mkdocs build`` of the same number
   of trivial pages with the same theme (the floor), at 250, 1,000 and all
   articles: time, pages, site size, bytes per page, largest page. The full
   corpus is built once with an empty extraction cache (cold) and once warm; the
   smaller corpora reuse that cache (warm only), which keeps the run short.
3. Incremental: the whole ``dossier build`` after editing one article and after
   editing one curated alias, each timed from the edit; the pipeline's stages
   after a second edit of each kind; and ``mkdocs serve``'s rebuild after an
   article edit and after an alias edit (from the edit to its log line).
4. Peak memory (max RSS) of the whole run, children included.

``--scale`` runs only the scale curve instead (generator/devtools/scale.py).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _words(text: str) -> int:
    return len(text.split())


def materialise_corpus(shared: Path, target: Path, limit: int | None) -> int:
    """Sample + BBC + 10kGNAD as one corpus folder (10kGNAD rows become .txt files)."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((ROOT / "content" / "articles").glob("*")):
        shutil.copy2(path, target / path.name)
        count += path.suffix != ".csv"  # the sample's metadata table is no article
    bbc = shared / "corpora" / "bbc-news"
    gnad = shared / "corpora" / "10kgnad" / "test.csv"
    files: list[tuple[str, bytes]] = []
    if bbc.is_dir():
        for path in sorted(bbc.glob("*/*.txt")):
            files.append((f"bbc/{path.parent.name}-{path.name}", path.read_bytes()))
    rows: list[tuple[str, bytes]] = []
    if gnad.exists():
        with gnad.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'"), start=1):
                rows.append((f"10kgnad/{i:04d}.txt", row[1].encode("utf-8")))
    # Interleave the two corpora so every prefix has both languages.
    merged: list[tuple[str, bytes]] = []
    for i in range(max(len(files), len(rows))):
        if i < len(files):
            merged.append(files[i])
        if i < len(rows):
            merged.append(rows[i])
    for name, data in merged[: None if limit is None else max(0, limit - count)]:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        count += 1
    return count


def write_config(
    corpus: Path, cache: Path, folder: Path, workers: int, min_mentions: int, curation: Path | None = None
) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content' / 'pages'}")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {ROOT / 'site_overrides'}")
    text = text.replace(
        "corpus: content/articles",
        f"corpus: {corpus}\n      templates: {ROOT / 'templates'}\n      cache_dir: {cache}\n"
        f"      workers: {workers}\n      min_mentions: {min_mentions}",
    )
    text = text.replace("curation: content/curation", f"curation: {curation or ROOT / 'content' / 'curation'}")
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def floor_build(pages: int, folder: Path) -> float:
    """A bare MkDocs build of ``pages`` trivial pages, same theme and navigation shape."""
    docs = folder / "docs"
    for i in range(pages):
        (docs / f"p{i // 1000}").mkdir(parents=True, exist_ok=True)
        (docs / f"p{i // 1000}" / f"page{i}.md").write_text(
            f"# Page {i}\n\nA paragraph of text for page {i}.\n", encoding="utf-8"
        )
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: floor\nnav:\n  - Home: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.instant]\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(folder / "site")], check=True
    )
    return time.perf_counter() - t0


def build_command(config: Path, out: Path, *extra: str) -> list[str]:
    """``dossier build`` of ``config`` into ``out``, in a fresh interpreter."""
    return [sys.executable, "-m", "generator.cli", "build", "-f", str(config), "-o", str(out), *extra]


def dossier_build(config: Path, out: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        build_command(config, out, *extra),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def site_size(site: Path) -> tuple[int, int]:
    pages = sum(1 for _ in site.rglob("index.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size


def extraction_throughput(corpus: Path, limit_words: int, workers: int) -> dict[str, dict[str, float]]:
    """Words/s of bare ``nlp.pipe`` and of the project's extraction on the same paragraphs."""
    import spacy

    from generator.corpus.ingest import LanguageDetector, read_corpus
    from generator.curation import load_curation
    from generator.errors import Report
    from generator.extraction.nlp import Extractor, NlpSettings, resolve_pipeline_name

    report = Report()
    articles = list(read_corpus(corpus, report, detect=LanguageDetector()))
    out: dict[str, dict[str, float]] = {}
    settings = NlpSettings()
    curation = load_curation(ROOT / "content" / "curation")
    for language, name in sorted(settings.pipelines.items()):
        chosen, words = [], 0
        for a in articles:
            if a.language == language and words < limit_words:
                chosen.append(a)
                words += _words(a.text)
        if not chosen:
            continue
        texts = [a.text[p.start : p.end] for a in chosen for p in a.paragraphs if not p.boilerplate]
        bare = spacy.load(
            resolve_pipeline_name(name), exclude=["tagger", "attribute_ruler", "lemmatizer", "morphologizer"]
        )
        if not any(p in bare.pipe_names for p in ("parser", "senter")):
            bare.add_pipe("sentencizer", first=True)
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        bare_s = time.perf_counter() - t0
        extractor = Extractor(dataclasses.replace(settings, n_process=1), curation)
        extractor.pipeline(language)  # load outside the timing, as bare spaCy was
        t0 = time.perf_counter()
        for _ in extractor.extract(chosen):
            pass
        project_s = time.perf_counter() - t0
        corpus_words = sum(_words(a.text) for a in articles if a.language == language)
        row = {
            "articles": len(chosen),
            "words": words,
            "corpus_words": corpus_words,
            # Bare nlp.pipe over every article of the language, at the rate measured here (one process).
            "bare_corpus_s": corpus_words * bare_s / words,
            "bare_wps": words / bare_s,
            "project_wps": words / project_s,
            "ratio": bare_s / project_s,
        }
        if workers > 1:
            parallel = Extractor(dataclasses.replace(settings, n_process=workers), curation)
            parallel.pipeline(language)
            t0 = time.perf_counter()
            for _ in parallel.extract(chosen):
                pass
            row["project_wps_parallel"] = words / (time.perf_counter() - t0)
            row["parallel_speedup"] = row["project_wps_parallel"] / row["project_wps"]
        out[language] = row
    return out


def incremental(config: Path, corpus: Path, curation_dir: Path, out: Path) -> dict[str, Any]:
    """Whole ``dossier build`` after editing one article, then one curated alias (each timed from the
    edit: the caches still hold the state before it), the pipeline's stages after a second edit of
    each kind, and ``mkdocs serve``'s rebuild after an article edit and after an alias edit."""
    from generator.pipeline import run
    from generator.plugin import load_settings

    def pipeline_time() -> tuple[float, dict[str, float]]:
        t0 = time.perf_counter()
        result = run(load_settings(config))
        return time.perf_counter() - t0, result.stats.as_dict()

    def stages(prefix: str, stats: dict[str, float]) -> None:
        for stage in ("ingest_s", "extract_s", "propagate_s", "resolve_s", "render_s"):
            figures[f"  {prefix} {stage[:-2]} s"] = stats.get(stage, 0.0)
        figures[f"  {prefix} entity and article pages rendered"] = int(stats.get("pages_rendered", -1))
        figures[f"  {prefix} ... reused from the page cache"] = int(stats.get("pages_reused", -1))

    articles = sorted(corpus.glob("*.txt"))
    cur = curation_dir / "entities.yml"
    figures: dict[str, Any] = {}
    figures["pipeline_unchanged_s"] = pipeline_time()[0]
    _append(articles[0], "\nWladimir Putin sprach am Abend erneut.\n")
    figures["build_after_article_edit_s"] = dossier_build(config, out)
    _append(articles[1], "\nKim Jong Un reiste am Abend ab.\n")
    t, stats = pipeline_time()
    figures["pipeline_after_article_edit_s"] = t
    figures["reextracted_after_article_edit"] = stats.get("cache_misses", -1)
    stages("article edit:", stats)
    figures["  render processes"] = stats.get("render_processes", 1)
    dossier_build(config, out)  # the finished pages of that edit, so the next build shows the alias edit's alone
    _replace(cur, "de: [Kreml]", "de: [Kreml, Kremlchef]")
    figures["build_after_alias_edit_s"] = dossier_build(config, out)
    _replace(cur, "de: [Kreml, Kremlchef]", "de: [Kreml, Kremlchef, Kreml-Chef]")
    t, stats = pipeline_time()
    figures["pipeline_after_alias_edit_s"] = t
    figures["reextracted_after_alias_edit"] = stats.get("cache_misses", -1)
    stages("alias edit:", stats)
    dossier_build(config, out)
    serve_edits = [
        lambda: _append(articles[2], "\nWladimir Putin schwieg.\n"),
        lambda: _replace(cur, "Kreml-Chef]", "Kreml-Chef, Kremlherr]"),
    ]
    figures.update(serve_rebuilds(config, serve_edits, ["article", "alias"]))
    return figures


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    if old not in content:
        raise SystemExit(f"bench: {path} has no {old!r} to edit")
    path.write_text(content.replace(old, new), encoding="utf-8")


_BUILT = "Documentation built in"


def serve_rebuilds(config: Path, edits: list[Any], names: list[str], timeout: float = 600.0) -> dict[str, Any]:
    """``mkdocs serve``: seconds from each edit to its rebuild's "Documentation built" log line, with
    the plugin's count of pages rendered through the theme and reused."""
    import queue
    import socket
    import threading

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in proc.stderr or ():
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()

    def wait_built() -> tuple[float, str]:
        """(when the next build finished, the plugin's rendered/reused line before it)."""
        counts = ""
        while True:
            line = lines.get(timeout=timeout)
            if "rendered through the theme" in line:
                counts = line.split("dossier:", 1)[-1].strip()
            if _BUILT in line:
                return time.perf_counter(), counts

    figures: dict[str, Any] = {}
    try:
        wait_built()  # the first build
        time.sleep(2)  # the watcher settles
        for name, edit in zip(names, edits, strict=True):
            t0 = time.perf_counter()
            edit()
            done, counts = wait_built()
            figures[f"serve_after_{name}_edit_s"] = done - t0
            figures[f"  serve, {name} edit"] = counts
            time.sleep(2)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return figures


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--sizes", default="250,1000,all", help="corpus sizes to build (articles)")
    parser.add_argument(
        "--extract-words", type=int, default=60_000, help="words per language for the throughput figures"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--min-mentions", type=int, default=2, help="entity page threshold for the large builds")
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument(
        "--scale",
        action="store_true",
        help="only the scale curve: cold, warm and one-edit builds at --scale-sizes articles (generator/devtools/scale.py)",
    )
    parser.add_argument("--scale-sizes", default="3000,10000,30000", help="corpus sizes of the scale curve")
    args = parser.parse_args(argv)
    console = Console(width=150)
    if not (args.shared / "corpora").is_dir():
        console.print(f"[yellow]no corpora under {args.shared}; benchmark skipped[/]")
        return 0
    if args.scale:
        return _scale(args, console)
    results: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp_name:
        tmp = Path(tmp_name)
        full = tmp / "corpus-all"
        total = materialise_corpus(args.shared, full, None)
        console.print(f"corpus: {total} articles")

        console.print("extraction throughput ...")
        throughput = extraction_throughput(full, args.extract_words, args.workers)
        results["extraction"] = throughput
        table = Table(title="Extraction: project pipeline vs bare nlp.pipe (same texts)")
        for col in (
            "language",
            "articles",
            "words",
            "bare words/s",
            "project words/s",
            "ratio",
            f"{args.workers} workers words/s",
            "speed-up",
        ):
            table.add_column(col)
        for lang, row in throughput.items():
            table.add_row(
                lang,
                str(row["articles"]),
                f"{row['words']:,}",
                f"{row['bare_wps']:,.0f}",
                f"{row['project_wps']:,.0f}",
                f"{row['ratio']:.2f}",
                f"{row.get('project_wps_parallel', 0):,.0f}",
                f"{row.get('parallel_speedup', 0):.2f}",
            )
        console.print(table)

        builds: list[dict[str, Any]] = []
        sizes = sorted({total if s == "all" else min(total, int(s)) for s in args.sizes.split(",")}, reverse=True)
        curation = tmp / "curation"
        shutil.copytree(ROOT / "content" / "curation", curation)
        # One extraction cache for every size: the largest corpus is built first with
        # the cache empty (the cold figure); the smaller corpora are subsets, so
        # their builds are warm, which is the figure that compares with the floor.
        cache = tmp / "cache"
        nlp_s = sum(row.get("bare_corpus_s", 0.0) for row in throughput.values())
        for size in sizes:
            folder = tmp / f"build-{size}"
            folder.mkdir()
            corpus = full if size == total else tmp / f"corpus-{size}"
            if size != total:
                materialise_corpus(args.shared, corpus, size)
            config = write_config(corpus, cache, folder, args.workers, args.min_mentions, curation)
            console.print(f"build {size} articles ...")
            cold = dossier_build(config, folder / "site") if size == sizes[0] else None
            if cold is None:
                dossier_build(config, folder / "site")  # a first build of this size keeps its finished pages
            warm_themed = dossier_build(config, folder / "site", "--no-reuse")  # every page through the theme
            warm = dossier_build(config, folder / "site")  # every extraction and finished page from the cache
            pages, size_bytes = site_size(folder / "site")
            floor_dir = tmp / f"floor-{size}"
            floor_dir.mkdir()
            floor_s = floor_build(pages, floor_dir)
            builds.append(
                {
                    "articles": size,
                    "build_s": cold,
                    "warm_build_s": warm,
                    "floor_s": floor_s,
                    "ratio_to_floor": cold / floor_s if cold is not None else None,
                    # The cold target: bare nlp.pipe on the whole corpus (extrapolated from the measured
                    # rate) plus the floor.
                    "nlp_plus_floor_s": nlp_s + floor_s if size == total else None,
                    "cold_ratio_to_nlp_plus_floor": cold / (nlp_s + floor_s)
                    if cold is not None and size == total
                    else None,
                    "warm_ratio_to_floor": warm / floor_s,
                    "warm_themed_s": warm_themed,
                    "warm_themed_ratio_to_floor": warm_themed / floor_s,
                    "pages": pages,
                    "site_bytes": size_bytes,
                    "bytes_per_page": size_bytes / max(1, pages),
                    "largest_page_bytes": max(p.stat().st_size for p in (folder / "site").rglob("index.html")),
                    "search_index_bytes": (folder / "site" / "search" / "search_index.json").stat().st_size,
                }
            )
            if size == sizes[0]:
                console.print("incremental rebuilds ...")
                results["incremental"] = incremental(config, corpus, curation, folder / "site")
        builds.sort(key=lambda b: b["articles"])
        results["builds"] = builds
        table = Table(
            title=f"dossier build ({args.workers} workers, min_mentions {args.min_mentions}; cold = empty extraction cache, warm = all cached) vs bare mkdocs build of as many trivial pages"
        )
        for col in (
            "articles",
            "cold s",
            "warm s",
            "warm, no reuse s",
            "floor s",
            "cold/floor",
            "nlp.pipe + floor s",
            "cold/(nlp.pipe + floor)",
            "warm/floor",
            "no reuse/floor",
            "pages",
            "site MB",
            "KB/page",
            "largest page KB",
            "search index MB",
        ):
            table.add_column(col)
        for b in builds:
            table.add_row(
                str(b["articles"]),
                f"{b['build_s']:.1f}" if b["build_s"] is not None else "-",
                f"{b['warm_build_s']:.1f}",
                f"{b['warm_themed_s']:.1f}",
                f"{b['floor_s']:.1f}",
                f"{b['ratio_to_floor']:.2f}" if b["ratio_to_floor"] is not None else "-",
                f"{b['nlp_plus_floor_s']:.1f}" if b["nlp_plus_floor_s"] is not None else "-",
                f"{b['cold_ratio_to_nlp_plus_floor']:.2f}" if b["cold_ratio_to_nlp_plus_floor"] is not None else "-",
                f"{b['warm_ratio_to_floor']:.2f}",
                f"{b['warm_themed_ratio_to_floor']:.2f}",
                str(b["pages"]),
                f"{b['site_bytes'] / 1e6:.1f}",
                f"{b['bytes_per_page'] / 1e3:.1f}",
                f"{b['largest_page_bytes'] / 1e3:.0f}",
                f"{b['search_index_bytes'] / 1e6:.1f}",
            )
        console.print(table)
        if "incremental" in results:
            table = Table(title="Incremental rebuild, all articles (pipeline = everything but MkDocs' page rendering)")
            table.add_column("figure")
            table.add_column("value")
            incremental_figures: dict[str, Any] = results["incremental"]  # type: ignore[assignment]
            for key, value in incremental_figures.items():
                table.add_row(key, f"{value:.1f}" if isinstance(value, float) else str(value))
            console.print(table)
    results["peak_memory_mb"] = peak_memory_mb()
    console.print(f"peak memory (max RSS of this process or one child): {results['peak_memory_mb']:,.0f} MB")
    args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    console.print(f"figures written to {args.json}")
    return 0


def _scale(args: argparse.Namespace, console: Any) -> int:
    from rich.table import Table

    from generator.devtools.scale import scale_curve

    try:
        sizes = [int(s) for s in args.scale_sizes.split(",") if s.strip()]
    except ValueError:
        console.print(f"[red]--scale-sizes: expected article counts such as 3000,10000; found {args.scale_sizes!r}[/]")
        return 2
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        rows = scale_curve(args.shared, Path(tmp), sizes, args.workers)
    table = Table(title=f"Scale curve ({args.workers} workers; cold = empty caches, edit = one article changed)")
    columns = {
        "articles": "{:,.0f}",
        "min_mentions": "{:.0f}",
        "pages": "{:,.0f}",
        "site_mb": "{:,.0f}",
        "cold_s": "{:.1f}",
        "cold_peak_mb": "{:,.0f}",
        "warm_s": "{:.1f}",
        "edit_s": "{:.1f}",
        "edit_peak_mb": "{:,.0f}",
        "cold_ms_per_article": "{:.1f}",
        "cold_ms_per_page": "{:.1f}",
        "warm_ms_per_page": "{:.2f}",
    }
    for column in columns:
        table.add_column(column.replace("_", " "))
    for row in rows:
        table.add_row(*[fmt.format(row[column]) for column, fmt in columns.items()])
    console.print(table)
    out = args.json.with_name("bench-results-scale.json") if args.json.name == "bench-results.json" else args.json
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "scale": rows,
    }
    out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    console.print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
