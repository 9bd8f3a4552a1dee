"""What the pages draw besides text: timelines, maps and networks, as plain data for the templates.

Pure functions of the resolved corpus; the templates turn them into SVG and
``data-`` attributes that ``site_overrides/assets/dossier.js`` draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from typing import Any

from generator.model import Article, Entity

# (other entity, the sentences (article, index) naming both, the number of articles they share)
Neighbour = tuple[str, list[tuple[str, int]], int]
Cooccurrence = Mapping[tuple[str, str], list[tuple[str, int]]]
LinkTo = Callable[[Entity], str]  # the href of an entity's page, "" when it has none


def ranked_neighbours(neighbours: Sequence[Neighbour], by_id: Mapping[str, Entity], limit: int) -> list[Neighbour]:
    """The ``limit`` entities named most often with one, by shared sentences, then articles, then name."""
    ranked = sorted(neighbours, key=lambda n: (-len(n[1]), -n[2], by_id[n[0]].name))
    return ranked[:limit]


def timeline(e: Entity, arts: Mapping[str, Article]) -> dict[str, object]:
    """Mentions per article date as bars (server-side SVG: no script, works everywhere)."""
    counts: Counter[str] = Counter()
    undated = 0
    for m in e.mentions:
        date = arts[m.article].date if m.article in arts else None
        if date:
            counts[date] += 1
        else:
            undated += 1
    if len({d[:7] for d in counts}) > 1 and len(counts) > 24:
        monthly: Counter[str] = Counter()
        for d, n in counts.items():
            monthly[d[:7]] += n
        counts = monthly
    bars = sorted(counts.items())
    top = max((n for _, n in bars), default=1)
    width = max(1, len(bars))
    return {
        "bars": [
            {"label": label, "count": n, "x": i * (100 / width), "w": 100 / width * 0.8, "h": 40 * n / top}
            for i, (label, n) in enumerate(bars)
        ],
        "undated": undated,
        "total": sum(counts.values()) + undated,
    }


def map_places(
    e: Entity, neighbours: Sequence[Neighbour], by_id: Mapping[str, Entity], link_to: LinkTo
) -> list[dict[str, object]]:
    """The place itself, or the places an entity is mentioned with, with coordinates (at most 25).

    A place with an area carries it: ``countries`` (ISO 3166-1 numeric codes
    of the outlines to fill: a country, a continent's members) or ``extent``
    (south, west, north, east: a sea's or region's frame).
    """
    places: list[dict[str, Any]] = []
    if e.type == "place" and e.coordinates:
        places.append(_map_place(e, "", len(e.mentions), True))
    for other_id, where, _ in neighbours:
        other = by_id[other_id]
        if other.type == "place" and other.coordinates:
            places.append(_map_place(other, link_to(other), len(where), False))
    places.sort(key=lambda p: (not p["self"], -int(p["weight"]), str(p["name"])))
    return places[:25]


def _map_place(e: Entity, href: str, weight: int, own: bool) -> dict[str, Any]:
    assert e.coordinates is not None
    place: dict[str, Any] = {
        "name": e.name,
        "lat": e.coordinates[0],
        "lon": e.coordinates[1],
        "href": href,
        "weight": weight,
        "self": own,
    }
    if e.area is not None and e.area.countries:
        place["countries"] = list(e.area.countries)
    if e.area is not None and e.area.extent is not None:
        place["extent"] = list(e.area.extent)
    return place


def node(e: Entity, link_to: LinkTo, *, rounded: bool = False) -> dict[str, object]:
    """A graph node; ``rounded``: its mention count as a power of two ("size": :func:`magnitude`)."""
    count: dict[str, object] = {"size": magnitude(len(e.mentions))} if rounded else {"mentions": len(e.mentions)}
    return {"id": e.id, "label": e.name, "type": e.type, **count, "href": link_to(e)}


def magnitude(count: int) -> int:
    """The largest power of two not above ``count`` (1 for 1, 128 for 141): a size to draw by."""
    return 1 << (count.bit_length() - 1) if count > 0 else 0


def neighbourhood(
    e: Entity, neighbours: Sequence[Neighbour], cooc: Cooccurrence, by_id: Mapping[str, Entity], link_to: LinkTo
) -> dict[str, object]:
    """The entity, the 15 it is named with most, and the links among them.

    Mention counts and link weights are only drawn (node sizes, line widths), so each is given as
    its :func:`magnitude` ("size", "weight"): an article that names Paris once more changes the
    pages that show Paris in their neighbourhood only when a count passes a power of two, not the
    hundreds of pages of every entity named with Paris (one edit, a few pages to rebuild)."""
    rel = sorted(neighbours, key=lambda x: (-len(x[1]), x[0]))[:15]
    ids = [e.id] + [o for o, _, _ in rel]
    nodes = [node(by_id[i], link_to, rounded=True) for i in ids]
    edges = [{"source": e.id, "target": o, "weight": magnitude(len(w))} for o, w, _ in rel]
    for a, b in combinations(sorted(ids[1:]), 2):
        if (a, b) in cooc:
            edges.append({"source": a, "target": b, "weight": magnitude(len(cooc[(a, b)]))})
    return {"nodes": nodes, "edges": edges, "focus": e.id}


def graph(
    entities: Sequence[Entity], cooc: Cooccurrence, limit: int, link_to: LinkTo
) -> dict[str, list[dict[str, Any]]]:
    """The ``limit`` most mentioned of ``entities`` and the co-occurrences among them."""
    top = sorted(entities, key=lambda e: (-len(e.mentions), e.id))[:limit]
    keep = {e.id for e in top}
    nodes = [node(e, link_to) for e in top]
    # Filter before sorting: the co-occurrence table has millions of pairs on a large corpus.
    edges = [
        {"source": a, "target": b, "weight": len(w)}
        for (a, b), w in sorted((k, w) for k, w in cooc.items() if k[0] in keep and k[1] in keep)
    ]
    return {"nodes": nodes, "edges": edges}
