"""Files to :class:`~generator.model.Article` objects. No spaCy here.

Supported inputs, one article per file:

* ``.txt``: plain text. The title is the first line when it reads like a
  headline (short, no closing full stop), otherwise the start of the first
  sentence.
* ``.md``: optional YAML front matter between ``---`` lines with the fields of
  :class:`ArticleMeta`, then the text (Markdown syntax is shown as written).

Decoding: UTF-8 (a byte-order mark is dropped). Text that is not valid UTF-8
is decoded as Windows-1252 with a warning naming the first bad byte. Line
endings are normalised to ``\\n``. Files with NUL bytes are rejected as binary.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator import yamlload
from generator.errors import DossierError, Problem, Report, did_you_mean, pydantic_expected, short_repr
from generator.model import Article, Paragraph, stable_hash
from generator.names import safe_slug

ARTICLE_SUFFIXES = (".txt", ".md")

#: Lines that are page furniture rather than article text. Matched against a
#: whole stripped paragraph; extend them with the ``boilerplate`` option.
DEFAULT_BOILERPLATE = (
    r"(?i)^read more\s*:.*$",
    r"(?i)^(anzeige|advertisement|werbung)(\s*\|.*)?$",
    r"(?i)^zum weiterlesen scrollen$",
    r"^[a-z]{2,4}(/[a-z]{2,4})+$",  # agency / author sigils such as "dp/pcl", "dpa/afp"
    r"(?i)^\(?(dpa|afp|ap|reuters|kna|epd)(/[a-z]+)*\)?$",
)

_TERMINAL = ".!?:;\"'“”„»«›‹)…"


class ArticleMeta(BaseModel):
    """Front matter of a ``.md`` article. Every field is optional."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = Field(default=None, description="Headline shown on the article page.")
    date: dt.date | None = Field(default=None, description="Publication date, ISO 8601 (2023-09-13).")
    outlet: str | None = Field(default=None, description="Publisher or outlet name.")
    url: str | None = Field(default=None, description="Link to the original article (http or https).")
    language: str | None = Field(
        default=None, description="ISO 639-1 code (de, en, ...); detected from the text when absent."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        """A date, or a date and time of which the date is kept ("2023-09-13T10:00:00")."""
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
            try:
                return dt.datetime.fromisoformat(value).date()
            except ValueError:
                raise ValueError(f"a valid ISO 8601 date such as 2023-09-13, found {value[:40]!r}") from None
        return value

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s]+$", value):
            raise ValueError("an http:// or https:// address")
        return value

    @field_validator("language")
    @classmethod
    def _iso_code(cls, value: str | None) -> str | None:
        if value is not None:
            value = value.lower()
            if not re.fullmatch(r"[a-z]{2}", value):
                raise ValueError("a two-letter ISO 639-1 code such as 'de' or 'en'")
        return value


META_FIELDS = tuple(ArticleMeta.model_fields)


@dataclass(frozen=True)
class RawArticle:
    """A decoded file before language detection."""

    path: Path
    source: str
    text: str
    meta: ArticleMeta


# ---------------------------------------------------------------- decoding


#: Byte-order marks of the Unicode encodings a text editor may save in.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, source: str, report: Report, *, allow_nul: bool = False) -> str:
    """Bytes to NFC text with ``\\n`` line ends: UTF-8 (BOM or not), UTF-16/32 with a BOM, else Windows-1252
    with a warning. Binary data is an error: NUL bytes (unless ``allow_nul``: tables report such rows), or
    control characters where text has none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                data = data[len(bom) :].decode(encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                raise DossierError(
                    [Problem(source, "not valid text", expected=encoding.upper(), found=f"byte offset {exc.start}")]
                ) from None
            break
    if b"\x00" in data and not allow_nul:
        raise DossierError([Problem(source, "binary file", expected="UTF-8 text", found="NUL bytes")])
    controls = len(_BINARY_CONTROLS.findall(data, 0, 65536))
    if controls > max(8, min(len(data), 65536) // 200):
        raise DossierError(
            [Problem(source, "binary file", expected="text", found=f"{controls} control bytes in its first 64 KiB")]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.warn(
            source,
            "not valid UTF-8, read as Windows-1252",
            line=line,
            expected="UTF-8",
            found=f"byte 0x{data[exc.start]:02x} at offset {exc.start}",
        )
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # NFC so that offsets and name keys do not depend on how accents were typed.
    return unicodedata.normalize("NFC", text)


#: A numeric character reference ("&#233;", "&#xE9;"), as text copied out of a web page keeps some.
_CHARACTER_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));")


def character_references(text: str) -> str:
    """``text`` with its numeric character references as the characters they stand for ("Pel&#233;" ->
    "Pelé", "S&#227;o Paulo"): a reader should not see the markup, nor a name stop at its ampersand. Only a
    printable character is put in (not a control, a surrogate or a code point beyond Unicode); named
    references stay as written ("AT&amp;T" may be the text itself)."""
    if "&#" not in text:
        return text

    def character(found: re.Match[str]) -> str:
        code = int(found.group(1), 10) if found.group(1) else int(found.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return found.group(0)
        char = chr(code)
        return char if char.isprintable() else found.group(0)

    return unicodedata.normalize("NFC", _CHARACTER_REFERENCE.sub(character, text))


#: Control bytes that text does not contain (tab, line ends and form feed do occur; NUL is checked apart).
_BINARY_CONTROLS = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)


def split_front_matter(text: str, source: str) -> tuple[dict[str, object], str, int]:
    """Return (front matter mapping, body, line number where the body starts)."""
    if not text.startswith("---"):
        return {}, text, 1
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise DossierError(
            [Problem(source, "front matter is not closed", line=1, expected="a closing '---' line", found="none")]
        )
    raw = match.group(1) or ""
    try:
        data = yamlload.load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        raise yamlload.error(exc, source, "front matter", first_line=2) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DossierError(
            [
                Problem(
                    source,
                    "front matter must be a mapping",
                    line=2,
                    expected="key: value lines",
                    found=type(data).__name__,
                )
            ]
        )
    body_line = text.count("\n", 0, match.end()) + 1
    return data, text[match.end() :], body_line


def _field_lines(text: str) -> dict[str, int]:
    """The line of each top-level key of the front matter, read once (a file may have thousands)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n", 2001)[:2000], start=1):
        match = re.match(r"^([^\s:#][^:]*?)\s*:", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


#: At most this many problems are listed for one file; the rest are counted.
MAX_PROBLEMS_PER_FILE = 10


def parse_meta(data: dict[str, object], text: str, source: str) -> ArticleMeta:
    try:
        return ArticleMeta.model_validate(data)
    except ValidationError as exc:
        problems = []
        field_lines = _field_lines(text)
        # A field on no line of its own came in through a YAML merge key ("<<: {...}");
        # failing that, the front matter's first line.
        fallback = field_lines.get("<<", 2)
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else "?"
            if err["type"] == "extra_forbidden":
                problems.append(
                    Problem(
                        source,
                        f"unknown front matter field{did_you_mean(key, META_FIELDS)}",
                        line=field_lines.get(key, fallback),
                        field=key,
                        expected="one of " + ", ".join(META_FIELDS),
                        found=short_repr(key),
                    )
                )
                continue
            expected = pydantic_expected(err)
            problems.append(
                Problem(
                    source,
                    "invalid front matter value",
                    line=field_lines.get(key, fallback),
                    field=key,
                    expected=expected,
                    found=short_repr(err.get("input")),
                )
            )
        if len(problems) > MAX_PROBLEMS_PER_FILE:
            more = len(problems) - MAX_PROBLEMS_PER_FILE
            problems = problems[:MAX_PROBLEMS_PER_FILE]
            problems.append(Problem(source, f"... and {more} more problems in this file's front matter", line=2))
        raise DossierError(problems) from None


# ---------------------------------------------------------------- structure


def split_paragraphs(text: str, boilerplate: Sequence[re.Pattern[str]]) -> tuple[Paragraph, ...]:
    """Paragraphs are lines; a hard-wrapped line joins the next when it ends mid-sentence.

    News text often has one paragraph per line with no blank lines between, so a
    line break ends a paragraph unless the line does not end a sentence and the
    next line starts in lower case (the signature of hard wrapping).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    current: tuple[int, int] | None = None
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            if current:
                spans.append(current)
            current = None
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        s, e = start + lead, end - trail
        if current is not None:
            prev_text = text[current[0] : current[1]]
            if prev_text[-1] not in _TERMINAL and stripped[0].islower():
                current = (current[0], e)
                continue
            spans.append(current)
        current = (s, e)
    if current:
        spans.append(current)
    spans = [piece for span in spans for piece in _bounded(text, span)]
    paragraphs = []
    for index, (s, e) in enumerate(spans):
        chunk = " ".join(text[s:e].split())
        is_boiler = any(p.search(chunk) for p in boilerplate)
        paragraphs.append(Paragraph(index=index, start=s, end=e, boilerplate=is_boiler))
    return tuple(paragraphs)


#: A paragraph longer than this is cut into pieces for extraction and display: what one spaCy
#: document costs grows faster than its length, and a 1 MB line once took minutes and gigabytes.
MAX_PARAGRAPH_CHARS = 5000
_SENTENCE_END = re.compile(r"[.!?…][\"'“”»«)]*\s+")


def _bounded(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut at sentence ends (else at a space, else anywhere) into pieces of at most MAX_PARAGRAPH_CHARS."""
    start, end = span
    pieces = []
    while end - start > MAX_PARAGRAPH_CHARS:
        window = text[start : start + MAX_PARAGRAPH_CHARS]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window, MAX_PARAGRAPH_CHARS // 2)), default=0)
        if not cut:
            cut = window.rfind(" ", MAX_PARAGRAPH_CHARS // 2) + 1 or MAX_PARAGRAPH_CHARS
        piece_end = start + cut
        stripped = text[start:piece_end].rstrip()
        pieces.append((start, start + len(stripped)))
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def derive_title(text: str, paragraphs: Sequence[Paragraph], limit: int = 90) -> str:
    content = [p for p in paragraphs if not p.boilerplate]
    if not content:
        return "Untitled"
    first = " ".join(text[content[0].start : content[0].end].split())
    if len(first) <= limit and first[-1] not in ".!?:;":
        return first  # reads like a headline
    match = re.match(r"(.+?[.!?])(\s|$)", first)
    sentence = match.group(1) if match else first
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def article_id(source: str) -> str:
    """A URL- and file-safe id from the corpus-relative path (``a/b c.txt`` -> ``a-b-c``)."""
    stem = source.rsplit(".", 1)[0]
    return safe_slug(stem.replace("/", "-"), keep="_-", limit=100, fallback="article")


# ---------------------------------------------------------------- reading


def discover(corpus: Path, report: Report | None = None) -> list[Path]:
    """Article files below ``corpus``, sorted for a stable order. Hidden files are skipped.

    A symbolic link is followed only when it resolves inside the corpus folder:
    one pointing elsewhere (``leak.txt -> /etc/passwd``) is reported and never read.
    """
    found = []
    root = corpus.resolve()
    for path in corpus.rglob("*"):
        rel = path.relative_to(corpus)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not (path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()):
            continue
        if not path.resolve().is_relative_to(root):
            if report is not None:
                report.add(
                    Problem(
                        rel.as_posix(),
                        "symbolic link to a file outside the corpus folder, not read",
                        expected="files inside the corpus folder",
                        found=f"a link to {short_repr(str(path.resolve()), 80)}",
                    )
                )
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(corpus).as_posix())


def read_raw(path: Path, corpus: Path, report: Report, display_root: Path | None = None) -> RawArticle:
    source = path.relative_to(corpus).as_posix()
    shown = (display_root / source).as_posix() if display_root else source
    text = decode(path.read_bytes(), shown, report)
    meta = ArticleMeta()
    if path.suffix.lower() == ".md":
        data, body, _ = split_front_matter(text, shown)
        meta = parse_meta(data, text, shown)
        check_date(meta, shown, lambda: _field_lines(text).get("date"), report)
        text = body
    return RawArticle(path=path, source=source, text=character_references(text), meta=meta)


#: Publication dates outside these years are accepted with a warning: a typo ("2999", "0001") is likelier.
PLAUSIBLE_YEARS = (1800, dt.date.today().year + 1)


def check_date(meta: ArticleMeta, shown: str, line: Callable[[], int | None], report: Report) -> None:
    """Warn about a date no news article has (year 1, the year 2999); the date is kept as written."""
    if meta.date is not None and not PLAUSIBLE_YEARS[0] <= meta.date.year <= PLAUSIBLE_YEARS[1]:
        report.warn(
            shown,
            "implausible publication date",
            line=line(),
            field="date",
            expected=f"a year from {PLAUSIBLE_YEARS[0]} to {PLAUSIBLE_YEARS[1]}",
            found=meta.date.isoformat(),
        )


class LanguageDetector:
    """Language identification with lingua (models ship in the wheel, no download).

    A long text is told apart among all languages lingua knows, so a French
    article in a German corpus stays French (and is reported as having no
    pipeline). A short text is not: trigram statistics of a few capitalised names
    ("Putin und Kim in Pjöngjang" reads as Albanian) say little, so it is told
    apart only among ``languages`` (the ones with a pipeline), and when even that
    is unsure the answer is None: the pipeline then gives it the corpus' majority
    language (:func:`majority_language`).

    ``known`` remembers earlier answers by a digest of the text sample, so a
    rebuild does not detect again (the pipeline keeps it in the cache folder).
    """

    SAMPLE = 3000  # characters: plenty for news prose, and detection time grows with length
    SHORT = 400  # characters: below this, only the configured languages are considered
    SURE = 0.7  # confidence a short text needs among the configured languages

    def __init__(self, known: dict[str, str] | None = None, languages: Iterable[str] = ()) -> None:
        self._detector: Any = None
        self._restricted: Any = None
        self.languages = tuple(sorted(set(languages)))
        self.known: dict[str, str] = known if known is not None else {}

    def _key(self, text: str) -> tuple[str, str, bool]:
        sample = text[: self.SAMPLE]
        short = len(sample.strip()) < self.SHORT and len(self.languages) > 1
        return (stable_hash(sample, *self.languages) if short else stable_hash(sample)), sample, short

    def __call__(self, text: str) -> str | None:
        key, sample, short = self._key(text)
        if key in self.known:
            return self.known[key] or None
        code = self._short(sample) if short else self._long([sample])[0]
        self.known[key] = code or ""
        return code

    def prefetch(self, texts: Iterable[str]) -> None:
        """Detect the languages of many texts at once, the long ones on every core (lingua's Rust threads:
        the same answers as one at a time, in half the time on two cores); :meth:`__call__` then finds them."""
        wanted: dict[str, str] = {}
        for text in texts:
            key, sample, short = self._key(text)
            if key in self.known:
                continue
            if short:
                self.known[key] = self._short(sample) or ""
            else:
                wanted[key] = sample
        for key, code in zip(wanted, self._long(list(wanted.values())), strict=True):
            self.known[key] = code or ""

    def _long(self, samples: list[str]) -> list[str | None]:
        if not samples:
            return []
        if self._detector is None:
            from lingua import LanguageDetectorBuilder

            # Low-accuracy mode uses trigrams only: 70 MB instead of ~1 GB and plenty for whole articles.
            self._detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
        found = (
            [self._detector.detect_language_of(samples[0])]
            if len(samples) == 1
            else self._detector.detect_languages_in_parallel_of(samples)
        )
        return [language.iso_code_639_1.name.lower() if language is not None else None for language in found]

    def _short(self, sample: str) -> str | None:
        if self._restricted is None:
            from lingua import IsoCode639_1, LanguageDetectorBuilder

            codes = [getattr(IsoCode639_1, c.upper()) for c in self.languages if hasattr(IsoCode639_1, c.upper())]
            if len(codes) < 2:
                return self._long([sample])[0]
            self._restricted = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
        values = self._restricted.compute_language_confidence_values(sample)
        if not values or values[0].value < self.SURE:
            return None
        return values[0].language.iso_code_639_1.name.lower()


def majority_language(articles: Sequence[Article], report: Report) -> list[Article]:
    """Articles whose language could not be told get the language most detected articles have (reported)."""
    counts = Counter(a.language for a in articles if a.language_detected and a.language != "und")
    if not counts or not any(a.language == "und" for a in articles):
        return list(articles)
    majority = sorted(counts, key=lambda lang: (-counts[lang], lang))[0]
    out = []
    for a in articles:
        if a.language == "und" and a.language_detected:
            report.warn(
                a.source,
                "language could not be told from this short text; the corpus' majority language is used",
                field="language",
                expected="a 'language' field in the front matter",
                found=f"nothing; assumed {majority!r}",
            )
            a = dataclasses.replace(a, language=majority)
        out.append(a)
    return out


def language_sample(text: str, paragraphs: Sequence[Paragraph]) -> str:
    """What the language of an article is detected from: its text without boilerplate paragraphs."""
    return "\n".join(text[p.start : p.end] for p in paragraphs if not p.boilerplate)


def build_article(
    raw: RawArticle,
    boilerplate: Sequence[re.Pattern[str]],
    detect: LanguageDetector,
    paragraphs: tuple[Paragraph, ...] | None = None,
) -> Article:
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(raw.text, boilerplate)
    language = raw.meta.language
    detected = False
    if language is None:
        language = detect(language_sample(raw.text, paragraphs)) or "und"
        detected = True
    return Article(
        id=article_id(raw.source),
        source=raw.source,
        title=raw.meta.title or derive_title(raw.text, paragraphs),
        text=raw.text,
        language=language,
        paragraphs=paragraphs,
        date=raw.meta.date.isoformat() if raw.meta.date else None,
        url=raw.meta.url,
        outlet=raw.meta.outlet,
        language_detected=detected,
    )


def compile_boilerplate(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


def read_corpus(
    corpus: Path,
    report: Report,
    *,
    boilerplate: Sequence[str] = DEFAULT_BOILERPLATE,
    detect: LanguageDetector | None = None,
    display_root: Path | None = None,
) -> Iterator[Article]:
    """Yield articles in path order. A bad file is reported and skipped; it never stops the others."""
    detect = detect or LanguageDetector()
    compiled = compile_boilerplate(boilerplate)
    seen: dict[str, str] = {}
    paths = discover(corpus, report)
    sidecar = read_metadata(corpus, {p.relative_to(corpus).as_posix() for p in paths}, report, display_root)
    kept: list[tuple[RawArticle, tuple[Paragraph, ...]]] = []
    for path in paths:
        try:
            raw = read_raw(path, corpus, report, display_root)
        except DossierError as exc:
            report.problems.extend(exc.problems)
            continue
        if raw.source in sidecar:
            # Front matter wins field by field: the file is the more specific source.
            given = {k: v for k, v in raw.meta.model_dump().items() if v is not None}
            raw = replace(raw, meta=sidecar[raw.source].model_copy(update=given))
        if not raw.text.strip():
            report.warn(raw.source, "empty article skipped", expected="some text", found="only whitespace")
            continue
        ident = article_id(raw.source)
        if ident in seen:
            report.add(
                Problem(
                    raw.source,
                    "duplicate article id, file skipped",
                    field="id",
                    expected="a unique id per article",
                    found=f"{ident!r}, already used by {seen[ident]}",
                )
            )
            continue
        seen[ident] = raw.source
        kept.append((raw, split_paragraphs(raw.text, compiled)))
    # The languages of the whole corpus in one batch, on every core, before the articles are made.
    detect.prefetch(language_sample(raw.text, paragraphs) for raw, paragraphs in kept if raw.meta.language is None)
    for raw, paragraphs in kept:
        yield build_article(raw, compiled, detect, paragraphs)


#: A spreadsheet of clippings beside plain-text articles: one row per file.
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "title", "date", "outlet", "url", "language")


def read_metadata(
    corpus: Path, files: set[str], report: Report, display_root: Path | None = None
) -> dict[str, ArticleMeta]:
    """``metadata.csv`` in the corpus folder: title, date, outlet, url and language per article file.

    Columns ``file`` (corpus-relative path, required) and any of ``title``,
    ``date``, ``outlet``, ``url``, ``language``; other columns (notes on how a
    date was established) are ignored. A bad row is reported with its line and
    skipped; a row naming no article file is a warning.
    """
    import csv

    path = corpus / METADATA_FILE
    if not path.is_file():
        return {}
    shown = (display_root / METADATA_FILE).as_posix() if display_root else METADATA_FILE
    try:
        text = decode(path.read_bytes(), shown, report)
    except DossierError as exc:
        report.problems.extend(exc.problems)
        return {}
    csv.field_size_limit(MAX_FIELD_CHARS)
    # strict: a stray quote is a problem to report with its line, not a silent merge of rows.
    reader = csv.DictReader(text.splitlines(keepends=True), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        report.add(
            Problem(shown, "unreadable header row", line=1, expected="a CSV header row", found=short_repr(str(exc)))
        )
        return {}
    if "file" not in (fieldnames or []):
        report.add(
            Problem(
                shown,
                "no 'file' column",
                line=1,
                expected="a header row with 'file'",
                found=short_repr(reader.fieldnames),
            )
        )
        return {}
    out: dict[str, ArticleMeta] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            report.add(
                Problem(
                    shown,
                    "malformed CSV row skipped",
                    line=reader.reader.line_num,  # DictReader's own count stops at the last good row
                    expected=f"fields of at most {MAX_FIELD_CHARS:,} characters, quotes only around whole fields",
                    found=short_repr(str(exc)),
                )
            )
            continue
        line = reader.line_num
        name = (row.get("file") or "").strip()
        if name not in files:
            report.warn(
                shown,
                "row names no article file",
                line=line,
                field="file",
                expected="a file in the corpus folder",
                found=short_repr(name),
            )
            continue
        data = {k: v.strip() for k in METADATA_COLUMNS[1:] if (v := row.get(k)) and v.strip()}
        meta = row_meta(data, shown, line, report)
        if meta is not None:
            out[name] = meta
    return out


def row_meta(data: dict[str, object], shown: str, line: int, report: Report) -> ArticleMeta | None:
    """One table row's metadata, checked; None (each problem reported with the row's line) when invalid."""
    try:
        meta = ArticleMeta.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            report.add(
                Problem(
                    shown,
                    "invalid value, row skipped",
                    line=line,
                    field=str(err["loc"][0]) if err["loc"] else None,
                    expected=pydantic_expected(err),
                    found=short_repr(err.get("input")),
                )
            )
        return None
    check_date(meta, shown, lambda: line, report)
    return meta


# ---------------------------------------------------------------- tables of articles


@dataclass(frozen=True)
class TableSource:
    """Many articles in one CSV or JSON Lines file, with a column mapping.

    ``columns`` maps article fields (``text`` required; ``id``, ``title``,
    ``date``, ``url``, ``outlet``, ``language`` optional) to column names, or
    to 0-based column numbers for a CSV file without a header row.
    """

    path: Path
    format: str = "csv"  # csv | jsonl
    columns: tuple[tuple[str, str | int], ...] = (("text", "text"),)
    delimiter: str = ","
    quotechar: str = '"'
    header: bool = True
    language: str | None = None
    id_prefix: str | None = None


TABLE_FIELDS = ("id", "text", "title", "date", "url", "outlet", "language")


def _rows(source: TableSource, shown: str, report: Report) -> Iterator[tuple[int, dict[str | int, object]]]:
    import csv
    import json

    raw = source.path.read_bytes()
    text = decode(raw, shown, report, allow_nul=True)  # a row with a NUL byte is reported, not the file
    if source.format == "jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report.add(
                    Problem(
                        shown,
                        "not valid JSON",
                        line=number,
                        column=exc.colno,
                        expected="one JSON object per line",
                        found=short_repr(line),
                    )
                )
                continue
            if not isinstance(record, dict):
                report.add(
                    Problem(
                        shown,
                        "not a JSON object",
                        line=number,
                        expected="an object with the mapped fields",
                        found=type(record).__name__,
                    )
                )
                continue
            yield number, record
        return
    csv.field_size_limit(MAX_FIELD_CHARS)
    # strict: a stray quote inside a field is an error to report, not a silent merge of rows.
    reader = csv.reader(
        text.splitlines(keepends=True), delimiter=source.delimiter, quotechar=source.quotechar, strict=True
    )
    names: list[str] | None = None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.add(
                Problem(
                    shown,
                    "malformed CSV row skipped",
                    line=reader.line_num,
                    expected=f"fields of at most {MAX_FIELD_CHARS:,} characters, quotes only around whole fields",
                    found=short_repr(str(exc)),
                )
            )
            continue
        if names is None and source.header:
            names = cells
            continue
        row: dict[str | int, object] = dict(enumerate(cells))
        if names:
            row.update(
                {name: value for name, value in zip(names, cells, strict=False)}
            )  # short rows are reported later
        yield reader.line_num, row


#: The largest field a table row may hold (Python's csv module refuses larger ones).
MAX_FIELD_CHARS = 64 * 1024 * 1024


def _plain_values(values: dict[str, object], shown: str, line: int, report: Report) -> bool:
    """Whether a row's mapped values are text or numbers a page can show; a problem is reported if not."""
    for name, value in values.items():
        found = None
        if isinstance(value, (list, dict)):
            found = f"a JSON {'list' if isinstance(value, list) else 'object'}"
        elif isinstance(value, str):
            if "\x00" in value:
                found = "a NUL byte"
            elif not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    found = f"a lone surrogate at character {exc.start}"
        if found is not None:
            report.add(Problem(shown, "row skipped", line=line, field=name, expected="text or a number", found=found))
            return False
    return True


def read_table(
    source: TableSource,
    report: Report,
    *,
    boilerplate: Sequence[str] = DEFAULT_BOILERPLATE,
    detect: LanguageDetector | None = None,
    display_root: Path | None = None,
) -> Iterator[Article]:
    """Articles from one table file; a bad row is reported (file, line, field) and skipped."""
    detect = detect or LanguageDetector()
    compiled = compile_boilerplate(boilerplate)
    shown = (display_root / source.path.name).as_posix() if display_root else source.path.as_posix()
    columns = dict(source.columns)
    if "text" not in columns:
        raise DossierError(
            [
                Problem(
                    shown,
                    "no column for the article text",
                    field="columns.text",
                    expected="a column name or number",
                    found="nothing",
                )
            ]
        )
    prefix = source.id_prefix or safe_slug(source.path.stem, keep="_-", fallback="table")
    seen: set[str] = set()
    for line, row in _rows(source, shown, report):
        values: dict[str, object] = {}
        missing = False
        for field_name, column in columns.items():
            if column not in row:
                report.add(
                    Problem(
                        shown,
                        "column missing in this row",
                        line=line,
                        field=f"columns.{field_name}",
                        expected=f"a column {column!r}",
                        found=f"{len(row)} columns",
                    )
                )
                missing = True
                break
            values[field_name] = row[column]
        if missing or not _plain_values(values, shown, line, report):
            continue
        body = character_references(
            unicodedata.normalize("NFC", str(values.get("text") or "").replace("\r\n", "\n").replace("\r", "\n"))
        )
        if not body.strip():
            report.warn(shown, "empty article skipped", line=line, field="text", expected="some text", found="nothing")
            continue
        meta_data = {
            k: values[k] for k in ("title", "date", "url", "outlet", "language") if values.get(k) not in (None, "")
        }
        if source.language and "language" not in meta_data:
            meta_data["language"] = source.language
        meta = row_meta(meta_data, shown, line, report)
        if meta is None:
            continue
        raw_id = str(values.get("id") or line)
        art_id = safe_slug(f"{prefix}-{raw_id}", keep="_-", limit=100, fallback="article")
        if art_id in seen:
            report.add(
                Problem(
                    shown,
                    "duplicate article id, row skipped",
                    line=line,
                    field="id",
                    expected="a unique id per row",
                    found=repr(art_id),
                )
            )
            continue
        seen.add(art_id)
        raw = RawArticle(path=source.path, source=f"{source.path.name}#{line}", text=body, meta=meta)
        article = build_article(raw, compiled, detect)
        yield replace(article, id=art_id)
