"""Runs the stages: ingest -> extract (cached) -> resolve -> render. No MkDocs import.

The extraction cache lives in ``cache_dir`` (``.cache/dossier`` by default),
one JSON file per article keyed by the article's content and the pipeline
fingerprint (model, layers, curated data). A file that does not parse, or whose
embedded key or checksum does not match, is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import gcpause
from .errors import DossierError, Problem, Report
from .ingest import DEFAULT_BOILERPLATE, LanguageDetector, TableSource, read_corpus, read_table
from .model import Article, Extraction, Mention, Sentence, stable_hash
from .nlp import Extractor, NlpSettings, code_digest
from .overrides import Curation, load_curation
from .pagecache import PageCache
from .render import Renderer, RenderSettings, Site
from .resolve import Resolution, ResolveSettings, resolve

log = logging.getLogger("dossier")

CACHE_FORMAT = 1


@dataclass(frozen=True)
class Settings:
    corpus: Path
    curation: Path | None
    templates: Path
    cache_dir: Path | None
    nlp: NlpSettings = field(default_factory=NlpSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    render: RenderSettings = field(default_factory=RenderSettings)
    boilerplate: tuple[str, ...] = DEFAULT_BOILERPLATE
    site_name: str = "Dossier"
    project_root: Path | None = None  # for file names in messages
    tables: tuple[TableSource, ...] = ()  # CSV / JSON Lines files of many articles
    extractions: tuple[Path, ...] = ()  # JSON Lines of extraction records made elsewhere (generator.distributed)


@dataclass
class Result:
    articles: list[Article]
    extractions: dict[str, Extraction]
    curation: Curation
    resolution: Resolution
    site: Site
    report: Report
    stats: dict[str, float] = field(default_factory=dict)
    quotes: list = field(default_factory=list)


# ---------------------------------------------------------------- cache


def _extraction_to_json(ex: Extraction) -> dict:
    return {
        "article": ex.article,
        "sentences": [[s.index, s.paragraph, s.start, s.end] for s in ex.sentences],
        "mentions": [[m.start, m.end, m.text, m.label, m.sentence, m.source, m.entity_hint] for m in ex.mentions],
    }


def _extraction_from_json(data: dict) -> Extraction:
    art = data["article"]
    return Extraction(
        article=art,
        sentences=tuple(Sentence(index=s[0], paragraph=s[1], start=s[2], end=s[3]) for s in data["sentences"]),
        mentions=tuple(
            Mention(
                article=art, start=m[0], end=m[1], text=m[2], label=m[3], sentence=m[4], source=m[5], entity_hint=m[6]
            )
            for m in data["mentions"]
        ),
    )


def read_checked_pickle(path: Path, tag: str) -> object | None:
    """What ``write_checked_pickle`` wrote with the same ``tag``, or None (missing, damaged, other version).

    The sha256 of the pickled bytes is checked before they are unpickled, so a
    truncated or altered file is never loaded; our own cache files only.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        header, checksum, body = raw.split(b"\n", 2)
        if header != tag.encode("utf-8"):
            raise ValueError("written by another version")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            raise ValueError("checksum mismatch")
        return pickle.loads(body)
    except Exception as exc:  # corrupted or stale: never trusted, rebuilt
        log.info("dossier: ignoring cache file %s (%s)", path, exc)
        return None


def write_checked_pickle(path: Path, tag: str, data: object) -> None:
    body = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    _write_bytes_atomic(path, b"\n".join([tag.encode("utf-8"), hashlib.sha256(body).hexdigest().encode(), body]))


def _pack_tag() -> str:
    # The pack's folded texts and curation hits come from the extraction code.
    return f"dossier-extraction-pack {CACHE_FORMAT} {code_digest()}"


class ExtractionCache:
    """One JSON file per article, plus a pack of the last build's entries.

    The files are the durable, inspectable cache (CI keeps the folder). The pack
    (``extract/pack.pickle``, sha256-checked before it is unpickled, rewritten
    when the build used other entries) holds the same extractions for the
    articles of the last build, and their folded texts and curation hits
    (``Extractor.remember``): reading and checking 3,000 JSON files and folding
    3,000 texts cost more than a second of every warm build.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.rejected = 0
        self._pack: dict[str, Extraction] = {}
        self._used: dict[str, Extraction] = {}  # what this build read or wrote, by key
        self._pack_hits: dict[str, tuple[str, ...]] = {}

    @property
    def _pack_path(self) -> Path:
        assert self.folder is not None
        return self.folder / "extract" / "pack.pickle"

    def load_pack(self, extractor: Extractor) -> None:
        """The last build's extractions and curation keys, if the pack is intact (else nothing)."""
        if self.folder is None:
            return
        data = read_checked_pickle(self._pack_path, _pack_tag())
        try:
            extractions, folded, hits, entries = (data["extractions"], data["folded"], data["hits"], data["entries"])  # type: ignore[index]
        except (TypeError, KeyError):
            return
        self._pack, self._pack_hits = extractions, hits
        extractor.remember(folded, hits, entries)

    def save_pack(self, extractor: Extractor, articles: Sequence[Article]) -> None:
        """Rewrite the pack when this build used other extractions or curation hits than it holds."""
        if self.folder is None:
            return
        digests = {a.digest for a in articles}
        hits = {d: h for d, h in extractor.hits.items() if d in digests}
        if self._used.keys() == self._pack.keys() and hits == self._pack_hits:
            return
        data = {
            "extractions": self._used,
            "folded": {d: t for d, t in extractor.folded.items() if d in hits},
            "hits": hits,
            "entries": extractor.entries,
        }
        write_checked_pickle(self._pack_path, _pack_tag(), data)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / "extract" / key[:2] / f"{key}.json"

    @staticmethod
    def key(article: Article, fingerprint: str) -> str:
        return stable_hash(str(CACHE_FORMAT), fingerprint, article.digest, length=32)

    @staticmethod
    def _fits(ex: Extraction, article: Article) -> bool:
        return ex.article == article.id and all(m.end <= len(article.text) for m in ex.mentions)

    def get(self, key: str, article: Article) -> Extraction | None:
        if self.folder is None:
            return None
        packed = self._pack.get(key)
        if packed is not None and self._fits(packed, article):
            self.hits += 1
            self._used[key] = packed
            return packed
        path = self._path(key)
        try:
            raw = path.read_text(encoding="utf-8")
            envelope = json.loads(raw)
            payload = envelope["payload"]
            if envelope.get("key") != key or envelope.get("checksum") != stable_hash(
                json.dumps(payload, sort_keys=True, ensure_ascii=False), length=32
            ):
                raise ValueError("key or checksum mismatch")
            ex = _extraction_from_json(payload)
            if not self._fits(ex, article):
                raise ValueError("does not fit the article")
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:  # corrupted or stale: never trusted, rebuilt
            log.info("dossier: ignoring bad cache entry %s (%s)", path, exc)
            self.rejected += 1
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = ex
        return ex

    def put(self, key: str, ex: Extraction) -> None:
        if self.folder is None:
            return
        self._used[key] = ex
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = _extraction_to_json(ex)
        envelope = {
            "key": key,
            "checksum": stable_hash(json.dumps(payload, sort_keys=True, ensure_ascii=False), length=32),
            "payload": payload,
        }
        _write_json_atomic(path, envelope)


# ---------------------------------------------------------------- stages


def extract_all(
    articles: Sequence[Article],
    extractor: Extractor,
    cache: ExtractionCache,
    report: Report,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Extraction]:
    results: dict[str, Extraction] = {}
    todo: list[tuple[Article, str]] = []
    warned: set[str] = set()
    for article in articles:
        if not extractor.supports(article.language):
            if article.language not in warned:
                warned.add(article.language)
                report.warn(
                    article.source,
                    "no spaCy pipeline for this language; its articles are shown without entities",
                    field="pipelines",
                    expected="a pipeline for " + repr(article.language),
                    found="languages " + ", ".join(sorted(extractor.settings.pipelines)),
                )
            results[article.id] = Extraction(article=article.id, sentences=(), mentions=())
            if progress:
                progress(1)
            continue
        key = ExtractionCache.key(article, extractor.fingerprint(article.language) + extractor.curation_key(article))
        cached = cache.get(key, article)
        if cached is not None:
            results[article.id] = cached
            if progress:
                progress(1)
        else:
            todo.append((article, key))
    keys = {a.id: k for a, k in todo}
    with gcpause.resumed():  # spaCy's objects may form cycles
        for ex in extractor.extract(a for a, _ in todo):
            cache.put(keys[ex.article], ex)
            results[ex.article] = ex
            if progress:
                progress(1)
    return results


def run(
    settings: Settings,
    *,
    progress: Callable[[str, int | None], Callable[[int], None]] | None = None,
    detector: LanguageDetector | None = None,
) -> Result:
    """The whole build up to rendered pages (in memory). Raises DossierError on fatal input problems."""
    with gcpause.paused():  # generator/gcpause.py: a third of a warm run was the collector's
        return _run(settings, progress, detector)


def _run(
    settings: Settings,
    progress: Callable[[str, int | None], Callable[[int], None]] | None,
    detector: LanguageDetector | None,
) -> Result:
    import time

    stats: dict[str, float] = {}
    report = Report()
    root = settings.project_root
    shown_curation = None
    if settings.curation is not None and root is not None:
        try:
            shown_curation = settings.curation.relative_to(root)
        except ValueError:
            shown_curation = settings.curation
    t0 = time.perf_counter()
    curation = load_curation(settings.curation, display_root=shown_curation)
    if not settings.corpus.is_dir():
        raise DossierError(
            [
                Problem(
                    str(settings.corpus),
                    "corpus folder not found",
                    field="corpus",
                    expected="a folder of .txt/.md articles",
                    found="nothing",
                )
            ]
        )
    shown_corpus = _shown(settings.corpus, root)
    languages_file = settings.cache_dir / "languages.json" if settings.cache_dir else None
    detector = detector or LanguageDetector(_read_json_dict(languages_file))
    articles = list(
        read_corpus(
            settings.corpus, report, boilerplate=settings.boilerplate, detect=detector, display_root=shown_corpus
        )
    )
    seen = {a.id for a in articles}
    for table in settings.tables:
        if not table.path.is_file():
            raise DossierError(
                [
                    Problem(
                        str(table.path),
                        "article table not found",
                        field="sources.path",
                        expected="a CSV or JSON Lines file",
                        found="nothing",
                    )
                ]
            )
        for article in read_table(table, report, boilerplate=settings.boilerplate, detect=detector):
            if article.id in seen:
                report.add(
                    Problem(
                        article.source,
                        "duplicate article id, row skipped",
                        field="id",
                        expected="ids unique across the corpus",
                        found=repr(article.id),
                    )
                )
                continue
            seen.add(article.id)
            articles.append(article)
    stats["ingest_s"] = time.perf_counter() - t0
    if languages_file is not None:
        _write_json_atomic(languages_file, dict(sorted(detector.known.items())))

    t0 = time.perf_counter()
    if settings.nlp.layers.gazetteer:
        from . import gazetteer

        gazetteer.load(settings.cache_dir)  # before the pipelines: their components share it
    extractor = Extractor(settings.nlp, curation)
    _reuse_pipelines(extractor, curation)
    cache = ExtractionCache(settings.cache_dir)
    cache.load_pack(extractor)
    tick = progress("Extracting entities", len(articles)) if progress else None
    precomputed: dict[str, Extraction] = {}
    if settings.extractions:
        from .distributed import read_extractions

        precomputed = read_extractions(settings.extractions)
    extractions = {a.id: precomputed[a.id] for a in articles if a.id in precomputed}
    extractions.update(extract_all([a for a in articles if a.id not in precomputed], extractor, cache, report, tick))
    cache.save_pack(extractor, articles)
    stats["precomputed"] = len(extractions) - int(cache.hits + cache.misses)
    stats["extract_s"] = time.perf_counter() - t0
    if settings.nlp.layers.propagate:
        from . import propagate
        from .components import DEFAULT_ROLE_WORDS
        from .names import german_forms
        from .propagate import Memo, refine

        t0 = time.perf_counter()
        curated: dict[str, tuple] = {}
        if settings.nlp.layers.curated:
            for ent_id in sorted(curation.entities):
                for name, lang in curation.all_names(ent_id):
                    for form in german_forms(name) if lang in (None, "de") else {name}:
                        curated.setdefault(form, (curation.entities[ent_id].type, ent_id))
        memo = Memo()
        memo_path = settings.cache_dir / "propagate.pickle" if settings.cache_dir else None
        memo_tag = "dossier-propagation " + stable_hash(code_digest(), Path(propagate.__file__).read_text("utf-8"))
        if memo_path is not None and isinstance(old := read_checked_pickle(memo_path, memo_tag), dict):
            memo.old = old
        extractions = refine(
            articles,
            extractions,
            role_words=settings.nlp.role_words or DEFAULT_ROLE_WORDS,
            curated=curated,
            memo=memo,
        )
        if memo_path is not None and memo.new != memo.old:
            write_checked_pickle(memo_path, memo_tag, memo.new)
        stats["propagate_s"] = time.perf_counter() - t0
        stats["propagate_searched"] = memo.searched
    stats["cache_hits"] = cache.hits
    stats["cache_misses"] = cache.misses

    t0 = time.perf_counter()
    from . import gazetteer

    gaz = gazetteer.load(settings.cache_dir) if settings.nlp.layers.gazetteer else None
    from .nlp import pipeline_quality

    resolve_settings = settings.resolve
    if not resolve_settings.type_weights:
        weights = tuple(sorted((lang, pipeline_quality(name)) for lang, name in settings.nlp.pipelines.items()))
        resolve_settings = dataclasses.replace(resolve_settings, type_weights=weights)
    resolution = resolve(articles, extractions, curation, gaz, resolve_settings)
    report.problems.extend(resolution.problems)
    from .quotes import attribute

    quotes = attribute(articles, extractions, resolution.by_mention, {e.id: e for e in resolution.entities})
    stats["resolve_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    renderer = Renderer(settings.templates, settings.render)
    site = renderer.render_site(
        articles,
        extractions,
        resolution,
        quotes=quotes,
        site_name=settings.site_name,
        cache=PageCache(settings.cache_dir),
    )
    stats["render_s"] = time.perf_counter() - t0
    stats["render_processes"] = site.processes
    stats["pages_rendered"] = site.rendered
    stats["pages_reused"] = site.reused
    return Result(articles, extractions, curation, resolution, site, report, stats, quotes)


# Loaded spaCy pipelines of earlier runs in this process (``mkdocs serve`` rebuilds,
# the benchmark): loading one costs about a second, for a build that may
# re-extract a single edited article. Keyed by everything a built pipeline holds.
_LOADED: dict[str, dict[str, object]] = {}


def _reuse_pipelines(extractor: Extractor, curation: Curation) -> None:
    key = stable_hash(repr(extractor.settings), curation.digest)
    if key not in _LOADED:
        _LOADED.clear()  # only the latest configuration is kept
        _LOADED[key] = {}
    extractor.share_pipelines(_LOADED[key])


def _read_json_dict(path: Path | None) -> dict[str, str]:
    """A cached mapping, or an empty one when it is missing or unreadable (never trusted blindly)."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_json_atomic(path: Path, data: object) -> None:
    """Write then rename: a killed build never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, sort_keys=True, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _shown(path: Path, root: Path | None) -> Path | None:
    if root is None:
        return None
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path
