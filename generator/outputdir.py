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

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


# ---------------------------------------------------------------- the swap

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # an old kernel or a file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_into_place(new: Path, target: Path) -> None:
    """Put the built site ``new`` at ``target`` in one atomic step; the old site is deleted only after.

    On Linux the two folders are exchanged (``renameat2``), so at every moment
    ``target`` holds a whole site, the old or the new. Elsewhere two renames are
    used and a kill between them leaves the old site at ``.<name>.old-<pid>``,
    which the next build puts back before it starts.
    """
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old site
        return
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A fresh folder beside ``target`` to build into; swapped into place when the block ends
    without an error, deleted when it raises (the old ``target`` is then untouched)."""
    import tempfile

    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield staging
        swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def recover(target: Path) -> None:
    """Undo what a killed build left: staging folders go, and a site moved aside comes back."""
    for stale in target.parent.glob(f".{target.name}.new-*"):
        if (stale.is_dir() and (stale / MARKER).is_file()) or stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
    olds = sorted(p for p in target.parent.glob(f".{target.name}.old-*") if p.is_dir())
    if olds and not target.exists():
        os.replace(olds[-1], target)  # killed between the two renames: the old site returns
        olds = olds[:-1]
    for stale in olds:
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def locked(target: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder's lock while building; a second build waits for the first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / f".{target.name}.lock"
    with open(lock, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"another build is writing {target}; waiting for it to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
