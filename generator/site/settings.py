"""What the site's options (``mkdocs.yml``) change in the rendered pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderSettings:
    use_directory_urls: bool = True
    site_url: str = ""
    edit_uri: str | None = None  # where "edit" links to curation files point (repo URL + path)
    min_mentions: int = 1
    language: str = "en"  # UI language of generated pages (Material's theme.language)
    related_limit: int = 12  # related entities listed on an entity page
    evidence_limit: int = 5  # sentences shown per related entity
    collapse_after: int = 6  # statements per article shown before "more"
    graph_nodes: int = 150  # entities on the graph page
    index_page_size: int = 500  # rows per page of the people/organizations/places indexes
    statements_page_size: int = 100  # statements on an entity page; more go to continuation pages
    exports: tuple[str, ...] = ()  # extra export formats (generator/site/interop.py): "ftm", "graphml", "csv"
    workers: int = 1  # processes rendering pages (forked; generator/site/incremental.py)
