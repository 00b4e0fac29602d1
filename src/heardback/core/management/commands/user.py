from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.accounts.models import Membership
from heardback.accounts.services import user_create_in_organization
from heardback.core.commands import organization_from_option
from heardback.core.management.commands.org import _format


class Command(BaseCommand):
    help = (
        "Add a person to an organization: `heardback user create EMAIL --org SLUG --role ROLE`. "
        "The password comes from --password-env VAR, or is asked for interactively."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a user (or reuse one) with a role.")
        create.add_argument("email")
        create.add_argument("--org", required=True, help="Organization slug.")
        create.add_argument("--role", required=True, choices=Membership.Role.values)
        create.add_argument("--name", default="", help="Full name.")
        create.add_argument("--language", default="en", choices=["en", "fr"])
        create.add_argument(
            "--password-env",
            default="",
            help="Read the password from this environment variable (never from the command line).",
        )
        create.add_argument("--no-password", action="store_true", help="Create without a password.")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        password: str | None = None
        if options["password_env"]:
            password = os.environ.get(options["password_env"]) or None
            if password is None:
                raise CommandError(f"Environment variable {options['password_env']} is empty.")
        elif not options["no_password"]:
            password = getpass.getpass("Password: ")
        try:
            user, membership = user_create_in_organization(
                actor=None,
                organization=organization,
                email=options["email"],
                role=options["role"],
                full_name=options["name"],
                password=password,
                language=options["language"],
            )
        except ValidationError as error:
            raise CommandError(_format(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"{user.email} is {membership.role} in {organization.slug}.")
        )
