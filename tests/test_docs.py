"""Every plugin option, front matter field, curation field and export field is documented in README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.corpus.ingest import ArticleMeta
from generator.curation import CuratedEntity, CurationFile, Exclusion, Identifiers
from generator.plugin.config import DossierConfig, _LayersConfig, _SourceConfig

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


#: The first cell of every table row: options, fields and modules are documented in tables.
ROW_HEADS = [line.split("|")[1] for line in README.splitlines() if line.startswith("| ") and line.count("|") >= 3]


def documented(name: str) -> bool:
    """``name`` heads a row of one of README's tables (a mention in running text does not count)."""
    return any(f"`{name}`" in head for head in ROW_HEADS)


def test_documented_can_fail() -> None:
    assert documented("corpus") and documented("id")
    assert not documented("no_such_option")
    assert not documented("dossier review")  # in the text, in backticks, but no table row


@pytest.mark.parametrize("option", [name for name, _ in DossierConfig._schema])
def test_plugin_options_are_documented(option: str) -> None:
    assert documented(option), f"plugin option {option!r} is missing from README.md"


@pytest.mark.parametrize(
    "option", [name for name, _ in _LayersConfig._schema] + [name for name, _ in _SourceConfig._schema]
)
def test_layer_options_are_documented(option: str) -> None:
    assert documented(option)


@pytest.mark.parametrize(
    "field",
    sorted(
        set(ArticleMeta.model_fields)
        | set(CuratedEntity.model_fields)
        | set(CurationFile.model_fields)
        | set(Exclusion.model_fields)
        | set(Identifiers.model_fields)
    ),
)
def test_schema_fields_are_documented(field: str) -> None:
    assert documented(field), f"field {field!r} is missing from README.md"


def test_plugin_options_have_docstrings() -> None:
    source = (Path(__file__).resolve().parent.parent / "generator" / "plugin" / "config.py").read_text(encoding="utf-8")
    for name, _ in DossierConfig._schema:
        after = source.split(f"\n    {name} = ", 1)[1]
        assert after.split("\n", 2)[1].strip().startswith('"""'), f"option {name!r} has no docstring"


PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_in_the_readme_table(module: str) -> None:
    assert documented(f"generator/{module}"), f"generator/{module} is missing from README's module table"


_IMPORT = re.compile(r"^from (generator(?:\.\w+)*) import ([\w, ]+)$", re.MULTILINE)


def test_the_readmes_python_examples_import_what_exists() -> None:
    """Every ``from generator... import ...`` in the README's code names a module and names that exist."""
    import importlib

    found = _IMPORT.findall(README)
    assert found, "the README shows how to use the package from Python"
    for module, names in found:
        loaded = importlib.import_module(module)
        missing = [n.strip() for n in names.split(",") if not hasattr(loaded, n.strip())]
        assert not missing, f"README: {module} has no {missing}"
