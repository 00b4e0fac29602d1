from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.core.commands import organization_from_option
from heardback.feedback.models import FeedbackNote
from heardback.feedback.review import review_labels
from heardback.feedback.sending import feedback_notes_queue
from heardback.feedback.services import (
    FeedbackError,
    feedback_note_approve,
    feedback_notes_approve_clean,
    parse_when,
)
from heardback.hiring.models import Job


class Command(BaseCommand):
    help = (
        "Feedback notes: `notes export --org SLUG --format jsonl [--output FILE]` and "
        "`notes approve --org SLUG (--all-clean | --id N ...)` and "
        "`notes send --org SLUG [--job ID] [--at WHEN]`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Write the current notes, one JSON object a line.")
        export.add_argument("--org", required=True)
        export.add_argument("--format", choices=["jsonl"], default="jsonl")
        export.add_argument("--output", default="-", help="File path, or - for stdout.")
        approve = sub.add_parser("approve", help="Approve drafts; says what it refused and why.")
        approve.add_argument("--org", required=True)
        which = approve.add_mutually_exclusive_group(required=True)
        which.add_argument("--all-clean", action="store_true", help="Every draft the guard passed.")
        which.add_argument("--id", type=int, nargs="+", dest="ids", help="Note ids.")
        approve.add_argument(
            "--acknowledge-warnings", action="store_true", help="Approve notes with warnings too."
        )
        send = sub.add_parser("send", help="Queue the approved notes for delivery by the worker.")
        send.add_argument("--org", required=True)
        send.add_argument("--job", type=int, help="Only this job (id).")
        send.add_argument(
            "--at",
            default="now",
            help="When: ISO-8601 (2026-12-01T09:00, in the organization's time zone) or now.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        if options["action"] == "export":
            self._export(organization, options["output"])
        elif options["action"] == "send":
            self._send(organization, options)
        else:
            self._approve(organization, options)

    def _export(self, organization: Any, output: str) -> None:
        notes = (
            FeedbackNote.objects.filter(organization=organization, is_current=True)
            .select_related("application__candidate", "application__job")
            .order_by("application_id")
        )
        stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for note in notes.iterator(chunk_size=1000):
                application = note.application
                row = {
                    "id": note.pk,
                    "application_id": application.pk,
                    "external_ids": application.external_ids,
                    "candidate_name": application.candidate.full_name,
                    "candidate_email": application.candidate.email,
                    "job_title": application.job.title,
                    "language": note.language,
                    "version": note.version,
                    "status": note.status,
                    "subject": note.subject,
                    "text": note.text,
                    "html": note.html,
                    "provenance": note.provenance,
                    "quality": note.quality,
                    "guard": {"verdict": note.guard_verdict, "findings": note.guard_findings},
                    "review_reasons": note.review_reasons,
                }
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if stream is not sys.stdout:
                stream.close()

    def _approve(self, organization: Any, options: dict[str, Any]) -> None:
        if options["all_clean"]:
            count = feedback_notes_approve_clean(actor=None, organization=organization)
            self.stdout.write(f"Approved {count} clean drafts.")
            left = FeedbackNote.objects.filter(
                organization=organization, is_current=True, status="draft"
            ).exclude(guard_verdict="ok")
            for note in left.order_by("id"):
                reasons = "; ".join(
                    f"{f['severity']} {f['category']}: {f['why']}" for f in note.guard_findings
                )
                self.stdout.write(f"  refused {note.pk} ({note.guard_verdict}): {reasons}")
            to_review = FeedbackNote.objects.filter(
                organization=organization, is_current=True, status="draft", guard_verdict="ok"
            ).exclude(review_reasons=[])
            for note in to_review.order_by("id"):
                reasons = "; ".join(str(label) for label in review_labels(note.review_reasons))
                self.stdout.write(f"  needs review {note.pk}: {reasons}")
            return
        refused = 0
        for pk in options["ids"]:
            found = FeedbackNote.objects.filter(organization=organization, pk=pk).first()
            if found is None:
                self.stderr.write(f"refused {pk}: no such note in {organization.slug}")
                refused += 1
                continue
            try:
                feedback_note_approve(
                    actor=None, note=found, acknowledge_warnings=options["acknowledge_warnings"]
                )
            except FeedbackError as error:
                self.stderr.write(f"refused {pk}: {' '.join(error.messages)}")
                refused += 1
            else:
                self.stdout.write(f"approved {pk}")
        if refused:
            raise CommandError(f"{refused} note(s) refused.")

    def _send(self, organization: Any, options: dict[str, Any]) -> None:
        job = None
        if options["job"] is not None:
            job = Job.objects.filter(organization=organization, pk=options["job"]).first()
            if job is None:
                raise CommandError(f"No job {options['job']} in {organization.slug}.")
        try:
            at = parse_when(options["at"], organization)
        except FeedbackError as error:
            raise CommandError(f"--at: {error}") from None
        count = feedback_notes_queue(actor=None, organization=organization, job=job, at=at)
        when = f"for {at.isoformat()}" if at else "now"
        self.stdout.write(f"Queued {count} notes, sending {when}.")
        left = FeedbackNote.objects.filter(
            organization=organization, is_current=True, status="approved"
        ).exclude(last_error="")
        if job is not None:
            left = left.filter(application__job=job)
        for note in left.order_by("id"):
            self.stdout.write(f"  not queued {note.pk}: {note.last_error}")
