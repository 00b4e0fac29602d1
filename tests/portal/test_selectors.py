"""Portal analytics: counts and means the organization's dashboard will read."""

from __future__ import annotations

import pytest

from heardback.accounts.models import Organization, User
from heardback.portal import selectors
from tests.portal.conftest import MakePortal

pytestmark = pytest.mark.django_db


def test_the_summary_counts_and_averages_ratings_surveys_questions_and_consents(
    make_portal: MakePortal, org: Organization, recruiter: User
) -> None:
    ada = make_portal()
    grace = make_portal(first_name="Grace", email="grace@mail.example")
    ada.post("rating/", {"score": "4"})
    grace.post("rating/", {"score": "5"})
    ada.post(
        "survey/",
        {"knew_where_they_stood": "2", "respectful_of_time": "4", "would_apply_again": "5"},
    )
    grace.post(
        "survey/",
        {"knew_where_they_stood": "3", "respectful_of_time": "4", "would_apply_again": "4"},
    )
    ada.post("questions/", {"body": "Why?"})
    ada.post("consents/", {"kind": "partners", "action": "grant"})

    summary = selectors.portal_feedback_summary(org)

    assert summary == {
        "feedback_ratings": {
            "count": 2,
            "mean": 4.5,
            "distribution": {1: 0, 2: 0, 3: 0, 4: 1, 5: 1},
        },
        "survey": {
            "count": 2,
            "means": {
                "knew_where_they_stood": 2.5,
                "respectful_of_time": 4.0,
                "would_apply_again": 4.5,
            },
        },
        "questions": {"asked": 1, "answered": 0},
        "consents": {"other_roles": 0, "partners": 1},
    }


def test_the_summary_of_an_organization_without_answers_is_empty_not_an_error(
    other_org: Organization, make_portal: MakePortal
) -> None:
    make_portal().post("rating/", {"score": "1"})

    summary = selectors.portal_feedback_summary(other_org)

    assert summary["feedback_ratings"]["count"] == 0
    assert summary["feedback_ratings"]["mean"] is None
    assert summary["survey"]["means"]["would_apply_again"] is None
