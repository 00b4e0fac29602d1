"""Rejection reasons: the defaults every organization starts with, and admins' own.

A team that does not import its reasons from an ATS still has to reject people: a new
organization gets one reason per category (`default_rejection_reasons.toml`), and admins add
or change reasons under Settings or through the API. A reason's explanations are what a
candidate reads, so the guard checks them as it checks a note.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from heardback.accounts.models import Organization, User
from heardback.accounts.services import audit
from heardback.hiring.models import PipelineStage, RejectionReason
from heardback.hiring.rubric_services import guard_blocks

DEFAULTS_FILE = "default_rejection_reasons.toml"
MAX_EXPLANATION = 2_000


@dataclass(frozen=True)
class ReasonValues:
    """What an admin writes for one rejection reason."""

    name: str
    category: str
    explanation_en: str = ""
    explanation_fr: str = ""
    stages: tuple[str, ...] = ()
    sends_note: bool = True


@functools.cache
def default_reasons() -> tuple[ReasonValues, ...]:
    """The default set, read and checked once: every category, known stage kinds only."""
    text = resources.files("heardback.hiring").joinpath(DEFAULTS_FILE).read_text("utf-8")
    reasons = tuple(_default(row) for row in tomllib.loads(text)["reason"])
    missing = set(RejectionReason.Category.values) - {r.category for r in reasons}
    if missing:
        raise ValueError(f"{DEFAULTS_FILE}: no default reason for {', '.join(sorted(missing))}")
    return reasons


def _default(row: dict[str, Any]) -> ReasonValues:
    unknown = set(row) - {f for f in ReasonValues.__dataclass_fields__}
    if unknown:
        raise ValueError(f"{DEFAULTS_FILE}: unknown keys {sorted(unknown)} in {row.get('name')!r}")
    values = ReasonValues(**{**row, "stages": tuple(row.get("stages", ()))})
    if values.category not in RejectionReason.Category.values:
        raise ValueError(f"{DEFAULTS_FILE}: unknown category {values.category!r}")
    if set(values.stages) - set(PipelineStage.Kind.values):
        raise ValueError(f"{DEFAULTS_FILE}: unknown stage in {values.name!r}: {values.stages}")
    return values


def rejection_reasons_create_defaults(
    *, organization: Organization, actor: User | None
) -> list[RejectionReason]:
    """Give a new organization the default reasons (those whose name it does not have yet)."""
    taken = set(RejectionReason.objects.filter(organization=organization).values_list("name"))
    created = RejectionReason.objects.bulk_create(
        [
            RejectionReason(organization=organization, **_fields(values))
            for values in default_reasons()
            if (values.name,) not in taken
        ]
    )
    if created:
        audit(
            organization=organization, actor=actor, action="rejection_reason.defaults",
            count=len(created),
        )  # fmt: skip
    return created


def _fields(values: ReasonValues) -> dict[str, Any]:
    return {
        "name": values.name,
        "category": values.category,
        "explanation_en": values.explanation_en,
        "explanation_fr": values.explanation_fr,
        "stages": list(values.stages),
        "sends_note": values.sends_note,
    }


def _cleaned(
    values: ReasonValues, *, organization: Organization, reason: RejectionReason | None = None
) -> ReasonValues:
    """The values trimmed and checked, or a ValidationError naming each bad field."""
    values = ReasonValues(
        name=" ".join(values.name.split()),
        category=values.category,
        explanation_en=values.explanation_en.strip(),
        explanation_fr=values.explanation_fr.strip(),
        stages=_ordered_stages(values.stages),
        sends_note=bool(values.sends_note),
    )
    errors: dict[str, list[str]] = {}
    if not values.name:
        errors["name"] = [_("Give the reason a name.")]
    elif len(values.name) > 200:
        errors["name"] = [_("Keep the name under 200 characters.")]
    elif (
        RejectionReason.objects.filter(organization=organization, name__iexact=values.name)
        .exclude(pk__in=[reason.pk] if reason else [])
        .exists()
    ):
        errors["name"] = [_("There is already a reason with this name.")]
    if values.category not in RejectionReason.Category.values:
        errors["category"] = [_("Choose a category.")]
    unknown = [s for s in values.stages if s not in PipelineStage.Kind.values]
    if unknown:
        errors["stages"] = [
            _("Not a stage: %(stages)s. Choose among %(known)s.")
            % {"stages": ", ".join(unknown), "known": ", ".join(PipelineStage.Kind.values)}
        ]
    for language in ("en", "fr"):
        name = f"explanation_{language}"
        text = getattr(values, name)
        if len(text) > MAX_EXPLANATION:
            errors[name] = [
                _("Keep the explanation under %(n)s characters.") % {"n": MAX_EXPLANATION}
            ]
        elif text and (blocked := guard_blocks(text, language=language)):
            errors[name] = blocked
    if errors:
        raise ValidationError(errors)
    return values


def _ordered_stages(stages: Sequence[str]) -> tuple[str, ...]:
    # Pipeline order, each once: what the settings page and the API show back.
    given = {str(s).strip() for s in stages}
    known = [kind for kind in PipelineStage.Kind.values if kind in given]
    return (*known, *sorted(given - set(known)))


@transaction.atomic
def rejection_reason_create(
    *, actor: User | None, organization: Organization, values: ReasonValues
) -> RejectionReason:
    """Add a rejection reason to the organization, its explanations checked by the guard."""
    values = _cleaned(values, organization=organization)
    reason = RejectionReason.objects.create(organization=organization, **_fields(values))
    audit(
        organization=organization, actor=actor, action="rejection_reason.create", obj=reason,
        **_fields(values),
    )  # fmt: skip
    return reason


@transaction.atomic
def rejection_reason_update(
    *, actor: User | None, reason: RejectionReason, values: ReasonValues
) -> RejectionReason:
    """Change a reason; applications already rejected with it keep it (and read the new text)."""
    reason = RejectionReason.objects.select_for_update().get(pk=reason.pk)
    values = _cleaned(values, organization=reason.organization, reason=reason)
    changed = {
        name: value for name, value in _fields(values).items() if getattr(reason, name) != value
    }
    for name, value in changed.items():
        setattr(reason, name, value)
    if changed:
        reason.save(update_fields=list(changed))
        audit(
            organization=reason.organization, actor=actor, action="rejection_reason.update",
            obj=reason, **changed,
        )  # fmt: skip
    return reason
