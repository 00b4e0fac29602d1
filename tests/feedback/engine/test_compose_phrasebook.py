"""The phrasebooks: complete in both languages, every phrasing fillable, French typography."""

from __future__ import annotations

import string

import pytest

from heardback.feedback.engine.phrasebook import BOOKS, TONES, Picker

# Every placeholder the engine may fill; a phrasing asking for anything else is a typo.
FIELDS = dict.fromkeys(
    [
        "first", "last", "title", "of_title", "org", "meetings", "meetings_de", "meetings_a",
        "when", "count", "span",
        "stage", "area", "criteria", "who", "Who", "quote", "name", "descriptor", "Descriptor",
        "where", "tips", "role", "of_role", "roles", "url", "day", "month", "year", "date",
        "days", "dates", "noun", "name_lc", "meeting", "text", "seen", "said", "needs", "gap",
        "areas", "points", "names", "strengths", "rest", "in_meetings", "Seen", "high", "low",
        "above", "below",
    ],
    "x",
)  # fmt: skip


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("tone", TONES)
def test_english_and_french_have_the_same_sentence_roles(tone):
    assert set(BOOKS["en"].by_tone[tone]) == set(BOOKS["fr"].by_tone[tone])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("tone", TONES)
def test_every_phrasing_asks_only_for_fields_the_engine_fills(lang, tone):
    for role, variants in BOOKS[lang].by_tone[tone].items():
        for text in variants:
            assert placeholders(text) <= set(FIELDS), (role, text)
            text.format(**FIELDS)


def test_french_phrasings_keep_punctuation_off_the_start_of_a_line():
    for variants in BOOKS["fr"].by_tone["warm"].values():
        for text in variants:
            assert " :" not in text and " ;" not in text and "« " not in text and " »" not in text


def test_a_choice_depends_on_the_application_and_the_role_only():
    first, again = Picker(BOOKS["en"], "warm", 42), Picker(BOOKS["en"], "warm", 42)
    assert [first.pick("next.reapply", n) for n in range(4)] == [
        again.pick("next.reapply", n) for n in range(4)
    ]


def test_items_of_one_list_never_share_a_phrasing_while_there_are_enough():
    picker = Picker(BOOKS["en"], "warm", 7)
    variants = BOOKS["en"].by_tone["warm"]["development.rated"]
    picked = [picker.pick("development.rated", n) for n in range(len(variants))]
    assert sorted(picked) == sorted(variants)
