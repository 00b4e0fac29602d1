"""Round 12 of the guard's rules: structures that generalise past the wordings seen.

An ellipsis before a word, a trait listed under "Cons:", health passed on as hearsay, what
happened inside told to the candidate without a leak word, sarcasm about a group, and three
sentences about a job's subject matter that used to be blocked.
"""

from __future__ import annotations

import pytest

from heardback.feedback.engine.guard import check, verdict


def blocked(text: str, lang: str, context: str = "note") -> bool:
    return verdict(check(text, lang=lang, context=context)) == "block"


# --- An ellipsis followed by a word goes on with the same sentence --------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Adresse à Sevran... je te fais pas un dessin.", "fr"),
        ("Adresse à Sevran… je te fais pas un dessin.", "fr"),
        ("Lives on the Hulme flats... you know what I mean.", "en"),
        ("Lives on the Hulme flats… you know what I mean.", "en"),
    ],
)
def test_a_cue_after_an_ellipsis_is_read_with_what_came_before(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Adresse à Sevran.\nJe te fais pas un dessin pour le planning, il est affiché.", "fr"),
        ("Lives on the Hulme flats...\nYou know what I mean by a tidy van? His was.", "en"),
    ],
)
def test_an_ellipsis_at_the_end_of_a_line_still_ends_the_sentence(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- A trait listed under the cons is given as a reason -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Zookeeper (big cats). Cons: 58, knees.", "en"),
        ("Taxidermy technician. Pros: careful. Cons: trans, the donors are old-fashioned.", "en"),
        ("Greenkeeper. Cons: bad back.", "en"),
        ("Soigneur animalier (fauves). - : 57 ans, les genoux.", "fr"),
        ("Points négatifs : 61 ans.", "fr"),
        ("Taxidermiste. Points négatifs : trans, les mécènes sont vieux jeu.", "fr"),
    ],
)
def test_a_protected_trait_under_the_cons_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Cons: no forklift ticket, 40 hours max.", "en"),
        ("Cons: back office only, no front desk.", "en"),
        ("Points négatifs : pas de CACES, 35 heures max.", "fr"),
        ("- : 2 ans d'expérience seulement.", "fr"),
    ],
)
def test_job_facts_under_the_cons_pass(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- Health passed on as a remark -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Good on the ropes, but apparently she's got MS.", "en"),
        ("Locksmith, 24h callouts... on antidepressants though, per the reference.", "en"),
        ("Hands shake, I reckon early Parkinson's. Risky.", "en"),
        ("Serrurier. Il a une sclérose en plaques, m'a dit son ancien patron.", "fr"),
        ("Il a fait une dépression l'an dernier selon son voisin.", "fr"),
        ("Il est sous antidépresseurs, paraît-il.", "fr"),
    ],
)
def test_reported_health_said_of_the_candidate_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Supports clients with MS and Parkinson's to cook for themselves.", "en"),
        ("Accompagne des patients atteints de sclérose en plaques à domicile.", "fr"),
    ],
)
def test_health_as_the_job_s_subject_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- What happened inside, told to the candidate --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Unfortunately the director cut the budget for the post.", "en"),
        ("We preferred the applicant we had worked with before.", "en"),
        ("We appointed someone already working at our Bristol site.", "en"),
        ("In the end it came down to the salary you were asking.", "en"),
        ("Nous avons retenu une personne déjà en poste chez nous.", "fr"),
        ("Le directeur du patrimoine a gelé le budget de recrutement.", "fr"),
        ("Le salaire que vous demandiez dépassait ce que l'atelier pouvait proposer.", "fr"),
    ],
)
def test_an_internal_reason_in_a_letter_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang, context="candidate")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The post has been filled; thank you for the time you spent on the practical.", "en"),
        ("We chose a candidate with more experience of heritage roofing; yours was close.", "en"),
        ("Nous avons retenu une candidature avec plus d'expérience en couverture.", "fr"),
    ],
)
def test_a_plain_outcome_in_a_letter_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang, context="candidate")


# --- Sarcasm about a group ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Oh great, another Romanian, the customers won't let him in.", "en"),
        ("Super, encore un Roumain, les clients ne vont pas lui ouvrir.", "fr"),
    ],
)
def test_sarcasm_about_an_origin_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


def test_sarcasm_about_a_job_requirement_passes() -> None:
    assert not blocked("Oh great, another job where we need a HETAS ticket, and he has one.", "en")


# --- The job's subject matter, not the candidate --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Teaches English as a second language to refugees on Tuesday evenings.", "en"),
        ("Photographer: got grandparents and small children into the group shots.", "en"),
        ("Sage-femme : la maternité manquait de place, elle a organisé les transferts.", "fr"),
    ],
)
def test_a_group_or_ward_the_work_is_about_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He's a refugee, not sure he'll stay.", "en"),
        ("Two small children at home, she'll struggle with the shifts.", "en"),
        ("Elle part en congé maternité en mars, mauvais timing.", "fr"),
    ],
)
def test_the_same_words_said_of_the_candidate_still_block(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pros: reliable driver. Cons: lives on the Meadowell, customers get nervous.", "en"),
        ("Plus: good with clients. Minus: big lass, the uniforms only go up to a 14.", "en"),
        ("Points positifs : fiable. Points négatifs : habite aux Tarterêts.", "fr"),
        ("Points négatifs : en surpoids, les tenues ne vont pas.", "fr"),
    ],
)
def test_a_place_or_a_body_under_the_cons_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Cons: big gaps in the CV.", "en"),
        ("Cons: no HGV licence yet, lives near the depot though.", "en"),
        ("Points négatifs : gros trou dans le CV.", "fr"),
    ],
)
def test_a_job_fact_with_a_body_or_place_word_under_the_cons_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


def test_a_hearsay_breakdown_is_blocked_and_a_van_breakdown_is_not() -> None:
    said = "According to his last boss he had some kind of breakdown and was off for months."
    assert blocked(said, "en")
    assert not blocked("He had a breakdown on the M6 and still made the delivery.", "en")


def test_an_insider_preferred_by_a_named_manager_is_a_leak() -> None:
    text = "Our head chef preferred the applicant she had worked with before."
    assert blocked(text, "en", context="candidate")


def test_a_child_the_work_serves_is_not_the_candidate_s_own() -> None:
    assert not blocked(
        "Key worker for two-year-olds, including a child with a hearing impairment.", "en"
    )
    assert blocked("She has a child with autism, so she will need time off.", "en")


def test_old_regulars_at_the_bar_are_not_the_candidate_s_age() -> None:
    assert not blocked(
        "Knew every regular at the pub by name, including the old boys at the bar.", "en"
    )
    assert blocked("He is one of the old boys at the yard, set in his ways.", "en")
