from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def common_nouns(tmp_path_factory: pytest.TempPathFactory):
    """The real lexicons (German Wiktionary, English frequencies), read once per test session."""
    from generator.lexicon import load_common_nouns

    return load_common_nouns(tmp_path_factory.mktemp("lexicon"))


@pytest.fixture(scope="session")
def shared_gazetteer():
    """The gazetteer, built once per test session: building it reads CLDR for every locale (about 1.5 s),
    and it is read-only data, the same in every test that does not test its building or caching."""
    from generator.extraction import gazetteer

    return gazetteer.load()


def build_command(config: Path, out: Path, cache: Path, *extra: str) -> list[str]:
    """`dossier build` in a child process (for tests that kill it or change its environment)."""
    import sys

    return [
        sys.executable,
        "-m",
        "generator.cli",
        "build",
        "-f",
        str(config),
        "-o",
        str(out),
        "--cache-dir",
        str(cache),
        *extra,
    ]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once per test session with a real `dossier build`."""
    from generator.cli import main

    out = tmp_path_factory.mktemp("build") / "site"
    cache = tmp_path_factory.mktemp("cache")
    assert main(["build", "-f", str(ROOT / "mkdocs.yml"), "-o", str(out), "--cache-dir", str(cache)]) == 0
    return out
