"""What the theme puts on every page, read off MkDocs' objects for :func:`generator.site.reuse.theme_key`.

A finished page may be reused only while all of this is unchanged: the
MkDocs, theme and dossier versions; the whole configuration as MkDocs
resolved it (``!ENV`` values included); the files of the theme's custom
folder (``site_overrides/``); the extra CSS and JavaScript; and the
navigation, with the text of every page in it whose title the navigation
does not give (its first heading is then its title).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from generator import store


def _plain(value: object) -> object:
    """A configuration value as JSON can hold it; objects by their class and plain attributes."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, set | frozenset) else items
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "items"):  # MkDocs' Config objects and the theme
        return {"__class__": type(value).__name__, **_plain(dict(value.items()))}  # type: ignore[dict-item]
    return type(value).__name__  # functions, compiled patterns: their class only (their repr has an address)


#: Settings that never reach a page (where the site is written, how it is served and deployed).
_NOT_ON_PAGES = frozenset(
    {"plugins", "config_file_path", "site_dir", "dev_addr", "watch", "remote_branch", "remote_name"}
)


def _config(config: MkDocsConfig) -> str:
    data = {key: value for key, value in config.items() if key not in _NOT_ON_PAGES}
    data["plugins"] = {name: _plain(dict(plugin.config.items())) for name, plugin in config.plugins.items()}
    return json.dumps(_plain(data), sort_keys=True, default=str)


def _custom_dir(config: MkDocsConfig) -> Iterator[str]:
    folder = config.theme.custom_dir
    if not folder or not Path(folder).is_dir():
        return
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            yield f"{path.relative_to(folder).as_posix()} {store.checksum(path.read_bytes())}"


def _extra_files(config: MkDocsConfig, files: Files) -> Iterator[str]:
    for item in [*config.extra_css, *config.extra_javascript]:
        path = str(getattr(item, "path", item))
        file = files.get_file_from_path(path)
        if file is not None:
            yield f"{path} {store.checksum(file.content_bytes)}"
        else:
            yield f"{path} -"


def _nav(items: list, depth: int = 0) -> Iterator[str]:  # type: ignore[type-arg]
    for item in items:
        title = getattr(item, "title", None)
        file = getattr(item, "file", None)
        source = ""
        if file is not None:
            # A title the navigation gives is all other pages show of the page; without one,
            # the page's text gives it (first heading), so the text counts.
            given = "title" in vars(item)
            source = file.src_uri if given else f"{file.src_uri} {store.checksum(file.content_bytes)}"
        yield f"{depth} {type(item).__name__} {title!r} {getattr(item, 'url', '')} {source}"
        yield from _nav(getattr(item, "children", None) or [], depth + 1)


def nav_sources(nav: Navigation) -> set[str]:
    """Source paths of the pages in the navigation (never reused: their title may come from their text)."""
    return {page.file.src_uri for page in nav.pages}


def theme_inputs(config: MkDocsConfig, nav: Navigation, files: Files) -> Iterator[str]:
    yield " ".join(
        f"{d} {store.package_version(d)}" for d in ("mkdocs", "mkdocs-material", "dossier", "markdown", "jinja2")
    )
    yield store.code_version("generator.plugin.plugin", "generator.plugin.themekey", "generator.site.rawhtml")
    yield _config(config)
    yield from _custom_dir(config)
    yield from _extra_files(config, files)
    yield from _nav(nav.items)
