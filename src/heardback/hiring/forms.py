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
