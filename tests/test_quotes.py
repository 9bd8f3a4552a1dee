"""Quote spans and attribution rules, in German and English (no model: mentions from markup)."""

from __future__ import annotations

import pytest

from generator.curation import Curation
from generator.resolution.quotes import attribute, find_quote_spans
from generator.resolution.resolve import resolve

from .helpers import corpus, make


def quotes(markup: str, language: str = "de"):
    articles, extractions = corpus(make("a", markup, language=language))
    res = resolve(articles, extractions, Curation(), None)
    by_id = {e.id: e for e in res.entities}
    return [
        (q.text, by_id[q.speaker].name if q.speaker else None, q.cue)
        for q in attribute(articles, extractions, res.by_mention, by_id)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Ja.“ Dann »nein«.", ["Ja.", "nein"]),
        ('She said "yes" and “no”.', ["yes", "no"]),
        ("Ein „offenes Zitat ohne Ende.", []),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_quote_spans(text, 0, len(text))] == expected


def test_cue_after_with_role_words() -> None:
    assert quotes("„Nein, das kann ich nicht“, sagte Kreml-Sprecher [Dmitri Peskow|person].") == [
        ("Nein, das kann ich nicht", "Dmitri Peskow", "after")
    ]


def test_cue_before() -> None:
    assert quotes("Dann hatte [Matthew Miller|person] gedroht: »Ich werde beide Länder erinnern.«") == [
        ("Ich werde beide Länder erinnern.", "Matthew Miller", "before")
    ]


def test_english_name_then_verb() -> None:
    assert quotes('"We are concerned," [Kirby|person] said.', language="en") == [
        ("We are concerned,", "Kirby", "after")
    ]


def test_pronoun_takes_the_last_person_named() -> None:
    result = quotes("[Adrienne Watson|person] vom [Weißen Haus|organization] sprach.\n\n„Wir wissen es“, sagte sie.")
    assert result == [("Wir wissen es", "Adrienne Watson", "pronoun")]


def test_continuation_only_for_quotes_that_open_a_sentence() -> None:
    result = quotes(
        "„Erstens“, sagte [Keir Giles|person]. „Zweitens.“ Aus [Washington|place] hieß es, man werde »einen Preis« verlangen."
    )
    assert result == [
        ("Erstens", "Keir Giles", "after"),
        ("Zweitens.", "Keir Giles", "continuation"),
        ("einen Preis", None, "none"),
    ]


def test_person_in_apposition_to_an_organization() -> None:
    result = quotes("„Jede Art“, sagte der Sprecher des [US-Außenministeriums|organization], [Vedant Patel|person].")
    assert result == [("Jede Art", "Vedant Patel", "after")]


def test_nearest_name_with_a_verb_of_saying() -> None:
    result = quotes("[Putin|person] räumte nach dem Treffen mit [Kim|person] ein, es gebe »gewisse Einschränkungen«.")
    assert result == [("gewisse Einschränkungen", "Putin", "before")]


def test_places_never_speak() -> None:
    assert quotes("In [Moskau|place] hieß es: „Nichts.“") == [("Nichts.", None, "none")]
