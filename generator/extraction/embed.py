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

from collections.abc import Callable

import numpy
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
    return numpy.asarray([table.get(t.orth) or table.get(t.lower) or 0 for t in doc], dtype="uint64")


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
