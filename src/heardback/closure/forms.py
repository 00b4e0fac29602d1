"""Settings → the closure policy form: it parses and bounds the input; the service decides."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.accounts.forms import SettingsForm
from heardback.closure.models import ClosurePolicy


class ClosurePolicyForm(SettingsForm):
    holidays = forms.CharField(
        label=_("Holidays"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One date per line, like 2026-12-25. Weekends are never business days."),
    )
    holding_updates = forms.ChoiceField(
        label=_("Holding updates to waiting candidates"),
        choices=ClosurePolicy.HoldingUpdates.choices,
    )
    max_holding_updates = forms.IntegerField(
        label=_("At most this many holding updates per candidate"), min_value=0, max_value=10
    )
    escalate_after_days = forms.IntegerField(
        label=_("Tell the hiring manager after a reminder is unanswered for (business days)"),
        min_value=0,
        max_value=30,
    )

    @classmethod
    def for_policy(cls, policy: ClosurePolicy, data: Any = None) -> ClosurePolicyForm:
        initial = {
            "holidays": "\n".join(policy.holidays),
            "holding_updates": policy.holding_updates,
            "max_holding_updates": policy.max_holding_updates,
            "escalate_after_days": policy.escalate_after_days,
        }
        return cls(data, initial=initial, prefix="closure")

    def clean_holidays(self) -> list[str]:
        days = []
        for line in self.cleaned_data["holidays"].replace(",", "\n").splitlines():
            if not line.strip():
                continue
            try:
                days.append(dt.date.fromisoformat(line.strip()).isoformat())
            except ValueError:
                raise forms.ValidationError(
                    _("%(value)s is not a date; write holidays like 2026-12-25.")
                    % {"value": repr(line.strip())}
                ) from None
        return days
