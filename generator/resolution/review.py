"""``dossier review``: what a contributor should look at, as a table they can act on.

* **Merge candidates**: pairs of entities of one type whose name skeletons are
  similar (rapidfuzz), or where one name is a word of the other, with the
  evidence (scores, shared articles, example sentences).
* **Suspicious entities**: a single mention, a very long name, a name that is
  mostly common words, or a type that the mentions disagree about.

With ``--write FILE`` the proposals are written as curation YAML (``same_as``
merges and ``exclude`` entries) for the contributor to edit and move into
``content/curation/``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from generator.extraction.gazetteer import Gazetteer
from generator.lexicon import (
    CommonNouns,
    introduced_by_class_noun,
    lower_case_words,
    names_a_team,
    opens_sentence,
)
from generator.model import Entity
from generator.names import acronym_of, fold, is_acronym, skeleton
from generator.pipeline import ProcessCache, Settings, run
from generator.resolution.resolve import CONSISTENT_MENTIONS, PROMINENT_TOWN, initial_and_surname


@dataclass(frozen=True)
class Candidate:
    a: Entity
    b: Entity
    score: float
    reason: str
    shared_articles: int


def merge_candidates(entities: Sequence[Entity], threshold: float = 85.0) -> list[Candidate]:
    """Pairs of one type whose names are alike or contain one another; not two entities that two
    different identifiers of one scheme keep apart ("Austria" and "Australia": two GeoNames places)."""
    out = []
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for group in by_type.values():
        keys = [(e, skeleton(e.name), set(skeleton(e.name).split())) for e in group]
        for i, (a, ka, wa) in enumerate(keys):
            for b, kb, wb in keys[i + 1 :]:
                score = fuzz.ratio(ka, kb)
                reason = ""
                if score >= threshold:
                    reason = f"similar names ({score:.0f}/100)"
                elif wa and wb and (wa <= wb or wb <= wa):
                    reason = "one name is part of the other"
                    score = fuzz.token_set_ratio(ka, kb)
                if reason and not _told_apart(a, b):
                    shared = len(set(a.articles) & set(b.articles))
                    out.append(Candidate(a, b, score, reason, shared))
    return sorted(out, key=lambda c: (-c.score, c.a.id, c.b.id))


def _told_apart(a: Entity, b: Entity) -> bool:
    """Whether ``a`` and ``b`` carry different identifiers of one scheme (two GeoNames places, two
    Wikidata items): known to be two things, however alike their names."""
    ours = dict(a.identifiers)
    return any(scheme in ours and ours[scheme] != value for scheme, value in b.identifiers)


def suspicious(entities: Sequence[Entity]) -> list[tuple[Entity, str]]:
    out = []
    for e in entities:
        reasons = []
        if len(e.mentions) == 1 and not e.curated:
            reasons.append("one mention")
        if len(e.name.split()) > 4:
            reasons.append("long name")
        labels = Counter(m.label for m in e.mentions)
        if len(labels) > 1:
            reasons.append("mentions disagree on type: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
        if any(w[:1].islower() for w in e.name.split()[1:]) and e.type == "person":
            reasons.append("lower-case word in a person's name")
        if reasons:
            out.append((e, "; ".join(reasons)))
    return out


@dataclass(frozen=True)
class Finding:
    """One thing a contributor should look at, with how likely it is a real problem (0-1)."""

    kind: str  # "ordinary word", "glued word", "type", "merge", "one mention"
    entities: tuple[Entity, ...]
    likelihood: float
    why: str


def findings(
    entities: Sequence[Entity],
    texts: dict[str, str],
    language: dict[str, str],
    nouns: CommonNouns | None = None,
    gazetteer: Gazetteer | None = None,
    person_names: Callable[[str], bool] | None = None,
    name_clusters: Callable[[str, str], bool] | None = None,
) -> list[Finding]:
    """Every finding, most likely real problems first.

    The evidence is the corpus and the dictionaries, never a list of examples:
    a name whose word the dictionary knows only as a common noun, or that the
    corpus itself writes in lower case (English); a name that begins with such
    a word (a role or description glued to it: "Keeper Tony Bullock"); a place
    name typed otherwise; mentions that disagree on the type; two pages whose
    names contain one another in the same articles.
    """
    lowered = lower_case_words(texts.values())
    out: list[Finding] = []
    for e in entities:
        if e.curated:
            continue
        langs = Counter(language.get(m.article, "") for m in e.mentions)
        lang = langs.most_common(1)[0][0] if langs else ""
        words = e.name.split()
        evidence = {m.source for m in e.mentions} & {"curated", "gazetteer"} or e.identifiers

        def ordinary(word: str, lang: str = lang) -> bool:
            if nouns is not None and nouns.knows(lang):
                return nouns.is_common(lang, word)
            return word.lower() in lowered

        introduced = any(
            introduced_by_class_noun(texts[m.article][max(0, m.start - 40) : m.start], language.get(m.article, ""))
            for m in e.mentions
            if m.article in texts
        )
        # A brand or body that English writes as a name, or an acronym (resolution keeps it: "Facebook").
        body = (
            len(words) == 1
            and e.type != "person"
            and lang != "en"
            and nouns is not None
            and nouns.names_a_body(words[0])
        )
        if len(words) == 1 and not evidence and not introduced and not body and ordinary(words[0]):
            # Resolution already set aside the rare ones; a word named this often may be a name ("Microsoft").
            likely = 0.9 if len(e.mentions) < CONSISTENT_MENTIONS else 0.4
            out.append(
                Finding("ordinary word", (e,), likely, f"{words[0]!r} is an ordinary word of {lang or 'the text'}")
            )
        elif (
            len(words) > 1
            and e.type == "person"
            and not evidence
            and len(words[0]) >= 5
            and ordinary(words[0])
            and not (nouns is not None and words[0] in nouns.name_like)  # "Steven" is a German noun too
            # A word a large corpus uses as it uses people's names is a given name ("Paolo Lorenzi"), not a role.
            and not (name_clusters is not None and name_clusters(words[0], lang))
            and not all(ordinary(w) for w in words[1:])
            and (
                (nouns is not None and nouns.knows(lang))
                or all(opens_sentence(texts[m.article], m.start) for m in e.mentions)
            )
        ):
            # A role or description before a person's name ("Aufsteiger Kaymer", "Keeper Tony Bullock"):
            # in English only where the sentence's capital letter hides that it is an ordinary word.
            out.append(
                Finding("glued word", (e,), 0.85, f"{words[0]!r} is an ordinary word, likely a role glued to the name")
            )
        if (
            gazetteer is not None
            and e.type != "place"
            and len(words) == 1
            # A club named by its town is an organisation: once the words around one mention say a team, the
            # resolver made all of the article's mentions the team's (generator/resolution/resolve.py: town_teams).
            and _team_mentions(e, texts) == 0
        ):
            place = gazetteer.lookup(e.name, language=lang)
            # Only a place of that very name: not an alternate or historic name ("Google" for Topeka).
            # A small town's name is a company's or a body's as often ("Commonwealth", "Columbia").
            if (
                place is not None
                and (place.kind != "city" or place.population >= PROMINENT_TOWN)
                and e.name in {place.name, place.name_in(lang or "en")}  # spelt so: "IWO" is not Iwo
            ):
                # A person's name that is a town's too ("Victoria") is less likely a mistake.
                given = e.type == "person" and person_names is not None and person_names(e.name)
                why = f"typed {e.type}, but {place.name} is a {place.kind}" + (
                    " (and a person's name)" if given else ""
                )
                # A town's name typed an organisation is a club, a council or a company named after it as often
                # as a mistake ("Leeds", "Leinster", "Columbia": none of 8 was one on six samples of new
                # articles): it is shown, below the likely findings.
                out.append(Finding("type", (e,), 0.3 if given or e.type == "organization" else 0.6, why))
        if (
            e.type == "person"
            and len(words) > 1
            and not evidence
            and person_names is not None
            and not initial_and_surname(e.name)
            and not any(
                person_names(w) or (name_clusters is not None and name_clusters(w, lang))
                for w in e.name.replace("-", " ").split()
            )
        ):
            # "Het Laatste Nieuws", "Canary Wharf", "Evil Dead": no word of it is a name people bear (by rigour's
            # dictionary or the Brown clusters of people's names); on 1,000 person pages of new articles, ten
            # of sixteen such were a work, a company or a place ("Kenenisa Bekele" was not; nor was "Michaella
            # Krajicek" on the gold's dev half): shown below the likely findings.
            out.append(
                Finding("not a person", (e,), 0.45, "no word of the name is a given name or surname people bear")
            )
        labels = Counter(m.label for m in e.mentions)
        if len(labels) > 1 and min(labels.values()) >= 2:
            split = ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))
            out.append(Finding("type", (e,), 0.45, f"mentions disagree on the type: {split}"))
        if len(e.mentions) == 1 and not evidence and len(words) == 1 and not any(f.entities[0] is e for f in out[-3:]):
            out.append(Finding("one mention", (e,), 0.2, "one mention of one word, found by the model alone"))
    out += _acronym_splits(entities)
    out += _teams_named_by_towns(entities, texts, gazetteer)
    for c in merge_candidates(entities):
        # Often right, often a part and its whole ("United Nations" / "... Security Council"): not a likely problem.
        likely = 0.45 if c.shared_articles else 0.3
        why = f"{c.reason}; {c.shared_articles} shared articles"
        if c.shared_articles and c.reason.startswith("similar") and _spelling_variants(c.a.name, c.b.name):
            # One article spelling one name two ways ("Rodgers" / "Rogers"): a typo or a model's variant.
            likely, why = 0.6, f"{why}; the same words but for a letter or two"
        out.append(Finding("merge", (c.a, c.b), likely, why))
    out.sort(key=lambda f: (-f.likelihood, f.kind, [e.id for e in f.entities]))
    return out


def _spelling_variants(a: str, b: str) -> bool:
    """Two names of as many words that differ by at most two letters in all (Levenshtein distance)."""
    from rapidfuzz.distance import Levenshtein

    return len(a.split()) == len(b.split()) and Levenshtein.distance(fold(a), fold(b)) <= 2


def _team_mentions(e: Entity, texts: dict[str, str]) -> int:
    """How many of the entity's mentions name a team (:func:`generator.lexicon.names_a_team`)."""
    return sum(1 for m in e.mentions if m.article in texts and names_a_team(texts[m.article], m.start, m.end))


def _teams_named_by_towns(
    entities: Sequence[Entity], texts: dict[str, str], gazetteer: Gazetteer | None
) -> list[Finding]:
    """A town whose mentions mostly stand for its team ("Milan beat Palermo 2-0", "Palermo coach
    Francesco Guidolin"): sport names clubs by their towns, and the town's page then holds the club's
    results. (Countries stand for national teams as often, and are left alone.)"""
    out = []
    for e in entities:
        if e.type != "place" or e.curated or len(e.mentions) < 2:
            continue
        place = gazetteer.lookup(e.name) if gazetteer is not None else None
        if place is None or place.kind != "city":
            continue
        team = _team_mentions(e, texts)
        if 2 * team >= len(e.mentions):
            why = f"{team} of {len(e.mentions)} mentions name a team, not the town (a result, a match, a player)"
            out.append(Finding("type", (e,), 0.6, why))
    return out


def _acronym_splits(entities: Sequence[Entity]) -> list[Finding]:
    """Two pages where one name is the other's initials in the same article ("WHO" typed place beside
    the "World Health Organization"): resolution joins an acronym to its name only when both are of
    one type, or when a place's initials were typed organisation ("NI" / Northern Ireland)."""
    by_article: dict[str, list[Entity]] = {}
    for e in entities:
        for art in sorted({m.article for m in e.mentions}):
            by_article.setdefault(art, []).append(e)
    out, seen = [], set()
    for art in sorted(by_article):
        for short in by_article[art]:
            if not is_acronym(short.name) or short.curated:
                continue
            for full in by_article[art]:
                if (
                    full is not short
                    and (short.id, full.id) not in seen
                    and short.name.replace(".", "") in acronym_of(full.name)
                ):
                    seen.add((short.id, full.id))
                    why = f"{short.name!r} abbreviates {full.name!r} in the same article"
                    out.append(Finding("merge", (short, full), 0.7, why))
    return out


#: Findings at least this likely are listed first, as "likely problems"; the rest below them.
LIKELY = 0.5


def proposals(cands: Sequence[Candidate], sus: Sequence[tuple[Entity, str]]) -> str:
    """Curation YAML proposing each merge (``same_as``) and each exclusion, with the evidence as comments.

    Every proposal is a suggestion: the contributor checks it, deletes what is
    wrong, and moves the rest into ``content/curation/``.
    """
    lines = [
        "# Proposed by `dossier review`. Check every entry, delete the wrong ones,",
        "# and move the rest into content/curation/.",
        "entities:",
    ]
    seen: set[str] = set()
    for c in cands:
        keep, merge = (c.a, c.b) if (len(c.a.mentions), c.b.id) >= (len(c.b.mentions), c.a.id) else (c.b, c.a)
        if keep.curated or keep.id in seen:
            continue
        seen.add(keep.id)
        lines.append(f"  # {c.reason}; {c.shared_articles} shared articles; {merge.name!r} -> {keep.name!r}")
        lines.append(f"  - id: {keep.id}")
        lines.append(f"    name: {json.dumps(keep.name, ensure_ascii=False)}")
        lines.append(f"    type: {keep.type}")
        lines.append(f"    same_as: [{merge.id}]")
    if len(lines) == 3:
        lines[-1] = "entities: []"
    lines.append("exclude:")
    # Only probable junk: one mention of one word that no gazetteer or curation knows.
    excluded = [
        e for e, why in sus if "one mention" in why and not e.curated and not e.identifiers and len(e.name.split()) == 1
    ]
    for e in excluded:
        lines.append(f"  - {json.dumps(e.name, ensure_ascii=False)}  # {e.type}, {len(e.mentions)} mention")
    if not excluded:
        lines[-1] = "exclude: []"
    return "\n".join(lines) + "\n"


def review(settings: Settings, write: Path | None = None) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    if write is not None:
        problem = _unsafe_target(write, settings)
        if problem:
            print(f"error: {write}: {problem}", file=sys.stderr)
            return 2
    process = ProcessCache()
    result = run(settings, process=process)
    entities = result.resolution.entities
    console = Console()
    found = findings(
        entities,
        {a.id: a.text for a in result.articles},
        {a.id: a.language for a in result.articles},
        process.nouns,
        process.gazetteer,
        process.person_names,
        process.person_names.in_name_cluster if process.person_names is not None else None,
    )
    likely = sum(1 for f in found if f.likelihood >= LIKELY)
    table = Table(title=f"What to check: {likely} likely problems first, then {len(found) - likely} less likely")
    for col in ("#", "kind", "entities", "likelihood", "why"):
        table.add_column(col)
    for n, f in enumerate(found, start=1):
        names = " / ".join(f"{e.name} [{e.id}] ({e.type}, {len(e.mentions)})" for e in f.entities)
        table.add_row(str(n), f.kind, escape(names), f"{f.likelihood:.2f}", escape(f.why))
    console.print(table)
    if result.resolution.suppressed:
        words = Counter(m.text for m in result.resolution.suppressed)
        console.print(
            "Set aside as ordinary words (curate one as an entity or alias if it is a name): "
            + escape(", ".join(f"{w} ({n})" for w, n in sorted(words.items())))
        )
    if write is not None:
        cands = merge_candidates(entities)
        write.write_text(proposals(cands, suspicious(entities)), encoding="utf-8")
        console.print(f"proposals written to {escape(str(write))}")
    return 0


def _unsafe_target(path: Path, settings: Settings) -> str | None:
    """Why ``--write`` must not write to ``path``, or None: never over a file, never into an input folder."""
    target = path.resolve()
    if target.exists():
        return "exists; proposals are never written over a file (choose a new name)"
    for folder in (settings.corpus, settings.curation, settings.templates):
        if folder is not None and target.is_relative_to(folder.resolve()):
            return f"lies inside {folder}; proposals go elsewhere, to be checked before they are moved in"
    return None
