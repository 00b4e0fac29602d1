from __future__ import annotations

import json
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from heardback.hiring.models import AttributeRating, Competency
from heardback.hiring.rubric_services import CompetencyValues

# Texts a candidate may read: each gets the guard's findings live while the recruiter types.
CANDIDATE_FACING = ("name", "description", "tips", *(f"descriptor_{v}" for v in AttributeRating))


class CompetencyForm(forms.Form):
    """One rubric line. The service does the business checks; this form only parses."""

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What this competency covers, in a sentence a candidate could read."),
    )
    weight = forms.IntegerField(
        label=_("Weight"),
        min_value=1,
        max_value=10,
        initial=1,
        help_text=_("How much it counts, from 1 to 10."),
    )
    bar = forms.ChoiceField(
        label=_("Bar"),
        choices=AttributeRating.choices,
        initial=AttributeRating.YES,
        help_text=_("The rating a hire needs."),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=999,
        required=False,
        help_text=_("Lower numbers come first on scorecards."),
    )
    tips = forms.CharField(
        label=_("Development tips"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Candidate-facing: one or two concrete things to practise, in full sentences."),
    )

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for value, label in AttributeRating.choices:
            self.fields[f"descriptor_{value}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for name in CANDIDATE_FACING:
            self.fields[name].widget.attrs.update(
                {
                    "hx-post": reverse("hiring:rubric-guard-check"),
                    "hx-trigger": "input changed delay:400ms",
                    "hx-vals": json.dumps({"field": self.add_prefix(name), "lang": language}),
                    "hx-target": f"#{self[name].auto_id}-guard",
                    "hx-swap": "innerHTML",
                }
            )

    @classmethod
    def for_competency(cls, competency: Competency, data: Any = None) -> CompetencyForm:
        initial = {
            "name": competency.name,
            "description": competency.description,
            "weight": competency.weight,
            "bar": competency.bar,
            "position": competency.position,
            "tips": competency.tips,
            **{f"descriptor_{k}": v for k, v in competency.descriptors.items()},
        }
        return cls(
            data, initial=initial, prefix=f"c{competency.pk}", language=competency.job.language
        )

    def descriptor_fields(self) -> list[forms.BoundField]:
        return [self[f"descriptor_{value}"] for value in AttributeRating.values]

    def values(self) -> CompetencyValues:
        data = self.cleaned_data
        return CompetencyValues(
            name=data["name"],
            description=data["description"],
            weight=data["weight"],
            bar=data["bar"],
            descriptors={v: data[f"descriptor_{v}"] for v in AttributeRating.values},
            tips=data["tips"],
            position=data["position"],
        )
