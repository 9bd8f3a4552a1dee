"""Rendering: golden pages for a small fixed corpus, links, escaping and the export schema."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from generator.curation import Curation, load_curation
from generator.resolution.resolve import resolve
from generator.site import incremental, rawhtml
from generator.site.render import RenderSettings, page_url, relative_url

from .helpers import corpus, make, renderer

GOLDEN = Path(__file__).parent / "golden" / "render"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def small_site(curation: Curation | None = None, use_directory_urls: bool = True, workers: int = 1):
    items = [
        make(
            "de1",
            "[Kreml-Sprecher|organization] schwieg. [Wladimir Putin|person] traf [Kim Jong Un|person] in [Wostotschny|place].\n\n"
            "[Kim|person] lobte die Gespräche. Anzeige",
            date="2023-09-13",
            title="Gipfel in Wostotschny",
        ),
        make(
            "en1",
            "President [Vladimir Putin|person] met [Kim Jong Un|person]. [Putin|person] said more.",
            language="en",
            date="2023-09-12",
            title="Putin meets Kim",
        ),
    ]
    articles, extractions = corpus(*items)
    resolution = resolve(articles, extractions, curation or Curation(), None)
    site_renderer = renderer(
        TEMPLATES,
        RenderSettings(use_directory_urls=use_directory_urls, site_url="https://example.org/d/", workers=workers),
    )
    return site_renderer.render_site(articles, extractions, resolution, site_name="Test dossier")


def test_golden_pages(update_goldens: bool) -> None:
    site = small_site()
    produced = {p.path: p.content for p in site.pages}
    produced.update(site.static)
    if update_goldens:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, content in produced.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(produced) == sorted(expected), "pages added or removed; rerun with --update-goldens if intended"
    for path in sorted(expected):
        assert produced[path] == expected[path], (
            f"{path} differs from tests/golden/render/{path}; rerun with --update-goldens if intended"
        )


def test_rendering_is_deterministic() -> None:
    a, b = small_site(), small_site()
    assert [(p.path, p.content) for p in a.pages] == [(p.path, p.content) for p in b.pages]
    assert a.static == b.static


def test_citation_links_land_on_the_sentence() -> None:
    site = small_site()
    page = next(p for p in site.pages if p.path == "people/vladimir-putin.md").content
    assert 'href="../../articles/de1/#s1:~:text=Wladimir%20Putin%20traf' in page
    assert 'href="../../articles/en1/#s0:~:text=' in page
    article = next(p for p in site.pages if p.path == "articles/de1.md").content
    assert '<span class="dx-sentence" id="s1">' in article
    assert 'href="../../people/vladimir-putin/"' in article


@pytest.mark.parametrize(
    ("src", "use_dirs", "url"),
    [
        ("index.md", True, ""),
        ("people/index.md", True, "people/"),
        ("people/a.md", True, "people/a/"),
        ("people/a.md", False, "people/a.html"),
    ],
)
def test_page_url(src: str, use_dirs: bool, url: str) -> None:
    assert page_url(src, use_dirs) == url


@pytest.mark.skipif(sys.platform != "linux", reason="pages are rendered by forked workers on Linux only")
def test_forked_render_is_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incremental, "PARALLEL_MIN_PAGES", 1)  # the small site is below the real threshold
    assert threading.active_count() == 1, "a live thread makes the renderer stay serial"
    serial, forked = small_site(), small_site(workers=2)
    assert (serial.processes, forked.processes) == (1, 2)
    assert [(p.path, p.content) for p in forked.pages] == [(p.path, p.content) for p in serial.pages]
    assert forked.static == serial.static


@pytest.mark.skipif(sys.platform != "linux", reason="pages are rendered by forked workers on Linux only")
def test_a_dead_render_worker_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incremental, "PARALLEL_MIN_PAGES", 1)

    def die(self: object, task: object) -> None:
        os._exit(9)  # what the OOM killer leaves: no exception, no result

    monkeypatch.setattr(incremental.IncrementalRenderer, "run_task", die)
    with pytest.raises(RuntimeError, match="worker process died"):
        small_site(workers=2)


def test_relative_urls_without_directory_urls() -> None:
    assert relative_url("people/a.md", "articles/b.md", False, "s3") == "../articles/b.html#s3"
    site = small_site(use_directory_urls=False)
    page = next(p for p in site.pages if p.path == "people/vladimir-putin.md").content
    assert 'href="../articles/de1.html#s1:~:text=' in page


HOSTILE = [
    "*[x](javascript:alert(1))*",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% raw %}",
    "title: injected\n---",
    "<!--dossier:raw-->",
    "<!--dossier:block 0-->",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_untrusted_names_are_escaped(name: str) -> None:
    safe = name.replace("[", "(").replace("]", ")").replace("|", "/")
    items = [make("x", f"Vor [{safe}|person] und nach ihm. Noch ein Satz.", title=safe)]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings()).render_site(articles, extractions, res)
    for page in site.pages:
        assert "<script>" not in page.content and "<img" not in page.content
        assert "49" not in page.content.replace(str(len(page.content)), "")
        front, _, _ = page.content.partition("\n---\n")
        assert "injected" not in front.replace('\\"', "").split("title:")[0]
    export = json.loads(site.static["dossier.json"])
    assert export["articles"][0]["title"] == safe
    for page in site.pages:  # the text cannot open or fill a raw-HTML region (generator/site/rawhtml.py)
        markdown, blocks = rawhtml.split(page.content)
        assert markdown.count("<!--dossier:") == len(blocks)
        assert all("<!--" not in b.html for b in blocks)


def test_export_schema() -> None:
    site = small_site()
    data = json.loads(site.static["dossier.json"])
    assert data["version"] == 1
    assert set(data) >= {"articles", "entities"}
    for art in data["articles"]:
        assert set(art) >= {"id", "source", "title", "language", "date", "url"}
    texts = {a["id"]: a for a in data["articles"]}
    for ent in data["entities"]:
        assert set(ent) >= {"id", "name", "type", "aliases", "url", "mentions"}
        assert ent["type"] in ("person", "organization", "place")
        for m in ent["mentions"]:
            assert set(m) >= {"article", "text", "start", "end", "sentence"}
            assert m["article"] in texts and m["start"] < m["end"]
            assert m["text"] in m["sentence"]
    putin = next(e for e in data["entities"] if e["name"] == "Vladimir Putin")
    assert putin["url"] == "https://example.org/d/people/vladimir-putin/"
    assert sorted(putin["aliases"]) == ["Putin", "Wladimir Putin"]


def test_redirect_pages_for_curated_ids(tmp_path: Path) -> None:
    (tmp_path / "c.yml").write_text(
        "entities:\n  - id: putin\n    name: Vladimir Putin\n    type: person\n", encoding="utf-8"
    )
    site = small_site(load_curation(tmp_path))
    redirect = site.static["people/vladimir-putin/index.html"]
    assert "url=../../people/putin/" in redirect or "url=../putin/" in redirect


def test_index_pages_are_paged() -> None:
    items = [make(f"a{i}", " ".join(f"[Person{i}x{j} Name|person]." for j in range(3))) for i in range(3)]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings(index_page_size=4)).render_site(articles, extractions, res)
    paths = sorted(p.path for p in site.pages if p.path.startswith("people/index") or p.path.startswith("people/page-"))
    assert paths == ["people/index.md", "people/page-2.md", "people/page-3.md"]
    first = next(p.content for p in site.pages if p.path == "people/index.md")
    assert 'aria-current="page">1<' in first and 'href="page-2/"' in first and "(1–4)" in first
    third = next(p.content for p in site.pages if p.path == "people/page-3.md")
    assert 'href="../"' in third and "(9–9)" in third
    site = renderer(TEMPLATES, RenderSettings(index_page_size=2)).render_site(articles, extractions, res)
    paths = sorted(p.path for p in site.pages if p.path in ("articles/index.md", "articles/page-2.md"))
    assert paths == ["articles/index.md", "articles/page-2.md"]
    second = next(p.content for p in site.pages if p.path == "articles/page-2.md")
    assert "(3–3)" in second and 'href="../a2/"' in second and 'href="../"' in second


def test_index_page_names_are_reserved() -> None:
    from generator.names import safe_slug

    assert safe_slug("Page 2") == "page-2-item" and safe_slug("Page Two") == "page-two"


def test_related_entities_are_ranked_by_shared_sentences_with_evidence() -> None:
    items = [
        make(
            "a",
            "[Putin|person] traf [Kim|person]. [Putin|person] und [Kim|person] lachten. [Putin|person] sah [Moskau|place].",
        )
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings()).render_site(articles, extractions, res)
    page = next(p.content for p in site.pages if p.path == "people/putin.md")
    related = page[page.index('<table class="dx-index dx-related">') :]
    assert related.index(">Kim<") < related.index(">Moskau<")  # 2 shared sentences before 1
    kim_row = related[related.index(">Kim<") : related.index("</tr>", related.index(">Kim<"))]
    assert '<td class="dx-num">2</td>' in kim_row and "2 sentences" in kim_row  # shared sentences, evidence
    assert "<details" not in related.split("</table>")[0].replace('<details class="dx-evidence">', "")
    kim_evidence = related[related.index(">Kim<") : related.index(">Moskau<")]
    assert kim_evidence.count('class="dx-cite"') == 2  # the two sentences naming both
    graph = json.loads(site.static["graph.json"])
    weights = {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}
    assert weights[("kim", "putin")] == 2 and weights[("moskau", "putin")] == 1


def test_raw_html_regions_are_put_back_in_their_phase() -> None:
    site = small_site()
    page = next(p for p in site.pages if p.path == "people/vladimir-putin.md")
    markdown, blocks = rawhtml.split(page.content)
    assert all(not b.indexed for b in blocks if "dx-statement" in b.html), "statements and related stay out of search"
    assert [b.indexed for b in blocks if "<h1" in b.html] == [True], "the header (names, aliases) is searchable"
    assert "dx-statement" not in markdown and markdown.count("<!--dossier:block") == len(blocks)
    assert "<header" not in markdown and "<figure" not in markdown, "finished HTML never goes through Markdown"
    after_markdown = rawhtml.inject(markdown, blocks, indexed=True)
    assert "Wladimir Putin" in after_markdown and "dx-statement" not in after_markdown
    final = rawhtml.inject(after_markdown, blocks, indexed=False)
    assert "<!--dossier:block" not in final and final.count('class="dx-statement"') == page.content.count(
        'class="dx-statement"'
    )
    article = next(p for p in site.pages if p.path == "articles/de1.md")
    markdown, blocks = rawhtml.split(article.content)
    assert blocks and all(b.indexed for b in blocks), "article text, header and mentions stay searchable"
    assert 'id="s1"' in rawhtml.inject(markdown, blocks, indexed=True)


def test_entity_statements_are_paged_between_articles() -> None:
    articles, extractions = corpus(
        *(
            make(f"a{i}", f"[Wladimir Putin|person] sprach am Tag {i}. Dann schwieg [Putin|person].", title=f"Tag {i}")
            for i in range(5)
        )
    )
    resolution = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings(statements_page_size=3)).render_site(articles, extractions, resolution)
    pages = {p.path: p.content for p in site.pages}
    paged = sorted(p for p in pages if p.startswith("people/wladimir-putin"))
    # 5 articles of 2 statements each, cut between articles: one article per page of at most 3.
    assert paged == [
        "people/wladimir-putin.md",
        "people/wladimir-putin/statements-2.md",
        "people/wladimir-putin/statements-3.md",
        "people/wladimir-putin/statements-4.md",
        "people/wladimir-putin/statements-5.md",
    ]
    cited = [c for p in paged for c in pages[p].split('class="dx-cite" href="')[1:]]
    assert len(cited) == 10, "every statement on exactly one page"
    assert 'href="statements-2/#statements"' in pages["people/wladimir-putin.md"]
    second = pages["people/wladimir-putin/statements-2.md"]
    assert 'href="../#statements"' in second and 'href="../statements-3/#statements"' in second
    assert 'href="../../../articles/a1/#s0' in second, "links are relative to the continuation page"
    assert "exclude: true" in second
    unpaged = renderer(TEMPLATES, RenderSettings()).render_site(articles, extractions, resolution)
    assert [p.path for p in unpaged.pages if p.path.startswith("people/wladimir-putin")] == ["people/wladimir-putin.md"]


def test_exports_for_aleph_gephi_and_spreadsheets(tmp_path: Path) -> None:
    """FollowTheMoney that the `ftm` tool validates, GraphML with the graph page's nodes and
    edges, and CSV tables that round-trip; all byte-identical between two renders."""
    import csv
    import io
    import json
    import shutil
    import subprocess

    import networkx as nx

    from generator.site import interop

    articles, extractions = corpus(
        make(
            "de1",
            "[Wladimir Putin|person] traf [Kim Jong Un|person] in [Moskau|place]. [Gazprom AG|organization] schwieg.",
            date="2023-09-12",
        ),
        make(
            "en1",
            "[Vladimir Putin|person] met [Kim Jong Un|person] in [Moscow|place].",
            language="en",
            date="2023-09-13",
        ),
    )
    resolution = resolve(articles, extractions, Curation(), None)
    render = renderer(TEMPLATES, RenderSettings(exports=interop.FORMATS))
    site = render.render_site(articles, extractions, resolution)
    again = render.render_site(articles, extractions, resolution)
    assert {p: site.static[p] for p in interop.paths(interop.FORMATS)} == {
        p: again.static[p] for p in interop.paths(interop.FORMATS)
    }

    lines = [json.loads(line) for line in site.static[interop.FTM_PATH].splitlines()]
    schemata = sorted({e["schema"] for e in lines})
    assert schemata == ["Address", "Article", "Company", "Mention", "Person"]
    putin = next(e for e in lines if e["schema"] == "Person" and "Vladimir Putin" in e["properties"]["name"])
    mentions = [e for e in lines if e["schema"] == "Mention" and e["properties"]["resolved"] == [putin["id"]]]
    assert sorted(m["properties"]["name"][0] for m in mentions) == ["Vladimir Putin", "Wladimir Putin"]
    ftm = shutil.which("ftm") or str(Path(sys.executable).parent / "ftm")
    source = tmp_path / "dossier.ftm.json"
    source.write_text(site.static[interop.FTM_PATH], encoding="utf-8")
    checked = subprocess.run([ftm, "validate", "-i", str(source)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert len(checked.stdout.splitlines()) == len(lines)
    from followthemoney import EntityProxy
    from followthemoney.cli.util import path_entities

    proxies = {p.id: p for p in path_entities(source, EntityProxy)}  # the library's own reader
    assert len(proxies) == len(lines)
    for mention in (p for p in proxies.values() if p.schema.name == "Mention"):
        (document,) = mention.get("document")
        (resolved,) = mention.get("resolved")
        assert proxies[document].schema.name == "Article"
        assert proxies[resolved].schema.name in ("Person", "Organization", "Company")

    graph = json.loads(site.static["graph.json"])
    network = nx.parse_graphml(site.static[interop.GRAPHML_PATH])
    assert sorted(network.nodes) == sorted(n["id"] for n in graph["nodes"])
    assert sorted(tuple(sorted(e)) for e in network.edges) == sorted(
        tuple(sorted((e["source"], e["target"]))) for e in graph["edges"]
    )
    node = network.nodes["vladimir-putin"]
    assert (node["type"], node["first_seen"], node["last_seen"]) == ("person", "2023-09-12", "2023-09-13")
    gexf_file = tmp_path / "network.gexf"
    gexf_file.write_text(site.static[interop.GEXF_PATH], encoding="utf-8")
    gephi = nx.read_gexf(gexf_file)
    assert sorted(gephi.nodes) == sorted(network.nodes)
    assert sorted(tuple(sorted(e)) for e in gephi.edges) == sorted(tuple(sorted(e)) for e in network.edges)
    assert gephi.nodes["vladimir-putin"]["type"] == "person"
    assert gephi.nodes["vladimir-putin"]["viz"]["color"] == {"r": 0x1E, "g": 0x66, "b": 0xC5, "a": 1.0}
    assert 'lastmodifieddate="2023-09-13"' in site.static[interop.GEXF_PATH]  # the newest article, not today

    people = list(csv.DictReader(io.StringIO(site.static["exports/people.csv"].removeprefix("\ufeff"))))
    assert {r["name"]: r["aliases"] for r in people}["Vladimir Putin"] == "Wladimir Putin"
    rows = list(csv.DictReader(io.StringIO(site.static[interop.MENTIONS_CSV].removeprefix("\ufeff"))))
    assert len(rows) == sum(len(e.mentions) for e in resolution.entities)
    home = next(p.content for p in site.pages if p.path == "index.md")
    assert 'href="exports/dossier.ftm.json" download' in home


def test_citation_numbers_are_explained() -> None:
    """They are sentence numbers that repeat across articles: the page says so, and each link's title does."""
    articles, extractions = corpus(
        make("de1", "Erst dies. [Wladimir Putin|person] traf Kim."),
        make("de2", "Erst das. [Wladimir Putin|person] schwieg."),
    )
    res = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings()).render_site(articles, extractions, res)
    page = next(p.content for p in site.pages if p.path == "people/wladimir-putin.md")
    assert "The number in brackets is the sentence's number in its article" in page
    assert page.count('(sentence 2)">[2]</a>') == 2


def test_a_neighbourhood_changes_only_when_a_count_passes_a_power_of_two() -> None:
    """An entity page's small graph draws the others' mention counts and the links among them as
    powers of two: one more mention of Paris re-renders the pages of the entities named with Paris
    only when Paris's count passes a power of two (a one-article edit, a few pages to rebuild)."""
    from hypothesis import given
    from hypothesis import strategies as st

    from generator.model import Entity, Mention
    from generator.site.views import magnitude, neighbourhood

    def entity(eid: str, n: int) -> Entity:
        mentions = tuple(Mention(f"a{i}", i, i + 1, eid, "place", "model") for i in range(n))
        return Entity(eid, eid.title(), "place", (), mentions)

    @given(st.integers(1, 300), st.integers(1, 40))
    def check(paris: int, links: int) -> None:
        assert magnitude(paris) <= paris < 2 * magnitude(paris)
        assert magnitude(paris).bit_count() == 1

        def graph(p: int, w: int) -> dict[str, object]:
            by_id = {"oslo": entity("oslo", 3), "paris": entity("paris", p), "rome": entity("rome", 5)}
            cooc = {("paris", "rome"): [("x", i) for i in range(w)]}
            near = [("paris", [("a", 0)], 1), ("rome", [("a", 0)], 1)]
            return neighbourhood(by_id["oslo"], near, cooc, by_id, lambda e: f"../{e.id}/")

        same = magnitude(paris + 1) == magnitude(paris) and magnitude(links + 1) == magnitude(links)
        assert (graph(paris, links) == graph(paris + 1, links + 1)) == same

    check()
