"""Team sheets: the line-ups of sports reports, found by their layout in any language (no model)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from generator.curation import Curation
from generator.extraction.nlp import NlpSettings, build_pipeline
from generator.extraction.sheets import team_sheets
from generator.resolution.resolve import resolve

from .helpers import corpus, make


def names(text: str, language: str = "en", is_place=None) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        ("" if n.role == "player" else f"{n.role}:") + text[n.start : n.end]
        for n in team_sheets(text, language, is_place)
    ]


def test_a_football_report_sheet_its_benches_and_referee() -> None:
    text = (
        "Ferguson was pleased. Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith, Osman, Carsley, Arteta, "
        "Kilbane, McFadden, Bent. Subs: Wright, Pistone. Man City: James, Mills (Bradley Wright-Phillips 83), "
        "Dunne, Distin, Thatcher, Barton (Macken 68), Sibierski, Fowler. Subs Not Used: Weaver, Onuoha. "
        "Booked: Fowler. Goals: Rooney 68, Dunne 75 og. Att: 47,111 Ref: S Bennett (Kent)."
    )
    found = names(text)
    assert found[:3] == ["team:Everton", "Martyn", "Hibbert"]
    assert {"Wright", "Pistone", "team:Man City", "Bradley Wright-Phillips", "Macken", "Onuoha"} <= set(found)
    assert {"Rooney", "Dunne"} <= set(found)  # scorers, without their minutes
    # Labels of a sheet's lists are no teams, prose before it and a bracketed county are no players.
    assert not {"team:Subs", "team:Subs Not Used", "Ferguson", "Kent", "team:Att"} & set(found)


def test_a_rugby_side_on_a_line_of_its_own() -> None:
    text = (
        "Wasps won at home.\n\n"
        "Van Gisbergen; Lewsey, Erinle, Abbott, Voyce; King, Dawson; Dowd, Greening, Green; Shaw, Birkett; "
        "Worsley, O'Connor, Dallaglio (capt).\n\n"
        "Replacements (from): Buckland/Cockerill, Morris, Kay, W Johnson/B Deacon, H Tuilagi, Lloyd.\n\n"
        ": C Paterson; S Webster, A Craig, H Southwell, S Lamont; D Parks, CA del Fava, J-P Grandclaude."
    )
    found = names(text)
    assert found[:3] == ["Van Gisbergen", "Lewsey", "Erinle"]
    assert {"King", "Dallaglio", "Buckland", "Cockerill", "W Johnson", "B Deacon", "S Lamont"} <= set(found)
    assert {"CA del Fava", "J-P Grandclaude"} <= set(found)
    assert not any(n.startswith(("Wasps", "Replacements", "team:")) for n in found)


def test_an_austrian_preview_whose_text_lost_its_line_breaks() -> None:
    """10kGNAD's articles are one line: a list runs into the next one's label ("Kienast Es fehlen:")."""
    text = (
        "Saisonergebnisse: 3:2 (a), 1:2 (h). Sturm: Esser – Ehrenreich, Madl, Spendlhofer, Potzmann – "
        "Kamavuaka, Hadzic – Schick, Avdijaj, Dobras – Tadic Ersatz: Schützenauer – Klem, Piesinger, Kienast "
        "Es fehlen: Lykogiannis (Muskelverletzung), M. Stankovic Fraglich: Ch. Leitgeb (angeschlagen) "
        "Tore: 1:0 (52.) Junuzovic Österreich: Almer – Klein, Prödl, Dragovic, Fuchs – Alaba, Ilsanker – "
        "Harnik, Okotie Rückspiel am 26. August."
    )
    found = names(text, "de")
    assert found[:3] == ["team:Sturm", "Esser", "Ehrenreich"]
    assert {"Tadic", "Kienast", "Lykogiannis", "M. Stankovic", "Ch. Leitgeb", "Junuzovic"} <= set(found)
    assert {"team:Österreich", "Almer", "Okotie"} <= set(found)  # (the next line's first word ran into it)
    assert not {"team:Ersatz", "team:Es fehlen", "Tadic Ersatz", "Muskelverletzung", "team:Tore"} & set(found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Prose: a list joined by "and", and one a sentence carries on.
        ("Chelsea signed Cech, Ferreira, Carvalho, Terry, Gallas, Tiago and Makelele last summer.", "en"),
        # A German list of nouns after a colon: capitalised, but no sheet's marks.
        (
            "Zusatzthemen: Geschlechterkampf, Frauenrechte, Doppelbelastung, Kindsbetreuung, Rollenbild, Patchwork.",
            "de",
        ),
        # Too short for a side.
        ("Scorers: Henry, Pires, Vieira.", "en"),
    ],
)
def test_lists_that_are_no_sheets(text: str, language: str) -> None:
    assert names(text, language) == []


def test_a_list_of_places_is_no_side_and_a_squad_by_position_names_no_team() -> None:
    pools = "England, Samoa, France, Italy, Georgia, Fiji, Australia, Canada.\n"
    countries = {"England", "Samoa", "France", "Italy", "Georgia", "Fiji", "Australia", "Canada"}
    assert names(pools) != []  # the layout alone would take it
    assert names(pools, is_place=lambda s, e: pools[s:e] in countries) == []
    squad = (
        "Tor: Almer, Lindner Abwehr: Dragovic, Fuchs, Garics, Hinteregger, Klein, Prödl, Suttner Sturm: Janko, Okotie"
    )
    found = names(squad, "de")
    assert {"Almer", "Dragovic", "Janko"} <= set(found) and not any(n.startswith("team:") for n in found)


def test_the_component_replaces_the_models_labels_in_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "en"
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", name="fake_ner").add_patterns(
        [
            {"label": "GPE", "pattern": "Abbott"},  # a town by the model
            {"label": "ORG", "pattern": "Buckland/Cockerill"},
            {"label": "PERSON", "pattern": "Lawrence Dallaglio"},
            {"label": "ORG", "pattern": "Kremlin"},
        ]
    )
    nlp.to_disk(path)
    pipeline = build_pipeline("en", str(path), NlpSettings(), Curation())
    text = "Van Gisbergen; Lewsey, Erinle, Abbott, Voyce; King, Dawson; Buckland/Cockerill, Green (capt)."
    doc = pipeline(text)
    assert [(e.text, e.label_) for e in doc.ents][3:5] == [("Abbott", "PER"), ("Voyce", "PER")]
    assert ("Buckland", "PER") in [(e.text, e.label_) for e in doc.ents]
    assert set(doc.user_data["dossier_sources"].values()) == {"sheet"}
    # The team that opens a list keeps the model's reading: its name is the club's across the corpus.
    doc = pipeline("Kremlin: Martyn, Hibbert, Yobo, Stubbs, Naysmith, Osman.")
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Kremlin", "ORG"), ("Martyn", "PER")]
    # Outside a sheet the model's reading stands.
    assert [(e.text, e.label_) for e in pipeline("Lawrence Dallaglio met Abbott.").ents] == [
        ("Lawrence Dallaglio", "PERSON"),
        ("Abbott", "GPE"),
    ]


def test_a_sheets_players_are_persons_whatever_the_model_said() -> None:
    """A surname a line-up gives once is a person's (its layout weighs 2, more than a model's place
    elsewhere), never dropped as a word no dictionary of names knows ("Kehat"), and joins the player the
    article names in full."""
    article, extraction = make(
        "a1",
        "[Josh Lewsey|person] scored.\n\n"
        "[Van Gisbergen|person]; [Lewsey|person], [Erinle|person], [Kehat|person], [Voyce|person]; "
        "[King|person], [Dawson|person].",
        language="en",
    )
    sheet = {"Van Gisbergen", "Lewsey", "Erinle", "Kehat", "Voyce", "King", "Dawson"}
    paragraph = article.paragraphs[1].start
    extraction = replace(
        extraction,
        mentions=tuple(replace(m, source="sheet") if m.start >= paragraph else m for m in extraction.mentions),
    )
    res = resolve(*corpus((article, extraction)), Curation(), None)
    types = {e.name: e.type for e in res.entities}
    assert types == {n: "person" for n in sheet - {"Lewsey"}} | {"Josh Lewsey": "person"}
    # A word the corpus mostly gives as something else: the player apart from it, each with its type.
    other = make("a2", "Rain fell on [Erinle|place]. [Erinle|place] is wet.", language="en")
    res = resolve(*corpus((article, extraction), other), Curation(), None)
    assert sorted((e.type, sorted({m.article for m in e.mentions})) for e in res.entities if e.name == "Erinle") == [
        ("person", ["a1"]),
        ("place", ["a2"]),
    ]
    # From the model alone the same words are one name, and the place's two readings outvote the list's.
    plain = replace(extraction, mentions=tuple(replace(m, source="model") for m in extraction.mentions))
    types = {e.name: e.type for e in resolve(*corpus((article, plain), other), Curation(), None).entities}
    assert types["Erinle"] == "place"


def test_a_line_ups_surname_leaves_a_firm_of_the_same_word_alone() -> None:
    """A one-word surname of a sheet is the name's uses as a person's: it does not turn the agency the
    word names elsewhere into a person ("Moody" of Moody's), and joins the player its article names in full."""
    agency = make("b1", "[Moody|organization] cut the rating. [Moody|organization] said so.", language="en")
    article, extraction = make(
        "a1",
        "[Lewis Moody|person] scored.\n\n"
        "[Murphy|person]; [Rabeni|person], [Smith|person], [Gibson|person]; [Moody|person], [Back|person], "
        "[Corry|person].",
        language="en",
    )
    paragraph = article.paragraphs[1].start
    extraction = replace(
        extraction,
        mentions=tuple(replace(m, source="sheet") if m.start >= paragraph else m for m in extraction.mentions),
    )
    res = resolve(*corpus(agency, (article, extraction)), Curation(), None)
    found = {(e.name, e.type): sorted((m.article, m.text) for m in e.mentions) for e in res.entities}
    assert found[("Moody", "organization")] == [("b1", "Moody"), ("b1", "Moody")]
    assert found[("Lewis Moody", "person")] == [("a1", "Lewis Moody"), ("a1", "Moody")]


def test_a_surname_line_ups_give_is_not_found_elsewhere() -> None:
    """Propagation finds a name the corpus gives twice wherever it occurs; a line-up's surnames ("King",
    "Back") are no such evidence: the words stay words elsewhere, and the sheet's own spans stay as given."""
    from generator.extraction.propagate import refine

    items = [
        make("a1", "[Van Gisbergen|person]; [Lewsey|person], [King|person], [Dawson|person].", language="en"),
        make("a2", "[Murphy|person]; [Rabeni|person], [King|person], [Back|person].", language="en"),
        make("a3", "The King of Spain watched Back then.", language="en"),
    ]
    sheet = [(a, replace(e, mentions=tuple(replace(m, source="sheet") for m in e.mentions))) for a, e in items]
    out = refine(*corpus(*sheet))
    assert out["a3"].mentions == ()
    assert [m.text for m in out["a1"].mentions] == ["Van Gisbergen", "Lewsey", "King", "Dawson"]
    # From the model, the same two mentions make "King" a name to find everywhere.
    out = refine(*corpus(*items))
    assert [m.text for m in out["a3"].mentions] == ["King"]


def test_a_squads_notes_name_its_players_clubs() -> None:
    """ "Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby), ...": a note that is a name, where
    several players' notes are and one repeats, is the player's club (the English model read "Edinburgh Rugby"
    as a person's name ten times in one squad); a captain's mark before the club is cut off, so is "The"; a
    country's note is left to the gazetteer; the reasons in a list of the missing are no clubs."""

    def clubs(text: str, language: str = "en", is_place=None) -> list[str]:  # type: ignore[no-untyped-def]
        return [text[n.start : n.end] for n in team_sheets(text, language, is_place) if n.role == "club"]

    squad = (
        "Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby), Chris Cusiter (The Borders), Simon"
        " Danielli (The Borders), Marcus Di Rollo (Edinburgh Rugby), Phil Godman (Edinburgh Rugby) Forwards:"
        " Ross Beattie (Northampton Saints), Gordon Bulloch (captain, Glasgow Rugby), Fabien Pelous (Stade"
        " Toulousain, capt), Tana Umaga (New Zealand)."
    )
    found = clubs(squad, is_place=lambda s, e: squad[s:e] == "New Zealand")
    assert found == [
        "Edinburgh Rugby",
        "Glasgow Rugby",
        "Borders",
        "Borders",
        "Edinburgh Rugby",
        "Edinburgh Rugby",
        "Northampton Saints",
        "Glasgow Rugby",
        "Stade Toulousain",
    ]
    assert {"Mike Blair", "Gordon Bulloch", "club:Edinburgh Rugby"} <= set(names(squad))
    # Each note different, or too few: a scorer's county, a mark ("Ref: S Bennett (Kent)").
    assert clubs("Everton: Martyn (Kent), Hibbert (Essex), Yobo (Surrey), Stubbs, Naysmith, Osman, Bent.") == []
    assert clubs("Everton: Martyn (Kent), Hibbert (Kent), Yobo, Stubbs, Naysmith, Osman, Bent.") == []
    absent = (
        "Sturm: Esser – Ehrenreich, Madl, Spendlhofer, Potzmann – Kamavuaka Es fehlen: Lykogiannis (Knie),"
        " Stankovic (Knie), Leitgeb (Sperre), Hadzic (Knie)"
    )
    assert clubs(absent, "de") == []


def test_the_component_makes_a_squads_clubs_organisations(tmp_path: Path) -> None:
    path = tmp_path / "en"
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", name="fake_ner").add_patterns([{"label": "PERSON", "pattern": "Glasgow Rugby"}])
    nlp.to_disk(path)
    pipeline = build_pipeline("en", str(path), NlpSettings(), Curation())
    doc = pipeline(
        "Backs: Mike Blair (Glasgow Rugby), Andy Craig (Glasgow Rugby), Chris Cusiter (Saracens), Simon Danielli"
        " (Saracens), Marcus Di Rollo (Glasgow Rugby), Phil Godman (Saracens)."
    )
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ents[:4] == [
        ("Mike Blair", "PER"),
        ("Glasgow Rugby", "ORG"),
        ("Andy Craig", "PER"),
        ("Glasgow Rugby", "ORG"),
    ]
    assert ("Saracens", "ORG") in ents
