"""The demo's content: data files, checked on load, and an error that says where a mistake is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from heardback.demo import content
from heardback.feedback.engine.speech import activities
from heardback.hiring import library


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the demo's data files, safe to break."""
    shutil.copytree(content.DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_files_load_into_every_job_and_reason() -> None:
    assert len(content.JOBS) == 10 and len(content.PARTNER_JOBS) == 3
    assert content.ORGANIZATION["name"] == "Larkspur Labs"
    assert content.PARTNER_ORGANIZATION["name"] == "Northwind Health"
    assert len(content.NAME_POOLS) > 20 and content.SOURCES and content.REJECTION_REASONS
    for job in content.JOBS + content.PARTNER_JOBS:
        assert job["family"] and 1 <= job["level"] <= 5 and job["description"], job["title"]
        for competency in job["competencies"]:
            assert set(content.EVIDENCE[competency["name"]]) == set(content.RATINGS)


def test_the_demos_rubrics_take_their_lines_from_the_library() -> None:
    communication = next(
        c
        for job in content.JOBS
        for c in job["competencies"]
        if c["name"] == library.COMMUNICATION["name"]
    )
    assert communication["descriptors"] == library.COMMUNICATION["descriptors"]
    assert communication["tips"] == library.COMMUNICATION["tips"]


def test_no_tip_or_bar_descriptor_recalls_an_activity() -> None:
    """Tips and the bar's descriptor reach candidates whatever their interviews were: "for
    conversations like the role play" went to people who had only a phone screen."""
    lines = [
        (job["language"], c["tips"], c["descriptors"].get(c["bar"], ""))
        for job in content.JOBS + content.PARTNER_JOBS
        for c in job["competencies"]
    ] + [
        (e["language"], library.rubric_tips(e), library.rubric_descriptors(e).get(e["bar"], ""))
        for e in library.COMPETENCY_LIBRARY
    ]
    for language, tips, descriptor in lines:
        tips = tips if isinstance(tips, str) else " ".join(tips)
        assert not activities(tips, language), tips
        assert not activities(descriptor, language), descriptor


def test_a_wrong_stage_kind_names_the_file_the_job_and_the_field(data: Path) -> None:
    _edit(data / "jobs.toml", 'kind = "final" },', 'kind = "finale" },')
    with pytest.raises(content.DemoContentError) as error:
        content.load("jobs.toml", content.JobsFile, folder=data)
    message = str(error.value)
    assert message.startswith("jobs.toml, job 1 (Senior Backend Engineer (Payments)), stages 5")
    assert "kind: must be one of application_review, screen" in message
    assert "not 'finale'" in message


def test_a_missing_or_unknown_field_names_the_entry(data: Path) -> None:
    _edit(data / "reasons.toml", 'name = "Duplicate application"\n', "")
    with pytest.raises(
        content.DemoContentError, match=r"^reasons.toml, reason \d+: name is missing"
    ):
        content.load("reasons.toml", content.ReasonsFile, folder=data)
    _edit(data / "organizations.toml", 'role = "recruiter"', 'role = "recruiter"\nnickname = "JB"')
    with pytest.raises(
        content.DemoContentError,
        match=r"^organizations.toml, demo, people 2 \(Dana Whitfield\): unknown fields nickname$",
    ):
        content.load("organizations.toml", content.OrganizationsFile, folder=data)


def test_a_wrong_type_names_the_pool_and_the_field(data: Path) -> None:
    _edit(data / "candidates.toml", "french_share = 0.03", 'french_share = "3 %"')
    with pytest.raises(content.DemoContentError) as error:
        content.load("candidates.toml", content.CandidatesFile, folder=data)
    assert str(error.value) == (
        "candidates.toml, pool 1, french_share: must be a number with a decimal point, not '3 %'"
    )


def test_a_rating_level_that_does_not_exist_names_the_competency(data: Path) -> None:
    _edit(data / "scorecards.toml", "\nstrong_yes = [", "\nstrong_yess = [")
    with pytest.raises(content.DemoContentError) as error:
        content.load("scorecards.toml", content.ScorecardsFile, folder=data)
    assert str(error.value).startswith(
        "scorecards.toml, evidence, Communication, key 'strong_yess': must be one of "
    )


def test_a_broken_file_is_named(data: Path) -> None:
    _edit(data / "jobs.toml", "\n[[job]]\n", "\n[[job]\n")
    with pytest.raises(content.DemoContentError, match=r"^jobs.toml: "):
        content.load("jobs.toml", content.JobsFile, folder=data)


def test_a_rubric_line_no_file_has_names_the_job_and_the_key(data: Path) -> None:
    _edit(data / "jobs.toml", '{ key = "pci-dss" }', '{ key = "pci" }')
    jobs = content.load("jobs.toml", content.JobsFile, folder=data)
    lines = content.load("rubric_lines.toml", content.RubricLinesFile, folder=data)
    with pytest.raises(content.DemoContentError) as error:
        content.jobs_resolve(jobs["job"], lines["competency"], "jobs.toml, job")
    assert str(error.value).startswith(
        "jobs.toml, job 1 (Senior Backend Engineer (Payments)): no rubric line has the key pci "
    )


def test_a_weight_out_of_range_names_the_job_and_the_line(data: Path) -> None:
    _edit(data / "jobs.toml", '{ key = "go", weight = 3 }', '{ key = "go", weight = 5 }')
    jobs = content.load("jobs.toml", content.JobsFile, folder=data)
    lines = content.load("rubric_lines.toml", content.RubricLinesFile, folder=data)
    with pytest.raises(content.DemoContentError) as error:
        content.jobs_resolve(jobs["job"], lines["competency"], "jobs.toml, job")
    assert str(error.value) == (
        "jobs.toml, job 2 (Backend Engineer (Invoicing)), go: weight must be 1, 2 or 3"
    )


def test_an_interview_at_a_stage_the_job_lacks_is_named(data: Path) -> None:
    _edit(
        data / "jobs.toml",
        'kind = "hiring_manager", stage = 4 }',
        'kind = "hiring_manager", stage = 9 }',
    )
    jobs = content.load("jobs.toml", content.JobsFile, folder=data)
    lines = content.load("rubric_lines.toml", content.RubricLinesFile, folder=data)
    with pytest.raises(content.DemoContentError, match=r"names stage 9, but the job has 6 stages"):
        content.jobs_resolve(jobs["job"], lines["competency"], "jobs.toml, job")


def test_a_competency_without_evidence_at_a_level_is_named() -> None:
    evidence = {name: dict(levels) for name, levels in content.EVIDENCE.items()}
    del evidence["Go in production"]["mixed"]
    with pytest.raises(content.DemoContentError) as error:
        content.evidence_check(content.JOBS, evidence)
    assert str(error.value) == (
        "scorecards.toml, evidence, Go in production (a competency of the job Senior Backend "
        "Engineer (Payments)): no evidence for mixed"
    )
