"""``dossier.json``: every article, entity, mention and quote, for other tools (README "Export")."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from generator.model import Article, Extraction
from generator.resolution.quotes import Quote
from generator.resolution.resolve import Resolution
from generator.resolution.roles import Role
from generator.site.settings import RenderSettings
from generator.site.urls import article_src, entity_src, page_url

EXPORT_PATH = "dossier.json"
EXPORT_VERSION = 1


def export_json(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    resolution: Resolution,
    settings: RenderSettings,
    quotes: Sequence[Quote] = (),
    roles: Mapping[str, Sequence[Role]] | None = None,
    stories: Mapping[str, str] | None = None,
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
                "story": (stories or {}).get(a.id, a.id),
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
                "area": {"countries": list(e.area.countries), "extent": list(e.area.extent) if e.area.extent else None}
                if e.area is not None
                else None,
                "url": (base + page_url(entity_src(e.id, e.type), settings.use_directory_urls))
                if len(e.mentions) >= settings.min_mentions
                else None,
                "roles": [
                    {"text": r.text, "language": r.language, "article": r.article, "sentence_index": r.sentence}
                    for r in (roles or {}).get(e.id, ())
                ],
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
        "quotes": [
            {
                "article": q.article,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "sentence_index": q.sentence,
                "cue": q.cue,
            }
            for q in sorted(quotes, key=lambda q: (q.article, q.start))
        ],
        "redirects": dict(sorted(resolution.redirects.items())),
    }
    return _json_records(data)


def _json_records(data: Mapping[str, object]) -> str:
    """JSON with one top-level field or list item per line.

    Readable and diff-friendly like an indented dump, but every record goes
    through the C encoder: ``indent=`` falls back to the pure-Python one, which
    took ~3 s for a 3,000-article export.
    """

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join("  " + dump(item) for item in value)
            fields.append(f" {dump(key)}: [\n{body}\n ]")
        else:
            fields.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"
