"""The review gate: why a drafted note must be read by a person before it goes.

A note "needs review" when the engine doubts its own text (a reason the scorecards do not
support, a contradiction, a strong disagreement on the job's heaviest competency, an
observation no interviewer wrote) or when an interviewer's scorecard holds a remark the guard
blocks (a protected characteristic, an insult): the note leaves such a remark out, but the
decision it may have shaped still deserves a person's eyes. Such notes are never approved in
bulk; a person may approve one after reading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from heardback.feedback.engine.types import NoteInput, Scorecard
from heardback.hiring.screening import TextScreen, fingerprint

SCORECARD_BLOCKED = "scorecard_blocked"
# Reasons that come from the scorecards, not from the text: a recruiter's edit keeps them.
SCORECARD_REASONS = frozenset({SCORECARD_BLOCKED})

# Each code in plain words, for the queue, the note and the application page.
REVIEW_REASONS = {
    "reason_unsupported": _("The scorecards do not support the stated rejection reason."),
    "reason_unstated": _(
        "The reason is “Other” and has no explanation of its own (one that only restates the "
        "decision does not count), so the note gives none: write the reason in, or explain "
        "the reason under Settings → Rejection reasons."
    ),
    "contradiction": _("The note contradicts itself."),
    "disagreement_on_heaviest": _(
        "The interviewers strongly disagree on the job's most important competency."
    ),
    "disagreement": _("The interviewers strongly disagree on the job's most important competency."),
    "observation_unbacked": _(
        "A sentence about the candidate is not backed by an interviewer's own words."
    ),
    SCORECARD_BLOCKED: _(
        "A scorecard holds a remark the safe-feedback guard blocks; check that it did not shape "
        "the decision."
    ),
}


def engine_review_reasons(quality: Mapping[str, Any]) -> list[str]:
    """The review codes of the engine's quality report, read from old and new reports alike."""
    codes = [str(code) for code in quality.get("review_reasons", []) or []]
    if quality.get("reason_unsupported") and "reason_unsupported" not in codes:
        codes.insert(0, "reason_unsupported")
    return codes


class ScorecardScreen:
    """Tells whether an application's submitted scorecards hold a remark the guard blocks.

    The verdict of each scorecard is stored on it when it is submitted (`hiring.screening`),
    with the fingerprint of the guard, language and texts it was found under; `stored` holds
    what a drafting run read of them (scorecard id -> (fingerprint, blocked)). A scorecard
    with no stored verdict, or one found under another guard or other texts, is read again,
    each distinct text once per screen (texts repeat: templates, pasted phrases), and its new
    verdict waits in `found` for the caller to store.
    """

    def __init__(self, stored: Mapping[int, tuple[str, bool | None]] | None = None) -> None:
        self.stored = stored if stored is not None else {}
        self.found: dict[int, tuple[str, bool]] = {}
        self._texts = TextScreen()

    def scorecard_blocked(self, scorecard: Scorecard, language: str) -> bool:
        texts = _texts(scorecard)
        key = fingerprint(texts, language)
        stored = self.stored.get(scorecard.id)
        if stored is not None and stored[0] == key and stored[1] is not None:
            return stored[1]
        blocked = self._texts.any_blocked(texts, language)
        self.found[scorecard.id] = (key, blocked)
        return blocked

    def scorecards_blocked(self, scorecards: Iterable[Scorecard], language: str) -> bool:
        """True when any text of these (submitted) scorecards is blocked.

        Interviewers write in the job's language (`language`); the guard checks its hint
        against the text's own words, so French in an English job is still read by the French
        rules.
        """
        return any(self.scorecard_blocked(card, language) for card in scorecards)


def _texts(scorecard: Scorecard) -> list[str]:
    """In the order `hiring.screening.scorecards_screen` fingerprints them (ratings by id)."""
    texts = [scorecard.key_takeaways, scorecard.private_notes]
    for item in scorecard.items:
        texts += [item.candidate_comment, item.evidence]
    return texts


def review_reasons(
    quality: Mapping[str, Any], note_input: NoteInput, screen: ScorecardScreen
) -> list[str]:
    """Why this freshly drafted note needs a person's review (empty: it may go in bulk)."""
    codes = engine_review_reasons(quality)
    if screen.scorecards_blocked(note_input.scorecards, note_input.job.language):
        codes.append(SCORECARD_BLOCKED)
    return codes


def review_labels(codes: Iterable[str], quality: Mapping[str, Any] | None = None) -> list[str]:
    """The codes in plain words (an unknown code as it is), with the contradictions named."""
    labels = []
    for code in codes:
        label = str(REVIEW_REASONS.get(code, code))
        contradictions = (quality or {}).get("contradictions") or []
        if code == "contradiction" and contradictions:
            label = f"{label} ({'; '.join(str(c) for c in contradictions)})"
        labels.append(label)
    return labels
