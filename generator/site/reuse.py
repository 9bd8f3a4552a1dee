"""Finished pages of earlier builds put in place instead of going through the theme again.

The page cache (generator/site/pagecache.py) spares the dossier's own
templates; this spares MkDocs and the theme, which are most of a warm build:
a generated page whose Markdown is unchanged, built by a theme whose inputs are
unchanged (:func:`theme_key`), gets the final HTML and the search-index records
it had in the last build. MkDocs never reads, converts or renders it: the plugin
marks it excluded once the navigation is built, lets it back in only while the
sitemap is written (so the sitemap lists it as a full build does), then puts
the stored HTML where MkDocs would have written it and the stored records into
the search index in page order, before the search plugin writes it.

The HTML is kept as files, one per page and named by its digest, in the
``finished`` folder of the cache; a page is put back as a hard link to its file
(a copy where the site is on another file system), so a warm build writes
directory entries, not hundreds of megabytes of HTML, and after an edit the old
site's deletion frees almost nothing. A freshly rendered page enters the folder
the same way, linked from the file MkDocs wrote. Each page's row (SQLite, with
the page cache's row checksums) holds its search records and the size and
modification time its file had when it was stored; a file whose size or time
differs (written to through the site folder, replaced, or restored from a
backup) is not trusted and the page goes through the theme again, so a
damaged cache costs a render, never a wrong page.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator import store
from generator.errors import DossierError, Problem
from generator.site.pagecache import PageCache

log = logging.getLogger("dossier")

FILE_NAME = "finished-pages.sqlite"
FOLDER = "finished"  # the pages' HTML, beside FILE_NAME
LEGACY = "finished.sqlite"  # version 1 kept the HTML in the rows: hundreds of MB no build reads
VERSION = 2  # bump when what is stored changes shape (2: the HTML in files, linked into the site)

# Errors of os.link that mean "not here" (another file system, one without hard links, a file linked
# too often), not "something is wrong": the file is copied instead.
_NO_LINK = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES}


def theme_key(parts: Iterable[str | bytes]) -> str:
    """One digest of everything the theme puts on every page (see the plugin's ``theme_inputs``)."""
    return store.checksum(f"reuse {VERSION}", *parts)


def _identity(st: os.stat_result) -> str:
    """What a stored page's file is recognised by: its size and modification time (as make and git do)."""
    return f"{st.st_size} {st.st_mtime_ns}"


def _link_or_copy(source: str | Path, dest: str | Path) -> None:
    """``dest`` becomes ``source``'s file (a hard link; a copy where linking is not possible), replacing
    what was there (a site built with ``--dirty``)."""
    try:
        os.link(source, dest)
    except FileExistsError:
        os.unlink(dest)
        _link_or_copy(source, dest)
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        shutil.copyfile(source, dest)


class FinishedPages:
    """The finished pages of one build: which to reuse, and the new ones to keep for the next."""

    def __init__(self, folder: Path | None):
        self.cache = PageCache(folder, FILE_NAME)
        self.folder = folder / FOLDER if folder is not None else None
        self.digests: dict[str, str] = {}  # page source path -> digest of page and theme
        self.reusable: set[str] = set()
        self._stored: dict[str, tuple[str, str]] = {}  # reusable page -> (search records as JSON, file identity)
        self._pending: dict[str, str] = {}  # freshly rendered page -> its search records as JSON
        self._made: set[str] = set()  # folders of the site made while putting pages back
        self.rendered = 0
        self.reused = 0

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def _file(self, path: str) -> str:
        # A string, not a Path: joined for every page of the site at every build (0.6 s in pathlib at 11,500).
        assert self.folder is not None
        return os.path.join(self.folder, self.digests[path] + ".html")

    def plan(self, pages: Mapping[str, str], theme: str) -> set[str]:
        """Digest each page (path -> digest of its Markdown) with the theme; return the reusable paths:
        those stored under that digest in a row that passes its checksum, with their file unchanged."""
        self.digests = {path: store.checksum(digest, theme, path) for path, digest in pages.items()}
        self._stored = {}
        self.rendered = self.reused = 0
        for path, rows in self.cache.load(self.digests).items():
            row = dict(rows)
            try:
                unchanged = _identity(os.stat(self._file(path))) == row.get("file")
            except OSError:
                unchanged = False
            if unchanged and "search" in row:
                self._stored[path] = (row["search"], row["file"])
        self.reusable = set(self._stored)
        return self.reusable

    def put_back(self, path: str, dest: str) -> list[dict[str, object]]:
        """Put the stored page (vouched for by :meth:`plan`) at ``dest``; its search records."""
        search, identity = self._stored[path]
        folder = os.path.dirname(dest)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        source = self._file(path)
        try:
            _link_or_copy(source, dest)
            changed = _identity(os.stat(source)) != identity
        except FileNotFoundError:
            changed = True
        if changed:
            raise DossierError(
                [
                    Problem(
                        str(source),
                        f"the stored page {path} changed while the site was being built"
                        " (another build running on the same cache?); build again",
                    )
                ]
            )
        self.reused += 1
        return json.loads(search)

    def keep(self, path: str, search: list[dict[str, object]]) -> None:
        """Remember a freshly rendered page's search records; its HTML is taken from the site by :meth:`finish`."""
        if path not in self.digests:
            return
        self.rendered += 1
        if self.enabled:
            self._pending[path] = json.dumps(search, ensure_ascii=False, default=str)  # key order is the index's

    def finish(self, written: Mapping[str, str]) -> None:
        """Store the freshly rendered pages (page -> the file MkDocs wrote) and forget pages that are
        no longer in the site; a cache that cannot be written costs the next build time, nothing else."""
        pending, self._pending = self._pending, {}
        if self.folder is None or not self.digests:
            return
        rows: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("dossier: cannot write the cache %s (%s); the build goes on without it", self.folder, exc)
            return
        try:
            for path, search in pending.items():
                site_file = written.get(path)
                if site_file is None or not os.path.isfile(site_file):
                    continue
                target = Path(self._file(path))
                temporary = target.with_name(f".{target.name}.{os.getpid()}")
                temporary.unlink(missing_ok=True)
                _link_or_copy(site_file, temporary)
                os.replace(temporary, target)
                rows[path] = (self.digests[path], [("search", search), ("file", _identity(os.stat(target)))])
        except OSError as exc:
            log.warning("dossier: cannot store finished pages in %s (%s); the build goes on", self.folder, exc)
        self.cache.add(rows)
        self.cache.prune(set(self.digests))
        self._forget_files()

    def _forget_files(self) -> None:
        """Delete the stored files no row names any more (replaced pages, pages gone from the site)."""
        assert self.folder is not None
        named = {f"{digest}.html" for digest in self.cache.digests().values()}
        try:
            with os.scandir(self.folder) as entries:
                stale = [entry.path for entry in entries if entry.name not in named]
            for stale_file in stale:
                os.unlink(stale_file)
            (self.folder.parent / LEGACY).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("dossier: cannot tidy the finished pages in %s (%s)", self.folder, exc)
