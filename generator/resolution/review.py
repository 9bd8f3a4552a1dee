"""``dossier review``: what a contributor should look at, as a table they can act on.

* **Merge candidates**: pairs of entities of one type whose name skeletons are
  similar (rapidfuzz), or where one name is a word of the other, with the
  evidence (scores, shared articles, example sentences).
* **Suspicious entities**: a single mention, a very long name, a name that is
  mostly common words, or a type that the mentions disagree about.

With ``--write FILE`` the proposals are written as curation YAML (``same_as``
merges and ``exclude`` entries) for the contributor to edit and move into
``content/curation/``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from generator.model import Entity
from generator.names import skeleton
from generator.pipeline import Settings, run


@dataclass(frozen=True)
class Candidate:
    a: Entity
    b: Entity
    score: float
    reason: str
    shared_articles: int


def merge_candidates(entities: Sequence[Entity], threshold: float = 85.0) -> list[Candidate]:
    out = []
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for group in by_type.values():
        keys = [(e, skeleton(e.name), set(skeleton(e.name).split())) for e in group]
        for i, (a, ka, wa) in enumerate(keys):
            for b, kb, wb in keys[i + 1 :]:
                score = fuzz.ratio(ka, kb)
                reason = ""
                if score >= threshold:
                    reason = f"similar names ({score:.0f}/100)"
                elif wa and wb and (wa <= wb or wb <= wa):
                    reason = "one name is part of the other"
                    score = fuzz.token_set_ratio(ka, kb)
                if reason:
                    shared = len(set(a.articles) & set(b.articles))
                    out.append(Candidate(a, b, score, reason, shared))
    return sorted(out, key=lambda c: (-c.score, c.a.id, c.b.id))


def suspicious(entities: Sequence[Entity]) -> list[tuple[Entity, str]]:
    out = []
    for e in entities:
        reasons = []
        if len(e.mentions) == 1 and not e.curated:
            reasons.append("one mention")
        if len(e.name.split()) > 4:
            reasons.append("long name")
        labels = Counter(m.label for m in e.mentions)
        if len(labels) > 1:
            reasons.append("mentions disagree on type: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
        if any(w[:1].islower() for w in e.name.split()[1:]) and e.type == "person":
            reasons.append("lower-case word in a person's name")
        if reasons:
            out.append((e, "; ".join(reasons)))
    return out


def proposals(cands: Sequence[Candidate], sus: Sequence[tuple[Entity, str]]) -> str:
    """Curation YAML proposing each merge (``same_as``) and each exclusion, with the evidence as comments.

    Every proposal is a suggestion: the contributor checks it, deletes what is
    wrong, and moves the rest into ``content/curation/``.
    """
    lines = [
        "# Proposed by `dossier review`. Check every entry, delete the wrong ones,",
        "# and move the rest into content/curation/.",
        "entities:",
    ]
    seen: set[str] = set()
    for c in cands:
        keep, merge = (c.a, c.b) if (len(c.a.mentions), c.b.id) >= (len(c.b.mentions), c.a.id) else (c.b, c.a)
        if keep.curated or keep.id in seen:
            continue
        seen.add(keep.id)
        lines.append(f"  # {c.reason}; {c.shared_articles} shared articles; {merge.name!r} -> {keep.name!r}")
        lines.append(f"  - id: {keep.id}")
        lines.append(f"    name: {json.dumps(keep.name, ensure_ascii=False)}")
        lines.append(f"    type: {keep.type}")
        lines.append(f"    same_as: [{merge.id}]")
    if len(lines) == 3:
        lines[-1] = "entities: []"
    lines.append("exclude:")
    # Only probable junk: one mention of one word that no gazetteer or curation knows.
    excluded = [
        e for e, why in sus if "one mention" in why and not e.curated and not e.identifiers and len(e.name.split()) == 1
    ]
    for e in excluded:
        lines.append(f"  - {json.dumps(e.name, ensure_ascii=False)}  # {e.type}, {len(e.mentions)} mention")
    if not excluded:
        lines[-1] = "exclude: []"
    return "\n".join(lines) + "\n"


def review(settings: Settings, write: Path | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    result = run(settings)
    entities = result.resolution.entities
    console = Console()
    cands = merge_candidates(entities)
    table = Table(title=f"Merge candidates ({len(cands)})")
    for col in ("type", "entity A", "entity B", "score", "why", "shared articles"):
        table.add_column(col)
    for c in cands:
        table.add_row(
            c.a.type,
            f"{c.a.name} [{c.a.id}]",
            f"{c.b.name} [{c.b.id}]",
            f"{c.score:.0f}",
            c.reason,
            str(c.shared_articles),
        )
    console.print(table)
    sus = suspicious(entities)
    table = Table(title=f"Suspicious entities ({len(sus)})")
    for col in ("type", "entity", "mentions", "why"):
        table.add_column(col)
    for e, why in sus:
        table.add_row(e.type, f"{e.name} [{e.id}]", str(len(e.mentions)), why)
    console.print(table)
    if write is not None:
        write.write_text(proposals(cands, sus), encoding="utf-8")
        console.print(f"proposals written to {write}")
    return 0
