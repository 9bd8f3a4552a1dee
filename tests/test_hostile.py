"""Hostile articles and curation: built for real, loaded in the browser, nothing runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

from .linkcheck import check_site
from .test_browser import Page, browser, serve  # noqa: F401 - the browser fixture

pytestmark = [pytest.mark.slow]

ARTICLE = """---
title: <script>alert("title")</script> & {{ 7*7 }}
outlet: <img src=x onerror=alert(1)>
url: https://example.org/a"onmouseover=alert(1)
language: de
---
Kim Jong Un traf Wladimir Putin in Moskau. *[x](javascript:alert(1))* und <script>alert(2)</script>.
Als Zeichenreferenzen: &#60;script&#62;alert(7)&#60;/script&#62; und &#x3C;img src=x onerror=alert(8)&#x3E;.

Die Evil Corp <img src=x onerror=alert(3)> sagte: „{{ 7*7 }} {% raw %} ]]> <!-- --> &amp;“
"""

CURATION = """entities:
  - id: evil-corp
    name: "<img src=x onerror=alert(4)>"
    type: organization
    aliases: [Evil Corp]
    description: "<script>alert(5)</script> [click](javascript:alert(6))"
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "articles"
    (corpus / "sub dir").mkdir(parents=True)
    (corpus / "sub dir" / "ünï cödé.md").write_text(ARTICLE, encoding="utf-8")
    (corpus / "index.txt").write_text("Index heißt diese Datei. Putin sprach in Pjöngjang.\n", encoding="utf-8")
    (corpus / "..hidden.txt").write_text("never read\n", encoding="utf-8")
    curation = base / "curation"
    curation.mkdir()
    (curation / "evil.yml").write_text(CURATION, encoding="utf-8")
    config = base / "mkdocs.yml"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content/pages", f"docs_dir: {root / 'content' / 'pages'}")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {root / 'site_overrides'}")
    text = text.replace("corpus: content/articles", f"corpus: {corpus}\n      templates: {root / 'templates'}")
    text = text.replace("curation: content/curation", f"curation: {curation}")
    config.write_text(text, encoding="utf-8")
    out = base / "site"
    assert main(["build", "-f", str(config), "-o", str(out), "--cache-dir", str(base / "cache")]) == 0
    return out


def test_pages_and_files_are_where_they_should_be(hostile_site: Path) -> None:
    assert (hostile_site / "articles" / "sub-dir-uni-code" / "index.html").exists()
    assert (hostile_site / "articles" / "index-article" / "index.html").exists()
    assert (hostile_site / "articles" / "index.html").exists()  # the real index page survives
    assert all(".." not in p.name for p in hostile_site.rglob("*"))
    assert check_site(hostile_site) == []


def test_markup_is_inert_in_html(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", ""), page
        assert 'href="javascript:' not in html, page
    article = (hostile_site / "articles" / "sub-dir-uni-code" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in article and "&lt;script&gt;alert(2)&lt;/script&gt;" in article
    # Numeric character references are read as the characters they stand for, and escaped like them.
    assert "&lt;script&gt;alert(7)&lt;/script&gt;" in article


def test_export_keeps_the_text_exactly(hostile_site: Path) -> None:
    data = json.loads((hostile_site / "dossier.json").read_text(encoding="utf-8"))
    titles = {a["title"] for a in data["articles"]}
    assert '<script>alert("title")</script> & {{ 7*7 }}' in titles
    assert any(e["id"] == "evil-corp" for e in data["entities"])


@pytest.mark.browser
def test_nothing_runs_in_the_browser(hostile_site: Path, browser: object) -> None:  # noqa: F811
    server, url = serve(hostile_site)
    try:
        page = Page(browser)
        pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
        for rel in pages:
            page.page.goto(url + rel)
            page.page.wait_for_load_state("load")
        page.close()
    finally:
        server.shutdown()
    assert page.dialogs == []
    assert [e for e in page.errors if "favicon" not in e] == []
