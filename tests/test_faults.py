"""Faults lose nothing: a killed or failed build leaves the previous site and the cache usable."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.outputdir import MARKER, swap_into_place

from .conftest import build_command

pytestmark = pytest.mark.slow


def _build_cmd(root: Path, out: Path, cache: Path, *extra: str) -> list[str]:
    return build_command(root / "mkdocs.yml", out, cache, *extra)


def test_killed_build_keeps_previous_site_and_cache(root: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    out.mkdir()
    (out / "previous.html").write_text("the previous site", encoding="utf-8")
    (out / MARKER).write_text("", encoding="utf-8")  # a site an earlier build made
    proc = subprocess.Popen(
        _build_cmd(root, out, cache, "--no-cache"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".site.new-*")):
        time.sleep(0.05)
    time.sleep(1.0)  # well inside the build
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert (out / "previous.html").read_text(encoding="utf-8") == "the previous site"
    # The next build succeeds, cleans up what the killed one left, and replaces the site.
    subprocess.run(_build_cmd(root, out, cache), check=True, capture_output=True)
    assert not (out / "previous.html").exists()
    assert (out / "index.html").exists()
    assert [p.name for p in tmp_path.glob(".site.*")] == [".site.lock"]  # no staging or old copies left


def test_failed_build_keeps_previous_site(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the previous site", encoding="utf-8")
    (out / MARKER).write_text("", encoding="utf-8")  # a site an earlier build made
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("curation: content/curation", "curation: broken")
        .replace("docs_dir: content/pages", f"docs_dir: {root / 'content' / 'pages'}")
        .replace("custom_dir: site_overrides", f"custom_dir: {root / 'site_overrides'}")
        .replace("corpus: content/articles", f"corpus: {root / 'content' / 'articles'}")
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "bad.yml").write_text(
        "entities:\n  - id: x\n    name: X\n    type: human\n", encoding="utf-8"
    )
    (tmp_path / "templates").symlink_to(root / "templates")
    code = main(["build", "-f", str(config), "-o", str(out), "--cache-dir", str(tmp_path / "c")])
    assert code == 1
    err = capsys.readouterr().err + caplog.text
    assert "bad.yml:4" in err and "'human'" in err and "'person'" in err and "untouched" in err
    assert (out / "previous.html").exists()
    assert [p.name for p in tmp_path.glob(".site.*")] == [".site.lock"]  # no staging or old copies left


def test_swap_into_place(tmp_path: Path) -> None:
    new, target = tmp_path / "new", tmp_path / "site"
    new.mkdir()
    (new / "a").write_text("new")
    target.mkdir()
    (target / "a").write_text("old")
    swap_into_place(new, target)
    assert (target / "a").read_text() == "new" and not new.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_corrupted_cache_is_rebuilt_not_trusted(root: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache)]) == 0
    before = (out / "dossier.json").read_bytes()
    entries = sorted(cache.rglob("*.json"))
    assert entries
    entries[0].write_text("{not json", encoding="utf-8")
    data = entries[1].read_text(encoding="utf-8")
    entries[1].write_text(data.replace('"person"', '"place"', 1), encoding="utf-8")  # checksum now wrong
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache)]) == 0
    assert (out / "dossier.json").read_bytes() == before
    os.sync()


def test_a_cache_folder_that_cannot_be_written_costs_time_not_the_build(
    root: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    out = tmp_path / "site"
    code = main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(blocker / "cache")])
    assert code == 0 and (out / "index.html").exists()
    assert "cannot write the" in caplog.text
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_an_output_folder_that_cannot_be_written_is_one_clear_error(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full or read-only disk where the site goes: no traceback, the previous site stays."""
    import errno
    import tempfile

    from generator.cli import main

    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the previous site", encoding="utf-8")
    (out / MARKER).write_text("", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".site.new-x"))

    monkeypatch.setattr(tempfile, "mkdtemp", full)
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "previous site" in err and "Traceback" not in err
    assert (out / "previous.html").read_text(encoding="utf-8") == "the previous site"


@pytest.mark.slow
@pytest.mark.parametrize(
    "victim", ["gazetteer.pickle", "common-nouns.pickle", "languages.json", "propagate.pickle", "pack.pickle", ".json"]
)
def test_a_failed_cache_write_costs_only_time(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, victim: str
) -> None:
    """Fault injection at each cache file the build writes: the write fails (a full disk), the
    build still succeeds, and the next build equals a clean one byte for byte."""
    import errno

    from generator import store

    cache, out = tmp_path / "cache", tmp_path / "site"
    real_replace = store.os.replace

    def failing(src: str, dst: str | Path) -> None:
        if str(dst).endswith(victim):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", failing)
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache)]) == 0
    assert "cannot write the cache file" in caplog.text and victim in caplog.text
    assert not [p for p in cache.rglob("*") if p.name.endswith(victim) and victim != ".json"]
    monkeypatch.setattr(store.os, "replace", real_replace)
    first = (out / "dossier.json").read_bytes()
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache)]) == 0
    assert (out / "dossier.json").read_bytes() == first
    assert not list(cache.rglob(".tmp-*")), "no temporary files left behind"
