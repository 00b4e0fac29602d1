"""Upsert a `Bundle` into one organization: keyed by source and external id, in bulk.

Existing rows are loaded once per model into dicts (never one query per record), compared field
by field, then written with bulk_create / bulk_update, so an identical re-import writes nothing
and reports every object as unchanged.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import models

from heardback.accounts.models import Invitation, Membership, Organization, User
from heardback.hiring.models import (
    Application,
    Candidate,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
)
from heardback.integrations.importers.base import (
    BATCH,
    ImportAborted,
    ImportReport,
    ProgressCallback,
)
from heardback.integrations.importers.normalize import guess_kind, name_key
from heardback.integrations.importers.records import ApplicationRec, Bundle, UserRec
from heardback.integrations.importers.scorecards import write_interviews, write_scorecards

M = TypeVar("M", bound=models.Model)
STAGE_KINDS = (
    # (keyword in the stage name, kind); first match wins, "interview" otherwise.
    ("offer", "offer"),
    ("proposition", "offer"),
    ("application review", "application_review"),
    ("review application", "application_review"),
    ("candidature", "application_review"),
    ("applied", "application_review"),
    ("new", "application_review"),
    ("lead", "application_review"),
    ("screen", "screen"),
    ("phone", "screen"),
    ("échange", "screen"),
    ("final", "final"),
    ("onsite", "final"),
    ("on-site", "final"),
    ("face to face", "final"),
)
STAGE_KIND_ORDER = ["application_review", "screen", "interview", "final", "offer"]


class BundleWriter:
    def __init__(
        self,
        report: ImportReport,
        source: str,
        bundle: Bundle,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.report = report
        self.org: Organization = report.organization
        self.source = source
        self.bundle = bundle
        self.progress = progress
        self._stored_scorecards: list[StoredScorecard] | None = None

    # -- shared helpers --------------------------------------------------------------------------

    def _say(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def stored_scorecards(self) -> list[StoredScorecard]:
        """Every scorecard of the organization, read once: (pk, id in this source, interview,
        interviewer). Tells who wrote a scorecard and where it sits, whatever the dump says."""
        if self._stored_scorecards is None:
            rows = Scorecard.objects.filter(organization=self.org).values_list(
                "pk", "external_ids", "interview_id", "interviewer_id"
            )
            self._stored_scorecards = [
                StoredScorecard(pk, _source_id(ids, self.source), interview, interviewer)
                for pk, ids, interview, interviewer in rows.iterator(chunk_size=2000)
            ]
        return self._stored_scorecards

    def _existing(self, model: type[M], **filters: Any) -> dict[str, M]:
        queryset = model._default_manager.filter(
            organization=self.org, external_ids__has_key=self.source, **filters
        )
        return {str(obj.external_ids[self.source]): obj for obj in queryset}  # type: ignore[attr-defined]

    def upsert(
        self,
        object_type: str,
        model: type[M],
        existing: dict[str, M],
        rows: Iterable[tuple[str, dict[str, Any], dict[str, Any]]],
    ) -> dict[str, M]:
        """Create or update each (external id, owned fields, create-only fields) row."""
        created: list[M] = []
        updated: list[M] = []
        changed_fields: set[str] = set()
        result: dict[str, M] = {}
        for ext, values, on_create in rows:
            obj = existing.get(ext)
            if obj is None:
                fields = {**on_create, **values}
                obj = model(organization=self.org, external_ids={self.source: ext}, **fields)
                created.append(obj)
            else:
                changed = self._apply(obj, ext, values)
                if changed:
                    updated.append(obj)
                    changed_fields.update(changed)
            result[ext] = obj
        self._say(f"Writing {object_type}", 0, len(result))
        model._default_manager.bulk_create(created, batch_size=BATCH)
        if updated:
            model._default_manager.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
        self.report.count(object_type, "created", len(created))
        self.report.count(object_type, "updated", len(updated))
        self.report.count(object_type, "unchanged", len(result) - len(created) - len(updated))
        self._say(f"Writing {object_type}", len(result), len(result))
        return result

    def _apply(self, obj: models.Model, ext: str, values: dict[str, Any]) -> list[str]:
        changed = []
        ids: dict[str, str] = obj.external_ids  # type: ignore[attr-defined]
        if ids.get(self.source) != ext:
            obj.external_ids = {**ids, self.source: ext}  # type: ignore[attr-defined]
            changed.append("external_ids")
        # Callers leave out what the source does not say, so the stored value stays.
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                changed.append(name)
        return changed

    # -- the run ---------------------------------------------------------------------------------

    def write(self) -> None:
        # Two imports into one organization take turns (PostgreSQL; SQLite has one writer
        # anyway): the second then sees what the first created instead of creating it again.
        Organization.objects.select_for_update().filter(pk=self.org.pk).first()
        existing_applications = self._existing(Application)
        existing_interviews = self._existing(Interview)
        self._check_references(existing_applications, existing_interviews)
        if not self.report.ok:
            raise ImportAborted
        users = self._users()
        jobs = self._jobs()
        stages = self._stages(jobs)
        reasons = self._reasons()
        candidates = self._candidates()
        applications = self._applications(existing_applications, candidates, jobs, stages, reasons)
        if not self.report.ok:
            raise ImportAborted
        interviews = write_interviews(self, existing_interviews, applications, users)
        write_scorecards(self, applications, interviews, users)

    def _check_references(
        self, applications: dict[str, Application], interviews: dict[str, Interview]
    ) -> None:
        """Every id a record points to must be in the dump or already imported."""
        bundle = self.bundle
        known_candidates = self._existing_keys(Candidate) | bundle.candidates.keys()
        known_jobs = self._existing_keys(Job) | bundle.jobs.keys()
        known_reasons = self._existing_keys(RejectionReason) | bundle.reasons.keys()
        for app in bundle.applications.values():
            for kind, ref, known in (
                ("candidate", app.candidate, known_candidates),
                ("job", app.job, known_jobs),
                ("rejection reason", app.rejection_reason, known_reasons),
            ):
                if ref is not None and ref not in known:
                    self._dangling(app.origin, kind, ref)
        known_apps = applications.keys() | bundle.applications.keys() | bundle.skipped_applications
        refs = [(i.origin, i.application) for i in bundle.interviews.values()]
        refs += [(s.origin, s.application) for s in bundle.scorecards.values()]
        for origin, application in refs:
            if application not in known_apps:
                self._dangling(origin, "application", application)
        known_interviews = interviews.keys() | bundle.interviews.keys()
        for card in bundle.scorecards.values():
            if card.interview not in known_interviews:
                self._dangling(card.origin, "interview", card.interview)

    def _existing_keys(self, model: type[models.Model]) -> set[str]:
        rows = model._default_manager.filter(
            organization=self.org, external_ids__has_key=self.source
        ).values_list("external_ids", flat=True)
        return {str(ids[self.source]) for ids in rows}

    def _dangling(self, origin: tuple[str, str], kind: str, ref: str) -> None:
        self.report.error(
            origin[0], origin[1], kind, f"points to {kind} {ref}, which is neither in the "
            "files nor imported before",
        )  # fmt: skip

    # -- people ----------------------------------------------------------------------------------

    def _users(self) -> dict[str, User]:
        """Interviewers by the source's key, matched among this organization's members only.

        Someone the organization does not know yet becomes an account of this organization
        alone (an address under .invalid, no password) with an invitation, unsent, to the
        address the dump gives: nobody joins because a file names them, no existing account
        anywhere is touched, and the report reads the same whether the address has one or not.
        """
        recs = list(self.bundle.users.values())
        members = {
            u.email: u
            for u in User.objects.filter(memberships__organization=self.org).only(
                "pk", "email", "full_name"
            )
        }
        earlier = self._earlier_authors(recs, members)
        unusable = make_password(None)
        by_key: dict[str, User] = {}
        new_users: list[User] = []
        to_invite: list[tuple[User, UserRec]] = []
        for rec in recs:
            real = "" if rec.email == rec.placeholder_email else rec.email.lower()
            local = self._placeholder(rec)
            user = (
                members.get(real)
                or members.get(local)
                # A placeholder made before addresses were per organization: only if it is ours.
                or members.get(rec.placeholder_email)
                or earlier.get(rec.key)
            )
            if user is None:
                user = User(email=local, full_name=rec.name[:200], password=unusable)
                new_users.append(user)
                members[local] = user
            if real and user.email != real and user.email.endswith(".invalid"):
                to_invite.append((user, rec))
            by_key[rec.key] = user
        User.objects.bulk_create(new_users, batch_size=BATCH)
        self.report.count("users", "created", len(new_users))
        unique = {u.pk for u in by_key.values()}
        self.report.count("users", "unchanged", len(unique) - len(new_users))
        self._memberships(unique)
        self._invitations(to_invite)
        return by_key

    def _placeholder(self, rec: UserRec) -> str:
        """This organization's own address for someone the dump knows: never another's."""
        local = rec.placeholder_email.partition("@")[0] if rec.placeholder_email else ""
        if not local:
            digest = hashlib.sha256(rec.key.lower().encode()).hexdigest()[:16]
            local = f"{self.source}-user-{digest}"
        return f"{local}@org-{self.org.pk}.import.invalid"

    def _invitations(self, people: list[tuple[User, UserRec]]) -> None:
        """An unsent invitation per imported address: an admin decides to send it."""
        open_for = set(
            Invitation.objects.filter(
                organization=self.org, accepted_at=None, revoked_at=None
            ).values_list("email", flat=True)
        )
        new = []
        for user, rec in people:
            email = rec.email.lower()
            if email in open_for:
                continue
            open_for.add(email)
            new.append(
                Invitation(
                    organization=self.org,
                    email=email,
                    role=Membership.Role.INTERVIEWER,
                    full_name=rec.name[:200],
                    placeholder=user,
                )
            )
        Invitation.objects.bulk_create(new, batch_size=BATCH)
        self.report.count("invitations", "created", len(new))

    def _earlier_authors(self, recs: list[UserRec], found: dict[str, User]) -> dict[str, User]:
        """People this dump knows only by id, matched to who wrote their scorecards last time.

        A Greenhouse interviewer's email may come only from scheduled_interviews.json: a dump
        without it must not swap a known interviewer for a placeholder user.
        """
        unknown = {
            r.key
            for r in recs
            if r.email == r.placeholder_email
            and r.placeholder_email not in found
            and self._placeholder(r) not in found
        }
        if not unknown:
            return {}
        writer_of = {s.ext: s.interviewer_id for s in self.stored_scorecards() if s.ext}
        authors: dict[str, set[int]] = defaultdict(set)
        for card in self.bundle.scorecards.values():
            if card.interviewer in unknown and card.ext in writer_of:
                authors[card.interviewer].add(writer_of[card.ext])
        chosen = {key: pks.pop() for key, pks in authors.items() if len(pks) == 1}
        users = User.objects.in_bulk(set(chosen.values()))
        return {key: users[pk] for key, pk in chosen.items() if pk in users}

    def _memberships(self, user_ids: set[int]) -> None:
        members = set(
            Membership.objects.filter(organization=self.org).values_list("user_id", flat=True)
        )
        missing = sorted(user_ids - members)
        Membership.objects.bulk_create(
            [Membership(organization=self.org, user_id=pk, role="interviewer") for pk in missing],
            batch_size=BATCH,
        )
        self.report.count("memberships", "created", len(missing))
        self.report.count("memberships", "unchanged", len(user_ids) - len(missing))

    # -- jobs, stages, reasons -------------------------------------------------------------------

    def _jobs(self) -> dict[str, Job]:
        rows = (
            (
                j.ext,
                {
                    "title": j.title[:200],
                    "department": j.department[:200],
                    "location": j.location[:200],
                    "status": j.status,
                },
                {"language": self.org.default_language},
            )
            for j in self.bundle.jobs.values()
        )
        jobs = self.upsert("jobs", Job, self._existing(Job), rows)
        # Jobs imported earlier that this dump only refers to.
        missing = {a.job for a in self.bundle.applications.values()} - jobs.keys()
        if missing:
            jobs.update({k: v for k, v in self._existing(Job).items() if k in missing})
        return jobs

    def _stages(self, jobs: dict[str, Job]) -> dict[tuple[str, str], PipelineStage]:
        """Pipeline stages per job; new ones are appended after the recruiter's own."""
        all_stages = list(PipelineStage.objects.filter(organization=self.org))
        by_ext = {
            (s.job_id, str(s.external_ids[self.source])): s
            for s in all_stages
            if self.source in s.external_ids
        }
        by_name = {(s.job_id, name_key(s.name)): s for s in all_stages}
        next_position: dict[int, int] = defaultdict(int)
        for s in all_stages:
            next_position[s.job_id] = max(next_position[s.job_id], s.position + 1)
        recs = sorted(
            (r for r in self.bundle.stages.values() if r.job in jobs),
            key=lambda r: (
                r.job,
                r.order if r.order is not None else 1_000,
                STAGE_KIND_ORDER.index(guess_kind(r.name, STAGE_KINDS, "interview")),
                r.name,
            ),
        )
        result: dict[tuple[str, str], PipelineStage] = {}
        created, updated = [], []
        for rec in recs:
            job = jobs[rec.job]
            stage = by_ext.get((job.pk, rec.ext)) or by_name.get((job.pk, name_key(rec.name)))
            if stage is None:
                stage = PipelineStage(
                    organization=self.org,
                    job=job,
                    name=_unique_name(rec.name[:200], job.pk, by_name),
                    kind=guess_kind(rec.name, STAGE_KINDS, "interview"),
                    position=next_position[job.pk],
                    external_ids={self.source: rec.ext},
                )
                next_position[job.pk] += 1
                by_name[(job.pk, name_key(stage.name))] = stage
                created.append(stage)
            elif stage.external_ids.get(self.source) != rec.ext:
                stage.external_ids = {**stage.external_ids, self.source: rec.ext}
                updated.append(stage)
            result[(rec.job, rec.ext)] = stage
        PipelineStage.objects.bulk_create(created, batch_size=BATCH)
        PipelineStage.objects.bulk_update(updated, ["external_ids"], batch_size=BATCH)
        self.report.count("stages", "created", len(created))
        self.report.count("stages", "updated", len(updated))
        self.report.count("stages", "unchanged", len(result) - len(created) - len(updated))
        return result

    def _reasons(self) -> dict[str, RejectionReason]:
        existing = self._existing(RejectionReason)
        by_name = {
            name_key(r.name): r for r in RejectionReason.objects.filter(organization=self.org)
        }
        rows = []
        for rec in self.bundle.reasons.values():
            # A reason the recruiter already created by hand is adopted, not duplicated.
            if rec.ext not in existing and name_key(rec.name) in by_name:
                existing[rec.ext] = by_name[name_key(rec.name)]
            owned: dict[str, Any] = {"name": rec.name[:200]}
            if rec.confirmed:
                owned["category"] = rec.category
            rows.append((rec.ext, owned, {} if rec.confirmed else {"category": rec.category}))
        reasons = self.upsert("rejection reasons", RejectionReason, existing, rows)
        referenced = {a.rejection_reason for a in self.bundle.applications.values()}
        for key in referenced - reasons.keys():
            if key is not None:
                reasons[key] = existing[key]
        return reasons

    # -- candidates and applications -------------------------------------------------------------

    def _candidates(self) -> dict[str, Candidate]:
        existing = self._existing(Candidate)
        unmatched = {
            r.email.lower(): r.ext
            for r in self.bundle.candidates.values()
            if r.ext not in existing and r.email
        }
        if unmatched:
            # The same person entered by hand or from another ATS: one candidate, two ids.
            others = Candidate.objects.filter(organization=self.org).exclude(
                external_ids__has_key=self.source
            )
            for candidate in _in_chunks(others, "email", sorted(unmatched)):
                ext = unmatched.pop(candidate.email.lower(), None)
                if ext is not None:
                    existing[ext] = candidate
        rows = (
            (
                r.ext,
                _known(
                    first_name=r.first_name[:200],
                    last_name=r.last_name[:200],
                    email=r.email[:254],
                    phone=r.phone[:50],
                    language=r.language,
                ),
                {"language": self.org.default_language},
            )
            for r in self.bundle.candidates.values()
        )
        candidates = self.upsert("candidates", Candidate, existing, rows)
        missing = {a.candidate for a in self.bundle.applications.values()} - candidates.keys()
        candidates.update({k: v for k, v in existing.items() if k in missing})
        if missing - candidates.keys():
            candidates.update({k: v for k, v in self._existing(Candidate).items() if k in missing})
        return candidates

    def _applications(
        self,
        existing: dict[str, Application],
        candidates: dict[str, Candidate],
        jobs: dict[str, Job],
        stages: dict[tuple[str, str], PipelineStage],
        reasons: dict[str, RejectionReason],
    ) -> dict[str, Application]:
        rows: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        for rec in self.bundle.applications.values():
            values = self._application_values(rec, candidates, jobs, stages, reasons)
            if values is not None:
                rows.append((rec.ext, values, {}))
        result = self.upsert("applications", Application, existing, rows)
        self.report.count("applications", "skipped", len(self.bundle.skipped_applications))
        return {**existing, **result}

    def _application_values(
        self,
        rec: ApplicationRec,
        candidates: dict[str, Candidate],
        jobs: dict[str, Job],
        stages: dict[tuple[str, str], PipelineStage],
        reasons: dict[str, RejectionReason],
    ) -> dict[str, Any] | None:
        decided_at = rec.decided_at
        if rec.decision in ("reject", "hire") and decided_at is None:
            # The model requires a date for a decision; the last activity is the best we know.
            decided_at = rec.last_activity_at or rec.applied_at
            if decided_at is None:
                self.report.error(*rec.origin, "rejected_at", "a decision needs a date")
                return None
        stage = stages.get((rec.job, rec.stage)) if rec.stage is not None else None
        reason = reasons.get(rec.rejection_reason) if rec.rejection_reason else None
        values: dict[str, Any] = {
            "candidate_id": candidates[rec.candidate].pk,
            "job_id": jobs[rec.job].pk,
            "stage_id": stage.pk if stage is not None else None,
            "status": rec.status,
            "decision": rec.decision,
            "decided_at": decided_at,
            "rejection_reason_id": reason.pk if reason is not None else None,
            "source": rec.source[:200],
        }
        return values | _known(
            applied_at=rec.applied_at, last_activity_at=rec.last_activity_at or rec.applied_at
        )


@dataclass(frozen=True)
class StoredScorecard:
    pk: int
    ext: str | None  # its id in this source, if it came from it
    interview_id: int
    interviewer_id: int


def _source_id(ids: object, source: str) -> str | None:
    value = ids.get(source) if isinstance(ids, dict) else None
    return str(value) if value is not None else None


def _known(**values: Any) -> dict[str, Any]:
    """The values a source actually gave: empty ones must not wipe what is stored."""
    return {k: v for k, v in values.items() if v not in (None, "")}


def _unique_name(name: str, job_id: int, taken: dict[tuple[int, str], Any]) -> str:
    candidate, n = name, 2
    while (job_id, name_key(candidate)) in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _in_chunks(queryset: Any, field: str, values: list[str], size: int = 500) -> list[Any]:
    """`field__in` in slices: SQLite caps the number of query parameters."""
    found: list[Any] = []
    for start in range(0, len(values), size):
        found.extend(queryset.filter(**{f"{field}__in": values[start : start + size]}))
    return found
