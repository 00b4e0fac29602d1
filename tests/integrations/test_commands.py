from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from heardback.accounts.models import Organization
from heardback.hiring.models import Application
from tests.integrations.conftest import FIXTURES, model_counts

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_prints_the_summary_and_the_competencies_to_describe(acme: Organization) -> None:
    out = _run("import", "greenhouse", str(FIXTURES / "greenhouse"), "--org", "acme")
    assert "Imported from greenhouse into acme" in out
    assert "applications" in out and "created" in out
    assert "Robotics Software Engineer: Python" in out
    assert "read 'stong_yes' as 'strong_yes'" in out


def test_a_dry_run_prints_what_would_change_and_saves_nothing(acme: Organization) -> None:
    before = model_counts()
    out = _run("import", "lever", str(FIXTURES / "lever"), "--org", "acme", "--dry-run")
    assert "Would import from lever" in out and "Dry run: nothing was saved." in out
    assert model_counts() == before


def test_an_unknown_organization_is_an_error(db: None) -> None:
    with pytest.raises(CommandError, match="No organization with slug 'nope'"):
        _run("import", "csv", str(FIXTURES / "csv" / "scorecards.csv"), "--org", "nope")


def test_a_reason_map_file_overrides_categories(acme: Organization, tmp_path: Path) -> None:
    mapping = tmp_path / "reasons.json"
    mapping.write_text(json.dumps({"Position filled": "role_closed"}))
    _run("import", "lever", str(FIXTURES / "lever"), "--org", "acme", "--reason-map", str(mapping))
    reasons = Application.objects.filter(rejection_reason__name="Position filled")
    assert reasons.get().rejection_reason.category == "role_closed"


def test_a_reason_map_with_an_unknown_category_is_refused(
    acme: Organization, tmp_path: Path
) -> None:
    mapping = tmp_path / "reasons.json"
    mapping.write_text(json.dumps({"Position filled": "bad_luck"}))
    with pytest.raises(CommandError, match="unknown categories 'Position filled': 'bad_luck'"):
        _run(
            "import",
            "lever",
            str(FIXTURES / "lever"),
            "--org",
            "acme",
            "--reason-map",
            str(mapping),
        )


def test_export_writes_a_dump_that_imports_back(acme: Organization, tmp_path: Path) -> None:
    _run("import", "greenhouse", str(FIXTURES / "greenhouse"), "--org", "acme")
    out = _run("export", "greenhouse", str(tmp_path / "dump"), "--org", "acme")
    assert "5  applications.json" in out
    Organization.objects.create(slug="copy", name="Copy")
    _run("import", "greenhouse", str(tmp_path / "dump"), "--org", "copy")
    assert Application.objects.filter(organization__slug="copy").count() == 5
