from __future__ import annotations

import datetime as dt

import pytest

from heardback.integrations.importers import normalize

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06-12T16:47:03.218Z", dt.datetime(2026, 6, 12, 16, 47, 3, 218000, tzinfo=UTC)),
        ("2026-06-12T18:47:03+02:00", dt.datetime(2026, 6, 12, 16, 47, 3, tzinfo=UTC)),
        ("2024-01-31 06:00:00.000", dt.datetime(2024, 1, 31, 6, 0, tzinfo=UTC)),
        (1781282823218, dt.datetime(2026, 6, 12, 16, 47, 3, 218000, tzinfo=UTC)),
        ("1781282823218", dt.datetime(2026, 6, 12, 16, 47, 3, 218000, tzinfo=UTC)),
        # Warehouses: BigQuery's " UTC", Snowflake's " +0000", Unix seconds (not ms in 1970).
        ("2024-01-31 06:00:00 UTC", dt.datetime(2024, 1, 31, 6, 0, tzinfo=UTC)),
        ("2024-01-31 07:00:00.000 +0100", dt.datetime(2024, 1, 31, 6, 0, tzinfo=UTC)),
        (1781282823, dt.datetime(2026, 6, 12, 16, 47, 3, tzinfo=UTC)),
        ("1781282823", dt.datetime(2026, 6, 12, 16, 47, 3, tzinfo=UTC)),
        ("2026-06-12t16:47:03z", dt.datetime(2026, 6, 12, 16, 47, 3, tzinfo=UTC)),
        ({"date": "2026-11-30"}, dt.datetime(2026, 11, 30, tzinfo=UTC)),
        ({"date_time": "2026-11-30T09:00:00.000Z"}, dt.datetime(2026, 11, 30, 9, tzinfo=UTC)),
        (None, None),
        ("", None),
    ],
)
def test_every_vendor_timestamp_becomes_aware_utc(value: object, expected: object) -> None:
    assert normalize.parse_timestamp(value) == expected


@pytest.mark.parametrize("value", ["yesterday", True, {"when": "now"}, [2026]])
def test_a_timestamp_that_is_not_one_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match=r"timestamp|date"):
        normalize.parse_timestamp(value)


def test_ids_are_kept_as_strings_even_past_two_to_the_53() -> None:
    assert normalize.external_id(44937562003) == "44937562003"
    assert normalize.external_id("9007199254740993") == "9007199254740993"
    with pytest.raises(ValueError):
        normalize.external_id(True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("definitely_not", "strong_no"),
        ("strong_no", "strong_no"),
        ("no_decision", "no_decision"),
        (None, "no_decision"),
        ("3 - Hire", "yes"),
        ("3 - Yes", "yes"),
        ("1 - Strong No Hire", "strong_no"),
        (4, "strong_yes"),
        ("Strong Yes", "strong_yes"),
    ],
)
def test_overall_recommendations_land_on_the_four_point_scale(raw: object, expected: str) -> None:
    assert normalize.overall_rating(raw).value == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("mixed", "mixed"), ("no_decision", ""), (1, "definitely_not"), (3, "yes"), (0, ""), ("", "")],
)
def test_attribute_ratings_land_on_the_five_point_scale(raw: object, expected: str) -> None:
    assert normalize.attribute_rating(raw).value == expected


def test_a_misspelled_rating_is_read_as_the_closest_value_with_a_warning() -> None:
    rating = normalize.attribute_rating("stong_yes")
    assert (rating.value, rating.raw) == ("strong_yes", "stong_yes")
    assert "stong_yes" in rating.warning


@pytest.mark.parametrize("raw", ["maybe", "7 - Amazing", 5])
def test_an_unknown_rating_is_an_error(raw: object) -> None:
    with pytest.raises(ValueError):
        normalize.attribute_rating(raw)


def test_html_notes_become_plain_text_with_their_paragraphs() -> None:
    html = "<p>Strong on <b>SQL</b> &amp; modelling.</p><ul><li>one</li><li>two</li></ul>x<br>y"
    assert normalize.clean_text(html) == "Strong on SQL & modelling.\n- one\n- two\nx\ny"


def test_scripts_are_dropped_and_mentions_keep_the_name() -> None:
    text = "<script>alert(1)</script>Ask @[Jonas Becker](user:4100000002) first"
    assert normalize.clean_text(text) == "Ask Jonas Becker first"


def test_plain_text_keeps_its_angle_brackets_and_newlines() -> None:
    assert normalize.clean_text("a < b and c > d\nnext") == "a < b and c > d\nnext"


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        ("Withdrew", "withdrew"),
        ("Offer declined", "withdrew"),
        ("Underqualified", "skills_gap"),
        ("Position filled", "stronger_candidate"),
        ("Hired other candidate", "stronger_candidate"),
        ("Role closed", "role_closed"),
        ("Salary expectations", "compensation"),
        ("Something else entirely", "other"),
    ],
)
def test_reasons_get_a_sensible_default_category(reason: str, category: str) -> None:
    assert normalize.reason_category(reason) == category


def test_a_reason_map_overrides_the_default_by_text_or_id() -> None:
    overrides = {"position filled": "role_closed", "r-42": "logistics"}
    assert normalize.reason_category("Position Filled", overrides) == "role_closed"
    assert normalize.reason_category("Anything", overrides, "r-42") == "logistics"
