from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.accounts.models import Language
from heardback.seeker.models import Interview, JobApplication, Seeker

TIME_ZONES = sorted(available_timezones() - {"localtime", "Factory"})


class _Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SignupForm(_Form):
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    full_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(z, z) for z in TIME_ZONES], initial="Europe/Paris"
    )


class _ModelForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ApplicationForm(_ModelForm):
    link = forms.URLField(
        label=_("Link to the offer"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = JobApplication
        fields = [
            "company", "role", "link", "source", "applied_on", "stage", "next_step",
            "next_step_due", "last_contact_on", "notes",
        ]  # fmt: skip
        widgets = {
            "applied_on": forms.DateInput(attrs={"type": "date"}),
            "next_step_due": forms.DateInput(attrs={"type": "date"}),
            "last_contact_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }


class InterviewForm(_ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    class Meta:
        model = Interview
        fields = ["starts_at", "kind", "interviewers", "notes"]
        widgets = {
            "interviewers": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }


class SettingsForm(_ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=[(z, z) for z in TIME_ZONES])

    class Meta:
        model = Seeker
        fields = [
            "time_zone", "thank_you_hours", "follow_up_days", "follow_ups_max", "ghosted_days",
            "active_min", "email_digest", "email_weekly", "weekly_day",
        ]  # fmt: skip


class SubscribeForm(_Form):
    url = forms.CharField(
        label=_("The employer's heardback link"),
        max_length=500,
        help_text=_("Paste the address of your application page (…/p/…) or of its status feed."),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "off"}),
    )


class ImportForm(_Form):
    file = forms.FileField(label=_("CSV file"))


class DocumentForm(_Form):
    file = forms.FileField(
        label=_("Add a document"),
        help_text=_("PDF, Word (.docx), OpenDocument (.odt), text, PNG or JPEG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.txt,.png,.jpg,.jpeg"}),
    )


class DeleteAccountForm(_Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
