"""Dates, lists, meetings and elisions, as each language writes them."""

from __future__ import annotations

import datetime

import pytest

from heardback.feedback.engine.phrasebook import BOOKS
from heardback.feedback.engine.wording import (
    add_months,
    dates_phrase,
    join,
    meeting,
    month_year,
    of,
    quoted,
    span_phrase,
)
from tests.feedback.engine.factories import interview

EN, FR = BOOKS["en"], BOOKS["fr"]


def d(day: int, month: int = 6, year: int = 2026) -> datetime.date:
    return datetime.date(year, month, day)


@pytest.mark.parametrize(
    ("dates", "english", "french"),
    [
        ([d(12)], "on 12 June", "le 12 juin"),
        ([d(12), d(14)], "on 12 and 14 June", "les 12 et 14 juin"),
        ([d(14), d(12), d(12)], "on 12 and 14 June", "les 12 et 14 juin"),
        ([d(1), d(3), d(5)], "on 1, 3 and 5 June", "les 1er, 3 et 5 juin"),
        ([d(30), d(2, 7)], "on 30 June and 2 July", "le 30 juin et le 2 juillet"),
        ([d(30, 12, 2025)], "on 30 December 2025", "le 30 décembre 2025"),
    ],
)
def test_interview_dates_read_naturally(dates, english, french):
    assert dates_phrase(dates, EN, 2026) == english
    assert dates_phrase(dates, FR, 2026).replace("\u00a0", " ") == french


@pytest.mark.parametrize(
    ("first", "last", "english", "french"),
    [
        (d(14), d(14), "on 14 June", "le 14 juin"),
        (d(3), d(14), "between 3 and 14 June", "du 3 au 14 juin"),
        (d(1), d(3), "between 1 and 3 June", "du 1er au 3 juin"),
        (d(30), d(2, 7), "between 30 June and 2 July", "du 30 juin au 2 juillet"),
    ],
)
def test_a_span_of_interviews_reads_naturally(first, last, english, french):
    assert span_phrase(first, last, EN, 2026) == english
    assert span_phrase(first, last, FR, 2026) == french


def test_reapplying_lands_on_a_month_counted_from_the_decision():
    assert add_months(d(2, 7), 6) == datetime.date(2027, 1, 1)
    assert add_months(d(31, 12), 1) == datetime.date(2027, 1, 1)
    assert month_year(add_months(d(2, 7), 6), EN) == "January 2027"
    assert month_year(add_months(d(2, 7), 6), FR) == "janvier 2027"


def test_lists_have_no_serial_comma():
    assert join(["a", "b", "c"], EN) == "a, b and c"
    assert join(["a", "b"], FR) == "a et b"


def test_french_elides_de_before_a_vowel_but_not_before_h():
    assert of("Ingénieure", FR) == "d'Ingénieure"
    assert of("Head of Data", FR) == "de Head of Data"
    assert of("Designer", FR) == "de Designer"


@pytest.mark.parametrize(
    ("name", "kind", "english", "french"),
    [
        (
            "System design",
            "system_design",
            "the system design interview",
            "l'entretien « System design »",
        ),
        (
            "Hiring manager",
            "hiring_manager",
            "the hiring manager conversation",
            "l'entretien « Hiring manager »",
        ),
        (
            "Technical interview",
            "technical",
            "the technical interview",
            "l'étape « Technical interview »",
        ),
        (
            "Entretien technique",
            "technical",
            "the “Entretien technique” session",
            "l'entretien technique",
        ),
        ("", "take_home", "the exercise", "l'exercice"),
    ],
)
def test_interviews_are_named_as_the_candidate_knows_them(name, kind, english, french):
    meet = interview(name=name, kind=kind)
    assert meeting(meet, EN) == english
    assert meeting(meet, FR).replace("\u00a0", " ") == french


@pytest.mark.parametrize(
    ("name", "kind", "english"),
    [
        ("Final interview", "hiring_manager", "the final interview"),
        ("Phone screen", "screen", "the phone screen"),
        # An activity is named as it is, never an "interview" or a "session" (round 4).
        ("Site walk", "other", "the site walk"),
        ("Assessment day", "onsite", "the assessment day"),
        ("Python interview", "technical", "the Python interview"),
        ("SQL screen", "screen", "the SQL screen"),
        ("Berlin onsite", "onsite", "the Berlin onsite"),
        ("Final Panel", "onsite", "the Final Panel"),
    ],
)
def test_an_english_interview_name_is_a_common_noun_mid_sentence(name, kind, english):
    """Every English note read "in the Phone screen", "the Final interview", as typed in the
    ATS: a recruiter lower-cases them by hand (the examples say "the system design
    interview"). A name that may be a proper one, or typed in title case, stays as typed."""
    assert meeting(interview(name=name, kind=kind), EN) == english


def test_a_quote_keeps_its_own_full_stop_or_gets_one_after_the_marks():
    assert quoted("Clear.", EN) == "“Clear.”"
    assert quoted("Clear", EN) == "“Clear”."
    assert quoted("Clair", FR) == "«\u00a0Clair\u00a0»."


def test_french_says_the_preposition_again_before_each_meeting() -> None:
    from heardback.feedback.engine.phrasebook import for_language
    from heardback.feedback.engine.wording import join

    book = for_language("fr")
    meetings = ["l'entretien RH", "l'entretien technique"]
    assert join(meetings, book, repeat="à") == "l'entretien RH et à l'entretien technique"
    assert join(meetings, book) == "l'entretien RH et l'entretien technique"


def test_a_quote_leaves_out_a_trailing_emoji_and_keeps_its_own_stop() -> None:
    from heardback.feedback.engine.phrasebook import for_language
    from heardback.feedback.engine.wording import quoted

    book = for_language("en")
    assert quoted("You put the family at ease! 🙂", book) == "“You put the family at ease!”"
    assert quoted("Calm under pressure 👍🏽", book) == "“Calm under pressure”."
