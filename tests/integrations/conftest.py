"""Helpers for the importer tests: the fixture dumps, a scratch copy to break, model counts."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.hiring import models as hiring

FIXTURES = Path(__file__).parent / "fixtures"
MODELS = (
    User,
    Membership,
    AuditEvent,
    hiring.Job,
    hiring.Competency,
    hiring.PipelineStage,
    hiring.RejectionReason,
    hiring.Candidate,
    hiring.Application,
    hiring.Interview,
    hiring.Interview.interviewers.through,
    hiring.Scorecard,
    hiring.ScorecardRating,
)


def model_counts() -> dict[str, int]:
    """How many rows every model holds: an import that fails must leave these unchanged."""
    return {m._meta.label: m._default_manager.count() for m in MODELS}  # type: ignore[attr-defined]


@pytest.fixture
def dump(tmp_path: Path) -> Callable[[str], Path]:
    """A scratch copy of a fixture dump, safe to break."""

    def copy(source: str) -> Path:
        target = tmp_path / source
        shutil.copytree(FIXTURES / source, target)
        return target

    return copy


def read(path: Path) -> Any:
    return json.loads(path.read_text())


def write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False))


@pytest.fixture
def acme(org: Organization) -> Organization:
    return org
