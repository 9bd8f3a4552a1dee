"""Where a build may write its site, and what it may delete there.

A build replaces its output folder whole, so a wrong ``-o`` (``.``, ``content``,
a home folder) would delete what the user wrote. Two rules keep that from
happening, checked before anything is touched:

* the output folder is never, contains, or lies inside one of the user's input
  folders (corpus, curation, ``docs_dir``, templates, theme overrides, the cache,
  source tables, extraction files); it may lie inside the project (``site/``),
  but never be the project folder or one of its parents;
* an existing output folder is replaced only when it is empty or holds the
  marker file that every dossier build writes into its site.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.errors import DossierError, Problem

#: Written into every built site; a folder without it was not made by dossier and is never deleted.
MARKER = ".dossier-site"
MARKER_TEXT = "This folder was built by dossier and is replaced whole by the next build.\n"


def _problem(target: Path, message: str, expected: str, found: str) -> DossierError:
    return DossierError(
        [Problem(file=str(target), field="output folder", message=message, expected=expected, found=found)]
    )


def check_output_folder(target: Path, project: Path, inputs: Iterable[tuple[str, Path]]) -> None:
    """Raise :class:`DossierError` when building into ``target`` could delete anything the user wrote.

    ``inputs`` names each input path ("corpus", "curation", ...); the project folder
    may contain the output folder, the inputs may not.
    """
    target = target.resolve()
    project = project.resolve()
    if target == project or project.is_relative_to(target):
        raise _problem(
            target,
            "refusing to build here: the whole folder is replaced, and it holds the project",
            "a folder of its own, such as site/",
            f"the project folder {project}" if target == project else f"a parent of the project folder {project}",
        )
    for what, path in inputs:
        path = path.resolve()
        if target == path or path.is_relative_to(target) or target.is_relative_to(path):
            relation = "is" if target == path else ("contains" if path.is_relative_to(target) else "lies inside")
            raise _problem(
                target,
                f"refusing to build here: the output folder {relation} the {what} ({path})",
                "a folder apart from every input, such as site/",
                f"the {what} folder" if relation == "is" else f"a folder that {relation} the {what}",
            )
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise _problem(target, "refusing to replace it", "a folder made by dossier, or none", "a file or symbolic link")
    if (target / MARKER).is_file():
        return
    entries = sorted(p.name for p in target.iterdir())
    if entries:
        shown = ", ".join(entries[:5]) + (", ..." if len(entries) > 5 else "")
        raise _problem(
            target,
            f"refusing to replace a folder that a dossier build did not make (no {MARKER} file in it);"
            " move it away or choose another output folder",
            f"an empty folder or a site built by dossier (with {MARKER})",
            f"{len(entries)} entries: {shown}",
        )


def mark(site: Path) -> None:
    """Write the marker that lets the next build replace ``site``."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
