"""Export records kept between builds by a digest of their inputs (generator/site/pieces.py): a build
from kept records writes the very bytes a build that makes every record writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.curation import Curation
from generator.resolution.resolve import resolve
from generator.site import interop
from generator.site.pagecache import PageCache
from generator.site.pieces import Pieces
from generator.site.render import PIECES_FILE, RenderSettings

from .helpers import corpus, make, renderer

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SETTINGS = RenderSettings(exports=interop.FORMATS)


def _articles(extra: str = ""):
    return corpus(
        make(
            "de1",
            "[Wladimir Putin|person] traf [Kim Jong Un|person] in [Moskau|place]. [Gazprom AG|organization] schwieg.",
        ),
        make("en1", "[Vladimir Putin|person] met [Kim Jong Un|person] in [Moscow|place]." + extra, language="en"),
        make("en2", "[Apple Inc.|organization] and [Tim Cook|person] stayed in [Cupertino|place]."),
    )


def _exports(articles, extractions, cache: PageCache | None) -> dict[str, str]:
    resolution = resolve(articles, extractions, Curation(), None)
    site = renderer(TEMPLATES, SETTINGS).render_site(articles, extractions, resolution, cache=cache)
    return {path: site.static[path] for path in interop.paths(interop.FORMATS)}


def test_exports_from_kept_records_equal_exports_made_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    entity, mentions = interop._ftm_entity, interop._ftm_mentions
    monkeypatch.setattr(interop, "_ftm_entity", lambda e, aliases: made.append(e.id) or entity(e, aliases))
    monkeypatch.setattr(interop, "_ftm_mentions", lambda art, ftm_id, ms: made.append(art) or mentions(art, ftm_id, ms))
    cache = PageCache(tmp_path)
    _exports(*_articles(), cache)
    assert (tmp_path / PIECES_FILE).exists()
    first = len(made)
    # One article gains a mention of a new person and a new sentence; the rest is as it was.
    edited = _articles(" [Sergei Lavrov|person] said nothing.")
    made.clear()
    kept = _exports(*edited, cache)
    # Made again: the edited article's mentions and the new person; kept: everything else (en2's mentions).
    assert "en1" in made and "sergei-lavrov" in made and "en2" not in made and len(made) < first
    assert kept == _exports(*edited, None)


def test_pieces_under_another_key_or_damaged_are_made_again(tmp_path: Path) -> None:
    path = tmp_path / "pieces.pickle"
    calls: list[int] = []
    pieces = Pieces(path, "k1")
    assert pieces.get(("a", 1), lambda: calls.append(1) or "one") == "one"
    pieces.save()
    again = Pieces(path, "k1")
    assert again.get(("a", 1), lambda: "other") == "one" and again.made == 0
    assert Pieces(path, "k2").get(("a", 1), lambda: "other") == "other"  # the code or settings changed
    path.write_bytes(path.read_bytes()[:-5] + b"xxxxx")  # damaged: the checksum fails, nothing is trusted
    assert Pieces(path, "k1").get(("a", 1), lambda: "made") == "made"


def test_pieces_keep_only_this_builds_records(tmp_path: Path) -> None:
    path = tmp_path / "pieces.pickle"
    first = Pieces(path, "k")
    first.get(("gone",), lambda: "old")
    first.get(("stays",), lambda: "kept")
    first.save()
    second = Pieces(path, "k")
    second.get(("stays",), lambda: "not made")
    second.save()
    third = Pieces(path, "k")
    assert third.get(("gone",), lambda: "made") == "made"
    assert third.get(("stays",), lambda: "not made") == "kept"
