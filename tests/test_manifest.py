"""The site manifest (generator/site/manifest.py): a build whose inputs did not change takes the last
build's site, and that site is byte for byte the one the whole pipeline makes; any change makes it again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from generator.curation import load_curation
from generator.extraction.nlp import NlpSettings
from generator.pipeline import ProcessCache, Settings, run, run_site
from generator.site import manifest

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "a.md": ("de", "Wladimir Putin traf Kim Jong Un in Wladiwostok. Die UN schwiegen."),
    "b.md": ("de", "Kim Jong Un reiste nach Moskau. Putin empfing ihn."),
    "c.md": ("en", "Vladimir Putin met Kim Jong Un in Vladivostok. The UN said nothing."),
}


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Blank pipelines whose entity ruler stands in for a statistical model."""
    out = {}
    for lang in ("de", "en"):
        nlp = spacy.blank(lang)
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns(
            [{"label": "PER", "pattern": name} for name in ("Wladimir Putin", "Vladimir Putin", "Putin", "Kim Jong Un")]
            + [{"label": "LOC", "pattern": name} for name in ("Wladiwostok", "Vladivostok", "Moskau")]
            + [{"label": "ORG", "pattern": "UN"}]
        )
        path = tmp_path_factory.mktemp("pipelines") / lang
        nlp.to_disk(path)
        out[lang] = str(path)
    return out


@pytest.fixture
def project(tmp_path: Path, pipelines: dict[str, str]) -> Settings:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for name, (lang, text) in ARTICLES.items():
        (corpus / name).write_text(f"---\ntitle: {name}\nlanguage: {lang}\n---\n{text}\n", encoding="utf-8")
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / "entities.yml").write_text(
        "entities:\n  - id: kim-jong-un\n    name: Kim Jong Un\n    type: person\n"
        "  - id: nobody\n    name: Nobody Named Here\n    type: person\n",  # unused: a warning each build
        encoding="utf-8",
    )
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    return Settings(
        corpus=corpus,
        curation=curation,
        templates=templates,
        cache_dir=tmp_path / "cache",
        nlp=NlpSettings(pipelines=pipelines),
    )


@pytest.fixture(scope="module")
def shared(common_nouns) -> ProcessCache:  # type: ignore[no-untyped-def]
    """The gazetteer, lexicons and name dictionary, loaded once for the module (seconds each)."""
    from generator.extraction import gazetteer
    from generator.lexicon import PersonNameParts

    return ProcessCache(gazetteer=gazetteer.load(None), nouns=common_nouns, person_names=PersonNameParts(None))


def fresh(shared: ProcessCache) -> ProcessCache:
    """A new process cache (no loaded pipelines) that shares the module's dictionaries."""
    return ProcessCache(gazetteer=shared.gazetteer, nouns=shared.nouns, person_names=shared.person_names)


def _site(build) -> tuple[list[tuple[str, str, str]], dict[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.path, p.digest, p.content) for p in build.site.pages], dict(build.site.static)


def test_an_unchanged_build_takes_the_last_site_and_it_equals_the_pipelines(
    project: Settings, shared: ProcessCache
) -> None:
    process = fresh(shared)
    first = run_site(project, process=process)
    assert not first.from_manifest
    again = run_site(project, process=process)
    assert again.from_manifest
    assert _site(again) == _site(first)
    assert (again.articles, again.entities) == (first.articles, first.entities)
    # The problems the stages after ingest reported are reported again.
    assert [str(p) for p in again.report.problems] == [str(p) for p in first.report.problems]
    assert any("Nobody Named Here" in str(p) or "nobody" in str(p) for p in again.report.problems)
    whole = run(project, process=fresh(shared))
    assert [(p.path, p.digest, p.content) for p in whole.site.pages] == _site(again)[0]
    assert whole.site.static == _site(again)[1]


@pytest.mark.parametrize("edit", ["article", "curation", "template", "settings"])
def test_any_change_to_what_the_site_is_made_from_makes_it_again(
    project: Settings, edit: str, shared: ProcessCache
) -> None:
    process = fresh(shared)
    run_site(project, process=process)
    if edit == "article":
        path = project.corpus / "b.md"
        path.write_text(path.read_text(encoding="utf-8") + "Putin schwieg.\n", encoding="utf-8")
    elif edit == "curation":
        assert project.curation is not None
        path = project.curation / "entities.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Kim Jong Un", "Kim Jong-un"), encoding="utf-8")
    elif edit == "template":
        page = next(project.templates.glob("*.md*"))
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    settings = Settings(**{**project.__dict__, "site_name": "Another name"}) if edit == "settings" else project
    after = run_site(settings, process=process)
    assert not after.from_manifest
    assert _site(after) == _site(run_site(settings, process=fresh(shared)))  # now from the manifest ...
    whole = run(settings, process=fresh(shared))
    assert [(p.path, p.digest, p.content) for p in whole.site.pages] == _site(after)[0]  # ... and the pipeline's


def test_a_manifest_whose_page_cache_rows_are_gone_is_not_used(project: Settings, shared: ProcessCache) -> None:
    first = run_site(project, process=fresh(shared))
    assert project.cache_dir is not None
    for path in project.cache_dir.glob("pages.sqlite*"):
        path.unlink()
    again = run_site(project, process=fresh(shared))
    assert not again.from_manifest
    assert _site(again) == _site(first)


def test_a_tampered_manifest_is_not_used(project: Settings, shared: ProcessCache) -> None:
    run_site(project, process=fresh(shared))
    assert project.cache_dir is not None
    path = project.cache_dir / manifest.MANIFEST_FILE
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    assert not run_site(project, process=fresh(shared)).from_manifest


def test_without_a_cache_folder_there_is_no_manifest(project: Settings, shared: ProcessCache) -> None:
    settings = Settings(**{**project.__dict__, "cache_dir": None})
    assert not run_site(settings, process=fresh(shared)).from_manifest
    assert not run_site(settings, process=fresh(shared)).from_manifest
    assert load_curation(project.curation).entities  # the project itself is untouched
