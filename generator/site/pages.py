"""Page functions: a unit's inputs object (generator/site/units.py) to Markdown pages.

Entity and article pages read their unit and the ``PageContext`` only (templates,
settings, memos of pure functions of the unit data), so the unit's digest covers
all they show. The indexes, the home page and the graph page read the whole
``SiteIndex`` and are rendered on every build.

Escaping rule: every value that comes from an article or from curated YAML is
placed only in HTML context (HTML blocks inside the Markdown page), where
Jinja's autoescaping makes it inert, in the YAML front matter through the
``yaml_str`` filter, or in single-quoted ``data-`` attributes through
``tojson`` (which escapes quotes and ``<``). Python-Markdown does not parse
Markdown inside block-level HTML, so ``*``, ``[x](...)`` or ``{{ }}`` in an
article stay plain text.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.model import ENTITY_TYPES, TYPE_FOLDERS, Article, EntityType, Mention, Paragraph, Sentence
from generator.resolution.quotes import Quote
from generator.resolution.roles import role_key
from generator.site import views
from generator.site.index import SiteIndex
from generator.site.settings import RenderSettings
from generator.site.units import ArticleData, ArticleUnit, EntityRef, EntityUnit, Link, date_key
from generator.site.urls import article_src, entity_src, relative_url, text_fragment

T = TypeVar("T")
Pages = list[tuple[str, str]]
GRAPH_SRC = "graph/index.md"


@dataclass(frozen=True)
class Segment:
    text: str
    href: str | None = None
    type: str | None = None
    entity: str | None = None
    curated: bool = False
    quote: bool = False


@dataclass
class Statement:
    article: Article
    sentence: Sentence
    segments: list[Segment]
    href: str  # citation: the sentence on the article page
    curated_link: bool
    html: Markup  # the sentence with its mentions linked, the page's own entity marked dx-self
    item: Markup  # the whole list item (macro ``statement``)


@dataclass
class Related:
    entity: EntityRef
    href: str | None
    sentences: int  # sentences naming both
    articles: int
    evidence: list[Statement]


@dataclass
class QuoteView:
    quote: Quote
    article: Article
    href: str


def segments(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    link: Mapping[tuple[str, int, int], Link],
    from_src: str,
    use_directory_urls: bool,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Segment]:
    """``text[start:end]`` cut into plain text and linked mentions, split at quote boundaries."""
    quotes = [q for q in quotes if q[0] < end and q[1] > start]  # callers may pass a whole article's
    cuts = {start, end}
    for q_start, q_end in quotes:
        cuts.update(x for x in (q_start, q_end) if start < x < end)
    spans: list[tuple[int, int, Mention | None]] = []
    pos = start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > end or m.key not in link:
            continue
        spans.append((pos, m.start, None))
        spans.append((m.start, m.end, m))
        pos = m.end
    spans.append((pos, end, None))

    def in_quote(a: int) -> bool:
        return any(q_start <= a < q_end for q_start, q_end in quotes)

    out: list[Segment] = []
    for a, b, mention in spans:
        if a >= b:
            continue
        if mention is not None:
            ent_id, etype, _ = link[mention.key]
            out.append(
                Segment(
                    text[a:b],
                    href=relative_url(from_src, entity_src(ent_id, etype), use_directory_urls),
                    type=etype,
                    entity=ent_id,
                    curated=mention.source == "curated",
                    quote=in_quote(a),
                )
            )
            continue
        points = sorted(x for x in cuts if a < x < b)
        for x, y in zip([a, *points], [*points, b], strict=True):
            out.append(Segment(text[x:y], quote=in_quote(x)))
    return out


class PageContext:
    """What a page needs besides its data: templates and settings, plus memos of pure functions."""

    def __init__(self, env: jinja2.Environment, settings: RenderSettings, site_name: str):
        self.env = env
        self.s = settings
        self.site_name = site_name
        self.macros: Any = env.get_template("_macros.j2").make_module()
        self._sentences: dict[tuple[str, str, int], tuple[list[Segment], str]] = {}
        self._markup: dict[tuple[str, str, int, str | None], Markup] = {}
        self._items: dict[tuple[str, str, int, bool, str | None], Markup] = {}

    def href(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        return relative_url(from_src, to_src, self.s.use_directory_urls, anchor)

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def statement(
        self, src: str, data: ArticleData, sent_index: int, *, self_id: str | None = None, curated: bool = False
    ) -> Statement:
        """A cited sentence as seen from page ``src``, on the page of entity ``self_id``.

        Links are computed once per sentence and folder: from a page that is never
        a link target (``people/~.md``), so they hold for every page of that
        folder, including the pages they point to. The sentence's HTML and list
        item are rendered once per sentence, folder and own entity named in it:
        an entity page lists hundreds, and autoescaping each part again dominated
        rendering.
        """
        folder = posixpath.dirname(src)
        anchor_src = f"{folder}/~.md" if folder else "~.md"
        art = data.article
        sent = data.by_index[sent_index]
        key = (folder, art.id, sent_index)
        cached = self._sentences.get(key)
        if cached is None:
            segs = segments(
                art.text,
                sent.start,
                sent.end,
                data.resolved.get(sent_index, ()),
                data.links,
                anchor_src,
                self.s.use_directory_urls,
                data.quote_spans.get(sent_index, ()),
            )
            anchor = f"s{sent.index}" + text_fragment(art.text[sent.start : sent.end])
            cached = (segs, self.href(anchor_src, article_src(art.id), anchor))
            self._sentences[key] = cached
        segs, href = cached
        own = self_id if self_id is not None and any(s.entity == self_id for s in segs) else None
        markup = self._markup.get((*key, own))
        if markup is None:
            markup = self._markup[(*key, own)] = self.macros.segments(segs, own)
        item = self._items.get((*key, curated, own))
        if item is None:
            item = self.macros.statement(Statement(art, sent, segs, href, curated, markup, Markup()))
            self._items[(*key, curated, own)] = item
        return Statement(art, sent, segs, href, curated, markup, item)


# ---------------------------------------------------------------- units


def entity_pages(ctx: PageContext, unit: EntityUnit) -> Pages:
    """The entity's page and, when it has more statements than fit, its continuation pages.

    Statements are grouped by article (oldest first) and cut between groups,
    so every page stays about ``statements_page_size`` statements long however
    often the entity is named: pages keep a flat size as the corpus grows.
    """
    e = unit.entity
    src = entity_src(e.id, e.type)
    data = {d.article.id: d for d in unit.articles}
    by_article: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for m in e.mentions:
        if (m.article, m.sentence) in seen or m.article not in data:
            continue
        seen.add((m.article, m.sentence))
        by_article[m.article].append((m.sentence, m.source == "curated"))
    articles = sorted(by_article, key=lambda a: date_key(data[a].article))
    chunks: list[list[str]] = [[]]
    filled = 0
    for a in articles:
        if chunks[-1] and filled + len(by_article[a]) > max(1, ctx.s.statements_page_size):
            chunks.append([])
            filled = 0
        chunks[-1].append(a)
        filled += len(by_article[a])
    stem = src[: -len(".md")]
    srcs = [src] + [f"{stem}/statements-{n + 1}.md" for n in range(1, len(chunks))]
    total = sum(len(v) for v in by_article.values())

    def groups(page_src: str, chunk: list[str]) -> list[tuple[Article, str, list[Statement]]]:
        return [
            (
                data[a].article,
                ctx.href(page_src, article_src(a)),
                [ctx.statement(page_src, data[a], sent, self_id=e.id, curated=cur) for sent, cur in by_article[a]],
            )
            for a in chunk
        ]

    def pagination(page_src: str, current: int) -> list[tuple[int, str, bool]]:
        if len(srcs) == 1:
            return []
        return [(i + 1, ctx.href(page_src, other, "statements"), i == current) for i, other in enumerate(srcs)]

    pages = [(src, _entity_page(ctx, unit, src, groups(src, chunks[0]), total, len(articles), pagination(src, 0)))]
    for n in range(1, len(chunks)):
        page_src = srcs[n]
        content = ctx.render(
            "entity_statements.md.j2",
            entity=e,
            title=html.escape(e.name),
            entity_href=ctx.href(page_src, src),
            groups=groups(page_src, chunks[n]),
            page=n + 1,
            pages=len(chunks),
            statement_count=total,
            pagination=pagination(page_src, n),
            collapse_after=ctx.s.collapse_after,
        )
        pages.append((page_src, content))
    return pages


def _entity_page(
    ctx: PageContext,
    unit: EntityUnit,
    src: str,
    ordered: list[tuple[Article, str, list[Statement]]],
    statement_count: int,
    article_count: int,
    pagination: list[tuple[int, str, bool]],
) -> str:
    e = unit.entity
    dates = sorted(d for data in unit.articles if (d := data.article.date))
    edit = None
    if e.curation_file and ctx.s.edit_uri:
        edit = ctx.s.edit_uri.rstrip("/") + "/" + e.curation_file
    related = [
        Related(
            entity=r.entity,
            href=ctx.href(src, entity_src(r.entity.id, r.entity.type)) if r.entity.paged else None,
            sentences=r.sentences,
            articles=r.articles,
            evidence=[
                ctx.statement(src, source, s, self_id=e.id)
                for source, (_, s) in zip(r.sources, r.evidence, strict=True)
            ],
        )
        for r in unit.related
    ]
    quotes = [
        QuoteView(q, source.article, ctx.href(src, article_src(q.article), f"s{q.sentence}"))
        for q, source in unit.quotes
    ]
    aliases_by_language: dict[str, list] = defaultdict(list)
    for alias in e.aliases:
        aliases_by_language[alias.language or "any"].append(alias)
    # One line per role, its inflected forms together ("russische" / "russischen
    # Verteidigungsministers"), shown in its first wording, with links to every sentence.
    roles: dict[str, list[tuple[str, str]]] = {}
    wording: dict[str, str] = {}
    for role in unit.roles:
        href = ctx.href(src, article_src(role.article), f"s{role.sentence}")
        key = role_key(role.text)
        wording.setdefault(key, role.text)
        roles.setdefault(key, []).append((role.language, href))
    return ctx.render(
        "entity.md.j2",
        entity=e,
        title=html.escape(e.name),
        index_href=ctx.href(src, f"{e.folder}/index.md"),
        graph_href=ctx.href(src, GRAPH_SRC),
        groups=ordered,
        statement_count=statement_count,
        article_count=article_count,
        story_count=unit.stories,
        pagination=pagination,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        edit_url=edit,
        identifiers=[_identifier_link(k, v) for k, v in e.identifiers],
        quotes=quotes,
        related=related,
        timeline=unit.timeline,
        places=unit.places,
        neighbourhood=unit.neighbourhood,
        collapse_after=ctx.s.collapse_after,
        aliases_by_language=sorted(aliases_by_language.items()),
        roles=[(wording[key], cites) for key, cites in roles.items()],
    )


def article_page(ctx: PageContext, unit: ArticleUnit) -> Pages:
    data = unit.data
    art = data.article
    src = article_src(art.id)
    sents_by_para: dict[int, list[Sentence]] = defaultdict(list)
    for sent in data.sentences:
        sents_by_para[sent.paragraph].append(sent)
    paragraphs: list[tuple[Paragraph, list[tuple[Sentence | None, list[Segment]]]]] = []
    for para in art.paragraphs:
        if para.boilerplate or not sents_by_para.get(para.index):
            paragraphs.append((para, [(None, [Segment(art.text[para.start : para.end])])]))
            continue
        parts: list[tuple[Sentence | None, list[Segment]]] = []
        pos = para.start
        for sent in sents_by_para[para.index]:
            if sent.start > pos:
                parts.append((None, [Segment(art.text[pos : sent.start])]))
            segs = segments(
                art.text,
                sent.start,
                sent.end,
                data.resolved.get(sent.index, ()),
                data.links,
                src,
                ctx.s.use_directory_urls,
                data.quote_spans.get(sent.index, ()),
            )
            parts.append((sent, segs))
            pos = sent.end
        if pos < para.end:
            parts.append((None, [Segment(art.text[pos : para.end])]))
        paragraphs.append((para, parts))
    mentioned: Counter[str] = Counter()
    names: dict[str, tuple[str, EntityType]] = {}
    for m in data.mentions:
        if m.key in data.links:
            ent_id, etype, name = data.links[m.key]
            mentioned[ent_id] += 1
            names[ent_id] = (name, etype)
    side = {
        t: sorted(
            ((names[i][0], ctx.href(src, entity_src(i, t)), mentioned[i]) for i in mentioned if names[i][1] == t),
            key=lambda x: (-x[2], x[0]),
        )
        for t in ENTITY_TYPES
    }
    quotes = []
    for q in data.quotes:
        speaker = data.speakers[q.speaker] if q.speaker else None
        href = ctx.href(src, entity_src(speaker.id, speaker.type)) if speaker and speaker.paged else None
        quotes.append((q, speaker, href))
    content = ctx.render(
        "article.md.j2",
        article=art,
        title=html.escape(art.title),
        paragraphs=paragraphs,
        side=side,
        quotes=quotes,
        articles_href=ctx.href(src, "articles/index.md"),
        same_story=[(other, ctx.href(src, article_src(other.id))) for other in unit.same_story],
    )
    return [(src, content)]


# ---------------------------------------------------------------- whole-site pages


def paginate(
    ctx: PageContext, folder: str, items: Sequence[T]
) -> list[tuple[int, str, Sequence[T], list[tuple[int, str, bool]]]]:
    """An index cut into pages of ``index_page_size``: (number, src, rows, links to every page)."""
    size = max(1, ctx.s.index_page_size)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    srcs = [f"{folder}/index.md" if n == 0 else f"{folder}/page-{n + 1}.md" for n in range(len(chunks))]
    out = []
    for n, (src, chunk) in enumerate(zip(srcs, chunks, strict=True)):
        links = [(i + 1, ctx.href(src, other), i == n) for i, other in enumerate(srcs)] if len(srcs) > 1 else []
        out.append((n, src, chunk, links))
    return out


def type_index(ctx: PageContext, index: SiteIndex, t: EntityType) -> Pages:
    """The index of one type, in pages of ``index_page_size`` rows (most mentioned first)."""
    ordered = [e for e in sorted(index.entities, key=lambda e: (-len(e.mentions), e.name, e.id)) if e.type == t]
    size = max(1, ctx.s.index_page_size)
    pages = []
    for n, src, chunk, pagination in paginate(ctx, TYPE_FOLDERS[t], ordered):
        rows = [
            (e, ctx.href(src, entity_src(e.id, e.type)) if e.id in index.paged else None, len(e.articles))
            for e in chunk
        ]
        content = ctx.render(
            "type_index.md.j2",
            etype=t,
            rows=rows,
            total=len(ordered),
            first=n * size + 1,
            min_mentions=ctx.s.min_mentions,
            pagination=pagination,
        )
        pages.append((src, content))
    return pages


def articles_index(ctx: PageContext, index: SiteIndex) -> Pages:
    """Every article, oldest first, in pages of ``index_page_size`` rows."""
    ordered = sorted(index.articles, key=date_key)
    size = max(1, ctx.s.index_page_size)
    pages = []
    for n, src, chunk, pagination in paginate(ctx, "articles", ordered):
        rows = [(a, ctx.href(src, article_src(a.id)), _linked_mentions(index, a.id)) for a in chunk]
        content = ctx.render(
            "articles_index.md.j2", rows=rows, total=len(ordered), first=n * size + 1, pagination=pagination
        )
        pages.append((src, content))
    return pages


def graph_data(index: SiteIndex, limit: int) -> dict[str, list[dict[str, Any]]]:
    paged = [e for e in index.entities if e.id in index.paged]
    return views.graph(paged, index.cooc, limit, index.link_from(GRAPH_SRC))


def graph_page(ctx: PageContext, data: Mapping[str, list[dict[str, Any]]]) -> Pages:
    names = {n["id"]: n for n in data["nodes"]}
    strongest = sorted(data["edges"], key=lambda x: (-int(x["weight"]), x["source"], x["target"]))[:60]
    rows = [(names[x["source"]], names[x["target"]], x["weight"]) for x in strongest]
    content = ctx.render(
        "graph.md.j2",
        data_href=ctx.href(GRAPH_SRC, "graph.json"),
        rows=rows,
        node_count=len(names),
        edge_count=len(data["edges"]),
    )
    return [(GRAPH_SRC, content)]


def home_page(ctx: PageContext, index: SiteIndex, export_path: str, other_exports: Sequence[str] = ()) -> Pages:
    src = "index.md"
    top = {
        t: [
            (e, ctx.href(src, entity_src(e.id, e.type)))
            for e in sorted(
                (e for e in index.entities if e.type == t and e.id in index.paged),
                key=lambda e: (-len(e.mentions), e.name),
            )[:10]
        ]
        for t in ENTITY_TYPES
    }
    languages = Counter(a.language for a in index.articles)
    content = ctx.render(
        "home.md.j2",
        site_name=ctx.site_name,
        article_count=len(index.articles),
        story_count=len(index.story_members),
        entity_counts={t: sum(1 for e in index.entities if e.type == t) for t in ENTITY_TYPES},
        mention_count=sum(len(e.mentions) for e in index.entities),
        quote_count=sum(1 for q in index.quotes if q.speaker),
        languages=sorted(languages.items()),
        top=top,
        type_hrefs={t: ctx.href(src, f"{TYPE_FOLDERS[t]}/index.md") for t in ENTITY_TYPES},
        export_href=export_path,
        other_exports=[(path.rsplit("/", 1)[-1], ctx.href(src, path)) for path in other_exports],
        graph_href=ctx.href(src, GRAPH_SRC),
        articles_href=ctx.href(src, "articles/index.md"),
        articles=[(a, ctx.href(src, article_src(a.id))) for a in sorted(index.articles, key=date_key)][:20],
    )
    return [(src, content)]


def redirects(ctx: PageContext, index: SiteIndex) -> dict[str, str]:
    """An HTML page at each old id of a renamed or merged entity, pointing at its page."""
    out = {}
    for old, new in sorted(index.resolution.redirects.items()):
        if new not in index.by_id or old in index.by_id:
            continue
        target = index.by_id[new]
        for folder in TYPE_FOLDERS.values():
            old_src = f"{folder}/{old}.md"
            path = f"{folder}/{old}/index.html" if ctx.s.use_directory_urls else f"{folder}/{old}.html"
            url = ctx.href(old_src, entity_src(target.id, target.type))
            out[path] = ctx.render("redirect.html.j2", url=url, name=target.name)
    return out


def graph_json(data: Mapping[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def _linked_mentions(index: SiteIndex, art_id: str) -> int:
    ex = index.extractions.get(art_id)
    return sum(1 for m in ex.mentions if m.key in index.link) if ex else 0


def _identifier_link(scheme: str, value: str) -> tuple[str, str, str]:
    if scheme == "wikidata":
        return ("Wikidata", value, f"https://www.wikidata.org/wiki/{quote(value)}")
    if scheme == "geonames":
        return ("GeoNames", value, f"https://www.geonames.org/{quote(value)}")
    if scheme == "unm49":
        return ("UN M49", value, "https://unstats.un.org/unsd/methodology/m49/")
    if scheme == "iso3166-2":
        return ("ISO 3166-2", value, f"https://www.iso.org/obp/ui/#iso:code:3166:{quote(value.split('-')[0])}")
    return ("Website", value, value)
