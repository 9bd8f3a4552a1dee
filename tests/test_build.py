"""One real `dossier build` (MkDocs + Material + both spaCy pipelines) of the sample corpus."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import build_command
from .linkcheck import check_site, links_inside, parse

pytestmark = pytest.mark.slow

EXPECTED = {
    "people/vladimir-putin": "Vladimir Putin",
    "people/kim-jong-un": "Kim Jong Un",
    "people/sergei-shoigu": "Sergei Shoigu",
    "people/adrienne-watson": "Adrienne Watson",
    "people/john-kirby": "John Kirby",
    "organizations/chatham-house": "Chatham House",
    "organizations/un-security-council": "United Nations Security Council",
    "places/russia": "Russia",
    "places/north-korea": "North Korea",
    "places/pyongyang": "Pyongyang",
}


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


def test_expected_entity_pages(site: Path) -> None:
    for path, name in EXPECTED.items():
        page = site / path / "index.html"
        assert page.exists(), path
        html = page.read_text(encoding="utf-8")
        assert f">{name}</h1>" in html or f'>{name}<span class="dx-sep">' in html, path


def test_all_internal_links_and_anchors_resolve(site: Path) -> None:
    assert check_site(site) == []


def test_citations_land_on_a_sentence_that_links_back(site: Path) -> None:
    for path in EXPECTED:
        page = site / path / "index.html"
        html = page.read_text(encoding="utf-8")
        cites = re.findall(r'class="dx-cite" href="([^"]+)"', html)
        assert cites, path
        for href in cites:
            target_path, _, anchor = href.partition("#")
            anchor = anchor.split(":~:", 1)[0]
            target = (page.parent / target_path / "index.html").resolve()
            article = target.read_text(encoding="utf-8")
            links = links_inside(article, anchor)
            assert links is not None, f"{path}: {href} has no sentence"
            entity_url = "/" + path + "/"
            resolved = {str((target.parent / link).resolve()) + "/" for link in links}
            assert any(r.endswith(entity_url) for r in resolved), f"{path}: sentence {anchor} does not link back"


def test_article_pages_link_back_to_entities(site: Path) -> None:
    articles = sorted((site / "articles").glob("*/index.html"))
    assert len(articles) == 5
    for page in articles:
        html = page.read_text(encoding="utf-8")
        assert 'class="dx-mention dx-person"' in html and 'class="dx-mention dx-place"' in html


def test_export_is_linked_and_consistent(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="dossier.json"' in home
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    texts = {}
    for art in data["articles"]:
        texts[art["id"]] = (Path(__file__).resolve().parent.parent / "content" / "articles" / art["source"]).read_text(
            encoding="utf-8"
        )
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]


def test_search_index_covers_entities_and_aliases(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(unescape(d["text"]) + " " + d["title"] for d in index["docs"])
    for word in ("Sergej Schoigu", "Sergei Shoigu", "Pjöngjang", "DVRK"):
        assert word in text, word


def test_search_indexes_article_text_not_statements(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entity_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("people/"))
    article_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("articles/"))
    assert "Militärübungen" in article_text
    assert "Militärübungen" not in entity_text
    for page in site.rglob("*.html"):
        assert "<!--dossier:" not in page.read_text(encoding="utf-8"), page


def test_boilerplate_never_becomes_a_statement(site: Path) -> None:
    for page in (site / "people").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "Zum Weiterlesen" not in html and "Read More" not in html and "dp/pcl" not in html


def test_no_entity_pages_in_navigation(site: Path) -> None:
    home = parse(site / "index.html")
    nav_entity_links = [x for x in home.links if re.match(r"^(people|organizations|places)/[^/]+/$", x)]
    # Links from the home page body are fine; the nav lists only the index pages.
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html[
        html.find('<nav class="md-nav md-nav--primary"') : html.find(
            "</nav>", html.find('<nav class="md-nav md-nav--primary"')
        )
    ]
    assert "vladimir-putin" not in nav
    assert nav_entity_links  # the top lists on the home page link entity pages


def test_two_builds_are_byte_identical(site: Path, root: Path, tmp_path: Path) -> None:
    """A second build, in another process with another hash seed, gives the same bytes."""
    import os
    import subprocess

    out = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run(
        build_command(root / "mkdocs.yml", out, tmp_path / "c"),
        check=True,
        env=env,
        capture_output=True,
    )
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(p) for p in first if first[p] != second[p]]
    assert different == []


def test_build_never_writes_into_content(root: Path, site: Path) -> None:
    import hashlib

    content = root / "content"
    digest = hashlib.sha256()
    for path in sorted(content.rglob("*")):
        digest.update(str(path.relative_to(content)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    before = digest.hexdigest()
    main(
        [
            "build",
            "-f",
            str(root / "mkdocs.yml"),
            "-o",
            str(site.parent / "third"),
            "--cache-dir",
            str(site.parent / "c3"),
        ]
    )
    digest = hashlib.sha256()
    for path in sorted(content.rglob("*")):
        digest.update(str(path.relative_to(content)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    assert digest.hexdigest() == before


@pytest.mark.slow
def test_offline_build_opens_from_disk(root: Path, tmp_path: Path, built_site: Path) -> None:
    """`dossier build --offline`: every link names an .html file (file:// shows folders as listings)
    and search runs without a server (Material's offline plugin)."""
    from generator.cli import main

    out = tmp_path / "offline"
    cache = tmp_path / "cache"
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache), "--offline"]) == 0
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="people/index.html"' in home and 'href="people/"' not in home
    assert (out / "people" / "sergei-shoigu.html").is_file()
    assert (out / "search" / "search_index.js").is_file()
    assert not (built_site / "search" / "search_index.js").exists()  # the normal build is unchanged


def test_search_snippets_keep_fields_apart(site: Path) -> None:
    """Snippets used to run fields together ("Mentions4 … First seenundated")."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    header = next(d for d in docs if d["location"] == "people/sergei-shoigu/#sergei-shoigu")
    assert "Mentions: " in header["text"] and "First seen: " in header["text"]
    assert "Mentions4" not in header["text"]


def test_markdown_export_builds_without_the_plugin(root: Path, tmp_path: Path, built_site: Path) -> None:
    """`dossier build --markdown DIR`: a plain MkDocs project that builds the same pages with no dossier plugin
    (what Zensical or ProperDocs would read)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path / "markdown"
    assert (
        main(["build", "-f", str(root / "mkdocs.yml"), "--markdown", str(out), "--cache-dir", str(tmp_path / "c")]) == 0
    )
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "dossier" not in config.split("plugins:", 1)[1].split("markdown_extensions:", 1)[0]
    assert (out / "overrides" / "assets" / "dossier.css").is_file()
    assert not (root / "content" / "pages" / "people").exists()  # written into DIR only

    plain = tmp_path / "plain"
    build(load_config(str(out / "mkdocs.yml"), site_dir=str(plain)))
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert pages == {p.relative_to(plain).as_posix() for p in plain.rglob("*.html")}
    for path in EXPECTED:
        ours = (built_site / path / "index.html").read_text(encoding="utf-8")
        theirs = (plain / path / "index.html").read_text(encoding="utf-8")
        cites = re.findall(r'class="dx-cite" href="([^"]+)"', ours)
        assert cites and cites == re.findall(r'class="dx-cite" href="([^"]+)"', theirs), path
    assert check_site(plain) == []


def test_generated_pages_have_no_one_item_navigation_column(site: Path) -> None:
    """With navigation tabs the left column held one item ("Home", "People") or nothing: generated pages hide it."""
    for path in ("index.html", "people/index.html", "people/sergei-shoigu/index.html", "graph/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert 'data-md-type="navigation" hidden>' in html, path
    articles = sorted((site / "articles").glob("0*/index.html"))
    assert articles and all('data-md-type="navigation" hidden>' in p.read_text(encoding="utf-8") for p in articles)


def test_demo_articles_are_dated_and_the_translation_is_one_story(site: Path) -> None:
    """The demo's metadata.csv dates every article; 000 (German) is a translation of 001 (English)."""
    for page in sorted((site / "articles").glob("0*/index.html")):
        assert '<time datetime="2023-' in page.read_text(encoding="utf-8"), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<dt>Stories</dt><dd>4 " in home
    german = (site / "articles" / "000_8c89fa62beecddfc" / "index.html").read_text(encoding="utf-8")
    assert 'class="dx-same-story"' in german and 'href="../001_73c42ecbebd4ad36/"' in german
    export = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    stories = {a["id"][:3]: a["story"][:3] for a in export["articles"]}
    assert stories == {"000": "000", "001": "000", "002": "002", "003": "003", "004": "004"}
