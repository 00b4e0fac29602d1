"""An import by one organization never reaches another's people or rows.

Organization A imports each fixture dump, its interviewers being members with accounts. Then a
recruiter of organization B imports the very same dumps, which carry every id and email of A's
users, candidates and jobs, through each way in: the command line, the web upload and the API.
A's rows stay byte-identical and B gains no member with an account: only its own placeholders,
with unsent invitations.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from heardback.accounts.models import Invitation, Membership, Organization, User
from heardback.api.services import api_key_create
from heardback.integrations.importers import READERS, import_dump
from heardback.integrations.models import ImportRun
from heardback.integrations.services import import_run_execute
from tests import factories
from tests.integrations.conftest import FIXTURES, fixture_files, zip_of
from tests.tenancy import snapshot

pytestmark = pytest.mark.django_db

FOLDERS = {"greenhouse": "greenhouse", "greenhouse-v3": "greenhouse_v3", "lever": "lever"}
PEOPLE = [
    ("priya.raman@fernhill.example", "Priya Raman"),
    ("jonas.becker@fernhill.example", "Jonas Becker"),
    ("marta.ruiz@fernhill.example", "Marta Ruiz"),
    ("kofi@fernhill.example", "Kofi Mensah"),
]


def _path(source: str) -> Path:
    if source == "csv":
        return FIXTURES / "csv" / "scorecards.csv"
    return FIXTURES / FOLDERS[source]


def _import_as_b(channel: str, source: str, b: Organization, recruiter: User) -> None:
    if channel == "command line":
        call_command("import", source, str(_path(source)), org=b.slug, stdout=StringIO())
        return
    if source == "csv":
        upload = SimpleUploadedFile("scorecards.csv", _path(source).read_bytes(), "text/csv")
    else:
        data = zip_of(fixture_files(FOLDERS[source]))
        upload = SimpleUploadedFile("dump.zip", data, "application/zip")
    if channel == "web":
        client = Client()
        client.force_login(recruiter)
        response = client.post("/imports/", {"source": source, "upload": [upload]})
        assert response.status_code == 302, response.content.decode()[-2000:]
    else:
        _, raw_key = api_key_create(organization=b, user=None, name="T", scopes=["imports"])
        response = Client().post(
            "/api/v1/imports",
            {"source": source, "files": upload},
            headers={"Authorization": f"Bearer {raw_key}"},
        )
        assert response.status_code == 202, response.content
    run = ImportRun.objects.filter(organization=b).latest("pk")
    import_run_execute(run)  # what the worker does
    run.refresh_from_db()
    assert run.status == "succeeded", run.report


@pytest.mark.parametrize("channel", ["command line", "web", "api"])
@pytest.mark.parametrize("source", sorted(READERS))
def test_an_import_by_b_with_as_ids_and_emails_leaves_a_untouched(
    org: Organization, other_org: Organization, source: str, channel: str
) -> None:
    a, b = org, other_org
    for email, name in PEOPLE:
        person = factories.UserFactory(email=email, full_name=name)
        factories.MembershipFactory(organization=a, user=person, role="interviewer")
    import_dump(source, _path(source), organization=a)
    b_recruiter = factories.UserFactory(email="rob@globex.example")
    factories.MembershipFactory(organization=b, user=b_recruiter, role="recruiter")
    before = snapshot(a)
    a_people = set(User.objects.filter(memberships__organization=a).values_list("pk", flat=True))

    _import_as_b(channel, source, b, b_recruiter)

    assert snapshot(a) == before
    b_people = User.objects.filter(memberships__organization=b).exclude(pk=b_recruiter.pk)
    assert b_people.exists()
    assert not a_people & set(b_people.values_list("pk", flat=True))
    assert all(u.email.endswith(f"@org-{b.pk}.import.invalid") for u in b_people)
    assert not any(u.has_usable_password() for u in b_people)
    invited = set(Invitation.objects.filter(organization=b).values_list("email", flat=True))
    assert invited <= {email for email, _ in PEOPLE}
    assert not Invitation.objects.filter(organization=b, sent_at__isnull=False).exists()
    assert not Membership.objects.filter(organization=b, user__in=a_people).exists()
