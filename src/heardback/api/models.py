from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Organization

KEY_PREFIX = "hb_"


class ApiKey(models.Model):
    """A secret that lets a tool call the API for one organization, within named scopes.

    Only a hash of the secret is kept: the raw key is shown once, when it is created.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    # The public part of the key ("hb_<prefix>_<secret>"): shown in lists, used to find the row.
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    # The person the key acts for (decisions are theirs in the audit log); null when an
    # operator created it from the command line without --user.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API key")

    def __str__(self) -> str:
        return f"{self.name} ({self.display_prefix})"

    @property
    def display_prefix(self) -> str:
        return f"{KEY_PREFIX}{self.prefix}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def hash_key(raw_key: str) -> str:
    """The stored form of a raw key: its SHA-256 (random keys need no slow hash)."""
    return hashlib.sha256(raw_key.encode()).hexdigest()
