"""Uploading a Greenhouse dump from the Imports page in a real Chromium, run by the real worker."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Application
from heardback.integrations.models import ImportRun
from tests.browser.chromium import screenshot
from tests.browser.test_feedback_review import sign_in
from tests.integrations.conftest import fixture_files, zip_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_recruiter_uploads_a_zip_and_watches_it_finish(
    page: Any,
    live_server: Any,
    org: Organization,
    recruiter: User,
    settings: Settings,
    tmp_path: Path,
) -> None:
    settings.HEARDBACK_IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    dump = tmp_path / "greenhouse.zip"
    dump.write_bytes(zip_of(fixture_files("greenhouse")))
    sign_in(page, live_server.url, recruiter.email)

    page.get_by_role("link", name="Imports").click()
    page.get_by_label("Exported from").select_option("greenhouse")
    page.get_by_label("Files").set_input_files(str(dump))
    page.get_by_role("button", name="Upload and import").click()

    page.get_by_text("Waiting for a worker").wait_for()
    run = ImportRun.objects.get()
    assert run.status == "queued"
    # What `heardback worker` does with the queued task; the page keeps polling meanwhile.
    call_command("db_worker", batch=True, stdout=StringIO(), stderr=StringIO())

    page.get_by_text("Imported. Everything below is saved.").wait_for()
    summary = page.get_by_test_id("summary")
    assert summary.get_by_role("row", name="applications").inner_text().split() == [
        "applications", "5", "0", "0", "2",
    ]  # fmt: skip
    assert Application.objects.filter(organization=org).count() == 5
    screenshot(page, "import-run")

    page.get_by_role("link", name="Imports").first.click()
    row = page.locator(f"tr[data-run='{run.pk}']").inner_text()
    assert (
        "Succeeded" in row and "57 created, 0 updated, 0 unchanged" in row
    )  # 3 of them invitations, unsent
