"""Files to Articles: formats, structure, decoding, and errors that name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.corpus.ingest import (
    DEFAULT_BOILERPLATE,
    ArticleMeta,
    LanguageDetector,
    article_id,
    compile_boilerplate,
    derive_title,
    parse_meta,
    read_corpus,
    split_front_matter,
    split_paragraphs,
)
from generator.errors import DossierError, Report

BOILER = compile_boilerplate(DEFAULT_BOILERPLATE)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def corpus(tmp_path: Path) -> tuple[list, Report]:
    report = Report()
    return list(read_corpus(tmp_path, report)), report


def test_txt_title_from_headline_line(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Kim meets Putin\n\nThe two leaders met on Wednesday. They talked.\n")
    [art], report = corpus(tmp_path)
    assert art.title == "Kim meets Putin"
    assert art.language == "en" and art.language_detected
    assert [art.text[p.start : p.end] for p in art.paragraphs] == [
        "Kim meets Putin",
        "The two leaders met on Wednesday. They talked.",
    ]
    assert not report.problems


def test_txt_title_from_first_sentence_when_no_headline(tmp_path: Path) -> None:
    text = "Die Sprecherin sagte am Montag, dass die Gespräche vorankommen. Mehr folgt.\n"
    write(tmp_path, "b.txt", text)
    [art], _ = corpus(tmp_path)
    assert art.title == "Die Sprecherin sagte am Montag, dass die Gespräche vorankommen."
    assert art.language == "de"


def test_long_first_sentence_is_cut_at_a_word() -> None:
    text = "A " + "very " * 40 + "long sentence."
    paragraphs = split_paragraphs(text, BOILER)
    title = derive_title(text, paragraphs)
    assert title.endswith("…") and len(title) <= 92


def test_md_front_matter(tmp_path: Path) -> None:
    write(
        tmp_path,
        "news/c.md",
        "---\ntitle: Gipfel in Wostotschny\ndate: 2023-09-13\noutlet: Beispiel\nurl: https://example.org/a\nlanguage: de\n---\nKim traf Putin.\n",
    )
    [art], _ = corpus(tmp_path)
    assert (art.id, art.source, art.title, art.date, art.outlet, art.url, art.language) == (
        "news-c",
        "news/c.md",
        "Gipfel in Wostotschny",
        "2023-09-13",
        "Beispiel",
        "https://example.org/a",
        "de",
    )
    assert art.text == "Kim traf Putin.\n" and not art.language_detected


def test_front_matter_errors_name_file_line_and_field(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ntitle: X\ndate: yesterday\ntitel: Y\n---\nText.\n")
    arts, report = corpus(tmp_path)
    assert arts == []
    messages = [str(p) for p in report.errors]
    assert any("bad.md:3" in m and "'date'" in m and "'yesterday'" in m for m in messages), messages
    assert any("bad.md:4" in m and "did you mean 'title'" in m for m in messages), messages


def test_front_matter_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    with pytest.raises(DossierError) as err:
        split_front_matter("---\ntitle: [unclosed\n---\nText", "x.md")
    assert "x.md:" in str(err.value) and "not valid YAML" in str(err.value)


def test_unclosed_front_matter(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="not closed"):
        split_front_matter("---\ntitle: X\nText", "x.md")


def test_url_and_language_are_validated() -> None:
    with pytest.raises(DossierError) as err:
        parse_meta({"url": "javascript:alert(1)", "language": "deutsch"}, "", "x.md")
    text = str(err.value)
    assert "'url'" in text and "http" in text and "'language'" in text


def test_boilerplate_paragraphs_are_marked(tmp_path: Path) -> None:
    write(
        tmp_path,
        "d.txt",
        "Erster Absatz über Kim.\n\nAnzeige | Zum Weiterlesen scrollen\n\nZweiter Absatz.\ndp/pcl\nRead More : Something else\n",
    )
    [art], _ = corpus(tmp_path)
    flags = [(art.text[p.start : p.end], p.boilerplate) for p in art.paragraphs]
    assert flags == [
        ("Erster Absatz über Kim.", False),
        ("Anzeige | Zum Weiterlesen scrollen", True),
        ("Zweiter Absatz.", False),
        ("dp/pcl", True),
        ("Read More : Something else", True),
    ]


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "This sentence was wrapped\nby an editor at forty columns.\nA new paragraph starts here."
    paras = split_paragraphs(text, BOILER)
    assert len(paras) == 2
    assert text[paras[0].start : paras[0].end] == "This sentence was wrapped\nby an editor at forty columns."


def test_bom_crlf_and_latin1(tmp_path: Path) -> None:
    write(tmp_path, "bom.txt", "\ufeffErste Zeile.\r\nZweite Zeile.\r\n".encode())
    write(tmp_path, "latin.txt", "Preis: 5 \xa3 und mehr Text hier.\n".encode("latin-1"))
    arts, report = corpus(tmp_path)
    by_id = {a.id: a for a in arts}
    assert by_id["bom"].text == "Erste Zeile.\nZweite Zeile.\n"
    assert "£" in by_id["latin"].text
    [warning] = report.warnings
    assert "latin.txt:1" in str(warning) and "0xa3" in str(warning)


def test_binary_and_empty_files_are_reported_not_fatal(tmp_path: Path) -> None:
    write(tmp_path, "bin.txt", b"\x00\x01\x02")
    write(tmp_path, "empty.txt", "  \n\n")
    write(tmp_path, "ok.txt", "Ein guter Text über Moskau und Berlin.\n")
    arts, report = corpus(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    text = "\n".join(str(p) for p in report.problems)
    assert "bin.txt" in text and "binary" in text and "empty.txt" in text


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "a b.txt", "Erster Text über Moskau.\n")
    write(tmp_path, "a-b.txt", "Zweiter Text über Moskau.\n")
    arts, report = corpus(tmp_path)
    assert len(arts) == 1
    assert "duplicate article id" in str(report.errors[0])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("000_8c89.txt", "000_8c89"),
        ("a/B c.md", "a-b-c"),
        ("../../etc/passwd.txt", "etc-passwd"),
        ("Ünïcödé.txt", "unicode"),
    ],
)
def test_article_ids_are_safe(source: str, expected: str) -> None:
    assert article_id(source) == expected


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, ".hidden.txt", "Nicht lesen.\n")
    write(tmp_path, "notes.docx", "x")
    write(tmp_path, "real.txt", "Lesen, bitte, über Moskau.\n")
    arts, _ = corpus(tmp_path)
    assert [a.id for a in arts] == ["real"]


def test_language_detector_is_real() -> None:
    detect = LanguageDetector()
    assert detect("Der Kreml hat die Berichte nicht bestätigt, sagte ein Sprecher.") == "de"
    assert detect("The Kremlin did not confirm the reports, a spokesman said.") == "en"


def test_languages_detected_in_one_batch_are_those_detected_one_at_a_time() -> None:
    """``prefetch`` runs lingua on every core for a whole corpus; each answer is the one a text gets alone,
    long texts among all of lingua's languages and short ones among the configured ones, and a text the batch
    answered is not detected again."""
    long_de = "Der Kreml hat die Berichte über ein Treffen in Wladiwostok nicht bestätigt, sagte ein Sprecher. " * 6
    long_en = "The Kremlin did not confirm the reports of a meeting in Vladivostok, a spokesman said on Monday. " * 6
    long_fr = (
        "Le Kremlin n'a pas confirmé les informations sur une rencontre à Vladivostok, a dit un porte-parole. " * 6
    )
    short = "Putin und Kim in Pjöngjang"
    texts = [long_de, long_en, long_fr, short, long_de]
    alone = [LanguageDetector(languages=("de", "en"))(text) for text in texts]
    batch = LanguageDetector(languages=("de", "en"))
    batch.prefetch(texts)
    assert len(batch.known) == 4
    batch._detector = batch._restricted = None  # answered from the batch, or this would load lingua again
    assert [batch(text) for text in texts] == alone == ["de", "en", "fr", alone[3], "de"]
    assert batch._detector is None and batch._restricted is None


def test_every_meta_field_is_optional() -> None:
    assert ArticleMeta() == ArticleMeta.model_validate({})


# ---------------------------------------------------------------- tables


def table(tmp_path: Path, name: str, data: str, **options: object):
    from generator.corpus.ingest import TableSource, read_table

    path = write(tmp_path, name, data)
    source = TableSource(path=path, **options)  # type: ignore[arg-type]
    report = Report()
    return list(read_table(source, report, detect=DETECT)), report


DETECT = LanguageDetector()


def test_csv_with_header_and_mapping(tmp_path: Path) -> None:
    arts, report = table(
        tmp_path,
        "wire.csv",
        "guid,body,headline,published\nA1,Kim traf Putin in Moskau.,Gipfel,2023-09-13\nA2,Putin sprach.,,\n",
        columns=(("id", "guid"), ("text", "body"), ("title", "headline"), ("date", "published")),
    )
    assert [(a.id, a.title, a.date) for a in arts] == [
        ("wire-a1", "Gipfel", "2023-09-13"),
        ("wire-a2", "Putin sprach.", None),
    ]
    assert not report.problems


def test_csv_without_header_like_10kgnad(tmp_path: Path) -> None:
    arts, _ = table(
        tmp_path,
        "test.csv",
        "Inland;'Ein Titel. Der Text, mit Komma; und Semikolon.'\nSport;'Noch ein Text.'\n",
        columns=(("text", 1),),
        delimiter=";",
        quotechar="'",
        header=False,
        language="de",
        id_prefix="10kgnad",
    )
    assert [a.id for a in arts] == ["10kgnad-1", "10kgnad-2"]
    assert arts[0].text == "Ein Titel. Der Text, mit Komma; und Semikolon." and arts[0].language == "de"


def test_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    arts, report = table(
        tmp_path,
        "a.jsonl",
        '{"text": "Kim traf Putin.", "date": "2023-09-13"}\n{not json}\n[1, 2]\n{"text": "Datum falsch.", "date": "gestern"}\n{"body": "no text column"}\n',
        format="jsonl",
        columns=(("text", "text"), ("date", "date")),
    )
    assert [a.date for a in arts] == ["2023-09-13"]
    text = "\n".join(str(p) for p in report.problems)
    assert "a.jsonl:2" in text and "not valid JSON" in text
    assert "a.jsonl:3" in text and "not a JSON object" in text
    assert "a.jsonl:4" in text and "'date'" in text and "'gestern'" in text
    assert "a.jsonl:5" in text and "columns.text" in text


def test_short_texts_are_told_apart_among_the_configured_languages_only() -> None:
    text = "Putin und Kim in Pjöngjang"
    assert LanguageDetector()(text) != "de", "all of lingua's languages: the names read as another language"
    assert LanguageDetector(languages=("de", "en"))(text) == "de"
    assert (
        LanguageDetector(languages=("de", "en"))("Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.") == "en"
    )
    long_french = "Le président a rencontré les ministres à Paris pour discuter du budget de l'année prochaine. " * 6
    assert LanguageDetector(languages=("de", "en"))(long_french) == "fr", "a long text keeps its own language"


def test_an_undecided_language_becomes_the_corpus_majority() -> None:
    from dataclasses import replace

    from generator.corpus.ingest import majority_language
    from generator.errors import Report

    from .helpers import make

    base = make("a", "[Putin|person] sprach.")[0]
    arts = [
        replace(base, id="a", language="de", language_detected=True),
        replace(base, id="b", language="de", language_detected=True),
        replace(base, id="c", language="en", language_detected=True),
        replace(base, id="d", language="und", language_detected=True),
        replace(base, id="e", language="fr", language_detected=False),
    ]
    report = Report()
    out = majority_language(arts, report)
    assert [a.language for a in out] == ["de", "de", "en", "de", "fr"]
    assert len(report.warnings) == 1 and "majority" in str(report.warnings[0])


def test_bad_table_rows_cost_only_themselves(tmp_path: Path) -> None:
    """A lone surrogate, a NUL byte, a list or object where text belongs: each row is reported and skipped."""
    rows = [
        '{"id": "ok1", "text": "Kim traf Putin in Moskau."}',
        '{"id": "sur", "text": "Kaputt \\ud800 hier."}',
        '{"id": "nul", "text": "Mit \\u0000 NUL."}',
        '{"id": "lst", "text": ["eine", "Liste"]}',
        '{"id": {"x": 1}, "text": "Die Kennung ist ein Objekt."}',
        '{"id": "ok2", "text": "Putin sprach in Berlin."}',
    ]
    arts, report = table(
        tmp_path, "rows.jsonl", "\n".join(rows) + "\n", format="jsonl", columns=(("id", "id"), ("text", "text"))
    )
    assert [a.id for a in arts] == ["rows-ok1", "rows-ok2"]
    text = "\n".join(str(p) for p in report.problems)
    assert "rows.jsonl:2" in text and "lone surrogate" in text
    assert "rows.jsonl:3" in text and "NUL" in text
    assert "rows.jsonl:4" in text and "a JSON list" in text
    assert "rows.jsonl:5" in text and "a JSON object" in text


def test_malformed_csv_quoting_and_huge_fields_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.corpus import ingest

    monkeypatch.setattr(ingest, "MAX_FIELD_CHARS", 100)  # the real limit is 64 MiB
    data = (
        "id,text\n"
        "1,Kim traf Putin in Moskau.\n"
        '2,"Ein "Zitat" mitten im Feld, das die Zeilen zusammenzieht.\n'
        f"3,{'x' * 150}\n"
        "4,Putin sprach in Berlin.\n"
    )
    arts, report = table(tmp_path, "wire.csv", data, columns=(("id", "id"), ("text", "text")))
    assert [a.id for a in arts] == ["wire-1", "wire-4"]
    text = "\n".join(str(p) for p in report.problems)
    assert text.count("malformed CSV row skipped") == 2
    assert "wire.csv:3" in text and "wire.csv:4" in text


def test_binary_without_nul_is_not_published(tmp_path: Path) -> None:
    write(tmp_path, "image.txt", bytes(range(1, 256)) * 40)
    write(tmp_path, "ok.txt", "Ein guter Text über Moskau und Berlin.\n")
    arts, report = corpus(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    assert "image.txt" in str(report.problems[0]) and "binary file" in str(report.problems[0])


def test_implausible_dates_warn_and_are_kept(tmp_path: Path) -> None:
    write(tmp_path, "future.md", "---\ntitle: Zukunft\ndate: 2999-01-01\n---\nEin Text über Moskau.\n")
    write(tmp_path, "ancient.md", "---\ndate: 0001-01-01\n---\nEin Text über Berlin.\n")
    arts, report = corpus(tmp_path)
    assert sorted(a.date or "" for a in arts) == ["0001-01-01", "2999-01-01"]
    text = "\n".join(str(p) for p in report.warnings)
    assert "future.md:3" in text and "ancient.md:2" in text and "implausible publication date" in text


def test_a_megabyte_line_is_cut_into_bounded_paragraphs() -> None:
    from generator.corpus.ingest import MAX_PARAGRAPH_CHARS, split_paragraphs

    sentence = "Putin traf Kim in Wladiwostok und sprach über Waffen. "
    text = sentence * (1_000_000 // len(sentence))
    paragraphs = split_paragraphs(text, [])
    assert len(paragraphs) > 1_000_000 // MAX_PARAGRAPH_CHARS
    assert all(0 < p.end - p.start <= MAX_PARAGRAPH_CHARS for p in paragraphs)
    assert all(text[p.start : p.end].endswith("Waffen.") for p in paragraphs[:-1])  # cut at sentence ends
    assert "".join(text[p.start : p.end] + " " for p in paragraphs) == text  # nothing lost
    words = "wort" * 3000  # no space, no sentence end: a hard cut
    assert [p.end - p.start for p in split_paragraphs(words, [])] == [5000, 5000, 2000]


def test_a_metadata_spreadsheet_dates_and_titles_plain_text_articles(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Kim traf Putin in Wladiwostok.\n")
    write(tmp_path, "b.txt", "Putin sprach in Moskau über Nordkorea.\n")
    write(tmp_path, "c.md", "---\ntitle: Aus der Datei\n---\nSchoigu reiste nach Pjöngjang.\n")
    write(
        tmp_path,
        "metadata.csv",
        "file,title,date,outlet,url,how the date was established\n"
        "a.txt,Gipfel in Wladiwostok,2023-09-13,Agentur,https://example.org/a,dateline\n"
        "b.txt,,2023-02-30,,,typo\n"
        "c.md,Aus der Tabelle,2023-07-27,,,\n"
        "gone.txt,Weg,2023-01-01,,,\n",
    )
    arts, report = corpus(tmp_path)
    by_id = {a.id: a for a in arts}
    assert sorted(by_id) == ["a", "b", "c"]
    assert (by_id["a"].title, by_id["a"].date, by_id["a"].outlet) == ("Gipfel in Wladiwostok", "2023-09-13", "Agentur")
    assert by_id["b"].date is None  # its row was bad: reported, the article still read
    assert (by_id["c"].title, by_id["c"].date) == ("Aus der Datei", "2023-07-27")  # front matter wins per field
    text = "\n".join(str(p) for p in report.problems)
    assert "metadata.csv:3" in text and "date" in text
    assert "metadata.csv:5" in text and "row names no article file" in text


def test_a_malformed_metadata_row_costs_only_that_row(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Kim traf Putin in Wladiwostok.\n")
    write(tmp_path, "b.txt", "Putin sprach in Moskau über Nordkorea.\n")
    write(
        tmp_path,
        "metadata.csv",
        'file,title,date\na.txt,"Gipfel "in" Wladiwostok",2023-09-13\nb.txt,Rede in Moskau,2023-02-01\n',
    )
    arts, report = corpus(tmp_path)
    by_id = {a.id: a for a in arts}
    assert sorted(by_id) == ["a", "b"] and by_id["b"].date == "2023-02-01"
    text = "\n".join(str(p) for p in report.problems)
    assert "metadata.csv:2" in text and "malformed CSV row skipped" in text


def test_numeric_character_references_are_the_characters_they_stand_for(tmp_path: Path) -> None:
    """Text copied out of a web page keeps some "&#233;": a reader should see "Pelé", and a name should not
    stop at the ampersand. Named references and references to no printable character stay as written."""
    write(
        tmp_path,
        "a.txt",
        "Pel&#233; in S&#227;o Paulo\n\nPel&#xE9; met AT&amp;T in S&#227;o Paulo. Odd: &#0; &#55296; &#10;.\n",
    )
    [art], _ = corpus(tmp_path)
    assert art.title == "Pelé in São Paulo"
    assert "Pelé met AT&amp;T in São Paulo. Odd: &#0; &#55296; &#10;." in art.text
