"""The output folder: a build never deletes the project, an input, or a folder it did not make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import DossierError
from generator.outputdir import MARKER, check_output_folder


@pytest.fixture
def project(tmp_path: Path, root: Path) -> Path:
    """A copy of the demo project (articles, curation, pages, templates, overrides) with a .git folder."""
    proj = tmp_path / "proj"
    for name in ("content", "templates", "site_overrides"):
        shutil.copytree(root / name, proj / name)
    shutil.copy2(root / "mkdocs.yml", proj / "mkdocs.yml")
    (proj / ".git").mkdir()
    (proj / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return proj


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("output", "said"),
    [
        (".", "holds the project"),
        ("..", "holds the project"),
        ("content", "contains the docs_dir"),
        ("content/articles", "is the corpus"),
        ("content/curation", "is the curation"),
        ("content/articles/out", "lies inside the corpus"),
        ("content/pages", "is the docs_dir"),
        ("templates", "is the templates"),
        ("site_overrides/x", "lies inside the theme custom_dir"),
        (".cache/dossier", "is the cache_dir"),
        (".cache", "contains the cache_dir"),
    ],
)
def test_build_refuses_an_output_folder_that_holds_or_lies_in_an_input(
    project: Path, output: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(project)
    code = main(["build", "-f", str(project / "mkdocs.yml"), "-o", str(project / output)])
    err = capsys.readouterr().err
    assert code == 2
    assert said in err and "refusing to build here" in err
    assert _files(project) == before


def test_build_refuses_to_replace_a_folder_it_did_not_make(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = project.parent / "notes"
    notes.mkdir()
    (notes / "thesis.txt").write_text("years of work", encoding="utf-8")
    code = main(["build", "-f", str(project / "mkdocs.yml"), "-o", str(notes)])
    err = capsys.readouterr().err
    assert code == 2
    assert MARKER in err and "thesis.txt" in err and "1 entries" in err
    assert (notes / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_a_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(DossierError, match="a file or symbolic link"):
        check_output_folder(target, tmp_path / "proj", [])


def test_empty_new_or_marked_folders_are_accepted(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    inputs = [("corpus", project / "content" / "articles")]
    check_output_folder(project / "site", project, inputs)  # does not exist yet
    (project / "site").mkdir(parents=True)
    check_output_folder(project / "site", project, inputs)  # empty
    (project / "site" / "index.html").write_text("old", encoding="utf-8")
    (project / "site" / MARKER).write_text("", encoding="utf-8")
    check_output_folder(project / "site", project, inputs)  # a site dossier built


def test_a_symlinked_output_into_an_input_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    corpus = project / "content" / "articles"
    corpus.mkdir(parents=True)
    (project / "site").symlink_to(corpus)
    with pytest.raises(DossierError, match="is the corpus"):
        check_output_folder(project / "site", project, [("corpus", corpus)])


def test_mkdocs_build_into_an_input_is_refused_by_the_plugin(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    before = _files(project)
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "content" / "curation"))
    with pytest.raises(Abort):
        build(cfg)
    assert "the output folder is the curation" in caplog.text
    assert _files(project) == before


def test_the_swap_is_one_step_and_a_kill_between_renames_is_undone(tmp_path: Path, monkeypatch) -> None:
    import threading

    from generator import outputdir

    target = tmp_path / "site"
    target.mkdir()
    (target / "a").write_text("old", encoding="utf-8")
    new = tmp_path / ".site.new-1"
    new.mkdir()
    (new / "a").write_text("new", encoding="utf-8")
    seen: list[bool] = []
    real = outputdir._exchange

    def watched(a: Path, b: Path) -> bool:
        ok = real(a, b)
        seen.append(ok)
        assert (target / "a").exists(), "the target holds a whole site at every moment"
        return ok

    monkeypatch.setattr(outputdir, "_exchange", watched)
    outputdir.swap_into_place(new, target)
    assert seen == [True], "renameat2 exchanges the folders on Linux"
    assert (target / "a").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    # Where two renames are used, a build killed between them left the old site aside: it comes back.
    target.rename(tmp_path / ".site.old-4242")
    (tmp_path / ".site.new-99").mkdir()
    outputdir.recover(target)
    assert (target / "a").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    # A second build into the same folder waits for the first one's lock.
    said: list[str] = []
    order: list[str] = []
    with outputdir.locked(target, said.append):

        def second_build() -> None:
            with outputdir.locked(target, said.append):
                order.append("second")

        worker = threading.Thread(target=second_build)
        worker.start()
        worker.join(timeout=1)
        assert worker.is_alive() and said == [f"another build is writing {target}; waiting for it to finish"]
        order.append("first")
    worker.join(timeout=5)
    assert order == ["first", "second"]


def test_staged_swaps_on_success_and_leaves_the_old_folder_on_error(tmp_path: Path) -> None:
    from generator import outputdir

    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    with pytest.raises(RuntimeError), outputdir.staged(target) as staging:
        (staging / "new.html").write_text("new")
        raise RuntimeError("build failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"] and (target / "old.html").exists()
    with outputdir.staged(target) as staging:
        (staging / "new.html").write_text("new")
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
