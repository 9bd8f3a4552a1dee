"""Each name-key rule, with the pair of spellings it exists for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.names import acronym_of, defined_in_lower_case, fold, genitive_stem, is_acronym, skeleton


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Kim Jong-un", "Kim Jong Un", "hyphen and case folding"),
        ("Pjöngjang", "Pyongyang", "umlaut folding, then j/y -> i"),
        ("Sergej Schoigu", "Sergei Shoigu", "sch -> sh (ш), j/y/i -> i"),
        ("Dmitri Peskow", "Dmitry Peskov", "w -> v (-ow/-ov), final y/i"),
        ("Wladimir Putin", "Vladimir Putin", "w -> v"),
        ("Alexander Koslow", "Alexander Kozlov", "z -> s (з), w -> v"),
        ("Oleg Koschemjako", "Oleg Kozhemyako", "sch and zh -> sh (ж), j/y"),
        ("Michail Gorbatschow", "Mikhail Gorbachev", "kh/ch (х), tsch -> ch (ч); -ow/-ev differ"),
        ("Wolodymyr Selenskyj", "Volodymyr Zelensky", "z -> s, w -> v, -yj -> i"),
        ("Kim Jong Un’s", "Kim Jong Un", "English possessive"),
    ],
)
def test_skeleton_equal_or_documented(a: str, b: str, why: str) -> None:
    if "differ" in why:
        assert skeleton(a) != skeleton(b), why
    else:
        assert skeleton(a) == skeleton(b), why


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jong Il"),  # father and son stay apart
        ("Sergei Shoigu", "Sergei Lavrov"),
        ("Russland", "Weißrussland"),
    ],
)
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_fold_handles_other_scripts() -> None:
    assert fold("Москва") == "moskva"
    assert fold("  Chatham   House ") == "chatham house"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Russlands", "Russland"),
        ("Pjöngjangs", "Pjöngjang"),
        ("Kims", "Kim"),
        ("Nordkoreas", "Nordkorea"),
        ("Kim", None),
    ],
)
def test_genitive_stem(name: str, stem: str | None) -> None:
    assert genitive_stem(name) == stem


def test_acronyms() -> None:
    assert is_acronym("UNSC") and is_acronym("DVRK") and not is_acronym("Kim")
    assert "UNSC" in acronym_of("United Nations Security Council")
    assert acronym_of("Putin") == set()


@pytest.mark.slow  # rigour's person tagger takes ~10 s to load
def test_person_name_parts_come_from_rigour_and_are_kept_between_builds(tmp_path, monkeypatch) -> None:
    from generator import lexicon

    path = tmp_path / "person-name-parts.pickle"
    names = lexicon.PersonNameParts(path)
    assert names("Bono") and names("Merkel") and names("Cueto")
    assert not names("Spotify") and not names("Unicef") and not names("Yuganskneftegaz")
    names.save()

    def no_rigour(word: str) -> bool:
        raise AssertionError(f"rigour asked again about {word!r}")

    monkeypatch.setattr(lexicon, "_rigour_knows", no_rigour)
    again = lexicon.PersonNameParts(path)
    assert again("bono") and not again("SPOTIFY")
    path.write_bytes(path.read_bytes()[:-3])  # damaged: never trusted
    with pytest.raises(AssertionError, match="asked again"):
        lexicon.PersonNameParts(path)("Bono")


def test_clipped_forms_spell_the_beginnings_of_a_names_first_words() -> None:
    from generator.names import clipped_form

    assert clipped_form("Fed", "Federal Reserve") and clipped_form("Amex", "American Express")
    assert clipped_form("Nabisco", "National Biscuit Company")
    assert not clipped_form("Chrysler", "Chrysler Group")  # the whole first word: a short form
    assert not clipped_form("Fe", "Federal Reserve") and not clipped_form("Reserve", "Federal Reserve")
    assert not clipped_form("FR", "Federal Reserve") and not clipped_form("Fed", "Fed")


def test_clipped_words_clip_each_word_in_its_place() -> None:
    from generator.names import clipped_words

    assert clipped_words("Lib Dems", "Liberal Democrats") and clipped_words("Lib Dems", "Liberal Democrat")
    assert clipped_words("Sheff Wed", "Sheffield Wednesday")
    assert not clipped_words("New York", "New Yorker")  # a whole word is no clipped one
    assert not clipped_words("Li Dem", "Liberal Democrats") and not clipped_words("Lib", "Liberal Democrats")
    assert not clipped_words("Lib Dem", "Liberal Party Democrats")


def test_brown_clusters_of_names_know_the_surnames_dictionaries_lack(tmp_path, monkeypatch) -> None:
    """spacy-lookups-data's German cluster of "Merkel" holds "Stoiber" and "Pofalla", not "Spotify" or
    "Beton"; the answers are kept between builds like the dictionary's."""
    from generator import lexicon

    path = tmp_path / "person-name-parts.pickle"
    names = lexicon.PersonNameParts(path)
    assert names.in_name_cluster("Stoiber", "de") and names.in_name_cluster("Pofalla", "de")
    assert not names.in_name_cluster("Spotify", "de") and not names.in_name_cluster("Beton", "de")
    assert not names.in_name_cluster("Stoiber", "xx")  # a language without clusters knows nothing
    names.save()
    monkeypatch.setattr(lexicon, "_name_cluster_words", lambda language: frozenset())
    assert lexicon.PersonNameParts(path).in_name_cluster("Stoiber", "de")


@pytest.mark.slow  # rigour's person tagger takes ~10 s to load
def test_the_name_cluster_table_is_current() -> None:
    """generator/data/name_clusters.json is what the devtool computes from the installed packages."""
    from generator.devtools import name_clusters

    assert name_clusters.main(["--check"]) == 0


def test_the_named_words_table_is_current() -> None:
    """generator/data/germeval_named_words.txt is what the devtool computes from GermEval train."""
    from generator.devtools import named_words

    from .conftest import SHARED

    data = SHARED / "data"
    if not (data / "germeval2014" / "NER-de-train.tsv").exists():
        pytest.skip(f"GermEval 2014 train not found under {data}")
    assert named_words.main(["--data", str(data), "--check"]) == 0


_WORD_THEN_BLANKS = re.compile(r"([^\W\d_][\w-]*)[ \t\u00a0]+\Z")
_WORD_THEN_QUOTE = re.compile(r"([^\W\d_][\w-]*)[ \t\u00a0]*[\"„“”‚‘’'«»‹›]?[ \t\u00a0]*\Z")


@given(st.text(st.sampled_from([*"ab9_-Ö ,.\t\u00a0\"„'«é²ß", "\u0301"]), max_size=14))
def test_the_word_before_a_name_is_what_an_end_anchored_pattern_finds(text: str) -> None:
    """``word_before`` scans back from the end; the regular expressions it replaced are its oracle."""
    from generator.lexicon import word_before

    plain = _WORD_THEN_BLANKS.search(text)
    assert word_before(text) == (plain.group(1) if plain else None)
    quoted = _WORD_THEN_QUOTE.search(text)
    assert word_before(text, quote=True, blank=False) == (quoted.group(1) if quoted else None)


def _is_role_word_by_scan(text: str, role_words) -> bool:
    """The simpler oracle: every role word tried in turn."""
    low = text.lower().rstrip(".")
    last = low.rsplit("-", 1)[-1]
    return any(
        low == w or last == w or (len(w) >= 4 and len(low) >= len(w) + 2 and low.endswith(w)) for w in role_words
    )


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcdrsteminöÖlK-.", max_size=14),
    st.lists(st.text(alphabet="abcdrsteminöl", min_size=1, max_size=8), max_size=6),
)
def test_role_words_by_sets_answer_as_a_scan_of_the_list(text: str, extra: list[str]) -> None:
    from generator.lexicon import DEFAULT_ROLE_WORDS, is_role_word

    for words in (DEFAULT_ROLE_WORDS, tuple(extra), list(extra)):
        assert is_role_word(text, words) == _is_role_word_by_scan(text, words)
    for text in ("Kreml-Sprecher", "Ölminister", "Alexandr", "Dr.", "Verteidigungsminister"):
        assert is_role_word(text, DEFAULT_ROLE_WORDS) == _is_role_word_by_scan(text, DEFAULT_ROLE_WORDS)


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("Apacs", "Association for Payment Clearing Services", True),
        ("Ofcom", "Office of Communications", True),
        ("BaFin", "Bundesanstalt für Finanzdienstleistungsaufsicht", True),
        ("Labour", "Gordon Brown", False),  # a party after a person's name
        ("Glasgow", "Rangers", False),
        ("Avis", "Nationale Vermögensverwaltung", False),  # the first letter must begin a word
    ],
)
def test_abbreviates_by_schwartz_and_hearst(short: str, long: str, expected: bool) -> None:
    from generator.names import abbreviates

    assert abbreviates(short, long) is expected


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("the use of radio frequency identification (RFID) tags", {"RFID"}),
        ("such as digital video recorders (DVRs) and", {"DVR"}),
        ("use of information and communication technology (ICT) in schools", {"ICT"}),
        ("a capacity of 1,000 megawatts (MW).", {"MW"}),
        # Spelt out as a name, not spelt out, or letters that no word gives by its initial.
        ("the Royal Bank of Canada (RBC) said", set()),
        ("cows infected with mad cow disease (BSE).", set()),
        ("the Dutch football federation (KNVB)", set()),
        ("free anti-virus software (AVG)", set()),
        ("under the existing (UN) rules", set()),
    ],
)
def test_abbreviations_defined_in_lower_case(text: str, terms: set[str]) -> None:
    assert defined_in_lower_case(text) == terms
