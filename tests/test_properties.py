"""Property-based tests: arbitrary text and front matter never crash ingestion, extraction or
rendering (only documented errors), and every page is well-formed HTML with nothing injected."""

from __future__ import annotations

import posixpath
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import spacy
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.corpus.ingest import LanguageDetector, read_corpus
from generator.curation import Curation
from generator.errors import Report
from generator.resolution.resolve import resolve
from generator.site.render import RenderSettings, page_url, relative_url

from .helpers import corpus, make, renderer

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RENDERER = renderer(TEMPLATES, RenderSettings())  # templates compiled once
DETECT = LanguageDetector()  # built once: lingua's models take a moment to load
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "*[x](javascript:alert(1))*",
        "{{ 7*7 }}",
        "{% raw %}",
        "---",
        "\n\n",
        "&amp;",
        "<!--",
        "]]>",
        "`",
        "|",
        "#",
        "\u202e",
        "\ufeff",
        "\x00",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), NASTY), max_size=12).map("".join)


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.errors.append(f"active attribute {name}={value!r}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def check_page(content: str) -> None:
    assert content.startswith("---\n")
    front, _, body = content[4:].partition("\n---\n")
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict) and isinstance(meta["title"], str)
    html = markdown.markdown(body, extensions=["attr_list", "toc"])
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert parser.errors == [] and parser.stack == [], (parser.errors, parser.stack)
    assert parser.scripts == 0


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=400),
    front=st.dictionaries(st.text(max_size=8), st.one_of(st.text(max_size=20), st.integers(), st.none()), max_size=4),
)
def test_ingestion_never_crashes(data: bytes, front: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "a.txt").write_bytes(data)
        (root / "b.md").write_text(
            "---\n" + yaml.safe_dump(front) + "---\n" + data.decode("utf-8", "replace"), encoding="utf-8"
        )
        (root / "c.md").write_bytes(b"---\n" + data + b"\n---\nText")
        report = Report()
        articles = list(read_corpus(root, report, detect=DETECT))
        for article in articles:
            assert article.id and article.title
            for p in article.paragraphs:
                assert 0 <= p.start <= p.end <= len(article.text)
        for problem in report.problems:
            assert problem.file in ("a.txt", "b.md", "c.md") and str(problem)


@settings(max_examples=80, deadline=None)
@given(before=TEXT, names=st.lists(TEXT.filter(lambda s: s.strip()), min_size=1, max_size=4), after=TEXT, title=TEXT)
def test_rendering_is_wellformed_and_inert(before: str, names: list[str], after: str, title: str) -> None:
    def clean(s: str) -> str:
        return s.replace("[", "(").replace("]", ")").replace("|", "/").replace("\x00", "")

    kinds = ["person", "organization", "place"]
    markup = (
        clean(before)
        + " "
        + " und ".join(f"[{clean(n).strip() or 'x'}|{kinds[i % 3]}]" for i, n in enumerate(names))
        + ". "
        + clean(after)
    )
    items = [make("a", markup, title=clean(title) or "t")]
    articles, extractions = corpus(*items)
    resolution = resolve(articles, extractions, Curation(), None)
    site = RENDERER.render_site(articles, extractions, resolution)
    for page in site.pages:
        check_page(page.content)
        if "{{ 7*7 }}" in markup and page.path == "articles/a.md":
            assert "{{ 7*7 }}" in page.content  # shown as text, never evaluated


_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        from generator.extraction import components  # noqa: F401

        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns(
            [
                {"label": "PER", "pattern": [{"IS_TITLE": True}, {"IS_TITLE": True}]},
                {"label": "LOC", "pattern": [{"IS_UPPER": True}]},
            ]
        )
        nlp.add_pipe("dossier_span_filter_v1")
        _NLP = nlp
    return _NLP


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_extraction_layers_never_crash(text: str) -> None:
    doc = _nlp()(text)
    for ent in doc.ents:
        assert ent.text.strip() and 0 <= ent.start_char < ent.end_char <= len(text)


_SEGMENT = st.sampled_from(["a", "b", "people", "index", "page-2", "x.y"])
_SRC = st.lists(_SEGMENT, min_size=0, max_size=3).map(lambda parts: "/".join([*parts, "index.md"]).lstrip("/")) | (
    st.lists(_SEGMENT, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".md")
)
_TARGET = _SRC | st.sampled_from(["dossier.json", "graph.json", "assets/x.css"])


def _relpath_url(from_src: str, to_src: str, use_directory_urls: bool) -> str:
    """The link as posixpath.relpath computes it (what render.relative_url replaced for speed)."""
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls) if to_src.endswith(".md") else to_src
    head, tail = posixpath.split(here)
    base = head if "." in tail else here
    rel = posixpath.relpath("/" + there, "/" + base)
    return rel.rstrip("/") + "/" if there.endswith("/") or there == "" else rel


@given(from_src=_SRC, to_src=_TARGET, use_directory_urls=st.booleans())
def test_relative_urls_equal_relpath(from_src: str, to_src: str, use_directory_urls: bool) -> None:
    assert relative_url(from_src, to_src, use_directory_urls) == _relpath_url(from_src, to_src, use_directory_urls)
