"""The curated YAML that contributors edit by hand, validated with pydantic.

Files: every ``*.yml`` / ``*.yaml`` file in the curation folder
(``content/curation/`` by default). Each file may hold the top-level keys
``entities`` and ``exclude``; the schema is documented in
``docs``/README ("Curating the dossier") and enforced by :class:`CurationFile`.

Errors name the file, the line and the field, what was expected and what was
found. YAML is only ever loaded with the safe loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator import yamlload
from generator.errors import DossierError, Problem, did_you_mean, pydantic_expected, short_repr
from generator.model import stable_hash
from generator.names import fold, genitive_stem, is_reserved

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"


class Identifiers(BaseModel):
    """External identifiers shown as links on the entity page."""

    model_config = ConfigDict(extra="forbid")

    wikidata: str | None = Field(default=None, description="Wikidata item, e.g. Q7747.", pattern=r"^Q[1-9][0-9]*$")
    geonames: int | None = Field(default=None, description="GeoNames id, e.g. 1871859.", gt=0)
    website: str | None = Field(
        default=None, description="Official website (http or https).", pattern=r"^https?://\S+$"
    )


class CuratedEntity(BaseModel):
    """One real-world entity as a contributor describes it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(
        description="Stable page id (lower case letters, digits, hyphens). Becomes the page URL.",
        pattern=ID_PATTERN,
    )
    name: str = Field(description="Canonical display name.", min_length=1, max_length=200)
    type: Literal["person", "organization", "place"] = Field(description="person, organization or place.")
    aliases: list[str] | dict[str, list[str]] = Field(
        default_factory=list,
        description="Other names, as a list or per language ({de: [...], en: [...]}). Always recognised in the text.",
    )
    same_as: list[str] = Field(
        default_factory=list,
        description="Ids of automatically derived entities to merge into this one (their old URLs redirect here).",
    )
    not_same_as: list[str] = Field(
        default_factory=list,
        description="Names or entity ids that must never be merged into this entity.",
    )
    description: str | None = Field(
        default=None, description="One or two sentences shown under the name.", max_length=2000
    )
    identifiers: Identifiers = Field(default_factory=Identifiers, description="External identifiers.")
    redirects: list[str] = Field(
        default_factory=list,
        description="Old page ids that should keep working and point to this entity.",
    )

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str] | dict[str, list[str]]) -> list[str] | dict[str, list[str]]:
        if isinstance(value, dict):
            for lang in value:
                if not re.fullmatch(r"[a-z]{2}", lang):
                    raise ValueError(f"language codes of two letters as keys (de, en, ...), not {lang!r}")
        return value

    def alias_list(self) -> list[tuple[str, str | None]]:
        if isinstance(self.aliases, dict):
            return [(a, lang) for lang, names in sorted(self.aliases.items()) for a in names]
        return [(a, None) for a in self.aliases]

    @field_validator("id", "redirects", "same_as")
    @classmethod
    def _not_reserved(cls, value: str | list[str]) -> str | list[str]:
        for item in [value] if isinstance(value, str) else value:
            if is_reserved(item):
                raise ValueError(
                    f"an id the site's own pages use ({item!r}: index, page-N, search, ...) cannot be taken"
                )
        return value


class Exclusion(BaseModel):
    """A name that is never an entity (everywhere, or of one type only)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(description="The name as it appears in the text (case and accents are ignored).", min_length=1)
    type: Literal["person", "organization", "place"] | None = Field(
        default=None, description="Only exclude it when recognised as this type."
    )


class CurationFile(BaseModel):
    """Top level of a curation file."""

    model_config = ConfigDict(extra="forbid")

    entities: list[CuratedEntity] = Field(default_factory=list, description="Curated entities.")
    exclude: list[str | Exclusion] = Field(
        default_factory=list, description="Names that are never entities (a string or {name, type})."
    )


# ---------------------------------------------------------------- loading with line numbers


class _LineMap:
    """Line numbers of YAML nodes by their path (``("entities", 0, "aliases")``)."""

    def __init__(self) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}

    def line_of(self, loc: Iterable[Any]) -> int | None:
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())


_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _construct(
    node: yaml.Node, path: tuple[Any, ...], lines: _LineMap, source: str, problems: list[Problem], loader: Any
) -> Any:
    lines.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {short_repr(node.tag)} is not allowed", node.start_mark
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader)
            if key in result:
                problems.append(
                    Problem(
                        source,
                        "duplicate key",
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        field=str(key),
                        expected="each key once per mapping",
                        found=f"{short_repr(key)} again",
                    )
                )
            result[key] = _construct(value_node, (*path, key), lines, source, problems, loader)
            lines.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), lines, source, problems, loader) for i, item in enumerate(node.value)]
    return _scalar(node, loader)


def _scalar(node: yaml.Node, loader: Any) -> Any:
    return loader.construct_object(node, deep=True)


def load_yaml(text: str, source: str) -> tuple[Any, _LineMap]:
    """Load hand-written YAML (generator/yamlload.py: no aliases, no timestamps, safe tags),
    keeping the line of every node; duplicate keys are errors."""
    lines = _LineMap()
    loader = yamlload.StrictLoader("")
    try:
        node = yamlload.compose(text)
        if node is None:
            return {}, lines
        problems: list[Problem] = []
        data = _construct(node, (), lines, source, problems, loader)
    except yaml.YAMLError as exc:
        raise yamlload.error(exc, source, "the file") from None
    finally:
        loader.dispose()
    if problems:
        raise DossierError(problems)
    return data, lines


def _field_names(loc: tuple[Any, ...]) -> list[str]:
    model: Any = CurationFile
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            break
        annotation = fields[part].annotation
        inner = getattr(annotation, "__args__", None)
        model = inner[0] if inner else annotation
    return list(getattr(model, "model_fields", {}) or [])


def _format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_curation(text: str, source: str) -> CurationFile:
    data, lines = load_yaml(text, source)
    if data in (None, ""):
        data = {}
    if not isinstance(data, dict):
        raise DossierError(
            [
                Problem(
                    source,
                    "a curation file is a mapping",
                    line=1,
                    expected="'entities:' and/or 'exclude:'",
                    found=type(data).__name__,
                )
            ]
        )
    try:
        return CurationFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # Union members add their type name to the location; drop those parts.
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p[:1].isupper() or "[" in p)))
            if err["type"] == "extra_forbidden":
                key = str(loc[-1])
                parent = loc[:-1]
                choices = _field_names(parent)
                problems.append(
                    Problem(
                        source,
                        f"unknown key{did_you_mean(key, choices)}",
                        line=lines.line_of(loc),
                        field=_format_loc(loc),
                        expected="one of " + ", ".join(choices) if choices else None,
                        found=repr(key),
                    )
                )
                continue
            problems.append(
                Problem(
                    source,
                    "invalid value",
                    line=lines.line_of(loc),
                    field=_format_loc(loc),
                    expected=pydantic_expected(err),
                    found=short_repr(err.get("input")),
                )
            )
        # pydantic reports each union member; keep one message per place.
        unique: dict[tuple[int | None, str | None], Problem] = {}
        for p in problems:
            unique.setdefault((p.line, p.field), p)
        raise DossierError(unique.values()) from None


# ---------------------------------------------------------------- the merged curation


@dataclass(frozen=True)
class CuratedName:
    name: str
    entity: str  # CuratedEntity.id
    language: str | None
    line: int | None


@dataclass
class Curation:
    """All curation files merged and cross-checked."""

    entities: dict[str, CuratedEntity] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # entity id -> curation file
    lines: dict[str, int | None] = field(default_factory=dict)  # entity id -> line
    names: dict[str, CuratedName] = field(default_factory=dict)  # fold(name) -> owner
    exclusions: list[tuple[Exclusion, str, int | None]] = field(default_factory=list)
    digest: str = stable_hash("")

    def problem(
        self, ent_id: str, message: str, field: str, expected: str, found: str, severity: str = "error"
    ) -> Problem:
        """A problem with curated entity ``ent_id``, located at its file and line."""
        return Problem(
            self.files[ent_id],
            message,
            line=self.lines[ent_id],
            field=field,
            expected=expected,
            found=found,
            severity=severity,  # type: ignore[arg-type]
        )

    def owner_of(self, name: str) -> CuratedName | None:
        return self.names.get(fold(name))

    def owner_id(self, text: str) -> str | None:
        """The curated entity a mention's text names, also in the genitive ("Putins")."""
        owner = self.owner_of(text)
        if owner is None and (stem := genitive_stem(text)):
            owner = self.owner_of(stem)
        return owner.entity if owner else None

    def exclusions_of(self, name: str, type_: str | None) -> list[int]:
        """The indexes of the exclusions that set aside a mention of ``name`` labelled ``type_``."""
        key = fold(name)
        return [i for i, (ex, _, _) in enumerate(self.exclusions) if fold(ex.name) == key and ex.type in (None, type_)]

    def is_excluded(self, name: str, type_: str | None) -> bool:
        return bool(self.exclusions_of(name, type_))

    def unused(self, used_entities: set[str], derived_ids: set[str], used_exclusions: set[int]) -> list[Problem]:
        """Warnings for what a build did not use: curated entities that matched no mention,
        ``same_as`` ids of no derived entity, exclusions that matched nothing."""
        problems = []
        for ent_id, ent in sorted(self.entities.items()):
            if ent_id not in used_entities:
                problems.append(
                    self.problem(
                        ent_id,
                        "curated entity matched nothing in the corpus",
                        ent_id,
                        "a name or alias that occurs in an article",
                        "no mention",
                        "warning",
                    )
                )
            for ref in ent.same_as:
                if ref not in derived_ids:
                    problems.append(
                        self.problem(
                            ent_id,
                            "same_as names an entity that does not exist",
                            f"{ent_id}.same_as",
                            "the id of a derived entity (see `dossier review`)",
                            repr(ref),
                            "warning",
                        )
                    )
        for i, (ex, file, line) in enumerate(self.exclusions):
            if i not in used_exclusions:
                problems.append(
                    Problem(
                        file,
                        "exclusion matched nothing",
                        line=line,
                        field="exclude",
                        expected="a name that occurs in the corpus",
                        found=repr(ex.name),
                        severity="warning",
                    )
                )
        return problems

    def all_names(self, entity_id: str) -> list[tuple[str, str | None]]:
        ent = self.entities[entity_id]
        return [(ent.name, None), *ent.alias_list()]


def load_curation(folder: Path | None, display_root: Path | None = None) -> Curation:
    """Read every curation file in ``folder`` (missing folder: no curation)."""
    curation = Curation()
    if folder is None or not folder.exists():
        return curation
    paths = sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    problems: list[Problem] = []
    digests = []
    for path in paths:
        shown = (display_root / path.relative_to(folder)).as_posix() if display_root else path.as_posix()
        raw = path.read_bytes()
        digests.append(stable_hash(path.name, raw.decode("utf-8", "replace")))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(shown, "not valid UTF-8", expected="UTF-8 text", found=f"byte 0x{raw[exc.start]:02x}")
            )
            continue
        try:
            parsed = parse_curation(text, shown)
        except DossierError as exc:
            problems.extend(exc.problems)
            continue
        _, lines = load_yaml(text, shown)
        for i, ent in enumerate(parsed.entities):
            line = lines.line_of(("entities", i))
            if ent.id in curation.entities:
                problems.append(
                    Problem(
                        shown,
                        "duplicate entity id",
                        line=line,
                        field=f"entities[{i}].id",
                        expected="each id once across all curation files",
                        found=f"{ent.id!r}, already defined in {curation.files[ent.id]}:{curation.lines[ent.id]}",
                    )
                )
                continue
            curation.entities[ent.id] = ent
            curation.files[ent.id] = shown
            curation.lines[ent.id] = line
            for j, (name, lang) in enumerate([(ent.name, None), *ent.alias_list()]):
                key = fold(name)
                if not key:
                    continue
                owner = curation.names.get(key)
                if owner is not None and owner.entity != ent.id:
                    problems.append(
                        Problem(
                            shown,
                            "name claimed by two entities",
                            line=lines.line_of(("entities", i, "aliases"))
                            if j
                            else lines.line_of(("entities", i, "name")),
                            field=f"entities[{i}].{'aliases' if j else 'name'}",
                            expected="a name that belongs to one entity only",
                            found=f"{name!r}, also a name of {owner.entity!r}",
                        )
                    )
                    continue
                curation.names[key] = CuratedName(name, ent.id, lang, line)
        for i, ex in enumerate(parsed.exclude):
            item = ex if isinstance(ex, Exclusion) else Exclusion(name=ex)
            curation.exclusions.append((item, shown, lines.line_of(("exclude", i))))
    # Cross-file checks once every entity is known.
    for ent_id, ent in curation.entities.items():
        for ref in ent.same_as:
            if ref in curation.entities:
                problems.append(
                    curation.problem(
                        ent_id,
                        "same_as names another curated entity; merge the two entries instead",
                        f"{ent_id}.same_as",
                        "the id of an automatically derived entity",
                        repr(ref),
                    )
                )
        for ref in ent.redirects:
            if ref in curation.entities:
                problems.append(
                    curation.problem(
                        ent_id,
                        "redirect would hide a curated entity",
                        f"{ent_id}.redirects",
                        "an old id that no curated entity uses",
                        repr(ref),
                    )
                )
    if problems:
        raise DossierError(problems)
    curation.digest = stable_hash(*digests)
    return curation
