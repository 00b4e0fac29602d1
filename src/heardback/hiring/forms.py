from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.hiring.models import Application, PipelineStage, RejectionReason


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
