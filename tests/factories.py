"""factory_boy factories for the Django models (engine inputs have their own builders)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from heardback.accounts.models import Membership, Organization, User
from heardback.hiring import models as hiring


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"org{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    sender_name = factory.SelfAttribute("name")
    sender_email = factory.LazyAttribute(lambda o: f"jobs@{o.slug}.example")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct horse battery staple")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.RECRUITER


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Job

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Backend Engineer {n}")
    department = "Engineering"
    location = "Remote"
    screening_criteria = "at least two years of production Python"


class CompetencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Competency

    job = factory.SubFactory(JobFactory)
    organization = factory.SelfAttribute("job.organization")
    name = factory.Sequence(lambda n: f"Competency {n}")
    bar = hiring.AttributeRating.YES
    descriptors = factory.LazyFunction(
        lambda: {
            "definitely_not": "did not yet show this skill",
            "no": "showed the basics of this skill",
            "mixed": "showed parts of this skill",
            "yes": "showed this skill clearly",
            "strong_yes": "showed this skill at an expert level",
        }
    )
    tips = "Practise with a small project and ask for a review."
    position = factory.Sequence(int)


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.PipelineStage

    job = factory.SubFactory(JobFactory)
    organization = factory.SelfAttribute("job.organization")
    name = factory.Sequence(lambda n: f"Stage {n}")
    position = factory.Sequence(int)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Candidate

    organization = factory.SubFactory(OrganizationFactory)
    first_name = factory.Sequence(lambda n: f"Ada{n}")
    last_name = "Lovelace"
    email = factory.Sequence(lambda n: f"candidate{n}@mail.example")


class RejectionReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.RejectionReason

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Reason {n}")
    category = hiring.RejectionReason.Category.SKILLS_GAP
    explanation_en = "The role needs more depth in the skills we assessed."
    explanation_fr = "Le poste demande davantage de maîtrise des compétences évaluées."


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Application

    organization = factory.SubFactory(OrganizationFactory)
    candidate = factory.SubFactory(
        CandidateFactory, organization=factory.SelfAttribute("..organization")
    )
    job = factory.SubFactory(JobFactory, organization=factory.SelfAttribute("..organization"))


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Interview

    application = factory.SubFactory(ApplicationFactory)
    organization = factory.SelfAttribute("application.organization")
    name = "Technical interview"
    kind = hiring.Interview.Kind.TECHNICAL
    scheduled_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3))


class ScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.Scorecard

    interview = factory.SubFactory(InterviewFactory)
    application = factory.SelfAttribute("interview.application")
    organization = factory.SelfAttribute("interview.organization")
    interviewer = factory.SubFactory(UserFactory)
    overall_recommendation = hiring.OverallRecommendation.YES
    submitted_at = factory.LazyFunction(timezone.now)


class ScorecardRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = hiring.ScorecardRating

    scorecard = factory.SubFactory(ScorecardFactory)
    competency = factory.SubFactory(
        CompetencyFactory, job=factory.SelfAttribute("..scorecard.application.job")
    )
    rating = hiring.AttributeRating.YES
    evidence = "Walked through the design calmly."
