"""The page cache: a build with it is byte-identical to a build without it, whatever changed in between."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.curation import Curation, load_curation
from generator.errors import DossierError
from generator.resolution.quotes import attribute
from generator.resolution.resolve import resolve
from generator.site.pagecache import PageCache
from generator.site.render import RenderSettings, Site

from .helpers import corpus, make, renderer

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

BASE = {
    "de1": (
        "[Kreml-Sprecher|organization] schwieg. [Wladimir Putin|person] traf [Kim Jong Un|person] in"
        " [Wostotschny|place]. „Wir sind Freunde“, sagte [Putin|person].\n\n[Kim|person] lobte die Gespräche.",
        "2023-09-13",
    ),
    "en1": (
        "President [Vladimir Putin|person] met [Kim Jong Un|person] in [Russia|place]. [Putin|person] said more.",
        "2023-09-12",
    ),
    "en2": ("[Sergei Shoigu|person] visited [Pyongyang|place]. [Kim Jong Un|person] showed missiles.", "2023-07-27"),
    "de2": ("[Sergej Schoigu|person] besuchte [Pjöngjang|place] und [Russland|place].", "2023-07-28"),
}


def _build(texts: dict[str, tuple[str, ...]], cache: PageCache | None, **options: object) -> Site:
    items = [
        make(i, v[0], date=v[1], title=v[2] if len(v) > 2 else None, language="en" if i.startswith("en") else "de")
        for i, v in texts.items()
    ]
    articles, extractions = corpus(*items)
    curation = options.pop("curation", Curation())
    resolution = resolve(articles, extractions, curation, None)  # type: ignore[arg-type]
    quotes = attribute(articles, extractions, resolution.by_mention, {e.id: e for e in resolution.entities})
    site_renderer = renderer(TEMPLATES, RenderSettings(**options))  # type: ignore[arg-type]
    return site_renderer.render_site(articles, extractions, resolution, quotes=quotes, cache=cache)


def _files(site: Site) -> dict[str, str]:
    out = {p.path: p.content for p in site.pages}
    out.update(site.static)
    return out


EDITS = {
    "article text": lambda t: {**t, "de1": (t["de1"][0] + " [Wladimir Putin|person] sprach erneut.", t["de1"][1])},
    "article date": lambda t: {**t, "en2": (t["en2"][0], "2024-01-01")},
    "article title": lambda t: {**t, "en2": (t["en2"][0], t["en2"][1], "Shoigu in Pyongyang")},
    "article removed": lambda t: {k: v for k, v in t.items() if k != "de2"},
    "article added": lambda t: {**t, "en3": ("[Kim Jong Un|person] met [Sergei Shoigu|person] again.", "2023-08-01")},
    "name unlinked": lambda t: {**t, "en1": (t["en1"][0].replace("[Russia|place]", "Russia"), t["en1"][1])},
    # Only the cited sentence's wording changes: no mention moves, no count changes.
    "sentence wording": lambda t: {**t, "en1": (t["en1"][0].replace("said more.", "said much more."), t["en1"][1])},
    # Shoigu now shares a sentence with Kim: only the graph of pages naming both (Russia's) shows it.
    "co-occurrence moved": lambda t: {
        **t,
        "en2": (
            "[Pyongyang|place] was visited. [Kim Jong Un|person] showed [Sergei Shoigu|person] missiles.",
            "2023-07-27",
        ),
    },
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_cached_build_after_an_edit_equals_a_fresh_build(edit: str, tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    first = _build(BASE, cache)
    assert first.reused == 0 and first.rendered > 0
    again = _build(BASE, cache)
    assert again.rendered == 0 and again.reused == first.rendered, "an unchanged corpus renders nothing"
    assert _files(again) == _files(first)
    edited = EDITS[edit](BASE)
    cached = _build(edited, cache)
    assert _files(cached) == _files(_build(edited, None))
    assert cached.reused > 0, "pages that do not show the edit are reused"


def _curation(folder: Path, description: str) -> Curation:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "people.yml").write_text(  # Kim is quoted nowhere: his record reaches no other page's quotes
        "entities:\n  - id: kim-jong-un\n    name: Kim Jong Un\n    type: person\n"
        f"    description: {description}\n    aliases: [Kim]\n",
        encoding="utf-8",
    )
    return load_curation(folder)


def test_curation_and_settings_reach_the_pages(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache")
    old = _curation(tmp_path / "old", "Leader of North Korea.")
    new = _curation(tmp_path / "new", "Supreme Leader of the DPRK.")
    _build(BASE, cache, curation=old)
    described = _build(BASE, cache, curation=new)
    assert _files(described) == _files(_build(BASE, None, curation=new))
    assert "Supreme Leader of the DPRK." in _files(described)["people/kim-jong-un.md"]
    assert 0 < described.rendered < described.rendered + described.reused
    threshold = _build(BASE, cache, curation=new, min_mentions=2)
    assert threshold.reused == 0, "a setting every page depends on renders every page"
    assert _files(threshold) == _files(_build(BASE, None, curation=new, min_mentions=2))
    german = _build(BASE, cache, curation=new, language="de")
    assert _files(german) == _files(_build(BASE, None, curation=new, language="de"))


def test_a_changed_template_renders_every_page(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache")
    templates = tmp_path / "templates"
    templates.mkdir()
    for path in TEMPLATES.iterdir():
        (templates / path.name).write_bytes(path.read_bytes())
    articles, extractions = corpus(*[make(i, m, date=d) for i, (m, d) in BASE.items()])
    resolution = resolve(articles, extractions, Curation(), None)
    renderer(templates, RenderSettings()).render_site(articles, extractions, resolution, cache=cache)
    template = templates / "article.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    site = renderer(templates, RenderSettings()).render_site(articles, extractions, resolution, cache=cache)
    assert site.reused == 0
    pages = {p.path: p.content for p in site.pages}
    assert all(pages[f"articles/{i}.md"].endswith("<!-- edited -->\n") for i in BASE)


def test_damaged_rows_and_files_are_never_trusted(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    expected = _files(_build(BASE, cache))
    with sqlite3.connect(tmp_path / "pages.sqlite") as con:
        con.execute("UPDATE units SET body = CAST(REPLACE(CAST(body AS TEXT), 'Putin', 'Putln') AS BLOB)")
    damaged = PageCache(tmp_path)
    site = _build(BASE, damaged)
    assert _files(site) == expected and damaged.rejected > 0
    # The checksum covers the whole row: a page stored under another path is never published there.
    _build(BASE, PageCache(tmp_path))
    with sqlite3.connect(tmp_path / "pages.sqlite") as con:
        con.execute("UPDATE units SET paths = REPLACE(paths, 'people/', 'places/')")
    moved = PageCache(tmp_path)
    assert _files(_build(BASE, moved)) == expected and moved.rejected > 0
    (tmp_path / "pages.sqlite").write_bytes(b"not a database" * 100)
    garbage = PageCache(tmp_path)
    assert _files(_build(BASE, garbage)) == expected
    assert _build(BASE, PageCache(tmp_path)).rendered == 0, "the damaged file was replaced by a good one"


def test_reused_pages_stay_in_the_cache_until_read(tmp_path: Path) -> None:
    """A warm build holds no reused page's Markdown (a large site's would not fit in memory); each is
    read, checked, when asked for, and a page whose row changed after the build checked it is an error."""
    cache = PageCache(tmp_path)
    first = _build(BASE, cache)
    again = _build(BASE, PageCache(tmp_path))
    entity_pages = [p for p in again.pages if p.path.startswith("people/") and p.path != "people/index.md"]
    assert entity_pages and all(p._content is None for p in entity_pages), "reused pages are not loaded"
    assert [p.digest for p in again.pages] == [p.digest for p in first.pages], "the digest needs no content"
    assert _files(again) == _files(first)
    with sqlite3.connect(tmp_path / "pages.sqlite") as con:
        con.execute("UPDATE units SET digest = 'elsewhere'")
    with pytest.raises(DossierError, match="changed while the site was being built"):
        _ = entity_pages[0].content


def test_a_cache_that_cannot_be_written_keeps_the_pages_in_memory(tmp_path: Path) -> None:
    """Fresh pages go into the cache as their batch arrives and are read back later; where the cache
    cannot be written (here its folder is a file), they stay in memory and the build is the same."""
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    site = _build(BASE, PageCache(blocked / "cache"))
    assert site.rendered > 0 and all(p._content is not None for p in site.pages)
    assert _files(site) == _files(_build(BASE, None))


_NAMES = st.sampled_from(
    [
        "[Wladimir Putin|person]",
        "[Putin|person]",
        "[Kim Jong Un|person]",
        "[Pjöngjang|place]",
        "[Kreml|organization]",
        "Moskau",
    ]
)
_SENTENCE = st.tuples(st.lists(_NAMES, min_size=1, max_size=3), st.sampled_from(["trafen sich.", "stritten."])).map(
    lambda t: " und ".join(t[0]) + " " + t[1]
)
_ARTICLE = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)
_CORPUS = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d"]),
    st.tuples(_ARTICLE, st.sampled_from(["2023-01-01", "2023-06-01", "2024-01-01"])),
    min_size=1,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=_CORPUS, after=_CORPUS, threshold=st.sampled_from([1, 2]))
def test_any_corpus_after_any_other_builds_as_if_fresh(
    tmp_path_factory: pytest.TempPathFactory, before: dict, after: dict, threshold: int
) -> None:
    cache = PageCache(tmp_path_factory.mktemp("pages"))
    _build(before, cache, min_mentions=threshold)
    assert _files(_build(after, cache, min_mentions=threshold)) == _files(_build(after, None, min_mentions=threshold))


def _counted_exports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that gets "export" each time dossier.json is made (not taken from the cache)."""
    from generator.site import render

    calls: list[str] = []
    real_export = render.export_json

    def counting_export(*args: object, **kwargs: object) -> str:
        calls.append("export")
        return real_export(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "export_json", counting_export)
    return calls


def test_the_whole_corpus_pages_are_made_again_only_when_the_corpus_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dossier.json, the index pages and the interop exports are taken from the cache on an unchanged
    corpus, and made again after any edit (the edits above check they then equal a fresh build's)."""
    calls = _counted_exports(monkeypatch)
    cache = PageCache(tmp_path)
    first = _build(BASE, cache, exports=("ftm", "csv"))
    again = _build(BASE, cache, exports=("ftm", "csv"))
    assert calls == ["export"]
    assert _files(again) == _files(first)
    edited = EDITS["sentence wording"](BASE)
    cached = _build(edited, cache, exports=("ftm", "csv"))
    assert calls == ["export", "export"]
    assert _files(cached) == _files(_build(edited, None, exports=("ftm", "csv")))


def test_the_sites_input_key_stands_for_the_corpus_of_the_whole_corpus_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the site's input key (which fixes articles, extractions, resolution and quotes), the whole-corpus
    pages are reused under it instead of a digest of the corpus; another key makes them again."""
    calls = _counted_exports(monkeypatch)
    items = [make(i, v[0], date=v[1], language="en" if i.startswith("en") else "de") for i, v in BASE.items()]
    articles, extractions = corpus(*items)
    resolution = resolve(articles, extractions, Curation(), None)
    quotes = attribute(articles, extractions, resolution.by_mention, {e.id: e for e in resolution.entities})
    cache = PageCache(tmp_path)

    def build(key: str) -> Site:
        site_renderer = renderer(TEMPLATES, RenderSettings())
        return site_renderer.render_site(articles, extractions, resolution, quotes=quotes, cache=cache, corpus_key=key)

    first = build("key 1")
    assert _files(build("key 1")) == _files(first) and calls == ["export"]
    build("key 2")
    assert calls == ["export", "export"]


def _finished_build(cache: Path, site: Path, pages: dict[str, str], html: Callable[[str], str]) -> set[str]:
    """One build's part in the finished pages: plan, put back what is stored, write and keep the rest."""
    from generator.site.reuse import FinishedPages

    finished = FinishedPages(cache)
    reusable = finished.plan(pages, "theme")
    written = {}
    for path in pages:
        dest = site / path.replace(".md", ".html")
        if path in reusable:
            assert finished.put_back(path, str(dest)) == [{"location": path}]
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(html(path), encoding="utf-8")  # as MkDocs writes a rendered page
        finished.keep(path, [{"location": path}])
        written[path] = str(dest)
    finished.finish(written)
    return reusable


def test_finished_pages_are_linked_back_and_a_changed_file_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stored page comes back as the very bytes MkDocs wrote (a hard link, or a copy where links
    cannot be made); a stored file written to, replaced or deleted is never put back."""
    import errno
    import os

    cache = tmp_path / "cache"
    pages = {f"e/{i}.md": f"markdown {i}" for i in range(5)}
    first = _finished_build(cache, tmp_path / "one", pages, lambda path: f"<html>{path}</html>")
    assert first == set()
    second_site = tmp_path / "two"
    changed = {**pages, "e/3.md": "markdown 3, edited"}
    assert _finished_build(cache, second_site, changed, lambda path: f"<html>{path} again</html>") == set(pages) - {
        "e/3.md"
    }
    assert (second_site / "e/0.html").read_text() == "<html>e/0.md</html>"
    assert (second_site / "e/3.html").read_text() == "<html>e/3.md again</html>"
    assert (second_site / "e/0.html").stat().st_ino == (tmp_path / "one" / "e/0.html").stat().st_ino
    assert len(list((cache / "finished").iterdir())) == 5  # the edited page's old file is gone

    # Written to through a site folder (an editor, a build with --dirty): the page is rendered again.
    (second_site / "e/1.html").write_text("<html>tampered</html>")
    # Deleted from the cache: rendered again.
    stored = {p.read_text(): p for p in (cache / "finished").iterdir()}
    stored["<html>e/2.md</html>"].unlink()
    third_site = tmp_path / "three"

    def no_links(source: object, dest: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    assert _finished_build(cache, third_site, changed, lambda path: f"<html>{path} third</html>") == {
        "e/0.md",
        "e/3.md",
        "e/4.md",
    }
    assert (third_site / "e/1.html").read_text() == "<html>e/1.md third</html>"
    assert (third_site / "e/0.html").read_text() == "<html>e/0.md</html>"
    assert (third_site / "e/0.html").stat().st_ino != (second_site / "e/0.html").stat().st_ino
