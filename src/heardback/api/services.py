"""API keys: create, revoke, mark used.

Everything else the API does goes through the services the web pages use (hiring,
feedback, outbox): the API has no business logic of its own.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.api.models import KEY_PREFIX, ApiKey, hash_key
from heardback.api.scopes import SCOPES

# How often `last_used_at` is written: often enough to tell a live key from a dead one,
# rarely enough that reads through the API do not each take SQLite's write lock.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


# --- API keys -----------------------------------------------------------------------------


def _require_admin(*, user: User | None, organization: Organization) -> None:
    # user=None: an operator at the server's command line, who needs no role.
    if user is not None and not user_can(
        user=user, organization=organization, capability=Capability.MANAGE_MEMBERS
    ):
        raise PermissionDenied(_("Only admins manage API keys."))


@transaction.atomic
def api_key_create(
    *, organization: Organization, user: User | None, name: str, scopes: Sequence[str]
) -> tuple[ApiKey, str]:
    """Create a key acting for `user`; return it with the raw key, which is never shown again."""
    _require_admin(user=user, organization=organization)
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Give the key a name, e.g. the tool that will use it.")
    elif len(name) > ApiKey._meta.get_field("name").max_length:  # type: ignore[operator]
        errors["name"] = _("Keep the name under 100 characters.")
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        errors["scopes"] = _("Unknown scope(s): %(scopes)s. Choose from %(known)s.") % {
            "scopes": ", ".join(unknown),
            "known": ", ".join(SCOPES),
        }
    elif not scopes:
        errors["scopes"] = _("Choose at least one scope.")
    if errors:
        raise ValidationError(errors)
    prefix = secrets.token_hex(4)
    while ApiKey.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    raw_key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        organization=organization,
        name=name,
        prefix=prefix,
        key_hash=hash_key(raw_key),
        scopes=[scope for scope in SCOPES if scope in scopes],
        created_by=user,
    )
    audit(
        organization=organization, actor=user, action="api_key.create", obj=api_key,
        name=name, prefix=api_key.display_prefix, scopes=api_key.scopes,
    )  # fmt: skip
    return api_key, raw_key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, user: User | None) -> None:
    """Revoke a key at once: its next request gets a 401. Revoking twice changes nothing."""
    _require_admin(user=user, organization=api_key.organization)
    revoked = ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    api_key.refresh_from_db(fields=["revoked_at"])
    if revoked:
        audit(
            organization=api_key.organization, actor=user, action="api_key.revoke", obj=api_key,
            name=api_key.name, prefix=api_key.display_prefix,
        )  # fmt: skip


def api_key_mark_used(*, api_key: ApiKey) -> None:
    """Record that the key was just used (at most once a minute)."""
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
