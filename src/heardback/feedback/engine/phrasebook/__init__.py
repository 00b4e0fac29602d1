"""Phrasebooks per language, and the stable choice among a role's phrasings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import blake2b
from types import ModuleType
from typing import Final

from heardback.feedback.engine.phrasebook import en, fr
from heardback.feedback.engine.types import Language, Tone

TONES: Final[tuple[Tone, ...]] = ("warm", "formal")

# French convention: a no-break space before ":" and a narrow no-break space before ";", "?", "!"
# and inside guillemets, so that a line never starts with the punctuation.
_FRENCH_SPACING: Final = (
    (" :", "\u00a0:"),
    (" ;", "\u202f;"),
    (" ?", "\u202f?"),
    (" !", "\u202f!"),
    ("« ", "«\u00a0"),
    (" »", "\u00a0»"),
)


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """One language's phrasings, resolved per tone, plus its small grammar tables."""

    language: Language
    months: tuple[str, ...]
    numbers: tuple[str, ...]
    first_day: str
    conjunction: str
    someone: str
    sole: str  # "your interviewer": when a single scorecard is all the note rests on
    someone_step: str  # the same two after a take-home or a step of another kind
    sole_step: str
    kind_nouns: Mapping[str, str]
    meeting_words: frozenset[str]
    meeting_word_at: int
    # Words that make a step's name an activity, not an interview ("Assessment day", "Trial
    # shift", "Journée d'essai"), at `meeting_word_at`.
    activity_words: frozenset[str]
    by_tone: Mapping[Tone, Mapping[str, tuple[str, ...]]]
    # The same, with each role's key for Picker (-1 when there is only one phrasing).
    keyed: Mapping[Tone, Mapping[str, tuple[tuple[str, ...], int]]]
    patterns: Mapping[str, str]  # role -> its first phrasing, for the small grammar

    def grammar(self, role: str) -> str:
        """A small grammar pattern (dates, quotes, meetings): one phrasing, any tone."""
        return self.patterns[role]

    def number(self, n: int) -> str:
        return self.numbers[n] if n < len(self.numbers) else str(n)


def french_spacing(text: str) -> str:
    """Apply French punctuation spacing to template text."""
    for plain, spaced in _FRENCH_SPACING:
        text = text.replace(plain, spaced)
    return text


class Picker:
    """Chooses among a role's phrasings, stably: the same application always reads the same.

    The seed (the application id) is hashed once with blake2b (never hash(), which changes
    between runs); each role has its own fixed 64-bit key, also from blake2b, and a choice
    mixes the two with one multiplication (Fibonacci hashing), so that the choices of two
    roles in one note are independent. Items of one list (index 0, 1, …) rotate from the
    mixed start, so two bullets of a note never share a phrasing while there are enough.
    """

    __slots__ = ("_phrases", "_seed")

    def __init__(self, book: Phrasebook, tone: Tone, seed: int | str) -> None:
        self._phrases = book.keyed[tone]
        self._seed = _hash64(f"{seed}/")

    def pick(self, role: str, index: int = 0) -> str:
        variants, key = self._phrases[role]
        if key < 0:  # one phrasing
            return variants[0]
        mixed = ((self._seed ^ key) * _GOLDEN & _MASK64) >> 32
        return variants[(mixed + index) % len(variants)]

    def pick_as(self, role: str, like: str, index: int = 0) -> str:
        """The phrasing of `role` in the place `like`'s pick holds: "strength.next.compact"
        as the same words as "strength.next" without where (the two lists run in parallel)."""
        variants, key = self._phrases[like]
        if key < 0:
            return self._phrases[role][0][0]
        mixed = ((self._seed ^ key) * _GOLDEN & _MASK64) >> 32
        same = self._phrases[role][0]
        return same[(mixed + index) % len(variants) % len(same)]


_GOLDEN: Final = 0x9E3779B97F4A7C15  # 2**64 / golden ratio, odd
_MASK64: Final = (1 << 64) - 1


def _hash64(text: str) -> int:
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big")


def _load(module: ModuleType) -> Phrasebook:
    phrases: dict[str, tuple[str, ...]] = module.PHRASES
    language: Language = module.LANGUAGE
    if language == "fr":
        phrases = {role: tuple(map(french_spacing, texts)) for role, texts in phrases.items()}
    by_tone: dict[Tone, dict[str, tuple[str, ...]]] = {}
    for tone in TONES:
        resolved = {role: texts for role, texts in phrases.items() if not _is_toned(role)}
        for role, texts in phrases.items():
            base, _, suffix = role.rpartition(".")
            if suffix == tone:
                resolved[base] = texts
        by_tone[tone] = resolved
    return Phrasebook(
        language=language,
        months=module.MONTHS,
        numbers=module.NUMBERS,
        first_day=module.FIRST_DAY,
        conjunction=module.AND,
        someone=module.SOMEONE,
        sole=module.SOLE,
        someone_step=module.SOMEONE_STEP,
        sole_step=module.SOLE_STEP,
        kind_nouns=module.KIND_NOUNS,
        meeting_words=module.MEETING_WORDS,
        meeting_word_at=module.MEETING_WORD_AT,
        activity_words=module.ACTIVITY_WORDS,
        by_tone=by_tone,
        keyed={
            tone: {
                role: (texts, _hash64(role) if len(texts) > 1 else -1)
                for role, texts in resolved.items()
            }
            for tone, resolved in by_tone.items()
        },
        patterns={role: texts[0] for role, texts in by_tone["warm"].items()},
    )


def _is_toned(role: str) -> bool:
    return role.rpartition(".")[2] in TONES


BOOKS: Final[Mapping[Language, Phrasebook]] = {"en": _load(en), "fr": _load(fr)}


def for_language(language: Language) -> Phrasebook:
    """The phrasebook for `language`."""
    return BOOKS[language]
