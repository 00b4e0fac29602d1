"""Settings → API keys form: it parses the input; `api.services` decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.accounts.forms import SettingsForm
from heardback.api.scopes import SCOPES


class ApiKeyForm(SettingsForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use it, e.g. “Greenhouse sync”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=list(SCOPES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Give a key only what its tool needs."),
    )
