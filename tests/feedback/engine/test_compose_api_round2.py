"""What the second round of API scenarios (benchmarks/api_scenarios_r2.toml) found in notes
read sentence by sentence against their scorecards: each test is one thing a candidate noticed.
"""

from __future__ import annotations

import datetime
import re

import pytest

from heardback.feedback.engine import Note, compose
from tests.feedback.engine import factories as f

D = datetime.date


def flat(note: Note) -> str:
    return " ".join(note.text.split())


def below(comment: str, *, lang: str = "en", competency=None) -> Note:
    """One competency well below the bar with `comment`, after one dated interview."""
    inp = f.one_comment(
        comment, rating="no", lang=lang, competency_=competency,  # type: ignore[arg-type]
        first_name="Kofi", last_name="Mensah",
    )  # fmt: skip
    return compose(inp, guard=f.no_findings)


@pytest.mark.parametrize(
    ("lang", "comment", "mine"),
    [
        ("en", "He walked past an open edge and only saw it when I pointed at it.", "I pointed"),
        ("en", "Kofi missed the scaffold tag until my second question.", "my second"),
        ("fr", "Il a raté le garde-corps manquant, mais l'a vu quand je l'ai montré.", "je l'ai"),
    ],
)
def test_an_interviewers_i_is_not_put_in_a_sentence_about_you(lang, comment, mine):
    """ "Your interviewer observed that you walked past an unguarded open edge and only saw it
    when I pointed at it": the "I" of the interviewer, in the recruiter's letter, reads as the
    recruiter's. A comment in the first person singular is not rewritten to "you"."""
    text = flat(below(comment, lang=lang))
    assert mine not in text, text


def test_an_interview_dated_after_the_decision_is_not_given_that_date():
    """A scorecard was submitted for a site walk dated 12 January 2027, a month after the
    rejection: "Thank you for the time you gave us on 6 November and 12 January 2027" thanks
    the candidate for a day still to come. The scorecard says it took place; its date is wrong,
    so the note names the interview without it."""
    screen = f.interview(81, "Phone screen", "screen", D(2026, 6, 10))
    later = f.interview(82, "Site walk", "onsite", D(2026, 8, 12))
    cards = (
        f.scorecard(1, interview_id=81, items=(f.item(1, "yes"),)),
        f.scorecard(2, interview_id=82, items=(f.item(2, "no"),)),
    )
    note = compose(
        f.note_input(
            interviews=(screen, later),
            scorecards=cards,
            decision_=f.decision("skills_gap", decided_on=D(2026, 7, 2)),
        ),
        guard=f.no_findings,
    )
    text = flat(note)
    assert "August" not in text, text
    assert "site walk" in text and "10 June" in text, text


def test_two_strengths_from_the_same_interview_do_not_both_say_where():
    """ "Research planning came through well in the Research plan review on 9 November.
    Synthesis was at the level the role needs too, in the Research plan review on 9
    November.": the same place and date twice in a row."""
    first = f.interview(81, "Research plan review", "technical", D(2026, 6, 9))
    second = f.interview(82, "Final panel", "onsite", D(2026, 6, 19))
    cards = (
        f.scorecard(1, interview_id=81, items=(f.item(1, "strong_yes"), f.item(3, "yes"))),
        f.scorecard(2, interview_id=82, items=(f.item(4, "yes"),)),
    )
    for category in ("stronger_candidate", "role_closed", "compensation"):
        note = compose(
            f.note_input(
                interviews=(first, second),
                scorecards=cards,
                decision_=f.decision(category),  # type: ignore[arg-type]
            ),
            guard=f.no_findings,
        )
        strengths = " ".join(s.text for s in note.sentences if s.section == "strengths")
        assert len(re.findall(r"\b9 June", strengths)) == 1, strengths


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_waiting_period_when_a_skills_reason_finds_no_gap(lang):
    """Every rating at or above the bar, rejected as a skills gap: the note says it saw no
    skill below the level, then "You are welcome to apply again from June 2027": a six-month
    wait for a gap it has just said it did not find."""
    card = f.scorecard(items=(f.item(1, "strong_yes"), f.item(2, "yes")), overall="yes")
    note = compose(
        f.note_input(
            lang=lang,  # type: ignore[arg-type]
            interviews=(f.interview(),),
            scorecards=(card,),
            decision_=f.decision("skills_gap"),
        ),
        guard=f.no_findings,
    )
    assert note.quality.reason_unsupported
    reapply = [s for s in note.sentences if any(src.field == "reapply_months" for src in s.sources)]
    assert not reapply, [s.text for s in reapply]
    assert "2027" not in note.text and "2026" not in note.text, note.text


def test_a_markdown_heading_is_not_quoted_as_words():
    """ "### Summary\\nClear, kind and `jargon-free`." was quoted as “Summary Clear, kind and
    jargon-free.”"""
    card = f.scorecard(items=(f.item(1, "strong_yes", comment="### Summary\nClear and kind."),))
    note = compose(
        f.note_input(interviews=(f.interview(),), scorecards=(card,)), guard=f.no_findings
    )
    text = flat(note)
    assert "Summary" not in text, text
    assert "Clear and kind." in text, text


def test_bullets_are_not_run_together_into_one_sentence():
    """ "- missed the statin interaction\\n- unsure of the paediatric dose" became "you missed
    the statin interaction unsure of the paediatric dose": two notes run into one sentence
    that is no longer English."""
    comment = "- missed the statin interaction\n- unsure of the paediatric dose"
    text = flat(below(comment))
    assert "interaction unsure" not in text, text


@pytest.mark.parametrize(
    ("lang", "descriptor", "activity"),
    [
        ("en", "Spots the hazards on the site walk and says how to control them.", "site walk"),
        ("en", "Keeps the pace during the trial shift.", "trial shift"),
        ("fr", "Présente la bouteille pendant le service d'essai.", "service d'essai"),
    ],
)
def test_what_the_role_needs_names_no_trial_or_walk(lang, descriptor, activity):
    """ "The level we need is someone who can spot the hazards on the site walk": what the role
    needs is not a test the candidate sat."""
    competency = f.competency(
        descriptors={level: descriptor for level in f.LEVELS}, tips="Keep a hazard log."
    )
    text = flat(below("", lang=lang, competency=competency))
    assert activity not in text.replace("’", "'"), text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "kind"), [("Service trial", "other"), ("Research plan", "take_home")]
)
def test_nobody_is_called_an_interviewer_after_a_trial_or_a_take_home(lang, name, kind):
    """ "Selon la personne en charge de l'entretien" after a trial service (l'étape « Service
    d'essai »), "As your interviewer put it" after a take-home: no interview took place."""
    comment = {
        "en": "You skipped the final check on two items, but caught one error.",
        "fr": "Vous avez oublié de présenter la bouteille, mais le rythme était bon.",
    }[lang]
    card = f.scorecard(interview_id=83, items=(f.item(1, "no", comment=comment),))
    note = compose(
        f.note_input(
            lang=lang,  # type: ignore[arg-type]
            interviews=(f.interview(83, name, kind, D(2026, 6, 14)),),
            scorecards=(card,),
        ),
        guard=f.no_findings,
    )
    text = flat(note)
    assert comment.split(",")[0].split(" ", 1)[1] in text, text  # the comment is still there
    assert not re.search(r"interviewer|entretien", text, re.I), text


@pytest.mark.parametrize(
    ("first", "last", "comment", "left"),
    [
        ("Zoë", "Laurent", "Zoe explained the plan clearly.", "Zoe"),
        ("Liam", "O’Neil", "Mr O'Neil explained the plan clearly.", "O'Neil"),
        ("Liam", "O'Neil", "Mr O’Neil explained the plan clearly.", "O’Neil"),
    ],
)
def test_the_candidates_name_typed_without_its_accent_is_still_their_name(
    first, last, comment, left
):
    """ "Your interviewer noted: “Zoe explained the plan clearly.”" in a letter to Zoë: the
    interviewer typed the name without its diaeresis (or with another apostrophe), so the
    comment was taken for one about nobody and quoted in the third person."""
    card = f.scorecard(items=(f.item(1, "strong_yes", comment=comment),))
    note = compose(
        f.note_input(
            interviews=(f.interview(),),
            scorecards=(card,),
            candidate_=f.candidate(first_name=first, last_name=last),
        ),
        guard=f.no_findings,
    )
    assert left not in flat(note), flat(note)


def test_a_script_or_an_html_comment_in_a_comment_is_not_quoted():
    """ "<a href=…>Great</a> examples of working with analysts <script>alert(1)</script>" was
    quoted as “Great examples of working with analysts alert(1)”: the tags went, what they
    hid stayed."""
    comment = (
        '<a href="https://example.com/x">Great</a> examples of working with analysts'
        " <script>alert(1)</script><!-- internal: ask Marc -->"
    )
    card = f.scorecard(items=(f.item(1, "strong_yes", comment=comment),))
    note = compose(
        f.note_input(interviews=(f.interview(),), scorecards=(card,)), guard=f.no_findings
    )
    text = flat(note)
    assert "Great examples of working with analysts" in text, text
    assert "alert" not in text and "Marc" not in text, text


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("tone", ["warm", "formal"])
def test_a_closed_role_is_not_the_outcome_of_careful_consideration(lang, tone):
    """ "After careful consideration, we will not be offering you the position. … We have
    closed this role": nothing about the candidate was weighed, and a reader who compares the
    two sentences sees a pretext."""
    card = f.scorecard(items=(f.item(1, "yes"), f.item(2, "no")))
    for application_id in range(101, 113):  # every phrasing of the decision
        note = compose(
            f.note_input(
                application_id=application_id,
                lang=lang,  # type: ignore[arg-type]
                tone=tone,  # type: ignore[arg-type]
                interviews=(f.interview(),),
                scorecards=(card,),
                decision_=f.decision("role_closed"),
            ),
            guard=f.no_findings,
        )
        (decision,) = [s.text for s in note.sentences if s.section == "decision"]
        assert not re.search(r"consideration|examen|decided|décidé", decision), decision
