"""Curated YAML: schema errors name file, line, field, expected and found."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.curation import load_curation, parse_curation
from generator.errors import DossierError


def load(tmp_path: Path, **files: str):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load_curation(tmp_path)


def errors(tmp_path: Path, **files: str) -> list[str]:
    with pytest.raises(DossierError) as err:
        load(tmp_path, **files)
    return [str(p) for p in err.value.problems]


def test_valid_file(tmp_path: Path) -> None:
    cur = load(
        tmp_path,
        **{
            "a.yml": """
entities:
  - id: north-korea
    name: North Korea
    type: place
    aliases: {de: [DVRK], en: [DPRK]}
    identifiers: {wikidata: Q423, geonames: 1873107}
exclude:
  - Anzeige
  - {name: Times, type: organization}
"""
        },
    )
    assert cur.owner_of("dvrk").entity == "north-korea"
    assert cur.owner_of("DPRK").language == "en"
    assert cur.is_excluded("ANZEIGE", "person")
    assert cur.is_excluded("Times", "organization") and not cur.is_excluded("Times", "person")


def test_unknown_key_with_did_you_mean_and_line(tmp_path: Path) -> None:
    msgs = errors(tmp_path, **{"a.yml": "entities:\n  - id: x\n    name: X\n    type: person\n    alias: [Y]\n"})
    assert any("a.yml:5" in m and "did you mean 'aliases'" in m for m in msgs), msgs


def test_wrong_type_names_expected_and_found(tmp_path: Path) -> None:
    msgs = errors(tmp_path, **{"a.yml": "entities:\n  - id: x\n    name: X\n    type: human\n"})
    assert any("a.yml:4" in m and "'human'" in m and "person" in m for m in msgs), msgs


def test_bad_id_and_identifier(tmp_path: Path) -> None:
    msgs = errors(
        tmp_path,
        **{
            "a.yml": "entities:\n  - id: Not Valid\n    name: X\n    type: person\n    identifiers:\n      wikidata: 423\n"
        },
    )
    assert any("a.yml:2" in m and "entities[0].id" in m for m in msgs), msgs
    assert any("a.yml:6" in m and "wikidata" in m for m in msgs), msgs


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    msgs = errors(tmp_path, **{"a.yml": "entities:\n  - id: x\n    name: [unclosed\n"})
    assert any(m.startswith("") and "a.yml:" in m and "not valid YAML" in m for m in msgs), msgs


def test_duplicate_key(tmp_path: Path) -> None:
    msgs = errors(tmp_path, **{"a.yml": "entities:\n  - id: x\n    name: X\n    name: Y\n    type: person\n"})
    assert any("a.yml:4" in m and "duplicate key" in m for m in msgs), msgs


def test_duplicate_entity_ids_across_files(tmp_path: Path) -> None:
    one = "entities:\n  - id: x\n    name: X\n    type: person\n"
    two = "entities:\n  - id: x\n    name: Other\n    type: person\n"
    msgs = errors(tmp_path, **{"a.yml": one, "b.yml": two})
    assert any("b.yml:2" in m and "duplicate entity id" in m and "a.yml:2" in m for m in msgs), msgs


def test_alias_claimed_twice(tmp_path: Path) -> None:
    text = (
        "entities:\n  - id: a\n    name: A\n    type: person\n    aliases: [Shared]\n"
        "  - id: b\n    name: B\n    type: person\n    aliases: [shared]\n"
    )
    msgs = errors(tmp_path, **{"a.yml": text})
    assert any("a.yml:9" in m and "claimed by two entities" in m and "'a'" in m for m in msgs), msgs


def test_same_as_a_curated_entity_is_an_error(tmp_path: Path) -> None:
    text = (
        "entities:\n  - id: a\n    name: A\n    type: person\n    same_as: [b]\n"
        "  - id: b\n    name: B\n    type: person\n"
    )
    msgs = errors(tmp_path, **{"a.yml": text})
    assert any("same_as" in m and "'b'" in m for m in msgs), msgs


def test_not_a_mapping() -> None:
    with pytest.raises(DossierError, match="mapping"):
        parse_curation("- just\n- a list\n", "x.yml")


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    msgs = errors(tmp_path, **{"a.yml": "entities: !!python/object/apply:os.system ['echo pwned']\n"})
    assert any("not valid YAML" in m or "a.yml" in m for m in msgs), msgs


def test_missing_folder_means_no_curation(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "nope").entities == {}
