"""`dossier review`: merge candidates with evidence, suspicious entities, proposed YAML that validates."""

from __future__ import annotations

from pathlib import Path

from generator.curation import Curation, parse_curation
from generator.resolution.resolve import resolve
from generator.resolution.review import merge_candidates, proposals, suspicious

from .helpers import corpus, make


def entities():
    articles, extractions = corpus(
        make("a", "[Chatham House|organization] und [Chatham Haus|organization] berichten über [Kim Jong Un|person]."),
        make("b", "[Kim Jong-il|person] und [Kim Jong Un|person]. Dann [kolonialherrschaft|organization]."),
        make("c", "[Jewgeni Prigoschin|person] und die [Gruppe Wagner Prigoschin|organization]."),
    )
    return resolve(articles, extractions, Curation(), None).entities


def test_similar_names_are_candidates_with_evidence() -> None:
    cands = merge_candidates(entities())
    pairs = {(c.a.name, c.b.name): c for c in cands}
    chatham = pairs.get(("Chatham Haus", "Chatham House")) or pairs.get(("Chatham House", "Chatham Haus"))
    assert chatham is not None and chatham.score >= 85 and chatham.shared_articles == 1
    # Father and son stay two entities.
    assert {"Kim Jong Un", "Kim Jong-il"} <= {e.name for e in entities()}
    assert all(c.a.type == c.b.type for c in cands)


def test_suspicious_entities() -> None:
    flagged = {e.name: why for e, why in suspicious(entities())}
    assert "one mention" in flagged["kolonialherrschaft"]


def test_proposals_are_valid_curation_yaml(tmp_path: Path) -> None:
    ents = entities()
    text = proposals(merge_candidates(ents), suspicious(ents))
    assert "# similar names" in text
    parsed = parse_curation(text, "proposals.yml")
    assert parsed.entities and all(e.same_as for e in parsed.entities)
    assert "kolonialherrschaft" in [x if isinstance(x, str) else x.name for x in parsed.exclude]
