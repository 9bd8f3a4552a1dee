"""The Markdown export (generator/site/mdexport.py) without a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import DossierError
from generator.site import mdexport


def test_project_config_drops_only_the_dossier_plugin() -> None:
    raw = {
        "site_name": "x",
        "docs_dir": "content/pages",
        "theme": {"name": "material", "custom_dir": "site_overrides"},
        "plugins": ["search", {"dossier": {"corpus": "content/articles"}}, {"offline": {"enabled": False}}],
    }
    out = mdexport.project_config(raw, has_overrides=True)
    assert out["plugins"] == ["search", {"offline": {"enabled": False}}]
    assert (out["docs_dir"], out["theme"]["custom_dir"]) == ("docs", "overrides")
    assert raw["plugins"][1] == {"dossier": {"corpus": "content/articles"}}  # the input is not changed
    as_mapping = mdexport.project_config(
        {"plugins": {"search": {}, "dossier": {}}, "theme": {"name": "x"}}, has_overrides=False
    )
    assert as_mapping["plugins"] == {"search": {}}
    assert "custom_dir" not in as_mapping["theme"]


def test_a_hand_written_page_wins_and_files_come_in_order(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "index.md").write_text("# Mine\n", encoding="utf-8")
    got = list(mdexport.files({"people/index.md": "# Generated\n", "a.md": "A"}, {"dossier.json": "{}"}, tmp_path))
    assert got == [("a.md", "A"), ("dossier.json", "{}"), ("people/index.md", b"# Mine\n")]


def test_a_python_object_in_the_configuration_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DossierError) as err:
        mdexport.dump_config({"markdown_extensions": [object()]}, tmp_path / "mkdocs.yml")
    assert "mkdocs.yml" in str(err.value) and "plain values" in str(err.value)


def test_the_markdown_folder_may_not_be_the_project(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-f", str(root / "mkdocs.yml"), "--markdown", str(root)]) == 1
    assert "refusing to build here" in capsys.readouterr().err
    assert (root / "mkdocs.yml").is_file()


def test_exports_flag_names_the_unknown_format(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-f", str(root / "mkdocs.yml"), "--exports", "ftm,pdf", "-o", "/nonexistent/x"]) == 2
    err = capsys.readouterr().err
    assert "pdf" in err and "gexf" in err
