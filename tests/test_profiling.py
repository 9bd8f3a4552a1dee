"""The profile summary: shares of py-spy samples per frame, inclusive and own."""

from __future__ import annotations

from generator.devtools.profiling import frame_name, top_frames

COLLAPSED = """\
<module> (dossier:8);main (/x/generator/cli.py:176);run (/x/generator/pipeline.py:300) 6
<module> (dossier:8);main (/x/generator/cli.py:176);build (/y/mkdocs/build.py:337);render (/y/jinja2/environment.py:1293) 3
<module> (dossier:8);f (a.py:1);f (a.py:1) 1
not a sample line
"""


def test_top_frames_counts_each_frame_once_per_sample() -> None:
    total, rows = top_frames(COLLAPSED)
    shares = {name: (inclusive, own) for name, inclusive, own in rows}
    assert total == 10
    assert shares["<module> (dossier:8)"] == (1.0, 0.0)
    assert shares["main (cli.py:176)"] == (0.9, 0.0)
    assert shares["run (pipeline.py:300)"] == (0.6, 0.6)
    assert shares["render (environment.py:1293)"] == (0.3, 0.3)
    assert shares["f (a.py:1)"] == (0.1, 0.1), "recursion is not counted twice"
    assert [name for name, _, _ in rows][:2] == ["<module> (dossier:8)", "main (cli.py:176)"]


def test_frame_names_keep_file_and_line_only() -> None:
    assert frame_name("run (/x/generator/pipeline.py:300)") == "run (pipeline.py:300)"
    assert frame_name("<native>") == "<native>"
    assert top_frames("") == (0, [])
