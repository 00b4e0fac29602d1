"""Whether a scorecard comment the candidate may read passes the safe-feedback guard.

Checked with the guard's `candidate` context, as the live guard under the comment box does:
the comment is written for the candidate, so everything that may never be sent blocks it.
Nothing is stored: every page re-checks the texts it shows, so a change of the rules is
reflected the next time the comment is displayed or submitted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heardback.feedback.engine import guard

# A sentence with its closing punctuation and the spaces after it; a line break ends one too.
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)[ \t]*")


def comment_findings(text: str, *, lang: str) -> list[guard.Finding]:
    """Every guard finding in a comment the candidate may read. Interviewers wrote it, so the
    learned second opinion reads it too, as it does every scorecard text."""
    if not text.strip():
        return []
    return guard.check(text, lang=lang or "en", context="candidate", second_opinion=True)


def comment_blocks(text: str, *, lang: str) -> list[guard.Finding]:
    """The guard's block findings in a text the candidate may read (warnings do not count)."""
    return [f for f in comment_findings(text, lang=lang) if f.severity == "block"]


def without_blocked_sentences(text: str, blocks: Sequence[guard.Finding]) -> str:
    """`text` without the sentences that hold a block finding: what is left to keep."""
    kept = [
        match.group()
        for match in _SENTENCE.finditer(text)
        if match.group()
        and not any(f.start < match.end() and match.start() < f.end for f in blocks)
    ]
    return "".join(kept).strip()
