"""The derivation of generator/data/subdivision_extents.csv (generator/devtools/subdivision_extents.py)."""

from __future__ import annotations

from generator.devtools.subdivision_extents import _arcs, _extent, _inside, _topology


def test_topology_arcs_decode_and_extents_cross_the_antimeridian() -> None:
    script = (
        'var xTopo = {"transform": {"scale": [1, 1], "translate": [170, 50]}, "arcs": [[[0, 0], [5, 2], [10, 1]]]};'
    )
    topology = _topology(script)
    assert topology is not None
    (points,) = _arcs(topology)
    assert points == [(170, 50), (175, 52), (185, 53)]
    assert _extent([(178.0, 60.0), (-175.0, 65.0)]) == (60.0, 178.0, 65.0, -175.0)
    assert _inside(62.0, 179.5, (60.0, 178.0, 65.0, -175.0))
    assert not _inside(62.0, 170.0, (60.0, 178.0, 65.0, -175.0))
    assert not _inside(48.64, 2.75, (48.82, 2.22, 48.90, 2.47))  # Île-de-France's centre is not in Paris
