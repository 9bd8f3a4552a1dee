"""Articles that tell the same story (generator/resolution/stories.py)."""

from __future__ import annotations

import random
from functools import cache

from generator.curation import Curation
from generator.extraction import gazetteer
from generator.resolution.resolve import resolve
from generator.resolution.stories import StorySettings, find_stories, members

from .helpers import corpus, make

GERMAN = (
    "[Adrienne Watson|person] vom [Nationalen Sicherheitsrat|organization] sagte, [Kim Jong Un|person] wolle 2023"
    " nach [Russland|place] reisen. [Andrei Lankov|person] von der [Kookmin-Universität|organization] in"
    " [Seoul|place] und [Keir Giles|person] von [Chatham House|organization] zweifelten. 12 Züge fuhren."
)
ENGLISH = (
    "[Adrienne Watson|person] of the [National Security Council|organization] said [Kim Jong Un|person] would"
    " travel to [Russia|place] in 2023. [Andrei Lankov|person] of [Kookmin University|organization] in"
    " [Seoul|place] and [Keir Giles|person] of [Chatham House|organization] doubted it. 12 trains ran."
)
OTHER = "[Kim Jong Un|person] besuchte [Pjöngjang|place]. [Wladimir Putin|person] schwieg in [Moskau|place]."


@cache
def _gazetteer() -> gazetteer.Gazetteer:
    return gazetteer.load()


def stories_of(*items, settings: StorySettings | None = None) -> dict[str, str]:
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), _gazetteer())
    return find_stories(articles, res.entities, settings or StorySettings())


def test_a_translation_is_the_same_story_another_report_is_not() -> None:
    got = stories_of(
        make("de1", GERMAN, date="2023-09-05"),
        make("en1", ENGLISH, language="en", date="2023-09-05"),
        make("de2", OTHER, date="2023-09-05"),
    )
    assert got == {"de1": "de1", "de2": "de2", "en1": "de1"}
    assert members(got) == {"de1": ["de1", "en1"], "de2": ["de2"]}


def test_the_same_entities_weeks_apart_are_two_stories() -> None:
    got = stories_of(make("de1", GERMAN, date="2023-08-01"), make("en1", ENGLISH, language="en", date="2023-09-05"))
    assert got == {"de1": "de1", "en1": "en1"}
    undated = stories_of(make("de1", GERMAN), make("en1", ENGLISH, language="en"))
    assert undated == {"de1": "de1", "en1": "de1"}


def test_different_numbers_or_few_shared_names_are_two_stories() -> None:
    other_numbers = ENGLISH.replace("2023", "1999").replace("12 trains", "40 trains")
    got = stories_of(make("de1", GERMAN), make("en1", other_numbers, language="en"))
    assert got["en1"] == "en1"
    short = stories_of(
        make("a", "[Parmalat|organization] in [Italien|place] legte zu."),
        make("b", "[Parmalat|organization] in [Italien|place] kehrt zurück."),
    )
    assert short == {"a": "a", "b": "b"}  # two shared names are not enough evidence


def test_stories_do_not_depend_on_input_order() -> None:
    items = [
        make("de1", GERMAN, date="2023-09-05"),
        make("en1", ENGLISH, language="en", date="2023-09-04"),
        make("de2", OTHER),
    ]
    expected = stories_of(*items)
    assert expected["de1"] == "en1"  # the story is named by its first article by date
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert stories_of(*shuffled) == expected


def test_pages_show_the_same_story_and_count_stories() -> None:
    import json
    from pathlib import Path

    from generator.site.render import RenderSettings

    from .helpers import renderer

    templates = Path(__file__).resolve().parent.parent / "templates"

    articles, extractions = corpus(
        make("de1", GERMAN, date="2023-09-05", title="Watson: Gespräche kommen voran"),
        make("en1", ENGLISH, language="en", date="2023-09-05", title="Watson: talks <script>progress</script>"),
        make("de2", OTHER, date="2023-09-13"),
    )
    res = resolve(articles, extractions, Curation(), _gazetteer())
    site = renderer(templates, RenderSettings()).render_site(articles, extractions, res)
    page = {p.path: p.content for p in site.pages}
    assert 'class="dx-same-story"' in page["articles/de1.md"]
    # The other article's title is text from an article: escaped like every other.
    assert (
        'href="../en1/" hreflang="en">Watson: talks &lt;script&gt;progress&lt;/script&gt;</a>'
        in page["articles/de1.md"]
    )
    assert "<script>progress" not in page["articles/de1.md"]
    assert "dx-same-story" not in page["articles/de2.md"]
    assert "<dt>Stories</dt><dd>2 " in page["index.md"]
    assert '<dd>3 <span class="dx-muted">(2 independent stories)</span></dd>' in page["people/kim-jong-un.md"]
    export = json.loads(site.static["dossier.json"])
    assert {a["id"]: a["story"] for a in export["articles"]} == {"de1": "de1", "de2": "de2", "en1": "de1"}
