"""The extraction cache: keyed by article, pipeline and only the curated names that can match it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator.curation import load_curation
from generator.extraction import nlp
from generator.extraction.nlp import Extractor, NlpSettings
from generator.model import Article, Extraction, Mention, Paragraph, Sentence
from generator.pipeline import ExtractionCache


def article(id_: str, text: str) -> Article:
    return Article(
        id=id_, source=f"{id_}.txt", title=id_, text=text, language="de", paragraphs=(Paragraph(0, 0, len(text)),)
    )


def curation(tmp_path: Path, alias: str):
    folder = tmp_path / alias.replace(" ", "_")
    folder.mkdir(parents=True)
    (folder / "c.yml").write_text(
        f"entities:\n  - id: kremlin\n    name: Kremlin\n    type: organization\n    aliases: [{alias}]\n",
        encoding="utf-8",
    )
    return load_curation(folder)


def test_editing_an_alias_invalidates_only_articles_that_contain_it(tmp_path: Path) -> None:
    a = article("a", "Der Kreml schwieg am Montag.")
    b = article("b", "Putin traf Kim in Wostotschny.")
    before = Extractor(NlpSettings(), curation(tmp_path, "Kreml"))
    after = Extractor(NlpSettings(), curation(tmp_path, "Präsidialamt"))
    assert before.curation_key(a) != after.curation_key(a)  # "Kreml" is in a
    assert before.curation_key(b) == after.curation_key(b) == ""  # neither name is in b
    assert before.fingerprint("de") == after.fingerprint("de")


def test_cache_round_trip_and_rejects_tampering(tmp_path: Path) -> None:
    art = article("a", "Der Kreml schwieg.")
    ex = Extraction(
        "a", (Sentence(0, 0, 0, 18),), (Mention("a", 4, 9, "Kreml", "organization", 0, "curated", "curated:kremlin"),)
    )
    cache = ExtractionCache(tmp_path)
    key = ExtractionCache.key(art, "fp")
    assert cache.get(key, art) is None
    cache.put(key, ex)
    assert cache.get(key, art) == ex
    path = next(tmp_path.rglob("*.json"))
    path.write_text(path.read_text(encoding="utf-8").replace("Kreml", "Krem!"), encoding="utf-8")
    assert cache.get(key, art) is None and cache.rejected == 1
    # A different article text is a different key: never a stale hit.
    assert ExtractionCache.key(article("a", "Anders."), "fp") != key


def test_extraction_reports_progress_for_every_article(tmp_path: Path) -> None:
    from generator.errors import Report
    from generator.pipeline import extract_all
    from generator.progress import progress_bar

    extractor = Extractor(NlpSettings(), curation(tmp_path, "Kreml"))
    cache = ExtractionCache(tmp_path / "cache")
    arts = [article("a", "Der Kreml schwieg."), article("b", "Putin schwieg.")]
    for art in arts:  # cached, so no model is loaded
        key = ExtractionCache.key(art, extractor.fingerprint("de") + extractor.curation_key(art))
        cache.put(key, Extraction(art.id, (Sentence(0, 0, 0, len(art.text)),), ()))
    other = Article(id="c", source="c.txt", title="c", text="Texte.", language="xx", paragraphs=(Paragraph(0, 0, 6),))
    ticks: list[int] = []
    result = extract_all([*arts, other], extractor, cache, Report(), ticks.append)
    assert sorted(result) == ["a", "b", "c"] and sum(ticks) == 3 and cache.hits == 2
    with progress_bar(enabled=False) as factory:
        assert factory is None, "no bar when stderr is not a terminal (CI logs)"
    threads = threading.active_count()
    with progress_bar(enabled=True) as factory:
        assert factory is not None
        factory("Extracting entities", 1)(1)
        assert threading.active_count() == threads, "a refresh thread would keep the renderer from forking"


def test_remembered_curation_hits_equal_a_fresh_computation(tmp_path: Path) -> None:
    arts = [
        article("a", "Der Kreml schwieg am Montag."),
        article("b", "Im Präsidialamt in Moskau schwieg man."),
        article("c", "Putin traf Kim in Wostotschny."),
    ]
    before = Extractor(NlpSettings(), curation(tmp_path, "Kreml"))
    keys_before = [before.curation_key(a) for a in arts]
    for alias in ("Präsidialamt", "Kreml", "Wostotschny"):
        fresh = Extractor(NlpSettings(), curation(tmp_path / "fresh", alias))
        remembering = Extractor(NlpSettings(), curation(tmp_path / "remembering", alias))
        remembering.remember(dict(before.folded), dict(before.hits), before.entries)
        assert [remembering.curation_key(a) for a in arts] == [fresh.curation_key(a) for a in arts]
    assert keys_before[0] and not keys_before[1] and not keys_before[2]


def test_extraction_pack_serves_the_last_build_and_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    art = article("a", "Der Kreml schwieg.")
    ex = Extraction("a", (Sentence(0, 0, 0, 18),), (Mention("a", 4, 9, "Kreml", "organization", 0),))
    extractor = Extractor(NlpSettings(), curation(tmp_path, "Kreml"))
    key = ExtractionCache.key(art, extractor.fingerprint("de") + extractor.curation_key(art))
    first = ExtractionCache(tmp_path / "cache")
    first.load_pack(extractor)
    first.put(key, ex)
    first.save_pack(extractor, [art])
    pack = tmp_path / "cache" / "extract" / "pack.pickle"
    assert pack.is_file()
    for path in (tmp_path / "cache" / "extract").rglob("*.json"):
        path.unlink()  # only the pack can answer now
    again = Extractor(NlpSettings(), curation(tmp_path / "again", "Kreml"))
    second = ExtractionCache(tmp_path / "cache")
    second.load_pack(again)
    with monkeypatch.context() as patch:
        patch.setattr(nlp, "fold_text", lambda text: pytest.fail("an article folded again"))
        assert again.curation_key(art) == extractor.curation_key(art)
    assert second.get(key, art) == ex
    data = bytearray(pack.read_bytes())
    data[-5] ^= 0xFF
    pack.write_bytes(bytes(data))
    third = ExtractionCache(tmp_path / "cache")
    third.load_pack(Extractor(NlpSettings(), curation(tmp_path / "third", "Kreml")))
    assert third.get(key, art) is None, "a damaged pack is never unpickled"


def test_the_extraction_cache_key_covers_every_module_extraction_reads() -> None:
    """A word list edited in generator/lexicon.py must never be served from a stale extraction cache."""
    import ast
    import importlib.util

    from generator.extraction import nlp

    keyed = set(nlp._EXTRACTION_MODULES)
    keyed_apart = {"generator.store", "generator.errors", "generator.curation"}  # no output, or its own digest
    for module in sorted(keyed):
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("generator"):
                for a in n.names:  # "from generator.extraction import embed" reads the module embed
                    sub = f"{n.module}.{a.name}"
                    imported.add(
                        sub
                        if importlib.util.find_spec(n.module).submodule_search_locations
                        and importlib.util.find_spec(sub)
                        else n.module
                    )
        for name in sorted(imported):
            if name.startswith("generator.") and not name.endswith("__init__"):
                origin = importlib.util.find_spec(name).origin or ""
                if origin.endswith("__init__.py"):
                    continue  # a package: its modules are what count
                assert name in keyed | keyed_apart, f"{module} reads {name}, which the extraction cache key omits"


def test_the_propagation_memo_is_keyed_by_the_noun_lexicons_it_reads(tmp_path: Path) -> None:
    """Propagation reads the noun lexicons (a person noun after an acronym: "ÖGB-Sekretär"): its memo must
    not serve a build with other lexicons, or without them, what a build with these found."""
    from generator.lexicon import load_common_nouns
    from generator.pipeline import propagation_tag

    nouns = load_common_nouns(tmp_path)
    assert nouns.tag and load_common_nouns(tmp_path).tag == nouns.tag  # the cached copy carries it too
    tags = {propagation_tag("names", nouns.tag), propagation_tag("names", None), propagation_tag("names", "other")}
    assert len(tags) == 3
    assert propagation_tag("names", nouns.tag) == propagation_tag("names", nouns.tag)
