"""What a feedback note says, and what it must never say."""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import heardback
from heardback.feedback.engine import (
    Note,
    NoteInput,
    OpenRole,
    compose,
    compose_many,
    match_open_roles,
)
from heardback.feedback.engine import guard as guard_module
from heardback.feedback.engine.compose import WORD_BUDGET
from heardback.feedback.engine.render import _SOFT_BREAK
from tests.feedback.engine import factories as f

ROOT = Path(__file__).resolve().parents[3]


def write(inp: NoteInput, guard=f.no_findings) -> Note:
    return compose(inp, guard=guard)


def flat(text: str) -> str:
    """The text on one line, as a reader sees it (wrapping and no-break spaces undone)."""
    return " ".join(text.split())


def sections(note: Note) -> list[str]:
    order: list[str] = []
    for sentence in note.sentences:
        if not order or order[-1] != sentence.section:
            order.append(sentence.section)
    return order


def section_text(note: Note, section: str) -> str:
    return " ".join(s.text for s in note.sentences if s.section == section)


# --- what the note says, in order -------------------------------------------------------------


def test_a_note_thanks_the_candidate_then_gives_the_decision_in_its_first_paragraph():
    note = write(f.scenario("skills_gap"))
    assert sections(note) == [
        "greeting",
        "thanks",
        "decision",
        "reason",
        "strengths",
        "development",
        "next_steps",
        "signature",
    ]
    first_paragraph = flat(note.text.split("\n\n")[1])
    assert "We have decided not to" in first_paragraph or "We will not be" in first_paragraph


def test_thanks_name_the_interviews_and_their_dates():
    text = flat(write(f.scenario("skills_gap")).text)
    assert "12 and 14 June" in text
    assert "the system design interview and the hiring manager conversation" in text


def test_french_thanks_name_the_dates_the_french_way():
    text = flat(write(f.scenario("skills_gap", "fr")).text)
    assert "les 12 et 14 juin" in text
    assert "l'entretien « Conception technique »" in text


def test_three_interviews_or_more_are_summed_up_from_the_first_to_the_last():
    text = flat(write(f.scenario("stronger_candidate")).text)
    # No count of "interviews": one of them was a call.
    assert "three interviews" not in text
    assert "between 30 June and 3 July" in text
    assert "the recruiter screen" in text and "the final panel" in text


def test_a_skills_gap_is_explained_by_the_competency_furthest_below_the_bar():
    note = write(f.scenario("skills_gap"))
    assert "Distributed systems design" in section_text(note, "reason")


def test_strengths_state_the_level_and_never_a_rubric_descriptor_as_if_observed():
    note = write(f.scenario("skills_gap"))
    strengths = section_text(note, "strengths")
    assert "Communication" in strengths
    # Nobody wrote that this candidate "explains their reasoning clearly": the rubric did.
    assert "you explain your reasoning clearly" not in strengths
    assert "you explain complex ideas simply" not in strengths


def test_development_areas_come_weakest_first_each_with_a_tip_from_the_rubric():
    note = write(f.scenario("skills_gap"))
    items = [s for s in note.sentences if s.section == "development"][1:]
    # Each area opens its bullet; the first, named by the reason, on what follows its level.
    rubric = {c.name for c in f.rubric()}
    opening = [s.text.split(":")[0].split(" — ")[0] for s in items]
    assert [n for n in opening if n in rubric] == [
        "Distributed systems design",
        "PCI-DSS awareness",
    ]
    tips = [s.text for s in items if s.claim == "tip"]
    assert "Designing Data-Intensive Applications" in tips[0]
    assert "tokenization" in tips[1]


def test_a_note_with_strengths_gives_two_development_areas_in_full():
    """Beside strengths, two areas in full (level, what the role needs, tips); a third below
    the bar is still named, by its level alone: a gap the candidate would find in their data
    is not left out, and the note stays short."""
    rubric = tuple(f.competency(n, name=f"Skill {n}") for n in range(1, 6))
    ratings = (("strong_yes",), ("no",), ("no",), ("no",), ("mixed",))
    card = f.scorecard(items=tuple(f.item(n, r[0]) for n, r in enumerate(ratings, start=1)))
    note = write(
        f.note_input(
            job_=f.job(competencies=rubric), interviews=(f.interview(),), scorecards=(card,)
        )
    )
    assert note.quality.strengths == 1
    assert note.quality.development_areas == 3
    tips = [s for s in note.sentences if s.section == "development" and s.claim == "tip"]
    assert len(tips) == 3  # the lead, and the tips of two areas
    assert "Skill 4" in note.text and "Skill 5" in note.text


def test_a_note_without_strengths_may_give_three_development_areas():
    rubric = tuple(f.competency(n, name=f"Skill {n}") for n in range(1, 5))
    card = f.scorecard(items=tuple(f.item(n, "no") for n in range(1, 5)))
    note = write(
        f.note_input(
            job_=f.job(competencies=rubric), interviews=(f.interview(),), scorecards=(card,)
        )
    )
    assert note.quality.development_areas == 3


def test_reapplying_is_offered_from_the_month_the_policy_allows():
    text = flat(write(f.scenario("skills_gap")).text)  # decided 2 July 2026, six months
    assert "January 2027" in text


def test_reapplying_any_time_when_the_policy_has_no_waiting_period():
    inp = f.scenario("skills_gap")
    inp = dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, reapply_months=0))
    assert "at any time" in write(inp).text


def test_questions_go_to_the_application_page_when_there_is_one():
    note = write(f.scenario("skills_gap"))
    next_steps = note.text.split("\n\n")[-2]
    assert next_steps.endswith(f.PORTAL_URL)


def test_questions_go_to_a_reply_when_there_is_no_application_page():
    text = flat(write(f.scenario("formal")).text)
    assert "reply to this email" in text
    assert "http" not in text


def test_an_open_role_that_needs_the_candidate_strengths_is_suggested():
    note = write(f.scenario("skills_gap"))
    assert "Backend Engineer opening" in section_text(note, "next_steps")
    assert note.quality.open_roles == 1


def test_the_job_applied_for_is_never_suggested_as_an_open_role():
    inp = f.scenario("skills_gap")
    same = OpenRole(inp.job.id, "Senior Backend Engineer (Payments)", ("Communication",))
    note = write(dataclasses.replace(inp, open_roles=(same,)))
    assert note.quality.open_roles == 0


def test_the_signature_names_the_recruiter_their_title_and_the_organization():
    assert (
        write(f.scenario("skills_gap"))
        .text.rstrip()
        .endswith("Dana Whitfield, Recruiter, Larkspur Pay")
    )


# --- honesty ------------------------------------------------------------------------------------


def test_a_stronger_finalist_hears_plainly_that_it_was_not_a_skills_gap():
    note = write(f.scenario("stronger_candidate"))
    assert "not about" in section_text(note, "reason")
    assert "another candidate" in flat(note.text).lower()


def test_no_development_area_is_invented_when_nothing_is_below_the_bar():
    for case in ("stronger_candidate", "role_closed", "skills_gap_unsupported"):
        note = write(f.scenario(case))
        assert note.quality.development_areas == 0
        assert "development" not in sections(note)


def test_a_skills_gap_the_scorecards_do_not_show_is_not_claimed():
    note = write(f.scenario("skills_gap_unsupported"))
    reason = section_text(note, "reason")
    assert "did not see one specific skill below" in reason
    assert "biggest gap" not in reason and "main reason" not in reason
    assert note.quality.reason_unsupported


def test_a_withdrawn_candidate_gets_thanks_and_an_open_door_but_no_feedback():
    note = write(f.scenario("withdrew"))
    assert sections(note) == ["greeting", "thanks", "next_steps", "signature"]
    assert note.kind == "withdrawn"
    assert note.quality.word_count < 80
    assert "Communication" not in note.text
    # Their page keeps the choice of being suggested for other roles, and they are told so.
    assert (
        "If you would like us to suggest you for other roles, you can say so on your "
        f"application page: {f.PORTAL_URL} Kind regards,"
    ) in flat(note.text)


def test_a_withdrawn_candidate_of_an_organization_with_partners_is_told_of_them_too():
    inp = f.scenario("withdrew")
    inp = dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, partners=True))
    assert "here or at our partner organizations" in flat(write(inp).text)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_with_partners_the_page_is_offered_once_with_the_question_and_the_link_last(lang):
    # One sentence for the page's choices, not one for partners and another for the question:
    # the boilerplate costs the candidate's own sentences room under the word budget.
    inp = f.scenario("skills_gap", lang)
    inp = dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, partners=True))
    note = write(inp)
    steps = [s.text for s in note.sentences if s.section == "next_steps"]
    partner_words = "partner organizations" if lang == "en" else "organisations partenaires"
    (offer,) = [text for text in steps if partner_words in text]
    assert offer == steps[-1] and offer.endswith(f.PORTAL_URL)
    assert ("question" in offer) and flat(note.text).count(f.PORTAL_URL) == 1
    page = "application page" if lang == "en" else "espace candidat"
    assert flat(note.text).count(page) == 1


def test_a_withdrawn_candidate_without_a_page_gets_no_link():
    inp = f.scenario("withdrew")
    inp = dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, portal_url=""))
    text = flat(write(inp).text)
    assert "application page" not in text and "/p/" not in text


def test_a_screening_rejection_gives_the_criteria_and_no_strengths_or_weaknesses():
    note = write(f.scenario("screening"))
    assert note.kind == "screening"
    assert "at least three years of running payment systems" in flat(note.text)
    assert "strengths" not in sections(note) and "development" not in sections(note)


def test_a_closed_role_gives_the_recruiter_explanation_once_instead_of_the_category():
    reason = section_text(write(f.scenario("role_closed")), "reason")
    assert "closed" not in reason
    assert "The team's budget for this year was moved to another project." in reason


def test_a_competency_interviewers_disagree_on_is_neither_strength_nor_weakness():
    note = write(f.scenario("disagreement"))
    assert note.quality.disagreements == 1
    assert "Distributed systems design" not in note.text


def test_an_other_reason_without_explanation_is_not_made_up():
    inp = dataclasses.replace(f.scenario("role_closed"), decision=f.decision("other"))
    note = write(inp)
    assert "want you to know why" not in note.text and "Here is why" not in note.text
    assert "not about a gap in your skills" in flat(note.text) or "not about your skills" in flat(
        note.text
    )


def test_the_internal_reason_label_never_reaches_the_candidate():
    for case in f.CASES:
        assert "internal label" not in write(f.scenario(case)).text


def test_internal_evidence_and_private_notes_never_reach_the_candidate():
    for case in f.CASES:
        for lang in ("en", "fr"):
            note = write(f.scenario(case, lang))
            for marker in (f.EVIDENCE_MARKER, f.PRIVATE_MARKER):
                assert marker not in note.text and marker not in note.html


def test_evidence_marked_shareable_may_be_quoted():
    card = f.scorecard(
        items=(
            f.item(
                1, "strong_yes", evidence="Led the whiteboard session.", evidence_shareable=True
            ),
        )
    )
    note = write(f.note_input(interviews=(f.interview(),), scorecards=(card,)))
    # Turned to the candidate: "noted that you led the whiteboard session."
    assert "you led the whiteboard session." in flat(note.text)


def test_key_takeaways_are_quoted_only_when_shareable():
    shared = f.scenario("skills_gap")
    assert "Clear thinker with solid Go." in flat(write(shared).text)
    hidden = dataclasses.replace(
        shared,
        scorecards=tuple(
            dataclasses.replace(c, key_takeaways_shareable=False) for c in shared.scorecards
        ),
    )
    assert "Clear thinker" not in write(hidden).text


def test_interviewer_first_names_appear_only_when_the_policy_allows_it():
    named = write(f.scenario("formal"))
    assert "Sam" in named.text
    anonymous = write(f.scenario("skills_gap"))
    assert "Sam" not in anonymous.text and "Aisha" not in anonymous.text
    assert "one interviewer" in anonymous.text.lower()


@pytest.mark.parametrize(
    ("lang", "sole", "one_of"),
    [("en", "your interviewer", "one interviewer"),
     ("fr", "la personne en charge de l'entretien", "l'un de vos interlocuteurs")],
)  # fmt: skip
def test_a_single_scorecard_is_your_interviewer_not_one_of_several(
    lang: str, sole: str, one_of: str
) -> None:
    comment = {
        "en": "You kept calm when three tickets came in at once.",
        "fr": "Vous êtes resté calme quand trois commandes sont arrivées.",
    }[lang]
    card = f.scorecard(items=(f.item(1, "strong_yes", comment=comment),))
    one = write(f.note_input(lang=lang, interviews=(f.interview(),), scorecards=(card,)))
    assert sole in flat(one.text).lower() and one_of not in flat(one.text).lower()
    second = dataclasses.replace(card, id=card.id + 1)
    two = write(f.note_input(lang=lang, interviews=(f.interview(),), scorecards=(card, second)))
    assert one_of in flat(two.text).lower() and sole not in flat(two.text).lower()
    # Two scorecards of the same person (a test and a talk the same day): still one person.
    same = [dataclasses.replace(c, interviewer_id=9) for c in (card, second)]
    again = write(f.note_input(lang=lang, interviews=(f.interview(),), scorecards=tuple(same)))
    assert sole in flat(again.text).lower() and one_of not in flat(again.text).lower()


# --- the guard seam -----------------------------------------------------------------------------


class RecordingGuard:
    """A fake guard: flags any text containing one of `flagged`, and records every call."""

    def __init__(self, *flagged: str, severity: guard_module.Severity = "warn") -> None:
        self.flagged = flagged
        self.severity = severity
        self.calls: list[tuple[str, dict[str, object]]] = []

    def __call__(self, text: str, **options: object) -> list[guard_module.Finding]:
        self.calls.append((text, options))
        return [
            guard_module.Finding(
                text.index(w), text.index(w) + len(w), "test", self.severity, "t", "", ""
            )
            for w in self.flagged
            if w in text
        ]


def test_a_comment_with_any_guard_finding_is_dropped_and_counted():
    guard = RecordingGuard("sharp clarifying")
    note = write(f.scenario("skills_gap"), guard)
    assert "sharp clarifying" not in note.text
    assert note.quality.dropped_comments == 1


def test_a_comment_with_a_mere_warning_is_dropped_too():
    note = write(f.scenario("skills_gap"), RecordingGuard("clean worker pool", severity="warn"))
    assert "clean worker pool" not in note.text


def test_comments_are_checked_as_interviewer_notes_and_the_note_as_candidate_text():
    inp = dataclasses.replace(f.scenario("skills_gap"), other_candidate_names=("Jordan Vale",))
    guard = RecordingGuard()
    note = write(inp, guard)
    contexts = [options["context"] for _, options in guard.calls]
    assert contexts[-1] == "candidate" and set(contexts[:-1]) == {"note"}
    # The whole note, read through the lines the renderer wrapped: same length, same words.
    checked = guard.calls[-1][0]
    assert len(checked) == len(note.text) and checked.split() == note.text.split()
    assert "\n\n" in checked  # paragraphs stay apart
    assert all(options["other_names"] == ("Jordan Vale",) for _, options in guard.calls)
    assert all(options["lang"] == "en" for _, options in guard.calls)


def test_findings_on_the_final_text_are_returned_for_the_reviewer():
    note = write(f.scenario("skills_gap"), RecordingGuard("Priya", severity="block"))
    assert note.guard_findings
    assert note.quality.guard_verdict == "block"
    finding = note.guard_findings[0]
    assert note.text[finding.start : finding.end] == "Priya"


def test_the_default_guard_is_the_real_one():
    note = compose(f.scenario("skills_gap"))
    assert all(isinstance(finding, guard_module.Finding) for finding in note.guard_findings)
    assert note.quality.guard_verdict == guard_module.verdict(note.guard_findings)


# --- tone and language --------------------------------------------------------------------------


def test_the_formal_tone_greets_by_full_name_and_says_position():
    note = write(f.scenario("formal"))
    assert note.text.startswith("Dear Oliver Grant,")
    assert note.subject == (
        "Your application for the Senior Backend Engineer (Payments) position at Larkspur Pay"
    )


def test_the_warm_subject_names_the_job_and_the_organization():
    assert write(f.scenario("skills_gap")).subject == (
        "Your application for Senior Backend Engineer (Payments) at Larkspur Pay"
    )


def test_a_french_note_greets_with_bonjour_and_says_vous():
    warm = write(f.scenario("skills_gap", "fr"))
    formal = write(f.scenario("formal", "fr"))
    assert warm.text.startswith("Bonjour Élodie,")
    assert formal.text.startswith("Bonjour Théo Roux,")
    for note in (warm, formal):
        words = set(flat(note.text).replace("'", " ").lower().split())
        assert "vous" in words and "tu" not in words and "te" not in words


def test_french_punctuation_takes_a_no_break_space_before_colons():
    text = write(f.scenario("skills_gap", "fr")).text
    assert "\u00a0:" in text
    assert " :" not in text
    assert "«\u00a0" in text and "\u00a0»" in text


def test_french_elides_de_before_a_vowel():
    note = write(f.scenario("skills_gap", "fr"))
    assert "poste d'Ingénieur·e backend senior" in note.subject
    assert "de Ingénieur" not in flat(note.text)


# --- rendering ----------------------------------------------------------------------------------


def test_the_html_escapes_every_piece_of_data():
    inp = dataclasses.replace(
        f.scenario("skills_gap"),
        job=dataclasses.replace(
            f.scenario("skills_gap").job, title="<script>alert(1)</script> & Co"
        ),
    )
    note = write(inp)
    assert "<script>" not in note.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in note.html


def test_the_html_links_the_application_page_and_nothing_else():
    html = write(f.scenario("skills_gap")).html
    assert html.count("<a ") == 1
    assert f'<a href="{f.PORTAL_URL}">{f.PORTAL_URL}</a>' in html
    assert "<script" not in html and "src=" not in html and "style=" not in html


def test_a_portal_url_that_is_not_http_is_shown_but_never_linked():
    inp = f.scenario("skills_gap")
    inp = dataclasses.replace(
        inp, policy=dataclasses.replace(inp.policy, portal_url="javascript:x()")
    )
    assert "<a " not in write(inp).html


def test_the_html_uses_paragraphs_and_a_list_for_the_development_areas():
    html = write(f.scenario("skills_gap")).html
    assert html.startswith('<div lang="en">')
    assert html.count("<li>") == 2 and "<ul>" in html and "<p>" in html


def test_the_text_is_wrapped_at_72_columns_with_dash_bullets():
    text = write(f.scenario("skills_gap")).text
    assert max(len(line) for line in text.splitlines() if "https://" not in line) <= 72
    assert "\n- Distributed systems design:" in text


# --- personal and deterministic -----------------------------------------------------------------


def test_the_same_input_always_gives_the_same_note():
    inp = f.scenario("skills_gap")
    assert write(inp) == write(inp)


def test_the_same_input_gives_the_same_note_in_another_process():
    script = (
        "from tests.feedback.engine import factories as f\n"
        "from heardback.feedback.engine import compose\n"
        "print(compose(f.scenario('skills_gap'), guard=f.no_findings).text, end='')\n"
    )
    # The same heardback as this process (a worktree's src/, not an installed copy), and the
    # repository root for the tests' factories.
    source = Path(heardback.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": f"{source}{os.pathsep}{ROOT}"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == write(f.scenario("skills_gap")).text


def test_two_candidates_with_the_same_ratings_still_read_differently():
    first = f.scenario("skills_gap")
    texts = {
        write(dataclasses.replace(first, application_id=first.application_id + n)).text
        for n in range(6)
    }
    assert len(texts) > 1


def test_every_strength_and_development_sentence_cites_the_ratings_it_rests_on():
    note = write(f.scenario("skills_gap"))
    for sentence in note.sentences:
        # Every sentence but the development areas' lead ("Where to grow …:").
        if sentence.section in ("strengths", "development") and sentence.claim in (
            "reason",
            "observation",
        ):
            fields = {s.field for s in sentence.sources}
            assert "rating" in fields or "candidate_comment" in fields or "evidence" in fields
    tips = [s for s in note.sentences if any(src.field == "tips" for src in s.sources)]
    assert len(tips) == 2


def test_compose_many_keeps_the_order_of_its_inputs():
    inputs = [f.scenario(case) for case in f.CASES]
    notes = compose_many(inputs, guard=f.no_findings)
    assert [n.text for n in notes] == [write(i).text for i in inputs]


def test_interviewed_notes_stay_within_320_words():
    for case in f.CASES:
        for lang in ("en", "fr"):
            note = write(f.scenario(case, lang))
            if note.kind == "interviewed":
                assert 120 <= note.quality.word_count <= 320, (case, lang)
                assert len(note.text.split()) <= 320, (case, lang)


def explained(inp: NoteInput, words: int) -> NoteInput:
    """The same input, its reason explained in about `words` more words."""
    explanation = " ".join(["The team weighed this role against its plans for next year."] * 20)
    text = " ".join(explanation.split()[:words]).rstrip(".") + "."
    return dataclasses.replace(inp, decision=f.decision("skills_gap", explanation=text))


def cites(note: Note, field: str) -> bool:
    return any(src.field == field for s in note.sentences for src in s.sources)


def test_a_note_just_over_its_budget_loses_the_shared_takeaway_first():
    inp = f.scenario("skills_gap")
    full = write(inp)
    assert cites(full, "key_takeaways") and cites(full, "candidate_comment")
    # The shortest explanation that takes the note over its budget.
    words = next(n for n in range(200) if not cites(write(explained(inp, n)), "key_takeaways"))
    note, before = write(explained(inp, words)), write(explained(inp, words - 1))
    assert note.quality.quoted_comments == before.quality.quoted_comments - 1
    assert cites(note, "candidate_comment")
    tips = {c.id: c.tips for c in f.rubric("en")}
    assert tips[2].split(". ")[1] in flat(note.text)  # both tips of each area stay


def test_a_long_note_is_cut_down_to_its_budget():
    assert write(explained(f.scenario("skills_gap"), 60)).quality.word_count <= WORD_BUDGET


@pytest.mark.parametrize("words", [60, 130])
def test_a_long_note_keeps_every_strength_and_area_with_its_first_tip(words):
    # With 130 words of explanation, the note stays long rather than lose any of these.
    note = write(explained(f.scenario("skills_gap"), words))
    assert {"decision", "reason", "strengths", "development", "next_steps", "signature"} <= set(
        sections(note)
    )
    strengths = flat(section_text(note, "strengths"))
    assert "Communication" in strengths and "Go in production" in strengths
    items = [
        s.text
        for s in note.sentences
        if s.section == "development" and s.claim == "tip" and not s.text.endswith(":")
    ]
    assert len(items) == note.quality.development_areas == 2
    tips = {c.id: c.tips for c in f.rubric("en")}
    for item, competency in zip(items, (2, 4), strict=True):
        assert tips[competency].split(". ")[0] in flat(item)


def test_the_first_quote_goes_only_when_nothing_else_is_left_to_cut():
    assert write(f.scenario("skills_gap")).quality.quoted_comments > 0
    note = write(explained(f.scenario("skills_gap"), 200))
    assert note.quality.quoted_comments == 0
    assert "in both interviews" not in flat(note.text)
    for item in [s.text for s in note.sentences if s.section == "development"][1:]:
        assert flat(item).count(". ") <= 1  # the descriptor, then one tip


def test_french_rubric_texts_and_comments_follow_french_spacing():
    inp = f.scenario("skills_gap", "fr")
    rubric = tuple(
        dataclasses.replace(c, tips="Répondez d'abord ; expliquez ensuite : une phrase, puis deux.")
        for c in inp.job.rubric
    )
    note = write(dataclasses.replace(inp, job=dataclasses.replace(inp.job, rubric=rubric)))
    assert any(
        "d'abord\u202f; expliquez ensuite\u00a0: une phrase" in s.text for s in note.sentences
    )
    lines = note.text.splitlines()
    assert not [line for line in lines if line.lstrip("- ").startswith((";", ":", "?", "!", "»"))]


# --- open roles -----------------------------------------------------------------------------------


# An organization's open roles, as the demo has them: every rubric lists the soft skills.
SALES = OpenRole(
    8,
    "Account Executive",
    ("Discovery", "Deal management", "Communication", "Collaboration"),
    (3, 3, 2, 1),
)
BACKEND = OpenRole(
    2,
    "Backend Engineer",
    ("Go in production", "API design", "Problem solving", "Communication", "Collaboration"),
    (3, 2, 2, 1, 1),
)
DESIGN = OpenRole(
    6,
    "Product Designer",
    ("Interaction design", "User research", "Collaboration", "Communication"),
    (3, 2, 2, 1),
)
RECRUITER = OpenRole(
    9,
    "Chargé·e de recrutement",
    ("Sourcing", "Entretien structuré", "Communication écrite et orale", "Travail en équipe"),
    (3, 3, 2, 1),
)
ROLES = (SALES, BACKEND, DESIGN, RECRUITER)


def test_a_role_sharing_strengths_central_to_it_is_suggested():
    assert match_open_roles(["Go in production", "API design"], ROLES) == (BACKEND,)


def test_names_compare_whatever_their_case_and_spacing():
    assert match_open_roles(["go in  production", "API DESIGN "], ROLES) == (BACKEND,)


def test_open_roles_sharing_more_strengths_come_first():
    platform = OpenRole(3, "Platform Engineer", ("Go in production", "Kubernetes"), (3, 2))
    strengths = ["Go in production", "API design", "Kubernetes", "Problem solving"]
    # Backend shares three, Platform two.
    assert match_open_roles(strengths, (platform, *ROLES)) == (BACKEND, platform)


def test_a_role_sharing_a_single_strength_is_not_suggested():
    assert match_open_roles(["Go in production", "Accessibility"], ROLES) == ()


def test_a_role_sharing_only_competencies_every_rubric_lists_is_not_suggested():
    # A backend engineer praised for Communication and Collaboration is not a salesperson.
    assert match_open_roles(["Communication", "Collaboration"], ROLES) == ()


def test_shared_strengths_the_role_weighs_least_do_not_make_a_match():
    strengths = ["Communication écrite et orale", "Travail en équipe", "Python en production"]
    assert match_open_roles(strengths, ROLES) == ()


def test_the_rubric_applied_for_counts_when_telling_a_generic_competency():
    sales = OpenRole(8, "Account Executive", ("Discovery", "Communication", "Collaboration"))
    design = OpenRole(6, "Product Designer", ("User research", "Communication", "Collaboration"))
    soft = ["Communication", "Collaboration"]
    # Two rubrics alike cannot tell a generic competency from what two similar roles share.
    assert match_open_roles(soft, (sales, design)) == (sales, design)
    applied_for = ("Go in production", "Communication", "Collaboration")
    assert match_open_roles(soft, (sales, design), other_rubrics=(applied_for,)) == ()


def test_the_role_applied_for_is_never_matched():
    assert match_open_roles(["Go in production", "API design"], ROLES, exclude=BACKEND.id) == ()


def test_open_roles_sharing_no_strength_are_not_suggested():
    assert match_open_roles(["Go"], (OpenRole(1, "Data Analyst", ("SQL",)),)) == ()


def test_a_note_does_not_send_an_engineer_to_a_sales_role_for_soft_skills():
    inp = f.scenario("stronger_candidate")
    rubric = (
        f.competency(id=1, name="Communication", weight=1),
        f.competency(id=2, name="Distributed systems design", weight=3),
        f.competency(id=3, name="Go in production", weight=2),
        f.competency(id=4, name="PCI-DSS awareness", weight=1),
        f.competency(id=5, name="API design", weight=2),
        f.competency(id=6, name="Collaboration", weight=1),
    )
    job = f.job(competencies=rubric)
    note = write(dataclasses.replace(inp, job=job, open_roles=(SALES, DESIGN, RECRUITER)))
    assert note.quality.strengths >= 2
    assert note.quality.open_roles == 0
    assert "Account Executive" not in flat(note.text)
    note = write(dataclasses.replace(inp, job=job, open_roles=ROLES))
    assert note.quality.open_roles == 1
    assert "Backend Engineer opening" in flat(section_text(note, "next_steps"))


def test_a_decision_date_across_the_year_end_reapplies_the_next_year():
    inp = dataclasses.replace(
        f.scenario("skills_gap"), decision=f.decision(decided_on=datetime.date(2026, 12, 31))
    )
    assert "June 2027" in flat(write(inp).text)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_case_composes_in_both_languages(lang):
    for case in f.CASES:
        note = write(f.scenario(case, lang))
        assert note.language == lang
        assert note.text.endswith("\n")


def test_the_engine_imports_nothing_from_django():
    script = (
        "import sys\n"
        "import heardback.feedback.engine\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_composing_a_note_leaves_nothing_for_the_cyclic_garbage_collector() -> None:
    # Bulk drafting pauses the collector while it drafts a chunk of notes: a note's working
    # objects must be freed when compose returns, or a chunk would hold ~100 MB of them.
    import gc

    inputs = f.synthetic_inputs(40) + f.synthetic_inputs(40, lang="fr")
    notes = [compose(inp) for inp in inputs]  # first use: rules compiled, memos filled
    assert any(n.quality.strengths for n in notes)  # sentences with a shorter form
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for inp in inputs:
            compose(inp)
        gc.collect()
        left = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert left == []


def _with_partners(inp):
    return dataclasses.replace(inp, policy=dataclasses.replace(inp.policy, partners=True))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_partners_offer_names_what_a_partner_would_see_of_this_candidate(lang):
    # Consent is informed when the candidate knows what would be shared: the competencies
    # the interviewers rated "yes" or better on average, as the partners' pool lists them.
    inp = _with_partners(f.scenario("skills_gap", lang))
    note = write(inp)
    offer = [s for s in note.sentences if s.section == "next_steps"][-1]
    strong = {
        c.id: c.name
        for c in inp.job.rubric
        if (scores := [f.LEVELS.index(i.rating) + 1 for card in inp.scorecards
                       for i in card.items if i.competency_id == c.id and i.rating])
        and sum(scores) / len(scores) >= 4
    }  # fmt: skip
    assert strong, "the scenario has strengths"
    for name in strong.values():
        assert name in offer.text
    weak = [c.name for c in inp.job.rubric if c.id not in strong]
    assert not any(name in offer.text for name in weak)
    # The sentence cites the ratings it names.
    cited = {s.ref for s in offer.sources}
    assert any(ref.endswith(f"/competency:{cid}") for ref in cited for cid in strong)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_candidate_with_no_strength_is_not_told_partners_would_see_their_strengths(lang):
    note = write(_with_partners(f.scenario("screening", lang)))
    offer = [s for s in note.sentences if s.section == "next_steps"][-1].text
    assert ("strengths" if lang == "en" else "points forts") not in offer
    assert ("kind of role" if lang == "en" else "type de poste") in offer


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "your strength ("), ("fr", "votre point fort (")]
)
def test_one_strength_shown_to_partners_is_said_in_the_singular(lang, said):
    inp = _with_partners(f.one_comment("", lang=lang))
    offer = [s for s in write(inp).sentences if s.section == "next_steps"][-1].text
    assert said in offer


def test_the_guard_reads_the_same_soft_breaks_as_with_the_lookbehind_first_spelling() -> None:
    # The regex is spelled line break first for speed: it must replace exactly the line
    # breaks the plain spelling did, on every short text of line breaks, dashes, spaces and
    # letters (where a break sits next to the start, the end, a blank line or a bullet).
    plain = re.compile(r"(?<!\n)\n(?!\n|- )")
    for length in range(8):
        for chars in itertools.product("\n- a", repeat=length):
            text = "".join(chars)
            assert _SOFT_BREAK.sub(" ", text) == plain.sub(" ", text), repr(text)
