"""Candidate-facing sentences about the next step, per language (the portal shows them).

Kept here rather than in gettext catalogs: they are product copy a recruiter may quote, and
every language must say the same thing. One rule for all of them: never hint at the outcome
before the candidate has it, so "awaiting feedback" reads like any other wait.
"""

from __future__ import annotations

NEXT_STEP: dict[str, dict[str, str]] = {
    "en": {
        "in_progress": "Your application is in progress. We will contact you about the next step.",
        "next_interview": "Your next interview is planned for {date}.",
        "hear_by": "You will hear from us by {date}.",
        "late": (
            "We are taking longer than planned, and we are sorry for the wait. "
            "You will hear from us as soon as possible."
        ),
        "closed": "We shared our decision with you on {date}.",
        "withdrawn": "You withdrew your application. Thank you for the time you gave us.",
    },
    "fr": {
        "in_progress": (
            "Votre candidature est en cours. Nous vous contacterons pour la prochaine étape."
        ),
        "next_interview": "Votre prochain entretien est prévu le {date}.",
        "hear_by": "Vous aurez de nos nouvelles d’ici le {date}.",
        "late": (
            "Nous prenons plus de temps que prévu et vous prions de nous excuser pour l’attente. "
            "Vous aurez de nos nouvelles dès que possible."
        ),
        "closed": "Nous vous avons fait part de notre décision le {date}.",
        "withdrawn": (
            "Vous avez retiré votre candidature. Merci pour le temps que vous nous avez consacré."
        ),
    },
}


def next_step(language: str, key: str, **values: str) -> str:
    """The sentence for `key` in `language` (English when the language is not offered)."""
    return NEXT_STEP.get(language, NEXT_STEP["en"])[key].format(**values)
