"""Whether a submitted scorecard holds a remark the guard blocks, kept on the scorecard.

Feedback's review gate marks a note for a person's review when any text of its scorecards
(take-aways, private notes, each rating's comment and evidence) holds a remark the guard
blocks, with its second opinion. That depends on the texts, the language they are read in
(the job's) and the guard, never on the candidate being drafted: so it is found once, when
the scorecard is submitted, and stored on it with a fingerprint of all three
(`Scorecard.guard_screened`). A fingerprint that no longer matches (the guard's rules or code
changed, a text was edited or imported again by any path) means the stored verdict is stale:
the texts are read again and the new verdict stored. Bulk drafting then reads the guard only
for scorecards it has never seen under today's guard.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata, resources

from django.db import connections, router

from heardback.feedback.engine import guard
from heardback.hiring.models import Scorecard, ScorecardRating

# What the guard reads its rules, lexicon and model from, besides its own modules.
_GUARD_PACKAGES = ("heardback.feedback.engine", "heardback.feedback.engine.guard_rules")


@functools.cache
def guard_version() -> str:
    """A fingerprint of everything the guard's verdicts depend on: its code, rules, lexicon
    and model files, and the country and language names it reads from pycountry."""
    digest = hashlib.blake2b(digest_size=16)
    for package in _GUARD_PACKAGES:
        folder = resources.files(package)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            in_rules = package.endswith("guard_rules")
            if not entry.is_file() or not entry.name.endswith((".py", ".toml", ".json")):
                continue
            if not in_rules and not entry.name.startswith("guard"):
                continue
            digest.update(f"{package}/{entry.name}\0".encode())
            digest.update(entry.read_bytes())
    digest.update(metadata.version("pycountry").encode())
    return digest.hexdigest()


def fingerprint(texts: Sequence[str], language: str) -> str:
    """What a stored verdict was found under: today's guard, the language, every text (their
    lengths first, so no two lists of texts read alike)."""
    lengths = ",".join([str(len(text)) for text in texts])
    whole = "\0".join([guard_version(), language, lengths, *texts])
    return hashlib.blake2b(whole.encode(errors="surrogatepass"), digest_size=16).hexdigest()


class TextScreen:
    """Whether the guard blocks a scorecard text; each distinct text read once per screen
    (scorecards repeat templates and pasted phrases)."""

    def __init__(self) -> None:
        self._blocked: dict[tuple[str, str], bool] = {}

    def blocks(self, text: str, language: str) -> bool:
        text = text.strip()
        if not text:
            return False
        key = (language, text)
        found = self._blocked.get(key)
        if found is None:
            findings = guard.check(text, lang=language, context="note", second_opinion=True)
            found = self._blocked[key] = guard.verdict(findings) == "block"
        return found

    def any_blocked(self, texts: Iterable[str], language: str) -> bool:
        return any(self.blocks(text, language) for text in texts)


def scorecards_screen(
    scorecards: Iterable[Scorecard], screen: TextScreen | None = None
) -> dict[int, tuple[str, bool]]:
    """Find and store the verdict of each of these submitted scorecards whose stored one is
    missing or stale; return those stored (id -> (fingerprint, blocked)). Their texts are
    read here, as rows: a large import's ratings as model instances cost more than the guard.
    """
    screen = screen if screen is not None else TextScreen()
    pks = [card.pk for card in scorecards if card.submitted_at is not None]
    cards = Scorecard.objects.filter(pk__in=pks).values_list(
        "id", "key_takeaways", "private_notes", "application__job__language", "guard_screened",
        "guard_blocked",
    )  # fmt: skip
    ratings: dict[int, list[str]] = defaultdict(list)
    rows = (
        ScorecardRating.objects.filter(scorecard_id__in=pks)
        .order_by("id")
        .values_list("scorecard_id", "candidate_comment", "evidence")
    )
    for scorecard_id, comment, evidence in rows:
        ratings[scorecard_id] += [comment, evidence]
    found: dict[int, tuple[str, bool]] = {}
    for pk, takeaways, private_notes, language, screened, blocked in cards:
        # The order `feedback.review` reads them in: take-aways, private notes, then each
        # rating's comment and evidence, by id.
        texts = [takeaways, private_notes, *ratings[pk]]
        key = fingerprint(texts, language)
        if screened != key or blocked is None:
            found[pk] = (key, screen.any_blocked(texts, language))
    store(found)
    return found


def store(verdicts: Mapping[int, tuple[str, bool]]) -> None:
    """Store verdicts found (scorecard id -> (fingerprint, blocked)): one UPDATE a row,
    sent at once (`bulk_update`'s CASE over thousands of ids cost more than the guard)."""
    if not verdicts:
        return
    connection = connections[router.db_for_write(Scorecard)]
    quote = connection.ops.quote_name
    # Names from the model's own metadata, values as parameters: nothing from outside.
    sql = (
        f"UPDATE {quote(Scorecard._meta.db_table)} SET "  # noqa: S608
        f"{quote('guard_screened')} = %s, {quote('guard_blocked')} = %s WHERE {quote('id')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(key, blocked, pk) for pk, (key, blocked) in verdicts.items()])
