"""Render a site cut into units, each from one inputs object, in forked workers and through the page cache.

A unit is a page with its continuation pages (an entity, an article). Its kind
turns the unit's key into an inputs object and the inputs object into pages;
the digest that decides whether the cached pages still hold is computed from
that same object. A page cannot go stale by a renderer reading something its
digest missed: there is nothing else for it to read besides the settings,
templates and code, which the base digest covers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from functools import partial
from operator import attrgetter
from typing import Any, Generic, TypeVar

from generator import store
from generator.site import forking
from generator.site.pagecache import PageCache

I = TypeVar("I")  # noqa: E741 - a unit kind's inputs object

# Below this many units a render is too short for worker processes to pay.
PARALLEL_MIN_PAGES = 400

Pages = list[tuple[str, str]]  # (docs-relative source path, Markdown)
Task = tuple[str, tuple[str, ...]]  # ("units", their keys) or (a single job's name, ())
Result = list[tuple[str, str | None, Pages | None]]  # (unit, digest, pages; None: the cached ones hold)


class Digested:
    """Input data hashed once (``digest``), which stands for it wherever a unit's inputs are digested.

    Its ``repr`` is the digest, so containers of it digest fast and without its contents.
    """

    digest: str

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.digest}>"


def digest(parts: Iterable[object]) -> str:
    """A digest of ``parts`` by their ``repr`` (dataclasses as tuples of their fields)."""
    data = repr([_plain(part) for part in parts]).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_GETTERS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _getter(cls: type) -> Callable[[object], tuple[object, ...]] | None:
    """The fields of a dataclass instance as a tuple (``attrgetter``: C code), None for other types."""
    if cls not in _GETTERS:
        getter = None
        if is_dataclass(cls) and not issubclass(cls, Digested):
            get = attrgetter(*[f.name for f in fields(cls)])
            getter = (lambda obj: (get(obj),)) if len(fields(cls)) == 1 else get
        _GETTERS[cls] = getter
    return _GETTERS[cls]


def _plain(value: object) -> object:
    """Dataclasses (also in lists, tuples and dict values) as tuples of fields, whose ``repr`` is C code.

    Deeper dataclasses keep their generated ``repr``: slower, as deterministic.
    """
    getter = _getter(type(value))
    if getter is not None:
        return (type(value).__name__, [_plain(v) for v in getter(value)])
    if isinstance(value, (list, tuple)) and value:
        getter = _getter(type(value[0]))
        if getter is not None:
            return [(type(v).__name__, getter(v)) if type(v) is type(value[0]) else _plain(v) for v in value]
    if isinstance(value, dict):
        return [(k, _plain(v)) for k, v in value.items()]
    return value


def _single_key(name: str) -> str:
    """The page-cache key of a single whole-corpus job ("single:indexes")."""
    return f"single:{name}"


@dataclass(frozen=True)
class UnitKind(Generic[I]):
    """One kind of unit: its key's inputs object, and that object's pages."""

    inputs: Callable[[str], I]
    render: Callable[[I], Pages]


@dataclass
class Rendered:
    pages: dict[str, Pages] = field(default_factory=dict)  # rendered unit or single job -> pages, in site order
    stored: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # unit left in the cache -> digest, paths
    digests: dict[str, str] = field(default_factory=dict)  # unit -> digest of its inputs (with a page cache)
    cache: PageCache | None = None
    processes: int = 1
    rendered: int = 0  # units rendered in this build
    reused: int = 0  # units taken from the page cache

    def unit_pages(self, unit: str) -> list[Page]:
        """The unit's pages: those left in the page cache are read from it when their content is asked for."""
        unit_digest = self.digests.get(unit)
        if unit in self.stored:
            assert self.cache is not None and unit_digest is not None
            load = self.cache.page
            return [
                Page(
                    path,
                    digest=page_digest(unit_digest, path),
                    load=partial(load, unit, unit_digest, path),
                    source=(unit, unit_digest),
                )
                for path in self.stored[unit][1]
            ]
        # A fresh unit goes into the page cache at the end of the render (when there is one).
        source = (unit, unit_digest) if unit_digest is not None and self.cache is not None else None
        return [
            Page(path, content, digest=page_digest(unit_digest, path) if unit_digest else None, source=source)
            for path, content in self.pages[unit]
        ]


class Page:
    """A generated page: its docs-relative source path ("people/vladimir-putin.md"), its Markdown, and
    a digest that changes whenever the Markdown does.

    A page reused from the page cache holds no Markdown: it is read from the cache each time
    ``content`` is asked for (a large site's reused pages need not be in memory at once, and a build
    whose finished pages are reused never asks). Its digest is the digest of its unit's inputs and its
    path, which fixes its Markdown as the page cache's correctness already requires.
    """

    __slots__ = ("_content", "_digest", "_load", "path", "source")

    def __init__(
        self,
        path: str,
        content: str | None = None,
        *,
        digest: str | None = None,
        load: Callable[[], str] | None = None,
        source: tuple[str, str] | None = None,
    ):
        if content is None and load is None:
            raise ValueError(f"page {path}: neither its content nor a way to load it")
        self.path = path
        self._content = content
        self._digest = digest
        self._load = load
        self.source = source  # (unit, its digest): the page-cache row that holds this page, if one does

    @property
    def loaded(self) -> bool:
        """Whether the Markdown is held, not read from the page cache when asked for."""
        return self._content is not None

    @property
    def content(self) -> str:
        if self._content is not None:
            return self._content
        assert self._load is not None
        return self._load()

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = store.checksum(self.content)
        return self._digest

    def __repr__(self) -> str:
        return f"Page({self.path!r})"


def page_digest(unit_digest: str, path: str) -> str:
    """A page's digest from its unit's: the same inputs, templates and code give the same Markdown."""
    return store.checksum("page", unit_digest, path)


class IncrementalRenderer:
    """Units (``kind:key``) and single jobs, rendered in batches; unchanged units come from the cache."""

    def __init__(
        self,
        kinds: Mapping[str, UnitKind[Any]],
        singles: Mapping[str, Callable[[], Pages]],
        *,
        workers: int = 1,
        cache: PageCache | None = None,
        base: Callable[[], str] | None = None,
        singles_inputs: Callable[[], object] | None = None,
    ):
        """``singles_inputs`` returns everything the single jobs read besides settings, templates
        and code (the whole resolved corpus): when its digest is the stored one, their output is
        taken from the cache instead of computed again."""
        self.kinds = kinds
        self.singles = singles
        self.workers = workers
        self.cache = cache if cache is not None and cache.enabled else None
        self._base_of = base
        self._base: str | None = None  # set before workers fork, with the cache only
        self._stored: dict[str, str] = {}
        self._singles_inputs = singles_inputs
        self._singles_digest: str | None = None

    def unit_digest(self, unit: str, inputs: object) -> str:
        assert self._base is not None
        return digest([self._base, unit.split(":", 1)[0], inputs])

    def render(self, units: Sequence[str], weight: Mapping[str, int]) -> Rendered:
        """Every unit's pages and every single job's, in the order given (units first)."""
        if self.cache is not None:
            # Set before the workers fork: each batch digests its own units' inputs
            # and renders only those whose digest differs from the stored one.
            self._base = self._base_of() if self._base_of else ""
            self._stored = self.cache.digests()
            if self._singles_inputs is not None:
                self._singles_digest = digest([self._base, "singles", self._singles_inputs()])
        spilled: dict[str, list[str]] = {}  # unit written to the cache by this build -> its page paths

        def spill(batch: Result) -> Result:
            """A batch's fresh units written to the cache as it arrives and read back when asked for: a
            cold build does not hold every page of a large site beside the corpus it was made from."""
            rows = {u: (d, pages) for u, d, pages in batch if pages is not None and d is not None and u in weight}
            if self.cache is None or not rows or not self.cache.add(rows):
                return batch  # kept in memory when the cache cannot take them
            spilled.update((u, [path for path, _ in pages]) for u, (_, pages) in rows.items())
            return [(u, d, None if u in rows else pages) for u, d, pages in batch]

        batches, processes = self._run(self._tasks(units, weight), spill)
        results = {unit: (d, pages) for batch in batches for unit, d, pages in batch}
        digests = {unit: d for unit, (d, _) in results.items() if d is not None}
        kept = {unit: d for unit, (d, pages) in results.items() if pages is None and d is not None}
        kept_singles = {unit: d for unit, d in kept.items() if unit.startswith("single:")}
        kept_units = {unit: d for unit, d in kept.items() if unit not in kept_singles}
        # A kept unit's pages stay in the cache (rows checked now, read when asked for; the rows this
        # build just wrote need no check); the single jobs' (indexes, exports) are read now.
        earlier = {u: d for u, d in kept_units.items() if u not in spilled}
        stored = self.cache.stored_paths(earlier) if self.cache is not None and earlier else {}
        stored.update(spilled)
        loaded = self.cache.load(kept_singles) if self.cache is not None and kept_singles else {}
        out = Rendered(processes=processes, digests=digests, cache=self.cache)
        fresh: dict[str, Pages] = {}
        for unit in units:
            pages = results[unit][1]
            if pages is None:
                if unit in stored:
                    out.stored[unit] = (kept_units[unit], stored[unit])
                    continue
                pages = fresh[unit] = self.render_unit(unit)  # its cache row went bad between the two reads
            else:
                fresh[unit] = pages
            out.pages[unit] = pages
        for name in self.singles:
            key = _single_key(name)
            pages = results[key][1]
            if pages is None:
                pages = loaded.get(key)
                if pages is None:
                    pages = self.singles[name]()
            if key in digests and key not in loaded:
                fresh[key] = pages
            out.pages[name] = pages
        out.reused = len(out.stored.keys() - spilled)
        out.rendered = len(units) - out.reused
        if self.cache is not None:
            self.cache.store(digests, {u: fresh[u] for u in digests if u in fresh})
        return out

    def render_unit(self, unit: str) -> Pages:
        kind = self.kinds[unit.split(":", 1)[0]]
        return kind.render(kind.inputs(unit.split(":", 1)[1]))

    def run_task(self, task: Task) -> Result:
        """(unit, its digest, its pages) for each unit of the batch; pages None: the cached ones still hold."""
        name, units = task
        if name != "units":
            key, known = _single_key(name), self._singles_digest
            if known is not None and self._stored.get(key) == known:
                return [(key, known, None)]  # the whole corpus is as it was: the stored output holds
            return [(key, known, self.singles[name]())]
        out: Result = []
        for unit in units:
            kind_name, key = unit.split(":", 1)
            kind = self.kinds[kind_name]
            inputs = kind.inputs(key)
            unit_digest = self.unit_digest(unit, inputs) if self._base is not None else None
            if unit_digest is not None and self._stored.get(unit) == unit_digest:
                out.append((unit, unit_digest, None))
            else:
                out.append((unit, unit_digest, kind.render(inputs)))
        return out

    def _tasks(self, units: Sequence[str], weight: Mapping[str, int]) -> list[Task]:
        """The units in site order, per kind cut into batches of about equal work, then the single jobs."""
        batches = max(1, self.workers * 8)
        tasks: list[Task] = []
        for kind in self.kinds:
            of_kind = [u for u in units if u.split(":", 1)[0] == kind]
            tasks += [("units", chunk) for chunk in forking.balanced(of_kind, weight, batches)]
        tasks += [(name, ()) for name in self.singles]
        return tasks

    def _run(self, tasks: list[Task], each: Callable[[Result], Result]) -> tuple[list[Result], int]:
        """Run the batches, in forked workers when that pays and is safe (generator/site/forking.py).

        Results come back in task order, so the output is byte-identical to a serial render.
        """
        unit_count = sum(len(units) for name, units in tasks if name == "units")
        if self.workers > 1 and unit_count >= PARALLEL_MIN_PAGES and forking.can_fork():
            # The single big jobs first, not last on one core while the other idles.
            first = lambda t: t[0] != "units"  # noqa: E731
            return forking.map_forked(self.run_task, tasks, self.workers, first=first, each=each), self.workers
        return [each(self.run_task(t)) for t in tasks], 1
