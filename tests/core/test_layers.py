"""The layer contracts of pyproject.toml ([tool.importlinter]) fail on a new upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and its contracts, safe to break."""
    shutil.copytree(
        ROOT / "src" / "heardback",
        tmp_path / "src" / "heardback",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.slow
def test_the_contracts_hold_today_and_break_on_an_upward_import(tree: Path) -> None:
    assert _lint(tree).returncode == 0
    (tree / "src" / "heardback" / "hiring" / "upward.py").write_text(
        "from heardback.outbox import services  # noqa\n"
    )
    (tree / "src" / "heardback" / "feedback" / "engine" / "impure.py").write_text(
        "import django.db  # noqa\n"
    )
    broken = _lint(tree)
    assert broken.returncode != 0
    assert "heardback.hiring.upward -> heardback.outbox.services" in broken.stdout
    assert "heardback.feedback.engine.impure -> django (l.1)" in broken.stdout
