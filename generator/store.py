"""Checked, atomic, versioned cache files: the one way the build persists anything.

Every cache file is a *record*: a tag naming what wrote it (format and code
version), a checksum over the tag and the body together, and the body. A record
whose tag differs or whose checksum fails is never trusted: the reader gets
``None`` and the caller recomputes. Writes go to a temporary file that is
renamed into place, so a killed build never leaves half a file. A cache folder
that cannot be written costs time, never the build: writes log and go on.

Two bodies are offered: pickle (fast; our own files only, checked before they
are unpickled) and JSON (inspectable, for files people may look at).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path

log = logging.getLogger("dossier")


def checksum(*parts: bytes | str) -> str:
    """sha256 over the parts, each length-prefixed so that no two sequences collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def package_version(dist: str) -> str:
    """The installed version of a distribution, or "-" when it is not installed (part of cache tags)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "-"


def code_version(*modules: str) -> str:
    """A digest of the source of the named modules (``generator.names``, ...), read without importing them.

    Part of the tag of every cache whose content that code computes, so a change
    to the code is never served a stale result.
    """
    sources = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(name)
        sources.append(Path(spec.origin).read_bytes())
    return checksum(*modules, *sources)[:32]


def atomic_write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a renamed temporary file; False (logged) when the folder refuses."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError as exc:  # read-only or full: the next build recomputes
        log.warning("dossier: cannot write the cache file %s (%s); the build goes on without it", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_pickle(path: Path, tag: str, data: object) -> bool:
    """Store ``data`` as a checked pickle record."""
    body = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    return atomic_write(path, b"\n".join([tag.encode("utf-8"), checksum(tag, body).encode("ascii"), body]))


def read_pickle(path: Path, tag: str) -> object | None:
    """What :func:`write_pickle` stored under the same ``tag``, or None (missing, damaged, other version).

    The checksum is verified before anything is unpickled.
    """
    raw = _read(path)
    if raw is None:
        return None
    try:
        head, digest, body = raw.split(b"\n", 2)
        if head != tag.encode("utf-8"):
            raise ValueError("written by another version")
        if digest != checksum(tag, body).encode("ascii"):
            raise ValueError("checksum mismatch")
        return pickle.loads(body)
    except Exception as exc:  # corrupted or stale: never trusted, recomputed
        log.info("dossier: ignoring cache file %s (%s)", path, exc)
        return None


def _json(payload: object) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def write_json(path: Path, tag: str, payload: object) -> bool:
    """Store ``payload`` as a checked JSON record: ``{"tag", "checksum", "payload"}``."""
    record = {"tag": tag, "checksum": checksum(tag, _json(payload)), "payload": payload}
    return atomic_write(path, _json(record).encode("utf-8", "surrogatepass"))


def read_json(path: Path, tag: str) -> object | None:
    """What :func:`write_json` stored under the same ``tag``, or None."""
    raw = _read(path)
    if raw is None:
        return None
    try:
        record = json.loads(raw.decode("utf-8", "surrogatepass"))
        if not isinstance(record, dict) or record.get("tag") != tag:
            raise ValueError("written by another version")
        payload = record.get("payload")
        if record.get("checksum") != checksum(tag, _json(payload)):
            raise ValueError("checksum mismatch")
        return payload
    except Exception as exc:
        log.info("dossier: ignoring cache file %s (%s)", path, exc)
        return None
