"""The spaCy layers on a blank pipeline (fast): curated names, gazetteer, junk filter, chunking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from generator.curation import load_curation
from generator.extraction.components import SpanFilter
from generator.extraction.nlp import NlpSettings, build_pipeline, chunks


@pytest.fixture(scope="module", autouse=True)
def one_gazetteer(shared_gazetteer) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every pipeline of this module uses the session's gazetteer instead of building its own."""
    from generator.extraction import nlp as nlp_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nlp_module, "load_gazetteer", lambda: shared_gazetteer)
        yield


@pytest.fixture(scope="module")
def blank_de(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("blank") / "de"
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="fake_ner")  # stands in for a statistical NER model
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": "Kreml-Sprecher Dmitri Peskow"},
            {"label": "PER", "pattern": "Kim am Mittwoch"},
            {"label": "PER", "pattern": "Nordkorea"},
            {"label": "ORG", "pattern": "russischen"},
            {"label": "LOC", "pattern": "Moskau"},
            {"label": "LOC", "pattern": "USA"},
            {"label": "PER", "pattern": "Kang"},
            {"label": "ORG", "pattern": "Sun Nam"},
            # What a small model gets wrong at the edges of names (see SpanFilter.extend):
            {"label": "ORG", "pattern": "Institut für russische"},
            {"label": "PER", "pattern": "Patel"},
            {"label": "PER", "pattern": "Eurasia Programme"},
            {"label": "LOC", "pattern": "Russia"},
            {"label": "ORG", "pattern": "Söldnergruppe Wagner"},
            {"label": "ORG", "pattern": "Defense"},
            {"label": "ORG", "pattern": "Kremlin"},
            {"label": "ORG", "pattern": "Zentrum für Studien zu Wort"},
            {"label": "PER", "pattern": "Karl zu Guttenberg"},
            {"label": "LOC", "pattern": "Rosneft"},
            {"label": "PER", "pattern": "Gazprom"},
            # A list of names, a bracket, a form of address and a time zone the model took for names.
            {"label": "ORG", "pattern": "Barkley, Hodgson, Vyvyan"},
            {"label": "PER", "pattern": "Shameless (Channel"},
            {"label": "ORG", "pattern": "Mr Brown"},
            {"label": "ORG", "pattern": "Morris"},
            {"label": "ORG", "pattern": "GMT"},
            {"label": "PER", "pattern": "Russisch"},
            {"label": "LOC", "pattern": "Alabama"},
            {"label": "LOC", "pattern": "Tobago"},
            # A result after a team or player; a number that is part of a name.
            {"label": "LOC", "pattern": "Tschechien 7-5 6:3"},
            {"label": "ORG", "pattern": "Hannover 96"},
            {"label": "LOC", "pattern": "Irland v USA"},
            {"label": "ORG", "pattern": "Islanders – Devils"},
            {"label": "LOC", "pattern": "Baden-Württemberg"},
            # A preposition capitalised at the start of a sentence, and a given name that is one too.
            {"label": "PER", "pattern": "Laut Mayr"},
            {"label": "PER", "pattern": "Per Mertesacker"},
            # A name cut after its adjective, before its noun.
            {"label": "ORG", "pattern": "Miliz Islamischer"},
            {"label": "ORG", "pattern": "Verband Bremer"},
            {"label": "ORG", "pattern": "Organisation für Sicherheit"},
            {"label": "ORG", "pattern": "Nicht-EU-Bürger"},
            {"label": "ORG", "pattern": "Anti-Doping-Agentur"},
            # A surname particle where the model stopped, and a file path.
            {"label": "PER", "pattern": "Alexander Van"},
            {"label": "PER", "pattern": "Ursula Von"},
            {"label": "PER", "pattern": "Kenneth De"},
            {"label": "PER", "pattern": "C:\\Windows\\System32"},
            {"label": "ORG", "pattern": "https://example.org"},
            {"label": "ORG", "pattern": "MPs"},
            {"label": "ORG", "pattern": "NGOs"},
            {"label": "ORG", "pattern": "ABC"},
            {"label": "ORG", "pattern": "ABCs"},
            {"label": "ORG", "pattern": "Max-Planck-Institut"},
            {"label": "ORG", "pattern": "Montag"},
            {"label": "LOC", "pattern": "A4"},
            # Initials, ordinals and particles written into a name.
            {"label": "PER", "pattern": "Elisabeth II."},
            {"label": "PER", "pattern": "Nico G."},
            {"label": "PER", "pattern": "Ali al-Nuaimi"},
            {"label": "PER", "pattern": "Alexandr Lukaschenko"},
            # Lines run together where a text lost its line breaks.
            {"label": "ORG", "pattern": [{"TEXT": "P."}, {"TEXT": "Los"}, {"TEXT": "Angeles"}, {"TEXT": "Kings"}]},
            {"label": "ORG", "pattern": "Ottawa Senators"},
            {"label": "ORG", "pattern": "Mittwochabend"},
            {"label": "ORG", "pattern": "Fußball-Bundesligisten Hannover"},
            {"label": "ORG", "pattern": "Terrorgruppen Zugang"},
            {"label": "LOC", "pattern": "Houston"},
            {"label": "ORG", "pattern": "Reporter"},
        ]
    )
    nlp.to_disk(path)
    return str(path)


def ents(nlp, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [(e.text, e.label_, e.id_ or e.kb_id_) for e in doc.ents]


def curation(tmp_path: Path):
    (tmp_path / "c.yml").write_text(
        "entities:\n  - id: un\n    name: United Nations\n    type: organization\n    aliases: [UN, Vereinte Nationen]\n",
        encoding="utf-8",
    )
    return load_curation(tmp_path)


def english_with(tmp_path: Path, patterns: list[dict[str, str]], lang: str = "en"):  # type: ignore[no-untyped-def]
    """The English (or ``lang``'s) layers over a blank pipeline whose "model" is an entity ruler with ``patterns``."""
    path = tmp_path / lang
    nlp = spacy.blank(lang)
    nlp.add_pipe("entity_ruler", name="fake_ner").add_patterns(patterns)
    nlp.to_disk(path)
    return build_pipeline(lang, str(path), NlpSettings(), curation(tmp_path))


def test_curated_acronyms_match_case_sensitively_and_declined_names_match(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Kim Jong Un sprach vor der UN und den Vereinten Nationen.") == [
        ("UN", "ORG", "curated:un"),
        ("Vereinten Nationen", "ORG", "curated:un"),
    ]


def test_filter_trims_roles_and_time_tails_and_drops_adjectives(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Kreml-Sprecher Dmitri Peskow lobte Kim am Mittwoch die russischen Pläne.")
    assert ("Dmitri Peskow", "PER", "") in found
    assert ("Kim", "PER", "") in found
    assert all(text != "russischen" for text, _, _ in found)


def test_filter_cuts_results_and_fixtures_but_keeps_numbers_and_hyphens_in_names(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = [text for text, _, _ in ents(nlp, "Sieg über Tschechien 7-5 6:3, dann gewann Hannover 96 und")]
    assert found == ["Tschechien", "Hannover 96"]
    found = [text for text, _, _ in ents(nlp, "Spiel Irland v USA und Islanders – Devils in Baden-Württemberg.")]
    assert found == ["Irland", "USA", "Islanders", "Devils", "Baden-Württemberg"]


def test_gazetteer_canonicalises_retypes_and_finds(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Nordkorea, Moskau und die USA; später Pjöngjang.")
    assert ("Nordkorea", "LOC", "geonames:1873107") in found  # was PER: a country name retypes it
    assert ("Moskau", "LOC", "geonames:524901") in found
    assert ("USA", "LOC", "geonames:6252001") in found
    assert ("Pjöngjang", "LOC", "geonames:1871859") in found  # found though the model missed it


def test_layers_can_be_switched_off(blank_de: str, tmp_path: Path) -> None:
    from generator.extraction.nlp import Layers

    nlp = build_pipeline(
        "de",
        blank_de,
        NlpSettings(layers=Layers(curated=False, gazetteer=False, filter=False, sheets=False)),
        curation(tmp_path),
    )
    assert [n for n in nlp.pipe_names if n.startswith("dossier")] == []
    assert ("Nordkorea", "PER", "") in ents(nlp, "Nordkorea schweigt.")


def test_a_verbal_idiom_is_cut_from_an_organisations_name(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Die Zeitung ließ das Zentrum für Studien zu Wort kommen. Karl zu Guttenberg schwieg.")
    assert ("Zentrum für Studien", "ORG", "") in found
    assert ("Karl zu Guttenberg", "PER", "") in found  # a person's name keeps its particle


def test_chunks_cover_the_text_exactly() -> None:
    text = "Satz eins. " * 5000 + "x" * 30000
    pieces = list(chunks(text, 0, len(text), limit=1000))
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p and len(p) <= 1000 for o, p in pieces)


def test_adjacent_fragments_of_one_name_are_joined(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ("Kang Sun Nam", "PER", "") in ents(nlp, "Verteidigungsminister Kang Sun Nam sprach.")


def test_filter_completes_names_the_model_cut_short(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Yang vom Institut für russische, osteuropäische und zentralasiatische Studien in Shanghai.")
    assert ("Institut für russische, osteuropäische und zentralasiatische Studien", "ORG", "") in found
    # German writes a name's "ohne" small: the model stops before it.
    assert ("Reporter ohne Grenzen", "ORG", "") in ents(nlp, "Das kritisierte Reporter ohne Grenzen am Montag.")
    assert ("Ärzte ohne Grenzen", "ORG", "") in ents(nlp, "Sie half der Organisation Ärzte ohne Grenzen.")
    # A given name after punctuation or a role word; never a common noun after an article.
    assert ("Vedant Patel", "PER", "") in ents(nlp, "sagte der Sprecher des Ministeriums, Vedant Patel, am Dienstag.")
    assert ("Patel", "PER", "") in ents(nlp, "Das sagte der Kritiker Patel.")
    # A coordinated name joins an organisation's name, and a programme is no person.
    assert ents(nlp, "Giles vom Russia & Eurasia Programme.") == [("Russia & Eurasia Programme", "ORG", "")]
    # Names announced by a noun: the noun is not part of the name, the name is found.
    assert ("Wagner", "ORG", "") in ents(nlp, "Die Söldnergruppe Wagner kämpft.")
    assert ("Channel One", "ORG", "") in ents(nlp, "Peskow sprach mit dem Sender Channel One.")
    assert ents(nlp, "Das sagte der Sender am Abend.") == []
    # A name of letters and digits, and a portal's name.
    assert ("TVN24", "ORG", "") in ents(nlp, "Grund ist ein Interview des Fernsehsenders TVN24 am Freitag.")
    assert ("Indiewire", "ORG", "") in ents(nlp, "Er wird vom Filmportal Indiewire zitiert.")
    assert ents(nlp, "Das sagte der Sender 2016 nicht.") == []
    # A portfolio before a role word is an office, not an organisation; "Kremlin spokesman" stays.
    assert ents(nlp, "Russian Defense Minister Shoigu and a Kremlin spokesman.") == [("Kremlin", "ORG", "")]


def test_institutions_named_by_their_seat_are_found_whole(blank_de: str, tmp_path: Path) -> None:
    """The model misses "Amtsgericht Wismar" whole; the institution word and a town of any size
    (Wismar is too small for finding places alone) make one organisation, and so does a town's
    adjective before it."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Das Amtsgericht Wismar folgte der Schweriner Staatsanwaltschaft.")
    assert found == [("Amtsgericht Wismar", "ORG", ""), ("Schweriner Staatsanwaltschaft", "ORG", "")]
    assert ents(nlp, "Wismar ist schön, das Gericht tagte, die Staatsanwaltschaft Holger schwieg.") == []


def test_a_class_noun_announces_an_organisation(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    # Found though the model missed it, after a compound or a hyphenated genitive.
    assert ents(nlp, "im sozialen Netzwerk Facebook") == [("Facebook", "ORG", "")]
    assert ents(nlp, "im Auftrag des IT-Dienstleisters Dimension Data.") == [("Dimension Data", "ORG", "")]
    # Retyped where the model called it a place or a person.
    assert ents(nlp, "Der Ölkonzern Rosneft und der Energiekonzern Gazprom.") == [
        ("Rosneft", "ORG", ""),
        ("Gazprom", "ORG", ""),
    ]
    assert ents(nlp, "Am Dienstag sprach er vor Angestellten des Billigfliegers Easyjet.") == [("Easyjet", "ORG", "")]
    assert ents(nlp, "Der Mobilfunkanbieter Vodafone und die Modekette Zara.") == [
        ("Vodafone", "ORG", ""),
        ("Zara", "ORG", ""),
    ]
    # A verb is no class noun, and nothing is retyped without one.
    assert ents(nlp, "Sie wollen etwas unternehmen Nordkorea betreffend.")[0][:2] == ("Nordkorea", "LOC")
    assert ents(nlp, "Rosneft wächst.") == [("Rosneft", "LOC", "")]


def test_lists_brackets_forms_of_address_and_time_zones(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    doc = nlp("Es spielten Barkley, Hodgson, Vyvyan und andere.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Barkley", "ORG"), ("Hodgson", "ORG"), ("Vyvyan", "ORG")]
    # Each name of a list is marked: its label was the model's for the whole list (a weak type vote).
    assert set(doc.user_data["dossier_sources"].values()) == {"list"}
    assert ents(nlp, "Sie spielte in Shameless (Channel 4).") == [("Shameless", "PER", "")]
    # "Mr" makes a person and is no part of the name, inside the span or right before it.
    assert ents(nlp, "Das sagte Mr Brown. Auch Mr. Morris.") == [("Brown", "PER", ""), ("Morris", "PER", "")]
    assert ents(nlp, "Um 12 Uhr GMT.") == []
    # A town's name after a form of address is a person's, not the town ("Mr Houston").
    assert ents(nlp, "Das sagte Mr Houston in Houston.") == [
        ("Houston", "PER", ""),
        ("Houston", "LOC", "geonames:4699066"),
    ]


def test_a_language_or_people_is_no_name_unless_it_is_a_place(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = ents(nlp, "Er spricht Russisch in Alabama.")
    assert [text for text, _, _ in found] == ["Alabama"]  # a language of CLDR, but a place first


def test_a_place_name_the_model_cut_into_pieces_is_found_whole(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert [(t, label) for t, label, _ in ents(nlp, "Sie reiste nach Trinidad und Tobago.")] == [
        ("Trinidad und Tobago", "LOC")
    ]
    assert [t for t, _, _ in ents(nlp, "Tobago ist klein.")] == ["Tobago"]


def test_an_opening_quotation_mark_belongs_to_the_sentence_it_opens() -> None:
    """Splitters leave "„" after a full stop on the sentence that ends: statements then ended in "„ [4]"."""
    import spacy

    from generator.extraction.nlp import _sentence_bounds

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    for text, expected in [
        (
            "Er hat gratuliert. „Ich bin sicher“, erklärte Putin. Dann ging er.",
            ["Er hat gratuliert.", "„Ich bin sicher“, erklärte Putin.", "Dann ging er."],
        ),
        ("„Ich bin sicher.“ Dann ging er.", ["„Ich bin sicher.“", "Dann ging er."]),  # a closing mark stays
        ("He said: “Yes.” Then he left. “No,” she said.", ["He said: “Yes.”", "Then he left.", "“No,” she said."]),
    ]:
        doc = nlp(text)
        assert [doc[a:b].text for a, b in _sentence_bounds(doc)] == expected


@pytest.mark.slow
def test_the_shipped_german_model_loads_with_plain_spacy_load(tmp_path: Path) -> None:
    """Any spacy.load of the model finds its embedding layer (an entry point), not only the dossier's
    own loader: a fresh interpreter that never imports the dossier's code first."""
    import subprocess
    import sys

    from generator.extraction.nlp import SHIPPED

    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print([e.label_ for e in nlp('Der Verteidigungsminister Sergej Schoigu reiste nach Moskau.').ents])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SHIPPED["dossier:de"])], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "PER" in done.stdout


def test_lexeme_features_pack_cluster_prefixes_and_frequency() -> None:
    """The experimental embedding of training/de_ner_lexeme.cfg (MODEL_CARD.md, glex128)."""
    import spacy

    from generator.extraction.embed import LEXEME_TABLE, lexeme_features, pack_lexeme

    nlp = spacy.blank("de")
    table = nlp.vocab.lookups.add_table(LEXEME_TABLE)
    table["Putin"] = pack_lexeme(0b101000, -12.3)  # a Brown path, read backwards, and a log frequency
    doc = nlp("Putin kommt")
    rows = lexeme_features(doc, (4, 6)).tolist()
    assert rows[0] == [0b101000, 0b1000, 0b101000, 12]
    assert rows[1] == [0, 0, 0, 0]  # unknown word
    assert pack_lexeme(5, None) >> 16 == 31


@given(
    table=st.dictionaries(st.integers(1, 2**64 - 1), st.integers(0, 2**16 - 1), max_size=60),
    probes=st.lists(st.integers(0, 2**64 - 1), max_size=30),
)
@settings(max_examples=150, deadline=None)
def test_the_array_cluster_table_answers_as_the_dict_table_did(table: dict[int, int], probes: list[int]) -> None:
    """Property: the numpy table gives what spaCy's dict table gives, for present and absent keys."""
    import numpy

    from generator.extraction.embed import ArrayTable

    arrays = ArrayTable.from_items("lexeme_cluster", table.items())
    keys = [*probes, *table]
    assert [arrays.get(k) for k in keys] == [table.get(k) for k in keys]
    assert [k in arrays for k in keys] == [k in table for k in keys]
    assert arrays.lookup(numpy.asarray(keys, dtype="uint64")).tolist() == [table.get(k, 0) for k in keys]


def test_the_shipped_model_loads_its_clusters_as_arrays(tmp_path: Path) -> None:
    """The German model's cluster table comes from its dossier_clusters component, and survives a save."""
    from generator.extraction.embed import CLUSTER_TABLE, ArrayTable, cluster_ids
    from generator.extraction.nlp import SHIPPED

    nlp = spacy.load(SHIPPED["dossier:de"])
    assert nlp.pipe_names[0] == "dossier_clusters"
    assert isinstance(nlp.vocab.lookups.get_table(CLUSTER_TABLE), ArrayTable)
    doc = nlp.make_doc("Merkel traf Boateng in Berlin, nicht Beton.")
    ids = cluster_ids(doc).tolist()
    assert ids[0] == ids[2] != 0  # two surnames share a cluster
    nlp.to_disk(tmp_path / "again")
    again = spacy.load(tmp_path / "again")
    assert cluster_ids(again.make_doc(doc.text)).tolist() == ids


def test_a_capitalised_preposition_is_no_part_of_a_name(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Laut Mayr sei das gut. Per Mertesacker spielte.") == [
        ("Mayr", "PER", ""),
        ("Per Mertesacker", "PER", ""),
    ]


def test_a_capitalised_english_preposition_is_no_part_of_a_name(tmp_path: Path) -> None:
    nlp = english_with(
        tmp_path, [{"label": "PERSON", "pattern": "According Smith"}, {"label": "ORG", "pattern": "Despite Acme"}]
    )
    assert [e.text for e in nlp("According Smith it works. Despite Acme it fails.").ents] == ["Smith", "Acme"]


def test_a_german_name_cut_after_its_adjective_takes_its_noun(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Die Miliz Islamischer Staat kämpft.") == [("Islamischer Staat", "ORG", "")]
    # A class noun that begins the name stays ("Organisation für Sicherheit", "Organisation for Economic ...").
    assert ents(nlp, "Die Organisation für Sicherheit tagt.") == [("Organisation für Sicherheit", "ORG", "")]
    # "-er" alone is no adjective's mark ("Bremer" is a place adjective, "Kurier" a noun): no guess.
    assert ents(nlp, "Der Verband Bremer Reeder tagt.") == [("Verband Bremer", "ORG", "")]


def test_a_name_behind_a_negating_prefix_is_an_adjective(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Die Nicht-EU-Bürger und die Anti-Doping-Agentur.") == [("Anti-Doping-Agentur", "ORG", "")]


def test_a_hyphenated_name_is_kept_and_a_weekday_is_not(blank_de: str, tmp_path: Path) -> None:
    """A hyphenated German name is one token that is not ``is_alpha``: it must not pass for a weekday."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Am Montag forschte das Max-Planck-Institut an der A4.") == [("Max-Planck-Institut", "ORG", "")]


def test_a_pipelines_quality_is_read_from_its_meta_without_importing_spacy(tmp_path: Path) -> None:
    """A warm build needs no spaCy: the type-vote weights come from meta.json read as JSON."""
    import subprocess
    import sys

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "meta.json").write_text('{"performance": {"ents_f": 0.61}}', encoding="utf-8")
    code = (
        "import sys\n"
        "from generator.extraction.nlp import pipeline_quality\n"
        f"print(pipeline_quality({str(folder)!r}), pipeline_quality({str(tmp_path / 'none')!r}), 'spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0.61", "0.5", "False"]


def test_a_name_ending_in_a_surname_particle_goes_on_to_the_surname(blank_de: str, tmp_path: Path) -> None:
    """No name ends in "Van": the model stopped before "der Bellen" (10kGNAD)."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Gewählt wurde Alexander Van der Bellen am Sonntag.") == [("Alexander Van der Bellen", "PER", "")]
    assert ents(nlp, "Es sprach Ursula Von der Leyen.") == [("Ursula Von der Leyen", "PER", "")]
    assert ents(nlp, "Dann kam Kenneth De Baets.") == [("Kenneth De Baets", "PER", "")]
    # Not over a lower-case word that is no particle, nor into a calendar word.
    assert ents(nlp, "Dann kam Alexander Van und ging.") == [("Alexander Van", "PER", "")]
    assert ents(nlp, "Dann kam Kenneth De Montag.") == [("Kenneth De", "PER", "")]


def test_file_paths_and_web_addresses_are_no_names(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Der Ordner C:\\Windows\\System32 wird geleert.") == []
    assert ents(nlp, "Siehe https://example.org dazu.") == []


def test_an_acronym_in_the_plural_is_no_name(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Die MPs und die NGOs sprachen mit ABC.") == [("ABC", "ORG", "")]
    # German writes an acronym's genitive with -s too: with the acronym alone in the text, it is one.
    assert ents(nlp, "Die Chefin des ABC und die Zukunft des ABCs.") == [("ABC", "ORG", ""), ("ABCs", "ORG", "")]


def test_initials_ordinals_and_hyphenated_particles_stay_in_a_name(blank_de: str, tmp_path: Path) -> None:
    """A token that ends in a full stop is an initial or an ordinal, not punctuation to trim; a particle
    joined by a hyphen is part of the surname ("al-Nuaimi"); a given name that ends in a role word's
    letters is no role ("Alexandr", not "Dr")."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    found = [text for text, _, _ in ents(nlp, "Es kamen Elisabeth II. und Nico G. in die Stadt.")]
    assert found == ["Elisabeth II.", "Nico G."]
    found = [text for text, _, _ in ents(nlp, "Die Agentur meldete, Ölminister Ali al-Nuaimi habe verhandelt.")]
    assert found == ["Ali al-Nuaimi"]
    assert [text for text, _, _ in ents(nlp, "Gestern sprach Alexandr Lukaschenko.")] == ["Alexandr Lukaschenko"]


def test_a_kind_of_club_or_company_before_its_name_is_cut_off_but_a_plural_is_no_kind(
    blank_de: str, tmp_path: Path
) -> None:
    """ "des Fußball-Bundesligisten Hannover": a class noun in a compound and in the genitive announces
    the name after it; "Terrorgruppen Zugang zu …": a plural is the subject, and "Zugang" no name."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert [t for t, _, _ in ents(nlp, "Ein Spieler des Fußball-Bundesligisten Hannover fehlt.")] == ["Hannover"]
    assert [t for t, _, _ in ents(nlp, "Es heißt, dass Terrorgruppen Zugang zu Waffen haben.")] == [
        "Terrorgruppen Zugang"
    ]


def test_a_weekday_joined_to_a_time_of_day_is_no_name(blank_de: str, tmp_path: Path) -> None:
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ents(nlp, "Das teilte der Konzern Mittwochabend mit.") == []


def test_lines_run_together_are_cut_apart(blank_de: str, tmp_path: Path) -> None:
    """A text that lost its line breaks runs a result or an abbreviation into the next name ("3:2Ottawa",
    "n.P.Los Angeles"): the tokenizer cuts there, the name is found whole, and "Los" is a word of it."""
    nlp = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert [t.text for t in nlp.make_doc("2:4 n.P.Los Angeles Kings 3:2Ottawa Senators z.B.Die")] == [
        "2:4",
        "n.",
        "P.",
        "Los",
        "Angeles",
        "Kings",
        "3:2",
        "Ottawa",
        "Senators",
        "z.B.",
        "Die",
    ]
    found = [text for text, _, _ in ents(nlp, "Ergebnisse: 2:4 n.P.Los Angeles Kings – 3:2Ottawa Senators.")]
    assert found == ["Los Angeles Kings", "Ottawa Senators"]


def test_an_amount_or_a_demonym_is_no_name(tmp_path: Path) -> None:
    """ "745bn Indian rupees": an amount (a number with a unit in lower case) and a people's adjective."""
    nlp = english_with(
        tmp_path,
        [
            {"label": "ORG", "pattern": "745bn Indian"},
            {"label": "ORG", "pattern": "Hannover 96"},
            {"label": "NORP", "pattern": "Brazilian"},
            {"label": "PERSON", "pattern": "Ronaldo"},
            {"label": "ORG", "pattern": "Frenchman"},
            {"label": "ORG", "pattern": "Britons"},
            {"label": "PERSON", "pattern": "Roger Federer - nice"},
            {"label": "PERSON", "pattern": "Dominici"},
            {"label": "NORP", "pattern": "Israeli"},
            {"label": "NORP", "pattern": "Ghanaian"},
        ],
    )
    text = "It is worth 745bn Indian rupees; Hannover 96 rose and the Brazilian Ronaldo scored."
    assert [e.text for e in nlp(text).ents] == ["Hannover 96", "Ronaldo"]
    # A nation's person or people, plural too; and the dash a name stood before, once its tail is cut.
    text = "The Frenchman lost, more Britons came. Roger Federer - nice bloke - won."
    assert [e.text for e in nlp(text).ents] == ["Roger Federer"]
    # Demonyms are made from country names by their endings; a surname that looks like one made by the wrong
    # ending ("Dominica" -> "Dominici") stays a name.
    text = "An Israeli and a Ghanaian won, said Dominici."
    assert [e.text for e in nlp(text).ents] == ["Dominici"]


def test_a_verb_of_saying_that_opens_the_sentence_is_no_part_of_a_name() -> None:
    """ "Said Wales assistant coach Scott Johnson: ..." (the parser's root) is Wales; "Said Aouita won",
    where the parser makes "Said" a compound of the surname, keeps the given name. Without a parse
    nothing is cut."""
    vocab = spacy.blank("en").vocab
    span_filter = SpanFilter(lang="en", role_words=[], exclude=[], min_chars=2)
    said = Doc(
        vocab,
        words=["Said", "Wales", "coach", "Scott", "Johnson"],
        heads=[0, 0, 4, 4, 0],
        deps=["ROOT", "nmod", "compound", "compound", "dobj"],
    )
    aouita = Doc(vocab, words=["Said", "Aouita", "won"], heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"])
    unparsed = Doc(vocab, words=["Said", "Wales", "won"])
    assert span_filter.trim(Span(said, 0, 2, label="PERSON")).text == "Wales"
    assert span_filter.trim(Span(aouita, 0, 2, label="PERSON")).text == "Said Aouita"
    assert span_filter.trim(Span(unparsed, 0, 2, label="PERSON")).text == "Said Wales"


def test_a_name_and_where_it_is_are_two_names_and_a_body_keeps_its_portfolios(tmp_path: Path) -> None:
    nlp = english_with(
        tmp_path,
        [
            {"label": "ORG", "pattern": "Department for Environment, Food and Rural Affairs"},
            {"label": "FAC", "pattern": "Golden Temple in Amritsar"},
            {"label": "ORG", "pattern": "Acme, Bolt"},
            {"label": "ORG", "pattern": "Leinster to Toulouse"},
        ],
    )
    text = (
        "The Department for Environment, Food and Rural Affairs met at the Golden Temple in Amritsar with Acme, Bolt."
        " They flew from Leinster to Toulouse."
    )
    assert [e.text for e in nlp(text).ents] == [
        "Department for Environment, Food and Rural Affairs",
        "Golden Temple",
        "Amritsar",
        "Acme",
        "Bolt",
        "Leinster",
        "Toulouse",
    ]


def test_an_english_class_noun_is_cut_from_a_name_only_where_english_does_not_capitalise_it(tmp_path: Path) -> None:
    """ "the carmaker Nissan": the name follows the class noun; "Network Rail" and "Giant Company Software"
    are names whose first word is capitalised inside a sentence; at a sentence's start the class noun goes."""
    nlp = english_with(
        tmp_path,
        [
            {"label": "ORG", "pattern": "carmaker Nissan"},
            {"label": "ORG", "pattern": "Network Rail"},
            {"label": "ORG", "pattern": "Giant Company Software"},
            {"label": "ORG", "pattern": "Carmaker Toyota"},
        ],
    )
    found = [
        text for text, _, _ in ents(nlp, "Shares in the carmaker Nissan and Network Rail rose. Carmaker Toyota fell.")
    ]
    assert found == ["Nissan", "Network Rail", "Toyota"]
    assert "Giant Company Software" in [t for t, _, _ in ents(nlp, "Romania's Giant Company Software sold it.")]


def test_an_organisation_in_apposition_to_a_class_noun_and_one_cut_before_a_function_word(tmp_path: Path) -> None:
    """ "the media watchdog, Reporters Without Borders.": found in apposition where the name ends the phrase
    (not "the firm, Smith argues"); a span the model began at "Without" takes the word before it, a body's."""
    nlp = english_with(tmp_path, [{"label": "PERSON", "pattern": "Without Borders"}])
    assert ents(nlp, "It was criticised by the media watchdog, Reporters Without Borders.") == [
        ("Reporters Without Borders", "ORG", "")
    ]
    assert ents(nlp, "It was criticised by the media watchdog, Reporters Sans Frontieres.") == [
        ("Reporters Sans Frontieres", "ORG", "")
    ]
    assert ents(nlp, "It is good for the firm, Smith argues.") == []


def test_styles_alone_name_no_one(tmp_path: Path) -> None:
    """ "the Rt Rev Dr Tom Wright": the model's "Rt Rev Dr" is styles, no one's name; the name after its "Dr"
    is found as after any form of address."""
    nlp = english_with(tmp_path, [{"label": "PERSON", "pattern": "Rt Rev Dr"}])
    assert ents(nlp, "The Bishop of Durham, the Rt Rev Dr Tom Wright, spoke.") == [("Tom Wright", "PER", "")]


def test_a_form_of_address_after_a_quotation_mark_the_model_took_in_makes_a_person(tmp_path: Path) -> None:
    nlp = english_with(tmp_path, [{"label": "ORG", "pattern": '" Mr Bussereau'}])
    assert ents(nlp, '"Prices rose," Mr Bussereau said.') == [("Bussereau", "PER", "")]


@pytest.mark.parametrize(
    ("lang", "label", "kept"),
    [("de", "ORG", True), ("de", "PER", False), ("en", "ORG", False)],
)
def test_a_german_organisation_written_small_is_kept_and_nothing_else_in_lower_case(
    lang: str, label: str, kept: bool
) -> None:
    """German capitalises every noun, so a lower-case word its model takes for an organisation is a name
    written small ("sagte der dpa", "taz"); a person is never written so, and English lower case is the
    sentence's own words ("in the red")."""
    span_filter = SpanFilter(lang=lang, role_words=[], exclude=[], min_chars=2)
    doc = Doc(spacy.blank(lang).vocab, words=["sagte", "der", "dpa", "."])
    trimmed = span_filter.trim(Span(doc, 2, 3, label=label))
    assert (trimmed is not None and trimmed.text == "dpa" and span_filter.keep(trimmed)) is kept


def test_a_bodys_last_portfolio_after_and_is_part_of_its_name(tmp_path: Path) -> None:
    """The model cut "Department for Education and Skills" at "and": "Skills" is the body's last portfolio,
    no organisation of its own; two names across "and" elsewhere stay two."""
    nlp = english_with(
        tmp_path,
        [
            {"label": "ORG", "pattern": "Department for Education"},
            {"label": "ORG", "pattern": "Skills"},
            {"label": "ORG", "pattern": "Everton"},
            {"label": "ORG", "pattern": "Arsenal"},
        ],
    )
    text = "A Department for Education and Skills source said Everton and Arsenal agreed."
    assert [e.text for e in nlp(text).ents] == ["Department for Education and Skills", "Everton", "Arsenal"]


def test_a_surnames_particles_join_a_name_the_model_cut_at_them(tmp_path: Path) -> None:
    """ "Albert van | den Bergh" (the model's person and place) is one person, and so is a given name that
    particles and a surname follow; German's own words ("von der CDU") join nothing."""
    nlp = english_with(
        tmp_path,
        [
            {"label": "PERSON", "pattern": "Albert van"},
            {"label": "GPE", "pattern": "Bergh"},
            {"label": "PERSON", "pattern": "Robin"},
        ],
    )
    found = ents(nlp, "Tries through Albert van den Bergh and Robin van Persie.")
    assert found == [("Albert van den Bergh", "PERSON", ""), ("Robin van Persie", "PERSON", "")]


def test_german_words_that_are_particles_too_join_no_names(tmp_path: Path) -> None:
    nlp = english_with(
        tmp_path,
        [
            {"label": "PER", "pattern": "Angela Merkel"},
            {"label": "PER", "pattern": "Hütter"},
            {"label": "LOC", "pattern": "Eintracht"},
            {"label": "PER", "pattern": "Alexander van der"},
        ],
        lang="de",
    )
    found = ents(nlp, "Das sagten Angela Merkel von der CDU, Hütter von der Eintracht und Alexander van der Bellen.")
    assert found == [
        ("Angela Merkel", "PER", ""),
        ("Hütter", "PER", ""),
        ("Eintracht", "LOC", ""),
        ("Alexander van der Bellen", "PER", ""),
    ]
    assert SpanFilter(lang="de", role_words=[], exclude=[], min_chars=2)._opens_surname("van")
    assert not SpanFilter(lang="de", role_words=[], exclude=[], min_chars=2)._opens_surname("von")


def test_a_result_or_a_minute_after_a_persons_name_is_cut_and_a_lost_space_after_a_comma_split(
    tmp_path: Path,
) -> None:
    nlp = english_with(
        tmp_path,
        [
            {"label": "PERSON", "pattern": "Selima Sfar 7"},
            {"label": "PERSON", "pattern": "Williams 1-6,4"},
            {"label": "PERSON", "pattern": "Terry 17"},
            {"label": "PERSON", "pattern": "Natalie Appleton"},
            {"label": "ORG", "pattern": "Hannover 96"},
        ],
    )
    text = "Pratt beat Selima Sfar 7-5 and Williams 1-6,4-6; Terry 17 scored. Natalie Appleton,31, left Hannover 96."
    assert [e.text for e in nlp(text).ents] == ["Selima Sfar", "Williams", "Terry", "Natalie Appleton", "Hannover 96"]


def test_a_form_of_address_names_a_person_the_model_missed(blank_de: str, tmp_path: Path) -> None:
    """ "said Mr Irish": the word after a form of address is a surname, even one that names a people or a
    language elsewhere, and the model's miss or its other label does not lose it."""
    nlp = english_with(tmp_path, [{"label": "NORP", "pattern": "Irish"}])
    assert [(e.text, e.label_) for e in nlp('"It is huge," said Mr Irish. The Irish team won.').ents] == [
        ("Irish", "PER")
    ]
    german = build_pipeline("de", blank_de, NlpSettings(), curation(tmp_path))
    assert ("Gewessler", "PER", "") in ents(german, "Das sagte Frau Gewessler am Montag.")


def test_a_partys_members_word_is_the_party_but_not_the_end_of_another_name(tmp_path: Path) -> None:
    """The English model calls "the Tories" and "Conservative MP" a political group (NORP), which names no
    page: they are the Conservative Party (an organisation, its name the identifier). Not "Scottish
    Conservatives" or "Liberal Democrat" (at a sentence's start too), nor a surname after "Mr"."""
    nlp = english_with(
        tmp_path,
        [
            {"label": "NORP", "pattern": "Tories"},
            {"label": "NORP", "pattern": "Tory"},
            {"label": "NORP", "pattern": "Conservatives"},
            {"label": "NORP", "pattern": "Democrat"},
            {"label": "ORG", "pattern": "Republicans"},
            {"label": "PERSON", "pattern": "Tory Liam Fox"},
            {"label": "GPE", "pattern": "New Labour"},
            {"label": "PERSON", "pattern": "Lib Dem Norman Baker"},
            {"label": "NORP", "pattern": "Democrats"},
        ],
    )
    text = (
        "The Tories said no. Scottish Conservatives agreed. Liberal Democrat leaders met. Mr Tory left."
        " But Republicans disagreed with the Democrat senator. So did Tory Liam Fox. New Labour and"
        " Lib Dem Norman Baker did not. Social Democrats and Democrats met."
    )
    found = [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents if e.label_ != "NORP"]
    assert found == [
        ("Tories", "ORG", "party:Conservative Party"),
        ("Tory", "PER", ""),  # a person by the form of address
        ("Republicans", "ORG", "party:Republican Party"),
        ("Democrat", "ORG", "party:Democratic Party"),
        # A person's name the model ran the word into is the party and the person.
        ("Tory", "ORG", "party:Conservative Party"),
        ("Liam Fox", "PERSON", ""),
        ("New Labour", "ORG", "party:Labour Party"),
        ("Lib Dem", "ORG", "party:Liberal Democrats"),
        ("Norman Baker", "PERSON", ""),
        ("Democrats", "ORG", "party:Democratic Party"),  # not "Social Democrats"
    ]


def test_german_words_for_the_us_parties_members_name_them_where_the_article_is_about_the_us(
    tmp_path: Path,
) -> None:
    """The German model tags no "Republikaner" or "Demokraten" (GermEval's outer names hold none): the layer
    finds them, the US parties' only in an article that names the United States twice or more; France's
    "Republikaner" and Britain's are no Republican Party."""
    nlp = english_with(tmp_path, [{"label": "LOC", "pattern": "Washington"}], lang="de")
    us = (
        "Washington – Die Republikaner und die US-Demokraten streiten im US-Kongress. Gemäßigte Republikaner schwiegen."
    )
    found = [(e.text, e.kb_id_) for e in nlp(us).ents if e.kb_id_.startswith("party:")]
    assert found == [
        ("Republikaner", "party:Republican Party"),
        ("US-Demokraten", "party:Democratic Party"),
        ("Republikaner", "party:Republican Party"),
    ]
    france = "Paris – Die Republikaner lehnten die Front ab. Auch in den USA wurde gewählt."
    assert [e.text for e in nlp(france).ents if e.kb_id_.startswith("party:")] == []
