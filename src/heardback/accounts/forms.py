"""Organization settings forms: they parse and bound the input; the services decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import POLICY_BOUNDS, Language, Membership, Organization

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _bounded(label: StrOrPromise, name: str, help_text: StrOrPromise = "") -> forms.IntegerField:
    low, high = POLICY_BOUNDS[name]
    return forms.IntegerField(label=label, min_value=low, max_value=high, help_text=help_text)


class SettingsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # labels read as headings, as elsewhere in the app
        super().__init__(*args, **kwargs)


class FeedbackPolicyForm(SettingsForm):
    tone = forms.ChoiceField(label=_("Tone of the notes"), choices=Organization.Tone.choices)
    reapply_months = _bounded(
        _("Candidates may apply again after (months)"),
        "reapply_months",
        _("0 lets them apply again at any time."),
    )
    show_interviewer_first_names = forms.BooleanField(
        label=_("Name interviewers by their first name in notes"), required=False
    )
    scorecard_deadline_hours = _bounded(
        _("Scorecards are due (hours after the interview)"), "scorecard_deadline_hours"
    )
    decision_deadline_days = _bounded(
        _("Decisions are due (business days after the last scorecard)"), "decision_deadline_days"
    )
    feedback_deadline_days = _bounded(
        _("Feedback is due (business days after a rejection)"), "feedback_deadline_days"
    )
    default_language = forms.ChoiceField(label=_("Default language"), choices=Language.choices)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_("An IANA name such as Europe/Paris or America/New_York."),
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
    )

    @classmethod
    def for_organization(cls, organization: Organization, data: Any = None) -> FeedbackPolicyForm:
        initial = {name: getattr(organization, name) for name in cls.base_fields}
        return cls(data, initial=initial, prefix="policy")


class SenderForm(SettingsForm):
    sender_name = forms.CharField(
        label=_("Sender name"),
        max_length=200,
        required=False,
        strip=False,  # the service refuses line breaks rather than silently trimming them
        help_text=_("The name candidates see in their inbox, e.g. your recruiting team."),
    )
    sender_email = forms.CharField(
        label=_("Sender email"),
        max_length=254,
        required=False,
        strip=False,
        widget=forms.EmailInput,
        help_text=_("Replies go here: use a mailbox someone reads."),
    )

    @classmethod
    def for_organization(cls, organization: Organization, data: Any = None) -> SenderForm:
        initial = {
            "sender_name": organization.sender_name,
            "sender_email": organization.sender_email,
        }
        return cls(data, initial=initial, prefix="sender")


class MemberAddForm(SettingsForm):
    email = forms.EmailField(label=_("Email"))
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        help_text=_("Shown in the invitation; they can change it."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.INTERVIEWER
    )


class MemberRoleForm(SettingsForm):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
