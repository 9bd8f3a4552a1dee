"""Team sheets: the line-ups a sports report prints under the match report.

"Everton: Martyn, Hibbert, Yobo, Stubbs ... Subs: Wright, Pistone." (a football report),
"Van Gisbergen; Lewsey, Erinle, Abbott, Voyce; King, Dawson; ..." (a rugby team on a line of
its own), "Rapid: Strebinger – Pavelic, Sonnleitner, M. Hofmann, Stangl – Petsos/Grahovac ...
Ersatz: Knoflach – Dibon ... Es fehlen: Murg (Innenbandverletzung)" (an Austrian preview).
Every item of such a list is a player, however a model labels a surname it meets once
(as a town, a firm, or not at all: "Back", "Moody", "King"), and the name before the colon
that opens it is a team.

:func:`team_sheets` finds them by their layout alone, in any language: a run of at least
:data:`MIN_PLAYERS` name-shaped items separated by commas, semicolons, spaced dashes or
slashes, with no other words, that a label with a colon opens or that fills its line, and
that shows one mark of a line-up besides (an initial before a surname, a captain's mark,
the positional dashes or semicolons, a label such as "Subs", or English, which capitalises
names only). Labelled lists that follow it ("Subs: ...", "Booked: ...", "Referee: R Styles")
belong to the same sheet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.lexicon import NAME_PARTICLES

#: The fewest items of the list that makes a sheet (a rugby side's forwards and backs are 15, a
#: football side 11, a bench 5-7): fewer and a list of names in a sentence is as likely.
MIN_PLAYERS = 6

#: Labels of the lists that follow a side in a sheet (lower case), which are no team's name.
SHEET_LABELS = frozenset(
    {
        # English
        "subs",
        "subs not used",
        "substitutes",
        "substitutes not used",
        "replacements",
        "replacements (from)",
        "reserves",
        "bench",
        "booked",
        "sent off",
        "dismissed",
        "goals",
        "scorers",
        "tries",
        "cons",
        "pens",
        "drop goals",
        "referee",
        "backs",
        "forwards",
        "half-backs",
        "props",
        "hookers",
        "locks",
        "back row",
        "centres",
        "wings",
        "goalkeepers",
        "defenders",
        "midfielders",
        "strikers",
        "coach",
        "manager",
        "ref",
        # German
        "ersatz",
        "ersatzbank",
        "bank",
        "es fehlen",
        "es fehlt",
        "fraglich",
        "auf abruf",
        "gesperrt",
        "verletzt",
        "tore",
        "torschützen",
        "gelbe karten",
        "gelb-rot",
        "rot",
        "schiedsrichter",
        "tor",
        "torhüter",
        "abwehr",
        "verteidigung",
        "mittelfeld",
        "angriff",
        "trainer",
        "sr",
    }
)

#: Labels of a squad's lines by position: a list so labelled names no team ("Sturm:" is the strikers there).
POSITION_LABELS = frozenset(
    "backs forwards half-backs props hookers locks centres wings goalkeepers defenders midfielders strikers"
    " tor torhüter abwehr verteidigung mittelfeld angriff".split()
) | {"back row"}

#: Labels of the lists of players who are missing, whose notes give the reason ("Es fehlen: Murg
#: (Innenbandverletzung)"), not their club.
ABSENCE_LABELS = frozenset({"es fehlen", "es fehlt", "fraglich", "gesperrt", "verletzt", "auf abruf"})

#: The fewest players of a block whose notes name their clubs ("Mike Blair (Edinburgh Rugby), Andy Craig
#: (Glasgow Rugby), ..."): a squad's layout, where one or two notes may be anything.
MIN_CLUB_NOTES = 3

#: A captain's or goalkeeper's mark after a player's name.
_CAPTAIN_WORDS = r"capt|captain|c|vc|kapitän"
_CAPTAIN = re.compile(rf"\((?:{_CAPTAIN_WORDS}|gk|k|tw)\.?\)", re.IGNORECASE)
_ARTICLE = re.compile(r"The[ \t]")
#: The same mark before a club in one note: "(captain, Glasgow Rugby)".
_CAPTAIN_BEFORE = re.compile(rf"(?:{_CAPTAIN_WORDS})\.?,[ \t]*", re.IGNORECASE)
_CAPTAIN_AFTER = re.compile(rf",[ \t]*(?:{_CAPTAIN_WORDS})\.?\Z", re.IGNORECASE)

#: What parts two items: a comma, a semicolon, a slash (alternates: "Petsos/Grahovac") or a spaced dash
#: (a German line-up's lines: "Strebinger – Pavelic, ...").
_SEPARATOR = re.compile(r"[ \t]*(?:[,;/]|(?<=[ \t])[–—-](?=[ \t]))[ \t]*")

#: One word of a player's name: capitalised, with apostrophes and hyphens inside ("O'Driscoll",
#: "Sowden-Taylor", "Mo'unga").
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
#: An initial (or two) before a surname: "S Lamont", "T. Kainz", "Ch. Leitgeb", "KP Robertson", "J-P Grandclaude".
_INITIAL = re.compile(r"(?:[A-Z]{1,2}|[A-Z][a-z]?\.|[A-Z]\.?-[A-Z]\.?)(?=[ \t][^\W\d_])")
#: A minute, a result or a count after a scorer ("Rooney 68", "Dunne 75 og", "Henson 2").
_MINUTE = re.compile(r"(?:[ \t]+\d{1,3}(?:[ \t]*(?:og|pen|pen\.|p)\b)?)+")
#: A note in brackets after a name: a mark, a substitute, a reason ("(capt)", "(88. Alar)", "(Macken 68)",
#: "(Knieprobleme)", "(Hampshire)").
_NOTE = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
#: A substitute in a note: "88. Alar", "Bradley Wright-Phillips 83", "59 Gudelj".
_SUBSTITUTE = re.compile(r"(?:\d{1,3}\.?[ \t]+(?P<after>.+)|(?P<before>.+?)[ \t]+\d{1,3}\.?)")
#: A label and its colon right before a list: "Everton: ", "Subs Not Used: ", "Replacements (from): ", ": ".
_LABEL_BEFORE = re.compile(
    r"(?:^|(?<=[.!?)\n])|(?<=[.!?)][ \t])|(?<=\d[ \t]))[ \t]*([^\n.:;,!?]{0,40}?)[ \t]*:[ \t]*\Z"
)
#: A colon right after an item, perhaps after lower-case words: the next list's label ran into it
#: ("Kienast Es fehlen:", "Tadic Ersatz:"); not a score's ("3:2").
_COLON_AFTER = re.compile(r"(?:[ \t]+[a-zäöüß][\w-]*){0,2}[ \t]*:(?!\d)")
#: A goal's minute in brackets right before a name: "1:0 (52.) Junuzovic".
_MINUTE_BEFORE = re.compile(r"\(\d{1,3}\.?\)[ \t]*\Z")
#: A lower-case word right after a list's last item: prose.
_PROSE_AFTER = re.compile(r"[ \t]+[a-zäöüß]")
_LINE_END = re.compile(r"[ \t]*\.?[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class SheetName:
    """A name a team sheet gives: a player's, or the team's that a label names."""

    start: int
    end: int
    role: Literal["player", "team", "club"]  # club: a player's, in a note after the name


@dataclass(frozen=True)
class _Item:
    start: int
    end: int  # the name's end, before any minute or note
    initial: bool
    captain: bool
    substitutes: tuple[tuple[int, int], ...]  # names in its note ("(88. Alar)")
    clubs: tuple[tuple[int, int], ...] = ()  # a note that is a name and no substitute: a club ("(Saracens)")


def _name_at(text: str, pos: int) -> tuple[int, bool] | None:
    """The end of a player's name that starts at ``pos`` and whether an initial opens it, or None."""
    words = 0
    at = pos
    initial = False
    if (found := _INITIAL.match(text, at)) is not None:
        initial = True
        at = found.end() + 1
    while True:
        word = _WORD.match(text, at)
        if word is None:
            break
        w = word.group()
        if w[0].islower() and w not in NAME_PARTICLES:
            return None  # a lower-case word that is no particle: prose, not a list of names
        if w[0].isupper() and not any(c.islower() for c in w) and len(w) > 1 and not initial:
            return None  # an acronym ("TBC", "BBC"): no player's name
        words += 1
        at = word.end()
        if words > 4:
            return None
        if not (text.startswith(" ", at) and (nxt := _WORD.match(text, at + 1)) is not None):
            break
        if nxt.group()[0].islower() and nxt.group() not in NAME_PARTICLES:
            break
        at += 1
    last = text[pos:at].split()[-1] if at > pos else ""
    if not words or not last[:1].isupper() or last.lower() in NAME_PARTICLES:
        return None
    return at, initial


def _item_at(text: str, pos: int) -> tuple[_Item, int] | None:
    """The item that starts at ``pos`` and the position after it (after its minute and note)."""
    named = _name_at(text, pos)
    if named is None:
        return None
    end, initial = named
    at = end
    if (minute := _MINUTE.match(text, at)) is not None:
        at = minute.end()
    captain = False
    substitutes: list[tuple[int, int]] = []
    clubs: list[tuple[int, int]] = []
    while (note := _NOTE.match(text, at)) is not None:
        inner = note.group(1)
        if _CAPTAIN.fullmatch(f"({inner})"):
            captain = True
        elif (sub := _SUBSTITUTE.fullmatch(inner)) is not None:
            group = "after" if sub.group("after") is not None else "before"
            offset = note.start(1) + sub.start(group)
            found = _name_at(text, offset)
            if found is not None and found[0] == note.start(1) + sub.end(group):
                substitutes.append((offset, found[0]))
        else:
            offset, end_of_note = note.start(1), note.end(1)
            if (mark := _CAPTAIN_BEFORE.match(text, offset)) is not None:
                captain, offset = True, mark.end()
            elif (mark := _CAPTAIN_AFTER.search(text, offset, end_of_note)) is not None:
                captain, end_of_note = True, mark.start()
            found = _name_at(text, offset)
            if found is not None and found[0] == end_of_note:
                if _ARTICLE.match(text, offset) and " " in text[offset : found[0]]:
                    offset += 4  # "(The Borders)": the club is "Borders"
                clubs.append((offset, found[0]))
        at = note.end()
    return _Item(pos, end, initial, captain, tuple(substitutes), tuple(clubs)), at


def _label_inside(text: str, item: _Item, colon: int, first: bool) -> tuple[_Item | None, tuple[int, int]]:
    """Cut a label off an item that a colon follows. The first item of a list is all label ("Manchester
    United:", "Subs Not Used:"); a later one is a list run into the next one's label where the text lost
    its line breaks ("Edomwonyi, Kienast Es fehlen: Lykogiannis", "Dobras – Tadic Ersatz:"): the label is
    the longest tail of the item's words that is a sheet's label, else its last word (a team's name), and
    the words before it are the item."""
    words = list(_WORD.finditer(text, item.start, item.end))
    # A scorer after his minute ran into the label too: "Tore: 1:0 (52.) Junuzovic Österreich: Almer ...".
    scorer = first and _MINUTE_BEFORE.search(text, max(0, item.start - 12), item.start) is not None
    tail = next(
        (k for k in range(1, len(words)) if text[words[k].start() : colon].strip().lower() in SHEET_LABELS), None
    )
    if first and tail is not None:
        return None, (words[tail].start(), len(text[:colon].rstrip()))  # "... gegen Schweden Tor: Robert Almer"
    cut = 0 if first and not scorer else tail if tail is not None else len(words) - 1
    label = (words[cut].start(), len(text[:colon].rstrip()))
    if cut == 0:
        return None, label
    return _Item(item.start, words[cut - 1].end(), item.initial, False, ()), label


def _last_word(text: str, item: _Item) -> _Item | None:
    """The item without its last word, if it has two or more."""
    words = list(_WORD.finditer(text, item.start, item.end))
    if len(words) < 2:
        return None
    return _Item(item.start, words[-2].end(), item.initial, item.captain, item.substitutes, item.clubs)


def _run_at(text: str, pos: int) -> tuple[list[_Item], list[str], int, tuple[int, int] | None]:
    """The items of the list that starts at ``pos``, the separators between them, its end, and the label
    of the next list when the text ran it into this one's last item."""
    items: list[_Item] = []
    separators: list[str] = []
    at = end = pos
    while (found := _item_at(text, at)) is not None:
        item, after = found
        if (colon := _COLON_AFTER.match(text, item.end)) is not None:
            cut, label = _label_inside(text, item, colon.end() - 1, first=not items)
            if cut is not None:
                items.append(cut)
                end = cut.end
            return items, separators[: max(0, len(items) - 1)], end, label
        items.append(item)
        end = after
        sep = _SEPARATOR.match(text, after)
        if sep is None or sep.end() == after:
            if after == item.end and _PROSE_AFTER.match(text, after) and (last := _last_word(text, item)):
                # Prose right after a name of two words: the next sentence's first word ran into the list
                # when the text lost its line breaks ("Rosenberg Rückspiel am 26. August").
                items[-1] = last
                end = last.end
            break
        separators.append(sep.group().strip())
        at = sep.end()
    return items, separators[: max(0, len(items) - 1)], end, None


@dataclass
class _Run:
    items: list[_Item]
    separators: list[str]
    start: int
    end: int
    label: tuple[int, int] | None  # the label's span, when a colon opens the list

    def label_text(self, text: str) -> str:
        return text[self.label[0] : self.label[1]].strip() if self.label else ""


def _runs(text: str) -> list[_Run]:
    runs: list[_Run] = []
    pos = 0
    pending: tuple[int, int] | None = None  # a label the text ran into the list before
    for word in _WORD.finditer(text):
        if word.start() < pos or not word.group()[0].isupper():
            continue
        if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in "-'’"):
            continue
        items, separators, end, label_after = _run_at(text, word.start())
        label = None
        if pending is not None and not text[pending[1] : word.start()].strip(" \t:"):
            label = pending
        elif (before := _LABEL_BEFORE.search(text, max(0, word.start() - 48), word.start())) is not None:
            label = (before.start(1), before.end(1))
        pending = label_after
        while label is not None and runs and runs[-1].end > label[0]:
            # The words the list before ended with are this list's label ("Replacements (from):").
            kept = [i for i in runs[-1].items if i.end <= label[0]]
            if kept:
                runs[-1].items, runs[-1].end = kept, kept[-1].end
                runs[-1].separators = runs[-1].separators[: len(kept) - 1]
                break
            runs.pop()
        if items:
            runs.append(_Run(items, separators, word.start(), end, label))
        pos = max(end, label_after[1] if label_after else end)
    return runs


def _fills_line(text: str, run: _Run) -> bool:
    """Whether the run is its line's only text (after an empty label: ": C Paterson; ...")."""
    line_start = text.rfind("\n", 0, run.start) + 1
    head = text[line_start : run.start].strip()
    return head in ("", ":") and _LINE_END.match(text, run.end) is not None


def _is_sheet(text: str, run: _Run, language: str, labelled_block: bool) -> bool:
    if len(run.items) < MIN_PLAYERS or "and" in run.separators:
        return False
    if run.label is None and not _fills_line(text, run):
        return False
    marks = (
        sum(i.initial for i in run.items) >= 1
        or any(i.captain for i in run.items)
        or run.separators.count("–") + run.separators.count("-") + run.separators.count("—") >= 2
        or ";" in run.separators
        or labelled_block
        or language == "en"
    )
    return marks


def team_sheets(text: str, language: str, is_place: Callable[[int, int], bool] | None = None) -> list[SheetName]:
    """The names of the team sheets in ``text``: every player of every list, and the teams that open them.

    ``is_place`` says whether a span is a known place (the gazetteer's): a list whose items are mostly
    places is a list of countries or towns, not a side ("Members: France, Germany, Italy, ...")."""
    runs = _runs(text)
    # Lists chained by labels ("... Bent. Subs: Wright, ... Manchester United: Carroll, ...") are one block.
    blocks: list[list[_Run]] = []
    for run in runs:
        if blocks and run.label is not None and _chained(text, blocks[-1][-1], run):
            blocks[-1].append(run)
        else:
            blocks.append([run])
    names: list[SheetName] = []
    for block in blocks:
        labelled = any(r.label_text(text).lower() in SHEET_LABELS for r in block)
        if not any(_is_sheet(text, r, language, labelled) for r in block):
            continue
        items = [i for r in block for i in r.items]
        if is_place is not None and 3 * sum(is_place(i.start, i.end) for i in items) >= len(items):
            continue
        by_position = any(r.label_text(text).lower() in POSITION_LABELS for r in block)
        names.extend(_club_notes(text, block, is_place))
        for run in block:
            label = run.label_text(text)
            if run.label is not None and label[:1].isupper() and label.lower() not in SHEET_LABELS and not by_position:
                start, end = run.label
                lead = len(text[start:end]) - len(text[start:end].lstrip())
                names.append(SheetName(start + lead, start + lead + len(label), "team"))
            for item in run.items:
                names.append(SheetName(item.start, item.end, "player"))
                names.extend(SheetName(s, e, "player") for s, e in item.substitutes)
    return sorted(set(names), key=lambda n: (n.start, n.end))


def _club_notes(text: str, block: list[_Run], is_place: Callable[[int, int], bool] | None) -> list[SheetName]:
    """The clubs a squad's notes name after its players ("Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow
    Rugby), ... Gordon Bulloch (captain, Glasgow Rugby)"): where at least :data:`MIN_CLUB_NOTES` players of
    the block have a note that is a name and one such note repeats, every such note is a club's name, not
    in a list of the missing (whose notes are reasons) and not a known place (a country's side keeps the
    reading the corpus gives the country)."""
    notes = [
        span
        for run in block
        if run.label_text(text).lower() not in ABSENCE_LABELS
        for item in run.items
        for span in item.clubs
    ]
    counts = Counter(text[s:e] for s, e in notes)
    if len({s for s, _ in notes}) < MIN_CLUB_NOTES or max(counts.values(), default=0) < 2:
        return []
    return [SheetName(s, e, "club") for s, e in notes if is_place is None or not is_place(s, e)]


def _chained(text: str, before: _Run, run: _Run) -> bool:
    """Whether only a full stop, spaces and ``run``'s label stand between the two lists."""
    assert run.label is not None
    return not text[before.end : run.label[0]].strip(" \t.")
