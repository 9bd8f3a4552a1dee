"""The last build's site, kept so that a build whose inputs did not change does not make it again.

A warm build with nothing changed still extracted (from its cache), propagated,
resolved and digested every page unit: seconds at 3,000 articles for a site
that is, byte for byte, the one already made. The manifest records what the
site was made from (:func:`input_key`: every article, the curation, the
settings, the code, templates and data of the package, every installed
distribution's version, the extraction files) and what it was: each page's
path and digest with where its Markdown lies in the page cache (unit pages),
the index pages' Markdown, the static files, and the problems the stages after
ingest reported. A build whose inputs give the same key takes the site from it;
any other build makes the site and writes a new manifest.

Only what the site is made of is kept: callers that need the resolved corpus
(``dossier review``, exports of the CLI, evaluation) run the whole pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib.metadata import distributions
from pathlib import Path

from generator import store
from generator.errors import Problem
from generator.site.incremental import Page, digest, page_digest
from generator.site.pagecache import PageCache

MANIFEST_FILE = "site-manifest.pickle"
MANIFEST_VERSION = 1  # bump when what the manifest holds changes
_PACKAGE = Path(__file__).resolve().parents[1]  # the generator package
_LARGE = 1 << 20  # files at least this large (model weights) are known by size and time, not read


@dataclass(frozen=True)
class PageEntry:
    """One page of the site: its Markdown inline (index pages) or the page-cache row it is read from."""

    path: str
    digest: str
    unit: str | None = None
    unit_digest: str | None = None
    content: str | None = None


@dataclass(frozen=True)
class Manifest:
    key: str
    pages: tuple[PageEntry, ...]
    static: tuple[PageEntry, ...]  # the exports by their page-cache row (large), the rest inline
    problems: tuple[Problem, ...]  # reported after ingest (extraction, resolution, curation)
    articles: int
    entities: int


def input_key(
    settings: object, articles: Sequence[object], curation_digest: str, templates: Path, extra_files: Iterable[Path]
) -> str:
    """Everything the site is a function of, as one digest (a change anywhere makes another key)."""
    return digest(
        [
            MANIFEST_VERSION,
            repr(settings),
            curation_digest,
            articles,
            _files_digest(_PACKAGE),
            _files_digest(templates) if templates.is_dir() else "no templates",
            [_file_digest(p) for p in extra_files],
            sorted((d.metadata["Name"] or "", d.version) for d in distributions()),
        ]
    )


def _files_digest(root: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogatepass") + b"\0")
        h.update(_file_digest(path).encode())
    return h.hexdigest()


def _file_digest(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    if stat.st_size >= _LARGE:
        return f"{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def entries(pages: Sequence[Page]) -> list[PageEntry] | None:
    """The pages as manifest entries, or None when one of them is neither in the page cache nor kept whole."""
    out = []
    for page in pages:
        source = page.source
        if source is not None:
            unit, unit_digest = source
            out.append(PageEntry(page.path, page.digest, unit, unit_digest))
        elif page.loaded:
            out.append(PageEntry(page.path, page.digest, content=page.content))
        else:
            return None
    return out


def static_entries(static: dict[str, str], sources: dict[str, tuple[str, str]]) -> list[PageEntry]:
    """The static files as entries: an export the page cache holds by its row, the others inline."""
    out = []
    for path, content in static.items():
        if path in sources:
            unit, unit_digest = sources[path]
            out.append(PageEntry(path, "", unit, unit_digest))
        else:
            out.append(PageEntry(path, "", content=content))
    return out


def static(manifest: Manifest, cache: PageCache) -> dict[str, str]:
    """The static files, the exports read from the page cache now (MkDocs writes them as they are)."""
    wanted = {e.unit: e.unit_digest for e in manifest.static if e.unit is not None and e.unit_digest is not None}
    rows = {unit: dict(pages) for unit, pages in cache.load_some(wanted).items()} if wanted else {}
    out = {}
    for entry in manifest.static:
        if entry.content is not None:
            out[entry.path] = entry.content
        else:
            assert entry.unit is not None and entry.unit_digest is not None
            found = rows.get(entry.unit, {}).get(entry.path)
            out[entry.path] = found if found is not None else cache.page(entry.unit, entry.unit_digest, entry.path)
    return out


def save(cache_dir: Path, manifest: Manifest) -> None:
    store.write_pickle(cache_dir / MANIFEST_FILE, _tag(), manifest)


def load(cache_dir: Path, key: str, cache: PageCache) -> Manifest | None:
    """The manifest of the last build if it was made from the same inputs and its page-cache rows are intact."""
    manifest = store.read_pickle(cache_dir / MANIFEST_FILE, _tag())
    if not isinstance(manifest, Manifest) or manifest.key != key:
        return None
    units: dict[str, str] = {}
    for entry in (*manifest.pages, *manifest.static):
        if entry.unit is not None and entry.unit_digest is not None:
            units[entry.unit] = entry.unit_digest
    if units:
        stored = cache.stored_paths(units)
        for entry in (*manifest.pages, *manifest.static):
            if entry.unit is not None and entry.path not in stored.get(entry.unit, ()):
                return None
    return manifest


def pages(manifest: Manifest, cache: PageCache) -> list[Page]:
    """The manifest's pages: unit pages read from the page cache when their Markdown is asked for."""
    out = []
    for entry in manifest.pages:
        if entry.content is not None:
            out.append(Page(entry.path, entry.content))
        else:
            assert entry.unit is not None and entry.unit_digest is not None
            assert entry.digest == page_digest(entry.unit_digest, entry.path)
            load = partial(cache.page, entry.unit, entry.unit_digest, entry.path)
            out.append(Page(entry.path, digest=entry.digest, load=load, source=(entry.unit, entry.unit_digest)))
    return out


def _tag() -> str:
    return f"dossier-site-manifest {MANIFEST_VERSION} {store.code_version(__name__)}"
