from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.core.commands import organization_from_option
from heardback.hiring.models import Application
from heardback.reroute import selectors


class Command(BaseCommand):
    help = (
        "The open roles that fit the organization's candidates not hired: "
        "`reroute --org SLUG [--job ID] [--limit N] [--json]`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True)
        parser.add_argument("--job", type=int, help="Only candidates not hired for this job (id).")
        parser.add_argument("--limit", type=int, default=3, help="Suggestions per candidate.")
        parser.add_argument("--json", action="store_true", help="One JSON object a line.")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        applications = Application.objects.filter(
            organization=organization, status__in=selectors.NOT_HIRED
        ).select_related("candidate", "job", "organization")
        if options["job"] is not None:
            if not organization.jobs.filter(pk=options["job"]).exists():
                raise CommandError(f"No job {options['job']} in {organization.slug}.")
            applications = applications.filter(job_id=options["job"])
        rows = list(applications.order_by("-decided_at", "-id"))
        found = selectors.suggestions_for(rows, limit=max(1, options["limit"]))
        for application in rows:
            suggestions = found[application.pk]
            if options["json"]:
                self.stdout.write(
                    json.dumps(
                        {
                            "application": application.pk,
                            "candidate": application.candidate.full_name,
                            "job": application.job.title,
                            "suggestions": [
                                {
                                    "job_id": s.job.pk,
                                    "job": s.job.title,
                                    "score": round(s.fit.score, 3),
                                    "same_family": s.fit.same_family,
                                    "why": s.explanation,
                                }
                                for s in suggestions
                            ],
                        },
                        ensure_ascii=False,
                    )
                )
            elif suggestions:
                self.stdout.write(
                    f"#{application.pk} {application.candidate.full_name} ({application.job.title})"
                )
                for s in suggestions:
                    family = "" if s.fit.same_family else "  [another family]"
                    self.stdout.write(
                        f"  → {s.job.title} ({s.fit.score:.2f}){family}: {s.explanation}"
                    )
