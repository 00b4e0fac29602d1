"""Who a protected word is about: the candidate (blocks) or the job's subject matter (does not)."""

from __future__ import annotations

import pytest

from heardback.feedback.engine.guard import check, verdict


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Led the maternity unit's infection-control checks."),
        ("en", "Wrote a lesson plan on world religions."),
        ("en", "Handled customers with a wide range of accents calmly."),
        ("en", "Would support a colleague returning from parental leave."),
        ("en", "Designed a wheelchair-accessible ramp for the library entrance."),
        ("en", "Taught signing to deaf pupils in a mainstream school."),
        ("en", "As an immigration solicitor, prepared asylum appeals."),
        ("fr", "Dix ans comme sage-femme en maternité."),
        ("fr", "A préparé une séquence sur le fait religieux."),
        ("fr", "Référente handicap, a mis en place des aménagements de poste."),
    ],
)
def test_the_jobs_subject_matter_does_not_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) != "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Her maternity leave would clash with the launch."),
        ("en", "She is deaf, so support would be needed on the phones."),
        ("en", "Customers might not accept a woman in this role."),
        ("en", "His accent would confuse the clients."),
        ("en", "Asked thoughtful questions about our parental leave policy."),
        ("en", "The guests like a pretty face, she'd be great on reception."),
        ("en", "Seems too old for the pace of the ward."),
        ("fr", "Elle fait très jeune, les patients ne la prendront pas au sérieux."),
        ("fr", "Très bonne infirmière, mais à 58 ans les gardes de nuit risquent d'être dures."),
        ("fr", "Elle a une surdité partielle, le téléphone sera compliqué."),
    ],
)
def test_the_same_words_said_of_the_candidate_still_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) == "block"


def test_a_possessive_makes_the_people_served_the_candidates_own() -> None:
    # "parents" is a word for the people a job serves, but "his parents" are his family.
    assert verdict(check("His parents are devout Muslims, he said.", context="note")) == "block"
    assert (
        verdict(check("Ran a workshop for Muslim parents at the school.", context="note")) == "ok"
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The protected word is what the job handles: a work verb's object, a rough count.
        ("fr", "Gestionnaire de paie, elle traite les indemnités de maternité de l'usine."),
        ("fr", "Conseillère en périnatalité, elle suit une vingtaine de grossesses à risque."),
        ("fr", "Chef de projet, il pilote la rénovation de deux quartiers sensibles."),
        # Studying, covering or following a group; a verb acting on the people served.
        ("fr", "Historien, il a étudié la place des femmes dans la marine marchande."),
        ("fr", "Infirmière scolaire, elle suit les collégiennes enceintes du secteur."),
        ("fr", "Chirurgienne, elle opère les patients après un accident de la route."),
        ("fr", "Guide, elle connaît les rites bouddhistes du temple de la ville."),
    ],
)
def test_what_the_job_handles_is_its_topic(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) != "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A type of person as the subject of a hypothetical is a preference about people.
        ("fr", "L'équipe pense qu'un homme aurait plus de poids face aux fournisseurs."),
        # A judgement by degree: the people after it are the yardstick, not the job.
        ("fr", "Trop douce pour diriger une équipe de gars sur les quais."),
        # A trait the person is said to lack for the job.
        ("en", "Not the look our clients expect at the front desk."),
        ("fr", "Pas le physique pour l'accueil."),
    ],
)
def test_judgements_of_the_person_still_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"


def test_a_rough_count_is_not_an_age_but_a_stated_age_still_is() -> None:
    count = "Elle coordonne les parcours d'une quarantaine de couples."
    assert verdict(check(count, lang="fr", context="note", second_opinion=True)) != "block"
    age = "Elle a une trentaine d'années et deux enfants."
    assert verdict(check(age, lang="fr", context="note", second_opinion=True)) == "block"


def test_a_protected_trait_given_as_an_excess_blocks_whatever_the_model_says() -> None:
    # The rules pass these and the model scores them low; the lexicon word after "too" decides.
    for lang, text in (
        ("en", "Way too butch for the cosmetics counter."),
        ("en", "Too macho for the nursery."),
    ):
        assert verdict(check(text, lang=lang, context="note")) == "ok", text
        found = check(text, lang=lang, context="note", second_opinion=True)
        assert verdict(found) == "block", text
        assert all(f.why and f.suggestion for f in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # People a job deals with, named by a role noun no cue list holds, or a group the work
        # is for: the protected word describes them, not the candidate.
        ("en", "Answered claims from pregnant policyholders within two days."),
        ("en", "Fitted a stair lift for a shopper in a wheelchair."),
        ("en", "Opened bank accounts for refugees arriving at the port."),
        ("fr", "Ouvre des comptes bancaires à des réfugiés arrivés cet hiver."),
    ],
)
def test_people_the_work_is_for_are_its_topic(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) == "ok"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The same words said of the candidate, as a preference, or compared with them.
        ("en", "She's a gay rugby player, the lads won't like it."),
        ("en", "We'd prefer younger drivers on the night route."),
        ("en", "You would be joining a crew who are all much younger than you."),
        ("en", "Asked to leave early on Fridays for prayers."),
    ],
)
def test_a_group_word_said_of_the_candidate_still_blocks(lang: str, text: str) -> None:
    found = check(text, lang=lang, context="note", second_opinion=True)
    assert verdict(found) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The protected word only describes a thing or other people by its place in the
        # phrase: a noun and "de" before it, a thing's owner, a count of groups, a colleague.
        ("fr", "A couvert un meeting d'extrême gauche pour le journal local."),
        ("en", "Cleared a Buddhist temple's shipment at customs."),
        ("en", "Supervises a night crew of eight nationalities."),
        ("en", "Walked the night patrol with a female colleague."),
    ],
)
def test_a_protected_word_describing_a_thing_or_others_does_not_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "ok"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il a un accent de l'Est, les clients vont tiquer."),
        ("fr", "Les candidats de votre quartier restent rarement chez nous."),
        ("fr", "Trop fragile pour tenir une équipe de gars en usine."),
    ],
)
def test_the_candidates_own_traits_in_the_same_shapes_still_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A protected word as the object of a trade's verb, in any tense or person.
        ("fr", "Avocate, elle a défendu des délégués syndicaux aux prud'hommes."),
        ("fr", "Elle a interrogé des militants syndicaux pour son reportage."),
        ("en", "Represented disabled tenants at the housing tribunal."),
    ],
)
def test_what_a_trades_verb_acts_on_is_the_jobs_topic(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "ok"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The same verbs in the passive say what was done to the candidate.
        ("fr", "Il a été soigné pour une dépression l'an dernier, attention aux gardes."),
        ("en", "She was screened for cancer in the spring and may need time off."),
        ("en", "He'd be supervised by a woman, not sure he'd cope."),
    ],
)
def test_a_trades_verb_in_the_passive_is_about_the_candidate(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"


def test_a_trait_said_unfit_for_the_place_is_said_of_the_candidate() -> None:
    for lang, text in (
        ("en", "Tattoos and piercings, impossible for the front desk of a law firm."),
        ("fr", "Cheveux bleus et piercings, impossible aux pompes funèbres."),
        ("fr", "Des tatouages jusque dans le cou, pas l'image d'une agence d'assurance."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"
    # The same words about the work stay unblocked.
    for lang, text in (
        ("en", "Refreshed the brand image of the tattoo studio and doubled bookings."),
        ("en", "Made the sensory room ideal for children with autism."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) != "block"


def test_whose_family_it_is_follows_the_possessive() -> None:
    # "Their" after a role noun is that group's; "of hers" makes the group the candidate's.
    clean = "Sold home insurance to self-employed plumbers and their spouses."
    assert verdict(check(clean, context="note", second_opinion=True)) == "ok"
    risky = "Elderly relatives of hers live nearby, so she won't relocate."
    assert verdict(check(risky, context="note", second_opinion=True)) == "block"


def test_deaf_people_the_job_serves_are_its_topic_in_french_too() -> None:
    text = "Réserve des interprètes pour les congressistes sourds."
    assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "ok"
    said = "Il est sourd d'une oreille, les réunions seront compliquées."
    assert verdict(check(said, lang="fr", context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A group said always to behave one way, then applied to the candidate: a stereotype.
        ("en", "Pregnant teachers always go off sick early, so I'd pass on her."),
        ("en", "Muslim workers always want Fridays off, so she'd be trouble."),
        ("fr", "Les mères de famille partent toujours à 17 h, je ne la prendrais pas."),
    ],
)
def test_a_stereotype_about_a_group_is_not_the_jobs_topic(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"


def test_people_worked_with_and_the_subject_of_a_handout_are_the_jobs_topic() -> None:
    for text in (
        "Worked with older people in the care home for a decade.",
        "Volunteered with disabled people at the riding school.",
        "Runs the antenatal classes at the hospital and rewrote the handout on breastfeeding.",
        "Coordinated the domestic violence refuge's referrals for women and their children.",
    ):
        assert verdict(check(text, context="note", second_opinion=True)) == "ok", text
    # What the candidate thinks about a group, or a group they are put in, is theirs.
    for text in (
        "His views on Muslims came up at lunch, not for our clients.",
        "She's one of those older people who won't learn the tills.",
    ):
        assert verdict(check(text, context="note", second_opinion=True)) == "block", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "As a union organiser for eight years, you ran a recruitment drive across depots."),
        ("en", "Union official since 2016; ran the casework team and its case system."),
        ("en", "Worked as a union researcher for four years, writing briefings on shifts."),
        ("fr", "Permanent syndical depuis 2019, il a mené les négociations annuelles."),
        ("fr", "En tant que permanente syndicale, elle a négocié l'accord d'entreprise."),
    ],
)
def test_a_union_staff_job_held_as_an_occupation_is_the_job(lang: str, text: str) -> None:
    findings = check(text, lang=lang, context="note", second_opinion=True)
    assert verdict(findings) != "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Union organiser, could be trouble."),
        ("en", "Union rep for five years, could stir things up here."),
        ("en", "As a shop steward you learned to negotiate rotas calmly."),
        ("fr", "Délégué syndical depuis 2019, il risque de nous compliquer la vie."),
    ],
)
def test_a_members_union_role_or_a_bare_title_still_blocks(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"


def test_the_person_looked_after_is_the_carers_work_unless_they_are_family() -> None:
    work = "Looked after an elderly man with dementia as his live-in carer."
    own = "He looks after his elderly mother, so no weekends."
    assert verdict(check(work, lang="en", context="note")) != "block"
    assert verdict(check(own, lang="en", context="note")) == "block"


def test_french_car_is_a_reason_only_in_french() -> None:
    assert verdict(check("Car for deaf people: she adapted the horn to a light.")) == "ok"
    french = "Je ne la prendrais pas car elle est sourde."
    assert verdict(check(french, lang="fr", context="note")) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Directeur de crèche parentale, il a rouvert deux sections cette année.",
        "Puéricultrice en maternité, elle forme les jeunes parents à l'allaitement.",
        "Il a mis en place le congé parental d'accueil dans les trois magasins.",
        "Il suit vingt familles monoparentales sur le secteur.",
        "Elle suivait 35 enfants placés en famille d'accueil.",
        "Elle anime une formation sur le fait religieux pour les enseignants.",
        "Le menu propose des plats casher et végétariens.",
    ],
)
def test_french_trades_titles_caseloads_and_policies_are_the_jobs_topic(text: str) -> None:
    assert verdict(check(text, lang="fr", context="note", second_opinion=True)) != "block"


@pytest.mark.parametrize(
    "text",
    [
        "Directrice, mais elle a trois enfants en bas âge, attention aux absences.",
        "Elle est en congé parental jusqu'en mars, donc pas disponible.",
        "Elle a trois enfants, donc pas d'astreintes.",
        "Il est casher, donc pas de service le samedi.",
    ],
)
def test_the_same_french_words_said_of_the_candidate_still_block(text: str) -> None:
    assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "block"


def test_a_french_country_name_inside_an_organisations_name_is_not_an_origin() -> None:
    # Round 10: "France Bleu", "Air France" are employers; the country alone still counts.
    for text in (
        "Journaliste politique, elle a suivi la présidentielle pour France Bleu.",
        "Elle a longtemps travaillé chez Air France au sol.",
    ):
        assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "ok"
    said = "Elle vient du Maroc, les clients vont tiquer."
    assert verdict(check(said, lang="fr", context="note", second_opinion=True)) == "block"


def test_a_french_hiring_preference_names_who_is_wanted_not_who_is_served() -> None:
    # Round 10: "nous préférons des collaborateurs…" is the hiring's criterion, while
    # "accompagne des collaborateurs…" stays the work.
    wanted = "Nous préférons des collaborateurs résidant hors des quartiers prioritaires."
    assert verdict(check(wanted, lang="fr", context="candidate")) == "block"
    served = "Elle accompagne des habitants des quartiers prioritaires vers l'emploi."
    assert verdict(check(served, lang="fr", context="note")) != "block"


@pytest.mark.parametrize(
    "text",
    [
        "sharp on the rota software, knew the CQC rules, clearly pregnant though, maybe five"
        " months, good references from the hospice",
        "quick learner, sold well in the role play, bit overweight for the gym floor uniform,"
        " otherwise fine",
    ],
)
def test_a_remark_in_the_middle_of_a_run_on_note_blocks(text: str) -> None:
    assert verdict(check(text, context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Très « lutte des classes », sûrement syndiqué, on laisse tomber.",
        "Genre « on a des droits », syndiquée à coup sûr.",
    ],
)
def test_a_french_guess_after_a_quoted_label_is_said_of_the_candidate(text: str) -> None:
    # Round 11: the words of "très « lutte des classes »" ("classes") are a label on the
    # person, not the job's subject: the union guess after it blocks as it does alone.
    assert verdict(check(text, lang="fr", context="note")) == "block"
    alone = "Sûrement syndiqué, on laisse tomber."
    assert verdict(check(alone, lang="fr", context="note")) == "block"
    topic = "A animé l'atelier « accueil des élèves » pour les enseignants syndiqués."
    assert verdict(check(topic, lang="fr", context="note")) != "block"


@pytest.mark.parametrize(
    "text",
    [
        "Speaks Urdu, Punjabi, Bengali and English, calm on the phones, kind, quick on the till.",
        "Home carer, visits mostly elderly clients, keeps the medication charts, drives, tidy.",
    ],
)
def test_a_run_on_note_of_skills_and_clients_does_not_block(text: str) -> None:
    assert verdict(check(text, context="note", second_opinion=True)) != "block"


def test_one_standing_for_the_service_named_before_it_is_its_topic() -> None:
    text = "Wedding florist; did the garlands for a Hindu wedding and the chuppah for a Jewish one."
    assert verdict(check(text, context="note", second_opinion=True)) != "block"
    said_of_her = "Good florist, but she's a Jewish one, and the venue is a church."
    assert verdict(check(said_of_her, context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Chauffeur de bus sur les lignes de nuit de Seine-Saint-Denis, zéro incident.",
        "Permanente juridique à l'union locale CGT, elle prépare les dossiers prud'homaux.",
        "Permanent syndical, il a fait adhérer 300 salariés dans les entrepôts.",
        "Barman dans un bar gay du Marais pendant trois ans, très bon service.",
        "Vétérinaire : chirurgie des chiens âgés, gestion des maladies chroniques.",
        "Assistance PMR à l'aéroport : accompagne les passagers en fauteuil.",
        "Sage-femme échographiste, annonce le sexe du bébé aux parents qui le souhaitent.",
        "Célibataire géographique pour le chantier de Lyon, il a tenu tous les délais.",
        "Gouvernante dans une famille avec quatre enfants, gère la maison et les plannings.",
    ],
)
def test_a_french_route_venue_animal_or_union_staff_job_is_the_work(text: str) -> None:
    # Round 11: the lines a driver covers, the bar a barman serves, the animals a vet treats
    # are the work; a union's staff title, held "à l'union locale" or set apart at the head
    # of the sentence, is the job.
    assert verdict(check(text, lang="fr", context="note", second_opinion=True)) != "block"


def test_the_same_french_words_said_of_a_member_or_parent_still_block() -> None:
    for text in (
        "Délégué syndical, il va nous pourrir la vie.",
        "Permanente, mais syndiquée à la CGT, donc on évite.",
        "Il est gay, il traîne dans les bars du Marais, pas pour notre clientèle.",
        "Elle a un bébé de trois mois, elle ne tiendra pas les horaires.",
    ):
        assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "block"


def test_a_french_trait_given_as_the_cause_is_said_of_the_person() -> None:
    # Round 11: "religion oblige" makes the faith the reason, even after a colleague.
    text = "Sympa, mais il a refusé la poignée de main de ma collègue, religion oblige j'imagine."
    assert verdict(check(text, lang="fr", context="note")) == "block"


def test_a_french_country_where_a_job_was_done_is_not_an_origin() -> None:
    # Round 11: "un stage au Sénégal" is where the work was; "elle est algérienne" stays hers.
    for text in (
        "A fait un stage au Sénégal dans une ONG, bonne autonomie.",
        "Il a parlé de son expérience au Maroc pour un chantier d'irrigation, très concret.",
    ):
        assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "ok"
    said = "Mission de deux ans en Algérie, mais elle est algérienne, les clients vont tiquer."
    assert verdict(check(said, lang="fr", context="note", second_opinion=True)) == "block"


def test_a_french_procedure_or_a_transfer_is_the_work() -> None:
    # Round 11: "les transferts lit-fauteuil roulant", "le déroulé d'un mariage religieux".
    for text in (
        "Maîtrise les transferts lit-fauteuil roulant et le lève-personne.",
        "Connaît le déroulé d'un mariage religieux à l'église et à la synagogue.",
    ):
        assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "ok"
