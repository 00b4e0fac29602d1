"""Every write of the companion: sign-up, applications, interviews, reminders, the sweep."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.core.mail import render_email
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import email_enqueue, outbound_emails_redact
from heardback.seeker import documents, rules, selectors
from heardback.seeker.feeds import application_feed_refresh, feed_url_for
from heardback.seeker.models import (
    NOTES_MAX,
    Digest,
    Document,
    Interview,
    JobApplication,
    Reminder,
    Seeker,
    Stage,
    WeeklySummary,
)

logger = logging.getLogger(__name__)

# The outbox files every email under an organization (its sender, its send rate, its audit):
# the companion's emails go under this one, which has no members and holds nothing else.
COMPANION_ORGANIZATION_SLUG = "heardback-companion"


# --- Accounts -----------------------------------------------------------------------------


@transaction.atomic
def seeker_signup(
    *, email: str, password: str, full_name: str = "", language: str = "en",
    time_zone: str = "Europe/Paris",
) -> User:  # fmt: skip
    """A new account for the companion: an email, a password, no organization."""
    email = User.objects.normalize_email(email.strip()).lower()
    validate_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("An account with this email exists: sign in instead.")}, code="taken"
        )
    user = User(email=email, full_name=full_name.strip()[:200], language=language)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    seeker = Seeker(user=user, time_zone=time_zone)
    seeker.full_clean(exclude=["user"])
    seeker.save()
    return user


@transaction.atomic
def seeker_local(*, email: str, password: str | None = None) -> tuple[User, bool]:
    """Single-user local mode: this address's account, made a seeker; (user, created)."""
    email = User.objects.normalize_email(email.strip()).lower()
    validate_email(email)
    user = User.objects.filter(email=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(email, password)
        if password is None:
            user.set_unusable_password()
            user.save()
    elif password:
        user.set_password(password)
        user.save()
    Seeker.objects.get_or_create(user=user)
    return user, created


@transaction.atomic
def seeker_settings_save(*, seeker: Seeker, data: dict[str, Any]) -> Seeker:
    for name, value in data.items():
        setattr(seeker, name, value)
    seeker.full_clean(exclude=["user"])
    seeker.save()
    return seeker


DELETE_ATTEMPTS_PER_HOUR = 10
SEEKER_EMAIL_KINDS = ("seeker_digest", "seeker_weekly", "seeker_magic_link")


@transaction.atomic
def seeker_delete(*, seeker: Seeker, password: str) -> dict[str, int]:
    """Delete a companion account for good, once its password is confirmed: applications,
    interviews, reminders, documents (their files too, once committed), the employers' feeds
    followed, digests; the copies of the companion's emails to them are redacted. The person's
    sign-in account goes too unless they belong to an organization (then only the companion
    goes). Returns the counts, which the audit row keeps (no name, address or text)."""
    user = seeker.user
    if not password or not user.check_password(password):
        raise ValidationError({"password": _("This is not your password.")}, code="password")
    applications = JobApplication.objects.filter(seeker=seeker)
    documents_qs = Document.objects.filter(application__seeker=seeker)
    files = list(documents_qs.values_list("file", flat=True))
    emails = OutboundEmail.objects.filter(
        organization=companion_organization(), kind__in=SEEKER_EMAIL_KINDS
    ).filter(
        Q(idempotency_key__startswith=f"seeker_digest:{seeker.pk}:")
        | Q(idempotency_key__startswith=f"seeker_weekly:{seeker.pk}:")
        | Q(idempotency_key__startswith=f"seeker_magic_link:{user.pk}:")
    )
    counts = {
        "applications": applications.count(),
        "interviews": Interview.objects.filter(application__seeker=seeker).count(),
        "reminders": Reminder.objects.filter(seeker=seeker).count(),
        "documents": len(files),
        "subscriptions": applications.exclude(feed_url="").count(),
        "emails_redacted": outbound_emails_redact(
            emails=emails, text=_("(deleted)"), address="deleted@invalid"
        ),
    }
    seeker_id = seeker.pk
    account_deleted = not user.memberships.exists()
    audit(
        organization=companion_organization(),
        actor=None,
        action="seeker.delete",
        obj=seeker,
        account_deleted=account_deleted,
        **counts,
    )
    seeker.delete()  # cascades to everything above
    if account_deleted:
        user.delete()
    _files_delete_on_commit(files, folder=f"seeker/{seeker_id}")
    return counts


# --- Applications and interviews ----------------------------------------------------------


@transaction.atomic
def application_save(
    *, seeker: Seeker, data: dict[str, Any], application: JobApplication | None = None
) -> JobApplication:
    """Create or change an application; a stage change is dated (for the feedback request)."""
    application = application or JobApplication(seeker=seeker)
    old_stage = application.stage if application.pk else None
    for name, value in data.items():
        setattr(application, name, value)
    if application.stage != old_stage:
        application.stage_changed_on = local_today(seeker)
    application.full_clean(exclude=["seeker"])
    application.save()
    return application


@transaction.atomic
def interview_save(
    *, application: JobApplication, data: dict[str, Any], interview: Interview | None = None
) -> Interview:
    interview = interview or Interview(application=application)
    for name, value in data.items():
        setattr(interview, name, value)
    interview.full_clean(exclude=["application"])
    interview.save()
    if application.stage in (Stage.WISHLIST, Stage.APPLIED):
        application_save(
            seeker=application.seeker, application=application, data={"stage": Stage.INTERVIEWING}
        )
    return interview


@transaction.atomic
def interview_thank_you_sent(*, interview: Interview) -> Interview:
    """The seeker sent their thank-you: its reminder is done."""
    now = timezone.now()
    if interview.thank_you_sent_at is None:
        interview.thank_you_sent_at = now
        interview.save(update_fields=["thank_you_sent_at"])
    Reminder.objects.filter(
        interview=interview, kind=Reminder.Kind.THANK_YOU, state=Reminder.State.OPEN
    ).update(state=Reminder.State.DONE, closed_at=now)
    return interview


@transaction.atomic
def application_delete(*, application: JobApplication) -> None:
    names = list(Document.objects.filter(application=application).values_list("file", flat=True))
    application.delete()
    _files_delete_on_commit(names)


# --- Documents ----------------------------------------------------------------------------


def _files_delete_on_commit(names: list[str], folder: str = "") -> None:
    """Remove these stored files (and then `folder`, if empty) once the rows that named them
    are gone for good."""

    def delete() -> None:
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                logger.exception("could not delete the stored file %s", name)
        if folder:
            with contextlib.suppress(NotImplementedError, OSError):
                Path(default_storage.path(folder)).rmdir()

    if names or folder:
        transaction.on_commit(delete)


@transaction.atomic
def document_add(*, application: JobApplication, upload: UploadedFile) -> Document:
    """Keep a file with an application, if it is of an allowed kind and size (else nothing
    changes and ValidationError says why)."""
    size = upload.size or 0
    name, content_type = documents.check(
        name=upload.name or "", size=size, file=cast(IO[bytes], upload)
    )
    document = Document(application=application, name=name, content_type=content_type, size=size)
    document.file.save(name, upload, save=False)
    try:
        document.save()
    except Exception:
        default_storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def document_delete(*, document: Document) -> None:
    name = document.file.name
    document.delete()
    _files_delete_on_commit([name])


@transaction.atomic
def reminder_close(*, reminder: Reminder, state: str) -> Reminder:
    if state not in (Reminder.State.DONE, Reminder.State.DISMISSED):
        raise ValidationError(_("Unknown action."))
    if reminder.state == Reminder.State.OPEN:
        reminder.state = state
        reminder.closed_at = timezone.now()
        reminder.save(update_fields=["state", "closed_at"])
    return reminder


@transaction.atomic
def application_subscribe(*, application: JobApplication, url: str) -> JobApplication:
    """Follow the employer's feed of this application (a pasted portal link or feed address)."""
    application.feed_url = feed_url_for(url)
    application.feed_checked_at = None
    application.feed_stopped_at = None
    application.save(update_fields=["feed_url", "feed_checked_at", "feed_stopped_at"])
    application_feed_refresh(application)
    reminders_reconcile(application.seeker)
    return application


@transaction.atomic
def application_unsubscribe(*, application: JobApplication) -> JobApplication:
    application.feed_url = ""
    application.feed_checked_at = None
    application.feed_stopped_at = None
    application.save(update_fields=["feed_url", "feed_checked_at", "feed_stopped_at"])
    return application


# --- Reminders and the daily digest -------------------------------------------------------


def local_today(seeker: Seeker, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(ZoneInfo(seeker.time_zone)).date()


def reminders_reconcile(seeker: Seeker, now: dt.datetime | None = None) -> int:
    """Close the open reminders that no longer apply: the employer answered (a new last
    contact, feedback, a decision), or a thank-you was sent. Returns how many."""
    now = now or timezone.now()
    closed = 0
    inputs = {a.id: a for a in selectors.rules_inputs(seeker)}
    for reminder in Reminder.objects.filter(seeker=seeker, state=Reminder.State.OPEN):
        application = inputs.get(reminder.application_id or 0)
        state = None
        if reminder.kind in (Reminder.Kind.FOLLOW_UP, Reminder.Kind.GHOSTED) and application:
            base = rules.last_heard(application, now, ZoneInfo(seeker.time_zone))
            if application.stage not in rules.ACTIVE_STAGES or f":{base}" not in reminder.key:
                state = Reminder.State.CANCELLED
        elif reminder.kind == Reminder.Kind.FEEDBACK and application:
            if application.feedback_received or application.stage != Stage.REJECTED:
                state = Reminder.State.CANCELLED
        elif reminder.kind == Reminder.Kind.THANK_YOU and application:
            sent = any(
                i.thank_you_sent for i in application.interviews if i.id == reminder.interview_id
            )
            if sent:
                state = Reminder.State.DONE
        if state:
            Reminder.objects.filter(pk=reminder.pk, state=Reminder.State.OPEN).update(
                state=state, closed_at=now
            )
            closed += 1
    return closed


def reminders_raise(seeker: Seeker, now: dt.datetime | None = None) -> list[Reminder]:
    """Store the reminders the rules find due; a key that exists is never raised again."""
    now = now or timezone.now()
    existing = set(Reminder.objects.filter(seeker=seeker).values_list("key", flat=True))
    due = rules.due_reminders(
        now=now,
        zone=seeker.time_zone,
        thresholds=selectors.thresholds(seeker),
        applications=selectors.rules_inputs(seeker),
        existing=existing,
    )
    rows = [
        Reminder(
            seeker=seeker, application_id=d.application_id, interview_id=d.interview_id,
            kind=d.kind.value, key=d.key, due_at=d.due_at, created_at=now,
        )
        for d in due
    ]  # fmt: skip
    # Two workers may run the rules at once: the unique key keeps one row each.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def companion_email_enqueue(
    *,
    user: User,
    template: str,
    language: str,
    context: dict[str, Any],
    idempotency_key: str,
    kind: str,
) -> None:
    """Queue one of the companion's emails (a template triplet) to a seeker, exactly once."""
    subject, text, html = render_email(template, language, context)
    email_enqueue(
        organization=companion_organization(), to=user.email, subject=subject, text=text,
        html=html, reply_to=None, idempotency_key=idempotency_key, kind=kind,
    )  # fmt: skip


def companion_organization() -> Organization:
    organization, _created = Organization.objects.get_or_create(
        slug=COMPANION_ORGANIZATION_SLUG, defaults={"name": "heardback companion"}
    )
    return organization


@transaction.atomic
def digest_send(seeker: Seeker, now: dt.datetime | None = None) -> Digest | None:
    """The day's digest of reminders not yet in one: at most one a local day (a database
    constraint), by email through the outbox when the seeker wants it."""
    now = now or timezone.now()
    pending = list(
        Reminder.objects.filter(seeker=seeker, state=Reminder.State.OPEN, digest__isnull=True)
        .select_related("application", "interview")
        .order_by("due_at", "id")
    )
    last = Digest.objects.filter(seeker=seeker).order_by("-day").values_list("day", flat=True)
    day = rules.digest_day(
        now=now, zone=seeker.time_zone, last_digest_on=last.first(), pending=len(pending)
    )
    if day is None:
        return None
    try:
        with transaction.atomic():
            digest = Digest.objects.create(seeker=seeker, day=day, created_at=now)
    except IntegrityError:
        return None  # another worker sent today's
    Reminder.objects.filter(pk__in=[r.pk for r in pending]).update(digest=digest)
    if seeker.email_digest and seeker.user.email:
        _digest_email(seeker, digest, pending)
        digest.emailed = True
        digest.save(update_fields=["emailed"])
    return digest


def _digest_email(seeker: Seeker, digest: Digest, reminders: list[Reminder]) -> None:
    language = seeker.user.language or "en"
    base = settings.HEARDBACK_BASE_URL
    context = {
        "seeker": seeker,
        "reminders": reminders,
        "day": digest.day,
        "board_url": f"{base}/me/",
        "base_url": base,
    }
    companion_email_enqueue(
        user=seeker.user, template="seeker/emails/digest", language=language, context=context,
        idempotency_key=f"seeker_digest:{seeker.pk}:{digest.day.isoformat()}",
        kind="seeker_digest",
    )  # fmt: skip


@transaction.atomic
def weekly_summary_send(seeker: Seeker, now: dt.datetime | None = None) -> WeeklySummary | None:
    """The week's summary by email, on the seeker's weekday from 08:00 their time, through
    the outbox; at most one a week (a database constraint). None when not due or turned off."""
    now = now or timezone.now()
    if not seeker.email_weekly or not seeker.user.email:
        return None
    last = WeeklySummary.objects.filter(seeker=seeker).order_by("-week")
    due = rules.weekly_day(
        now=now,
        zone=seeker.time_zone,
        weekday=seeker.weekly_day,
        last_week=last.values_list("week", flat=True).first(),
    )
    if due is None:
        return None
    day, week = due
    try:
        with transaction.atomic():
            sent = WeeklySummary.objects.create(seeker=seeker, week=week, day=day, created_at=now)
    except IntegrityError:
        return None  # another worker sent this week's
    _weekly_email(seeker, sent)
    return sent


def _weekly_email(seeker: Seeker, sent: WeeklySummary) -> None:
    language = seeker.user.language or "en"
    base = settings.HEARDBACK_BASE_URL
    # The seven local days before the day it is sent.
    summary = selectors.week_summary(seeker=seeker, today=sent.day - dt.timedelta(days=1))
    context = {
        "week": summary,
        "summary_url": f"{base}/me/summary/",
        "settings_url": f"{base}/me/settings/",
    }
    companion_email_enqueue(
        user=seeker.user, template="seeker/emails/weekly", language=language, context=context,
        idempotency_key=f"seeker_weekly:{seeker.pk}:{sent.week.isoformat()}",
        kind="seeker_weekly",
    )  # fmt: skip


@dataclass
class SweepSummary:
    seekers: int = 0
    feeds_read: int = 0
    answered: int = 0
    raised: int = 0
    digests: int = 0
    weeklies: int = 0
    failed: list[int] = field(default_factory=list)


def seeker_run(seeker: Seeker, now: dt.datetime | None = None) -> SweepSummary:
    """One seeker's pass: read their feeds, close what was answered, raise what is due, and
    send the day's digest and the week's summary."""
    now = now or timezone.now()
    summary = SweepSummary(seekers=1)
    for application in JobApplication.objects.filter(seeker=seeker).exclude(feed_url=""):
        summary.feeds_read += 1
        summary.answered += application_feed_refresh(application, now=now)
    reminders_reconcile(seeker, now)
    summary.raised = len(reminders_raise(seeker, now))
    summary.digests = int(digest_send(seeker, now) is not None)
    summary.weeklies = int(weekly_summary_send(seeker, now) is not None)
    return summary


def seeker_sweep(now: dt.datetime | None = None) -> SweepSummary:
    """Every seeker's pass (the worker runs it every few minutes; safe in several at once)."""
    total = SweepSummary()
    for seeker in Seeker.objects.select_related("user").order_by("pk").iterator():
        try:
            one = seeker_run(seeker, now)
        except Exception:
            logger.exception("seeker sweep failed for seeker %s", seeker.pk)
            total.failed.append(seeker.pk)
            continue
        total.seekers += 1
        total.feeds_read += one.feeds_read
        total.answered += one.answered
        total.raised += one.raised
        total.digests += one.digests
        total.weeklies += one.weeklies
    return total


# --- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "company", "role", "link", "source", "applied_on", "stage", "next_step", "next_step_due",
    "last_contact_on", "notes",
)  # fmt: skip
CSV_MAX_ROWS = 2000


def applications_csv(seeker: Seeker) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for a in selectors.applications_for_seeker(seeker=seeker).order_by("applied_on", "id"):
        row = [getattr(a, column) for column in CSV_COLUMNS]
        writer.writerow(["" if v is None else _csv_safe(str(v)) for v in row])
    return out.getvalue()


def _csv_safe(value: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: quote it as text.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@dataclass
class ImportProblem:
    row: int
    message: str


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    return dt.date.fromisoformat(value)


@transaction.atomic
def applications_import_csv(*, seeker: Seeker, text: str) -> tuple[int, list[ImportProblem]]:
    """All or nothing: the applications of a CSV file, or the list of its problems."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"company", "role"} - set(reader.fieldnames or [])
    if missing:
        return 0, [
            ImportProblem(
                1, _("Missing columns: %(names)s.") % {"names": ", ".join(sorted(missing))}
            )
        ]
    problems: list[ImportProblem] = []
    rows: list[JobApplication] = []
    today = local_today(seeker)
    for number, row in enumerate(reader, start=2):
        if number - 1 > CSV_MAX_ROWS:
            problems.append(
                ImportProblem(number, _("Too many rows (at most %(n)s).") % {"n": CSV_MAX_ROWS})
            )
            break
        values = {k: (row.get(k) or "").strip().lstrip("'") for k in CSV_COLUMNS}
        try:
            application = JobApplication(
                seeker=seeker,
                company=values["company"],
                role=values["role"],
                link=values["link"],
                source=values["source"],
                stage=values["stage"] or Stage.APPLIED,
                next_step=values["next_step"],
                notes=values["notes"][:NOTES_MAX],
                applied_on=_parse_date(values["applied_on"]),
                next_step_due=_parse_date(values["next_step_due"]),
                last_contact_on=_parse_date(values["last_contact_on"]),
                stage_changed_on=today,
            )
            if application.link:
                URLValidator(schemes=["http", "https"])(application.link)
            application.full_clean(exclude=["seeker"])
        except ValueError:
            problems.append(ImportProblem(number, _("A date must read like 2026-12-31.")))
            continue
        except ValidationError as error:
            problems.append(ImportProblem(number, " ".join(error.messages)))
            continue
        rows.append(application)
    if problems:
        return 0, problems
    JobApplication.objects.bulk_create(rows)
    return len(rows), []
