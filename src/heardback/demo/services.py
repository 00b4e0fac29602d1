"""The demo organization: realistic, deterministic for a seed, fast at 10,000 applications.

Everything is generated from `random.Random(seed)` and a fixed anchor date, in a fixed
order, so the same seed and the same `today` always give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from heardback.accounts.models import AuditEvent, Membership, Organization, User
from heardback.demo import content
from heardback.hiring.models import (
    Application,
    Candidate,
    Competency,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)
from heardback.hiring.screening import TextScreen, scorecards_screen
from heardback.portal.models import CandidateLink, Consent

DEMO_SLUG = "demo"
# Who signs in: email -> (role, name) (data/organizations.toml).
DEMO_USERS = {p["email"]: (p["role"], p["name"]) for p in content.ORGANIZATION["people"]}
EXTRA_INTERVIEWERS = content.ORGANIZATION["interviewers"]
# The partner organization: another trade, in a partnership with the demo organization.
PARTNER_SLUG = "demo-partner"
PARTNER_USERS = {p["email"]: (p["role"], p["name"]) for p in content.PARTNER_ORGANIZATION["people"]}
# Of the rejected candidates with scorecards, the share who agreed on their page to be
# suggested to partner organizations; at most PARTNER_PROFILES of them (the large demo stays
# fast, and a pool of a few dozen reads like one).
PARTNER_SHARE = 0.2
PARTNER_PROFILES = 60
SIZES = {"small": 320, "large": 14_500}
SUBJECT = {"en": "you", "fr": "vous"}
# What a comment may speak of that only happens past a first call.
_ACTIVITY = re.compile(
    r"\b(exercises?|submission|role play|case study|pairing|whiteboard|take-home"
    r"|exercice|mise en situation|étude de cas|cas pratique)\b",
    re.IGNORECASE,
)
LEVELS: list[content.Rating] = list(content.RATINGS)
OVERALL = ["strong_no", "no", "no", "yes", "strong_yes"]


@dataclass
class DemoSummary:
    organization: Organization
    password: str
    counts: dict[str, int] = field(default_factory=dict)
    partner: Organization | None = None
    partner_profiles: int = 0  # the demo's candidates in the partner's pool
    invited: CandidateLink | None = None  # the page of a candidate with a partner's invitation


def _at(anchor: dt.datetime, days_ago: float, rng: random.Random) -> dt.datetime:
    # Interviews happen in working hours; keep them there so dates read naturally.
    moment = anchor - dt.timedelta(days=days_ago)
    return moment.replace(hour=rng.choice([9, 10, 11, 14, 15, 16]), minute=rng.choice([0, 30]))


def _delete_demo(slug: str = DEMO_SLUG) -> None:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        return
    # Bottom-up deletes: each is one SQL statement, unlike a cascade that loads every row.
    from heardback.feedback.models import FeedbackNote

    ScorecardRating.objects.filter(scorecard__organization=organization).delete()
    FeedbackNote.objects.filter(organization=organization).delete()
    Scorecard.objects.filter(organization=organization).delete()
    Interview.interviewers.through.objects.filter(interview__organization=organization).delete()
    Interview.objects.filter(organization=organization).delete()
    Application.objects.filter(organization=organization).delete()
    for model in (Candidate, RejectionReason, AuditEvent, Membership):
        model.objects.filter(organization=organization).delete()
    Competency.objects.filter(organization=organization).delete()
    PipelineStage.objects.filter(organization=organization).delete()
    Job.objects.filter(organization=organization).delete()
    organization.delete()


def _organization(slug: str, data: Any) -> Organization:
    """One demo organization from its data (organizations.toml)."""
    return Organization.objects.create(
        slug=slug,
        name=data["name"],
        sender_name=data["sender_name"],
        sender_email=data["sender_email"],
        time_zone=data["time_zone"],
        default_language="en",
        reapply_months=6,
    )


def _persona(email: str, name: str, password_hash: str) -> User:
    """A demo person, kept across re-runs (same address, same password)."""
    user, _ = User.objects.update_or_create(
        email=email, defaults={"full_name": name, "password": password_hash}
    )
    return user


def _users(password_hash: str) -> tuple[dict[str, User], list[User]]:
    by_role: dict[str, User] = {}
    people = []
    for email, (role, name) in DEMO_USERS.items():
        user = _persona(email, name, password_hash)
        by_role[role] = user
        people.append((user, role))
    interviewers = [by_role["interviewer"]]
    for name in EXTRA_INTERVIEWERS:
        email = _ascii(name.split()[0].lower().replace("ı", "i")) + "@demo.example"
        interviewers.append(_persona(email, name, password_hash))
    return by_role, interviewers


_JobRow = tuple[Job, content.JobSpec, list[PipelineStage], list[Competency]]


def _jobs_create(
    organization: Organization,
    specs: list[content.JobSpec],
    recruiter: User,
    hiring_managers: list[User],
) -> list[_JobRow]:
    """The jobs with their pipeline stages and rubrics."""
    jobs: list[_JobRow] = []
    for index, spec in enumerate(specs):
        job = Job.objects.create(
            organization=organization,
            title=spec["title"],
            department=spec["department"],
            location=spec["location"],
            language=spec["language"],
            status=spec.get("status", "open"),
            screening_criteria=spec["screening_criteria"],
            recruiter=recruiter,
            hiring_manager=hiring_managers[index % len(hiring_managers)],
            # What re-routing compares.
            family=spec["family"],
            level=spec["level"] or None,
            description=spec["description"],
        )
        stages = PipelineStage.objects.bulk_create(
            [
                PipelineStage(
                    organization=organization, job=job, name=stage["name"], kind=stage["kind"],
                    position=position,
                )
                for position, stage in enumerate(spec["stages"])
            ]
        )  # fmt: skip
        competencies = Competency.objects.bulk_create(
            [
                Competency(
                    organization=organization,
                    job=job,
                    name=c["name"],
                    description=c["description"],
                    weight=c["weight"],
                    bar=c["bar"],
                    # The rubric stores whole candidate-facing clauses ("you explain …").
                    descriptors={
                        level: f"{SUBJECT[spec['language']]} {text}"
                        for level, text in c["descriptors"].items()
                    },
                    tips=" ".join(c["tips"]),
                    position=position,
                )
                for position, c in enumerate(spec["competencies"])
            ]
        )
        jobs.append((job, spec, stages, competencies))
    return jobs


@transaction.atomic
def demo_create(
    *,
    seed: int = 1,
    size: str = "small",
    today: dt.date | None = None,
    password: str,
    progress: Callable[[str], object] | None = None,
) -> DemoSummary:
    """Replace the demo organization with a freshly generated one."""
    rng = random.Random(seed)
    say = progress or (lambda message: None)
    today = today or timezone.localdate()
    anchor = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
    n_applications = SIZES[size]

    say("Removing the previous demo organization…")
    _delete_demo()
    _delete_demo(PARTNER_SLUG)
    org_data = content.ORGANIZATION
    organization = _organization(DEMO_SLUG, org_data)
    password_hash = make_password(password)
    by_role, interviewers = _users(password_hash)
    hiring_managers = interviewers[1:3]
    Membership.objects.bulk_create(
        [Membership(organization=organization, user=u, role=r) for r, u in by_role.items()]
        + [
            Membership(
                organization=organization,
                user=user,
                role="hiring_manager" if user in hiring_managers else "interviewer",
            )
            for user in interviewers[1:]
        ]
    )
    recruiter = by_role["recruiter"]

    say("Creating jobs, rubrics and rejection reasons…")
    reasons = RejectionReason.objects.bulk_create(
        [
            RejectionReason(
                organization=organization,
                name=r["name"],
                category=r["category"],
                explanation_en=r["explanation_en"],
                explanation_fr=r["explanation_fr"],
                stages=r["stages"],
                sends_note=r.get("sends_note", True),
            )
            for r in content.REJECTION_REASONS
        ]
    )
    reasons_by_category: dict[str, list[_Reason]] = {}
    for reason, reason_spec in zip(reasons, content.REJECTION_REASONS, strict=True):
        reasons_by_category.setdefault(reason.category, []).append(
            _Reason(
                reason,
                frozenset(reason_spec["stages"]),
                frozenset(reason_spec.get("requires", ())),
            )
        )

    jobs = _jobs_create(organization, content.JOBS, recruiter, hiring_managers)

    say(f"Creating {n_applications} applications with interviews and scorecards…")
    builder = _Builder(rng, anchor, organization, interviewers, reasons_by_category, by_role)
    weights = [3 if job.status == Job.Status.OPEN else 1 for job, _, _, _ in jobs]
    for number in range(n_applications):
        job, spec, stages, competencies = rng.choices(jobs, weights=weights)[0]
        builder.application(job, spec, stages, competencies, number=number)
    builder.flush()
    summary = DemoSummary(organization=organization, password=password, counts=builder.counts)
    say("Creating the partner organization, its partnership and the candidates who agreed…")
    _partner_network(summary, rng, by_role["admin"], password_hash)
    return summary


def _partner_network(
    summary: DemoSummary, rng: random.Random, home_admin: User, password_hash: str
) -> None:
    """A second organization in a partnership with the demo one, the demo's rejected candidates
    who agreed to be suggested to partners (some with a location and languages), and one
    invitation from the partner waiting on a candidate's page. Through the services, as the
    admins and candidates would: audited on both sides."""
    from heardback.feedback.inputs import strengths_by_candidate
    from heardback.partners import services as partners
    from heardback.portal.services import candidate_links_issue, consent_grant

    home = summary.organization
    org_data = content.PARTNER_ORGANIZATION
    partner = _organization(PARTNER_SLUG, org_data)
    users: dict[str, User] = {}
    for email, (role, name) in PARTNER_USERS.items():
        users[role] = _persona(email, name, password_hash)
    Membership.objects.bulk_create(
        [Membership(organization=partner, user=u, role=r) for r, u in users.items()]
    )
    jobs = _jobs_create(partner, content.PARTNER_JOBS, users["recruiter"], [users["admin"]])
    partnership = partners.partnership_propose(
        actor=home_admin, organization=home, slug=PARTNER_SLUG
    )
    partners.partnership_accept(actor=users["admin"], partnership=partnership)

    # Who agreed: a share of the rejected candidates the interviewers rated, among those
    # strong in something (the only ones a partner's pool has anything to show of).
    rated = (
        Application.objects.filter(
            organization=home, status=Application.Status.REJECTED,
            scorecards__submitted_at__isnull=False,
        )
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )  # fmt: skip
    drawn = [pk for pk in rated if rng.random() < PARTNER_SHARE][: PARTNER_PROFILES * 2]
    applications = list(
        Application.objects.filter(pk__in=drawn).select_related("candidate", "job").order_by("pk")
    )
    strong = strengths_by_candidate(a.candidate_id for a in applications)
    agreeing = [a for a in applications if strong.get(a.candidate_id)][:PARTNER_PROFILES]
    links = candidate_links_issue(applications=agreeing)
    consents = []
    for application in agreeing:
        link = links[application.pk]
        link.organization = home
        consents.append(consent_grant(link=link, kind=Consent.Kind.PARTNERS))
        if rng.random() < 0.7:
            language: content.Language = "fr" if application.candidate.language == "fr" else "en"
            partners.partner_profile_update(
                link=link,
                location=rng.choice(content.PARTNER_LOCATIONS),
                languages=rng.choice(content.PARTNER_LANGUAGES[language]),
            )
    summary.partner, summary.partner_profiles = partner, len(consents)

    # The partner's recruiter found a backend engineer in the pool and invited them.
    job = jobs[0][0]
    invited = next(
        (
            (application, consent)
            for application, consent in zip(agreeing, consents, strict=True)
            if application.job.family == job.family and application.candidate.language == "en"
        ),
        next(zip(agreeing, consents, strict=True), None),
    )
    if invited is None:
        return
    partners.partner_invite(
        actor=users["recruiter"], organization=partner, ref=invited[1].pk, job_title=job.title,
        message=content.PARTNER_INVITATION_MESSAGE,
    )  # fmt: skip
    summary.invited = links[invited[0].pk]


@dataclass(frozen=True)
class _Reason:
    """A demo reason with what must be true of an application for it to be chosen."""

    reason: RejectionReason
    stages: frozenset[str]  # stage kinds; empty: every stage
    requires: frozenset[str]  # interview kinds that must have taken place

    def fits(self, stage_kind: str, kinds: set[str]) -> bool:
        return (not self.stages or stage_kind in self.stages) and self.requires <= kinds


class _Builder:
    """Accumulates rows in memory and writes them with a handful of bulk inserts."""

    def __init__(
        self,
        rng: random.Random,
        anchor: dt.datetime,
        organization: Organization,
        interviewers: list[User],
        reasons: dict[str, list[_Reason]],
        by_role: dict[str, User],
    ) -> None:
        self.rng = rng
        self.anchor = anchor
        self.organization = organization
        self.interviewers = interviewers
        self.reasons = reasons
        self.by_role = by_role
        self.counts = {"applications": 0, "interviews": 0, "scorecards": 0, "ratings": 0}
        self.pending: list[tuple[Candidate, Application, list[Any]]] = []
        # The guard's verdict on each submitted scorecard, stored as submission stores it.
        self.screen = TextScreen()

    def application(
        self,
        job: Job,
        spec: content.JobSpec,
        stages: list[PipelineStage],
        competencies: list[Competency],
        *,
        number: int,
    ) -> None:
        rng = self.rng
        pool_first, pool_last, fr_weight = rng.choice(content.NAME_POOLS)
        first, last = rng.choice(pool_first), rng.choice(pool_last)
        language = spec["language"] if spec["language"] == "fr" else (
            "fr" if rng.random() < fr_weight * 0.5 else "en"
        )  # fmt: skip
        slug = f"{first}.{last}".lower().replace(" ", "")
        candidate = Candidate(
            organization=self.organization,
            first_name=first,
            last_name=last,
            email=f"{_ascii(slug)}.{number}@candidates.example",
            language=language,
            phone="+33 6 " + " ".join(str(rng.randint(10, 99)) for _ in range(4)),
        )

        # Where the candidate got to and how it ended.
        reached = min(int(rng.triangular(0, len(stages) - 1, 1.2)), len(stages) - 1)
        outcomes = ["active", "rejected", "withdrawn", "hired"]
        outcome = rng.choices(outcomes, weights=[30, 58, 8, 4])[0]
        if outcome == "hired":
            reached = len(stages) - 1
        if job.status != Job.Status.OPEN and outcome == "active":
            outcome = "rejected"
        # A latent skill level per competency; interviewers see it through their own noise.
        talent = rng.gauss(3.2, 0.8)
        latent = {c.pk: talent + rng.gauss(0, 0.7) for c in competencies}
        applied = self.anchor - dt.timedelta(days=rng.uniform(8, 120))

        interviews: list[Any] = []
        day = 0.0
        days_span = (self.anchor - applied).days
        for stage_index in range(reached + 1):
            for plan in spec["interviews"]:
                if plan["stage"] != stage_index:
                    continue
                day += rng.uniform(2, 6)
                when = _at(self.anchor, max(days_span - day, 0.5), rng)
                panel = rng.sample(
                    self.interviewers, k=1 if plan["kind"] == "screen" else rng.choice([1, 2, 2])
                )
                interviews.append((plan, when, panel))

        built = []
        for position, (plan, when, panel) in enumerate(interviews):
            interview = Interview(
                organization=self.organization,
                name=plan["name"],
                kind=plan["kind"],
                scheduled_at=when,
            )
            covered = self._covered(competencies, position, len(interviews))
            is_last = position == len(interviews) - 1
            scorecards = []
            for interviewer in panel:
                # Still-active candidates at their latest interview: some scorecards are late.
                submitted = not (outcome == "active" and is_last and rng.random() < 0.45)
                scorecards.append(
                    (interviewer, submitted, self._ratings(covered, latent, spec, plan["kind"]))
                )
            built.append((interview, panel, scorecards))
        decided_at = None
        reason = None
        if outcome in ("rejected", "withdrawn", "hired") or job.status != Job.Status.OPEN:
            decided_at = (interviews[-1][1] if interviews else applied) + dt.timedelta(
                days=rng.uniform(1, 6)
            )
            decided_at = min(decided_at, self.anchor - dt.timedelta(hours=2))
        if outcome == "rejected":
            # The reason follows from what the interviewers recorded, at the stage reached.
            reason = self._reason(job, stages[reached], interviews, built)
        elif outcome == "withdrawn":
            reason = rng.choice(self.reasons["withdrew"]).reason

        application = Application(
            organization=self.organization,
            job=job,
            stage=stages[reached],
            status={
                "active": "active",
                "rejected": "rejected",
                "withdrawn": "withdrawn",
                "hired": "hired",
            }[outcome],
            decision={
                "active": "advance" if reached else "pending",
                "rejected": "reject",
                "withdrawn": "pending",
                "hired": "hire",
            }[outcome],
            decided_at=decided_at if outcome in ("rejected", "hired") else None,
            decided_by=self.by_role["recruiter"] if outcome in ("rejected", "hired") else None,
            rejection_reason=reason,
            source=rng.choice(content.SOURCES),
            applied_at=applied,
            last_activity_at=decided_at or (interviews[-1][1] if interviews else applied),
        )
        self.pending.append((candidate, application, built))
        if len(self.pending) >= 1000:
            self.flush()

    def _reason(
        self,
        job: Job,
        stage: PipelineStage,
        interviews: list[Any],
        built: list[Any],
    ) -> RejectionReason:
        """A reason that is true of this application: its category agrees with the ratings
        (a skills gap only with a rating below the bar, another candidate only at the final
        stage) and its explanation fits the stage reached and the interviews held."""
        rng = self.rng
        kinds = {plan["kind"] for plan, _, _ in interviews}
        # Where a competency the interviewers together rated below its bar was rated below it.
        rated: list[tuple[str, Competency, int]] = [
            (plan["kind"], row["competency"], LEVELS.index(row["rating"]))
            for (plan, _, _), (_, _, cards) in zip(interviews, built, strict=True)
            for _, submitted, rows in cards
            if submitted
            for row in rows
            if row["rating"]
        ]
        scores: dict[int, list[int]] = {}
        for _, competency, score in rated:
            scores.setdefault(competency.pk, []).append(score)
        bars = {c.pk: LEVELS.index(c.bar) for _, c, _ in rated}  # type: ignore[arg-type]
        below = {pk for pk, got in scores.items() if sum(got) / len(got) < bars[pk]}
        below_in = {kind for kind, c, score in rated if c.pk in below and score < bars[c.pk]}
        if job.status != Job.Status.OPEN and rng.random() < 0.7:
            category = "role_closed"
        elif not interviews:
            category = rng.choices(["experience_level", "location", "other"], weights=[70, 18, 12])[
                0
            ]
        elif below_in and stage.kind in (PipelineStage.Kind.FINAL, PipelineStage.Kind.OFFER):
            # A finalist with a gap may still have lost to someone who fit better.
            category = rng.choices(
                ["skills_gap", "stronger_candidate", "experience_level", "compensation", "other"],
                weights=[45, 30, 13, 6, 6],
            )[0]
        elif below_in:
            category = rng.choices(
                ["skills_gap", "experience_level", "compensation", "logistics", "other"],
                weights=[60, 20, 8, 6, 6],
            )[0]
        elif stage.kind in (PipelineStage.Kind.FINAL, PipelineStage.Kind.OFFER):
            category = rng.choices(
                ["stronger_candidate", "compensation", "location", "logistics"],
                weights=[70, 12, 10, 8],
            )[0]
        elif stage.kind == PipelineStage.Kind.SCREEN:
            category = rng.choices(
                ["experience_level", "compensation", "location", "logistics"],
                weights=[40, 25, 20, 15],
            )[0]
        else:
            category = rng.choices(["compensation", "location", "logistics"], weights=[45, 30, 25])[
                0
            ]
        # A skills gap blamed on an exercise needs a rating below the bar in that exercise.
        seen = below_in if category == "skills_gap" else kinds
        fitting = [r for r in self.reasons[category] if r.fits(stage.kind, seen)]
        if not fitting:
            fitting = [r for r in self.reasons["other"] if r.fits(stage.kind, kinds)]
        return rng.choice(fitting).reason

    def _covered(
        self, competencies: list[Competency], position: int, total: int
    ) -> list[Competency]:
        # Each interview assesses a slice of the rubric; together they cover all of it.
        if total <= 1:
            return competencies
        size = max(2, -(-len(competencies) // total) + 1)
        start = (position * len(competencies)) // total
        return [
            competencies[(start + k) % len(competencies)]
            for k in range(min(size, len(competencies)))
        ]

    def _ratings(
        self,
        covered: list[Competency],
        latent: dict[int, float],
        spec: content.JobSpec,
        kind: str,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        harsh = rng.gauss(0, 0.45)  # each interviewer's own calibration
        rows = []
        for competency in covered:
            if rng.random() < 0.04:
                rows.append({"competency": competency, "rating": "", "evidence": "", "comment": ""})
                continue
            score = latent[competency.pk] + harsh + rng.gauss(0, 0.35)
            if rng.random() < 0.03:  # a genuine disagreement
                score = 5 if score < 3 else 1
            level = LEVELS[min(4, max(0, round(score) - 1))]
            evidence = rng.choice(content.EVIDENCE[competency.name][level])
            comments = content.CANDIDATE_COMMENTS[competency.name].get(level, [])
            comment = rng.choice(comments) if comments and rng.random() < 0.55 else ""
            if kind == Interview.Kind.SCREEN and _ACTIVITY.search(comment):
                comment = ""  # a first call has no exercise, submission or role play to speak of
            rows.append(
                {
                    "competency": competency,
                    "rating": level,
                    "evidence": evidence,
                    "comment": comment,
                }
            )
        return rows

    def flush(self) -> None:
        if not self.pending:
            return
        rng = self.rng
        candidates = Candidate.objects.bulk_create([c for c, _, _ in self.pending])
        applications = []
        for candidate, (_, application, _) in zip(candidates, self.pending, strict=True):
            application.candidate = candidate
            applications.append(application)
        Application.objects.bulk_create(applications)
        interviews = []
        for application, (_, _, built) in zip(applications, self.pending, strict=True):
            for interview, _, _ in built:
                interview.application = application
                interviews.append(interview)
        Interview.objects.bulk_create(interviews)
        through = Interview.interviewers.through
        links = []
        scorecards = []
        rating_rows: list[tuple[Scorecard, list[dict[str, Any]]]] = []
        for application, (_, _, built) in zip(applications, self.pending, strict=True):
            for interview, panel, cards in built:
                for user in panel:
                    links.append(through(interview_id=interview.pk, user_id=user.pk))
                for interviewer, submitted, ratings in cards:
                    rated = [LEVELS.index(r["rating"]) for r in ratings if r["rating"]]
                    mean = sum(rated) / len(rated) if rated else 2
                    scorecard = Scorecard(
                        organization=self.organization,
                        interview=interview,
                        application=application,
                        interviewer=interviewer,
                        overall_recommendation=OVERALL[min(4, round(mean))]
                        if submitted
                        else "no_decision",
                        key_takeaways=rng.choice(content.KEY_TAKEAWAYS) if submitted else "",
                        private_notes=rng.choice(content.PRIVATE_NOTES)
                        if submitted and rng.random() < 0.2
                        else "",
                        submitted_at=(
                            interview.scheduled_at + dt.timedelta(hours=rng.uniform(1, 30))
                        )
                        if submitted
                        else None,
                    )
                    scorecards.append(scorecard)
                    rating_rows.append((scorecard, ratings if submitted else []))
        through.objects.bulk_create(links, batch_size=2000)
        Scorecard.objects.bulk_create(scorecards, batch_size=2000)
        ratings_out = [
            ScorecardRating(
                scorecard=scorecard,
                competency=row["competency"],
                rating=row["rating"],
                rating_raw=row["rating"],
                evidence=row["evidence"],
                candidate_comment=row["comment"],
            )
            for scorecard, rows in rating_rows
            for row in rows
        ]
        ScorecardRating.objects.bulk_create(ratings_out, batch_size=2000)
        scorecards_screen(scorecards, self.screen)
        self.counts["applications"] += len(applications)
        self.counts["interviews"] += len(interviews)
        self.counts["scorecards"] += len(scorecards)
        self.counts["ratings"] += len(ratings_out)
        self.pending = []


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in ".-"))
