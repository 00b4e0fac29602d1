"""Organizations made before the default reasons existed get them, once, if they have none."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from heardback.accounts.models import Organization
from heardback.feedback.engine import guard
from heardback.hiring.models import RejectionReason
from heardback.hiring.reason_services import default_reasons
from tests import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "heardback.hiring.migrations.0004_default_reasons_for_existing_orgs"
)


def test_an_organization_without_reasons_gets_the_defaults_and_others_keep_theirs(
    org: Organization, other_org: Organization
) -> None:
    RejectionReason.objects.filter(organization__in=[org, other_org]).delete()
    factories.RejectionReasonFactory(organization=other_org, name="Our own")
    migration.give_defaults(apps, None)
    assert set(
        RejectionReason.objects.filter(organization=org).values_list("category", flat=True)
    ) == set(RejectionReason.Category.values)
    assert list(
        RejectionReason.objects.filter(organization=other_org).values_list("name", flat=True)
    ) == ["Our own"]
    assert not RejectionReason.objects.get(organization=org, name="Spam").sends_note


def test_the_old_default_wordings_are_replaced_unless_an_admin_edited_them(
    org: Organization, other_org: Organization
) -> None:
    reword = importlib.import_module("heardback.hiring.migrations.0007_default_reason_wording")
    untouched = factories.RejectionReasonFactory(
        organization=org,
        name="Pay (old default)",
        category="compensation",
        explanation_en=reword.OLD_EN,
        explanation_fr=reword.OLD_FR,
    )
    edited = factories.RejectionReasonFactory(
        organization=other_org,
        name="Pay (edited)",
        category="compensation",
        explanation_en="We could not agree on pay.",
    )
    skills = factories.RejectionReasonFactory(
        organization=org,
        name="Skills (old default)",
        category="skills_gap",
        explanation_en=reword.SKILLS_EN,
        explanation_fr=reword.SKILLS_FR,
    )
    reword.reword(apps, None)
    untouched.refresh_from_db(), edited.refresh_from_db(), skills.refresh_from_db()
    assert (untouched.explanation_en, untouched.explanation_fr) == (reword.NEW_EN, reword.NEW_FR)
    assert edited.explanation_en == "We could not agree on pay."
    assert (skills.explanation_en, skills.explanation_fr) == ("", "")


def test_no_default_explanation_gives_the_guard_anything_to_say() -> None:
    """A new organization's French pay explanation drew a guard warning on every note that
    used it ("attentes salariales dépassent": internal reasoning on pay)."""
    for reason in default_reasons():
        for lang, text in (("en", reason.explanation_en), ("fr", reason.explanation_fr)):
            assert not guard.check(text, lang=lang), (lang, text)


def test_the_flagged_french_pay_default_is_replaced_unless_an_admin_edited_it(
    org: Organization, other_org: Organization
) -> None:
    reword = importlib.import_module("heardback.hiring.migrations.0008_default_pay_wording_fr")
    untouched = factories.RejectionReasonFactory(
        organization=org, name="Pay", category="compensation", explanation_fr=reword.OLD_FR
    )
    edited = factories.RejectionReasonFactory(
        organization=other_org, name="Pay", category="compensation", explanation_fr="Autre."
    )
    reword.reword(apps, None)
    untouched.refresh_from_db(), edited.refresh_from_db()
    assert untouched.explanation_fr == reword.NEW_FR
    assert edited.explanation_fr == "Autre."
    assert reword.NEW_FR in {r.explanation_fr for r in default_reasons()}
