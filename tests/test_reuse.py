"""Finished pages put back instead of rendered through the theme (generator/site/reuse.py):
after any kind of edit, a build that reuses pages equals a build that renders every page, byte for byte."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _article(project: Path) -> None:
    path = sorted((project / "content" / "articles").glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nWladimir Putin schwieg dazu.\n", encoding="utf-8")


def _alias(project: Path) -> None:
    # "Koreas" (a genitive the model made a place of its own) becomes an alias of North Korea.
    _edit(project / "content" / "curation" / "entities.yml", "de: [DVRK, ", "de: [Koreas, DVRK, ")


# Each edit, and whether finished pages may still be reused after it.
EDITS: dict[str, tuple[Callable[[Path], None], bool]] = {
    "article text": (_article, True),
    "curated alias": (_alias, True),
    "theme template": (
        lambda p: _edit(p / "site_overrides" / "main.html", "{% extends", "{# edited #}\n{% extends"),
        False,
    ),
    "site name": (lambda p: _edit(p / "mkdocs.yml", "site_name: ", "site_name: Edited "), False),
    "navigation": (lambda p: _edit(p / "mkdocs.yml", "  - About: about.md", "  - About the site: about.md"), False),
    "theme feature": (lambda p: _edit(p / "mkdocs.yml", "    - content.tooltips\n", ""), False),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reuse") / "project"
    folder.mkdir()
    for name in ("content", "templates", "site_overrides"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def _build(project: Path, out: Path, *extra: str) -> None:
    cache = project.parent / "cache"
    assert main(["build", "-f", str(project / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache), *extra]) == 0


def _counts(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    found = [
        (int(m.group(1)), int(m.group(2)))
        for r in caplog.records
        if (m := re.search(r"(\d+) generated pages rendered through the theme, (\d+) finished pages reused", r.message))
    ]
    assert found, "no reuse line in the log"
    return found[-1]


def test_reused_pages_equal_rendered_pages_after_every_kind_of_edit(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _build(project, tmp_path / "first")
    rendered, reused = _counts(caplog)
    assert reused == 0 and rendered > 40
    _build(project, tmp_path / "again")
    assert _counts(caplog) == (5, rendered - 5)  # only the five pages in the navigation go through the theme
    assert _tree(tmp_path / "again") == _tree(tmp_path / "first")
    for n, (name, (edit, reusable)) in enumerate(EDITS.items()):
        edit(project)
        warm, full = tmp_path / f"warm{n}", tmp_path / f"full{n}"
        _build(project, warm)
        reused_now = _counts(caplog)[1]
        _build(project, full, "--no-reuse")
        assert _counts(caplog)[1] == 0
        assert (reused_now > 0) == reusable, name
        first, second = _tree(warm), _tree(full)
        assert sorted(first) == sorted(second), name
        assert [p for p in first if first[p] != second[p]] == [], name
