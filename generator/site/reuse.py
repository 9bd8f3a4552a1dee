"""Finished pages of earlier builds put in place instead of going through the theme again.

The page cache (generator/site/pagecache.py) spares the dossier's own
templates; this spares MkDocs and the theme, which are most of a warm build:
a generated page whose Markdown is unchanged, built by a theme whose inputs are
unchanged (:func:`theme_key`), gets the final HTML and the search-index records
it had in the last build. MkDocs never reads, converts or renders it: the plugin
marks it excluded once the navigation is built, lets it back in only while the
sitemap is written (so the sitemap lists it as a full build does), then writes
the stored HTML where MkDocs would have and puts the stored records into the
search index in page order, before the search plugin writes it.

Stored rows are checked like the page cache's (same SQLite layout and row
checksums), and the rows a build will reuse are verified before MkDocs reads
the pages, so a damaged row costs a render, never a wrong page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import store
from generator.errors import DossierError, Problem
from generator.site.pagecache import PageCache

FILE_NAME = "finished.sqlite"
VERSION = 1  # bump when what is stored changes shape


@dataclass(frozen=True)
class Finished:
    html: str  # the page as MkDocs wrote it
    search: list[dict[str, object]]  # its records in the search index, in order


def theme_key(parts: Iterable[str | bytes]) -> str:
    """One digest of everything the theme puts on every page (see the plugin's ``theme_inputs``)."""
    return store.checksum(f"reuse {VERSION}", *parts)


class FinishedPages:
    """The finished pages of one build: which to reuse, and the new ones to keep for the next."""

    def __init__(self, folder: Path | None, flush_every: int = 256, read_ahead: int = 64):
        self.cache = PageCache(folder, FILE_NAME)
        self.flush_every = flush_every
        self.read_ahead = read_ahead
        self.digests: dict[str, str] = {}  # page source path -> digest of page and theme
        self.reusable: set[str] = set()
        self._order: list[str] = []  # the reusable pages in the order MkDocs builds them
        self._position: dict[str, int] = {}
        self._ahead: dict[str, list[tuple[str, str]]] = {}  # pages read ahead, not yet taken
        self._pending: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        self.rendered = 0
        self.reused = 0

    @property
    def enabled(self) -> bool:
        return self.cache.enabled

    def plan(self, pages: Mapping[str, str], theme: str, order: Iterable[str] = ()) -> set[str]:
        """Digest each page (path -> digest of its Markdown) with the theme; return the reusable paths.

        ``order`` is the order MkDocs builds pages in: :meth:`take` reads the stored pages ahead in
        it, a few dozen per query.
        """
        self.digests = {path: store.checksum(digest, theme) for path, digest in pages.items()}
        self.reusable = self.cache.verified(self.digests)
        self._order = [path for path in order if path in self.reusable]
        self._position = {path: i for i, path in enumerate(self._order)}
        self._ahead = {}
        self.rendered = self.reused = 0
        return self.reusable

    def _read(self, path: str) -> list[tuple[str, str]]:
        if path not in self._ahead:
            at = self._position.get(path)
            batch = [path] if at is None else self._order[at : at + self.read_ahead]
            found = self.cache.load_some({p: self.digests[p] for p in batch})
            self._ahead = {p: list(pages) for p, pages in found.items()}
        return self._ahead.pop(path, [])

    def take(self, path: str) -> Finished:
        """The stored page (verified by :meth:`plan`)."""
        pages = dict(self._read(path))
        if "html" not in pages or "search" not in pages:
            raise DossierError(
                [
                    Problem(
                        str(self.cache.path),
                        f"the stored page {path} changed while the site was being built"
                        " (another build running on the same cache?); build again",
                    )
                ]
            )
        self.reused += 1
        return Finished(pages["html"], json.loads(pages["search"]))

    def keep(self, path: str, html: str, search: list[dict[str, object]]) -> None:
        """Remember a freshly rendered page for the next build (written in batches)."""
        if path not in self.digests:
            return
        self.rendered += 1
        if not self.enabled:
            return
        record = json.dumps(search, ensure_ascii=False, default=str)  # key order is the index's
        self._pending[path] = (self.digests[path], [("html", html), ("search", record)])
        if len(self._pending) >= self.flush_every:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.cache.add(self._pending)
            self._pending = {}

    def finish(self) -> None:
        """Write what is pending and forget pages that are no longer in the site."""
        self.cache.close()
        self._flush()
        if self.enabled and self.digests:
            self.cache.prune(set(self.digests))
