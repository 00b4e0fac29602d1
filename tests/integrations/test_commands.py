from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from heardback.accounts.models import Organization
from heardback.hiring.models import Application
from tests.integrations.conftest import FIXTURES, fixture_files, model_counts, zip_of

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


def test_the_zip_a_user_downloaded_imports_as_its_folder_would(
    acme: Organization, tmp_path: Path
) -> None:
    archive = tmp_path / "greenhouse-export.zip"
    archive.write_bytes(zip_of({f"export/{n}": c for n, c in fixture_files("greenhouse").items()}))
    out = _run("import", "greenhouse", str(archive), "--org", "acme")
    assert "Imported from greenhouse into acme" in out
    assert Application.objects.filter(organization=acme).count() == 5

    csv_zip = tmp_path / "scorecards.zip"
    csv_zip.write_bytes(
        zip_of({"scorecards.csv": (FIXTURES / "csv" / "scorecards.csv").read_bytes()})
    )
    assert "Imported from csv into acme" in _run("import", "csv", str(csv_zip), "--org", "acme")


def test_a_zip_that_is_not_safe_to_unpack_is_refused_with_the_upload_pages_words(
    acme: Organization, tmp_path: Path
) -> None:
    archive = tmp_path / "dump.zip"
    archive.write_bytes(zip_of({**fixture_files("greenhouse"), "../evil.json": b"[]"}))
    before = model_counts()
    with pytest.raises(CommandError, match=re.escape("unsafe path '../evil.json'")):
        _run("import", "greenhouse", str(archive), "--org", "acme")
    assert model_counts() == before
    assert not (tmp_path.parent / "evil.json").exists()


def test_a_folder_given_for_a_csv_file_says_so(acme: Organization) -> None:
    with pytest.raises(CommandError):
        out = StringIO()
        call_command("import", "csv", str(FIXTURES / "csv"), "--org", "acme", stdout=out)
    assert "is a folder; give the file itself" in out.getvalue()
