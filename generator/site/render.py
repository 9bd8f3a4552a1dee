"""Entities and articles to Markdown pages (Jinja2 templates) and ``dossier.json``.

Escaping rule: every value that comes from an article or from curated YAML is
placed only in HTML context (HTML blocks inside the Markdown page), where
Jinja's autoescaping makes it inert, in the YAML front matter through the
``yaml_str`` filter, or in single-quoted ``data-`` attributes through
``tojson`` (which escapes quotes and ``<``). Python-Markdown does not parse
Markdown inside block-level HTML, so ``*``, ``[x](...)`` or ``{{ }}`` in an
article stay plain text.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import json
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache, lru_cache
from itertools import combinations
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from generator.model import (
    ENTITY_TYPES,
    TYPE_FOLDERS,
    Article,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Paragraph,
    Sentence,
)
from generator.resolution.quotes import Quote
from generator.resolution.resolve import Resolution
from generator.site import forking
from generator.site.i18n import translations
from generator.site.pagecache import PageCache

EXPORT_VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class RenderSettings:
    use_directory_urls: bool = True
    site_url: str = ""
    edit_uri: str | None = None  # where "edit" links to curation files point (repo URL + path)
    min_mentions: int = 1
    language: str = "en"  # UI language of generated pages (Material's theme.language)
    related_limit: int = 12  # related entities listed on an entity page
    evidence_limit: int = 5  # sentences shown per related entity
    collapse_after: int = 6  # statements per article shown before "more"
    graph_nodes: int = 150  # entities on the graph page
    index_page_size: int = 500  # rows per page of the people/organizations/places indexes
    statements_page_size: int = 100  # statements on an entity page; more go to continuation pages
    workers: int = 1  # processes rendering pages (forked; see _SiteBuilder._run)


@dataclass
class Page:
    path: str  # docs-relative source path, e.g. "people/vladimir-putin.md"
    content: str


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)
    static: dict[str, str] = field(default_factory=dict)  # path -> content (redirects, dossier.json)
    processes: int = 1  # processes that rendered the pages
    rendered: int = 0  # entity and article units rendered in this build
    reused: int = 0  # units taken unchanged from the page cache


# ---------------------------------------------------------------- URLs


@cache
def page_url(src: str, use_directory_urls: bool) -> str:
    """The site URL MkDocs gives to a Markdown source path."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if not use_directory_urls:
        return stem + ".html" if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, use_directory_urls: bool, anchor: str | None = None) -> str:
    """A link from the page built from ``from_src`` to the page or file ``to_src`` (MkDocs' rules)."""
    rel = _relative_path(from_src, to_src, use_directory_urls)
    return rel + "#" + anchor if anchor else rel


@lru_cache(maxsize=1 << 18)
def _relative_path(from_src: str, to_src: str, use_directory_urls: bool) -> str:
    # A render makes ~10^5-10^6 of these; posixpath.relpath normalises both
    # paths every time, so the common prefix is cut by hand on the clean URLs.
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls) if to_src.endswith(".md") else to_src
    base = here.rsplit("/", 1)[0] if "/" in here else ""
    up = base.split("/") if base else []
    down = there.split("/")
    common = 0
    while common < len(up) and common < len(down) - 1 and up[common] == down[common]:
        common += 1
    rel = "/".join([".."] * (len(up) - common) + down[common:])
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/"
        if rel == "/":
            rel = "./"
    return rel


def entity_src(entity_id: str, etype: EntityType) -> str:
    return f"{TYPE_FOLDERS[etype]}/{entity_id}.md"


def article_src(article_id: str) -> str:
    return f"articles/{article_id}.md"


# ---------------------------------------------------------------- view models


@dataclass(frozen=True)
class Segment:
    text: str
    href: str | None = None
    type: str | None = None
    entity: str | None = None
    curated: bool = False
    quote: bool = False


@dataclass
class Statement:
    article: Article
    sentence: Sentence
    segments: list[Segment]
    href: str  # citation: the sentence on the article page
    curated_link: bool
    html: Markup  # the sentence with its mentions linked (the same on every page of a folder)
    item: Markup  # the whole list item (macro ``statement``), the page's own entity marked dx-self


@dataclass
class Related:
    entity: Entity
    href: str | None
    sentences: int  # sentences naming both
    articles: int
    evidence: list[Statement]


@dataclass
class QuoteView:
    quote: Quote
    article: Article
    href: str


def _segments(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    link: Mapping[tuple[str, int, int], tuple[str, EntityType, str]],
    from_src: str,
    settings: RenderSettings,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Segment]:
    """``text[start:end]`` cut into plain text and linked mentions, split at quote boundaries."""
    quotes = [q for q in quotes if q[0] < end and q[1] > start]  # callers may pass a whole article's
    cuts = {start, end}
    for q_start, q_end in quotes:
        cuts.update(x for x in (q_start, q_end) if start < x < end)
    spans: list[tuple[int, int, Mention | None]] = []
    pos = start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > end or m.key not in link:
            continue
        spans.append((pos, m.start, None))
        spans.append((m.start, m.end, m))
        pos = m.end
    spans.append((pos, end, None))

    def in_quote(a: int) -> bool:
        return any(q_start <= a < q_end for q_start, q_end in quotes)

    out: list[Segment] = []
    for a, b, mention in spans:
        if a >= b:
            continue
        if mention is not None:
            ent_id, etype, _ = link[mention.key]
            out.append(
                Segment(
                    text[a:b],
                    href=relative_url(from_src, entity_src(ent_id, etype), settings.use_directory_urls),
                    type=etype,
                    entity=ent_id,
                    curated=mention.source == "curated",
                    quote=in_quote(a),
                )
            )
            continue
        points = sorted(x for x in cuts if a < x < b)
        for x, y in zip([a, *points], [*points, b], strict=True):
            out.append(Segment(text[x:y], quote=in_quote(x)))
    return out


def text_fragment(sentence: str) -> str:
    """A URL text fragment (``:~:text=``) for a sentence: the whole of it, or its first and last words."""
    words = sentence.split()
    if len(words) <= 8:
        parts = [" ".join(words)]
    else:
        parts = [" ".join(words[:4]), " ".join(words[-4:])]
    return ":~:text=" + ",".join(quote(p, safe="") for p in parts)


class Renderer:
    def __init__(self, templates: Path, settings: RenderSettings):
        self.settings = settings
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,  # every template, whatever its extension
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        self.env.install_gettext_translations(translations(settings.language), newstyle=True)  # type: ignore[attr-defined]
        self.env.filters["yaml_str"] = yaml_str
        self.env.filters["urlquote"] = lambda s: quote(str(s), safe="")
        self.templates = templates

    def render_site(
        self,
        articles: Sequence[Article],
        extractions: Mapping[str, Extraction],
        resolution: Resolution,
        *,
        quotes: Sequence[Quote] = (),
        site_name: str = "Dossier",
        cache: PageCache | None = None,
    ) -> Site:
        """Every page; with ``cache``, units whose inputs are unchanged are reused, not rendered."""
        return _SiteBuilder(self, articles, extractions, resolution, quotes, site_name).build(cache)

    def base_digest(self, site_name: str) -> str:
        """What every page depends on besides its data: settings, templates, code, library versions."""
        from importlib.metadata import version

        parts: list[object] = [PAGE_CACHE_VERSION, replace(self.settings, workers=1), site_name]
        parts += [version(dist) for dist in ("jinja2", "markupsafe")]
        package = Path(__file__).resolve().parents[1]  # the whole generator package
        for root, pattern in ((self.templates, "*"), (package, "*.py"), (package / "locale", "*.mo")):
            for path in sorted(root.rglob(pattern)):
                if path.is_file():
                    parts += [path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
        return _digest(parts)


EXPORT_PATH = "dossier.json"
PAGE_CACHE_VERSION = 1  # bump when a page's inputs change in a way the digests below cannot see
# Below this many entity and article pages a render is too short for worker processes to pay.
PARALLEL_MIN_PAGES = 400


def _digest(parts: Iterable[object]) -> str:
    """A digest of ``parts`` by their ``repr`` (dataclasses as tuples of their fields)."""
    data = repr([_plain(part) for part in parts]).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_GETTERS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _getter(cls: type) -> Callable[[object], tuple[object, ...]] | None:
    """The fields of a dataclass instance as a tuple (``attrgetter``: C code), None for other types."""
    if cls not in _GETTERS:
        getter = None
        if is_dataclass(cls):
            get = attrgetter(*[f.name for f in fields(cls)])
            getter = (lambda obj: (get(obj),)) if len(fields(cls)) == 1 else get
        _GETTERS[cls] = getter
    return _GETTERS[cls]


def _plain(value: object) -> object:
    """A dataclass, or a list or tuple of them, as tuples of fields, whose ``repr`` is C code.

    Deeper dataclasses keep their generated ``repr``: slower, as deterministic.
    """
    getter = _getter(type(value))
    if getter is not None:
        return (type(value).__name__, [_plain(v) for v in getter(value)])
    if isinstance(value, (list, tuple)) and value:
        getter = _getter(type(value[0]))
        if getter is not None:
            return [(type(v).__name__, getter(v)) if type(v) is type(value[0]) else _plain(v) for v in value]
    return value


@dataclass
class _Views:
    """The parts of an entity page computed from its neighbours (once: the page digest hashes them too)."""

    related: list[tuple[str, list[tuple[str, int]], int]]  # the shown ones, ranked
    places: list[dict[str, object]]
    neighbourhood: dict[str, object]
    timeline: dict[str, object]


class _SiteBuilder:
    """Everything the pages share, computed once per build."""

    def __init__(
        self,
        renderer: Renderer,
        articles: Sequence[Article],
        extractions: Mapping[str, Extraction],
        resolution: Resolution,
        quotes: Sequence[Quote],
        site_name: str,
    ):
        self.r = renderer
        self.s = renderer.settings
        self.env = renderer.env
        self.site_name = site_name
        self.articles = sorted(articles, key=lambda a: a.id)
        self.arts = {a.id: a for a in articles}
        self.extractions = extractions
        self.resolution = resolution
        self.entities = resolution.entities
        self.by_id = {e.id: e for e in self.entities}
        self.paged = {e.id for e in self.entities if len(e.mentions) >= self.s.min_mentions}
        self.link: dict[tuple[str, int, int], tuple[str, EntityType, str]] = {
            m.key: (e.id, e.type, e.name) for e in self.entities if e.id in self.paged for m in e.mentions
        }
        self.sentences = {a: {s.index: s for s in ex.sentences} for a, ex in extractions.items()}
        self.mentions_in: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        for e in self.entities:
            for m in e.mentions:
                self.mentions_in[(m.article, m.sentence)].append(m)
        self.quotes = sorted(quotes, key=lambda q: (q.article, q.start))
        self.quote_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self.quotes_in: dict[str, list[Quote]] = defaultdict(list)
        for q in self.quotes:
            self.quote_spans[q.article].append((q.start, q.end))
            self.quotes_in[q.article].append(q)
            if q.speaker:
                self.quotes_by_speaker[q.speaker].append(q)
        # Co-occurrence: sentences (article, index) that name both entities of a pair.
        self.cooc: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for (art_id, sent), ms in sorted(self.mentions_in.items()):
            present = sorted({self.link[m.key][0] for m in ms if m.key in self.link})
            for a, b in combinations(present, 2):
                self.cooc[(a, b)].append((art_id, sent))
        self._statement_cache: dict[tuple[str, str, int], tuple[list[Segment], str, Markup]] = {}
        self._item_cache: dict[tuple[str, str, int, bool], Markup] = {}
        self._graph_data: dict[str, list[dict[str, Any]]] | None = None
        self._views: dict[str, _Views] = {}
        self._base: str | None = None  # the page cache's base digest, when there is a cache
        self._stored: dict[str, str] = {}  # unit -> digest of its cached pages
        self._heads: dict[tuple[str, str], str] = {}
        self._article_digests: dict[str, str] = {}
        self.macros: Any = self.env.get_template("_macros.j2").make_module()
        self.entity_srcs = {e.id: entity_src(e.id, e.type) for e in self.entities}
        # Per entity: (other entity, the sentences naming both, the number of articles they are in).
        self.neighbours: dict[str, list[tuple[str, list[tuple[str, int]], int]]] = defaultdict(list)
        for (a, b), where in sorted(self.cooc.items()):
            shared_articles = len(set(map(itemgetter(0), where)))
            self.neighbours[a].append((b, where, shared_articles))
            self.neighbours[b].append((a, where, shared_articles))
        # Quote spans per sentence: an article can hold hundreds of quotes and sentences.
        self.quotes_at: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
        for art_id, spans in self.quote_spans.items():
            sents = sorted(self.sentences.get(art_id, {}).values(), key=lambda x: x.start)
            starts = [x.start for x in sents]
            for q_start, q_end in spans:
                k = max(0, bisect.bisect_right(starts, q_start) - 1)
                while k < len(sents) and sents[k].start < q_end:
                    if sents[k].end > q_start:
                        self.quotes_at[(art_id, sents[k].index)].append((q_start, q_end))
                    k += 1

    # -------------------------------------------------------------- helpers

    def href(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        return relative_url(from_src, to_src, self.s.use_directory_urls, anchor)

    def date_key(self, article: Article) -> tuple[str, str]:
        return (article.date or "9999", article.id)

    def statement(
        self, src: str, art_id: str, sent_index: int, *, self_id: str | None = None, curated: bool = False
    ) -> Statement:
        """A cited sentence as seen from page ``src``, on the page of entity ``self_id``.

        Links and the sentence's HTML are computed once per sentence and folder:
        from a page that is never a link target (``people/~.md``), so they hold
        for every page of that folder, including the pages they point to. The
        page's own entity is then marked by its link, which is unique in the folder.
        """
        folder = posixpath.dirname(src)
        anchor_src = f"{folder}/~.md" if folder else "~.md"
        key = (folder, art_id, sent_index)
        cached = self._statement_cache.get(key)
        art = self.arts[art_id]
        sent = self.sentences[art_id][sent_index]
        if cached is None:
            segs = _segments(
                art.text,
                sent.start,
                sent.end,
                self.mentions_in[(art_id, sent_index)],
                self.link,
                anchor_src,
                self.s,
                self.quotes_at.get((art_id, sent_index), ()),
            )
            anchor = f"s{sent.index}" + text_fragment(art.text[sent.start : sent.end])
            cached = (segs, self.href(anchor_src, article_src(art_id), anchor), self.macros.segments(segs))
            self._statement_cache[key] = cached
        segs, href, markup = cached
        # The list item is rendered once per sentence, folder and badge: an entity
        # page lists hundreds, and autoescaping each part again dominated rendering.
        item_key = (folder, art_id, sent_index, curated)
        item = self._item_cache.get(item_key)
        if item is None:
            item = self.macros.statement(Statement(art, sent, segs, href, curated, markup, Markup()))
            self._item_cache[item_key] = item
        if self_id is not None and self_id in self.paged:
            own = escape(self.href(anchor_src, self.entity_srcs[self_id]))
            item = Markup(str(item).replace(f'" href="{own}">', f' dx-self" href="{own}">'))
        return Statement(art, sent, segs, href, curated, markup, item)

    # -------------------------------------------------------------- pages

    def build(self, cache: PageCache | None = None) -> Site:
        site = Site()
        units = [f"entity:{e.id}" for e in self.entities if e.id in self.paged]
        units += [f"article:{a.id}" for a in self.articles]
        if cache is not None and cache.enabled:
            # Set before the workers fork: each batch hashes its own units' inputs
            # and renders only those whose digest differs from the stored one.
            self._base = self.r.base_digest(self.site_name)
            self._stored = cache.digests()
        batches, site.processes = self._run(self._tasks(units))
        results = {unit: (digest, pages) for batch in batches for unit, digest, pages in batch}
        digests = {unit: digest for unit, (digest, _) in results.items() if digest is not None}
        kept = {unit: digest for unit, (digest, pages) in results.items() if pages is None and digest is not None}
        loaded = cache.load(kept) if cache is not None and kept else {}
        rendered = {unit: pages for unit, (_, pages) in results.items() if pages is not None}
        for unit in units:
            if unit in rendered:
                site.pages.extend(rendered[unit])
            elif unit in loaded:
                site.pages.extend(Page(path, content) for path, content in loaded[unit])
            else:  # its cache row went bad between the two reads
                rendered[unit] = self.render_unit(unit)
                site.pages.extend(rendered[unit])
        site.pages.extend(rendered["indexes"])
        site.static.update(self.redirects())
        site.static["graph.json"] = json.dumps(self.graph_data(), ensure_ascii=False, sort_keys=True) + "\n"
        site.static[EXPORT_PATH] = rendered["export"][0].content
        site.reused = len(loaded)
        site.rendered = len(units) - site.reused
        if cache is not None and cache.enabled:
            cache.store(digests, {u: [(p.path, p.content) for p in rendered[u]] for u in digests if u in rendered})
        return site

    def _tasks(self, units: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
        """The units in site order, cut into batches of about equal work, then the indexes and the export."""
        batches = max(1, self.s.workers * 8)
        weight = {f"entity:{e.id}": 1 + len(e.mentions) for e in self.entities}
        weight.update((f"article:{a.id}", 1) for a in self.articles)
        tasks = [
            ("units", chunk)
            for chunk in forking.balanced([u for u in units if u.startswith("entity:")], weight, batches)
        ]
        tasks += [
            ("units", chunk)
            for chunk in forking.balanced([u for u in units if u.startswith("article:")], weight, batches)
        ]
        tasks += [("indexes", ()), ("export", ())]
        return tasks

    def render_unit(self, unit: str) -> list[Page]:
        kind, key = unit.split(":", 1)
        if kind == "entity":
            return self.entity_pages(self.by_id[key])
        return [self.article_page(self.arts[key])]

    def unit_digest(self, unit: str) -> str:
        assert self._base is not None
        kind, key = unit.split(":", 1)
        if kind == "entity":
            return self._entity_digest(self.by_id[key], self._base)
        return self._article_digest(self.arts[key], self._base)

    def run_task(self, task: tuple[str, tuple[str, ...]]) -> list[tuple[str, str | None, list[Page] | None]]:
        """(unit, its digest, its pages) for each unit of the batch; pages None: the cached ones still hold."""
        kind, units = task
        if kind == "units":
            out: list[tuple[str, str | None, list[Page] | None]] = []
            for unit in units:
                digest = self.unit_digest(unit) if self._base is not None else None
                if digest is not None and self._stored.get(unit) == digest:
                    out.append((unit, digest, None))
                else:
                    out.append((unit, digest, self.render_unit(unit)))
            return out
        if kind == "indexes":
            pages = [page for t in ENTITY_TYPES for page in self.type_index(t)]
            return [("indexes", None, pages + self.articles_index() + [self.graph_page(), self.home_page()])]
        # The export travels as a page: one return type for every batch.
        export = export_json(self.articles, self.extractions, self.resolution, self.s, self.quotes)
        return [("export", None, [Page(EXPORT_PATH, export)])]

    def _run(
        self, tasks: list[tuple[str, tuple[str, ...]]]
    ) -> tuple[list[list[tuple[str, str | None, list[Page] | None]]], int]:
        """Run the batches, in forked workers when that pays and is safe (generator/site/forking.py).

        Results come back in task order, so the output is byte-identical to a serial render.
        """
        page_count = sum(len(units) for kind, units in tasks if kind == "units")
        if self.s.workers > 1 and page_count >= PARALLEL_MIN_PAGES and forking.can_fork():
            # The single big tasks (export, indexes) first, not last on one core while the other idles.
            single = ("indexes", "export")
            return forking.map_forked(
                self.run_task, tasks, self.s.workers, first=lambda t: t[0] in single
            ), self.s.workers
        return [self.run_task(t) for t in tasks], 1

    def entity_pages(self, e: Entity) -> list[Page]:
        """The entity's page and, when it has more statements than fit, its continuation pages.

        Statements are grouped by article (oldest first) and cut between groups,
        so every page stays about ``statements_page_size`` statements long however
        often the entity is named: pages keep a flat size as the corpus grows.
        """
        src = entity_src(e.id, e.type)
        by_article: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        seen: set[tuple[str, int]] = set()
        for m in e.mentions:
            if (m.article, m.sentence) in seen or m.article not in self.arts:
                continue
            seen.add((m.article, m.sentence))
            by_article[m.article].append((m.sentence, m.source == "curated"))
        articles = sorted(by_article, key=lambda a: self.date_key(self.arts[a]))
        chunks: list[list[str]] = [[]]
        filled = 0
        for a in articles:
            if chunks[-1] and filled + len(by_article[a]) > max(1, self.s.statements_page_size):
                chunks.append([])
                filled = 0
            chunks[-1].append(a)
            filled += len(by_article[a])
        stem = src[: -len(".md")]
        srcs = [src] + [f"{stem}/statements-{n + 1}.md" for n in range(1, len(chunks))]
        total = sum(len(v) for v in by_article.values())

        def groups(page_src: str, chunk: list[str]) -> list[tuple[Article, str, list[Statement]]]:
            return [
                (
                    self.arts[a],
                    self.href(page_src, article_src(a)),
                    [self.statement(page_src, a, sent, self_id=e.id, curated=cur) for sent, cur in by_article[a]],
                )
                for a in chunk
            ]

        def pagination(page_src: str, current: int) -> list[tuple[int, str, bool]]:
            if len(srcs) == 1:
                return []
            return [(i + 1, self.href(page_src, other, "statements"), i == current) for i, other in enumerate(srcs)]

        pages = [self.entity_page(e, src, groups(src, chunks[0]), total, len(articles), pagination(src, 0))]
        for n in range(1, len(chunks)):
            page_src = srcs[n]
            pages.append(
                Page(
                    page_src,
                    self.env.get_template("entity_statements.md.j2").render(
                        entity=e,
                        title=html.escape(e.name),
                        entity_href=self.href(page_src, src),
                        groups=groups(page_src, chunks[n]),
                        page=n + 1,
                        pages=len(chunks),
                        statement_count=total,
                        pagination=pagination(page_src, n),
                        collapse_after=self.s.collapse_after,
                    ),
                )
            )
        return pages

    def entity_page(
        self,
        e: Entity,
        src: str,
        ordered: list[tuple[Article, str, list[Statement]]],
        statement_count: int,
        article_count: int,
        pagination: list[tuple[int, str, bool]],
    ) -> Page:
        dates = sorted(d for a in e.articles if a in self.arts and (d := self.arts[a].date))
        edit = None
        if e.curation_file and self.s.edit_uri:
            edit = self.s.edit_uri.rstrip("/") + "/" + e.curation_file
        views = self.views(e)
        related = self.related(e, src)
        quotes = [
            QuoteView(q, self.arts[q.article], self.href(src, article_src(q.article), f"s{q.sentence}"))
            for q in sorted(
                self.quotes_by_speaker.get(e.id, []), key=lambda q: (self.date_key(self.arts[q.article]), q.start)
            )
        ]
        aliases_by_language: dict[str, list] = defaultdict(list)
        for alias in e.aliases:
            aliases_by_language[alias.language or "any"].append(alias)
        content = self.env.get_template("entity.md.j2").render(
            entity=e,
            title=html.escape(e.name),
            index_href=self.href(src, f"{e.folder}/index.md"),
            graph_href=self.href(src, "graph/index.md"),
            groups=ordered,
            statement_count=statement_count,
            article_count=article_count,
            pagination=pagination,
            first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            edit_url=edit,
            identifiers=[_identifier_link(k, v) for k, v in e.identifiers],
            quotes=quotes,
            related=related,
            timeline=views.timeline,
            places=views.places,
            neighbourhood=views.neighbourhood,
            collapse_after=self.s.collapse_after,
            aliases_by_language=sorted(aliases_by_language.items()),
        )
        return Page(src, content)

    def views(self, e: Entity) -> _Views:
        views = self._views.get(e.id)
        if views is None:
            # Rank first, then keep the shown ones only: a hub such as a country
            # co-occurs with thousands of entities.
            ranked = sorted(
                self.neighbours.get(e.id, []),
                key=lambda n: (-len(n[1]), -n[2], self.by_id[n[0]].name),
            )
            src = entity_src(e.id, e.type)
            views = _Views(
                related=ranked[: self.s.related_limit],
                places=self.map_places(e, src),
                neighbourhood=self.neighbourhood(e, src),
                timeline=self.timeline(e),
            )
            self._views[e.id] = views
        return views

    def related(self, e: Entity, src: str) -> list[Related]:
        out = []
        for other_id, where, shared_articles in self.views(e).related:
            other = self.by_id[other_id]
            out.append(
                Related(
                    entity=other,
                    href=self.href(src, self.entity_srcs[other.id]) if other.id in self.paged else None,
                    sentences=len(where),
                    articles=shared_articles,
                    evidence=[self.statement(src, a, s, self_id=e.id) for a, s in where[: self.s.evidence_limit]],
                )
            )
        return out

    def timeline(self, e: Entity) -> dict[str, object]:
        """Mentions per article date as bars (server-side SVG: no script, works everywhere)."""
        counts: Counter[str] = Counter()
        undated = 0
        for m in e.mentions:
            date = self.arts[m.article].date if m.article in self.arts else None
            if date:
                counts[date] += 1
            else:
                undated += 1
        if len({d[:7] for d in counts}) > 1 and len(counts) > 24:
            monthly: Counter[str] = Counter()
            for d, n in counts.items():
                monthly[d[:7]] += n
            counts = monthly
        bars = sorted(counts.items())
        top = max((n for _, n in bars), default=1)
        width = max(1, len(bars))
        return {
            "bars": [
                {"label": label, "count": n, "x": i * (100 / width), "w": 100 / width * 0.8, "h": 40 * n / top}
                for i, (label, n) in enumerate(bars)
            ],
            "undated": undated,
            "total": sum(counts.values()) + undated,
        }

    def map_places(self, e: Entity, src: str) -> list[dict[str, object]]:
        """The place itself, or the places an entity is mentioned with, with coordinates."""
        places = []
        if e.type == "place" and e.coordinates:
            places.append(
                {
                    "name": e.name,
                    "lat": e.coordinates[0],
                    "lon": e.coordinates[1],
                    "href": "",
                    "weight": len(e.mentions),
                    "self": True,
                }
            )
        for other_id, where, _ in self.neighbours.get(e.id, []):
            other = self.by_id[other_id]
            if other.type == "place" and other.coordinates:
                places.append(
                    {
                        "name": other.name,
                        "lat": other.coordinates[0],
                        "lon": other.coordinates[1],
                        "href": self.href(src, entity_src(other.id, other.type)) if other.id in self.paged else "",
                        "weight": len(where),
                        "self": False,
                    }
                )
        places.sort(key=lambda p: (not p["self"], -int(p["weight"]), str(p["name"])))  # type: ignore[call-overload]
        return places[:25]

    def neighbourhood(self, e: Entity, src: str) -> dict[str, object]:
        rel = sorted(self.neighbours.get(e.id, []), key=lambda x: (-len(x[1]), x[0]))[:15]
        ids = [e.id] + [o for o, _, _ in rel]
        nodes = [self._node(self.by_id[i], src) for i in ids]
        edges = [{"source": e.id, "target": o, "weight": len(w)} for o, w, _ in rel]
        for a, b in combinations(sorted(ids[1:]), 2):
            if (a, b) in self.cooc:
                edges.append({"source": a, "target": b, "weight": len(self.cooc[(a, b)])})
        return {"nodes": nodes, "edges": edges, "focus": e.id}

    def _node(self, e: Entity, src: str) -> dict[str, object]:
        return {
            "id": e.id,
            "label": e.name,
            "type": e.type,
            "mentions": len(e.mentions),
            "href": self.href(src, entity_src(e.id, e.type)) if e.id in self.paged else "",
        }

    def graph_data(self, src: str = "graph/index.md") -> dict[str, list[dict[str, Any]]]:
        if self._graph_data is None:
            top = sorted((e for e in self.entities if e.id in self.paged), key=lambda e: (-len(e.mentions), e.id))
            keep = {e.id for e in top[: self.s.graph_nodes]}
            nodes = [self._node(e, src) for e in top[: self.s.graph_nodes]]
            # Filter before sorting: the co-occurrence table has millions of pairs on a large corpus.
            edges = [
                {"source": a, "target": b, "weight": len(w)}
                for (a, b), w in sorted((k, w) for k, w in self.cooc.items() if k[0] in keep and k[1] in keep)
            ]
            self._graph_data = {"nodes": nodes, "edges": edges}
        return self._graph_data

    def graph_page(self) -> Page:
        src = "graph/index.md"
        data = self.graph_data(src)
        names = {n["id"]: n for n in data["nodes"]}
        strongest = sorted(data["edges"], key=lambda x: (-int(x["weight"]), x["source"], x["target"]))[:60]
        rows = [(names[x["source"]], names[x["target"]], x["weight"]) for x in strongest]
        return Page(
            src,
            self.env.get_template("graph.md.j2").render(
                data_href=self.href(src, "graph.json"),
                rows=rows,
                node_count=len(names),
                edge_count=len(data["edges"]),  # type: ignore[arg-type]
            ),
        )

    def article_page(self, art: Article) -> Page:
        src = article_src(art.id)
        ex = self.extractions.get(art.id)
        sents_by_para: dict[int, list[Sentence]] = defaultdict(list)
        if ex:
            for sent in ex.sentences:
                sents_by_para[sent.paragraph].append(sent)
        paragraphs: list[tuple[Paragraph, list[tuple[Sentence | None, list[Segment]]]]] = []
        for para in art.paragraphs:
            if para.boilerplate or not sents_by_para.get(para.index):
                paragraphs.append((para, [(None, [Segment(art.text[para.start : para.end])])]))
                continue
            parts: list[tuple[Sentence | None, list[Segment]]] = []
            pos = para.start
            for sent in sents_by_para[para.index]:
                if sent.start > pos:
                    parts.append((None, [Segment(art.text[pos : sent.start])]))
                segs = _segments(
                    art.text,
                    sent.start,
                    sent.end,
                    self.mentions_in[(art.id, sent.index)],
                    self.link,
                    src,
                    self.s,
                    self.quotes_at.get((art.id, sent.index), ()),
                )
                parts.append((sent, segs))
                pos = sent.end
            if pos < para.end:
                parts.append((None, [Segment(art.text[pos : para.end])]))
            paragraphs.append((para, parts))
        mentioned: Counter[str] = Counter()
        names: dict[str, tuple[str, EntityType]] = {}
        if ex:
            for m in ex.mentions:
                if m.key in self.link:
                    ent_id, etype, name = self.link[m.key]
                    mentioned[ent_id] += 1
                    names[ent_id] = (name, etype)
        side = {
            t: sorted(
                ((names[i][0], self.href(src, entity_src(i, t)), mentioned[i]) for i in mentioned if names[i][1] == t),
                key=lambda x: (-x[2], x[0]),
            )
            for t in ENTITY_TYPES
        }
        quotes = [
            (
                q,
                self.by_id[q.speaker] if q.speaker else None,
                self.href(src, entity_src(q.speaker, self.by_id[q.speaker].type))
                if q.speaker and q.speaker in self.paged
                else None,
            )
            for q in self.quotes_in.get(art.id, [])
        ]
        return Page(
            src,
            self.env.get_template("article.md.j2").render(
                article=art,
                title=html.escape(art.title),
                paragraphs=paragraphs,
                side=side,
                quotes=quotes,
                articles_href=self.href(src, "articles/index.md"),
            ),
        )

    def paginate(
        self, folder: str, items: Sequence[T]
    ) -> list[tuple[int, str, Sequence[T], list[tuple[int, str, bool]]]]:
        """An index cut into pages of ``index_page_size``: (number, src, rows, links to every page)."""
        size = max(1, self.s.index_page_size)
        chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
        srcs = [f"{folder}/index.md" if n == 0 else f"{folder}/page-{n + 1}.md" for n in range(len(chunks))]
        out = []
        for n, (src, chunk) in enumerate(zip(srcs, chunks, strict=True)):
            links = [(i + 1, self.href(src, other), i == n) for i, other in enumerate(srcs)] if len(srcs) > 1 else []
            out.append((n, src, chunk, links))
        return out

    def type_index(self, t: EntityType) -> list[Page]:
        """The index of one type, in pages of ``index_page_size`` rows (most mentioned first)."""
        folder = TYPE_FOLDERS[t]
        ordered = [e for e in sorted(self.entities, key=lambda e: (-len(e.mentions), e.name, e.id)) if e.type == t]
        size = max(1, self.s.index_page_size)
        pages = []
        for n, src, chunk, pagination in self.paginate(folder, ordered):
            rows = [
                (e, self.href(src, entity_src(e.id, e.type)) if e.id in self.paged else None, len(e.articles))
                for e in chunk
            ]
            pages.append(
                Page(
                    src,
                    self.env.get_template("type_index.md.j2").render(
                        etype=t,
                        rows=rows,
                        total=len(ordered),
                        first=n * size + 1,
                        min_mentions=self.s.min_mentions,
                        pagination=pagination,
                    ),
                )
            )
        return pages

    def articles_index(self) -> list[Page]:
        """Every article, oldest first, in pages of ``index_page_size`` rows."""
        ordered = sorted(self.articles, key=self.date_key)
        size = max(1, self.s.index_page_size)
        pages = []
        for n, src, chunk, pagination in self.paginate("articles", ordered):
            rows = [(a, self.href(src, article_src(a.id)), _count(self.extractions, a.id, self.link)) for a in chunk]
            content = self.env.get_template("articles_index.md.j2").render(
                rows=rows, total=len(ordered), first=n * size + 1, pagination=pagination
            )
            pages.append(Page(src, content))
        return pages

    def home_page(self) -> Page:
        src = "index.md"
        top = {
            t: [
                (e, self.href(src, entity_src(e.id, e.type)))
                for e in sorted(
                    (e for e in self.entities if e.type == t and e.id in self.paged),
                    key=lambda e: (-len(e.mentions), e.name),
                )[:10]
            ]
            for t in ENTITY_TYPES
        }
        languages = Counter(a.language for a in self.articles)
        return Page(
            src,
            self.env.get_template("home.md.j2").render(
                site_name=self.site_name,
                article_count=len(self.articles),
                entity_counts={t: sum(1 for e in self.entities if e.type == t) for t in ENTITY_TYPES},
                mention_count=sum(len(e.mentions) for e in self.entities),
                quote_count=sum(1 for q in self.quotes if q.speaker),
                languages=sorted(languages.items()),
                top=top,
                type_hrefs={t: self.href(src, f"{TYPE_FOLDERS[t]}/index.md") for t in ENTITY_TYPES},
                export_href=EXPORT_PATH,
                graph_href=self.href(src, "graph/index.md"),
                articles_href=self.href(src, "articles/index.md"),
                articles=[(a, self.href(src, article_src(a.id))) for a in sorted(self.articles, key=self.date_key)][
                    :20
                ],
            ),
        )

    def redirects(self) -> dict[str, str]:
        out = {}
        for old, new in sorted(self.resolution.redirects.items()):
            if new not in self.by_id or old in self.by_id:
                continue
            target = self.by_id[new]
            for folder in TYPE_FOLDERS.values():
                old_src = f"{folder}/{old}.md"
                path = f"{folder}/{old}/index.html" if self.s.use_directory_urls else f"{folder}/{old}.html"
                url = self.href(old_src, entity_src(target.id, target.type))
                out[path] = self.env.get_template("redirect.html.j2").render(url=url, name=target.name)
        return out

    # -------------------------------------------------------------- input digests (page cache)
    # A unit's digest covers everything its pages show (generator/site/pagecache.py).
    # A render method that starts reading something new must hash it here too, or
    # cached pages go stale: tests/test_pagecache.py renders edited corpora with
    # and without the cache and compares every byte.

    def _article_head(self, art_id: str) -> str:
        """An article as a citation shows it: every field but the text."""
        key = ("article", art_id)
        head = self._heads.get(key)
        if head is None:
            art = self.arts[art_id]
            head = repr([getattr(art, f.name) for f in fields(art) if f.name not in ("text", "paragraphs")])
            self._heads[key] = head
        return head

    def _entity_head(self, ent_id: str) -> str:
        """An entity as a link, a related entity or a graph node shows it: every field but its mentions."""
        key = ("entity", ent_id)
        head = self._heads.get(key)
        if head is None:
            e = self.by_id[ent_id]
            head = repr(
                [getattr(e, f.name) for f in fields(e) if f.name != "mentions"]
                + [len(e.mentions), len(e.articles), ent_id in self.paged]
            )
            self._heads[key] = head
        return head

    def _article_data(self, art_id: str) -> str:
        """Everything of an article that a page citing it or its own page can show, hashed once.

        Pages citing a sentence hash its article's digest: an edit re-renders every
        page citing the article (tens), and hashing sentence by sentence cost more
        than that saves.
        """
        digest = self._article_digests.get(art_id)
        if digest is None:
            art = self.arts[art_id]
            ex = self.extractions.get(art_id)
            sentences = ex.sentences if ex else ()
            resolved = [m for sent in sentences for m in self.mentions_in.get((art_id, sent.index), [])]
            speakers = [q.speaker for q in self.quotes_in.get(art_id, [])]
            parts: list[object] = [
                self._article_head(art_id),
                hashlib.blake2b(art.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest(),
                art.paragraphs,
                sentences,
                ex.mentions if ex else (),
                [self.link.get(m.key) for m in ex.mentions] if ex else [],
                resolved,
                [self.link.get(m.key) for m in resolved],
                [(sent.index, self.quotes_at.get((art_id, sent.index))) for sent in sentences],
                self.quotes_in.get(art_id, []),
                [self._entity_head(sp) if sp else None for sp in speakers],
            ]
            digest = _digest(parts)
            self._article_digests[art_id] = digest
        return digest

    def _entity_digest(self, e: Entity, base: str) -> str:
        views = self.views(e)
        parts: list[object] = [base, "entity", e, e.id in self.paged]
        parts.append([self._article_data(a) for a in e.articles if a in self.arts])
        for other_id, where, shared_articles in views.related:
            evidence = where[: self.s.evidence_limit]
            data = [self._article_data(a) for a, _ in evidence]
            parts.append((self._entity_head(other_id), len(where), shared_articles, evidence, data))
        for q in self.quotes_by_speaker.get(e.id, []):
            parts += [q, self._article_head(q.article)]
        parts += [views.places, views.neighbourhood, views.timeline]
        return _digest(parts)

    def _article_digest(self, art: Article, base: str) -> str:
        return _digest([base, "article", self._article_data(art.id)])


def _count(extractions: Mapping[str, Extraction], art_id: str, link: Mapping[tuple[str, int, int], object]) -> int:
    ex = extractions.get(art_id)
    return sum(1 for m in ex.mentions if m.key in link) if ex else 0


def _identifier_link(scheme: str, value: str) -> tuple[str, str, str]:
    if scheme == "wikidata":
        return ("Wikidata", value, f"https://www.wikidata.org/wiki/{quote(value)}")
    if scheme == "geonames":
        return ("GeoNames", value, f"https://www.geonames.org/{quote(value)}")
    return ("Website", value, value)


def yaml_str(value: object) -> Markup:
    """A YAML double-quoted scalar (JSON strings are valid YAML); ASCII-only, so nothing can break out."""
    return Markup(json.dumps(str(value), ensure_ascii=True))


def export_json(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    resolution: Resolution,
    settings: RenderSettings,
    quotes: Sequence[Quote] = (),
) -> str:
    """``dossier.json``: the schema documented in README ("Export"); fields are only ever added."""
    sentence_text: dict[tuple[str, int], str] = {}
    arts = {a.id: a for a in articles}
    for art_id, ex in extractions.items():
        for sent in ex.sentences:
            sentence_text[(art_id, sent.index)] = arts[art_id].text[sent.start : sent.end]
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    data = {
        "version": EXPORT_VERSION,
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "language": a.language,
                "date": a.date,
                "url": a.url,
                "outlet": a.outlet,
                "page": base + page_url(article_src(a.id), settings.use_directory_urls),
            }
            for a in sorted(articles, key=lambda a: a.id)
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": [a.name for a in e.aliases],
                "curated": e.curated,
                "description": e.description,
                "identifiers": dict(e.identifiers),
                "coordinates": list(e.coordinates) if e.coordinates else None,
                "url": (base + page_url(entity_src(e.id, e.type), settings.use_directory_urls))
                if len(e.mentions) >= settings.min_mentions
                else None,
                "mentions": [
                    {
                        "article": m.article,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "sentence": sentence_text.get((m.article, m.sentence), ""),
                        "sentence_index": m.sentence,
                        "source": m.source,
                    }
                    for m in e.mentions
                ],
            }
            for e in resolution.entities
        ],
        "quotes": [
            {
                "article": q.article,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "sentence_index": q.sentence,
                "cue": q.cue,
            }
            for q in sorted(quotes, key=lambda q: (q.article, q.start))
        ],
        "redirects": dict(sorted(resolution.redirects.items())),
    }
    return _json_records(data)


def _json_records(data: Mapping[str, object]) -> str:
    """JSON with one top-level field or list item per line.

    Readable and diff-friendly like an indented dump, but every record goes
    through the C encoder: ``indent=`` falls back to the pure-Python one, which
    took ~3 s for a 3,000-article export.
    """

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join("  " + dump(item) for item in value)
            fields.append(f" {dump(key)}: [\n{body}\n ]")
        else:
            fields.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"
