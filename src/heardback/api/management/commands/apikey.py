from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.accounts.models import Organization, User
from heardback.api.scopes import SCOPES
from heardback.api.selectors import api_key_get_by_prefix, api_keys_for_organization
from heardback.api.services import api_key_create, api_key_revoke
from heardback.core.commands import organization_from_option


class Command(BaseCommand):
    help = (
        "API keys: `apikey create --org SLUG --name NAME --scope SCOPE [--scope …] "
        "[--user EMAIL]` (prints the key once), `apikey list --org SLUG`, "
        "`apikey revoke --org SLUG PREFIX`. Scopes: " + ", ".join(SCOPES) + "."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser(
            "create", help="Create a key; it is printed once, then only hashed."
        )
        create.add_argument("--org", required=True, help="Organization slug.")
        create.add_argument("--name", required=True, help="What uses the key, e.g. 'ATS sync'.")
        create.add_argument(
            "--scope",
            action="append",
            required=True,
            choices=list(SCOPES),
            dest="scopes",
            help="Repeat for several scopes.",
        )
        create.add_argument(
            "--user",
            default="",
            help="Email of an admin the key acts for (needed to reject or advance through it).",
        )
        listing = sub.add_parser("list", help="List the organization's keys (never the secrets).")
        listing.add_argument("--org", required=True, help="Organization slug.")
        revoke = sub.add_parser("revoke", help="Revoke a key at once.")
        revoke.add_argument("--org", required=True, help="Organization slug.")
        revoke.add_argument("prefix", help="The key's prefix as `apikey list` shows it (hb_…).")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = organization_from_option(options["org"])
        if options["action"] == "create":
            self._create(organization, options)
        elif options["action"] == "list":
            self._list(organization)
        else:
            self._revoke(organization, options["prefix"])

    def _create(self, organization: Organization, options: dict[str, Any]) -> None:
        user = None
        if options["user"]:
            user = User.objects.filter(email=options["user"].strip().lower()).first()
            if user is None:
                raise CommandError(f"No user with email {options['user']!r}.")
        try:
            api_key, raw_key = api_key_create(
                organization=organization, user=user, name=options["name"], scopes=options["scopes"]
            )
        except PermissionDenied:
            raise CommandError(f"{user} is not an admin of {organization.slug}.") from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(raw_key)
        self.stderr.write(
            f"Created {api_key.display_prefix} ({api_key.name}; {', '.join(api_key.scopes)}). "
            "Store the key now: it cannot be shown again."
        )

    def _list(self, organization: Organization) -> None:
        for api_key in api_keys_for_organization(organization=organization):
            state = f"revoked {api_key.revoked_at:%Y-%m-%d}" if api_key.revoked_at else "active"
            used = f"{api_key.last_used_at:%Y-%m-%d %H:%M}" if api_key.last_used_at else "never"
            owner = api_key.created_by.email if api_key.created_by else "-"
            self.stdout.write(
                f"{api_key.display_prefix}\t{api_key.name}\t{','.join(api_key.scopes)}\t"
                f"{owner}\t{state}\tlast used {used}"
            )

    def _revoke(self, organization: Organization, prefix: str) -> None:
        api_key = api_key_get_by_prefix(organization=organization, prefix=prefix)
        if api_key is None:
            raise CommandError(f"No key {prefix!r} in {organization.slug} (heardback apikey list).")
        api_key_revoke(api_key=api_key, user=None)
        self.stdout.write(f"Revoked {api_key.display_prefix} ({api_key.name}).")
