"""Build Articles and Extractions from inline markup, so resolver and renderer tests need no model.

``[Wladimir Putin|person]`` marks a mention; ``[Moskau|place|geonames:524901]`` adds a hint.
Sentences end at ``. `` (or the end of a paragraph); paragraphs are separated by blank lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from generator.model import Article, Extraction, Mention, Paragraph, Sentence
from generator.site.render import Renderer, RenderSettings, environment

_MARK = re.compile(r"\[([^\[\]|]+)\|(person|organization|place)(?:\|([^\]]+))?\]")


def make(article_id: str, markup: str, *, language: str = "de", date: str | None = None, title: str | None = None):
    text = ""
    spans = []
    pos = 0
    for m in _MARK.finditer(markup):
        text += markup[pos : m.start()]
        start = len(text)
        text += m.group(1)
        spans.append((start, len(text), m.group(1), m.group(2), m.group(3)))
        pos = m.end()
    text += markup[pos:]
    paragraphs = []
    sentences = []
    offset = 0
    for p_index, block in enumerate(text.split("\n\n")):
        p_start = offset
        p_end = p_start + len(block)
        paragraphs.append(Paragraph(index=p_index, start=p_start, end=p_end))
        s_start = p_start
        for sm in re.finditer(r"(?<=[.!?])\s+", block):
            s_end = p_start + sm.start()
            sentences.append(Sentence(index=len(sentences), paragraph=p_index, start=s_start, end=s_end))
            s_start = p_start + sm.end()
        if s_start < p_end:
            sentences.append(Sentence(index=len(sentences), paragraph=p_index, start=s_start, end=p_end))
        offset = p_end + 2
    mentions = []
    for start, end, surface, label, hint in spans:
        sent = next(s.index for s in sentences if s.start <= start < s.end)
        source = "curated" if hint and hint.startswith("curated:") else "model"
        mentions.append(Mention(article_id, start, end, surface, label, sent, source, hint))
    article = Article(
        id=article_id,
        source=f"{article_id}.txt",
        title=title or article_id,
        text=text,
        language=language,
        paragraphs=tuple(paragraphs),
        date=date,
    )
    return article, Extraction(article_id, tuple(sentences), tuple(mentions))


def corpus(*items):
    articles = [a for a, _ in items]
    extractions = {e.article: e for _, e in items}
    return articles, extractions


_ENVIRONMENTS: dict[tuple[Path, str], jinja2.Environment] = {}


def renderer(templates: Path, settings: RenderSettings) -> Renderer:
    """A renderer sharing one compiled template environment per folder and language, as ProcessCache does."""
    key = (templates, settings.language)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = environment(templates, settings.language)
    return Renderer(templates, settings, _ENVIRONMENTS[key])
