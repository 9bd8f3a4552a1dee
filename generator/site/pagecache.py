"""Rendered pages of earlier builds, reused when nothing a page shows has changed.

The renderer cuts the site into units (an entity with its continuation pages,
an article page) and hashes, for each, every input the unit's pages show: the
entity or article record, each cited sentence with its links and quotes, the
related entities, the neighbourhood graph, the settings, the templates and the
package's code (generator/site/incremental.py). A unit whose digest
is unchanged is taken from here instead of being rendered again, so a build
after editing one article or one alias renders only the pages that show it.

The store is one SQLite file in the cache folder. Each row carries a checksum
over the whole row (unit, digest, paths, lengths and pages; generator/store.py),
checked before use: a row that fails is rendered again, and a file
SQLite cannot read is deleted and rebuilt. Nothing is trusted that was not
written whole (SQLite transactions) and checked.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from generator import store
from generator.errors import DossierError, Problem

log = logging.getLogger("dossier")

FILE_NAME = "pages.sqlite"
SCHEMA = 2  # 2: the checksum covers the whole row
#: Units asked for in one query by :meth:`PageCache.load` (below SQLite's limit of bound parameters).
LOAD_CHUNK = 500

Pages = list[tuple[str, str]]  # (docs-relative source path, Markdown)


def _pack(pages: Sequence[tuple[str, str]]) -> tuple[str, bytes, str]:
    """Paths as JSON, the contents as one UTF-8 blob, and their byte lengths."""
    encoded = [content.encode("utf-8", "surrogatepass") for _, content in pages]
    return json.dumps([p for p, _ in pages]), b"".join(encoded), json.dumps([len(b) for b in encoded])


def _row_checksum(unit: str, digest: str, paths: str, body: bytes, lengths: str) -> str:
    return store.checksum(unit, digest, paths, lengths, body)


def _unpack(paths: str, body: bytes, lengths: str, *, decode: bool = True) -> Pages:
    """The pages of a row (``decode=False``: their paths, each with an empty text)."""
    names = json.loads(paths)
    sizes = json.loads(lengths)
    if not (isinstance(names, list) and isinstance(sizes, list) and len(names) == len(sizes)):
        raise ValueError("paths and lengths do not match")
    if sum(sizes) != len(body):
        raise ValueError("lengths do not add up to the stored pages")
    out: Pages = []
    pos = 0
    for name, size in zip(names, sizes, strict=True):
        if not isinstance(name, str) or not isinstance(size, int):
            raise ValueError("malformed row")
        out.append((name, body[pos : pos + size].decode("utf-8", "surrogatepass") if decode else ""))
        pos += size
    return out


class PageCache:
    """Rendered units keyed by unit name, each stored with the digest of its inputs."""

    def __init__(self, folder: Path | None, name: str = FILE_NAME):
        self.path = folder / name if folder is not None else None
        self.hits = 0  # units loaded
        self.rejected = 0  # rows that failed their checksum
        self._reader: sqlite3.Connection | None = None  # kept open by load_some

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=10)
        con.execute(
            "CREATE TABLE IF NOT EXISTS units (unit TEXT PRIMARY KEY, digest TEXT NOT NULL,"
            " paths TEXT NOT NULL, body BLOB NOT NULL, lengths TEXT NOT NULL, checksum TEXT NOT NULL)"
        )
        con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != str(SCHEMA):
            with con:
                con.execute("DROP TABLE units")
                con.execute(
                    "CREATE TABLE units (unit TEXT PRIMARY KEY, digest TEXT NOT NULL, paths TEXT NOT NULL,"
                    " body BLOB NOT NULL, lengths TEXT NOT NULL, checksum TEXT NOT NULL)"
                )
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        return con

    def _discard(self, exc: Exception) -> None:
        """An unreadable store is deleted (never trusted) and rebuilt by the next store()."""
        assert self.path is not None
        log.warning("dossier: page cache %s unreadable (%s); deleted, every page is rendered", self.path, exc)
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def digests(self) -> dict[str, str]:
        """The digest stored for every unit (no pages: cheap), empty when there is no usable store."""
        if self.path is None or not self.path.exists():
            return {}
        try:
            with closing(self._connect()) as con:
                return dict(con.execute("SELECT unit, digest FROM units"))
        except sqlite3.DatabaseError as exc:
            self._discard(exc)
            return {}

    def load(self, wanted: Mapping[str, str]) -> dict[str, Pages]:
        """The stored pages of the units in ``wanted`` whose stored digest is still ``wanted[unit]``.

        A unit that is missing, changed meanwhile or fails its checksum is left out:
        the caller renders it.
        """
        if self.path is None or not wanted or not self.path.exists():
            return {}
        found: dict[str, Pages] = {}
        units = sorted(wanted)
        try:
            with closing(self._connect()) as con:
                # Only the wanted rows, a chunk at a time and each row decoded as it comes: the store of a
                # large site is gigabytes, and a build holds the pages it reuses, not the whole file twice.
                for i in range(0, len(units), LOAD_CHUNK):
                    chunk = units[i : i + LOAD_CHUNK]
                    rows = con.execute(
                        "SELECT unit, digest, paths, body, lengths, checksum FROM units"
                        f" WHERE unit IN ({','.join('?' * len(chunk))})",
                        chunk,
                    )
                    for row in rows:
                        found.update(self._checked((row,), wanted))
        except sqlite3.DatabaseError as exc:
            self._discard(exc)
            return {}
        return found

    def verified(self, wanted: Mapping[str, str]) -> set[str]:
        """The units of ``wanted`` stored with that digest and a row that passes its checksum."""
        return set(self.stored_paths(wanted))

    def stored_paths(self, wanted: Mapping[str, str]) -> dict[str, list[str]]:
        """The page paths of each unit of ``wanted`` stored with that digest in a row that passes its
        checksum; the pages themselves are left in the store (:meth:`page` reads one when it is needed).

        Reads the rows one at a time (a large site's pages need not fit in memory at once).
        """
        ok: dict[str, list[str]] = {}
        if self.path is None or not wanted or not self.path.exists():
            return ok
        try:
            with closing(self._connect()) as con:
                for unit, digest, paths, body, lengths, checksum in con.execute(
                    "SELECT unit, digest, paths, body, lengths, checksum FROM units"
                ):
                    if wanted.get(unit) == digest and isinstance(body, bytes):
                        if _row_checksum(unit, digest, paths, body, lengths) == checksum:
                            ok[unit] = [path for path, _ in _unpack(paths, body, lengths, decode=False)]
                        else:
                            self.rejected += 1
        except (sqlite3.DatabaseError, ValueError) as exc:
            self._discard(exc)
            return {}
        return ok

    def page(self, unit: str, digest: str, path: str) -> str:
        """One stored page of a unit that :meth:`stored_paths` vouched for.

        Raises :class:`DossierError` when the row is gone or changed since: another build wrote
        the cache meanwhile, and this one cannot tell which pages are its own.
        """
        pages = dict(self.load_some({unit: digest}).get(unit, []))
        if path not in pages:
            raise DossierError(
                [
                    Problem(
                        str(self.path),
                        f"the cached page {path} changed while the site was being built"
                        " (another build running on the same cache?); build again",
                    )
                ]
            )
        return pages[path]

    def load_some(self, wanted: Mapping[str, str]) -> dict[str, Pages]:
        """The pages of a few units (unit -> digest) in one query, each row's checksum checked.

        Called for every few dozen pages of a build: one connection serves them all (:meth:`close`).

        A unit that is missing, stored with another digest or fails its checksum is left out.
        """
        if self.path is None or not wanted:
            return {}
        try:
            if self._reader is None:
                self._reader = self._connect()
            marks = ",".join("?" * len(wanted))
            rows = self._reader.execute(
                f"SELECT unit, digest, paths, body, lengths, checksum FROM units WHERE unit IN ({marks})",
                list(wanted),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            self.close()
            self._discard(exc)
            return {}
        return self._checked(rows, wanted)

    def _checked(self, rows: Iterable[tuple[Any, ...]], wanted: Mapping[str, str]) -> dict[str, Pages]:
        """The pages of the rows stored with the wanted digest whose checksum holds (others are left out)."""
        found: dict[str, Pages] = {}
        for unit, digest, paths, body, lengths, checksum in rows:
            if wanted.get(unit) != digest:
                continue
            try:
                if not isinstance(body, bytes) or _row_checksum(unit, digest, paths, body, lengths) != checksum:
                    raise ValueError("checksum mismatch")
                found[unit] = _unpack(paths, body, lengths)
            except (ValueError, UnicodeDecodeError) as exc:
                log.info("dossier: ignoring bad cache row %s (%s)", unit, exc)
                self.rejected += 1
        self.hits += len(found)
        return found

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def add(self, rendered: Mapping[str, tuple[str, Sequence[tuple[str, str]]]]) -> bool:
        """Save units (unit -> (digest, pages)) without forgetting any other; False when they could not be."""
        return self._write(rendered, keep=None)

    def prune(self, keep: set[str]) -> None:
        """Forget every unit not in ``keep``."""
        self._write({}, keep=keep)

    def _write(self, rendered: Mapping[str, tuple[str, Sequence[tuple[str, str]]]], keep: set[str] | None) -> bool:
        if self.path is None:
            return False
        self.close()
        rows = []
        for unit, (digest, pages) in rendered.items():
            paths, body, lengths = _pack(pages)
            rows.append((unit, digest, paths, body, lengths, _row_checksum(unit, digest, paths, body, lengths)))
        try:
            with closing(self._connect()) as con, con:
                if keep is not None:
                    gone = [(u,) for (u,) in con.execute("SELECT unit FROM units") if u not in keep]
                    con.executemany("DELETE FROM units WHERE unit = ?", gone)
                con.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            self._discard(exc)  # only the next build's speed is at stake
            return False
        except OSError as exc:
            log.warning("dossier: cannot write the cache %s (%s); the build goes on without it", self.path, exc)
            return False
        return True

    def store(self, digests: Mapping[str, str], rendered: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """Save the freshly rendered units and forget units that are no longer in the site."""
        self._write({u: (digests[u], pages) for u, pages in rendered.items() if u in digests}, keep=set(digests))
