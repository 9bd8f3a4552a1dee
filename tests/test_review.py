"""`dossier review`: merge candidates with evidence, suspicious entities, proposed YAML that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.curation import Curation, parse_curation
from generator.resolution.resolve import resolve
from generator.resolution.review import merge_candidates, proposals, suspicious

from .helpers import corpus, make


@pytest.fixture(scope="module")
def gaz(shared_gazetteer):  # type: ignore[no-untyped-def]
    return shared_gazetteer


def entities():
    articles, extractions = corpus(
        make("a", "[Chatham House|organization] und [Chatam House|organization] berichten über [Kim Jong Un|person]."),
        make("b", "[Kim Jong-il|person] und [Kim Jong Un|person]. Dann [kolonialherrschaft|organization]."),
        make("c", "[Jewgeni Prigoschin|person] und die [Gruppe Wagner Prigoschin|organization]."),
    )
    return resolve(articles, extractions, Curation(), None).entities


def test_similar_names_are_candidates_with_evidence() -> None:
    cands = merge_candidates(entities())
    pairs = {(c.a.name, c.b.name): c for c in cands}
    chatham = pairs.get(("Chatam House", "Chatham House")) or pairs.get(("Chatham House", "Chatam House"))
    assert chatham is not None and chatham.score >= 85 and chatham.shared_articles == 1
    # Father and son stay two entities.
    assert {"Kim Jong Un", "Kim Jong-il"} <= {e.name for e in entities()}
    assert all(c.a.type == c.b.type for c in cands)


def test_two_places_the_gazetteer_tells_apart_are_no_merge_candidate() -> None:
    """ "Austria" and "Australia" are alike by their letters, but two GeoNames places."""
    from dataclasses import replace

    articles, extractions = corpus(
        make(
            "a",
            "[Austria|place] und [Australia|place] spielten, dann [Chatham House|organization] und [Chatam House|organization].",
        )
    )
    ids = {"Austria": "2782113", "Australia": "2077456"}
    ents = [
        replace(e, identifiers=(("geonames", ids[e.name]),)) if e.name in ids else e
        for e in resolve(articles, extractions, Curation(), None).entities
    ]
    assert {e.name for e in ents} >= set(ids)
    cands = merge_candidates(ents)
    assert sorted(sorted((c.a.name, c.b.name)) for c in cands) == [["Chatam House", "Chatham House"]]
    # Without the identifiers they are a candidate (the letters say so).
    assert len(merge_candidates([replace(e, identifiers=()) for e in ents])) == 2


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


def _findings(items, nouns, **evidence):
    """``dossier review``'s findings on a resolved corpus of marked-up articles."""
    from generator.resolution.review import findings

    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    texts = {a.id: a.text for a in articles}
    return findings(res.entities, texts, {a.id: a.language for a in articles}, nouns, **evidence)


def test_findings_rank_ordinary_and_glued_words_first() -> None:
    from generator.lexicon import CommonNouns

    items = [
        make("d", "[Beton|organization] und [Aufsteiger Kaymer|person] und [Martin Kaymer|person] spielten."),
        make("e", "[Keeper Tony Bullock|person] said the keeper was fine. [Zorro|person] left.", language="en"),
    ]
    found = _findings(items, CommonNouns({"de": frozenset({"Beton", "Aufsteiger"})}))
    top = [(f.kind, f.entities[0].name) for f in found[:3]]
    assert top == [
        ("ordinary word", "Beton"),
        ("glued word", "Aufsteiger Kaymer"),
        ("glued word", "Keeper Tony Bullock"),
    ]
    assert ("one mention", "Zorro") in [(f.kind, f.entities[0].name) for f in found]
    assert found == sorted(found, key=lambda f: -f.likelihood)
    # A first word a large corpus uses as people's names is a given name, whatever else it is ("Paolo").
    items = [make("f", "[Paolo Lorenzi|person] won. [Keeper Tony Bullock|person] lost.", language="en")]
    nouns = CommonNouns({"en": frozenset({"Paolo", "Keeper"})})
    glued = [f.entities[0].name for f in _findings(items, nouns) if f.kind == "glued word"]
    assert sorted(glued) == ["Keeper Tony Bullock", "Paolo Lorenzi"]
    found = _findings(items, nouns, name_clusters=lambda w, lang: w == "Paolo")
    assert [f.entities[0].name for f in found if f.kind == "glued word"] == ["Keeper Tony Bullock"]


def test_a_person_no_word_of_whose_name_people_bear_is_a_likely_problem() -> None:
    # "Het Laatste Nieuws" (a newspaper) and "Metal Slug" (a game) typed persons; "Jonas Reuter" has a
    # given name, "K Maggs" an initial, and "Nopphol Witvorapong" a word the Brown clusters of names know.
    from generator.lexicon import CommonNouns

    items = [
        make(
            "d", "Laut [Het Laatste Nieuws|person] sagte [Jonas Reuter|person] ab; [Nopphol Witvorapong|person] nicht."
        ),
        make("e", "[Metal Slug|person] sold well, said [K Maggs|person].", language="en"),
    ]
    found = _findings(
        items,
        CommonNouns({"de": frozenset(), "en": frozenset()}),
        person_names=lambda w: w in {"Jonas", "Reuter", "Maggs"},
        name_clusters=lambda w, lang: w == "Nopphol",
    )
    flagged = sorted(f.entities[0].name for f in found if f.kind == "not a person")
    assert flagged == ["Het Laatste Nieuws", "Metal Slug"]


def test_review_never_writes_over_a_file_or_into_the_inputs(tmp_path: Path) -> None:
    from generator.pipeline import Settings
    from generator.resolution.review import review

    corpus_dir, curation_dir = tmp_path / "articles", tmp_path / "curation"
    corpus_dir.mkdir()
    curation_dir.mkdir()
    existing = tmp_path / "mine.yml"
    existing.write_text("my notes", encoding="utf-8")
    settings = Settings(corpus=corpus_dir, curation=curation_dir, templates=tmp_path, cache_dir=None)
    assert review(settings, write=existing) == 2
    assert existing.read_text(encoding="utf-8") == "my notes"
    assert review(settings, write=curation_dir / "proposals.yml") == 2
    assert not (curation_dir / "proposals.yml").exists()


def test_an_acronym_beside_the_name_it_abbreviates_is_a_likely_split() -> None:
    """ "WHO" typed place beside "World Health Organization": two pages for one body (resolution joins a
    place's initials typed organisation, "NI" / Northern Ireland, but not the other way round)."""
    from generator.resolution.review import LIKELY, findings

    articles, extractions = corpus(
        make("e", "The [World Health Organization|organization] warned. [WHO|place] staff left.", language="en"),
        make("f", "The [EU|organization] and [Eurostat|organization] agreed.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), None)
    found = findings(res.entities, {a.id: a.text for a in articles}, {a.id: a.language for a in articles})
    merges = [(f.kind, [e.name for e in f.entities], f.likelihood >= LIKELY) for f in found if f.kind == "merge"]
    assert merges == [("merge", ["WHO", "World Health Organization"], True)]


def test_a_place_finding_needs_the_place_of_that_very_name(gaz) -> None:  # type: ignore[no-untyped-def]
    """GeoNames lists "Google" among Topeka's alternate names (a 2010 stunt): no finding for Google."""
    from generator.resolution.review import findings

    articles, extractions = corpus(
        make("e", "[Google|organization] hired. [Toulouse|person] won.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), None)
    found = findings(res.entities, {a.id: a.text for a in articles}, {a.id: a.language for a in articles}, None, gaz)
    types = [(f.entities[0].name, f.why) for f in found if f.kind == "type"]
    assert types == [("Toulouse", "typed person, but Toulouse is a city")]


def test_a_place_finding_on_a_persons_name_is_not_a_likely_problem(gaz) -> None:  # type: ignore[no-untyped-def]
    """ "Victoria" is a city and a given name: typed person, it is less likely a mistake than "Toulouse"."""
    from generator.resolution.review import LIKELY, findings

    articles, extractions = corpus(make("e", "[Toulouse|person] won. [Victoria|person] sang.", language="en"))
    res = resolve(articles, extractions, Curation(), None)
    found = findings(
        res.entities,
        {a.id: a.text for a in articles},
        {a.id: a.language for a in articles},
        None,
        gaz,
        person_names=lambda word: word.casefold() == "victoria",
    )
    likely = {f.entities[0].name: f.likelihood >= LIKELY for f in found if f.kind == "type"}
    assert likely == {"Toulouse": True, "Victoria": False}


def test_a_towns_name_typed_organisation_is_not_a_likely_problem(gaz) -> None:  # type: ignore[no-untyped-def]
    """A club, a council or a company is named after its town as often as the type is a mistake ("Leeds
    fell out of the Premiership", "Columbia released the film"): shown, not among the likely findings."""
    from generator.resolution.review import LIKELY, findings

    articles, extractions = corpus(
        make("e", "[Leeds|organization] fell out of the league. [Toulouse|person] won.", language="en")
    )
    res = resolve(articles, extractions, Curation(), None)
    found = findings(res.entities, {a.id: a.text for a in articles}, {a.id: a.language for a in articles}, None, gaz)
    likely = {f.entities[0].name: f.likelihood >= LIKELY for f in found if f.kind == "type"}
    assert likely == {"Leeds": False, "Toulouse": True}


def test_a_town_whose_mentions_name_its_team_is_a_likely_type_problem(gaz) -> None:  # type: ignore[no-untyped-def]
    """ "Palermo beat Milan 2-0", "Palermo coach Guidolin": a club named by its town; a country's name
    standing for its national team is left alone, and a club typed organisation is no problem."""
    from generator.resolution.review import LIKELY, findings

    text = (
        "[Palermo|place] beat [Milan|place] 2-0. [Palermo|place] coach [Francesco Guidolin|person] smiled;"
        " fans in [Milan|place] were sad. [Wales|place] beat [Italy|place] 2-0. Against [Italy|place] it rained."
        " [Leeds|organization] beat [Bolton|organization] 2-1."
    )
    articles, extractions = corpus(make("e", text, language="en"))
    res = resolve(articles, extractions, Curation(), None)
    found = findings(res.entities, {a.id: a.text for a in articles}, {a.id: a.language for a in articles}, None, gaz)
    likely = sorted(f.entities[0].name for f in found if f.kind == "type" and f.likelihood >= LIKELY)
    assert likely == ["Milan", "Palermo"]


def test_two_spellings_of_one_name_in_one_article_are_a_likely_merge() -> None:
    from generator.resolution.review import LIKELY, findings

    articles, extractions = corpus(
        make(
            "e",
            "[Steven Gerrard|person] scored; [Steve Gerrard|person] smiled. [Gary Neville|person] ran.",
            language="en",
        ),
        make("f", "[Chatham House|organization] spoke.", language="en"),
        make("g", "[Chatam House|organization] spoke.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), None)
    found = findings(res.entities, {a.id: a.text for a in articles}, {a.id: a.language for a in articles})
    merges = {tuple(e.name for e in f.entities): f.likelihood >= LIKELY for f in found if f.kind == "merge"}
    assert merges[("Steve Gerrard", "Steven Gerrard")] and not merges[("Chatam House", "Chatham House")]
