from __future__ import annotations

from pathlib import Path

import pytest

from heardback.accounts.models import Organization
from heardback.hiring.models import Application, Candidate, Scorecard, ScorecardRating
from heardback.integrations.importers import import_csv
from tests.integrations.conftest import FIXTURES, model_counts

pytestmark = pytest.mark.django_db
CSV = FIXTURES / "csv" / "scorecards.csv"


def _ratings(scorecard: str = "CSV-SC-1") -> dict[str, ScorecardRating]:
    ratings = ScorecardRating.objects.filter(scorecard__external_ids__csv=scorecard)
    return {r.competency.name: r for r in ratings.select_related("competency")}


def test_a_long_csv_becomes_scorecards_with_their_items(acme: Organization) -> None:
    report = import_csv(CSV, organization=acme)
    assert report.ok
    assert Scorecard.objects.count() == 2
    assert report.counts["scorecards"]["skipped"] == 1  # no submitted_at: a draft
    scorecard = Scorecard.objects.get(external_ids__csv="CSV-SC-1")
    assert scorecard.overall_recommendation == "no"
    assert scorecard.key_takeaways.startswith("Solid fundamentals; needs async practice.")
    assert scorecard.private_notes == "Expects 70k."


def test_only_rows_marked_candidate_safe_fill_the_candidate_comment(acme: Organization) -> None:
    import_csv(CSV, organization=acme)
    ratings = _ratings()
    assert ratings["Communication"].candidate_comment.startswith("Clear, structured")
    assert ratings["Python"].candidate_comment == ""  # false
    assert ratings["Travail en équipe"].candidate_comment == ""  # review is not yes
    assert ratings["Python"].evidence == "Struggled with generators & iterators."


def test_headers_match_whatever_their_case_and_extra_columns_are_ignored(
    acme: Organization,
) -> None:
    import_csv(CSV, organization=acme)
    candidate = Candidate.objects.get(email="elodie.lefevre@courriel.example")
    assert candidate.language == "fr"
    assert candidate.external_ids == {"csv": "9007199254740995"}


def test_the_rejection_context_comes_with_the_rows(acme: Organization) -> None:
    import_csv(CSV, organization=acme)
    rejected = Application.objects.get(external_ids__csv="9007199254740997")
    assert (rejected.status, rejected.rejection_reason.category) == ("rejected", "skills_gap")
    withdrawn = Application.objects.get(external_ids__csv="CSV-APP-2")
    assert withdrawn.status == "withdrawn"


def test_a_misspelled_rating_is_mapped_with_a_warning(acme: Organization) -> None:
    report = import_csv(CSV, organization=acme)
    assert (_ratings()["Communication"].rating, _ratings()["Communication"].rating_raw) == (
        "strong_yes",
        "stong_yes",
    )
    assert [w.record for w in report.warnings] == ["line 4"]


def test_missing_required_columns_are_named(acme: Organization, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("scorecard_id,application_id,job_title\nS1,A1,Engineer\n")
    before = model_counts()
    report = import_csv(broken, organization=acme)
    assert [(p.record, p.field) for p in report.errors] == [
        ("line 1", "candidate_email, interviewer_email, item_kind")
    ]
    assert model_counts() == before


def test_every_bad_row_is_reported_by_line(acme: Organization, tmp_path: Path) -> None:
    lines = CSV.read_text().splitlines()
    lines[2] = lines[2].replace(",attribute,", ",opinion,")
    lines[3] = lines[3].replace("priya.raman@fernhill.example", "not-an-email")
    lines[5] = lines[5].replace(",false,", ",maybe,")
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(lines) + "\n")
    before = model_counts()
    report = import_csv(broken, organization=acme)
    problems = {(p.record, p.field) for p in report.errors}
    assert {
        ("line 3", "item_kind"),
        ("line 4", "interviewer_email"),
        ("line 6", "candidate_safe"),
    } <= problems
    assert model_counts() == before


def test_a_semicolon_separated_csv_is_read_too(acme: Organization, tmp_path: Path) -> None:
    import csv

    rows = list(csv.reader(CSV.read_text().splitlines()))
    target = tmp_path / "excel-fr.csv"
    with target.open("w", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    assert import_csv(target, organization=acme).counts["scorecards"]["created"] == 2
