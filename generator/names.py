"""Name keys that survive case, accents, inflection and German/English transliteration.

Two keys are used:

* :func:`fold` -- case, accent and punctuation folding (``Kim Jong-un`` ->
  ``kim jong un``). Transliteration of non-Latin scripts is done by ``anyascii``.
* :func:`skeleton` -- :func:`fold` plus rules that erase the differences between
  the German and English transliterations of Russian and Korean names
  (``Sergej Schoigu`` / ``Sergei Shoigu`` -> ``sergei shoigu``). Two names with the
  same skeleton are treated as spellings of one name.

Each rule is explained (and tested) in ``tests/test_names.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_POSSESSIVE_EN = re.compile(r"(?:'s|’s|'|’)$")

# Applied in order to a folded name. Each pair maps a German spelling and an
# English spelling of the same Cyrillic/Hangul sound onto one form.
_TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    ("dsch", "j"),  # Dschong (de) / Jong (en)
    ("tsch", "ch"),  # Tschechow (de) / Chekhov (en): ч
    ("sch", "sh"),  # Schoigu (de) / Shoigu (en): ш
    ("zh", "sh"),  # Kozhemyako (en) / Koschemjako (de): ж
    ("kh", "ch"),  # Mikhail (en) / Michail (de): х
    ("ts", "z"),  # Tsar (en) / Zar (de): ц
    ("w", "v"),  # Wladimir (de) / Vladimir (en), Peskow / Peskov
    ("z", "s"),  # Kozlov (en) / Koslow (de): з, and ц after the rule above
    ("j", "y"),  # Pjöngjang (de) / Pyongyang (en), Sergej (de) / Sergey (en)
    ("y", "i"),  # Sergey / Sergei, Dmitry / Dmitri
)
_DOUBLES = re.compile(r"([a-z])\1+")


def fold_text(text: str) -> str:
    """Lower-case ASCII words: accents, scripts, hyphens and apostrophes folded away."""
    ascii_text = anyascii(text).lower()
    ascii_text = _POSSESSIVE_EN.sub("", ascii_text)
    return " ".join(_NON_ALNUM.sub(" ", ascii_text).split())


def without_possessive(name: str) -> str:
    """``name`` without an English possessive ending ("Mr Brown's" -> "Mr Brown", "Angels'" -> "Angels")."""
    return _POSSESSIVE_EN.sub("", name)


#: :func:`fold_text` for names (cached; never use it on whole articles).
fold = lru_cache(maxsize=1 << 18)(fold_text)


@lru_cache(maxsize=1 << 18)
def skeleton(name: str) -> str:
    """:func:`fold` plus transliteration rules; equal skeletons mean "same name".

    An acronym keeps every letter: "ISS" (a space station) is not "IS" (a militia); so does one
    inside a longer name, which then starts with its acronym's key ("SSL International" with "SSL").
    """
    key = fold(name)
    if is_acronym(name):
        return key
    if " " in key and any(is_acronym(word) for word in name.split()):
        words = (fold(word) if is_acronym(word) else _spelling_key(fold(word)) for word in name.split())
        return " ".join(word for word in words if word)
    return _spelling_key(key)


def _spelling_key(key: str) -> str:
    """A folded name with the transliteration rules applied and doubled letters made single."""
    for old, new in _TRANSLIT_RULES:
        key = key.replace(old, new)
    return _DOUBLES.sub(r"\1", key)


#: Slugs that would collide with pages the site already has (index pages, search, assets).
RESERVED_SLUGS = frozenset({"index", "404", "search", "assets", "sitemap", "dossier", "javascripts", "stylesheets"})


def safe_slug(text: str, *, keep: str = "", limit: int = 80, fallback: str = "item") -> str:
    """A file- and URL-safe slug: ASCII (any script transliterated), lower case,
    ``a-z 0-9`` plus the characters in ``keep``, at most ``limit`` long, never empty,
    never a reserved name and never ``..`` or a path."""
    ascii_text = anyascii(text).lower()
    slug = re.sub(rf"[^a-z0-9{re.escape(keep)}]+", "-", ascii_text).strip("-_.")
    slug = slug[:limit].strip("-_.") or fallback
    if is_reserved(slug):
        slug = f"{slug}-{fallback}"
    return slug


def is_reserved(slug: str) -> bool:
    """Page names the site itself uses in every folder: ``index``, ``page-N`` (index pages), ``search``, ..."""
    return slug in RESERVED_SLUGS or re.fullmatch(r"page-\d+", slug) is not None


def tokens(name: str) -> tuple[str, ...]:
    return tuple(skeleton(name).split())


def genitive_stem(name: str) -> str | None:
    """``Russlands`` -> ``Russland``: the German genitive/possessive -s (or -'), else None.

    Whether the stem is really the same name is decided by the caller, which
    checks that the stem is known (another mention, a curated alias, a place).
    """
    stripped = name.rstrip()
    if stripped.endswith(("’", "'")):
        return stripped[:-1]
    if len(stripped) > 3 and stripped[-1] == "s" and not stripped.endswith("ss"):
        return stripped[:-1]
    return None


def is_acronym(name: str) -> bool:
    """``UNSC``, ``DVRK``, ``NATO``: two to six capitals, no lower case."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_of(name: str) -> set[str]:
    """Plausible acronyms of a long name (``United Nations Security Council`` -> ``UNSC``).

    Hyphenated parts count as words (``UN-Sicherheitsrat`` -> ``UNS``), and a
    word that is itself an acronym contributes all its letters.
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return set()
    letters = "".join(w if is_acronym(w) else w[0] for w in words if w[0].isupper())
    return {letters.upper()} if len(letters) >= 2 else set()


#: An abbreviation in parentheses, perhaps in the plural ("(PVR)", "(DVRs)").
_PARENTHESISED_ABBREVIATION = re.compile(r"\(\s*([A-Z]{2,6})s?\s*\)")
_WORDS_BEFORE = re.compile(r"[\w'’-]+")


def defined_in_lower_case(text: str) -> frozenset[str]:
    """The abbreviations an English text defines by words in lower case: "personal video recorders
    (PVRs)", "radio frequency identification (RFID)", "qualified majority voting (QMV)". Such an
    abbreviation is a term, not a name: English writes the names of bodies, places and people in
    capitals when it spells them out ("Royal Bank of Canada (RBC)").

    The long form is found as Schwartz and Hearst (2003) find it: the shortest run of the words right
    before the parenthesis, at most ``min(len + 5, 2 * len)`` of them, whose first word starts with the
    abbreviation's first letter and that the abbreviation's letters abbreviate in order
    (:func:`abbreviates`). "mad cow disease (BSE)" defines nothing."""
    found: set[str] = set()
    for match in _PARENTHESISED_ABBREVIATION.finditer(text):
        short = match.group(1)
        before = text[max(0, match.start() - 200) : match.start()]
        cut = max(before.rfind(mark) for mark in ".;:!?()\n")  # within the sentence
        words = _WORDS_BEFORE.findall(before[cut + 1 :])[-min(len(short) + 5, 2 * len(short)) :]
        for k in range(len(words) - 1, -1, -1):
            if fold(words[k])[:1] != short[0].lower():
                continue
            long = words[k:]
            if abbreviates(short, " ".join(long)):
                if _spelt_by_initials(short.lower(), [fold(w) for w in long]) and all(w == w.lower() for w in long):
                    found.add(short)
                break
    return frozenset(found)


#: Words a long form may pass over without giving a letter ("information and communication technology").
_SKIPPABLE = frozenset("and of the for in on to a an".split())


def _spelt_by_initials(letters: str, words: list[str]) -> bool:
    """Whether each word but a skippable one gives the next letter by its initial, perhaps more letters
    from inside it ("radio frequency identification": R, F, ID); not "under the existing" (UN)."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in _SKIPPABLE and _spelt_by_initials(letters, rest):
        return True
    if not letters or word[:1] != letters[0]:
        return False
    # The word's initial, then any of the next letters found in order inside it.
    at, k = 1, 1
    options = [1]
    while k < len(letters) and (found := word.find(letters[k], at)) >= 0:
        at, k = found + 1, k + 1
        options.append(k)
    return any(_spelt_by_initials(letters[n:], rest) for n in options)


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` can abbreviate ``long`` by the rule of Schwartz and Hearst (2003): each of its
    letters and digits, read from the end, found in ``long`` in the same order, the first at the start
    of a word ("Apacs" of "Association for Payment Clearing Services", "Ofcom" of "Office of
    Communications", "BaFin" of "Bundesanstalt für Finanzdienstleistungsaufsicht"; not "Labour" of
    "Gordon Brown"). (The ``abbreviations`` package implements it over raw text and sets up logging
    when imported; here the long form is already a name the model found.)"""
    chars = [c for c in fold(short).replace(" ", "")]
    text = fold(long)
    if len(chars) < 2 or len(text) <= len(chars):
        return False
    at = len(text) - 1
    for k in range(len(chars) - 1, -1, -1):
        c = chars[k]
        # The first letter must begin a word of the long form; the others may stand anywhere in it.
        while at >= 0 and (text[at] != c or (k == 0 and at > 0 and text[at - 1] != " ")):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True


def clipped_form(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` clipped: the beginnings of its first words spelt together, at least
    three letters ("Fed" of "Federal Reserve", "Amex" of "American Express"), and not its whole first
    word (that is a short form: "Chrysler" of "Chrysler Group") nor an acronym (see :func:`acronym_of`)."""
    words = [w.casefold() for w in re.split(r"[\s\-]+", full) if w]
    if len(words) < 2 or len(short) < 3 or not short[:1].isupper() or " " in short or is_acronym(short):
        return False
    s = short.casefold()
    if s == words[0]:
        return False

    def spelt(at: int, k: int) -> bool:  # s[at:] from the beginnings of words[k:]
        if at == len(s):
            return True
        if k == len(words):
            return False
        word = words[k]
        longest = min(len(word), len(s) - at)
        return any(word[:j] == s[at : at + j] and spelt(at + j, k + 1) for j in range(longest, 1 if k == 0 else 0, -1))

    return spelt(0, 0)


def clipped_words(short: str, full: str) -> bool:
    """Whether each word of ``short`` clips the word of ``full`` in its place: as many words, each the
    beginning of its word and shorter, of three letters or more, a plural's final -s aside ("Lib Dems" of
    "Liberal Democrats", "Sheff Wed" of "Sheffield Wednesday"; not "New York" of "New Yorker")."""
    shorts, fulls = short.casefold().split(), full.casefold().split()
    if len(shorts) < 2 or len(shorts) != len(fulls):
        return False
    shorts[-1], fulls[-1] = shorts[-1].removesuffix("s"), fulls[-1].removesuffix("s")  # "Lib Dems", "Liberal Democrat"
    return all(len(s) >= 3 and len(s) < len(f) and f.startswith(s) for s, f in zip(shorts, fulls, strict=True))


_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def german_forms(name: str) -> set[str]:
    """Declined forms of a German name for exact matching.

    ``Demokratische Volksrepublik Korea`` -> ``Demokratischen Volksrepublik Korea``;
    ``Nationaler Sicherheitsrat`` -> ``Nationalen Sicherheitsrates``;
    ``Kreml`` -> ``Kremls``. Adjectives (capitalised words ending in -e, -en,
    -er, -es, -em before another word) take every ending together; the last word
    takes the genitive -s and -es.
    """
    words = name.split(" ")
    stems: list[tuple[str, bool]] = []  # (stem, is_adjective)
    for i, word in enumerate(words):
        is_adj = False
        if i < len(words) - 1 and word[:1].isupper() and len(word) > 4:
            for ending in sorted(_ADJ_ENDINGS, key=len, reverse=True):
                if word.endswith(ending) and word[: -len(ending)][-1:].islower():
                    stems.append((word[: -len(ending)], True))
                    is_adj = True
                    break
        if not is_adj:
            stems.append((word, False))
    heads = set()
    if any(adj for _, adj in stems):
        for ending in _ADJ_ENDINGS:
            heads.add(" ".join(stem + ending if adj else stem for stem, adj in stems))
    else:
        heads.add(name)
    heads.add(name)
    forms = set(heads)
    for head in heads:
        if not head.endswith("s"):
            forms.add(head + "s")
            if head[-1:] not in "aeiouy":
                forms.add(head + "es")
    return forms


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    from nicknames import NickNamer  # hand-curated English given names and their nicknames (Apache-2.0)

    return {name: frozenset(nicks) for name, nicks in NickNamer().nickname_lookup.items()}


def nickname_pair(a: str, b: str) -> bool:
    """Whether one given name is the other's nickname ("Bernie" of "Bernard", "Vince" of "Vincent", "Ted"
    of "Edward"), by the `nicknames` package's table; not two nicknames of one name ("Bill", "Bob")."""
    table = _nicknames()
    x, y = a.casefold(), b.casefold()
    return x != y and (y in table.get(x, ()) or x in table.get(y, ()))
