"""UI language: every catalog translates every string of the templates; German pages are German."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.curation import Curation
from generator.resolution.resolve import resolve
from generator.site.i18n import LOCALE_DIR, available, translations
from generator.site.render import RenderSettings

from .helpers import corpus, make, renderer

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def template_strings() -> set[str]:
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(
        str(TEMPLATES),
        method_map=[("**.j2", "jinja2")],
        options_map={"**.j2": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}},
    )
    return {msg[2] if isinstance(msg[2], str) else msg[2][0] for msg in found}


@pytest.mark.parametrize("language", available())
def test_catalog_is_complete(language: str) -> None:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "dossier.po").open("rb") as fh:
        catalog = read_po(fh, locale=language)
    translated = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(template_strings() - set(translated))
    assert missing == [], f"untranslated in {language}: {missing}"


def test_german_pages() -> None:
    assert translations("de").gettext("Statements") == "Aussagen"
    articles, extractions = corpus(make("a", "[Kim Jong Un|person] traf [Wladimir Putin|person]."))
    res = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, RenderSettings(language="de")).render_site(articles, extractions, res)
    page = next(p.content for p in site.pages if p.path == "people/kim-jong-un.md")
    assert "## Aussagen" in page and "## Statements" not in page
    english = renderer(TEMPLATES, RenderSettings(language="en")).render_site(articles, extractions, res)
    assert "## Statements" in next(p.content for p in english.pages if p.path == "people/kim-jong-un.md")
