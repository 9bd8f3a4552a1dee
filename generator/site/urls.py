"""Where pages live and how they link to each other, by MkDocs' rules (no MkDocs import)."""

from __future__ import annotations

from functools import cache, lru_cache
from urllib.parse import quote

from generator.model import TYPE_FOLDERS, EntityType


@cache
def page_url(src: str, use_directory_urls: bool) -> str:
    """The site URL MkDocs gives to a Markdown source path."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if not use_directory_urls:
        return stem + ".html" if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, use_directory_urls: bool, anchor: str | None = None) -> str:
    """A link from the page built from ``from_src`` to the page or file ``to_src`` (MkDocs' rules)."""
    rel = _relative_path(from_src, to_src, use_directory_urls)
    return rel + "#" + anchor if anchor else rel


@lru_cache(maxsize=1 << 18)
def _relative_path(from_src: str, to_src: str, use_directory_urls: bool) -> str:
    # A render makes ~10^5-10^6 of these; posixpath.relpath normalises both
    # paths every time, so the common prefix is cut by hand on the clean URLs.
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls) if to_src.endswith(".md") else to_src
    base = here.rsplit("/", 1)[0] if "/" in here else ""
    up = base.split("/") if base else []
    down = there.split("/")
    common = 0
    while common < len(up) and common < len(down) - 1 and up[common] == down[common]:
        common += 1
    rel = "/".join([".."] * (len(up) - common) + down[common:])
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/"
        if rel == "/":
            rel = "./"
    return rel


def entity_src(entity_id: str, etype: EntityType) -> str:
    return f"{TYPE_FOLDERS[etype]}/{entity_id}.md"


def article_src(article_id: str) -> str:
    return f"articles/{article_id}.md"


def text_fragment(sentence: str) -> str:
    """A URL text fragment (``:~:text=``) for a sentence: the whole of it, or its first and last words."""
    words = sentence.split()
    if len(words) <= 8:
        parts = [" ".join(words)]
    else:
        parts = [" ".join(words[:4]), " ".join(words[-4:])]
    return ":~:text=" + ",".join(quote(p, safe="") for p in parts)
