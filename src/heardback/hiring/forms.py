from __future__ import annotations

import csv
import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Language, Organization, User
from heardback.hiring.models import (
    Application,
    Interview,
    Job,
    Level,
    PipelineStage,
    RejectionReason,
)
from heardback.hiring.services import CandidateRow, StageInput


class RejectForm(forms.Form):
    reason = forms.ModelChoiceField(
        queryset=RejectionReason.objects.none(),
        label=_("Reason"),
        empty_label=_("Choose the reason"),
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = RejectionReason.objects.filter(  # type: ignore[attr-defined]
            organization=application.organization
        ).order_by("category", "name")


class AdvanceForm(forms.Form):
    stage = forms.ModelChoiceField(queryset=PipelineStage.objects.none(), label=_("Move to"))

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        position = application.stage.position if application.stage else -1
        self.fields["stage"].queryset = application.job.stages.filter(  # type: ignore[attr-defined]
            position__gt=position
        )


class RejectionReasonForm(forms.Form):
    """An admin's rejection reason: what it is called, its category, what a candidate reads."""

    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=RejectionReason.Category.choices)
    explanation_en = forms.CharField(
        label=_("What the candidate reads (English)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "en"}),
        help_text=_("Say only what this reason implies; leave empty to use the category's words."),
    )
    explanation_fr = forms.CharField(
        label=_("What the candidate reads (French)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "fr"}),
    )
    stages = forms.MultipleChoiceField(
        label=_("Stages it fits"),
        choices=PipelineStage.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The stages where the explanation is true (one about an exercise only after it). "
            "None ticked: every stage."
        ),
    )
    sends_note = forms.BooleanField(
        label=_("Send a feedback note"),
        required=False,
        initial=True,
        help_text=_("Untick for duplicate applications or spam: no note is drafted for them."),
    )

    @classmethod
    def for_reason(cls, reason: RejectionReason, data: Any = None) -> RejectionReasonForm:
        initial = {
            "name": reason.name,
            "category": reason.category,
            "explanation_en": reason.explanation_en,
            "explanation_fr": reason.explanation_fr,
            "stages": reason.stages,
            "sends_note": reason.sends_note,
        }
        return cls(data, initial=initial, prefix="reason")


class _MemberChoice(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} <{obj.email}>" if obj.full_name else str(obj.email)


class _MembersChoice(forms.ModelMultipleChoiceField[User]):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} <{obj.email}>" if obj.full_name else str(obj.email)


# A new job starts with the usual pipeline; rows left blank are dropped.
STAGE_ROWS = 6
DEFAULT_STAGES = [
    (_("Application review"), PipelineStage.Kind.APPLICATION_REVIEW),
    (_("Recruiter screen"), PipelineStage.Kind.SCREEN),
    (_("Interview"), PipelineStage.Kind.INTERVIEW),
    (_("Final interview"), PipelineStage.Kind.FINAL),
    (_("Offer"), PipelineStage.Kind.OFFER),
]


class JobForm(forms.Form):
    """A job's basic fields; with `with_stages`, its pipeline too (only when it is created)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Job.Status.choices)
    language = forms.ChoiceField(
        label=_("Language of the feedback notes"), choices=Language.choices
    )
    recruiter = _MemberChoice(
        queryset=User.objects.none(), label=_("Recruiter"), required=False, empty_label="—"
    )
    hiring_manager = _MemberChoice(
        queryset=User.objects.none(), label=_("Hiring manager"), required=False, empty_label="—"
    )
    family = forms.CharField(
        label=_("Job family"),
        max_length=100,
        required=False,
        help_text=_("Roles of one family draw on the same skills, e.g. Backend engineering."),
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", "—"), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the role does; candidates suggested for it are compared with it."),
    )

    def __init__(
        self,
        *args: Any,
        organization: Organization,
        members: QuerySet[User],
        with_stages: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recruiter"].queryset = members  # type: ignore[attr-defined]
        self.fields["hiring_manager"].queryset = members  # type: ignore[attr-defined]
        self.with_stages = with_stages
        if not with_stages:
            return
        for row in range(STAGE_ROWS):
            name, kind = DEFAULT_STAGES[row] if row < len(DEFAULT_STAGES) else ("", "interview")
            self.fields[f"stage_name_{row}"] = forms.CharField(
                label=_("Stage %(n)s") % {"n": row + 1},
                max_length=200,
                required=False,
                initial=name,
            )
            self.fields[f"stage_kind_{row}"] = forms.ChoiceField(
                label=_("Kind of stage %(n)s") % {"n": row + 1},
                choices=PipelineStage.Kind.choices,
                initial=kind,
                required=False,
            )

    @classmethod
    def for_job(cls, job: Job, members: QuerySet[User], data: Any = None) -> JobForm:
        initial = {
            "title": job.title,
            "department": job.department,
            "location": job.location,
            "status": job.status,
            "language": job.language,
            "recruiter": job.recruiter_id,
            "hiring_manager": job.hiring_manager_id,
            "family": job.family,
            "level": job.level,
            "description": job.description,
        }
        return cls(data, initial=initial, organization=job.organization, members=members)

    def stage_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"stage_name_{r}"], self[f"stage_kind_{r}"]) for r in range(STAGE_ROWS)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.with_stages and not self.stages():
            raise ValidationError(_("Name at least one stage."))
        return cleaned

    def stages(self) -> list[StageInput]:
        """The named stages, in order (only once the form is valid)."""
        rows = []
        for row in range(STAGE_ROWS):
            name = (self.cleaned_data.get(f"stage_name_{row}") or "").strip()
            if name:
                kind = self.cleaned_data.get(f"stage_kind_{row}") or PipelineStage.Kind.INTERVIEW
                rows.append(StageInput(name=name, kind=kind))
        return rows


class CandidateForm(forms.Form):
    """One candidate, typed by hand."""

    first_name = forms.CharField(label=_("First name"), max_length=200)
    last_name = forms.CharField(label=_("Last name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def row(self) -> CandidateRow:
        data = self.cleaned_data
        return CandidateRow(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            language=data["language"],
        )


MAX_PASTED_LINES = 500


class CandidateLinesForm(forms.Form):
    """Candidates pasted from a spreadsheet: `name,email,language`, one per line."""

    lines = forms.CharField(
        label=_("One candidate per line: name, email, language"),
        widget=forms.Textarea(
            attrs={"rows": 6, "placeholder": "Camille Martin,camille@example.com,fr"}
        ),
        help_text=_(
            "The first word of the name is how the note greets them; the language (en or fr) "
            "may be left out. Nothing is saved unless every line is right."
        ),
    )

    def clean_lines(self) -> list[CandidateRow]:
        text = self.cleaned_data["lines"]
        numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
        if numbered and _is_header(numbered[0][1]):  # pasted with the spreadsheet's header
            numbered = numbered[1:]
        if len(numbered) > MAX_PASTED_LINES:
            raise ValidationError(
                gettext("Paste at most %(n)s lines at a time.") % {"n": MAX_PASTED_LINES}
            )
        rows: list[CandidateRow] = []
        errors: list[str] = []
        for n, line in numbered:
            try:
                rows.append(_candidate_line(n, line))
            except ValidationError as error:
                errors.extend(
                    gettext("Line %(line)s: %(error)s") % {"line": n, "error": message}
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return rows


def _is_header(line: str) -> bool:
    fields = [f.strip().lower() for f in next(csv.reader([line]))]
    return fields in (["name", "email", "language"], ["name", "email"])


def _candidate_line(n: int, line: str) -> CandidateRow:
    fields = [f.strip() for f in next(csv.reader([line]))]
    if len(fields) == 2:
        fields.append("")
    if len(fields) != 3:
        message = gettext("expected name, email, language separated by commas; found %(n)s.")
        raise ValidationError(message % {"n": len(fields)})
    name, email, language = fields
    first, _space, last = name.partition(" ")
    if not first:
        raise ValidationError(gettext("the name is missing."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                gettext("“%(email)s” is not an email address.") % {"email": email}
            ) from None
    language = language.lower()
    if language and language not in Language.values:
        raise ValidationError(
            gettext("the language must be one of %(choices)s, not “%(language)s”.")
            % {"choices": ", ".join(Language.values), "language": language}
        )
    return CandidateRow(
        first_name=first, last_name=last.strip(), email=email, language=language, line=n
    )


class InterviewForm(forms.Form):
    """An interview to schedule: the date and time are read in the organization's time zone."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Interview.Kind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    interviewers = _MembersChoice(
        queryset=User.objects.none(),
        label=_("Panel"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, organization: Organization, members: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.fields["interviewers"].queryset = members  # type: ignore[attr-defined]
        self.fields["time"].help_text = _("Time zone: %(zone)s.") % {"zone": organization.time_zone}

    def scheduled_at(self) -> dt.datetime:
        zone = zoneinfo.ZoneInfo(self.organization.time_zone)
        return dt.datetime.combine(
            self.cleaned_data["date"], self.cleaned_data["time"], tzinfo=zone
        )
