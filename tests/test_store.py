"""The one way cache files are stored: checked whole, atomic, versioned; damage is never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import store


@pytest.mark.parametrize("kind", ["json", "pickle"])
def test_records_round_trip_and_any_change_is_refused(tmp_path: Path, kind: str) -> None:
    write, read = (store.write_json, store.read_json) if kind == "json" else (store.write_pickle, store.read_pickle)
    path = tmp_path / "sub" / f"r.{kind}"
    data = {"de": "Nordkorea", "en": ["North Korea", 1]}
    assert write(path, "tag 1", data)
    assert read(path, "tag 1") == data
    assert read(path, "tag 2") is None, "another version's record"
    raw = bytearray(path.read_bytes())
    for i in range(0, len(raw), max(1, len(raw) // 7)):  # flip a bit anywhere: tag, checksum or body
        flipped = bytearray(raw)
        flipped[i] ^= 0x01
        path.write_bytes(bytes(flipped))
        assert read(path, "tag 1") is None, f"a record with byte {i} changed"
    path.write_bytes(raw[: len(raw) // 2])
    assert read(path, "tag 1") is None, "a truncated file"
    assert read(tmp_path / "missing", "tag 1") is None


def test_an_edited_json_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "languages.json"
    store.write_json(path, "dossier-languages 2", {"abc": "de"})
    record = json.loads(path.read_text(encoding="utf-8"))
    record["payload"]["abc"] = "sq"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert store.read_json(path, "dossier-languages 2") is None


def test_a_folder_that_cannot_be_written_is_reported_not_raised(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert store.atomic_write(blocker / "cache" / "r.json", b"{}") is False
    assert "cannot write the cache file" in caplog.text
    assert list(tmp_path.iterdir()) == [blocker]


def test_code_version_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mod_a.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = store.code_version("mod_a")
    assert store.code_version("mod_a") == first
    (tmp_path / "mod_a.py").write_text("X = 2\n", encoding="utf-8")
    assert store.code_version("mod_a") != first
