"""The GitHub Actions workflow: valid against the workflow schema, least privilege, deploys only main."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "pages.yml"


def load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflow_matches_the_github_schema() -> None:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed (pip install '.[test]')")
    result = subprocess.run(
        [exe, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_triggers_and_concurrency() -> None:
    data = load()
    assert data["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in data["on"]
    assert data["concurrency"]["group"]
    assert "pull_request" in str(data["concurrency"]["cancel-in-progress"])


def test_least_privilege() -> None:
    data = load()
    assert data["permissions"] == {"contents": "read"}
    assert "permissions" not in data["jobs"]["build"]
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_build_job_tests_and_builds_strictly_with_cache() -> None:
    steps = load()["jobs"]["build"]["steps"]
    runs = " ".join(str(s.get("run", "")) for s in steps)
    uses = [s.get("uses", "") for s in steps]
    assert "nox -s tests" in runs and "nox -s build -- --strict" in runs
    assert any(u.startswith("actions/cache@") for u in uses)
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/dossier"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert "refs/heads/main" in upload["if"] and upload["with"]["path"] == "site"


def test_deploy_only_from_main_with_the_official_action() -> None:
    deploy = load()["jobs"]["deploy"]
    assert "push" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_supply_chain_is_pinned() -> None:
    """Actions by full commit SHA, no credentials left in the checkout, a timeout on every job,
    Python packages from the constraints file, and a manual run on main deploys."""
    data = load()
    text = WORKFLOW.read_text(encoding="utf-8")
    for job in data["jobs"].values():
        assert job["timeout-minutes"] <= 60
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].split("@", 1)[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
    checkout = next(s for s in data["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert data["jobs"]["build"]["env"]["PIP_CONSTRAINT"] == "requirements/constraints.txt"
    constraints = (WORKFLOW.parents[2] / "requirements" / "constraints.txt").read_text(encoding="utf-8")
    assert "\nspacy==" in constraints and "\nnox==" in constraints
    assert "workflow_dispatch" in data["on"] and "workflow_dispatch" in data["jobs"]["deploy"]["if"]
    assert "# v4.2.2" in text  # each pin names its release
