"""The site from the resolved corpus: Markdown pages (Jinja2 templates), redirects, ``graph.json``, ``dossier.json``.

The parts, in the order a build uses them: ``index`` (the lookups pages share),
``units`` (each page unit's inputs), ``pages`` (units to Markdown), ``views``
(timelines, maps, networks), ``export`` (``dossier.json``), and ``incremental``
(forked workers and the page cache). The escaping rule is in ``pages``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.model import ENTITY_TYPES, Article, Extraction
from generator.resolution.quotes import Quote
from generator.resolution.resolve import Resolution
from generator.site import interop, pages
from generator.site.export import EXPORT_PATH, export_json
from generator.site.i18n import translations
from generator.site.incremental import IncrementalRenderer, Page, UnitKind, digest
from generator.site.index import SiteIndex
from generator.site.pagecache import PageCache
from generator.site.pieces import Pieces
from generator.site.settings import RenderSettings
from generator.site.urls import page_url, relative_url

__all__ = ["EXPORT_PATH", "Page", "RenderSettings", "Renderer", "Site", "page_url", "relative_url"]

PAGE_CACHE_VERSION = 2  # bump when a page's inputs change in a way the digests cannot see
PIECES_FILE = "export-pieces.pickle"  # the exports' records of the last build (generator/site/pieces.py)


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)
    static: dict[str, str] = field(default_factory=dict)  # path -> content (redirects, dossier.json)
    # static path -> (page-cache unit, its digest) of the whole-corpus exports the page cache holds
    static_sources: dict[str, tuple[str, str]] = field(default_factory=dict)
    processes: int = 1  # processes that rendered the pages
    rendered: int = 0  # entity and article units rendered in this build
    reused: int = 0  # units taken unchanged from the page cache


def environment(templates: Path, language: str) -> jinja2.Environment:
    """The Jinja2 environment of a template folder in one UI language.

    Compiling the templates is most of a small render, so callers that render
    often (``mkdocs serve``, tests) keep one per folder and language and pass it
    to ``Renderer``; Jinja reloads a template whose file changed.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["yaml_str"] = yaml_str
    env.filters["urlquote"] = lambda s: quote(str(s), safe="")
    return env


class Renderer:
    def __init__(self, templates: Path, settings: RenderSettings, env: jinja2.Environment | None = None):
        self.settings = settings
        self.env = env if env is not None else environment(templates, settings.language)
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
        corpus_key: str | None = None,
    ) -> Site:
        """Every page; with ``cache``, units whose inputs are unchanged are reused, not rendered.

        ``corpus_key`` is a digest of everything the corpus is made from (the site's input key:
        generator/site/manifest.py), which fixes the articles, extractions, resolution and quotes: with it,
        the index pages and exports are reused under that key instead of a digest of all of them (a second
        of a build at 3,000 articles)."""
        s = self.settings
        index = SiteIndex(
            articles,
            extractions,
            resolution,
            quotes,
            min_mentions=s.min_mentions,
            related_limit=s.related_limit,
            evidence_limit=s.evidence_limit,
            use_directory_urls=s.use_directory_urls,
        )
        ctx = pages.PageContext(self.env, s, site_name)
        graph = pages.graph_data(index, s.graph_nodes)

        def indexes() -> pages.Pages:
            out = [page for t in ENTITY_TYPES for page in pages.type_index(ctx, index, t)]
            return (
                out
                + pages.articles_index(ctx, index)
                + pages.graph_page(ctx, graph)
                + pages.home_page(ctx, index, EXPORT_PATH, interop.paths(s.exports))
            )

        def export() -> pages.Pages:  # travels as a page: one result type for every job
            return [
                (
                    EXPORT_PATH,
                    export_json(index.articles, extractions, resolution, s, index.quotes, index.roles, index.stories),
                )
            ]

        base = functools.cache(lambda: self.base_digest(site_name))

        def other_exports() -> pages.Pages:
            # Records kept between builds under the code, settings and the record-making libraries.
            folder = cache.path.parent if cache is not None and cache.path is not None else None
            key = digest([base(), *(version(dist) for dist in ("followthemoney", "rigour"))])
            kept = Pieces(folder / PIECES_FILE if folder is not None else None, key)
            out = sorted(interop.exports(s.exports, index, graph, s, kept).items())
            kept.save()
            return out

        renderer = IncrementalRenderer(
            {
                "entity": UnitKind(index.entity_unit, lambda unit: pages.entity_pages(ctx, unit)),
                "article": UnitKind(index.article_unit, lambda unit: pages.article_page(ctx, unit)),
            },
            {"indexes": indexes, "export": export, "exports": other_exports},
            workers=s.workers,
            cache=cache,
            base=base,
            # Everything the index pages, dossier.json and the interop exports are made from: when
            # nothing in the corpus changed, they are taken from the page cache, not made again.
            singles_inputs=(lambda: corpus_key)
            if corpus_key is not None
            else lambda: (
                list(articles),
                [(art_id, extractions[art_id]) for art_id in sorted(extractions)],
                resolution,
                list(quotes),
            ),
        )
        units = [f"entity:{e.id}" for e in index.entities if e.id in index.paged]
        units += [f"article:{a.id}" for a in index.articles]
        weight = {f"entity:{e.id}": 1 + len(e.mentions) for e in index.entities}
        weight.update((f"article:{a.id}", 1) for a in index.articles)
        done = renderer.render(units, weight)
        site = Site(processes=done.processes, rendered=done.rendered, reused=done.reused)
        for unit in units:
            site.pages.extend(done.unit_pages(unit))
        site.pages.extend(Page(path, content) for path, content in done.pages["indexes"])
        site.static.update(pages.redirects(ctx, index))
        site.static["graph.json"] = pages.graph_json(graph)
        site.static[EXPORT_PATH] = done.pages["export"][0][1]
        site.static.update(done.pages["exports"])
        for name in ("export", "exports"):
            unit_digest = done.digests.get(f"single:{name}")
            if unit_digest is not None and done.cache is not None:
                site.static_sources.update((path, (f"single:{name}", unit_digest)) for path, _ in done.pages[name])
        return site

    def base_digest(self, site_name: str) -> str:
        """What every page depends on besides its data: settings, templates, code, library versions."""
        parts: list[object] = [PAGE_CACHE_VERSION, replace(self.settings, workers=1), site_name]
        parts += [version(dist) for dist in ("jinja2", "markupsafe")]
        package = Path(__file__).resolve().parents[1]  # the whole generator package
        for root, pattern in ((self.templates, "*"), (package, "*.py"), (package / "locale", "*.mo")):
            for path in sorted(root.rglob(pattern)):
                if path.is_file():
                    parts += [path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
        return digest(parts)


def yaml_str(value: object) -> Markup:
    """A YAML double-quoted scalar (JSON strings are valid YAML); ASCII-only, so nothing can break out."""
    return Markup(json.dumps(str(value), ensure_ascii=True))
