"""The partner network's panel on the candidate's page (registered in apps.py)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from heardback.partners import selectors
from heardback.partners.models import PartnerProfile


def portal_panel(context: Any, page: Any) -> str:
    """Partners' invitations to answer, and, while the consent lasts, what partners may read."""
    candidate = page.candidate
    invitations = list(selectors.invitations_for_candidate(candidate))
    consent = selectors.consent_live(candidate)
    if not invitations and consent is None:
        return ""
    profile = PartnerProfile.objects.filter(candidate=candidate).first()
    return render_to_string(
        "partners/_portal_panel.html",
        {
            "invitations": invitations,
            "consent": consent,
            "profile": profile,
            "family": page.job.family,
            "token": context.get("token"),
            "resume": bool(candidate.resume_text.strip()),
        },
    )
