"""Rubric state changes: a job's competencies, written by hand or copied from the library.

Notes quote a competency's name, the descriptor for the candidate's rating and its tips, and the
description is written for candidates too; so each is checked by the safe-feedback guard in the
candidate context before it is saved: what the guard blocks is refused with its reason, exactly
as it would be refused in a note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heardback.accounts.models import User
from heardback.accounts.services import audit
from heardback.feedback.engine import guard
from heardback.hiring import library
from heardback.hiring.models import AttributeRating, Competency, Job
from heardback.hiring.selectors import can_edit_rubric

MAX_TEXT = 5_000


@dataclass(frozen=True)
class CompetencyValues:
    """What a recruiter writes for one rubric line; descriptors are keyed by rating level."""

    name: str
    description: str = ""
    weight: int = 1
    bar: str = AttributeRating.YES
    descriptors: Mapping[str, str] = field(default_factory=dict)
    tips: str = ""
    position: int | None = None


def _require_editor(*, actor: User, job: Job) -> None:
    if not can_edit_rubric(user=actor, job=job):
        raise PermissionDenied(
            _("Only recruiters, admins and the job's hiring manager edit this rubric.")
        )


def guard_blocks(text: str, *, language: str) -> list[str]:
    """Why the guard refuses `text` for a candidate's eyes: one reason per blocking finding."""
    findings = guard.check(text[:MAX_TEXT], lang=language, context="candidate")
    return [
        _("«%(text)s» is blocked by the safe-feedback guard: %(why)s Try: %(suggestion)s")
        % {"text": text[f.start : f.end], "why": f.why, "suggestion": f.suggestion}
        for f in findings
        if f.severity == "block"
    ]


def _cleaned(values: CompetencyValues, *, job: Job, exclude_pk: int | None) -> CompetencyValues:
    errors: dict[str, list[str]] = {}
    name = " ".join(values.name.split())
    if not name:
        errors["name"] = [_("Give the competency a name.")]
    elif len(name) > 200:
        errors["name"] = [_("Keep the name under 200 characters.")]
    elif Competency.objects.filter(job=job, name__iexact=name).exclude(pk=exclude_pk or 0).exists():
        errors["name"] = [_("This job already has a competency with that name.")]
    if not 1 <= values.weight <= 10:
        errors["weight"] = [_("The weight is a whole number from 1 to 10.")]
    if values.bar not in AttributeRating.values:
        errors["bar"] = [_("Choose the rating a hire needs.")]
    if values.position is not None and not 0 <= values.position <= 999:
        errors["position"] = [_("The position is a number from 0 to 999.")]
    unknown = set(values.descriptors) - set(AttributeRating.values)
    if unknown:
        errors["descriptors"] = [
            _("Unknown rating level: %(levels)s.") % {"levels": sorted(unknown)}
        ]
    descriptors = {
        level: " ".join(values.descriptors.get(level, "").split())
        for level in AttributeRating.values
        if values.descriptors.get(level, "").strip()
    }
    texts = {
        "name": name,
        "description": values.description.strip(),
        "tips": values.tips.strip(),
        **{f"descriptor_{level}": text for level, text in descriptors.items()},
    }
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            errors.setdefault(key, []).append(_("Keep this under 5,000 characters."))
        elif reasons := guard_blocks(text, language=job.language):
            errors.setdefault(key, []).extend(reasons)
    if errors:
        raise ValidationError(errors)
    return CompetencyValues(
        name=name,
        description=texts["description"],
        weight=values.weight,
        bar=values.bar,
        descriptors=descriptors,
        tips=texts["tips"],
        position=values.position,
    )


def _next_position(job: Job) -> int:
    last = Competency.objects.filter(job=job).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def competency_save(
    *, actor: User, job: Job, values: CompetencyValues, competency: Competency | None = None
) -> Competency:
    """Add a competency to the job's rubric, or change one; guard-checked candidate-facing texts."""
    _require_editor(actor=actor, job=job)
    if competency is not None:
        competency = Competency.objects.select_for_update().get(pk=competency.pk)
        if competency.job_id != job.pk:
            raise ValidationError(_("That competency belongs to another job."))
    clean = _cleaned(values, job=job, exclude_pk=competency.pk if competency else None)
    created = competency is None
    if competency is None:
        competency = Competency(
            organization=job.organization, job=job, position=_next_position(job)
        )
    before = {
        "name": competency.name,
        "description": competency.description,
        "weight": competency.weight,
        "bar": competency.bar,
        "descriptors": dict(competency.descriptors),
        "tips": competency.tips,
        "position": competency.position,
    }
    competency.name = clean.name
    competency.description = clean.description
    competency.weight = clean.weight
    competency.bar = clean.bar
    competency.descriptors = dict(clean.descriptors)
    competency.tips = clean.tips
    if clean.position is not None:
        competency.position = clean.position
    # An imported competency waits for a recruiter to describe it; once described, it is done.
    if competency.description:
        competency.needs_description = False
    try:
        with transaction.atomic():
            competency.save()
    except IntegrityError:
        # Someone saved the same name a moment ago, past the check above.
        raise ValidationError(
            {"name": [_("This job already has a competency with that name.")]}
        ) from None
    after = {
        "name": competency.name,
        "description": competency.description,
        "weight": competency.weight,
        "bar": competency.bar,
        "descriptors": competency.descriptors,
        "tips": competency.tips,
        "position": competency.position,
    }
    audit(
        organization=job.organization,
        actor=actor,
        action="competency.create" if created else "competency.update",
        obj=competency,
        job=job.pk,
        name=competency.name,
        changed=sorted(key for key in after if created or after[key] != before[key]),
    )
    return competency


@transaction.atomic
def competency_add_from_library(*, actor: User, job: Job, key: str) -> Competency:
    """Copy a library competency, with its descriptors and tips, to the end of the job's rubric."""
    _require_editor(actor=actor, job=job)
    entry = library.library_competency(key)
    if entry is None:
        raise ValidationError(_("That competency is not in the library."))
    if Competency.objects.filter(job=job, name__iexact=entry["name"]).exists():
        raise ValidationError(
            _("This job already has a competency named %(name)s.") % {"name": entry["name"]}
        )
    competency = Competency.objects.create(
        organization=job.organization,
        job=job,
        name=entry["name"],
        description=entry["description"],
        weight=entry["weight"],
        bar=entry["bar"],
        descriptors=library.rubric_descriptors(entry),
        tips=library.rubric_tips(entry),
        position=_next_position(job),
    )
    audit(
        organization=job.organization, actor=actor, action="competency.add_from_library",
        obj=competency, job=job.pk, key=key, name=competency.name,
    )  # fmt: skip
    return competency


@transaction.atomic
def competency_delete(*, actor: User, competency: Competency) -> None:
    """Remove a competency nobody has rated yet; rated ones stay, their scorecards need them."""
    competency = (
        Competency.objects.select_for_update()
        .select_related("job__organization")
        .get(pk=competency.pk)
    )
    _require_editor(actor=actor, job=competency.job)
    ratings = competency.ratings.count()
    if ratings:
        raise ValidationError(
            ngettext(
                "%(name)s already has %(n)s rating in a scorecard, so it stays in the rubric: "
                "removing it would change what an interviewer wrote.",
                "%(name)s already has %(n)s ratings in scorecards, so it stays in the rubric: "
                "removing it would change what interviewers wrote.",
                ratings,
            )
            % {"name": competency.name, "n": ratings}
        )
    audit(
        organization=competency.job.organization, actor=actor, action="competency.delete",
        obj=competency, job=competency.job_id, name=competency.name,
    )  # fmt: skip
    competency.delete()


@transaction.atomic
def rubric_reorder(*, actor: User, job: Job, order: Sequence[int]) -> None:
    """Put the job's competencies in `order` (every one of their ids, once each)."""
    _require_editor(actor=actor, job=job)
    competencies = {c.pk: c for c in Competency.objects.select_for_update().filter(job=job)}
    if sorted(order) != sorted(competencies):
        # Someone added or removed a competency since the page was drawn: reload, then reorder.
        raise ValidationError(_("The rubric changed since this page was opened; reload it."))
    before = sorted(competencies, key=lambda pk: (competencies[pk].position, pk))
    changed = []
    for position, pk in enumerate(order):
        if competencies[pk].position != position:
            competencies[pk].position = position
            changed.append(competencies[pk])
    Competency.objects.bulk_update(changed, ["position"])
    audit(
        organization=job.organization, actor=actor, action="rubric.reorder", obj=job,
        before=before, after=list(order),
    )  # fmt: skip


def rubric_move(*, actor: User, competency: Competency, direction: str) -> None:
    """Move one competency a place up or down in its job's rubric (the buttons without script)."""
    order = list(
        Competency.objects.filter(job_id=competency.job_id)
        .order_by("position", "id")
        .values_list("pk", flat=True)
    )
    index = order.index(competency.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(order):
        return
    order[index], order[target] = order[target], order[index]
    rubric_reorder(actor=actor, job=competency.job, order=order)
