"""Helpers for the importer tests: the fixture dumps, a scratch copy to break, model counts."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from heardback.accounts.models import AuditEvent, Invitation, Membership, Organization, User
from heardback.hiring import models as hiring

FIXTURES = Path(__file__).parent / "fixtures"
MODELS = (
    User,
    Membership,
    Invitation,
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


@pytest.fixture(autouse=True)
def _private_upload_dir(settings: Any, tmp_path: Path) -> Path:
    """Uploaded dumps wait here, per test, instead of under the shared VAR_DIR."""
    settings.HEARDBACK_IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


def zip_of(files: dict[str, bytes]) -> bytes:
    """A zip holding `files` (name → content), names used exactly as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def fixture_files(source: str) -> dict[str, bytes]:
    """The fixture dump of a source as {file name: content}."""
    return {p.name: p.read_bytes() for p in sorted((FIXTURES / source).iterdir())}


def invited_as(user: User) -> str:
    """The address a person stands for: theirs, or, for an imported placeholder, the one
    their invitation goes to."""
    if not user.email.endswith(".invalid"):
        return user.email
    invitation = Invitation.objects.filter(placeholder=user).first()
    return invitation.email if invitation is not None else user.email


def people_of(org: Organization) -> dict[str, str]:
    """Every member's stored address -> the address they stand for (see `invited_as`)."""
    return {u.email: invited_as(u) for u in User.objects.filter(memberships__organization=org)}
