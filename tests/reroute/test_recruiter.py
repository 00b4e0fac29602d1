"""Re-routing, recruiter side: suggestions on the application page and in the queue, one-click
invitation (portal and email), a move into another pipeline with consent, the talent pool."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from heardback.accounts.models import AuditEvent
from heardback.hiring.models import Application
from heardback.outbox.services import outbound_emails_deliver_due
from heardback.portal import services as portal
from heardback.portal.models import Consent
from heardback.reroute.models import RoleInvitation
from tests.factories import MembershipFactory, UserFactory
from tests.reroute.builders import World, world

pytestmark = pytest.mark.django_db


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def consent(w: World, kind: str = Consent.Kind.OTHER_ROLES) -> Consent:
    now = timezone.now()
    return Consent.objects.create(
        organization=w.org, candidate=w.application.candidate, kind=kind,
        granted_at=now, expires_at=now + timedelta(days=365),
    )  # fmt: skip


def test_the_application_page_suggests_the_backend_role_with_its_reason() -> None:
    w = world()
    page = signed_in(w.recruiter).get(f"/applications/{w.application.pk}/").content.decode()
    assert "Other open roles that fit" in page
    assert w.backend.title in page
    assert w.frontend.title not in page.split('id="reroute"')[1]
    assert "which this role weighs most; below its bar in nothing" in page
    assert "Move into its pipeline" not in page  # no consent yet


def test_an_interviewer_sees_no_suggestion() -> None:
    w = world()
    w.application.interviews.first().interviewers.add(w.interviewer)
    page = signed_in(w.interviewer).get(f"/applications/{w.application.pk}/")
    assert page.status_code == 200
    assert b"Other open roles that fit" not in page.content


def test_the_queue_links_to_the_suggestions_page_which_lists_them() -> None:
    w = world()
    client = signed_in(w.recruiter)
    assert b'href="/reroute/"' in client.get("/feedback/").content
    page = client.get("/reroute/").content.decode()
    assert "Grace Hopper" in page and w.backend.title in page
    assert w.frontend.title not in page


def test_one_click_invites_by_email_and_the_candidate_accepts_on_their_page() -> None:
    w = world()
    response = signed_in(w.recruiter).post(
        f"/applications/{w.application.pk}/reroute/invite/", {"job": w.backend.pk}
    )
    assert response.status_code == 302
    invitation = RoleInvitation.objects.get()
    assert invitation.job == w.backend and invitation.explanation.startswith("Strong in")
    assert AuditEvent.objects.filter(organization=w.org, action="reroute.role_invite").exists()
    outbound_emails_deliver_due()
    (message,) = mail.outbox
    assert message.to == ["Grace Hopper <grace@acme-mail.example>"]
    assert w.backend.title in message.subject
    assert "/p/" in message.body and "PORTAL-TOKEN" not in message.body
    # The candidate's page shows the invitation; accepting makes an application.
    link = portal.candidate_link_issue(application=w.application)
    token = portal.candidate_link_token(link)
    candidate = Client()
    assert w.backend.title in candidate.get(f"/p/{token}/").content.decode()
    response = candidate.post(f"/p/{token}/roles/{invitation.pk}/", {"action": "accept"})
    assert response.status_code == 302 and "done=role_accepted" in response["Location"]
    moved = Application.objects.get(candidate=w.application.candidate, job=w.backend)
    assert moved.status == Application.Status.ACTIVE
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.application == moved
    # Inviting again to the same job is refused (already applied).
    again = signed_in(w.recruiter).post(
        f"/applications/{w.application.pk}/reroute/invite/", {"job": w.backend.pk}
    )
    assert again.status_code == 302 and RoleInvitation.objects.count() == 1


def test_moving_into_a_pipeline_needs_the_candidates_consent() -> None:
    w = world()
    client = signed_in(w.recruiter)
    client.post(f"/applications/{w.application.pk}/reroute/move/", {"job": w.backend.pk})
    assert not Application.objects.filter(job=w.backend).exists()
    consent(w)
    assert b"Move into its pipeline" in client.get(f"/applications/{w.application.pk}/").content
    client.post(f"/applications/{w.application.pk}/reroute/move/", {"job": w.backend.pk})
    moved = Application.objects.get(job=w.backend)
    assert moved.source == f"re-routed from #{w.application.pk}"
    assert AuditEvent.objects.filter(action="reroute.role_move", organization=w.org).exists()


def test_another_organizations_ids_answer_404() -> None:
    w = world()
    other = world("globex", name="Globex")
    client = signed_in(w.recruiter)
    for path in ("invite", "move"):
        # Their application, our job; our application, their job.
        assert (
            client.post(
                f"/applications/{other.application.pk}/reroute/{path}/", {"job": w.backend.pk}
            ).status_code
            == 404
        )
        assert (
            client.post(
                f"/applications/{w.application.pk}/reroute/{path}/", {"job": other.backend.pk}
            ).status_code
            == 404
        )
    assert not RoleInvitation.objects.exists()


def test_an_interviewer_cannot_invite_or_open_the_pool() -> None:
    w = world()
    w.application.interviews.first().interviewers.add(w.interviewer)
    client = signed_in(w.interviewer)
    response = client.post(
        f"/applications/{w.application.pk}/reroute/invite/", {"job": w.backend.pk}
    )
    assert response.status_code == 403
    assert client.get("/talent-pool/").status_code == 403
    assert client.get("/reroute/").status_code == 403


def test_the_talent_pool_lists_consenting_candidates_by_competency() -> None:
    w = world()
    client = signed_in(w.recruiter)
    assert "Grace Hopper" not in client.get("/talent-pool/").content.decode()
    consent(w)
    assert "Grace Hopper" in client.get("/talent-pool/?q=api").content.decode()
    assert "Grace Hopper" not in client.get("/talent-pool/?q=typescript").content.decode()
    # Another organization's pool never shows her.
    outsider = UserFactory(email="o@globex.example")
    other = world("globex", name="Globex")
    MembershipFactory(organization=other.org, user=outsider, role="recruiter")
    assert "Grace Hopper" not in signed_in(outsider).get("/talent-pool/").content.decode()


def test_pages_in_french() -> None:
    w = world()
    w.recruiter.language = "fr"
    w.recruiter.save()
    client = signed_in(w.recruiter)
    page = client.get(f"/applications/{w.application.pk}/").content.decode()
    assert "Autres postes ouverts qui lui correspondent" in page
    assert "Points forts\u00a0: Go, API design et Databases" not in page  # the candidate's language
    assert "Inviter à postuler" in page
    assert "Vivier de talents" in client.get("/talent-pool/").content.decode()


def test_the_reroute_command_prints_the_suggestions() -> None:
    import json
    from io import StringIO

    from django.core.management import call_command

    w = world()
    out = StringIO()
    call_command("reroute", "--org", "acme", "--json", stdout=out)
    (line,) = out.getvalue().splitlines()
    row = json.loads(line)
    assert row["candidate"] == "Grace Hopper"
    assert [s["job"] for s in row["suggestions"]] == [w.backend.title]
    assert row["suggestions"][0]["why"].startswith("Strong in")
    out = StringIO()
    call_command("reroute", "--org", "acme", "--job", str(w.backend.pk), stdout=out)
    assert out.getvalue() == ""
