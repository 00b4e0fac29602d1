"""What the fifth round of API scenarios (benchmarks/api_scenarios_r5.toml) found in notes read
sentence by sentence against their scorecards: each test is one thing a candidate noticed.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools

import pytest

from heardback.feedback.engine import Note, NoteInput, OpenRole, compose
from tests.feedback.engine import factories as f

JUNE = datetime.date(2026, 6, 12)
SEEDS = (101, 102, 103, 104, 105, 106)  # application ids: each picks other phrasings


def flat(note: Note) -> str:
    return " ".join(note.text.replace("\u00a0", " ").replace("\u202f", " ").split())


def bullet(note: Note, name: str) -> str:
    """The development bullet that opens with `name`, on one line."""
    text = note.text.replace("\u00a0", " ").replace("\u202f", " ")
    for raw in ("\n" + text).split("\n- ")[1:]:
        item = " ".join(raw.split("\n\n")[0].split())
        if item.startswith(name):
            return item
    raise AssertionError(f"no bullet for {name}: {text}")


def felling(
    *,
    application_id: int = 101,
    lang: str = "en",
    job_lang: str = "",
    explanation: str = "",
    comment: str = "No escape route planned on the leaning birch.",
    name: str = "Trial shift",
    ratings: tuple[tuple[int, str], ...] = ((1, "no"), (2, "strong_yes")),
) -> NoteInput:
    """A trial shift where felling technique fell short (with a comment) and saw maintenance
    stood out; a skills reason."""
    rubric = (
        f.competency(1, name="Felling technique", weight=3,
                     tips="Pace out your escape route before each fell."),
        f.competency(2, name="Saw maintenance", weight=1, tips="Sharpen at every refuel."),
        f.competency(3, name="Teamwork on site", weight=1, bar="mixed", tips="Agree signals."),
    )  # fmt: skip
    comments = {1: comment}
    card = f.scorecard(
        items=tuple(f.item(c, r, comment=comments.get(c, "")) for c, r in ratings),  # type: ignore[arg-type]
    )
    inp = f.note_input(
        application_id=application_id,
        lang=lang,  # type: ignore[arg-type]
        interviews=(f.interview(7, name, "onsite", JUNE),),
        scorecards=(card,),
        job_=dataclasses.replace(f.job(competencies=rubric), language=job_lang),
        decision_=f.decision("skills_gap", explanation=explanation),
        candidate_=f.candidate(language=lang),  # type: ignore[arg-type]
    )
    return inp


# --- (b) a reason that names an area does not say its level again in the bullet ---------------


@pytest.mark.parametrize("seed", SEEDS)
def test_the_area_the_reason_names_is_not_said_below_the_level_twice(seed):
    """ "Felling technique is the main reason: this role needs it at a higher level than we saw
    during the trial shift." then "- Felling technique: rated well below the level the role
    needs.": the reason said it; the bullet goes on to the evidence and the tip."""
    note = compose(felling(application_id=seed), guard=f.no_findings)
    text = flat(note)
    assert "Felling technique" in text.split("- ")[0], text  # the reason names it
    item = bullet(note, "Felling technique")
    assert "below" not in item and "the level the role needs" not in item, item
    assert "escape route planned on the leaning birch" in item, item  # the evidence stays
    assert "pace out your escape route" in item.lower(), item  # and the tip


@pytest.mark.parametrize("seed", SEEDS)
def test_an_explanation_naming_the_area_is_not_repeated_by_its_bullet(seed):
    """ "The role needs … and felling technique was not yet at that level." then "- Felling
    technique: the rating … was below what the role needs."."""
    why = "The role needs safe felling of large trees, and felling technique was not yet there."
    note = compose(felling(application_id=seed, explanation=why), guard=f.no_findings)
    assert why in flat(note)
    item = bullet(note, "Felling technique")
    assert "below" not in item and "what the role needs" not in item, item


@pytest.mark.parametrize("seed", SEEDS)
def test_french_the_area_the_reason_names_is_not_said_below_twice(seed):
    inp = felling(
        application_id=seed, lang="fr",
        comment="Charnière trop fine sur deux arbres sur cinq.",
        name="Journée d'essai",
    )  # fmt: skip
    note = compose(inp, guard=f.no_findings)
    item = bullet(note, "Felling technique")
    assert "en dessous" not in item and "niveau" not in item, item
    assert "Charnière trop fine" in item, item


def test_an_area_the_reason_does_not_name_keeps_its_level():
    """Two areas below the bar: the reason names the first; the second's level is news."""
    ratings = ((1, "no"), (2, "strong_yes"), (3, "no"))
    note = compose(felling(ratings=ratings), guard=f.no_findings)
    item = bullet(note, "Teamwork on site")
    assert "below" in item, item


def test_an_area_the_reason_names_with_no_tip_and_no_comment_is_said_once():
    """No comment and no tip: the bullet would only say its level again; it goes."""
    inp = felling(comment="")
    rubric = tuple(dataclasses.replace(c, tips="") for c in inp.job.rubric)
    inp = dataclasses.replace(inp, job=dataclasses.replace(inp.job, rubric=rubric))
    note = compose(inp, guard=f.no_findings)
    assert "\n- " not in note.text, note.text
    assert "well below" not in flat(note) and "rated below" not in flat(note), note.text


# --- (c) an open role names only strengths the note has named ---------------------------------


def _three_strengths_and_a_gap(seed: int) -> NoteInput:
    """Three competencies well above the bar and one below: the note keeps two strengths; an
    open role calls for all three."""
    rubric = (
        f.competency(1, name="Felling technique", weight=3),
        f.competency(2, name="Chainsaw safety", weight=3),
        f.competency(3, name="Saw maintenance", weight=2),
        f.competency(4, name="Teamwork on site", weight=1, bar="mixed"),
    )
    card = f.scorecard(
        items=(
            f.item(1, "no"),
            f.item(2, "strong_yes"),
            f.item(3, "strong_yes"),
            f.item(4, "strong_yes"),
        )
    )
    role = OpenRole(9, "Forest Machine Operator", ("Saw maintenance", "Teamwork on site",
                                                   "Chainsaw safety"))  # fmt: skip
    inp = f.note_input(
        application_id=seed,
        interviews=(f.interview(7, "Trial shift", "onsite", JUNE),),
        scorecards=(card,),
        job_=f.job(competencies=rubric),
    )
    return dataclasses.replace(inp, open_roles=(role,))


@pytest.mark.parametrize("seed", SEEDS)
def test_an_open_role_names_no_strength_the_strengths_paragraph_left_out(seed):
    """ "Our Forest Machine Operator opening draws on the same strengths (Chainsaw safety, Saw
    maintenance and Teamwork on site)": the paragraph above kept two strengths for space;
    "the same strengths" named a third the note never called one."""
    note = compose(_three_strengths_and_a_gap(seed), guard=f.no_findings)
    strengths = " ".join(s.text for s in note.sentences if s.section == "strengths")
    (role,) = [s.text for s in note.sentences if "Forest Machine Operator" in s.text]
    for name in ("Chainsaw safety", "Saw maintenance", "Teamwork on site"):
        if name in role:
            assert name in strengths, (role, strengths)


# --- (d) a rubric in another language: its names are quoted as written -------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_french_note_on_an_english_rubric_quotes_the_competency_names(seed):
    """ "- Felling technique : le niveau constaté reste nettement en dessous…": an English name
    read as French words in a French sentence. The rubric's own label, as written, is quoted:
    « Felling technique »; so is every other name of that rubric."""
    inp = felling(application_id=seed, lang="fr", job_lang="en", comment="")
    text = flat(compose(inp, guard=f.no_findings))
    assert "« Felling technique »" in text and "« Saw maintenance »" in text, text
    unquoted = text.replace("« Felling technique »", "").replace("« Saw maintenance »", "")
    assert "Felling technique" not in unquoted and "Saw maintenance" not in unquoted, text


@pytest.mark.parametrize("seed", SEEDS)
def test_english_note_on_a_french_rubric_quotes_the_competency_names(seed):
    inp = felling(application_id=seed, lang="en", job_lang="fr", comment="")
    rubric = tuple(
        dataclasses.replace(c, name=n)
        for c, n in zip(
            inp.job.rubric,
            ("Abattage", "Entretien de la tronçonneuse", "Travail en équipe"),
            strict=True,
        )
    )
    inp = dataclasses.replace(inp, job=dataclasses.replace(inp.job, rubric=rubric))
    text = flat(compose(inp, guard=f.no_findings))
    assert "“Abattage”" in text and "“Entretien de la tronçonneuse”" in text, text


def test_a_rubric_in_the_notes_language_is_not_quoted():
    text = flat(compose(felling(lang="fr", job_lang="fr", comment=""), guard=f.no_findings))
    assert "« Felling technique » :" not in text and "Felling technique :" in text, text


# --- (a) the thanks for an activity -------------------------------------------------------------


@pytest.mark.parametrize("seed", range(101, 113))
@pytest.mark.parametrize("dated", [True, False])
@pytest.mark.parametrize("tone", ["warm", "formal"])
def test_the_thanks_for_an_activity_is_not_time_given_in_it(seed, dated, tone):
    """ "Thank you for the time you gave us on 5 November, in the trial shift.": one is not
    "in" a shift, a pool test or an assessment day; time is given during it."""
    inp = felling(application_id=seed)
    when = JUNE if dated else None
    inp = dataclasses.replace(
        inp,
        interviews=(f.interview(7, "Trial shift", "onsite", when),),
        policy=dataclasses.replace(inp.policy, tone=tone),
    )
    thanks = flat(compose(inp, guard=f.no_findings)).split(". ")[0]
    assert ", in the trial shift" not in thanks and "us in the trial shift" not in thanks, thanks


def test_the_thanks_for_an_interview_keeps_in():
    inp = felling(application_id=101, name="Final interview")
    inp = dataclasses.replace(inp, interviews=(f.interview(7, "Final interview", "final", JUNE),))
    thanks = flat(compose(inp, guard=f.no_findings)).split(". ")[0]
    assert "during" not in thanks, thanks


def test_a_tip_holding_a_ratio_opens_after_a_colon_not_a_dash():
    """ "- Payout accuracy — drill payout tables daily until 35:1 …": the colon of a ratio is
    no quote's colon; the bullet reads "Payout accuracy: drill …"."""
    inp = felling(comment="")
    tip = "Drill payout tables daily until 35:1 takes under five seconds."
    rubric = (dataclasses.replace(inp.job.rubric[0], tips=tip), *inp.job.rubric[1:])
    inp = dataclasses.replace(inp, job=dataclasses.replace(inp.job, rubric=rubric))
    item = bullet(compose(inp, guard=f.no_findings), "Felling technique")
    assert item.startswith("Felling technique: drill payout tables"), item


# --- where a gap and a strength were seen ---------------------------------------------------------


def _three_steps(
    ratings: tuple[tuple[int, int, str], ...], category: str = "skills_gap", lang: str = "en"
) -> NoteInput:
    """A phone screen, a trial shift and a final interview; `ratings`: (interview index,
    competency id, rating), each on its own scorecard."""
    rubric = (
        f.competency(1, name="Felling technique", weight=3, tips="Pace out your escape route."),
        f.competency(2, name="Chainsaw safety", weight=2, tips="Check the chain brake."),
    )
    named = (
        ("Phone screen", "screen"),
        ("Trial shift", "onsite"),
        ("Final interview", "hiring_manager"),
    )
    interviews = tuple(
        f.interview(10 + n, name, kind, JUNE + datetime.timedelta(days=n))
        for n, (name, kind) in enumerate(named)
    )
    cards = tuple(
        f.scorecard(20 + n, interview_id=10 + at, interviewer=f"P{n}", items=(f.item(c, r),))  # type: ignore[arg-type]
        for n, (at, c, r) in enumerate(ratings)
    )
    inp = f.note_input(
        lang=lang,  # type: ignore[arg-type]
        interviews=interviews,
        scorecards=cards,
        job_=f.job(competencies=rubric),
        decision_=f.decision(category),  # type: ignore[arg-type]
        candidate_=f.candidate(language=lang),  # type: ignore[arg-type]
    )
    return dataclasses.replace(inp, stage_kind="final")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_gap_seen_in_two_of_three_steps_is_not_seen_across_all_of_them(seed):
    """ "this role needs more there than we saw across the steps of the process": felling
    technique was rated at the trial shift and the final interview, never at the phone
    screen."""
    ratings = ((0, 2, "yes"), (1, 1, "no"), (2, 1, "mixed"))
    inp = dataclasses.replace(_three_steps(ratings), application_id=seed)
    note = compose(inp, guard=f.no_findings)
    reason = " ".join(s.text for s in note.sentences if s.section == "reason")
    assert "across the steps" not in reason and "your interviews" not in reason, reason
    assert "in two of the steps" in reason, reason


@pytest.mark.parametrize("seed", SEEDS)
def test_a_strength_is_placed_only_where_it_was_above_the_bar(seed):
    """ "Gestion des imprévus : un autre point fort à deux des étapes": rated at the bar in
    the phone screen, above it in the final interview; a strength in one step."""
    ratings = ((0, 2, "yes"), (2, 2, "strong_yes"), (1, 1, "yes"))
    inp = dataclasses.replace(
        _three_steps(ratings, category="stronger_candidate"), application_id=seed
    )
    note = compose(inp, guard=f.no_findings)
    (strength,) = [s.text for s in note.sentences if s.text.startswith("Chainsaw safety")]
    assert "two of" not in strength and "both" not in strength, strength


def test_french_a_strength_in_two_steps_is_said_lors_de():
    """« un autre point fort à deux des étapes » : « lors de deux des étapes »."""
    ratings = ((0, 2, "strong_yes"), (1, 2, "strong_yes"), (1, 1, "strong_yes"))
    text = flat(compose(_three_steps(ratings, "stronger_candidate", "fr"), guard=f.no_findings))
    assert "à deux des étapes" not in text and "aux deux étapes" not in text, text
    assert "lors de deux des étapes" in text, text


# --- a comment too short to tell its language ---------------------------------------------


def _strong_comment(comment: str, job_lang: str) -> NoteInput:
    inp = felling(lang="fr", job_lang=job_lang, comment="", ratings=((2, "strong_yes"),))
    card = f.scorecard(items=(f.item(2, "strong_yes", comment=comment),))
    return dataclasses.replace(inp, scorecards=(card,), decision=f.decision("stronger_candidate"))


def test_a_short_comment_on_an_english_job_is_not_quoted_in_a_french_note():
    """« Comme l'a écrit l'une des personnes chargées de votre évaluation : « Good suction
    control. » »: too short to tell its language, it was taken for French. On a job written
    in English, a comment of no telling language is the job's."""
    text = flat(compose(_strong_comment("Good suction control.", "en"), guard=f.no_findings))
    assert "suction" not in text, text


def test_a_french_comment_on_an_english_job_is_still_quoted_in_a_french_note():
    comment = "Procédure de roulette respectée du début à la fin."
    text = flat(compose(_strong_comment(comment, "en"), guard=f.no_findings))
    assert "Procédure de roulette respectée" in text, text


def test_a_short_comment_on_a_job_in_the_notes_language_is_still_quoted():
    text = flat(compose(_strong_comment("Bonne aspiration, propre.", "fr"), guard=f.no_findings))
    assert "Bonne aspiration, propre." in text, text


@pytest.mark.parametrize("seed", SEEDS)
def test_an_area_the_reason_names_with_nothing_else_to_say_is_not_a_bullet(seed):
    """A French note on an English rubric (no tip to give) and no comment: « « Felling
    technique » : c'est ce point qui a fait la différence… » then « - « Felling technique » :
    le niveau constaté reste nettement en dessous… », the reason twice. The bullet goes, and
    the heading over no bullet with it."""
    inp = felling(application_id=seed, lang="fr", job_lang="en", comment="")
    note = compose(inp, guard=f.no_findings)
    text = flat(note)
    assert text.count("Felling technique") == 1, text
    assert "- " not in text.split("Saw maintenance")[-1].split("https")[0], text


# --- three strengths in a row ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(101, 131))
def test_two_strengths_in_a_row_do_not_share_their_words(seed):
    """ "Patient reassurance also came through well. … Record keeping came through well.":
    two strengths in a row said with the same words."""
    rubric = tuple(f.competency(n, name=f"Skill {n}", weight=4 - n) for n in (1, 2, 3))
    card = f.scorecard(items=tuple(f.item(n, "strong_yes") for n in (1, 2, 3)))
    inp = f.note_input(
        application_id=seed,
        interviews=(f.interview(),),
        scorecards=(card,),
        job_=f.job(competencies=rubric),
        decision_=f.decision("compensation"),
    )
    said = [s.text for s in compose(inp, guard=f.no_findings).sentences if s.section == "strengths"]
    for before, after in itertools.pairwise(said):
        for words in ("came through well", "stood out", "strength"):
            assert not (words in before and words in after), said
