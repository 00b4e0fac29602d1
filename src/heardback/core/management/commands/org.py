from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.accounts.models import Organization
from heardback.accounts.services import organization_create


class Command(BaseCommand):
    help = "Manage organizations: `heardback org create SLUG --name NAME`, `heardback org list`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create an organization.")
        create.add_argument("slug", help="Short identifier used in commands, e.g. acme.")
        create.add_argument("--name", required=True, help="Display name, e.g. 'Acme Ltd'.")
        create.add_argument("--time-zone", default="UTC", help="IANA zone, e.g. Europe/Paris.")
        create.add_argument("--language", default="en", choices=["en", "fr"])
        create.add_argument("--sender-email", default="", help="From address for candidate email.")
        sub.add_parser("list", help="List organizations.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for org in Organization.objects.order_by("slug"):
                self.stdout.write(f"{org.slug}\t{org.name}")
            return
        try:
            org = organization_create(
                actor=None,
                slug=options["slug"],
                name=options["name"],
                time_zone=options["time_zone"],
                default_language=options["language"],
                sender_email=options["sender_email"],
                sender_name=options["name"],
            )
        except ValidationError as error:
            raise CommandError(_format(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Created organization {org.slug} ({org.name})."))
        reasons = org.rejection_reasons.count()
        self.stdout.write(
            f"It starts with {reasons} rejection reasons; admins edit them under "
            "Settings > Rejection reasons."
        )


def _format(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)
