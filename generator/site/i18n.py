"""UI language of generated pages: gettext catalogs (``generator/locale/<lang>/LC_MESSAGES/dossier.po``)
read with Babel and installed into the Jinja2 ``i18n`` extension.

The language follows Material's ``theme.language``; English needs no catalog.
Add a language by copying ``de/LC_MESSAGES/dossier.po`` and translating it.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def available() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / "dossier.po").exists())


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    po = LOCALE_DIR / language.split("-")[0].split("_")[0] / "LC_MESSAGES" / "dossier.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=language.split("-")[0])
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain="dossier")
