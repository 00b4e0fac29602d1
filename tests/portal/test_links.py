"""Candidate links: unguessable, stored hashed, expiring, revocable, re-issued by email."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.fixtures import Settings

from heardback.accounts.models import AuditEvent, Organization, User
from heardback.core.links import PORTAL_URL_PLACEHOLDER, portal_links_replace
from heardback.outbox.models import OutboundEmail
from heardback.portal import services
from heardback.portal.models import CandidateLink
from heardback.portal.tokens import token_for
from tests import factories
from tests.portal.conftest import MakePortal, Portal, deliver_now, text_and_html

pytestmark = pytest.mark.django_db


def test_a_token_carries_256_random_looking_bits_in_url_safe_characters(candidate: Portal) -> None:
    raw = base64.urlsafe_b64decode(candidate.token + "=")

    assert len(raw) * 8 >= 128
    assert candidate.token.replace("-", "").replace("_", "").isalnum()


def test_the_raw_token_appears_in_no_column_of_any_portal_row(candidate: Portal) -> None:
    candidate.post("questions/", {"body": "When will I hear back?"})
    candidate.post("consents/", {"kind": "other_roles", "action": "grant"})
    candidate.post("rating/", {"score": "4", "comment": "Clear."})
    candidate.post(
        "survey/",
        {q: "5" for q in ("knew_where_they_stood", "respectful_of_time", "would_apply_again")},
    )
    candidate.post("erasure/")

    rows = [
        (model.__name__, field.attname, getattr(row, field.attname))
        for model in [*apps.get_app_config("portal").get_models(), AuditEvent]
        for row in model.objects.all()
        for field in model._meta.concrete_fields
    ]
    assert len({name for name, _, _ in rows}) == 7
    assert [(name, column) for name, column, value in rows if candidate.token in str(value)] == []


def test_the_token_is_recomputed_from_the_secret_so_the_database_alone_gives_no_link(
    candidate: Portal, settings: Settings
) -> None:
    link = candidate.link
    assert token_for(application_id=link.application_id, nonce=link.nonce) == candidate.token

    settings.SECRET_KEY = "another-secret"

    assert token_for(application_id=link.application_id, nonce=link.nonce) != candidate.token


def test_rotating_the_secret_retires_old_links_and_issues_working_new_ones(
    candidate: Portal, settings: Settings
) -> None:
    settings.SECRET_KEY = "rotated-secret"

    assert services.candidate_link_resolve(candidate.token) is None
    fresh = services.candidate_link_issue(application=candidate.application)
    assert fresh.pk != candidate.link.pk
    assert services.candidate_link_resolve(services.candidate_link_token(fresh)) == fresh


def test_issuing_again_reuses_the_live_link(candidate: Portal) -> None:
    again = services.candidate_link_issue(application=candidate.application)

    assert again.pk == candidate.link.pk
    assert CandidateLink.objects.count() == 1


def test_issuing_for_many_applications_keeps_live_links_and_issues_the_rest(
    candidate: Portal, org: Organization
) -> None:
    fresh = factories.ApplicationFactory.create_batch(3, organization=org)

    links = services.candidate_links_issue(applications=[candidate.application, *fresh])

    assert links[candidate.application.pk] == candidate.link
    assert CandidateLink.objects.count() == 4
    for application in fresh:
        link = links[application.pk]
        token = services.candidate_link_token(link)
        assert services.candidate_link_resolve(token) == link
        assert AuditEvent.objects.filter(
            action="portal.link_issue", object_id=str(link.pk), data__application=application.pk
        ).exists()


def test_issuing_a_batch_of_links_costs_the_same_queries_for_2_or_40(org: Organization) -> None:
    def queries_for(count: int) -> int:
        applications = factories.ApplicationFactory.create_batch(count, organization=org)
        with CaptureQueriesContext(connection) as queries:
            services.candidate_links_issue(applications=applications)
        return len(queries)

    assert queries_for(2) == queries_for(40)
    assert CandidateLink.objects.count() == 42


def test_a_link_expires_after_portal_link_days(make_portal: MakePortal, settings: Settings) -> None:
    settings.PORTAL_LINK_DAYS = 30
    portal = make_portal()
    assert portal.link.expires_at - portal.link.created_at == dt.timedelta(days=30)

    with time_machine.travel(timezone.now() + dt.timedelta(days=29), tick=False):
        assert services.candidate_link_resolve(portal.token) is not None
    with time_machine.travel(timezone.now() + dt.timedelta(days=31), tick=False):
        assert services.candidate_link_resolve(portal.token) is None
        fresh = services.candidate_link_issue(application=portal.application)
    assert fresh.nonce != portal.link.nonce


def test_a_revoked_link_stops_working_and_the_next_one_has_a_new_nonce(candidate: Portal) -> None:
    services.candidate_link_revoke(actor=None, link=candidate.link)

    assert services.candidate_link_resolve(candidate.token) is None
    fresh = services.candidate_link_issue(application=candidate.application)
    assert fresh.nonce != candidate.link.nonce
    assert services.candidate_link_token(fresh) != candidate.token
    assert AuditEvent.objects.filter(action="portal.link_revoke").count() == 1


def test_resolving_records_when_the_link_was_last_used(candidate: Portal) -> None:
    assert candidate.link.last_used_at is None

    link = services.candidate_link_resolve(candidate.token)

    assert link is not None
    assert CandidateLink.objects.get().last_used_at is not None


@pytest.mark.parametrize("token", ["", "short", "x" * 43 + "y", "<script>alert(1)</script>"])
def test_malformed_tokens_resolve_to_nothing(candidate: Portal, token: str) -> None:
    assert services.candidate_link_resolve(token) is None


def test_the_link_url_is_under_the_base_url(candidate: Portal, settings: Settings) -> None:
    settings.HEARDBACK_BASE_URL = "https://jobs.acme.example"

    assert services.candidate_link_url(candidate.link) == (
        f"https://jobs.acme.example/p/{candidate.token}/"
    )


# --- The placeholder ----------------------------------------------------------------------


def test_replace_puts_the_link_wherever_the_text_has_the_placeholder() -> None:
    text = f'Questions? {PORTAL_URL_PLACEHOLDER}\n<a href="{PORTAL_URL_PLACEHOLDER}">page</a>'
    url = "https://heardback.example/p/abc/"

    assert portal_links_replace(text, url) == f'Questions? {url}\n<a href="{url}">page</a>'


def test_replace_also_finds_a_placeholder_written_under_an_older_base_url() -> None:
    url = "https://heardback.example/p/abc/"

    assert (
        portal_links_replace("See (https://old.example/p/PORTAL-TOKEN/).", url) == f"See ({url})."
    )


def test_replace_without_a_placeholder_changes_nothing() -> None:
    assert portal_links_replace("Dear Ada, thank you.", "https://x.example/") == (
        "Dear Ada, thank you."
    )


# --- Re-issue by email --------------------------------------------------------------------


def test_reissue_emails_each_application_of_the_address_its_own_link(
    candidate: Portal, recruiter: User
) -> None:
    organization = candidate.application.organization
    second = factories.ApplicationFactory(
        organization=organization,
        candidate=candidate.application.candidate,
        job=factories.JobFactory(organization=organization, title="SRE", recruiter=recruiter),
    )

    assert services.candidate_link_reissue_request(email="  ADA@mail.example ") == 2

    emails = OutboundEmail.objects.filter(kind="portal_link").order_by("id")
    assert [e.to for e in emails] == ["Ada Lovelace <ada@mail.example>"] * 2
    assert all(e.reply_to == "Rita <rita@acme.example>" for e in emails)
    assert "SRE" in emails[0].text + emails[1].text
    sent = deliver_now()
    second_link = CandidateLink.objects.get(application=second)
    urls = {services.candidate_link_url(candidate.link), services.candidate_link_url(second_link)}
    assert {next(u for u in urls if u in text_and_html(m)) for m in sent} == urls


def test_reissue_sends_the_live_link_again_so_a_stranger_cannot_break_it(
    candidate: Portal,
) -> None:
    services.candidate_link_reissue_request(email="ada@mail.example")

    assert services.candidate_link_resolve(candidate.token) is not None
    [sent] = deliver_now()
    assert services.candidate_link_url(candidate.link) in sent.body


def test_reissue_sends_at_most_one_email_per_link_an_hour(candidate: Portal) -> None:
    for _ in range(5):
        services.candidate_link_reissue_request(email="ada@mail.example")

    assert OutboundEmail.objects.count() == 1


def test_reissue_for_an_unknown_address_sends_nothing(candidate: Portal) -> None:
    assert services.candidate_link_reissue_request(email="nobody@mail.example") == 0
    assert OutboundEmail.objects.count() == 0


def test_reissue_email_is_in_the_candidates_language(make_portal: MakePortal) -> None:
    make_portal(email="camille@mail.example", first_name="Camille", language="fr")

    services.candidate_link_reissue_request(email="camille@mail.example")

    email = OutboundEmail.objects.get()
    assert email.subject == "Votre lien personnel vers votre candidature chez Acme"
    assert email.text.startswith("Bonjour Camille,")


def test_replacing_a_link_revokes_it_and_emails_a_new_one(candidate: Portal) -> None:
    fresh = services.candidate_link_replace(link=candidate.link)

    assert services.candidate_link_resolve(candidate.token) is None
    [sent] = deliver_now()
    assert services.candidate_link_url(fresh) in text_and_html(sent)
    assert candidate.token not in text_and_html(sent)


def test_link_emails_carry_the_link_but_their_outbox_rows_never_do(candidate: Portal) -> None:
    services.candidate_link_reissue_request(email="ada@mail.example")

    [sent] = deliver_now()

    url = services.candidate_link_url(candidate.link)
    assert url in sent.body and f'href="{url}"' in text_and_html(sent)
    email = OutboundEmail.objects.get(kind="portal_link")
    assert email.status == "sent"
    assert candidate.token not in email.text + email.html
    assert PORTAL_URL_PLACEHOLDER in email.text
