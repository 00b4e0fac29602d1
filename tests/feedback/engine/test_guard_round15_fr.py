"""Round 15 of the guard, French: remarks with no obvious protected keyword.

Judgements of character and looks, addiction and health said indirectly, an origin read from a
name or an accent, a neighbourhood, a bare age and a family situation: the second opinion may
block them once the lexicon knows their word families and the subject analysis reads a
heading that names the post as a label, not as the job's topic. Hard negatives from the same
trades stay unblocked.
"""

from __future__ import annotations

import pytest

from heardback.feedback.engine.guard import check, verdict
from heardback.feedback.engine.guard_about import about
from heardback.feedback.engine.guard_rules import fold


def got(text: str, context: str = "note") -> str:
    return verdict(check(text, lang="fr", context=context, second_opinion=True))  # type: ignore[arg-type]


# --- A heading that names the post labels the person ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Vendeuse : une vraie gourde, elle a rendu trois fois la monnaie de travers.", "gourde"),
        ("Standardiste : tête de linotte, aucun rappel noté.", "linotte"),
        ("Candidat pour le quai : un bon à rien, il l'a presque dit lui-même.", "rien"),
    ],
)
def test_a_heading_naming_the_post_is_not_the_job_topic(text: str, word: str) -> None:
    folded = fold(text)
    start = folded.index(word)
    assert about(folded, start, start + len(word), 0, len(folded), "fr") != "topic"


def test_a_place_as_heading_still_names_the_job_topic() -> None:
    text = "Pompes funèbres : accompagne les familles endeuillées avec tact."
    folded = fold(text)
    start = folded.index("familles")
    assert about(folded, start, start + len("familles"), 0, len(folded), "fr") == "topic"


# --- Word families the second opinion may block on ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Insults and character verdicts with no protected word.
        "Magasinier : un vrai tire-au-flanc, toujours en pause.",
        "Agent d'accueil : une andouille, elle a perdu le badge du directeur.",
        "Franchement un glandeur, il a passé l'essai au téléphone.",
        # Addiction and mental health said of the person.
        "Il avait une haleine qui sentait l'alcool à 8 h, pour le volant c'est non.",
        "Elle a l'air instable, un coup elle rit, un coup elle pleure.",
        "Un peu trop accro au shit d'après son ancien chef d'équipe.",
        # Looks.
        "Hôtesse : physique ingrat, pas pour le hall.",
        # Origin read from a name or an accent.
        "Avec son nom de famille, les résidents vont se méfier.",
    ],
)
def test_keyword_less_remarks_block(text: str) -> None:
    assert got(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Magasinier : a réorganisé le quai pour que les boulets de la grue ne gênent plus.",
        "Bar de l'hôtel : connaît la loi Évin et les règles de vente d'alcool aux mineurs.",
        "Standard : a calmé un abonné qui la traitait d'andouille, sans hausser le ton.",
        "Maquilleuse : a présenté un visage maquillé pour un shooting de mariage.",
        "Aide à domicile : a pris en charge une bénéficiaire en sevrage tabagique.",
    ],
)
def test_the_same_words_as_the_work_subject_do_not_block(text: str) -> None:
    assert got(text) != "block"


# --- Rules: bare age, family situation, address, an origin wished for -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "62 ans. Bonne volonté mais lent au scanner.",
        "Soixante et un ans, il ne tiendra pas les tournées.",
        "Votre situation de maman solo rend difficiles les fermetures du samedi.",
        "Adresse à la Paillade, je préfère éviter pour la réception.",
        "Nos résidentes demandent une auxiliaire bien de chez nous.",
    ],
)
def test_indirect_protected_facts_block(text: str) -> None:
    assert got(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Deux ans. C'est ce qu'il a fallu pour former l'équipe de nuit.",
        "15 ans. C'est l'âge minimum des stagiaires de 3e que l'école accueille.",
        "Ancienneté au volant : 25 ans.",
        "Les clients demandent des fromages bien de chez nous.",
        "Il habite à Vénissieux, ce qui permet d'éviter les retards du matin.",
    ],
)
def test_durations_products_and_places_as_facts_do_not_block(text: str) -> None:
    assert got(text) != "block"


# --- Work talk the second opinion used to block --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Votre arabe et votre anglais seront précieux à l'accueil de la mairie.", "candidate"),
        ("Les secousses du chariot l'ont alerté, il a fait contrôler les fourches.", "note"),
        ("Il a reçu la veuve du client avec beaucoup de tact pour la résiliation.", "note"),
    ],
)
def test_skills_things_and_clients_are_not_remarks(text: str, context: str) -> None:
    assert got(text, context) != "block"


# --- Second batch of word families (slang for drink, conditions, body, pregnancy, departments) ----


@pytest.mark.parametrize(
    "text",
    [
        "Il sentait le pinard dès le matin, pas pour le volant.",
        "Elle a parlé de sa fibromyalgie, les journées en rayon vont être longues.",
        "Un peu rondelette pour le rayon mode, la cliente cible est jeune.",
        "Elle attend son premier, ça tombe pile sur l'inventaire.",
        "Un gars du 95, pas sûr que les clientes du magasin suivent.",
    ],
)
def test_more_keyword_less_remarks_block(text: str) -> None:
    assert got(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Entrepôt : travail physiquement exigeant, il a posé les bonnes questions.",
        "Grande surface : connaît son cœur de métier, le frais et la traçabilité.",
        "A fait appliquer les normes européennes sur les échafaudages du chantier.",
        "Le standard est calme le mardi, elle y place les rappels clients.",
        "Rayon traiteur : a géré la commande de dindes de Noël sans rupture.",
    ],
)
def test_work_words_of_the_same_families_do_not_block(text: str) -> None:
    assert got(text) != "block"


# --- An epithet equated with the candidate, with no lexicon word ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Secrétaire : une vraie pipelette, on n'a pas pu en placer une.",
        "Caissier : un escargot, 12 articles à la minute.",
        "Téléconseillère, une vraie pipelette au casque, les appels duraient le double.",
    ],
)
def test_an_epithet_after_a_heading_naming_the_post_blocks(text: str) -> None:
    assert got(text) == "block"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Caissière : une vraie fusée, 40 articles à la minute.", "note"),
        ("Réceptionniste : une perle.", "note"),
        ("Magasinier : un as du rangement.", "note"),
        ("Livreuse : une tournée de 80 colis bouclée à l'heure.", "note"),
        ("C'est un gros chantier qu'elle a mené seule.", "note"),
        ("Vous suivez les délais ; un seuil d'alerte vous aiderait à agir plus tôt.", "candidate"),
        ("Une clé d'idempotence rendrait l'opération sûre.", "candidate"),
    ],
)
def test_praise_things_and_advice_are_no_epithets(text: str, context: str) -> None:
    assert got(text, context) != "block"


# --- An apposition naming the post, a stay in a place of care, an age "passed" ----------------


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Magasinière, un peu bas de plafond, il faut tout lui réexpliquer.", "note"),
        ("Un séjour en maison de repos l'an dernier, d'après ses références.", "note"),
        ("60 ans passés, il ne tiendra pas le rythme du drive.", "note"),
        ("Votre dos, évoqué en entretien, ne permet pas les manutentions du quai.", "candidate"),
    ],
)
def test_appositions_stays_and_passed_ages_block(text: str, context: str) -> None:
    assert got(text, context) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Éducatrice spécialisée, elle accompagne des enfants autistes en classe ULIS.",
        "Aide à domicile, elle a organisé le séjour en maison de repos d'une bénéficiaire.",
        "Chauffeur, 60 ans de cumul avec son binôme sur la ligne, aucun accident.",
    ],
)
def test_the_same_structures_about_the_work_do_not_block(text: str) -> None:
    assert got(text) != "block"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Orthophoniste, suit des enfants bègues et dyslexiques, bilans rigoureux.", "begues"),
        ("Puéricultrice en PMI, suivi des nourrissons et des jeunes mères.", "nourrissons"),
        (
            "Notaire assistante : successions, donations entre époux et contrats de mariage.",
            "epoux",
        ),
    ],
)
def test_a_heading_before_a_description_of_the_work_still_names_the_job(
    text: str, word: str
) -> None:
    folded = fold(text)
    start = folded.index(word)
    assert about(folded, start, start + len(word), 0, len(folded), "fr") == "topic"


def test_a_bottle_served_at_a_table_is_no_drinking() -> None:
    # From the API scenarios (a sommelier's feedback): "la bouteille" alone is the wine served.
    text = "Vous avez oublié de présenter la bouteille à la table 4, mais le rythme était bon."
    assert verdict(check(text, lang="fr", context="candidate", second_opinion=True)) != "block"
    drinking = "Un peu trop portée sur la bouteille, d'après son ancien chef."
    assert verdict(check(drinking, lang="fr", context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "A demandé l'origine des fonds dès le premier dépôt important.",
        "A vérifié l'origine de la viande avant le service.",
    ],
)
def test_the_origin_of_funds_or_goods_is_no_ones_origin(text: str) -> None:
    # From the eighth API reading (an anti-money-laundering adviser was refused).
    assert verdict(check(text, lang="fr", context="candidate", second_opinion=True)) != "block"
