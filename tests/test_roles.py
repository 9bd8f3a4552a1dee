"""Who is who: the role phrase written right before a person's name, in German and English."""

from __future__ import annotations

from generator.curation import Curation
from generator.resolution.resolve import resolve
from generator.resolution.roles import find_roles

from .helpers import corpus, make


def roles(*items):
    articles, extractions = corpus(*items)
    res = resolve(articles, extractions, Curation(), None)
    return {(r.entity, r.text, r.language) for r in find_roles(articles, extractions, res.entities)}


def test_roles_in_both_languages() -> None:
    found = roles(
        make("de1", "Der russische Verteidigungsminister [Sergej Schoigu|person] reiste ab."),
        make("de2", "Das sagte Kreml-Sprecher [Dmitri Peskow|person] am Montag."),
        make("de3", "Nach der Reise des russischen Verteidigungsministers [Sergej Schoigu|person] kam Kim."),
        make("en1", "Russian Defense Minister [Sergei Shoigu|person] arrived.", language="en"),
        make("en2", "US National Security Council spokeswoman [Adrienne Watson|person] said so.", language="en"),
        make("en3", "The former Prime Minister [Boris Johnson|person] wrote.", language="en"),
    )
    texts = {text for _, text, _ in found}
    assert {
        "russische Verteidigungsminister",
        "Kreml-Sprecher",
        "russischen Verteidigungsministers",
        "Russian Defense Minister",
        "US National Security Council spokeswoman",
        "former Prime Minister",
    } == texts
    # German and English roles of one person land on the one merged entity.
    assert len({entity for entity, text, _ in found if "Verteidigungs" in text or "Defense" in text}) == 1


def test_no_role_without_a_role_word_and_no_titles() -> None:
    found = roles(
        make("de1", "Am Montag traf [Kim Jong Un|person] ein. Herr [Olaf Scholz|person] schwieg."),
        make("en1", "Yesterday [Vladimir Putin|person] spoke, said Mr [Joe Biden|person].", language="en"),
        make("de2", "Das sagte der Sprecher, [Dmitri Peskow|person], gestern."),  # apposition: not read
    )
    assert found == set()


def test_inflected_forms_of_a_role_share_one_key_and_one_line() -> None:
    from generator.resolution.roles import role_key

    assert role_key("russische Verteidigungsminister") == role_key("russischen Verteidigungsministers")
    assert role_key("nordkoreanische Machthaber") == role_key("nordkoreanischen Machthabers")
    assert role_key("russische Verteidigungsminister") != role_key("ukrainische Verteidigungsminister")
    assert role_key("Kreml-Sprecher") != role_key("Kreml-Sprecherin")


def test_a_person_page_shows_one_line_per_role_with_every_citation() -> None:
    from pathlib import Path

    from generator.site.render import RenderSettings

    from .helpers import renderer

    articles, extractions = corpus(
        make("de1", "Der russische Verteidigungsminister [Sergej Schoigu|person] reiste ab."),
        make("de2", "Die Reise des russischen Verteidigungsministers [Sergej Schoigu|person] endete."),
    )
    res = resolve(articles, extractions, Curation(), None)
    templates = Path(__file__).resolve().parent.parent / "templates"
    site = renderer(templates, RenderSettings()).render_site(articles, extractions, res)
    page = next(p.content for p in site.pages if p.path == "people/sergej-schoigu.md")
    line = page.split('<p class="dx-roles">', 1)[1].split("</p>", 1)[0]
    assert line.count('class="dx-role"') == 1 and line.count('class="dx-cite"') == 2
    assert "russische Verteidigungsminister" in line
