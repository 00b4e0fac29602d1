"""A small organization for re-routing tests: a Go backend role applied for, another backend
role, a TypeScript frontend role, and a candidate rejected after strong Go interviews."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from heardback.accounts.models import Membership, Organization, User
from heardback.hiring.models import Application, Job
from tests.factories import (
    ApplicationFactory,
    CompetencyFactory,
    InterviewFactory,
    JobFactory,
    MembershipFactory,
    OrganizationFactory,
    RejectionReasonFactory,
    ScorecardFactory,
    ScorecardRatingFactory,
    UserFactory,
)


@dataclass
class World:
    org: Organization
    recruiter: User
    admin: User
    interviewer: User
    applied: Job
    backend: Job
    frontend: Job
    application: Application


def job(
    org: Organization, title: str, family: str, rubric: list[tuple[str, int]], **kw: object
) -> Job:
    made = JobFactory(organization=org, title=title, family=family, level=3, **kw)
    for name, weight in rubric:
        CompetencyFactory(job=made, name=name, weight=weight)
    return made


def world(slug: str = "acme", *, name: str = "Acme") -> World:
    org = OrganizationFactory(slug=slug, name=name)
    recruiter = UserFactory(email=f"recruiter@{slug}.example", full_name="Rita Recruiter")
    admin = UserFactory(email=f"admin@{slug}.example", full_name="Adam Admin")
    interviewer = UserFactory(email=f"interviewer@{slug}.example", full_name="Ian Interviewer")
    MembershipFactory(organization=org, user=recruiter, role=Membership.Role.RECRUITER)
    MembershipFactory(organization=org, user=admin, role=Membership.Role.ADMIN)
    MembershipFactory(organization=org, user=interviewer, role=Membership.Role.INTERVIEWER)
    applied = job(
        org, "Senior Go Engineer (Payments)", "Backend engineering",
        [("API design", 3), ("Go", 3), ("Databases", 2), ("Communication", 1)],
        description="Payment APIs in Go and PostgreSQL.",
    )  # fmt: skip
    backend = job(
        org, "Backend Engineer (Invoicing)", "Backend engineering",
        [("Go", 3), ("API design", 2), ("Databases", 2), ("Communication", 1)],
        description="Invoicing services in Go: APIs and PostgreSQL.",
    )  # fmt: skip
    frontend = job(
        org, "Frontend Engineer (TypeScript)", "Frontend engineering",
        [("TypeScript", 3), ("Accessibility", 2), ("API design", 1), ("Communication", 1)],
        description="Accessible React screens in TypeScript.",
    )  # fmt: skip
    application = ApplicationFactory(
        organization=org,
        job=applied,
        candidate__first_name="Grace",
        candidate__last_name="Hopper",
        candidate__email=f"grace@{slug}-mail.example",
        candidate__resume_text="Six years of Go and PostgreSQL; designed payment APIs.",
        status=Application.Status.REJECTED,
        decision=Application.Decision.REJECT,
        decided_at=timezone.now(),
        rejection_reason=RejectionReasonFactory(organization=org, category="stronger_candidate"),
    )
    interview = InterviewFactory(application=application)
    card = ScorecardFactory(interview=interview, interviewer=interviewer)
    ratings = {"API design": "strong_yes", "Go": "strong_yes", "Databases": "yes",
               "Communication": "yes"}  # fmt: skip
    for competency in applied.competencies.all():
        ScorecardRatingFactory(
            scorecard=card,
            competency=competency,
            rating=ratings[competency.name],
            evidence="PRIVATE-EVIDENCE",
            candidate_comment=f"You showed solid {competency.name}.",
        )
    return World(org, recruiter, admin, interviewer, applied, backend, frontend, application)
