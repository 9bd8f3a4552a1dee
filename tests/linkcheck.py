"""A small link checker for a built site: every internal link and anchor must resolve."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("name") and tag == "a":
            self.ids.add(values["name"] or "")
        for attr in ("href", "src"):
            value = values.get(attr)
            if value and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(value)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site: Path) -> list[str]:
    """Return a list of problems ("page: link -> what is wrong")."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, info in sorted(pages.items()):
        for link in info.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # 404.html links from the site root
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or (target.is_dir()):
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(site)}: {link} -> missing {target}")
                continue
            fragment = parts.fragment.split(":~:", 1)[0]  # a text fragment directive is not an id
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    problems.append(f"{page.relative_to(site)}: {link} -> no anchor #{parts.fragment}")
    return problems


class _Inside(HTMLParser):
    """Links inside the element with a given id."""

    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.depth = 0
        self.found = False
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "a" and values.get("href"):
                self.links.append(values["href"] or "")
        elif values.get("id") == self.element_id:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1


def links_inside(html: str, element_id: str) -> list[str] | None:
    """Hrefs inside the element ``id=element_id``; None when there is no such element."""
    parser = _Inside(element_id)
    parser.feed(html)
    return parser.links if parser.found else None
