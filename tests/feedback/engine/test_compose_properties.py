"""Properties every note holds, whatever the scorecards say."""

from __future__ import annotations

import datetime
import html
import re
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from heardback.feedback.engine import (
    Candidate,
    Competency,
    Decision,
    Interview,
    Job,
    Note,
    NoteInput,
    Policy,
    RatingItem,
    Scorecard,
    compose,
)
from heardback.feedback.engine import guard as guard_module
from tests.feedback.engine.factories import LEVELS, no_findings

SCORE = {level: n for n, level in enumerate(LEVELS, start=1)}
# Text that must never reach a candidate carries one of these markers.
EVIDENCE = "ZQEVIDENCE"
PRIVATE = "ZQPRIVATE"
TAKEAWAY = "ZQTAKEAWAY"
ALLOWED_TAG = re.compile(r'</?(?:div|p|ul|li|br|a)(?: (?:lang|href)="[^"<>]*")?>')

# Plain data, with the characters HTML cares about mixed in.
words = st.text(alphabet="abcdefghij KLMNOP<>&'\"é-", min_size=1, max_size=24).filter(str.strip)
names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÉé", min_size=1, max_size=12).map(str.title)
dates = st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2027, 12, 31))
ratings = st.sampled_from([*LEVELS, None])


@st.composite
def competencies(draw: st.DrawFn, cid: int) -> Competency:
    levels = draw(st.sets(st.sampled_from(LEVELS)))
    return Competency(
        id=cid,
        name=draw(words),
        description="",
        weight=draw(st.integers(0, 3)),
        bar=draw(st.sampled_from(LEVELS)),
        descriptors={level: f"you {draw(words)}" for level in levels},
        tips=draw(st.one_of(st.just(""), words)),
    )


@st.composite
def scorecards(draw: st.DrawFn, sid: int, interview_ids: list[int], rubric_size: int) -> Scorecard:
    items = tuple(
        RatingItem(
            competency_id=draw(st.integers(1, rubric_size + 1)),  # one past the rubric: ignored
            rating=draw(ratings),
            evidence=f"{EVIDENCE} {draw(words)}",
            candidate_comment=draw(st.one_of(st.just(""), words)),
        )
        for _ in range(draw(st.integers(0, rubric_size + 1)))
    )
    shareable = draw(st.booleans())
    return Scorecard(
        id=sid,
        interview_id=draw(st.sampled_from(interview_ids)) if interview_ids else 0,
        interviewer_first_name=draw(names),
        overall=draw(st.sampled_from(["strong_no", "no", "yes", "strong_yes", "no_decision"])),
        items=items,
        key_takeaways=draw(words) if shareable else f"{TAKEAWAY} {draw(words)}",
        key_takeaways_shareable=shareable,
        private_notes=f"{PRIVATE} {draw(words)}",
    )


@st.composite
def note_inputs(draw: st.DrawFn) -> NoteInput:
    rubric = tuple(draw(competencies(n)) for n in range(1, draw(st.integers(1, 6)) + 1))
    kinds = st.sampled_from(["screen", "technical", "system_design", "hiring_manager", "other"])
    interviews = tuple(
        Interview(
            100 + n, draw(st.one_of(st.just(""), words)), draw(kinds), draw(st.none() | dates)
        )
        for n in range(draw(st.integers(0, 5)))
    )
    ids = [i.id for i in interviews]
    cards = tuple(
        draw(scorecards(200 + n, ids, len(rubric))) for n in range(draw(st.integers(0, 5)))
    )
    return NoteInput(
        application_id=draw(st.integers(1, 10**9)),
        job=Job(7, draw(words), rubric, draw(st.one_of(st.just(""), words))),
        candidate=Candidate(3, draw(names), draw(names), draw(st.sampled_from(["en", "fr"]))),
        stage_reached=draw(st.one_of(st.just(""), words)),
        interviews=interviews,
        scorecards=cards,
        decision=Decision(
            reason_category=draw(
                st.sampled_from(
                    [
                        "skills_gap",
                        "experience_level",
                        "stronger_candidate",
                        "role_closed",
                        "compensation",
                        "location",
                        "logistics",
                        "withdrew",
                        "other",
                    ]
                )
            ),
            reason_name=f"{PRIVATE} label",
            reason_explanation=draw(st.one_of(st.just(""), words)),
            decided_on=draw(dates),
        ),
        policy=Policy(
            organization_name=draw(words),
            tone=draw(st.sampled_from(["warm", "formal"])),
            reapply_months=draw(st.integers(0, 24)),
            show_interviewer_first_names=draw(st.booleans()),
            recruiter_name=draw(st.one_of(st.just(""), names)),
            recruiter_title=draw(st.one_of(st.just(""), words)),
            portal_url=draw(st.sampled_from(["", "https://example.test/p/a<b&c"])),
        ),
    )


def write(inp: NoteInput) -> Note:
    return compose(inp, guard=no_findings)


def means(inp: NoteInput) -> dict[int, float]:
    """Each competency's mean rating, computed here independently of the engine."""
    scores: dict[int, list[int]] = defaultdict(list)
    for card in inp.scorecards:
        for item in card.items:
            if item.rating is not None:
                scores[item.competency_id].append(SCORE[item.rating])
    return {cid: sum(s) / len(s) for cid, s in scores.items()}


def cited_competencies(note: Note, section: str) -> set[int]:
    return {
        int(source.ref.rpartition(":")[2])
        for sentence in note.sentences
        if sentence.section == section
        for source in sentence.sources
        if source.kind == "scorecard" and "/competency:" in source.ref
    }


def flat(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None)
@given(note_inputs())
def test_strengths_cite_only_competencies_at_or_above_the_bar(inp):
    note = write(inp)
    mean, bars = means(inp), {c.id: SCORE[c.bar] for c in inp.job.rubric}
    for cid in cited_competencies(note, "strengths"):
        assert mean[cid] >= bars[cid]


@settings(max_examples=150, deadline=None)
@given(note_inputs())
def test_development_areas_cite_only_competencies_below_the_bar(inp):
    note = write(inp)
    mean, bars = means(inp), {c.id: SCORE[c.bar] for c in inp.job.rubric}
    for cid in cited_competencies(note, "development"):
        assert mean[cid] < bars[cid]


@settings(max_examples=150, deadline=None)
@given(note_inputs())
def test_internal_evidence_private_notes_and_unshared_takeaways_never_appear(inp):
    note = write(inp)
    for marker in (EVIDENCE, PRIVATE, TAKEAWAY):
        assert marker not in note.text
        assert marker not in note.html
        assert marker not in note.subject


@settings(max_examples=100, deadline=None)
@given(note_inputs())
def test_the_same_input_always_gives_the_same_note(inp):
    assert write(inp) == write(inp)


@settings(max_examples=150, deadline=None)
@given(note_inputs())
def test_every_note_names_the_candidate_and_the_job(inp):
    note = write(inp)
    first, title = flat(inp.candidate.first_name), flat(inp.job.title)
    assert first in flat(note.text) and title in flat(note.text)
    assert html.escape(first, quote=False) in note.html
    assert html.escape(title, quote=False) in note.html


@settings(max_examples=150, deadline=None)
@given(note_inputs())
def test_the_html_has_no_markup_but_its_own(inp):
    note = write(inp)
    assert "<" not in ALLOWED_TAG.sub("", note.html)


@settings(max_examples=100, deadline=None)
@given(note_inputs())
def test_sections_always_come_in_the_same_order(inp):
    order = ["greeting", "thanks", "decision", "reason", "strengths", "development", "next_steps"]
    order.append("signature")
    positions = [order.index(s.section) for s in write(inp).sentences]
    assert positions == sorted(positions)


@settings(max_examples=100, deadline=None)
@given(note_inputs(), st.text(alphabet="abcdefghij", min_size=1, max_size=2))
def test_no_quoted_comment_carries_anything_the_guard_objected_to(inp, flagged):
    def guard(text: str, **options: object) -> list[guard_module.Finding]:
        if options["context"] == "note" and flagged in text:
            return [guard_module.Finding(0, 1, "test", "warn", "t", "", "")]
        return []

    note = compose(inp, guard=guard)
    # What each interviewer wrote, by the source a sentence cites: quoted as it is, or turned
    # to the candidate ("noted that you …"), it must be a text the guard let through.
    written: dict[tuple[str, str], list[str]] = defaultdict(list)
    for card in inp.scorecards:
        written[(f"scorecard:{card.id}", "key_takeaways")].append(card.key_takeaways)
        for item in card.items:  # one card may rate a competency twice: either was quoted
            ref = f"scorecard:{card.id}/competency:{item.competency_id}"
            written[(ref, "candidate_comment")].append(item.candidate_comment)
            written[(ref, "evidence")].append(item.evidence)
    quoted_fields = {"candidate_comment", "evidence", "key_takeaways"}
    for sentence in note.sentences:
        for source in sentence.sources:
            if source.field in quoted_fields:
                texts = written[(source.ref, source.field)]
                assert any(flagged not in " ".join(t.split()) for t in texts)
