from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from heardback.integrations.models import ImportRun


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".zip,.json,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportUploadForm(forms.Form):
    source = forms.ChoiceField(label=_("Exported from"), choices=ImportRun.Source.choices)
    upload = MultipleFileField(
        label=_("Files"),
        help_text=_("One .zip of the dump, or its .json files (a single .csv for CSV)."),
    )
    dry_run = forms.BooleanField(label=_("Dry run: check and count, save nothing"), required=False)
