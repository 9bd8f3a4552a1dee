"""The ``dossier`` command.

``dossier build``
    Build the site with MkDocs into a fresh folder and swap it into place only
    when the build succeeded, so a failed or interrupted build never destroys
    the previous site.
``dossier review``
    List merge candidates and suspicious entities for contributors; with
    ``--write`` also propose curation YAML.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from generator import outputdir
from generator.errors import DossierError


def _load_config(config_file: Path, overrides: dict[str, object], plugin_overrides: dict[str, object]):  # type: ignore[no-untyped-def]
    from mkdocs.config import load_config

    cfg = load_config(str(config_file), **overrides)  # type: ignore[arg-type]
    plugin = cfg.plugins.get("dossier")
    if plugin is None:
        raise SystemExit(f"{config_file}: the 'dossier' plugin is not enabled under 'plugins:'")
    for key, value in plugin_overrides.items():
        plugin.config[key] = value  # read by the plugin's on_config when the build starts
    return cfg


def _check_target(cfg, target: Path) -> None:  # type: ignore[no-untyped-def]
    """The output folder must keep clear of every input, and be ours to replace (generator/outputdir.py)."""
    from generator.plugin import check_site_dir, settings_from_config

    check_site_dir(settings_from_config(cfg.plugins["dossier"].config, cfg), cfg, target)


def source_date_epoch(root: Path) -> str:
    """A fixed build time for reproducible output (sitemap dates): the last commit's, else 0."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        return out if out.isdigit() else "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


def cmd_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    config_file = Path(args.config).resolve()
    if not config_file.is_file():
        print(f"error: {args.config}: no such configuration file", file=sys.stderr)
        return 2
    plugin_overrides: dict[str, object] = {}
    if args.corpus:
        plugin_overrides["corpus"] = str(Path(args.corpus).resolve())
    if args.workers:
        plugin_overrides["workers"] = args.workers
    if args.exports is not None:
        from generator.site.interop import FORMATS

        chosen = [f.strip() for f in args.exports.split(",") if f.strip()]
        unknown = [f for f in chosen if f not in FORMATS]
        if unknown:
            print(
                f"error: --exports: unknown format(s) {', '.join(unknown)}; expected some of {', '.join(FORMATS)}",
                file=sys.stderr,
            )
            return 2
        plugin_overrides["exports"] = chosen
    if args.no_cache:
        plugin_overrides["cache"] = False
    if args.no_reuse:
        plugin_overrides["reuse_pages"] = False
    if args.cache_dir:
        plugin_overrides["cache_dir"] = str(Path(args.cache_dir).resolve())
    if args.extractions:
        plugin_overrides["extractions"] = [str(Path(p).resolve()) for p in args.extractions]
    overrides: dict[str, object] = {"strict": args.strict}
    if args.offline:
        # Links to files, not folders (file:// shows a folder as a listing), and Material's
        # offline plugin, which mkdocs.yml switches on through this variable, for search.
        overrides["use_directory_urls"] = False
    previous = os.environ.get("DOSSIER_OFFLINE")
    os.environ["DOSSIER_OFFLINE"] = "true" if args.offline else "false"
    try:
        cfg = _load_config(config_file, overrides, plugin_overrides)
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:  # read when the configuration loads; later builds in this process decide for themselves
        if previous is None:
            os.environ.pop("DOSSIER_OFFLINE", None)
        else:
            os.environ["DOSSIER_OFFLINE"] = previous
    if args.markdown:
        return _build_markdown(cfg, config_file, Path(args.markdown).resolve())
    target = Path(args.output).resolve() if args.output else Path(cfg.site_dir).resolve()
    try:
        _check_target(cfg, target)
    except DossierError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # Reproducible output: MkDocs dates the sitemap with SOURCE_DATE_EPOCH when it is set.
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(config_file.parent))
    try:
        with outputdir.locked(target, lambda msg: print(msg, file=sys.stderr)):
            outputdir.recover(target)
            try:
                with outputdir.staged(target) as staging:
                    cfg.site_dir = str(staging)
                    # The lifecycle `mkdocs build` gives plugins: one startup and one shutdown per command.
                    cfg.plugins.on_startup(command="build", dirty=False)
                    try:
                        build(cfg)
                    finally:
                        cfg.plugins.on_shutdown()
            except (Abort, PluginError, DossierError) as exc:
                print(f"error: build failed; the previous site in {target} is untouched\n{exc}", file=sys.stderr)
                return 1
    except OSError as exc:  # a read-only or full disk where the site goes: one clear error, the old site stays
        where = exc.filename or target
        print(f"error: {where}: {exc.strerror or exc}; the previous site in {target} is untouched", file=sys.stderr)
        return 1
    print(f"site written to {target}")
    return 0


def _build_markdown(cfg, config_file: Path, target: Path) -> int:  # type: ignore[no-untyped-def]
    """``dossier build --markdown DIR``: the dossier as a plain MkDocs project (generator/site/mdexport.py)."""
    from mkdocs.utils import yaml_load

    from generator.pipeline import run
    from generator.plugin import settings_from_config
    from generator.site import mdexport

    try:
        _check_target(cfg, target)
        settings = settings_from_config(cfg.plugins["dossier"].config, cfg)
        with outputdir.locked(target, lambda msg: print(msg, file=sys.stderr)):
            outputdir.recover(target)
            result = run(settings)
            for problem in result.report.problems:
                print(problem, file=sys.stderr)
            with config_file.open(encoding="utf-8") as fh:
                raw = yaml_load(fh)
            with outputdir.staged(target) as staging:
                count = mdexport.write(
                    staging,
                    pages={p.path: p.content for p in result.site.pages},
                    static=result.site.static,
                    docs_dir=Path(cfg.docs_dir),
                    custom_dir=Path(cfg.theme.custom_dir) if cfg.theme.custom_dir else None,
                    raw_config=raw,
                    config_file=config_file,
                )
                outputdir.mark(staging)
    except DossierError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"Markdown project written to {target} ({count} files in docs/); build it with"
        f" `mkdocs build -f {target / 'mkdocs.yml'}` or `zensical build -f {target / 'mkdocs.yml'}`"
    )
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Extraction alone, written as JSON Lines: the map step of a distributed build."""
    from generator.curation import load_curation
    from generator.errors import Report
    from generator.extraction.distributed import RecordExtractor, article_to_record, write_jsonl
    from generator.pipeline import ingest
    from generator.plugin import load_settings

    settings = load_settings(Path(args.config).resolve())
    report = Report()
    try:
        curation = load_curation(settings.curation)
        articles = ingest(settings, report, None)  # the corpus folder and the sources tables, as a build reads them
    except DossierError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(problem, file=sys.stderr)
    extract = RecordExtractor(settings.nlp, curation)
    count = write_jsonl(Path(args.output), (extract(article_to_record(a)) for a in articles))
    print(f"{count} extraction records written to {args.output}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from generator.plugin import load_settings
    from generator.resolution.review import review

    return review(load_settings(Path(args.config).resolve()), write=Path(args.write) if args.write else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description="Build a cited entity dossier from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the site (atomically replaces the output folder)")
    b.add_argument("-f", "--config", default="mkdocs.yml", help="MkDocs configuration file (default: mkdocs.yml)")
    b.add_argument("-c", "--corpus", help="corpus folder (default: the plugin's 'corpus' option)")
    b.add_argument("-o", "--output", help="output folder (default: site_dir of the configuration)")
    b.add_argument("--strict", action="store_true", help="fail on any warning (for CI)")
    b.add_argument(
        "--offline", action="store_true", help="a site to open from disk: links to .html files, search without a server"
    )
    b.add_argument(
        "-j", "--workers", type=int, help="extraction and rendering processes (default: the plugin's 'workers')"
    )
    b.add_argument(
        "--exports",
        metavar="FORMATS",
        help="comma-separated extra exports (ftm, graphml, gexf, csv; empty for none) instead of the 'exports' option",
    )
    b.add_argument(
        "--markdown",
        metavar="DIR",
        help="write the dossier as a plain MkDocs project (Markdown pages, assets, mkdocs.yml) to DIR instead of a site",
    )
    b.add_argument("--no-cache", action="store_true", help="ignore and do not write the extraction cache")
    b.add_argument("--cache-dir", help="extraction cache folder (default: the plugin's 'cache_dir')")
    b.add_argument(
        "--no-reuse",
        action="store_true",
        help="render every generated page through the theme instead of reusing unchanged finished pages",
    )
    b.add_argument("--extractions", nargs="+", metavar="FILE", help="JSON Lines extraction records made elsewhere")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", help="run extraction only and write JSON Lines records (map step)")
    e.add_argument("-f", "--config", default="mkdocs.yml")
    e.add_argument("-o", "--output", required=True, help="JSON Lines file to write")
    e.set_defaults(func=cmd_extract)

    r = sub.add_parser("review", help="list merge candidates and suspicious entities")
    r.add_argument("-f", "--config", default="mkdocs.yml")
    r.add_argument("--write", metavar="FILE", help="write proposed curation YAML to FILE (never into content/)")
    r.set_defaults(func=cmd_review)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
