"""The MkDocs plugin: a thin adapter that dispatches MkDocs events to the pipeline.

Enable it in ``mkdocs.yml``::

    plugins:
      - search
      - dossier:
          corpus: content/articles

Its options live in :mod:`generator.plugin.config`; the work is done by
:func:`generator.pipeline.run`, which knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import outputdir
from generator.errors import DossierError
from generator.pipeline import ProcessCache, Settings, run
from generator.plugin.config import DossierConfig, check_site_dir, settings_from_config
from generator.progress import progress_bar
from generator.site import rawhtml

log = get_plugin_logger("dossier")


class DossierPlugin(BasePlugin[DossierConfig]):
    """Generates the dossier's pages into the MkDocs build. Logic lives in generator.pipeline."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.raw: dict[str, list[rawhtml.Block]] = {}  # src path -> HTML put back after Markdown
        self.process = ProcessCache()  # the gazetteer and spaCy pipelines, kept across serve rebuilds

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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.settings is None:
            return
        outputdir.mark(Path(config.site_dir))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.raw = {}
        if self.settings is None:
            return files
        try:
            with progress_bar() as progress:
                result = run(self.settings, progress=progress, process=self.process)
        except DossierError as exc:
            raise PluginError("dossier: the build cannot go on:\n" + str(exc)) from None
        for problem in result.report.problems:
            log.warning(str(problem))
        for page in result.site.pages:
            if files.get_file_from_path(page.path) is not None:
                log.info("hand-written %s replaces the generated page", page.path)
                continue
            markdown, blocks = rawhtml.split(page.content)
            if blocks:
                self.raw[page.path] = blocks
            files.append(File.generated(config, page.path, content=markdown))
        for path, content in sorted(result.site.static.items()):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        stats = result.stats
        log.info(
            "%d articles, %d entities, %d pages (extraction cache: %d hits, %d misses; %d entity and article pages"
            " rendered, %d unchanged from the page cache)",
            len(result.articles),
            len(result.resolution.entities),
            len(result.site.pages),
            stats.cache_hits,
            stats.cache_misses,
            stats.pages_rendered,
            stats.pages_reused,
        )
        # Not kept: MkDocs holds the pages from here on, and the articles, extractions
        # and resolution of a large corpus are hundreds of MB it does not need.
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self.raw.get(page.file.src_uri)
        return rawhtml.inject(html, blocks, indexed=True) if blocks else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        blocks = self.raw.pop(page.file.src_uri, None)
        return rawhtml.inject(output, blocks, indexed=False) if blocks else output

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.settings is None:
            return server
        for folder in (self.settings.corpus, self.settings.curation, self.settings.templates):
            if folder is not None and folder.exists():
                server.watch(str(folder))
        return server


__all__ = ["DossierPlugin"]
