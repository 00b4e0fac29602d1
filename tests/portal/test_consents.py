"""Consents: dated, expiring after 12 months, withdrawable, every change audited."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from pytest_django.fixtures import Settings

from heardback.accounts.models import AuditEvent
from heardback.portal import services
from heardback.portal.models import Consent
from tests.portal.conftest import MakePortal, Portal

pytestmark = pytest.mark.django_db


def grant(candidate: Portal, kind: str = "other_roles") -> object:
    return candidate.post("consents/", {"kind": kind, "action": "grant"})


def withdraw(candidate: Portal, kind: str = "other_roles") -> object:
    return candidate.post("consents/", {"kind": kind, "action": "withdraw"})


def test_granting_consent_records_its_date_and_twelve_month_expiry_and_audits_it(
    candidate: Portal,
) -> None:
    response = grant(candidate)

    assert response.status_code == 302  # type: ignore[attr-defined]
    consent = Consent.objects.get()
    assert consent.candidate == candidate.application.candidate
    assert consent.kind == "other_roles"
    assert consent.expires_at - consent.granted_at == dt.timedelta(days=365)
    event = AuditEvent.objects.get(action="portal.consent_grant")
    assert event.actor is None
    assert event.data["via"] == "candidate via portal"
    assert event.data["kind"] == "other_roles"
    page = candidate.get().content.decode()
    assert "Yes, since" in page and "Withdraw my agreement" in page


def test_withdrawing_consent_dates_it_and_audits_it(candidate: Portal) -> None:
    grant(candidate, "partners")

    withdraw(candidate, "partners")

    consent = Consent.objects.get()
    assert consent.withdrawn_at is not None
    event = AuditEvent.objects.get(action="portal.consent_withdraw")
    assert (event.actor, event.data["via"], event.object_id) == (
        None,
        "candidate via portal",
        str(consent.pk),
    )


def test_the_two_consents_are_independent(candidate: Portal) -> None:
    grant(candidate, "other_roles")
    grant(candidate, "partners")
    withdraw(candidate, "partners")

    live = Consent.objects.filter(withdrawn_at__isnull=True).values_list("kind", flat=True)
    assert list(live) == ["other_roles"]


def test_granting_twice_keeps_one_live_consent(candidate: Portal) -> None:
    grant(candidate)
    grant(candidate)

    assert Consent.objects.count() == 1
    assert AuditEvent.objects.filter(action="portal.consent_grant").count() == 1


def test_an_expired_consent_counts_as_no_and_can_be_granted_again(
    make_portal: MakePortal, settings: Settings
) -> None:
    settings.PORTAL_LINK_DAYS = 800
    candidate = make_portal()
    grant(candidate)

    with time_machine.travel(timezone.now() + dt.timedelta(days=366), tick=False):
        page = candidate.get().content.decode()
        assert "Yes, since" not in page
        grant(candidate)

    assert Consent.objects.count() == 2


def test_withdrawing_without_consent_changes_nothing(candidate: Portal) -> None:
    withdraw(candidate)

    assert Consent.objects.count() == 0
    assert not AuditEvent.objects.filter(action="portal.consent_withdraw").exists()


def test_an_unknown_kind_is_refused(candidate: Portal) -> None:
    response = candidate.post("consents/", {"kind": "newsletter", "action": "grant"})

    assert response.status_code == 400  # type: ignore[attr-defined]
    assert Consent.objects.count() == 0


def test_consent_lasts_the_months_the_page_promises(candidate: Portal) -> None:
    assert services.CONSENT_MONTHS == 12
    assert "Each choice lasts 12 months" in candidate.get().content.decode()


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "never your name or contact details"), ("fr", "jamais votre nom ni vos coordonnées")],
)
def test_the_partners_choice_says_what_a_partner_would_see(
    make_portal: MakePortal, language: str, said: str
) -> None:
    candidate = make_portal(language=language)
    page = candidate.get().content.decode()
    choice = page[page.index('id="consent-partners"') :]
    choice = choice[: choice.index("</li>")]
    assert said in choice
