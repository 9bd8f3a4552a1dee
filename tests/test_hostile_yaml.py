"""Hostile YAML, dates and links: each costs at most its own file, fails fast, and says where."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.corpus.ingest import LanguageDetector, read_corpus
from generator.curation import load_curation
from generator.errors import DossierError, Report

DETECT = LanguageDetector(languages=("de", "en"))

BILLION_LAUGHS = """entities:
  - id: a
    name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


def corpus(tmp_path: Path, files: dict[str, str]) -> tuple[list, Report]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = Report()
    return list(read_corpus(folder, report, detect=DETECT)), report


GOOD = "Wladimir Putin traf Kim Jong Un in Wladiwostok, wie die Agentur meldete.\n"


@pytest.mark.parametrize("date", ["2023-02-30", "2023-09-13T25:99:00", "13.09.2023"])
def test_an_impossible_date_costs_only_its_file(tmp_path: Path, date: str) -> None:
    articles, report = corpus(tmp_path, {"bad.md": f"---\ntitle: T\ndate: {date}\n---\n{GOOD}", "good.txt": GOOD})
    assert [a.source for a in articles] == ["good.txt"]
    [problem] = report.errors
    assert problem.file == "bad.md" and problem.line == 3 and problem.field == "date"


def test_a_date_with_a_time_keeps_the_date(tmp_path: Path) -> None:
    articles, report = corpus(tmp_path, {"a.md": f"---\ndate: 2023-09-13T10:30:00\n---\n{GOOD}"})
    assert [a.date for a in articles] == ["2023-09-13"] and not report.errors


def test_an_alias_in_front_matter_is_refused_fast(tmp_path: Path) -> None:
    bomb = "---\nx: &a [1, 2]\ntitle: *a\n---\n" + GOOD
    t0 = time.perf_counter()
    articles, report = corpus(tmp_path, {"bomb.md": bomb, "good.txt": GOOD})
    assert time.perf_counter() - t0 < 5
    assert [a.source for a in articles] == ["good.txt"]
    [problem] = report.errors
    assert problem.file == "bomb.md" and problem.line == 3 and "aliases" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        (BILLION_LAUGHS, 4, "aliases"),
        ("entities:\n  - &x {id: a, name: A, type: person, same_as: [*x]}\n", 2, "aliases"),  # recursive
        ("entities:\n  - id: a\n    name: !!python/name:os.system\n    type: person\n", 3, "python/name"),
        ("entities:\n  - id: a\n    name: !!python/object/apply:os.system [ls]\n    type: person\n", 3, "python"),
    ],
)
def test_hostile_curation_is_a_clean_error_with_its_line(tmp_path: Path, text: str, line: int, said: str) -> None:
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / "bad.yml").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    with pytest.raises(DossierError) as err:
        load_curation(folder)
    assert time.perf_counter() - t0 < 5
    [problem] = err.value.problems
    assert problem.file.endswith("bad.yml") and problem.line == line and said in problem.message


def test_a_symlink_out_of_the_corpus_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "leak.txt").symlink_to(secret)
    (folder / "inside.txt").write_text(GOOD, encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "inside.txt")  # inside the corpus: followed
    report = Report()
    articles = list(read_corpus(folder, report, detect=DETECT))
    assert sorted(a.source for a in articles) == ["alias.txt", "inside.txt"]
    [problem] = report.errors
    assert problem.file == "leak.txt" and "outside the corpus" in problem.message
    assert all("root:x" not in a.text for a in articles)


@pytest.mark.parametrize("curated_id", ["index", "page-3", "search"])
def test_a_curated_id_cannot_take_an_index_page(tmp_path: Path, curated_id: str) -> None:
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / "people.yml").write_text(
        f"entities:\n  - id: {curated_id}\n    name: Someone\n    type: person\n", encoding="utf-8"
    )
    with pytest.raises(DossierError) as err:
        load_curation(folder)
    [problem] = err.value.problems
    assert problem.line == 2 and problem.field and "id" in problem.field and "cannot be taken" in str(problem)


def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes("\ufeffWladimir Putin traf Kim Jong Un in Wladiwostok.\n".encode("utf-16-le"))
    (folder / "b.txt").write_bytes(b"\xfe\xff" + "Kim Jong Un reiste nach Moskau.\n".encode("utf-16-be"))
    report = Report()
    articles = list(read_corpus(folder, report, detect=DETECT))
    assert [a.text.split()[0] for a in articles] == ["Wladimir", "Kim"] and not report.problems


def test_thousands_of_unknown_keys_are_reported_fast_and_bounded(tmp_path: Path) -> None:
    keys = "".join(f"key{i}: {i}\n" for i in range(20_000))
    t0 = time.perf_counter()
    articles, report = corpus(tmp_path, {"many.md": f"---\n{keys}---\n{GOOD}", "good.txt": GOOD})
    assert time.perf_counter() - t0 < 10
    assert [a.source for a in articles] == ["good.txt"]
    assert len(report.errors) == 11 and "19990 more problems" in report.errors[-1].message
    assert report.errors[0].line == 2 and report.errors[0].field == "key0"
