"""Regenerate ``generator/data/name_clusters.json``: the Brown clusters of people's names, per language.

A Brown cluster groups the words a large corpus uses alike: German cluster 40
holds "Müller", "Merkel", "Putin" and 45,000 more surnames, most of which no
dictionary lists ("Stoiber", "Pofalla", "Kibaki"), while "Spotify", "Gazprom"
and "Facebook" share another. The clusters come from the MIT-licensed
``spacy-lookups-data`` package (``{lang}_lexeme_cluster``); a cluster is one of
people's names when ``rigour``'s person-name dictionary knows at least
``SHARE`` of its ``TOP`` most frequent capitalised words (by
``{lang}_lexeme_prob``) and it has at least ``MIN_WORDS`` such words. No
annotated data is read, so the table is the same for every language the
package has clusters for. Resolution reads the result (a few numbers per
language) and looks words up in the package's table at build time.

Usage: ``python -m generator.devtools.name_clusters`` (writes the file; ``--check`` only compares).
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from generator.lexicon import NAME_CLUSTERS_FILE, _rigour_knows

LANGUAGES = ("de", "en", "es")
TOP = 300  # the most frequent capitalised words of a cluster that are judged
SHARE = 0.9  # of them known to rigour as given names or surnames
MIN_WORDS = 100  # capitalised words a cluster must have (a handful of rare words proves nothing)


def _table(language: str, name: str) -> dict[str, float] | None:
    import srsly

    data = importlib.resources.files("spacy_lookups_data").joinpath("data", f"{language}_lexeme_{name}.json.gz")
    if not data.is_file():
        return None
    return srsly.read_gzip_json(str(data))  # type: ignore[no-any-return]


def name_clusters(language: str) -> list[int]:
    """The clusters of ``language`` whose frequent capitalised words are people's names (see the module)."""
    clusters, probs = _table(language, "cluster"), _table(language, "prob")
    if clusters is None or probs is None:
        return []
    members: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for word, cluster in clusters.items():
        if cluster and len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower():
            members[int(cluster)].append((-probs.get(word, -30.0), word))
    out = []
    for cluster, words in sorted(members.items()):
        if len(words) < MIN_WORDS:
            continue
        top = [w for _, w in sorted(words)[:TOP]]
        if sum(_rigour_knows(w.casefold()) for w in top) >= SHARE * len(top):
            out.append(cluster)
    return out


def build() -> dict[str, object]:
    return {
        "source": f"spacy-lookups-data {version('spacy-lookups-data')}, rigour {version('rigour')}",
        "criterion": f"of the {TOP} most frequent capitalised words, {SHARE:.0%} or more are rigour's person-name"
        f" parts; {MIN_WORDS} capitalised words or more",
        "clusters": {lang: clusters for lang in LANGUAGES if (clusters := name_clusters(lang))},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from a fresh computation")
    args = parser.parse_args(argv)
    text = json.dumps(build(), indent=2, sort_keys=True) + "\n"
    if args.check:
        current = NAME_CLUSTERS_FILE.read_text(encoding="utf-8") if NAME_CLUSTERS_FILE.exists() else ""
        if current != text:
            print(
                f"{NAME_CLUSTERS_FILE} is out of date; run python -m generator.devtools.name_clusters", file=sys.stderr
            )
            return 1
        return 0
    Path(NAME_CLUSTERS_FILE).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
