"""Records of a whole-corpus export, kept between builds by a digest of what each is made from.

After an edit the exports are made again in full, but almost every record in
them is as it was: an entity whose name, aliases and identifiers did not
change, the mentions of an article whose mentions did not. Where making a record
costs more than digesting its inputs (FollowTheMoney proxies clean and hash
every value: about two seconds for a 3,000-article corpus), the export asks
:meth:`Pieces.get` with the record's inputs and a function that makes it from
them: the record stored under the same inputs is returned, else it is made.

The store is one checked pickle in the cache folder (generator/store.py). It
is keyed by everything a record depends on besides its inputs (the package's
code, the settings, the versions of the libraries that make records): under
another key nothing stored is used. It holds the records of the last build
only, so it never grows beyond one corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from generator import store
from generator.site.incremental import digest

T = TypeVar("T")

TAG = "dossier-export-pieces 1"


class Pieces:
    """Records by a digest of their inputs: those of the last build, and those asked for in this one."""

    def __init__(self, path: Path | None, key: str):
        self.path = path
        self.key = key
        found = store.read_pickle(path, TAG) if path is not None else None
        valid = isinstance(found, tuple) and len(found) == 2 and found[0] == key and isinstance(found[1], dict)
        self._old: dict[str, object] = found[1] if valid else {}  # type: ignore[index]
        self._new: dict[str, object] = {}
        self.made = 0  # records made in this build (not found under their inputs)

    def get(self, inputs: tuple[Hashable, ...], make: Callable[[], T]) -> T:
        """The record made from ``inputs``: the stored one, or ``make()``'s.

        ``make`` must read nothing but ``inputs`` (and what the key covers): the record is reused
        whenever the inputs are equal.
        """
        key = digest(inputs)
        if key in self._new:
            return self._new[key]  # type: ignore[return-value]
        if key in self._old:
            value = self._old[key]
        else:
            value = make()
            self.made += 1
        self._new[key] = value
        return value  # type: ignore[return-value]

    def save(self) -> None:
        """Keep this build's records (only they: what the corpus no longer has is dropped)."""
        if self.path is not None and (self.made or self._new.keys() != self._old.keys()):
            store.write_pickle(self.path, TAG, (self.key, self._new))
