"""A progress bar for the slow stage (extraction), on terminals only.

CI logs and piped output get nothing: a bar redrawn thousands of times is noise
in a log file. MkDocs' own log lines continue to say what each stage did.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressFactory = Callable[[str, int | None], Callable[[int], None]]


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[ProgressFactory | None]:
    """Yield a factory ``(description, total) -> advance(n)`` for :func:`generator.pipeline.run`,
    or None when ``enabled`` is false (default: whether stderr is a terminal)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # Redrawn by the ticks themselves, not by rich's refresh thread: with a second
    # thread alive the renderer would not fork its workers (generator/site/render.py).
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as bar:
        last = 0.0

        def factory(description: str, total: int | None) -> Callable[[int], None]:
            task = bar.add_task(description, total=total)

            def advance(n: int) -> None:
                nonlocal last
                bar.advance(task, n)
                now = time.monotonic()
                if now - last >= 0.1 or bar.tasks[task].finished:
                    last = now
                    bar.refresh()

            return advance

        yield factory
