from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from heardback.core.commands import organization_from_option
from heardback.integrations.exporters import export_greenhouse


class Command(BaseCommand):
    help = (
        "Export an organization's jobs, candidates, applications and submitted scorecards as a "
        "Greenhouse Harvest v1 dump: `heardback export greenhouse DIR --org SLUG`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=["greenhouse"])
        parser.add_argument(
            "directory", type=Path, help="Created when missing; files are replaced."
        )
        parser.add_argument("--org", required=True, help="Slug of the organization to export.")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        summary = export_greenhouse(organization, options["directory"])
        for name, count in summary.counts.items():
            self.stdout.write(f"{count:>8,}  {name}")
        self.stdout.write(
            self.style.SUCCESS(f"Exported {organization.slug} to {summary.directory}.")
        )
