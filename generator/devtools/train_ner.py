"""Recipe for the German NER pipeline the project ships (``nox -s train-ner``).

Data (all read from ``../shared/data``; nothing is committed):

* ``train``: GermEval 2014 *train* split (the shipped model); on request also
  Europeana Newspapers, WikiANN-de *train* (silver, licence unverified) and
  SmartData v1.
* ``dev`` (model selection / early stopping): GermEval 2014 *dev*.
* ``heldout`` (final score, never used for training or selection): GermEval
  2014 *test*, and UNER German PUD.

Usage::

    python -m generator.devtools.train_ner --data ../shared/data --out generator/models/de_dossier_ner
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

from generator.devtools import nerdata
from generator.extraction import embed  # registers dossier.ClusterHashEmbed.v1 and dossier_clusters

CONFIG = Path(__file__).resolve().parents[2] / "training" / "de_ner_cluster.cfg"  # the shipped recipe
SOURCES = ("germeval", "wikiann", "smartdata", "europeana")


def _germeval(data: Path, split: str, oth: bool = False) -> list[nerdata.Sentence]:
    mapping = nerdata.GERMEVAL_WITH_OTH if oth else None
    return list(nerdata.read_germeval(data / "germeval2014" / f"NER-de-{split}.tsv", mapping))


def heldout_sets(data: Path) -> dict[str, list[nerdata.Sentence]]:
    """The evaluation sets no training run or model selection ever sees."""
    sets = {"germeval-test": _germeval(data, "test")}
    pud = data / "uner_de_pud" / "de_pud-ud-test.iob2"
    if pud.exists():
        sets["uner-de-pud"] = list(nerdata.read_uner(pud))
    return sets


def write_docbins(
    data: Path,
    out: Path,
    sources: tuple[str, ...],
    seed: int = 0,
    refit: bool = False,
    augment: float = 0.0,
    oth: bool = False,
) -> dict[str, int]:
    """Write ``train.spacy`` and ``dev.spacy`` to ``out``; return sentence counts.

    With ``oth`` GermEval's names of other things (``OTH``: works, events,
    products) are a fourth label to learn rather than words outside any name;
    the build ignores the label, and selection scores PER, LOC and ORG only
    (``dossier.ner_scorer.v1``).

    With ``refit`` the selection split (GermEval dev) is added to the training
    data: the recipe for a final fit after the configuration and the number of
    steps have been chosen on dev (its dev scores then mean nothing).
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    train_docs = []
    counts: dict[str, int] = {}
    if "germeval" in sources:
        sents = _germeval(data, "train", oth)
        counts["germeval-train"] = len(sents)
        train_docs.extend(nerdata.docs_from_sentences(nlp, sents))
        if augment:
            extra = nerdata.replace_mentions(sents, seed=seed, rate=augment)
            counts["germeval-train, mentions replaced"] = len(extra)
            train_docs.extend(nerdata.docs_from_sentences(nlp, extra))
    if "wikiann" in sources:
        sents = list(nerdata.read_wikiann(data / "wikiann_de" / "train-de.tsv"))
        counts["wikiann-train"] = len(sents)
        train_docs.extend(nerdata.docs_from_sentences(nlp, sents))
    if "smartdata" in sources:
        items = list(nerdata.read_smartdata(data / "smartdata_de" / "v1_20180119_train.json.gz"))
        counts["smartdata-v1-train-docs"] = len(items)
        train_docs.extend(nerdata.docs_from_char_spans(nlp, items))
    if "europeana" in sources:
        n = 0
        for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
            sents = list(nerdata.read_europeana(data / "europeana_newspapers_de" / name))
            n += len(sents)
            train_docs.extend(nerdata.docs_from_sentences(nlp, sents))
        counts["europeana"] = n
    dev = _germeval(data, "dev", oth)
    if refit:
        counts["germeval-dev (refit)"] = len(dev)
        train_docs.extend(nerdata.docs_from_sentences(nlp, dev))
    random.Random(seed).shuffle(train_docs)
    DocBin(docs=train_docs, store_user_data=False).to_disk(out / "train.spacy")
    counts["germeval-dev (selection)"] = len(dev)
    DocBin(docs=list(nerdata.docs_from_sentences(nlp, dev))).to_disk(out / "dev.spacy")
    return counts


def train(
    data: Path,
    out: Path,
    sources: tuple[str, ...],
    overrides: dict[str, object],
    config: Path = CONFIG,
    workdir: Path | None = None,
    refit_steps: int = 0,
    augment: float = 0.0,
    oth: bool = False,
) -> None:
    from spacy.cli.train import train as spacy_train

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = workdir or Path(tmp)
        tmpdir.mkdir(parents=True, exist_ok=True)
        counts = write_docbins(data, tmpdir, sources, refit=refit_steps > 0, augment=augment, oth=oth)
        for name, n in counts.items():
            print(f"  {name}: {n}")
        all_overrides = {
            "paths.train": str(tmpdir / "train.spacy"),
            "paths.dev": str(tmpdir / "dev.spacy"),
            **overrides,
        }
        if oth:
            all_overrides["components.ner.scorer"] = {"@scorers": "dossier.ner_scorer.v1"}
        if refit_steps:
            # A fixed number of steps chosen on dev; no early stopping on data it trains on.
            all_overrides.update({"training.max_steps": refit_steps, "training.patience": 0})
        spacy_train(config, tmpdir / "output", overrides=all_overrides)
        best = tmpdir / "output" / ("model-last" if refit_steps else "model-best")
        if out.exists():
            shutil.rmtree(out)
        package_clusters(best, out)
    _finalise_meta(out)


def package_clusters(model: Path, out: Path) -> None:
    """Save ``model`` to ``out`` with its Brown cluster table moved from the vocabulary into the
    ``dossier_clusters`` component (two arrays: loads in milliseconds, not five seconds; same predictions)."""
    import spacy

    nlp = spacy.load(model)
    if "dossier_clusters" not in nlp.pipe_names and nlp.vocab.lookups.has_table(embed.CLUSTER_TABLE):
        component = nlp.add_pipe("dossier_clusters", first=True)
        assert isinstance(component, embed.ClusterTable)
        component.take_from_lookups()
    nlp.to_disk(out)


def _finalise_meta(out: Path) -> None:
    import json

    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": "dossier_ner",
            "version": "1.0.0",
            "description": "German PER/LOC/ORG NER trained by the dossier project (see MODEL_CARD.md).",
            "license": "CC BY 4.0 (training data: GermEval 2014 CC BY 4.0); see MODEL_CARD.md",
            "author": "dossier project",
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("generator/models/de_dossier_ner"))
    parser.add_argument(
        "--sources",
        default="germeval",
        help=f"comma-separated training sources out of {', '.join(SOURCES)}",
    )
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="spaCy config override")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    parser.add_argument(
        "--workdir", type=Path, help="keep the DocBins and spaCy's checkpoints here (default: a temp dir)"
    )
    parser.add_argument(
        "--refit-steps",
        type=int,
        default=0,
        metavar="N",
        help="final fit: train on train + GermEval dev for N steps (chosen on dev beforehand) and keep the last model",
    )
    parser.add_argument(
        "--augment",
        type=float,
        default=0.0,
        metavar="RATE",
        help="add a copy of GermEval train with each mention replaced, at this rate, by another of its label",
    )
    parser.add_argument(
        "--oth",
        action="store_true",
        help="learn GermEval's OTH (works, events, products) as a fourth label; selection still scores PER/LOC/ORG",
    )
    args = parser.parse_args(argv)
    if not 0.0 <= args.augment <= 1.0:
        parser.error(f"--augment: expected a rate from 0 to 1 (the share of mentions replaced), found {args.augment}")
    if not (args.data / "germeval2014" / "NER-de-train.tsv").exists():
        print(f"training data not found under {args.data} (expected germeval2014/NER-de-train.tsv)", file=sys.stderr)
        return 2
    sources = tuple(s.strip() for s in args.sources.split(",") if s.strip())
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        parser.error(f"unknown source(s) {unknown!r}; expected some of {SOURCES!r}")
    overrides: dict[str, object] = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = _parse_value(value)
    train(args.data, args.out, sources, overrides, args.config, args.workdir, args.refit_steps, args.augment, args.oth)
    return 0


def _parse_value(value: str) -> object:
    """A config override as spaCy's CLI reads it: JSON (numbers, lists, true) or a plain string."""
    import json

    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


if __name__ == "__main__":
    raise SystemExit(main())
