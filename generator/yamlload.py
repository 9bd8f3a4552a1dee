"""The one YAML loader for what contributors write (front matter, curation): safe, bounded, plain.

* **No aliases.** ``*ref`` is refused with the line of the alias: expanding
  aliases is how a nine-line file becomes a billion strings ("billion laughs"),
  and hand-written curation never needs them.
* **No timestamps.** ``2023-02-30`` stays the text it is, so the schema that
  reads it (pydantic) reports an impossible date as a value error with its
  field and line, instead of YAML's constructor raising mid-parse.
* **Safe tags only.** ``!!python/...`` and other tags are YAML errors, reported
  with their line like any other.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent

from generator.errors import DossierError, Problem


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit timestamps."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in hand-written YAML", event.start_mark
            )
        return super().compose_node(parent, index)


# Class-level resolver tables are shared with SafeLoader: copy them before removing timestamps.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def compose(text: str) -> yaml.Node | None:
    """The node tree of ``text`` (raises ``yaml.YAMLError`` with a mark)."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load(text: str) -> Any:
    """``text`` as plain Python data (raises ``yaml.YAMLError`` with a mark)."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def error(exc: yaml.YAMLError, source: str, what: str, first_line: int = 1) -> DossierError:
    """A YAML error as the user's problem: file, line and column (the text began at ``first_line``)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    message = getattr(exc, "problem", None) or str(exc)
    return DossierError(
        [
            Problem(
                source,
                f"{what} is not valid YAML: {str(message)[:200]}",
                line=mark.line + first_line if mark else first_line,
                column=mark.column + 1 if mark else None,
            )
        ]
    )
