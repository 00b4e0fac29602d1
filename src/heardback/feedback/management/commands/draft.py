from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from heardback.core.commands import organization_from_option
from heardback.feedback.services import feedback_notes_draft_bulk, rejected_applications
from heardback.hiring.models import Job


class Command(BaseCommand):
    help = (
        "Draft feedback notes for rejected and withdrawn applications. By default only those "
        "without a note; --all-rejected regenerates drafts too (approved or sent notes are kept)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="Organization slug.")
        parser.add_argument("--job", type=int, help="Only this job (id).")
        parser.add_argument(
            "--all-rejected", action="store_true", help="Regenerate existing drafts as well."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        job = None
        if options["job"] is not None:
            job = Job.objects.filter(organization=organization, pk=options["job"]).first()
            if job is None:
                raise CommandError(f"No job {options['job']} in {organization.slug}.")
        total = rejected_applications(organization=organization, job=job).count()
        with tqdm(total=total, desc="Drafting", unit="note", disable=total < 50) as bar:
            summary = feedback_notes_draft_bulk(
                actor=None,
                organization=organization,
                job=job,
                redraft=options["all_rejected"],
                progress=bar.update,
            )
        v = summary.verdicts
        self.stdout.write(
            f"Drafted {summary.drafted} notes ({v['ok']} clean, {v['warn']} with warnings, "
            f"{v['block']} blocked); kept {summary.skipped} approved or sent."
        )
        if summary.needs_review:
            self.stdout.write(
                f"{summary.needs_review} need a person's review before they go "
                "(heardback notes approve --all-clean leaves them)."
            )
        if summary.no_note:
            self.stdout.write(
                f"No note for {summary.no_note} applications rejected for a reason that sends "
                "none (duplicate application, spam)."
            )
