from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.core.commands import organization_from_option
from heardback.integrations.importers import READERS, load_reason_map
from heardback.integrations.reporting import TqdmProgress, render
from heardback.integrations.services import import_run_from_path


class Command(BaseCommand):
    help = (
        "Import jobs, candidates, applications and scorecards from an ATS export: "
        "`heardback import greenhouse|greenhouse-v3|lever|csv PATH --org SLUG [--dry-run]`. "
        "All or nothing: any problem is listed and nothing is saved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=sorted(READERS))
        parser.add_argument(
            "path",
            type=Path,
            help="The dump directory or .zip (a .csv file, or a .zip of one, for csv).",
        )
        parser.add_argument("--org", required=True, help="Slug of the organization to import into.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count; save nothing.")
        parser.add_argument(
            "--reason-map",
            type=Path,
            default=None,
            help="JSON {reason text or id: category} overriding the default mapping.",
        )
        parser.add_argument(
            "--max-file-mb",
            type=float,
            default=None,
            help=f"Refuse bigger files (default {settings.HEARDBACK_IMPORT_MAX_FILE_MB}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        reason_map = None
        if options["reason_map"] is not None:
            try:
                reason_map = load_reason_map(options["reason_map"])
            except ValueError as error:
                raise CommandError(str(error)) from None
        progress = TqdmProgress(disable=options["verbosity"] == 0)
        try:
            # Recorded as an import run, so the Imports page lists it beside the uploads.
            run, report = import_run_from_path(
                organization=organization,
                source=options["source"],
                path=options["path"],
                dry_run=options["dry_run"],
                progress=progress,
                reason_map=reason_map,
                max_file_mb=options["max_file_mb"],
            )
        except ValidationError as error:  # a .zip that cannot be unpacked safely
            raise CommandError(" ".join(error.messages)) from None
        finally:
            progress.close()
        if report is None:
            raise CommandError(f"Import #{run.pk} stopped on an unexpected error; see the log.")
        self.stdout.write(render(report))
        if not report.ok:
            raise CommandError(f"Import failed with {len(report.errors)} problem(s).")
