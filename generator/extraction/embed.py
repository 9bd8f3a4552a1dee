"""A token embedding that adds Brown clusters to spaCy's hash embeddings (the German model's ``tok2vec``).

Word clusters learnt from a large corpus tell a model trained on 24,000
sentences that an unseen word behaves like words it has seen ("Putin" and
"Merkel" share a cluster, "Berlin" another, "Beton" a third): the classic NER
feature that spaCy 3 no longer exposes to ``MultiHashEmbed``. The clusters come
from the MIT-licensed ``spacy-lookups-data`` package at training time
(``[initialize.lookups]`` in ``training/de_ner_cluster.cfg``) and are saved in
the model's vocabulary, so a build needs nothing beyond the model folder.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.lookups import Table
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

CLUSTER_TABLE = "lexeme_cluster"


def cluster_ids(doc: Doc) -> numpy.ndarray:
    """Each token's Brown cluster (0: unknown), by its exact form, else its lower-case form."""
    lookups = doc.vocab.lookups
    if not lookups.has_table(CLUSTER_TABLE):
        return numpy.zeros((len(doc),), dtype="uint64")
    table = lookups.get_table(CLUSTER_TABLE)
    if isinstance(table, ArrayTable):
        by_orth = table.lookup(doc.to_array(ORTH))
        return numpy.where(by_orth != 0, by_orth, table.lookup(doc.to_array(LOWER)))
    return numpy.asarray([table.get(t.orth) or table.get(t.lower) or 0 for t in doc], dtype="uint64")


class ArrayTable(Table):
    """A read-only lookups table held as two sorted arrays (keys, values) instead of a dict.

    The German model's Brown cluster table has a million entries: spaCy builds its
    dict and Bloom filter in about five seconds at every load, numpy reads the
    arrays in milliseconds, and a ``searchsorted`` looks a whole document up at once.
    """

    def __init__(self, name: str, keys: numpy.ndarray, values: numpy.ndarray):
        super().__init__(name=name, data={0: 0})  # a tiny Bloom filter; the dict itself stays empty
        OrderedDict.clear(self)
        self.keys_array = keys
        self.values_array = values

    @classmethod
    def from_items(cls, name: str, items: Iterable[tuple[int, int]]) -> ArrayTable:
        pairs = sorted(items)
        keys = numpy.fromiter((k for k, _ in pairs), dtype="uint64", count=len(pairs))
        values = numpy.fromiter((v for _, v in pairs), dtype="uint64", count=len(pairs))
        return cls(name, keys, values)

    def lookup(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The value of each key (0 where the table has none)."""
        keys = numpy.asarray(keys, dtype="uint64")
        if not len(self.keys_array):
            return numpy.zeros(keys.shape, dtype="uint64")
        at = numpy.minimum(numpy.searchsorted(self.keys_array, keys), len(self.keys_array) - 1)
        return numpy.where(self.keys_array[at] == keys, self.values_array[at], 0).astype("uint64")

    def get(self, key, default=None):  # type: ignore[no-untyped-def,override]
        value = self._find(key)
        return default if value is None else value

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        value = self._find(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:  # type: ignore[no-untyped-def,override]
        return self._find(key) is not None

    def _find(self, key: object) -> int | None:
        from spacy.strings import get_string_id

        k = numpy.uint64(get_string_id(key))  # type: ignore[arg-type]
        at = int(numpy.searchsorted(self.keys_array, k))
        if at < len(self.keys_array) and self.keys_array[at] == k:
            return int(self.values_array[at])
        return None

    # As a dict the table is empty: a vocabulary saved with it writes an empty table, and the
    # dossier_clusters component, which saves the arrays, puts this one back at load.


@Language.factory("dossier_clusters")
def make_cluster_table(nlp: Language, name: str) -> ClusterTable:
    """The Brown clusters of the model's ``tok2vec``, kept as arrays in the pipeline folder (see ArrayTable)."""
    return ClusterTable(nlp, name)


class ClusterTable:
    """A pipeline component that does nothing to a document: it loads the cluster table into the
    vocabulary's lookups (``lexeme_cluster``), where :func:`cluster_ids` reads it, and saves it."""

    def __init__(self, nlp: Language, name: str = "dossier_clusters"):
        self.vocab = nlp.vocab
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def take_from_lookups(self) -> None:
        """Move the vocabulary's dict table into this component (packaging a freshly trained model)."""
        table = self.vocab.lookups.get_table(CLUSTER_TABLE)
        self.vocab.lookups.remove_table(CLUSTER_TABLE)
        self._install(ArrayTable.from_items(CLUSTER_TABLE, ((int(k), int(v)) for k, v in table.items())))

    def _install(self, table: ArrayTable) -> None:
        if self.vocab.lookups.has_table(CLUSTER_TABLE):
            self.vocab.lookups.remove_table(CLUSTER_TABLE)
        self.vocab.lookups.set_table(CLUSTER_TABLE, table)

    def _table(self) -> ArrayTable:
        table = self.vocab.lookups.get_table(CLUSTER_TABLE)
        assert isinstance(table, ArrayTable), "the cluster table was never installed"
        return table

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        table = self._table()
        numpy.save(path / "keys.npy", table.keys_array, allow_pickle=False)
        numpy.save(path / "values.npy", table.values_array.astype("uint32"), allow_pickle=False)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> ClusterTable:
        path = Path(path)
        keys = numpy.load(path / "keys.npy", allow_pickle=False)
        values = numpy.load(path / "values.npy", allow_pickle=False).astype("uint64")
        self._install(ArrayTable(CLUSTER_TABLE, keys, values))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import srsly

        table = self._table()
        return srsly.msgpack_dumps({"keys": table.keys_array.tobytes(), "values": table.values_array.tobytes()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ClusterTable:
        import srsly

        msg = srsly.msgpack_loads(data)
        keys = numpy.frombuffer(msg["keys"], dtype="uint64")
        values = numpy.frombuffer(msg["values"], dtype="uint64")
        self._install(ArrayTable(CLUSTER_TABLE, keys, values))
        return self


def _cluster_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    out = [model.ops.asarray2i(cluster_ids(doc).reshape((-1, 1)), dtype="uint64") for doc in docs]  # type: ignore[arg-type]
    return out, lambda d_out: []


def ClusterFeatures() -> Model[list[Doc], list[Ints2d]]:
    return Model("cluster_features", _cluster_forward)


def _hashed_attrs(width: int, attrs: list[str], rows: list[int]) -> Model:
    """The hash embeddings of ``spacy.MultiHashEmbed.v2``: one table per lexical attribute, concatenated."""
    if len(rows) != len(attrs):
        raise ValueError(
            f"rows and attrs differ in length: expected one row count per attribute, found {rows} for {attrs}"
        )
    embeddings: list[Model] = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]
    return chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))


@registry.architectures("dossier.ClusterHashEmbed.v1")
def cluster_hash_embed(
    width: int, attrs: list[str], rows: list[int], cluster_rows: int
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` (without static vectors) plus one hashed table of the token's cluster."""
    lexical = _hashed_attrs(width, attrs, rows)
    clusters: Model = chain(
        ClusterFeatures(), list2ragged(), with_array(HashEmbed(width, cluster_rows, column=0, seed=99))
    )
    mix: Model = with_array(Maxout(width, width * (len(attrs) + 1), nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(lexical, clusters), mix, ragged2list())


# v2: the cluster's path prefixes and the word's corpus frequency, packed into one table.
LEXEME_TABLE = "dossier_lexeme"
_CLUSTER_BITS = 16  # the longest Brown path in spacy-lookups-data's German table has 16 bits
_UNKNOWN_PROB_BIN = 31


def pack_lexeme(cluster: int, log_prob: float | None) -> int:
    """One int per word: its Brown cluster in the low bits, its rounded negative log frequency above."""
    prob_bin = _UNKNOWN_PROB_BIN if log_prob is None else min(30, max(0, round(-log_prob)))
    return (prob_bin << _CLUSTER_BITS) | (cluster & ((1 << _CLUSTER_BITS) - 1))


@registry.misc("dossier.LexemeLookups.v1")
def lexeme_lookups(lang: str) -> object:
    """At training only: spacy-lookups-data's cluster and probability tables, packed into ``dossier_lexeme``."""
    from spacy.lookups import Lookups, load_lookups

    source = load_lookups(lang=lang, tables=["lexeme_cluster", "lexeme_prob"])
    clusters, probs = source.get_table("lexeme_cluster"), source.get_table("lexeme_prob")
    lookups = Lookups()
    table = lookups.add_table(LEXEME_TABLE)
    for key in sorted(set(clusters.keys()) | set(probs.keys())):
        table[key] = pack_lexeme(clusters.get(key, 0), probs.get(key))
    return lookups


def lexeme_features(doc: Doc, prefixes: tuple[int, ...]) -> numpy.ndarray:
    """Per token: full cluster, each path prefix, frequency bin (all 0 for a word the table lacks).

    spacy-lookups-data stores a Brown path reversed as binary digits, so a path's
    first k steps (a coarser cluster) are the value's low k bits.
    """
    width = len(prefixes) + 2
    lookups = doc.vocab.lookups
    if not lookups.has_table(LEXEME_TABLE):
        return numpy.zeros((len(doc), width), dtype="uint64")
    table = lookups.get_table(LEXEME_TABLE)
    rows = []
    for token in doc:
        packed = table.get(token.orth) or table.get(token.lower) or 0
        cluster = packed & ((1 << _CLUSTER_BITS) - 1)
        row = [cluster, *(cluster & ((1 << k) - 1) for k in prefixes), packed >> _CLUSTER_BITS]
        rows.append(row)
    return numpy.asarray(rows, dtype="uint64").reshape((len(doc), width))


def LexemeFeatures(prefixes: tuple[int, ...]) -> Model[list[Doc], list[Ints2d]]:
    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
        out = [model.ops.asarray2i(lexeme_features(doc, prefixes), dtype="uint64") for doc in docs]  # type: ignore[arg-type]
        return out, lambda d_out: []

    return Model("lexeme_features", forward)


@registry.architectures("dossier.LexemeHashEmbed.v1")
def lexeme_hash_embed(
    width: int, attrs: list[str], rows: list[int], cluster_rows: int, prefixes: list[int], prefix_rows: int
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` plus the word's Brown cluster, its coarser path prefixes and its frequency."""
    lexical = _hashed_attrs(width, attrs, rows)
    lex_rows = [cluster_rows, *(prefix_rows for _ in prefixes), 64]
    lex_tables: list[Model] = [HashEmbed(width, n, column=i, seed=99 + i) for i, n in enumerate(lex_rows)]
    lexemes: Model = chain(LexemeFeatures(tuple(prefixes)), list2ragged(), with_array(concatenate(*lex_tables)))
    n_in = width * (len(attrs) + len(lex_rows))
    mix: Model = with_array(Maxout(width, n_in, nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(lexical, lexemes), mix, ragged2list())


#: The labels a build uses; a model may learn more (GermEval's ``OTH``), which the build ignores.
SCORED_LABELS = frozenset({"PER", "LOC", "ORG"})


@registry.scorers("dossier.ner_scorer.v1")
def make_ner_scorer() -> Callable[..., dict[str, object]]:
    """spaCy's NER scores over PER, LOC and ORG only: model selection must not reward a label the build drops."""
    return score_scored_labels


def score_scored_labels(examples: Iterable, **kwargs: object) -> dict[str, object]:  # type: ignore[type-arg]
    from spacy.scorer import Scorer

    def getter(doc: Doc, attr: str) -> list:  # type: ignore[type-arg]
        return [e for e in doc.ents if e.label_ in SCORED_LABELS]

    return Scorer.score_spans(examples, "ents", getter=getter, has_annotation=lambda doc: True)
