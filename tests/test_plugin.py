"""The MkDocs plugin: option validation in MkDocs' style, strict mode, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from generator.plugin import load_settings


def config_file(tmp_path: Path, root: Path, options: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        f"site_name: T\ndocs_dir: {root / 'content' / 'pages'}\n"
        f"plugins:\n  - dossier:\n      corpus: {root / 'content' / 'articles'}\n      templates: {root / 'templates'}\n{options}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("      workers: 0\n", "Expected an integer of at least 1, but received: 0"),
        ("      min_mentions: many\n", "Expected type: <class 'int'> but received: <class 'str'>"),
        (
            "      pipelines: {german: x}\n",
            "Expected two-letter language codes (de, en, ...) as keys, but received: 'german'",
        ),
        ("      layers: {gazeteer: false}\n", "gazeteer"),
        ("      corpuss: x\n", "corpuss"),
    ],
)
def test_bad_options_are_reported_in_mkdocs_style(tmp_path: Path, root: Path, options: str, message: str) -> None:
    path = config_file(tmp_path, root, options)
    try:
        load_config(str(path))
    except (ConfigurationError, Abort) as exc:
        assert message in str(exc) or "Aborted" in str(exc)
    else:
        # Unknown keys are warnings in MkDocs; strict mode turns them into errors.
        with pytest.raises((ConfigurationError, Abort)):
            load_config(str(path), strict=True)


def test_settings_resolve_paths_relative_to_config(tmp_path: Path, root: Path) -> None:
    path = config_file(tmp_path, root, "      cache_dir: here/cache\n      workers: 2\n      layers: {filter: false}\n")
    settings = load_settings(path)
    assert settings.cache_dir == tmp_path / "here" / "cache"
    assert settings.nlp.n_process == 2
    assert settings.nlp.layers.filter is False and settings.nlp.layers.curated is True


def test_missing_pipeline_names_the_setting(tmp_path: Path, root: Path) -> None:
    from generator.errors import DossierError
    from generator.extraction.nlp import load_base

    with pytest.raises(DossierError) as err:
        load_base("de", "de_core_news_lg")
    text = str(err.value)
    assert "pipelines.de" in text and "pip install de-core-news-lg" in text and "'de_core_news_lg'" in text


@pytest.mark.slow
def test_strict_build_fails_on_warnings(tmp_path: Path, root: Path) -> None:
    from generator.cli import main

    curation = tmp_path / "cur"
    curation.mkdir()
    (curation / "c.yml").write_text("exclude: [Nirgendwo]\n", encoding="utf-8")
    path = config_file(tmp_path, root, f"      curation: {curation}\n")
    out = tmp_path / "site"
    assert main(["build", "-f", str(path), "-o", str(out), "--cache-dir", str(tmp_path / "c")]) == 0
    (out / "marker").write_text("x")
    assert main(["build", "-f", str(path), "-o", str(out), "--strict", "--cache-dir", str(tmp_path / "c")]) == 1
    assert (out / "marker").exists()


@pytest.mark.slow
def test_sources_add_articles_from_a_table(tmp_path: Path, root: Path) -> None:
    from generator.cli import main

    table = tmp_path / "wire.jsonl"
    table.write_text(
        '{"guid": "A1", "body": "Wladimir Putin traf Kim Jong Un in Wostotschny.", "headline": "Gipfel"}\n',
        encoding="utf-8",
    )
    options = (
        f"      sources:\n        - path: {table}\n          format: jsonl\n          language: de\n"
        "          columns: {id: guid, text: body, title: headline}\n"
    )
    path = config_file(tmp_path, root, options)
    out = tmp_path / "site"
    assert main(["build", "-f", str(path), "-o", str(out), "--cache-dir", str(tmp_path / "c")]) == 0
    page = (out / "articles" / "wire-a1" / "index.html").read_text(encoding="utf-8")
    assert ">Gipfel</h1>" in page and "kim-jong-un" in page


def test_serve_keeps_one_plugin_and_its_process_cache_across_rebuilds(tmp_path: Path, root: Path) -> None:
    """``mkdocs serve`` loads the configuration again for every rebuild; MkDocs keeps a plugin instance
    only when it has ``on_startup``. Without it every rebuild loaded the spaCy pipelines and lexicons anew."""
    path = config_file(tmp_path, root, "")
    plugin = load_config(str(path)).plugins["dossier"]
    plugin.on_startup(command="serve", dirty=False)
    kept = plugin.process  # type: ignore[attr-defined]
    rebuilt = load_config(str(path)).plugins["dossier"]  # what serve does before each rebuild
    assert rebuilt is plugin and rebuilt.process is kept  # type: ignore[attr-defined]
    # A new command (another `dossier build` in this process) starts with an empty cache: it may be
    # another project, with another cache folder.
    plugin.on_startup(command="build", dirty=False)
    assert plugin.process is not kept  # type: ignore[attr-defined]
