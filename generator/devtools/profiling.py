"""``nox -s profile``: where a warm ``dossier build`` spends its time, sampled with py-spy.

The corpus is the benchmark's (``generator/devtools/bench.py``) cut to ``--articles``.
A first build fills the extraction cache; the second, warm, build is sampled
by py-spy, the worker processes included. The samples are written as
collapsed stacks (``profile.txt``: open it in speedscope or feed it to
flamegraph.pl) and the frames that hold the most time are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from generator.devtools.bench import ROOT, build_command, materialise_corpus, write_config


def frame_name(frame: str) -> str:
    """``"render (generator/site/render.py:12)"`` -> ``"render (render.py:12)"``: short and still findable."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit('/', 1)[-1]}" if where else name


def top_frames(collapsed: str, limit: int = 30) -> tuple[int, list[tuple[str, float, float]]]:
    """Samples in py-spy's collapsed format, and the frames holding most of them:
    (frame, share of samples in the frame or below it, share spent in the frame itself)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [frame_name(f) for f in stack.split(";")]
        total += n
        for name in set(frames):  # a recursive frame counts once per sample
            inclusive[name] += n
        own[frames[-1]] += n
    rows = [(name, n / total, own[name] / total) for name, n in inclusive.most_common(limit)] if total else []
    return total, rows


def main(argv: list[str] | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (sample + BBC + 10kGNAD)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rate", type=int, default=50, help="samples per second")
    parser.add_argument("--top", type=int, default=40, help="frames to print")
    parser.add_argument("--out", type=Path, default=ROOT / "profile.txt", help="collapsed stacks")
    args = parser.parse_args(argv)
    console = Console(width=150)
    if not (args.shared / "corpora").is_dir():
        console.print(f"[yellow]no corpora under {args.shared}; profile skipped[/]")
        return 0
    if shutil.which("py-spy") is None:
        console.print("[red]py-spy is not installed (pip install py-spy; nox -s profile installs it)[/]")
        return 2
    with tempfile.TemporaryDirectory(prefix="dossier-profile-") as tmp_name:
        tmp = Path(tmp_name)
        count = materialise_corpus(args.shared, tmp / "corpus", args.articles)
        config = write_config(tmp / "corpus", tmp / "cache", tmp, args.workers, 2)
        build = build_command(config, tmp / "site")
        console.print(f"{count} articles: filling the extraction cache ...")
        subprocess.run(build, check=True, capture_output=True)
        console.print("sampling a warm build ...")
        subprocess.run(
            [
                "py-spy",
                "record",
                "--subprocesses",
                "-r",
                str(args.rate),
                "-f",
                "raw",
                "-o",
                str(args.out),
                "--",
                *build,
            ],
            check=True,
            capture_output=True,
        )
    total, rows = top_frames(args.out.read_text(encoding="utf-8"), args.top)
    table = Table(title=f"warm dossier build, {count} articles: {total:,} samples at {args.rate}/s, all processes")
    for col in ("frame", "in it or below", "in it"):
        table.add_column(col)
    for name, inclusive, own in rows:
        table.add_row(name, f"{inclusive:.1%}", f"{own:.1%}")
    console.print(table)
    console.print(f"collapsed stacks written to {args.out} (speedscope or flamegraph.pl)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
