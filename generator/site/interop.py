"""The dossier in the formats investigators' tools read: FollowTheMoney, GraphML and CSV.

* ``ftm``: FollowTheMoney entities as JSON lines (``ftm validate``, Aleph's
  ``alephclient write-entities``): each article an ``Article``; each person a
  ``Person``; each organisation an ``Organization``, or a ``Company`` when its
  name carries a company's legal form (rigour's list); each place an
  ``Address`` (FollowTheMoney has no schema for a named place: an ``Address``
  holds a name, coordinates and a country, and is what Aleph shows on a map);
  each mention of a person or organisation a ``Mention`` linking the article
  (``document``) to the entity (``resolved``), which is how Aleph records named
  entities found in a document (a ``Mention`` resolves to legal entities only,
  so places are named in the article's ``locationMentioned``). Ids are
  deterministic (``make_id`` of the dossier ids).
* ``graphml`` and ``gexf``: the co-occurrence network of the graph page (same
  nodes, edges and weights) for Cytoscape and Gephi, written with ``networkx``;
  the GEXF file dates itself by the newest article, not the clock, and colours
  nodes by type as the site does.
* ``csv``: one table per entity type and one of mentions, UTF-8 with a byte
  order mark so spreadsheet programs read the accents right.

Each is a pure function of the resolved corpus; the output is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from generator.model import ENTITY_TYPES, TYPE_FOLDERS, Article, Entity
from generator.site.index import SiteIndex
from generator.site.pieces import Pieces
from generator.site.settings import RenderSettings
from generator.site.urls import entity_src, page_url

FORMATS = ("ftm", "graphml", "gexf", "csv")
FTM_PATH = "exports/dossier.ftm.json"
GRAPHML_PATH = "exports/network.graphml"
GEXF_PATH = "exports/network.gexf"
#: The graph page's type colours (site_overrides/assets/dossier.css), for Gephi.
TYPE_RGB = {"person": (0x1E, 0x66, 0xC5), "organization": (0x7B, 0x35, 0xE0), "place": (0x13, 0x7A, 0x38)}
MENTIONS_CSV = "exports/mentions.csv"


def paths(formats: Sequence[str]) -> list[str]:
    """The files ``formats`` produce, in a fixed order (for links and tests)."""
    out = []
    if "ftm" in formats:
        out.append(FTM_PATH)
    if "graphml" in formats:
        out.append(GRAPHML_PATH)
    if "gexf" in formats:
        out.append(GEXF_PATH)
    if "csv" in formats:
        out += [f"exports/{TYPE_FOLDERS[t]}.csv" for t in ENTITY_TYPES] + [MENTIONS_CSV]
    return out


def exports(
    formats: Sequence[str],
    index: SiteIndex,
    graph: Mapping[str, list[dict[str, Any]]],
    settings: RenderSettings,
    pieces: Pieces | None = None,
) -> dict[str, str]:
    """Path -> content of every file of ``formats``; ``pieces`` keeps the FollowTheMoney records between builds."""
    out: dict[str, str] = {}
    if "ftm" in formats:
        out[FTM_PATH] = "".join(ftm_lines(index, pieces if pieces is not None else Pieces(None, "")))
    if "graphml" in formats:
        out[GRAPHML_PATH] = graphml(index, graph)
    if "gexf" in formats:
        out[GEXF_PATH] = gexf(index, graph)
    if "csv" in formats:
        out.update(tables(index, settings))
    return out


# ---------------------------------------------------------------- FollowTheMoney


def ftm_lines(index: SiteIndex, pieces: Pieces) -> Iterator[str]:
    """FollowTheMoney entities as JSON lines (``EntityProxy.to_dict`` with sorted values and keys).

    Each entity's line, and the lines of each article's mentions, are made from a tuple of exactly what
    they show (:class:`Pieces`: after an edit, only the records that changed are made again). An
    article's own line is made every time: it holds the article's text, which the pieces would keep a
    second copy of, and it is one record per article, not one per mention.
    """
    ids: dict[str, str] = {}
    schema_of: dict[str, str] = {}
    for e in index.entities:
        aliases = tuple(a.name for a in e.aliases)
        inputs = ("entity", e.id, e.type, e.name, aliases, e.description, tuple(e.identifiers), e.coordinates)
        schema, ftm_id, line = pieces.get(inputs, partial(_ftm_entity, e, aliases))
        ids[e.id], schema_of[e.id] = ftm_id, schema
        yield line
    for art in index.articles:
        proxy = _ftm_article(art, _entities_in(index, art.id))
        yield _ftm_line(proxy)
        mentions: list[tuple[int, int, str, str, str]] = []
        ex = index.extractions.get(art.id)
        for m in ex.mentions if ex else ():
            ent_id = index.resolution.by_mention.get(m.key)
            if ent_id is not None and schema_of.get(ent_id) != "Address":
                mentions.append((m.start, m.end, m.text, ids[ent_id], schema_of[ent_id]))
        if mentions:
            key = ("mentions", art.id, proxy.id, tuple(mentions))
            yield pieces.get(key, partial(_ftm_mentions, art.id, proxy.id, mentions))


def _ftm_make(schema: str, *key: str) -> Any:
    from followthemoney import model

    proxy = model.make_entity(schema)
    proxy.make_id("dossier", *key)
    return proxy


def _ftm_line(proxy: Any) -> str:
    props = {prop: sorted(values) for prop, values in proxy.to_dict()["properties"].items()}
    record = {"id": proxy.id, "schema": proxy.schema.name, "properties": props}
    return json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def _ftm_entity(e: Entity, aliases: tuple[str, ...]) -> tuple[str, str, str]:
    """(schema, FollowTheMoney id, JSON line) of an entity."""
    from rigour.names import extract_org_types

    if e.type == "person":
        schema = "Person"
    elif e.type == "organization":
        companies = [t for t in extract_org_types(e.name) if t]
        schema = "Company" if companies else "Organization"
    else:
        schema = "Address"
    proxy = _ftm_make(schema, "entity", e.id)
    proxy.add("name", e.name)
    proxy.add("alias", list(aliases))
    if e.description:
        proxy.add("description", e.description)
    for scheme, value in e.identifiers:
        if scheme == "wikidata":
            proxy.add("wikidataId", value)
        elif scheme == "website" and schema != "Address":
            proxy.add("website", value)
    if schema == "Address":
        proxy.add("full", e.name)
        if e.coordinates:
            proxy.add("latitude", str(e.coordinates[0]))
            proxy.add("longitude", str(e.coordinates[1]))
    return schema, proxy.id, _ftm_line(proxy)


def _ftm_article(art: Article, named: Sequence[Entity]) -> Any:
    """An article as a FollowTheMoney ``Article``, with the names of the entities it mentions."""
    proxy = _ftm_make("Article", "article", art.id)
    proxy.add("title", art.title)
    proxy.add("fileName", art.source)
    proxy.add("bodyText", art.text)
    proxy.add("language", art.language)
    if art.date:
        proxy.add("publishedAt", art.date)
    if art.outlet:
        proxy.add("publisher", art.outlet)
    if art.url:
        proxy.add("sourceUrl", art.url)
    by_type = {t: sorted({e.name for e in named if e.type == t}) for t in ENTITY_TYPES}
    proxy.add("peopleMentioned", by_type["person"])
    proxy.add("companiesMentioned", by_type["organization"])
    proxy.add("locationMentioned", by_type["place"])
    return proxy


def _ftm_mentions(art_id: str, article_ftm_id: str, mentions: Sequence[tuple[int, int, str, str, str]]) -> str:
    """The JSON lines of an article's mentions of persons and organisations."""
    lines = []
    for start, end, text, ftm_id, schema in mentions:
        mention = _ftm_make("Mention", "mention", art_id, str(start), str(end))
        mention.add("document", article_ftm_id)
        mention.add("resolved", ftm_id)
        mention.add("name", text)
        mention.add("detectedSchema", schema)
        lines.append(_ftm_line(mention))
    return "".join(lines)


def _entities_in(index: SiteIndex, art_id: str) -> list[Entity]:
    ex = index.extractions.get(art_id)
    found = {index.resolution.by_mention.get(m.key) for m in ex.mentions} if ex else set()
    return [index.by_id[i] for i in sorted(i for i in found if i in index.by_id)]


# ---------------------------------------------------------------- network


def network(index: SiteIndex, graph: Mapping[str, list[dict[str, Any]]]) -> Any:
    """The graph page's network as a ``networkx`` graph: node type, mentions, first and last seen; edge weight."""
    import networkx as nx

    g = nx.Graph()
    for node in graph["nodes"]:
        first, last = _seen(index, index.by_id[node["id"]])
        g.add_node(
            node["id"],
            label=node["label"],
            type=node["type"],
            mentions=node["mentions"],
            first_seen=first,
            last_seen=last,
        )
    for edge in graph["edges"]:
        g.add_edge(edge["source"], edge["target"], weight=edge["weight"])
    return g


def graphml(index: SiteIndex, graph: Mapping[str, list[dict[str, Any]]]) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(network(index, graph))) + "\n"


def gexf(index: SiteIndex, graph: Mapping[str, list[dict[str, Any]]]) -> str:
    """The network as GEXF 1.2 for Gephi, coloured by type and dated by its newest article (else undated)."""
    from networkx.readwrite.gexf import GEXFWriter

    g = network(index, graph)
    for node, data in g.nodes(data=True):
        r, gr, b = TYPE_RGB[data["type"]]
        g.nodes[node]["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
    writer = GEXFWriter()
    meta = writer.xml.find("meta")
    if meta is not None:  # the writer stamps today's date: the corpus's newest date instead, for equal builds
        dates = sorted(a.date for a in index.arts.values() if a.date)
        if dates:
            meta.set("lastmodifieddate", dates[-1][:10])
        else:
            meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(g)
    return str(writer) + "\n"


def _seen(index: SiteIndex, e: Entity) -> tuple[str, str]:
    """First and last article date naming ``e`` ("" when undated)."""
    dates = sorted(d for a in e.articles if a in index.arts and (d := index.arts[a].date))
    return (dates[0], dates[-1]) if dates else ("", "")


# ---------------------------------------------------------------- spreadsheets


def tables(index: SiteIndex, settings: RenderSettings) -> dict[str, str]:
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    out = {}
    for t in ENTITY_TYPES:
        rows = [["id", "name", "aliases", "type", "mentions", "articles", "first_seen", "last_seen", "page"]]
        for e in index.entities:
            if e.type != t:
                continue
            first, last = _seen(index, e)
            page = base + page_url(entity_src(e.id, e.type), settings.use_directory_urls) if e.id in index.paged else ""
            aliases = "; ".join(a.name for a in e.aliases)
            rows.append([e.id, e.name, aliases, e.type, str(len(e.mentions)), str(len(e.articles)), first, last, page])
        out[f"exports/{TYPE_FOLDERS[t]}.csv"] = _csv(rows)
    rows = [["article", "entity", "text", "start", "end", "sentence_index", "sentence", "source"]]
    spans = {(a, s.index): (s.start, s.end) for a, ex in index.extractions.items() for s in ex.sentences}
    for e in index.entities:
        for m in e.mentions:
            art = index.arts.get(m.article)
            span = spans.get((m.article, m.sentence))
            sentence = art.text[span[0] : span[1]] if art and span else ""
            rows.append([m.article, e.id, m.text, str(m.start), str(m.end), str(m.sentence), sentence, m.source])
    out[MENTIONS_CSV] = _csv(rows)
    return out


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # RFC 4180: CRLF line ends, quotes where needed
    return "\ufeff" + buffer.getvalue()
