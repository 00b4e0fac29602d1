"""Round 13 of the guard's rules: mechanisms that generalise past the wordings seen.

A short wink or verdict in the next sentence read with the sentence it points at, a worry
tied to where someone lives, a union role told as a step of a career, sarcasm on "a", and a
trait under the cons named by its own category.
"""

from __future__ import annotations

import pytest

from heardback.feedback.engine.guard import check, verdict


def blocked(text: str, lang: str, context: str = "note") -> bool:
    return verdict(check(text, lang=lang, context=context)) == "block"


# --- A wink or bare verdict in the next sentence points back at the one before --------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lives on the Broadwater Farm estate. Draw your own conclusions.", "en"),
        ("Address is in Toxteth. Enough said.", "en"),
        ("He's from the Meadowell. Not what the showroom needs.", "en"),
        ("He's from Lagos originally. I'll let you guess the rest.", "en"),
        ("Il habite aux Tarterêts. Je te fais pas un dessin.", "fr"),
        ("Il vient de la Grande Borne. Je dis ça, je dis rien.", "fr"),
        ("Elle s'appelle Fatoumata. Suivez mon regard.", "fr"),
    ],
)
def test_a_wink_in_the_next_sentence_is_read_with_the_sentence_before(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lives on the Broadwater Farm estate.\nDraw your own conclusions from the log.", "en"),
        ("Knows the rota inside out. Draw your own conclusions about his commitment: he never "
         "missed a shift.", "en"),
        ("Habite près du dépôt. Je te fais pas un dessin du planning, il est affiché.", "fr"),
    ],
)  # fmt: skip
def test_a_wink_that_says_more_or_starts_a_line_stays_its_own_sentence(
    text: str, lang: str
) -> None:
    assert not blocked(text, lang)


# --- Where someone lives, tied to a worry, is given as a reason -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lives in Easterhouse, bit of a worry for a jeweller's.", "en"),
        ("Comes from the valleys, the London clients might not warm to him.", "en"),
        ("Habite à Grigny, les clients du magasin sont exigeants.", "fr"),
        ("Domicilié à la Courneuve, ça risque de faire peur aux clients.", "fr"),
    ],
)
def test_where_someone_lives_tied_to_a_worry_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lives near the depot and is not sure about the Sunday rota yet.", "en"),
        ("Habite à côté du dépôt, pas sûr pour les samedis, à confirmer.", "fr"),
    ],
)
def test_where_someone_lives_next_to_a_job_question_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- A union role told as a step of a career is work history --------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Former union rep turned HR manager, ran the consultation on shift patterns well.", "en"),
        ("Spent six years as a shop steward before moving into employee relations; explained "
         "the grievance process clearly.", "en"),
        ("Ex-Unison branch secretary, now an HR adviser; strong on disciplinary procedure.", "en"),
        ("Ancien délégué syndical devenu responsable RH, il a bien expliqué la NAO.", "fr"),
        ("Ancienne élue du personnel, reconvertie dans la paie depuis 2018 ; maîtrise la DSN.",
         "fr"),
    ],
)  # fmt: skip
def test_a_union_role_told_as_a_career_step_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Former union rep turned HR manager, could be trouble when we change the rota.", "en"),
        ("Used to be a union rep before moving into sales, I'd pass, we don't need the hassle.",
         "en"),
        ("Union rep at her last job, could be a troublemaker.", "en"),
        ("Ancien délégué syndical devenu chef d'équipe, donc attention aux négociations.", "fr"),
    ],
)  # fmt: skip
def test_a_union_role_held_against_the_person_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


# --- Sarcasm on "a" names the person as the problem -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "category"),
    [
        ("Oh great, a Romanian for the front desk.", "en", "race_origin"),
        ("Fantastic, a wheelchair user for the warehouse.", "en", "disability_health"),
        ("Super, encore une maman pour les astreintes.", "fr", "family"),
    ],
)
def test_sarcasm_on_a_protected_word_is_blocked_under_its_category(
    text: str, lang: str, category: str
) -> None:
    findings = check(text, lang=lang, context="note")
    assert verdict(findings) == "block"
    assert category in {f.category for f in findings if f.severity == "block"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Brilliant, a fluent Polish speaker for our Warsaw clients.", "en"),
        ("Great, a candidate with a forklift licence for the warehouse.", "en"),
        ("Parfait, une candidate avec le CACES pour l'entrepôt.", "fr"),
    ],
)
def test_praise_on_a_skill_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- A trait under the cons is named by its own category ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "category"),
    [
        ("Points négatifs : enceinte, et le chantier commence en mars.", "fr", "family"),
        ("Points négatifs : trans.", "fr", "orientation_identity"),
        ("Points négatifs : mal de dos.", "fr", "disability_health"),
        ("Cons: pregnant, and the season starts in March.", "en", "family"),
        ("Cons: bad back.", "en", "disability_health"),
    ],
)
def test_a_trait_under_the_cons_is_reported_under_its_category(
    text: str, lang: str, category: str
) -> None:
    findings = [f for f in check(text, lang=lang, context="note") if "cons_label" in f.rule]
    assert [f.category for f in findings] == [category]


# --- A proxy given as the reason for the decision blocks ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Graduated in 1988, so I'd pass.", "en"),
        ("Went to a Catholic school, which rules her out for the clinic.", "en"),
        ("Overqualified and probably looking to wind down, so no.", "en"),
        ("Diplômé en 1985, donc non.", "fr"),
        ("Surqualifié, ça pose problème pour une équipe jeune.", "fr"),
    ],
)
def test_a_proxy_given_as_the_reason_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Graduated in 1988, ran the same kitchen since, I'd pass her through to the final.", "en"),
        (
            "Went to a Catholic school, then catering college; knife skills were the best today.",
            "en",
        ),
        ("Diplômée en 1995, elle a dirigé le labo depuis.", "fr"),
    ],
)
def test_a_proxy_next_to_a_plain_fact_still_only_warns(text: str, lang: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) == "warn"


# --- An audience's feared reaction in the next clause, and a wink said of the person --------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Did eighteen months for handling stolen goods; the insurers won't like it.", "en"),
        ("Has a past, if you know what I mean.", "en"),
        ("Her surname is Okonkwo. Draw your own conclusions.", "en"),
    ],
)
def test_a_reaction_or_a_wink_pointing_at_the_person_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The schedule is tight, if you know what I mean: three deliveries an hour.", "en"),
        ("Wants to change the menu every week; the regulars won't like it.", "en"),
        ("Veut tout changer au menu ; les clients ne vont pas aimer ça.", "fr"),
    ],
)
def test_a_reaction_to_a_work_choice_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- A bare verdict in the next sentence gives what came before as the reason ---------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Graduated in 1984. I'd pass.", "en"),
        ("Went to a Catholic school. Hard pass.", "en"),
        ("Lives on the Broadwater Farm estate. Pass.", "en"),
        ("Diplômé en 1986. Je passe.", "fr"),
    ],
)
def test_a_bare_verdict_after_a_proxy_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Graduated in 1984, ran the same lab since. I'd pass her through to the final.", "en"),
        ("Lives near the depot, clean licence. Passed the forklift test first time.", "en"),
    ],
)
def test_a_verdict_that_says_more_is_its_own_sentence(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- The job's own subject matter: its customers, the rules it applies, the people it works on ----


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il encadre des enfants de 6 à 12 ans au centre de loisirs.", "fr"),
        ("Il connaît bien la réglementation sur le congé maternité.", "fr"),
        ("Notre clientèle est surtout masculine, il a su s'adapter au discours technique.", "fr"),
        ("He cut hair for men and women at a barber-salon in Leeds.", "en"),
    ],
)
def test_the_job_s_subject_matter_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- "Someone from <place>" describes a person by origin ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The owner won't want a lad from Bucharest on the till.",
        "Our regulars would never warm to somebody from Kinshasa behind the bar.",
    ],
)
def test_a_person_named_by_the_place_they_come_from_is_blocked_as_origin(text: str) -> None:
    findings = check(text, lang="en", context="note", second_opinion=True)
    assert [f.category for f in findings if f.severity == "block"][:1] == ["race_origin"]


def test_a_caller_from_a_place_is_not_an_origin_remark() -> None:
    text = "Took a call from someone from Lagos about a shipment and handled it well."
    assert verdict(check(text, lang="en", context="note", second_opinion=True)) == "ok"


# --- Pay history, in either word order ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Son précédent salaire était de 24 k, on reste dans cet ordre.", "fr"),
        ("Vu son salaire d'avant, 1 700 suffira.", "fr"),
        ("Elle est actuellement à 2 000 net, on peut proposer pareil.", "fr"),
        ("Ask him what he's on now before we make the offer.", "en"),
    ],
)
def test_pay_history_in_any_word_order_is_blocked(text: str, lang: str) -> None:
    assert blocked(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Elle a géré la paie de 200 salariés et les déclarations de salaire.", "fr"),
        ("Elle est actuellement à 2 000 mètres de dénivelé par sortie, très endurante.", "fr"),
        ("Ask him what he's on about with the rota, it was unclear.", "en"),
    ],
)
def test_pay_as_the_job_s_work_passes(text: str, lang: str) -> None:
    assert not blocked(text, lang)


# --- Work done on someone else's situation ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He planned the wedding of a same-sex couple at the hotel last summer.",
        "She was the first-aider on her floor and dealt with a diabetic episode calmly.",
        "She talked about managing a team member's return from cancer treatment with a plan.",
    ],
)
def test_work_on_someone_else_s_situation_passes(text: str) -> None:
    assert not blocked(text, "en")


def test_a_trait_covering_the_person_is_still_theirs() -> None:
    assert blocked("Covered in tattoos, not the image for a private bank's reception.", "en")


# --- French "comme" joining two groups is "and", not a reason -----------------------------------


def test_comme_between_two_groups_joins_them() -> None:
    assert not blocked("Elle conseille les hommes comme les femmes sur le choix des parfums.", "fr")
    assert not blocked("Elle coupe les cheveux des hommes comme des femmes.", "fr")


def test_comme_as_a_comparison_with_the_person_still_blocks() -> None:
    assert blocked("Elle parle fort, comme les femmes de son pays.", "fr")
