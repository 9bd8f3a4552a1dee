"""Raw HTML that MkDocs need not parse again.

The templates render nearly all of a page (headers, article text, cited
statements, related entities, timelines, lists; only the ``##`` section
headings stay Markdown, for the table of contents) as HTML whose every text
value is already escaped. Handing
that HTML to Python-Markdown costs three passes of the pure-Python HTML parser
(Markdown's raw-HTML stash, MkDocs' anchor collector, Material's search
indexer): on a 1,000-article corpus that was about half of the whole build.

A template marks such a region with ``{% call m.raw() %}`` (``raw(index=false)``
for regions the search index should skip). :func:`split` replaces each region
with a one-line placeholder comment before MkDocs sees the Markdown;
:func:`inject` puts the HTML back after Markdown (``on_page_content``, so the
search plugin still indexes it) or after the theme (``on_post_page``, so it is
not indexed). The page's full Markdown, markers included, renders to the same
HTML without this module: markers are HTML comments.

Article text cannot forge a marker: every value from an article is escaped, so
``<!--`` never reaches the page from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "<!--dossier:raw-->"
OPEN_NOINDEX = "<!--dossier:raw noindex-->"
CLOSE = "<!--/dossier:raw-->"
_REGION = re.compile(r"<!--dossier:raw( noindex)?-->\n(.*?)\n<!--/dossier:raw-->", re.S)
_PLACEHOLDER = re.compile(r"<!--dossier:block (\d+)-->")


@dataclass(frozen=True)
class Block:
    html: str
    indexed: bool  # True: back in before the search plugin reads the page


def split(markdown: str) -> tuple[str, list[Block]]:
    """``markdown`` with every marked region replaced by a placeholder, and the regions."""
    blocks: list[Block] = []

    def stash(match: re.Match[str]) -> str:
        blocks.append(Block(match.group(2), indexed=match.group(1) is None))
        return f"<!--dossier:block {len(blocks) - 1}-->"

    return _REGION.sub(stash, markdown), blocks


def inject(html: str, blocks: list[Block], *, indexed: bool) -> str:
    """Put back the blocks whose ``indexed`` flag matches; leave the others' placeholders."""

    def put(match: re.Match[str]) -> str:
        block = blocks[int(match.group(1))]
        return block.html if block.indexed == indexed else match.group(0)

    return _PLACEHOLDER.sub(put, html)
