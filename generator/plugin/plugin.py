"""The MkDocs plugin: a thin adapter that dispatches MkDocs events to the pipeline.

Enable it in ``mkdocs.yml``::

    plugins:
      - search
      - dossier:
          corpus: content/articles

Its options live in :mod:`generator.plugin.config`; the work is done by
:func:`generator.pipeline.run_site`, which knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import outputdir
from generator.errors import DossierError
from generator.pipeline import ProcessCache, Settings, run_site
from generator.plugin.config import DossierConfig, check_site_dir, settings_from_config
from generator.plugin.themekey import nav_sources, theme_inputs
from generator.progress import progress_bar
from generator.site import rawhtml
from generator.site.render import Page as SitePage
from generator.site.reuse import FinishedPages, theme_key

log = get_plugin_logger("dossier")

#: The theme template MkDocs renders the sitemap from (before it builds the pages).
SITEMAP = "sitemap.xml"


class DossierPlugin(BasePlugin[DossierConfig]):
    """Generates the dossier's pages into the MkDocs build. Logic lives in generator.pipeline."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.raw: dict[str, list[rawhtml.Block]] = {}  # src path -> HTML put back after Markdown
        self.process = ProcessCache()  # the gazetteer and spaCy pipelines, kept across serve rebuilds
        # Finished pages (generator/site/reuse.py): Markdown digest of each generated page, the
        # pages this build puts back, the one being built, and the search records seen so far.
        self.generated: dict[str, str] = {}
        self.pages: dict[str, SitePage] = {}  # generated pages until on_nav hands their Markdown to MkDocs
        self.finished = FinishedPages(None)
        # Reused pages are withheld from MkDocs (generator/site/reuse.py): never read, converted or rendered.
        self.withheld: list[File] = []
        self.written: dict[str, str] = {}  # generated pages rendered in this build -> the file MkDocs wrote
        self.order: list[str] = []  # every documentation page, in the order MkDocs builds them
        self.page_search: dict[str, list[dict[str, object]]] = {}  # search records of each rendered page
        self.search_seen = 0

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per command (``mkdocs build``, ``mkdocs serve``, ``dossier build``): a fresh
        :class:`ProcessCache`, which this instance then keeps across the rebuilds of one ``mkdocs
        serve``. MkDocs keeps a plugin between rebuilds only when it has this method; without it,
        each rebuild made a new plugin and loaded the spaCy pipelines, the gazetteer and the
        lexicons again. A new command starts afresh: it may build another project into another
        cache folder. Per-build state is reset by the events that fill it (``on_config``,
        ``on_files``, ``on_nav``)."""
        self.process = ProcessCache()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            self.settings = None
            return config
        self.settings = settings_from_config(self.config, config)
        try:
            check_site_dir(self.settings, config, Path(config.site_dir))
        except DossierError as exc:
            raise PluginError(str(exc)) from None
        return config

    @event_priority(100)  # before the search plugin writes its index and the offline plugin rewrites pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.settings is None:
            return
        try:
            self._put_back(config)
        except DossierError as exc:
            raise PluginError(str(exc)) from None
        outputdir.mark(Path(config.site_dir))
        self.finished.finish(self.written)
        if self.generated:
            log.info(
                "%d generated pages rendered through the theme, %d finished pages reused",
                len(self.generated) - self.finished.reused,
                self.finished.reused,
            )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.raw = {}
        if self.settings is None:
            return files
        try:
            with progress_bar() as progress:
                result = run_site(self.settings, progress=progress, process=self.process)
        except DossierError as exc:
            raise PluginError("dossier: the build cannot go on:\n" + str(exc)) from None
        for problem in result.report.problems:
            log.warning(str(problem))
        self.generated, self.pages = {}, {}
        for page in result.site.pages:
            if files.get_file_from_path(page.path) is not None:
                log.info("hand-written %s replaces the generated page", page.path)
                continue
            self.generated[page.path] = page.digest
            self.pages[page.path] = page
            # Its Markdown is read and cut into Markdown and finished HTML in on_nav, once it is known
            # whether the page is reused (a reused page's Markdown is never read from the page cache).
            files.append(File.generated(config, page.path, content=""))
        for path, content in sorted(result.site.static.items()):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        stats = result.stats
        if result.from_manifest:
            log.info(
                "%d articles, %d entities, %d pages: nothing the site is made from changed since the last build",
                result.articles,
                result.entities,
                len(result.site.pages),
            )
        else:
            log.info(
                "%d articles, %d entities, %d pages (extraction cache: %d hits, %d misses; %d entity and article"
                " pages rendered, %d unchanged from the page cache)",
                result.articles,
                result.entities,
                len(result.site.pages),
                stats.cache_hits,
                stats.cache_misses,
                stats.pages_rendered,
                stats.pages_reused,
            )
        # Not kept: MkDocs holds the pages from here on, and the articles, extractions
        # and resolution of a large corpus are hundreds of MB it does not need.
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Decide which generated pages are put back finished (generator/site/reuse.py), and withhold
        them from MkDocs: excluded, they are not read, converted or rendered (the sitemap still lists
        them: see :meth:`on_env`)."""
        self.finished = FinishedPages(
            self.settings.cache_dir if self.settings is not None and self.config.reuse_pages else None
        )
        self.withheld, self.page_search, self.search_seen, self.written = [], {}, 0, {}
        self.order = [f.src_uri for f in files.documentation_pages()]
        if self.generated and self.finished.enabled and self._search_records(config) is not False:
            in_nav = nav_sources(nav)
            pages = {path: digest for path, digest in self.generated.items() if path not in in_nav}
            self.finished.plan(pages, theme_key(theme_inputs(config, nav, files)))
        try:
            self._sources(files)
        except DossierError as exc:
            raise PluginError(str(exc)) from None
        self.pages = {}
        for path in self.order:
            file = files.get_file_from_path(path)
            if path in self.finished.reusable and file is not None:
                self.withheld.append(file)
                file.inclusion = InclusionLevel.EXCLUDED
        return nav

    def _sources(self, files: Files) -> None:
        """What MkDocs reads of each generated page: nothing for a reused one (it gets its finished
        HTML back in on_post_page), Markdown with placeholders for the finished HTML of the others
        (generator/site/rawhtml.py: put back after Python-Markdown)."""
        for path in self.generated:
            file = files.get_file_from_path(path)
            if file is None:
                continue
            if path in self.finished.reusable:
                continue
            markdown, blocks = rawhtml.split(self.pages[path].content)
            if blocks:
                self.raw[path] = blocks
            file.content_string = markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self.raw.get(page.file.src_uri)
        return rawhtml.inject(html, blocks, indexed=True) if blocks else html

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The withheld pages were never read; the sitemap lists them as a full build does (MkDocs
        # renders it from the documentation pages before it builds them), so they are back in
        # until the sitemap is written (on_post_template), and out again for the page builds.
        if self.withheld and SITEMAP in config.theme.static_templates:
            for file in self.withheld:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        if template_name == SITEMAP:
            for file in self.withheld:
                file.inclusion = InclusionLevel.EXCLUDED
        return output_content

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        records = self._search_records(config)
        if isinstance(records, list):
            self.page_search[page.file.src_uri] = records[self.search_seen :]
            self.search_seen = len(records)
        return context

    def _inject(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        blocks = self.raw.pop(page.file.src_uri, None)
        return rawhtml.inject(output, blocks, indexed=False) if blocks else output

    @event_priority(-100)  # the page as every other plugin left it
    def _finish(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        path = page.file.src_uri
        if path in self.generated:
            self.finished.keep(path, self.page_search.get(path, []))
            self.written[path] = page.file.abs_dest_path  # stored from there once MkDocs wrote it
        return output

    on_post_page = CombinedEvent(_inject, _finish)

    def _put_back(self, config: MkDocsConfig) -> None:
        """Put the withheld pages' finished HTML where MkDocs would have written it, and complete the search
        index with their stored records, each page's records where a full build puts them (in page order)."""
        if not self.withheld:
            return
        stored: dict[str, list[dict[str, object]]] = {}
        for file in self.withheld:
            stored[file.src_uri] = self.finished.put_back(file.src_uri, file.abs_dest_path)
        records = self._search_records(config)
        if isinstance(records, list):
            records[:] = [r for path in self.order for r in stored.get(path, self.page_search.get(path, []))]

    @staticmethod
    def _search_records(config: MkDocsConfig) -> list[dict[str, object]] | bool | None:
        """The search index being built (Material's search plugin), None without search, False for a
        search plugin whose index cannot be completed from stored records (then nothing is reused)."""
        for name, plugin in config.plugins.items():
            if name.split("/")[-1] != "search":
                continue
            index = getattr(plugin, "search_index", None)
            entries = getattr(index, "entries", None)
            if not getattr(plugin, "config", {}).get("enabled", True):
                return None
            return entries if isinstance(entries, list) else False
        return None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.settings is None:
            return server
        for folder in (self.settings.corpus, self.settings.curation, self.settings.templates):
            if folder is not None and folder.exists():
                server.watch(str(folder))
        return server


__all__ = ["DossierPlugin"]
