"""The build as a list of stages: ingest -> extract -> propagate -> resolve -> render. No MkDocs import.

Each stage is one function below, in the order :func:`run` calls them, and
owns its helpers. Everything a stage reuses from earlier builds is a checked
record in ``cache_dir`` (generator/store.py); everything one process keeps
between builds (the gazetteer, loaded spaCy pipelines) lives in a
:class:`ProcessCache` that the caller holds and passes in.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator import gcpause, store
from generator.corpus.ingest import (
    DEFAULT_BOILERPLATE,
    LanguageDetector,
    TableSource,
    majority_language,
    read_corpus,
    read_table,
)
from generator.curation import Curation, load_curation
from generator.errors import DossierError, Problem, Report
from generator.extraction import gazetteer as gazetteer_module
from generator.extraction.gazetteer import Gazetteer
from generator.extraction.nlp import Extractor, NlpSettings, code_digest, pipeline_quality
from generator.lexicon import CommonNouns, PersonNameParts, load_common_nouns
from generator.model import Article, Extraction, stable_hash
from generator.resolution.quotes import Quote, attribute
from generator.resolution.resolve import Resolution, ResolveSettings, resolve
from generator.site import manifest
from generator.site.pagecache import PageCache
from generator.site.render import Renderer, RenderSettings, Site, environment

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger("dossier")

CACHE_FORMAT = 1

Progress = Callable[[str, int | None], Callable[[int], None]]


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
    extractions: tuple[Path, ...] = ()  # JSON Lines of extraction records made elsewhere (extraction.distributed)


@dataclass
class BuildStats:
    """What a build did and how long each stage took (seconds)."""

    ingest_s: float = 0.0
    extract_s: float = 0.0
    propagate_s: float = 0.0
    resolve_s: float = 0.0
    render_s: float = 0.0
    cache_hits: int = 0  # articles whose extraction came from the cache
    cache_misses: int = 0  # articles extracted by spaCy
    precomputed: int = 0  # articles whose extraction came from an extractions file
    propagate_searched: int = 0  # articles propagation searched again
    render_processes: int = 1
    pages_rendered: int = 0  # entity and article units rendered
    pages_reused: int = 0  # ... taken from the page cache

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            setattr(self, f"{stage}_s", time.perf_counter() - t0)

    def as_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


@dataclass
class ProcessCache:
    """Expensive objects one process keeps between builds (``mkdocs serve`` rebuilds, benchmarks).

    Held by the caller (the plugin instance) and passed to :func:`run`; nothing
    is kept in module globals. Loaded pipelines hold the curated names, so only
    those of the latest settings and curation are kept.
    """

    gazetteer: Gazetteer | None = None
    nouns: CommonNouns | None = None
    person_names: PersonNameParts | None = None
    pipelines_key: str = ""
    pipelines: dict[str, object] = field(default_factory=dict)
    environments: dict[tuple[Path, str], jinja2.Environment] = field(default_factory=dict)

    def gazetteer_for(self, cache_dir: Path | None) -> Gazetteer:
        if self.gazetteer is None:
            self.gazetteer = gazetteer_module.load(cache_dir)
        return self.gazetteer

    def nouns_for(self, cache_dir: Path | None) -> CommonNouns:
        if self.nouns is None:
            self.nouns = load_common_nouns(cache_dir)
        return self.nouns

    def person_names_for(self, cache_dir: Path | None) -> PersonNameParts:
        if self.person_names is None:
            self.person_names = PersonNameParts(cache_dir / "person-name-parts.pickle" if cache_dir else None)
        return self.person_names

    def pipelines_for(self, settings: NlpSettings, curation: Curation) -> dict[str, object]:
        key = stable_hash(repr(settings), curation.digest)
        if key != self.pipelines_key:
            self.pipelines_key, self.pipelines = key, {}
        return self.pipelines

    def environment_for(self, templates: Path, language: str) -> jinja2.Environment:
        """One compiled template environment per folder and language (Jinja reloads changed files)."""
        key = (templates, language)
        if key not in self.environments:
            self.environments[key] = environment(templates, language)
        return self.environments[key]


@dataclass
class Result:
    articles: list[Article]
    extractions: dict[str, Extraction]
    curation: Curation
    resolution: Resolution
    site: Site
    report: Report
    stats: BuildStats = field(default_factory=BuildStats)
    quotes: list[Quote] = field(default_factory=list)


def run(
    settings: Settings,
    *,
    progress: Progress | None = None,
    detector: LanguageDetector | None = None,
    process: ProcessCache | None = None,
) -> Result:
    """The whole build up to rendered pages (in memory). Raises DossierError on fatal input problems."""
    with gcpause.paused():  # generator/gcpause.py: a third of a warm run was the collector's
        return _run(settings, progress, detector, process or ProcessCache())


def _run(
    settings: Settings, progress: Progress | None, detector: LanguageDetector | None, process: ProcessCache
) -> Result:
    stats = BuildStats()
    report = Report()
    curation, articles = _curation_and_articles(settings, report, stats, detector)
    return _after_ingest(settings, articles, curation, report, stats, progress, process)


def _curation_and_articles(
    settings: Settings, report: Report, stats: BuildStats, detector: LanguageDetector | None
) -> tuple[Curation, list[Article]]:
    with stats.timed("ingest"):
        curation = load_curation(settings.curation, display_root=_shown(settings.curation, settings.project_root))
        return curation, ingest(settings, report, detector)


@dataclass
class SiteBuild:
    """What a site build needs of a run: the site, the problems, the figures for its log line."""

    site: Site
    report: Report
    stats: BuildStats
    articles: int
    entities: int
    from_manifest: bool = False  # the site of the last build, whose inputs were the same


def run_site(
    settings: Settings,
    *,
    progress: Progress | None = None,
    detector: LanguageDetector | None = None,
    process: ProcessCache | None = None,
) -> SiteBuild:
    """The site alone (what the MkDocs plugin needs), taken from the last build's manifest when nothing
    it is made from changed (generator/site/manifest.py); otherwise :func:`run`'s, then recorded."""
    with gcpause.paused():
        process = process or ProcessCache()
        stats, report = BuildStats(), Report()
        curation, articles = _curation_and_articles(settings, report, stats, detector)
        cache_dir = settings.cache_dir
        key = None
        if cache_dir is not None and PageCache(cache_dir).enabled:
            with stats.timed("render"):
                key = manifest.input_key(settings, articles, curation.digest, settings.templates, settings.extractions)
                page_cache = PageCache(cache_dir)
                found = manifest.load(cache_dir, key, page_cache)
                if found is not None:
                    report.problems.extend(found.problems)
                    site = Site(pages=manifest.pages(found, page_cache), static=manifest.static(found, page_cache))
                    stats.pages_reused = len({e.unit for e in found.pages if e.unit is not None})
                    stats.cache_hits = len(articles)
                    return SiteBuild(site, report, stats, found.articles, found.entities, from_manifest=True)
        after_ingest = len(report.problems)
        result = _after_ingest(settings, articles, curation, report, stats, progress, process, key)
        entities = len(result.resolution.entities)
        if cache_dir is not None and key is not None:
            recorded = manifest.entries(result.site.pages)
            if recorded is not None:
                problems = tuple(report.problems[after_ingest:])
                static = tuple(manifest.static_entries(result.site.static, result.site.static_sources))
                record = manifest.Manifest(key, tuple(recorded), static, problems, len(articles), entities)
                manifest.save(cache_dir, record)
        return SiteBuild(result.site, report, stats, len(articles), entities)


def _after_ingest(
    settings: Settings,
    articles: list[Article],
    curation: Curation,
    report: Report,
    stats: BuildStats,
    progress: Progress | None,
    process: ProcessCache,
    corpus_key: str | None = None,
) -> Result:
    """Extraction to rendered pages. ``corpus_key``: the site's input key (generator/site/manifest.py), which
    stands for the resolved corpus where the page cache asks whether it changed."""
    with stats.timed("extract"):
        extractions = extract(settings, articles, curation, process, report, stats, progress)
    if settings.nlp.layers.propagate:
        with stats.timed("propagate"):
            extractions = propagate(settings, articles, extractions, curation, stats, process)
    with stats.timed("resolve"):
        resolution, quotes = resolve_entities(settings, articles, extractions, curation, process)
        report.problems.extend(resolution.problems)
    with stats.timed("render"):
        site = render(settings, articles, extractions, resolution, quotes, stats, process, corpus_key)
    return Result(articles, extractions, curation, resolution, site, report, stats, quotes)


# ---------------------------------------------------------------- 1. ingest

LANGUAGES_TAG = "dossier-languages 2"


def ingest(settings: Settings, report: Report, detector: LanguageDetector | None) -> list[Article]:
    """The corpus folder and the source tables as articles (bad files and rows reported, skipped)."""
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
    languages_file = settings.cache_dir / "languages.json" if settings.cache_dir else None
    if detector is None:
        known = store.read_json(languages_file, LANGUAGES_TAG) if languages_file is not None else None
        detector = LanguageDetector(
            {str(k): str(v) for k, v in known.items()} if isinstance(known, dict) else {},
            languages=settings.nlp.pipelines,
        )
    articles = list(
        read_corpus(
            settings.corpus,
            report,
            boilerplate=settings.boilerplate,
            detect=detector,
            display_root=_shown(settings.corpus, settings.project_root),
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
    if languages_file is not None:
        store.write_json(languages_file, LANGUAGES_TAG, dict(sorted(detector.known.items())))
    return majority_language(articles, report)


# ---------------------------------------------------------------- 2. extract


def extract(
    settings: Settings,
    articles: Sequence[Article],
    curation: Curation,
    process: ProcessCache,
    report: Report,
    stats: BuildStats,
    progress: Progress | None,
) -> dict[str, Extraction]:
    """Mentions and sentences of every article: from an extractions file, the cache, or spaCy."""
    gaz = process.gazetteer_for(settings.cache_dir) if settings.nlp.layers.gazetteer else None
    extractor = Extractor(settings.nlp, curation, gaz)
    extractor.share_pipelines(process.pipelines_for(settings.nlp, curation))
    cache = ExtractionCache(settings.cache_dir)
    cache.load_pack(extractor)
    tick = progress("Extracting entities", len(articles)) if progress else None
    precomputed: dict[str, Extraction] = {}
    if settings.extractions:
        from generator.extraction.distributed import read_extractions

        precomputed = read_extractions(settings.extractions)
    extractions = {a.id: precomputed[a.id] for a in articles if a.id in precomputed}
    extractions.update(extract_all([a for a in articles if a.id not in precomputed], extractor, cache, report, tick))
    cache.save_pack(extractor, articles)
    stats.precomputed = len(extractions) - (cache.hits + cache.misses)
    stats.cache_hits, stats.cache_misses = cache.hits, cache.misses
    return extractions


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
        data = store.read_pickle(self._pack_path, _pack_tag())
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
        store.write_pickle(self._pack_path, _pack_tag(), data)

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
        if not path.exists():
            self.misses += 1
            return None
        payload = store.read_json(path, key)
        try:
            if payload is None:
                raise ValueError("key or checksum mismatch")
            ex = Extraction.from_dict(payload)  # type: ignore[arg-type]
            if not self._fits(ex, article):
                raise ValueError("does not fit the article")
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
        store.write_json(self._path(key), key, ex.to_dict())


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


# ---------------------------------------------------------------- 3. propagate


def propagate(
    settings: Settings,
    articles: Sequence[Article],
    extractions: dict[str, Extraction],
    curation: Curation,
    stats: BuildStats,
    process: ProcessCache,
) -> dict[str, Extraction]:
    """Names found in one article looked for in all (memoised per article in ``propagate.pickle``)."""
    from generator.extraction import propagate as propagation
    from generator.lexicon import DEFAULT_ROLE_WORDS
    from generator.names import german_forms

    curated: dict[str, tuple] = {}
    if settings.nlp.layers.curated:
        for ent_id in sorted(curation.entities):
            for name, lang in curation.all_names(ent_id):
                for form in german_forms(name) if lang in (None, "de") else {name}:
                    curated.setdefault(form, (curation.entities[ent_id].type, ent_id))
    names = process.person_names_for(settings.cache_dir) if settings.nlp.layers.filter else None
    nouns = process.nouns_for(settings.cache_dir) if settings.nlp.layers.filter else None
    memo = propagation.Memo()
    memo_path = settings.cache_dir / "propagate.pickle" if settings.cache_dir else None
    memo_tag = propagation_tag(names.tag if names is not None else "", nouns.tag if nouns is not None else None)
    if memo_path is not None and isinstance(old := store.read_pickle(memo_path, memo_tag), dict):
        memo.old = old
    refined = propagation.refine(
        articles,
        extractions,
        role_words=settings.nlp.role_words or DEFAULT_ROLE_WORDS,
        curated=curated,
        memo=memo,
        nouns=nouns,
        person_names=names,
        name_clusters=names.in_name_cluster if names is not None else None,
    )
    if names is not None:
        names.save()
    if memo_path is not None and memo.new != memo.old:
        store.write_pickle(memo_path, memo_tag, memo.new)
    stats.propagate_searched = memo.searched
    return refined


def propagation_tag(names_tag: str, nouns_tag: str | None) -> str:
    """What the propagation memo's results depend on besides each article's inputs: the code (code_digest()
    covers generator.lexicon's), the name dictionary, and the noun lexicons' data, which the search reads
    (a person noun after an acronym: "ÖGB-Sekretär"); ``None``: a build without them (no filter layer)."""
    from generator.extraction import propagate as propagation

    return "dossier-propagation " + stable_hash(
        code_digest(), store.code_version(propagation.__name__), names_tag, "-" if nouns_tag is None else nouns_tag
    )


# ---------------------------------------------------------------- 4. resolve


def resolve_entities(
    settings: Settings,
    articles: Sequence[Article],
    extractions: dict[str, Extraction],
    curation: Curation,
    process: ProcessCache,
) -> tuple[Resolution, list[Quote]]:
    """Mentions to entities (a pure resolver), then quotations attributed to them."""
    gaz = process.gazetteer_for(settings.cache_dir) if settings.nlp.layers.gazetteer else None
    resolve_settings = settings.resolve
    if not resolve_settings.type_weights:
        weights = tuple(sorted((lang, pipeline_quality(name)) for lang, name in settings.nlp.pipelines.items()))
        resolve_settings = dataclasses.replace(resolve_settings, type_weights=weights)
    nouns = process.nouns_for(settings.cache_dir) if settings.nlp.layers.filter else None
    names = process.person_names_for(settings.cache_dir) if settings.nlp.layers.filter else None
    clusters = names.in_name_cluster if names is not None else None
    resolution = resolve(articles, extractions, curation, gaz, resolve_settings, nouns, names, clusters)
    if names is not None:
        names.save()
    quotes = attribute(articles, extractions, resolution.by_mention, {e.id: e for e in resolution.entities})
    return resolution, quotes


# ---------------------------------------------------------------- 5. render


def render(
    settings: Settings,
    articles: Sequence[Article],
    extractions: dict[str, Extraction],
    resolution: Resolution,
    quotes: list[Quote],
    stats: BuildStats,
    process: ProcessCache,
    corpus_key: str | None = None,
) -> Site:
    """Markdown pages and ``dossier.json``; unchanged entity and article pages come from the page cache."""
    env = process.environment_for(settings.templates, settings.render.language)
    site = Renderer(settings.templates, settings.render, env).render_site(
        list(articles),
        extractions,
        resolution,
        quotes=quotes,
        site_name=settings.site_name,
        cache=PageCache(settings.cache_dir),
        corpus_key=corpus_key,
    )
    stats.render_processes, stats.pages_rendered, stats.pages_reused = site.processes, site.rendered, site.reused
    return site


def _shown(path: Path | None, root: Path | None) -> Path | None:
    """``path`` relative to the project, for messages (None when there is no project root)."""
    if path is None or root is None:
        return None
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path
