"""Problems found in user input, reported with where, what was expected and what was found."""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    expected: str | None = None
    found: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [f"{where}: {self.message}"]
        if self.field:
            parts.append(f"field {self.field!r}")
        if self.expected is not None:
            parts.append(f"expected {self.expected}")
        if self.found is not None:
            parts.append(f"found {self.found}")
        return "; ".join(parts)


class DossierError(Exception):
    """Input the build cannot use. Carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Report:
    """Warnings and (non-fatal) errors collected during a build."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def warn(self, file: str, message: str, **kw: object) -> None:
        self.problems.append(Problem(file=file, message=message, severity="warning", **kw))  # type: ignore[arg-type]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'title'?)`` or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_REPR = reprlib.Repr()  # keyword arguments to Repr() arrive only in Python 3.12
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist, _REPR.maxtuple, _REPR.maxset = 3, 4, 4, 4, 4
_REPR.maxstring = _REPR.maxother = 80


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, never built whole: a value may be huge or deeply nested."""
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def pydantic_expected(err: object) -> str:
    """What a pydantic error says was expected, phrased to follow the word "expected"."""
    ctx = err.get("ctx") or {}  # type: ignore[attr-defined]
    if "expected" in ctx:
        return f"one of {ctx['expected']}"
    if "pattern" in ctx:
        return f"text matching {ctx['pattern']}"
    msg = str(err.get("msg", ""))  # type: ignore[attr-defined]
    for prefix in ("Value error, ", "Input should be ", "Input should have "):
        msg = msg.removeprefix(prefix)
    return msg
