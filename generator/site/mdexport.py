"""The dossier as a plain MkDocs project any engine that reads one can build (``dossier build --markdown DIR``).

Material for MkDocs reaches end of life in 2027; Zensical (its successor) and
ProperDocs (a maintained MkDocs fork) read ``mkdocs.yml`` and a ``docs`` folder
but not this project's plugin. This writes what the plugin would hand MkDocs:

* ``docs/``: the hand-written pages of ``docs_dir``, every generated page as
  Markdown (its raw-HTML markers are HTML comments, so any Markdown engine
  renders the page as the plugin build does), and the generated static files
  (``dossier.json``, exports, redirects);
* ``overrides/``: the theme's ``custom_dir`` (the dossier's CSS, scripts and
  ``main.html``);
* ``mkdocs.yml``: the project's configuration, resolved (``!ENV`` tags read
  now), without the ``dossier`` plugin and with the two folders above.

Pure functions of the built site and the configuration; the writer makes the
same bytes for the same inputs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.errors import DossierError, Problem

DOCS = "docs"
OVERRIDES = "overrides"


def project_config(raw: Mapping[str, Any], *, has_overrides: bool) -> dict[str, Any]:
    """``raw`` (a loaded mkdocs.yml) for the exported folder: no dossier plugin, docs and overrides inside it."""
    out = dict(raw)
    out["docs_dir"] = DOCS
    out["site_dir"] = "site"
    plugins = out.get("plugins")
    if isinstance(plugins, list):
        out["plugins"] = [p for p in plugins if _plugin_name(p) != "dossier"]
    elif isinstance(plugins, dict):
        out["plugins"] = {k: v for k, v in plugins.items() if k != "dossier"}
    theme = out.get("theme")
    if isinstance(theme, dict):
        theme = dict(theme)
        if has_overrides:
            theme["custom_dir"] = OVERRIDES
        else:
            theme.pop("custom_dir", None)
        out["theme"] = theme
    return out


def _plugin_name(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def files(
    pages: Mapping[str, str], static: Mapping[str, str | bytes], docs_dir: Path
) -> Iterator[tuple[str, str | bytes]]:
    """Every file of ``docs/`` (path relative to it, content), in path order; a hand-written page wins."""
    out: dict[str, str | bytes] = {}
    if docs_dir.is_dir():
        for found in sorted(docs_dir.rglob("*")):
            if found.is_file():
                out[found.relative_to(docs_dir).as_posix()] = found.read_bytes()
    for rel, content in {**static, **pages}.items():
        out.setdefault(rel, content)
    yield from sorted(out.items())


def dump_config(config: Mapping[str, Any], source: Path) -> str:
    """The configuration as YAML; a value YAML cannot write plainly (a Python object tag) is a clear error."""
    try:
        return yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, default_flow_style=False)
    except yaml.representer.RepresenterError as exc:
        raise DossierError(
            [
                Problem(
                    file=str(source),
                    field="configuration",
                    message="cannot write this configuration as plain YAML for the Markdown export",
                    expected="plain values (strings, numbers, lists, mappings)",
                    found=f"a Python object: {exc.args[-1]!r}",
                )
            ]
        ) from None


def write(
    target: Path,
    *,
    pages: Mapping[str, str],
    static: Mapping[str, str | bytes],
    docs_dir: Path,
    custom_dir: Path | None,
    raw_config: Mapping[str, Any],
    config_file: Path,
) -> int:
    """Write the project into the empty folder ``target``; return the number of files in ``docs/``."""
    has_overrides = custom_dir is not None and custom_dir.is_dir()
    config = project_config(raw_config, has_overrides=has_overrides)
    (target / "mkdocs.yml").write_text(dump_config(config, config_file), encoding="utf-8")
    count = 0
    for rel, content in files(pages, static, docs_dir):
        path = target / DOCS / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        count += 1
    if has_overrides and custom_dir is not None:
        shutil.copytree(custom_dir, target / OVERRIDES)
    return count
