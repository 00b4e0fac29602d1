"""Reads of import runs: who may see them, and how a run's progress reads on the page."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability, member_who_can
from heardback.accounts.selectors import organization_where_user_can
from heardback.integrations.importers.base import OBJECT_TYPES, SAVING
from heardback.integrations.models import ImportRun


def organization_for_importer(*, user: User, session_slug: str | None) -> Organization:
    """The user's current organization, where they must be an admin or a recruiter (else 403)."""
    return organization_where_user_can(
        user=user, session_slug=session_slug, capability=Capability.IMPORT_DATA
    )


def import_run_get_for_user(*, user: User, run_id: int | str) -> ImportRun:
    """A run of an organization where the user is an admin or recruiter, or 404."""
    try:
        return (
            ImportRun.objects.select_related("organization", "created_by")
            .filter(member_who_can(user, Capability.IMPORT_DATA))
            .get(pk=run_id)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def import_runs_for_organization(*, organization: Organization) -> QuerySet[ImportRun]:
    """The organization's runs, newest first, with who started them."""
    return ImportRun.objects.filter(organization=organization).select_related("created_by")


# The importers' object types (OBJECT_TYPES), as the page names them.
OBJECT_LABELS = {
    "users": gettext_lazy("users"),
    "memberships": gettext_lazy("memberships"),
    "invitations": gettext_lazy("invitations (not sent)"),
    "jobs": gettext_lazy("jobs"),
    "stages": gettext_lazy("stages"),
    "competencies": gettext_lazy("competencies"),
    "rejection reasons": gettext_lazy("rejection reasons"),
    "candidates": gettext_lazy("candidates"),
    "applications": gettext_lazy("applications"),
    "interviews": gettext_lazy("interviews"),
    "scorecards": gettext_lazy("scorecards"),
    "ratings": gettext_lazy("ratings"),
}


def import_run_summary_rows(run: ImportRun) -> list[tuple[str, int, int, int, int]]:
    """(object type, created, updated, unchanged, skipped) in the command line's order."""
    rows = []
    for name in OBJECT_TYPES:
        counts = run.summary.get(name)
        if counts:
            rows.append(
                (
                    str(OBJECT_LABELS.get(name, name)),
                    counts.get("created", 0),
                    counts.get("updated", 0),
                    counts.get("unchanged", 0),
                    counts.get("skipped", 0),
                )
            )
    return rows


def import_run_phase_label(run: ImportRun) -> str:
    """The importer's phase in the reader's language: "Reading jobs.json", "Saving"…"""
    phase = run.phase
    if not phase:
        return _("Waiting for a worker") if run.status == ImportRun.Status.QUEUED else ""
    if phase == SAVING:
        return _("Saving everything in one go")
    verb, _space, what = phase.partition(" ")
    if verb == "Reading":
        return _("Reading %(file)s") % {"file": what}
    if verb == "Writing":
        return _("Saving %(objects)s") % {"objects": what}
    return phase
