"""The plugin's configuration schema, and what the options mean for the pipeline.

Every option is documented below (and in README.md, "Configuration");
validation messages say what was expected and what arrived.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator import outputdir
from generator.corpus.ingest import DEFAULT_BOILERPLATE, TABLE_FIELDS, TableSource
from generator.extraction.nlp import DEFAULT_PIPELINES, Layers, NlpSettings
from generator.pipeline import Settings
from generator.resolution.resolve import ResolveSettings
from generator.site.interop import FORMATS as EXPORT_FORMATS
from generator.site.render import RenderSettings


class _LayersConfig(base.Config):
    curated = c.Type(bool, default=True)
    """Recognise every curated name and alias (spaCy entity_ruler)."""
    gazetteer = c.Type(bool, default=True)
    """Find and canonicalise countries and large cities in any language (GeoNames + CLDR)."""
    filter = c.Type(bool, default=True)
    """Drop or trim junk spans: lower-case words, role words, weekday tails, exclusions."""
    propagate = c.Type(bool, default=True)
    """Find confident names everywhere in the corpus and cut them out of over-long spans."""
    sheets = c.Type(bool, default=True)
    """Read the line-ups of sports reports: every player a person, the team that opens a list an organisation."""


class _Columns(c.DictOfItems):
    def run_validation(self, value: object) -> dict[str, str | int]:
        result = super().run_validation(value)
        for key in result:
            if key not in TABLE_FIELDS:
                raise c.ValidationError(f"Expected columns for {', '.join(TABLE_FIELDS)}, but received: {key!r}")
        if "text" not in result:
            raise c.ValidationError(f"Expected a column for 'text', but received: {result!r}")
        return result


class _SourceConfig(base.Config):
    path = c.Type(str)
    """CSV or JSON Lines file of articles, relative to mkdocs.yml."""
    format = c.Choice(("csv", "jsonl"), default="csv")
    """csv or jsonl."""
    columns = _Columns(c.Type((str, int)), default={"text": "text"})
    """Article field -> column name (or 0-based number for a CSV without header): text, id, title, date, url, outlet, language."""
    delimiter = c.Type(str, default=",")
    """CSV field delimiter."""
    quotechar = c.Type(str, default='"')
    """CSV quote character."""
    header = c.Type(bool, default=True)
    """Whether the CSV's first row names the columns."""
    language = c.Optional(c.Type(str))
    """Language of every row that has none (else detected)."""
    id_prefix = c.Optional(c.Type(str))
    """Prefix of the article ids (default: the file name)."""


class _PositiveInt(c.Type):
    def __init__(self, default: int, minimum: int = 1) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if value < self.minimum:  # type: ignore[operator]
            raise c.ValidationError(f"Expected an integer of at least {self.minimum}, but received: {value!r}")
        return value  # type: ignore[return-value]


class _LanguageMap(c.DictOfItems):
    def run_validation(self, value: object) -> dict[str, str]:
        result = super().run_validation(value)
        for key in result:
            if not (isinstance(key, str) and len(key) == 2 and key.isalpha() and key.islower()):
                raise c.ValidationError(
                    f"Expected two-letter language codes (de, en, ...) as keys, but received: {key!r}"
                )
        return result


class DossierConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Off: the plugin does nothing (the site is built from docs_dir alone)."""
    corpus = c.Type(str, default="content/articles")
    """Folder of articles (.txt, .md with front matter), relative to mkdocs.yml."""
    sources = c.ListOfItems(c.SubConfig(_SourceConfig), default=[])
    """Extra CSV / JSON Lines files of many articles each, with a column mapping."""
    extractions = c.ListOfItems(c.Type(str), default=[])
    """JSON Lines files of extraction records made elsewhere (see generator/extraction/distributed.py); those articles are not re-extracted."""
    curation = c.Type(str, default="content/curation")
    """Folder of curated YAML files (*.yml), relative to mkdocs.yml. Missing folder: no curation."""
    templates = c.Type(str, default="templates")
    """Folder of the Jinja2 templates of generated pages, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default=".cache/dossier")
    """Extraction and page caches, relative to mkdocs.yml. Safe to delete; CI may keep it between runs."""
    cache = c.Type(bool, default=True)
    """Use the extraction and page caches. Off: every build re-extracts every article and renders every page."""
    reuse_pages = c.Type(bool, default=True)
    """Put back the finished HTML of generated pages that did not change (nor did the theme, the configuration or the navigation) instead of rendering them through the theme again. Needs `cache`."""
    pipelines = _LanguageMap(c.Type(str), default=dict(DEFAULT_PIPELINES))
    """spaCy pipeline per language: an installed package, a folder, or `dossier:de` (shipped German model)."""
    layers = c.SubConfig(_LayersConfig)
    """Rule layers on top of the statistical model; each can be switched off."""
    gazetteer_min_population = _PositiveInt(default=1_000_000)
    """Cities at least this populous are found even when the model misses them (countries always are)."""
    role_words = c.Optional(c.ListOfItems(c.Type(str)))
    """Role words trimmed from the front of person names; default: a German and English list."""
    boilerplate = c.ListOfItems(c.Type(str), default=list(DEFAULT_BOILERPLATE))
    """Regular expressions; a paragraph that matches one is page furniture, never a statement."""
    display_language = c.Type(str, default="en")
    """Language of canonical names where the corpus or gazetteer offers a choice."""
    min_mentions = _PositiveInt(default=1)
    """Entities with fewer mentions are listed on index pages but get no page of their own."""
    index_page_size = _PositiveInt(default=500)
    """Rows per page of the people, organizations, places and articles indexes."""
    statements_page_size = _PositiveInt(default=100)
    """Statements on an entity page; more go to continuation pages (cut between articles)."""
    workers = _PositiveInt(default=1)
    """Processes for extraction (spaCy n_process) and for rendering pages (forked workers, Linux only)."""
    exports = c.ListOfItems(c.Choice(EXPORT_FORMATS), default=[])
    """Extra export files linked from the home page: `ftm` (FollowTheMoney for Aleph), `graphml` (Gephi), `csv`."""
    edit_uri = c.Optional(c.Type(str))
    """Base URL of "edit" links to curation files; default: repo_url + edit_uri of mkdocs.yml."""


def settings_from_config(plugin_config: DossierConfig, config: MkDocsConfig) -> Settings:
    root = Path(config.config_file_path or ".").resolve().parent

    def path(value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else root / p

    edit_uri = plugin_config.edit_uri
    if edit_uri is None and config.repo_url:
        # Material's edit links point into docs_dir; curation files live under the repo root.
        edit_uri = config.repo_url.rstrip("/") + "/edit/main"
    layers = plugin_config.layers
    return Settings(
        corpus=path(plugin_config.corpus),
        tables=tuple(
            TableSource(
                path=path(src.path),
                format=src.format,
                columns=tuple(sorted(src.columns.items())),
                delimiter=src.delimiter,
                quotechar=src.quotechar,
                header=src.header,
                language=src.language,
                id_prefix=src.id_prefix,
            )
            for src in plugin_config.sources
        ),
        curation=path(plugin_config.curation),
        extractions=tuple(path(p) for p in plugin_config.extractions),
        templates=path(plugin_config.templates),
        cache_dir=path(plugin_config.cache_dir) if plugin_config.cache else None,
        nlp=NlpSettings(
            pipelines=dict(plugin_config.pipelines),
            layers=Layers(
                curated=layers.curated,
                gazetteer=layers.gazetteer,
                filter=layers.filter,
                propagate=layers.propagate,
                sheets=layers.sheets,
            ),
            gazetteer_min_population=plugin_config.gazetteer_min_population,
            role_words=tuple(plugin_config.role_words) if plugin_config.role_words is not None else None,
            n_process=plugin_config.workers,
        ),
        resolve=ResolveSettings(display_language=plugin_config.display_language),
        render=RenderSettings(
            use_directory_urls=config.use_directory_urls,
            site_url=config.site_url or "",
            edit_uri=edit_uri,
            min_mentions=plugin_config.min_mentions,
            index_page_size=plugin_config.index_page_size,
            statements_page_size=plugin_config.statements_page_size,
            workers=plugin_config.workers,
            language=str(config.theme.get("language") or "en"),
            exports=tuple(plugin_config.exports),
        ),
        boilerplate=tuple(plugin_config.boilerplate),
        site_name=config.site_name,
        project_root=root,
    )


def protected_inputs(settings: Settings, config: MkDocsConfig) -> list[tuple[str, Path]]:
    """Every input folder and file a build reads, named: the output folder must keep clear of them."""
    inputs: list[tuple[str, Path]] = [
        ("docs_dir", Path(config.docs_dir)),
        ("corpus", settings.corpus),
        ("templates", settings.templates),
    ]
    if settings.curation is not None:
        inputs.append(("curation", settings.curation))
    custom_dir = config.theme.custom_dir
    if custom_dir:
        inputs.append(("theme custom_dir", Path(custom_dir)))
    if settings.cache_dir is not None:
        inputs.append(("cache_dir", settings.cache_dir))
    inputs += [("source table", table.path) for table in settings.tables]
    inputs += [("extractions file", path) for path in settings.extractions]
    return inputs


def check_site_dir(settings: Settings, config: MkDocsConfig, site_dir: Path) -> None:
    """Refuse a site folder whose replacement could delete what the user wrote (see generator/outputdir.py)."""
    project = settings.project_root or Path(config.config_file_path or ".").resolve().parent
    outputdir.check_output_folder(site_dir, project, protected_inputs(settings, config))


def load_settings(config_file: Path, **plugin_overrides: object) -> Settings:
    """The pipeline settings that ``mkdocs.yml`` gives (for the CLI, evaluation and benchmarks)."""
    from mkdocs.config import load_config

    cfg = load_config(str(config_file))
    plugin = cfg.plugins.get("dossier")
    if plugin is None:
        raise PluginError(f"{config_file}: the 'dossier' plugin is not enabled under 'plugins:'")
    for key, value in plugin_overrides.items():
        plugin.config[key] = value
    return settings_from_config(plugin.config, cfg)
