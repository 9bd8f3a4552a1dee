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


@registry.architectures("dossier.ClusterHashEmbed.v1")
def cluster_hash_embed(
    width: int, attrs: list[str], rows: list[int], cluster_rows: int
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` (without static vectors) plus one hashed table of the token's cluster."""
    if len(rows) != len(attrs):
        raise ValueError(
            f"rows and attrs differ in length: expected one row count per attribute, found {rows} for {attrs}"
        )
    embeddings: list[Model] = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]
    lexical: Model = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    clusters: Model = chain(
        ClusterFeatures(), list2ragged(), with_array(HashEmbed(width, cluster_rows, column=0, seed=99))
    )
    mix: Model = with_array(Maxout(width, width * (len(attrs) + 1), nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(lexical, clusters), mix, ragged2list())
