"""Entities and articles to Markdown pages (Jinja2 templates) and ``dossier.json``.

Escaping rule: every value that comes from an article or from curated YAML is
placed only in HTML context (HTML blocks inside the Markdown page), where
Jinja's autoescaping makes it inert, or in the YAML front matter through the
``yaml_str`` filter. Python-Markdown does not parse Markdown inside block-level
HTML, so ``*``, ``[x](...)`` or ``{{ }}`` in an article stay plain text.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .model import ENTITY_TYPES, TYPE_FOLDERS, Article, EntityType, Extraction, Mention, Sentence
from .resolve import Resolution

EXPORT_VERSION = 1

TYPE_LABELS: dict[EntityType, tuple[str, str]] = {
    "person": ("Person", "People"),
    "organization": ("Organization", "Organizations"),
    "place": ("Place", "Places"),
}


@dataclass(frozen=True)
class RenderSettings:
    use_directory_urls: bool = True
    site_url: str = ""
    edit_uri: str | None = None  # where "edit" links to curation files point (repo URL + path)
    curation_path: str = "content/curation"
    min_mentions: int = 1
    index_page_size: int = 500


@dataclass
class Page:
    path: str  # docs-relative source path, e.g. "people/vladimir-putin.md"
    content: str


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)
    static: dict[str, str] = field(default_factory=dict)  # path -> content (redirects, dossier.json)


# ---------------------------------------------------------------- URLs


def page_url(src: str, use_directory_urls: bool) -> str:
    """The site URL MkDocs gives to a Markdown source path."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if not use_directory_urls:
        return stem + ".html" if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, use_directory_urls: bool, anchor: str | None = None) -> str:
    """A link from the page built from ``from_src`` to the page or file ``to_src`` (MkDocs' rules)."""
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls) if to_src.endswith(".md") else to_src
    head, tail = posixpath.split(here)
    base = head if "." in tail else here
    rel = posixpath.relpath("/" + there, "/" + base)
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./" and anchor:
            rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def entity_src(entity_id: str, etype: EntityType) -> str:
    return f"{TYPE_FOLDERS[etype]}/{entity_id}.md"


def article_src(article_id: str) -> str:
    return f"articles/{article_id}.md"


# ---------------------------------------------------------------- view models


@dataclass(frozen=True)
class Segment:
    text: str
    href: str | None = None
    type: str | None = None
    entity: str | None = None
    curated: bool = False


@dataclass
class Statement:
    article: Article
    sentence: Sentence
    segments: list[Segment]
    href: str  # citation: the sentence on the article page
    curated_link: bool
    others: list[tuple[str, str]]  # (name, href) of other entities in the sentence


def _segments(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    link: Mapping[tuple[str, int, int], tuple[str, EntityType, str]],
    from_src: str,
    settings: RenderSettings,
) -> list[Segment]:
    out: list[Segment] = []
    pos = start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > end or m.key not in link:
            continue
        if m.start > pos:
            out.append(Segment(text[pos : m.start]))
        ent_id, etype, _ = link[m.key]
        out.append(
            Segment(
                text[m.start : m.end],
                href=relative_url(from_src, entity_src(ent_id, etype), settings.use_directory_urls),
                type=etype,
                entity=ent_id,
                curated=m.source == "curated",
            )
        )
        pos = m.end
    if pos < end:
        out.append(Segment(text[pos:end]))
    return out


class Renderer:
    def __init__(self, templates: Path, settings: RenderSettings):
        self.settings = settings
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,  # every template, whatever its extension
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["yaml_str"] = yaml_str
        self.env.filters["urlquote"] = lambda s: quote(str(s), safe="")

    def render_site(
        self,
        articles: Sequence[Article],
        extractions: Mapping[str, Extraction],
        resolution: Resolution,
        *,
        site_name: str = "Dossier",
    ) -> Site:
        s = self.settings
        site = Site()
        arts = {a.id: a for a in articles}
        entities = resolution.entities
        paged = {e.id for e in entities if len(e.mentions) >= s.min_mentions}
        link: dict[tuple[str, int, int], tuple[str, EntityType, str]] = {}
        for e in entities:
            if e.id in paged:
                for m in e.mentions:
                    link[m.key] = (e.id, e.type, e.name)
        sentences = {art_id: {sent.index: sent for sent in ex.sentences} for art_id, ex in extractions.items()}
        mentions_by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
        for e in entities:
            for m in e.mentions:
                mentions_by_sentence[(m.article, m.sentence)].append(m)

        def sort_key(a: Article) -> tuple[str, str]:
            return (a.date or "9999", a.id)

        # ---- entity pages
        for e in entities:
            if e.id not in paged:
                continue
            src = entity_src(e.id, e.type)
            statements: dict[str, list[Statement]] = defaultdict(list)
            seen: set[tuple[str, int]] = set()
            for m in e.mentions:
                if (m.article, m.sentence) in seen or m.article not in arts:
                    continue
                seen.add((m.article, m.sentence))
                art = arts[m.article]
                sent = sentences[m.article][m.sentence]
                segs = _segments(
                    art.text, sent.start, sent.end, mentions_by_sentence[(m.article, m.sentence)], link, src, s
                )
                others = sorted(
                    {
                        (
                            link[x.key][2],
                            relative_url(src, entity_src(link[x.key][0], link[x.key][1]), s.use_directory_urls),
                        )
                        for x in mentions_by_sentence[(m.article, m.sentence)]
                        if x.key in link and link[x.key][0] != e.id
                    }
                )
                statements[m.article].append(
                    Statement(
                        article=art,
                        sentence=sent,
                        segments=segs,
                        href=relative_url(src, article_src(art.id), s.use_directory_urls, f"s{sent.index}"),
                        curated_link=m.source == "curated",
                        others=others,
                    )
                )
            groups = [
                (arts[a], relative_url(src, article_src(a), s.use_directory_urls), statements[a])
                for a in sorted(statements, key=lambda a: sort_key(arts[a]))
            ]
            dates = sorted(arts[a].date for a in e.articles if a in arts and arts[a].date)
            edit = None
            if e.curation_file and s.edit_uri:
                edit = s.edit_uri.rstrip("/") + "/" + e.curation_file
            site.pages.append(
                Page(
                    src,
                    self.env.get_template("entity.md.j2").render(
                        entity=e,
                        type_label=TYPE_LABELS[e.type][0],
                        index_href=relative_url(src, f"{e.folder}/index.md", s.use_directory_urls),
                        groups=groups,
                        statement_count=sum(len(v) for v in statements.values()),
                        article_count=len(groups),
                        first_seen=dates[0] if dates else None,
                        last_seen=dates[-1] if dates else None,
                        edit_url=edit,
                        identifiers=[_identifier_link(k, v) for k, v in e.identifiers],
                        title=html.escape(e.name),
                    ),
                )
            )

        # ---- article pages
        for art in sorted(articles, key=lambda a: a.id):
            src = article_src(art.id)
            ex = extractions.get(art.id)
            sents_by_para: dict[int, list[Sentence]] = defaultdict(list)
            if ex:
                for sent in ex.sentences:
                    sents_by_para[sent.paragraph].append(sent)
            paragraphs = []
            for para in art.paragraphs:
                if para.boilerplate or not sents_by_para.get(para.index):
                    paragraphs.append((para, [(None, [Segment(art.text[para.start : para.end])])]))
                    continue
                parts: list[tuple[Sentence | None, list[Segment]]] = []
                pos = para.start
                for sent in sents_by_para[para.index]:
                    if sent.start > pos:
                        parts.append((None, [Segment(art.text[pos : sent.start])]))
                    parts.append(
                        (
                            sent,
                            _segments(
                                art.text, sent.start, sent.end, mentions_by_sentence[(art.id, sent.index)], link, src, s
                            ),
                        )
                    )
                    pos = sent.end
                if pos < para.end:
                    parts.append((None, [Segment(art.text[pos : para.end])]))
                paragraphs.append((para, parts))
            mentioned = Counter()
            names: dict[str, tuple[str, EntityType]] = {}
            if ex:
                for m in ex.mentions:
                    if m.key in link:
                        ent_id, etype, name = link[m.key]
                        mentioned[ent_id] += 1
                        names[ent_id] = (name, etype)
            side = {
                t: sorted(
                    (
                        (names[i][0], relative_url(src, entity_src(i, t), s.use_directory_urls), mentioned[i])
                        for i in mentioned
                        if names[i][1] == t
                    ),
                    key=lambda x: (-x[2], x[0]),
                )
                for t in ENTITY_TYPES
            }
            site.pages.append(
                Page(
                    src,
                    self.env.get_template("article.md.j2").render(
                        article=art,
                        title=html.escape(art.title),
                        paragraphs=paragraphs,
                        side=side,
                        type_labels=TYPE_LABELS,
                        home_href=relative_url(src, "index.md", s.use_directory_urls),
                        articles_href=relative_url(src, "articles/index.md", s.use_directory_urls),
                    ),
                )
            )

        # ---- index pages
        for t in ENTITY_TYPES:
            src = f"{TYPE_FOLDERS[t]}/index.md"
            rows = [
                (
                    e,
                    relative_url(src, entity_src(e.id, e.type), s.use_directory_urls) if e.id in paged else None,
                    len(e.articles),
                )
                for e in entities
                if e.type == t
            ]
            site.pages.append(
                Page(
                    src,
                    self.env.get_template("type_index.md.j2").render(
                        label=TYPE_LABELS[t][1], rows=rows, min_mentions=s.min_mentions
                    ),
                )
            )
        src = "articles/index.md"
        site.pages.append(
            Page(
                src,
                self.env.get_template("articles_index.md.j2").render(
                    rows=[
                        (a, relative_url(src, article_src(a.id), s.use_directory_urls), _count(extractions, a.id, link))
                        for a in sorted(articles, key=sort_key)
                    ]
                ),
            )
        )
        top = {
            t: [
                (e, relative_url("index.md", entity_src(e.id, e.type), s.use_directory_urls))
                for e in sorted(
                    (e for e in entities if e.type == t and e.id in paged),
                    key=lambda e: (-len(e.mentions), e.name),
                )[:10]
            ]
            for t in ENTITY_TYPES
        }
        languages = Counter(a.language for a in articles)
        site.pages.append(
            Page(
                "index.md",
                self.env.get_template("home.md.j2").render(
                    site_name=site_name,
                    article_count=len(articles),
                    entity_counts={t: sum(1 for e in entities if e.type == t) for t in ENTITY_TYPES},
                    mention_count=sum(len(e.mentions) for e in entities),
                    languages=sorted(languages.items()),
                    top=top,
                    type_labels=TYPE_LABELS,
                    type_hrefs={
                        t: relative_url("index.md", f"{TYPE_FOLDERS[t]}/index.md", s.use_directory_urls)
                        for t in ENTITY_TYPES
                    },
                    export_href="dossier.json",
                    articles_href=relative_url("index.md", "articles/index.md", s.use_directory_urls),
                    articles=[
                        (a, relative_url("index.md", article_src(a.id), s.use_directory_urls))
                        for a in sorted(articles, key=sort_key)
                    ][:20],
                ),
            )
        )

        # ---- redirects and export
        by_id = {e.id: e for e in entities}
        for old, new in sorted(resolution.redirects.items()):
            if new not in by_id or old in by_id:
                continue
            target = by_id[new]
            for folder in TYPE_FOLDERS.values():
                old_src = f"{folder}/{old}.md"
                if s.use_directory_urls:
                    path = f"{folder}/{old}/index.html"
                else:
                    path = f"{folder}/{old}.html"
                url = relative_url(old_src, entity_src(target.id, target.type), s.use_directory_urls)
                site.static[path] = self.env.get_template("redirect.html.j2").render(url=url, name=target.name)
        site.static["dossier.json"] = export_json(articles, extractions, resolution, s)
        return site


def _count(extractions: Mapping[str, Extraction], art_id: str, link: Mapping[tuple[str, int, int], object]) -> int:
    ex = extractions.get(art_id)
    return sum(1 for m in ex.mentions if m.key in link) if ex else 0


def _identifier_link(scheme: str, value: str) -> tuple[str, str, str]:
    if scheme == "wikidata":
        return ("Wikidata", value, f"https://www.wikidata.org/wiki/{quote(value)}")
    if scheme == "geonames":
        return ("GeoNames", value, f"https://www.geonames.org/{quote(value)}")
    return ("Website", value, value)


def yaml_str(value: object) -> Markup:
    """A YAML double-quoted scalar (JSON strings are valid YAML); ASCII-only, so nothing can break out."""
    return Markup(json.dumps(str(value), ensure_ascii=True))


def export_json(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    resolution: Resolution,
    settings: RenderSettings,
) -> str:
    """``dossier.json``: the schema documented in README ("Export"); fields are only ever added."""
    sentence_text: dict[tuple[str, int], str] = {}
    arts = {a.id: a for a in articles}
    for art_id, ex in extractions.items():
        for sent in ex.sentences:
            sentence_text[(art_id, sent.index)] = arts[art_id].text[sent.start : sent.end]
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    data = {
        "version": EXPORT_VERSION,
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "language": a.language,
                "date": a.date,
                "url": a.url,
                "outlet": a.outlet,
                "page": base + page_url(article_src(a.id), settings.use_directory_urls),
            }
            for a in sorted(articles, key=lambda a: a.id)
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": [a.name for a in e.aliases],
                "curated": e.curated,
                "description": e.description,
                "identifiers": dict(e.identifiers),
                "coordinates": list(e.coordinates) if e.coordinates else None,
                "url": (base + page_url(entity_src(e.id, e.type), settings.use_directory_urls))
                if len(e.mentions) >= settings.min_mentions
                else None,
                "mentions": [
                    {
                        "article": m.article,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "sentence": sentence_text.get((m.article, m.sentence), ""),
                        "sentence_index": m.sentence,
                        "source": m.source,
                    }
                    for m in e.mentions
                ],
            }
            for e in resolution.entities
        ],
        "redirects": dict(sorted(resolution.redirects.items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
