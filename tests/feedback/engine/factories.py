"""Plain builders for feedback-engine inputs: one realistic job, named scenarios, synthetic batches.

Every builder takes keyword overrides, so a test states only what matters to it:
`scorecard(items=(item(2, "no"),))`; `note_input(job_=…, decision_=…)` takes a trailing
underscore where the builder of that name would be shadowed. `scenario(case, lang)` gives the
complete input of each honesty case in CASES; `synthetic_inputs(n)` a seeded batch for one job.
Reused by the engine tests, the Django adapter's tests and benchmarks/engine_throughput.py.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping, Sequence
from typing import Final

from heardback.feedback.engine import guard
from heardback.feedback.engine.types import (
    AttributeRating,
    Candidate,
    Competency,
    Decision,
    Interview,
    Job,
    Language,
    NoteInput,
    OpenRole,
    OverallRecommendation,
    Policy,
    RatingItem,
    ReasonCategory,
    Scorecard,
    Tone,
)

LEVELS: Final[tuple[AttributeRating, ...]] = ("definitely_not", "no", "mixed", "yes", "strong_yes")

# Strings that must never reach a candidate: tests look for them in every note.
EVIDENCE_MARKER: Final = "INTERNAL-EVIDENCE-7f3a"
PRIVATE_MARKER: Final = "PRIVATE-NOTE-c41d"
PORTAL_URL: Final = "https://jobs.larkspur.example/p/3f9c2a"

# --- the rubric: Senior Backend Engineer (Payments) -------------------------------------------

# (id, weight, bar, {lang: (name, descriptors from definitely_not to strong_yes, tips)})
_Texts = Mapping[str, tuple[str, tuple[str, ...], str]]
_RUBRIC: Final[tuple[tuple[int, int, AttributeRating, _Texts], ...]] = (
    (
        1, 2, "yes",
        {
            "en": (
                "Communication",
                (
                    "it is hard to follow how you reach your answers",
                    "your reasoning is often hard to follow without prompting",
                    "your explanations are clear in places but sometimes hard to follow",
                    "you explain your reasoning clearly and in a sensible order",
                    "you explain complex ideas simply and check that others follow",
                ),
                "Practise explaining a past project in five minutes to a friend outside tech. "
                "Start with the goal, then the design, then the trade-offs.",
            ),
            "fr": (
                "Communication",
                (
                    "il est difficile de suivre comment vous arrivez à vos réponses",
                    "votre raisonnement est souvent difficile à suivre sans relance",
                    "vos explications sont claires par endroits, mais parfois difficiles à suivre",
                    "vous expliquez votre raisonnement clairement et dans un ordre logique",
                    "vous expliquez simplement des idées complexes et vérifiez que l'on vous suit",
                ),
                "Entraînez-vous à présenter un projet passé en cinq minutes à une personne "
                "extérieure à la tech. Commencez par l'objectif, puis la conception, puis les "
                "compromis.",
            ),
        },
    ),
    (
        2, 3, "yes",
        {
            "en": (
                "Distributed systems design",
                (
                    "your designs do not yet hold together once several services are involved",
                    "you can sketch a design, but not yet show how it behaves when parts fail",
                    "your designs work on the happy path, but failure cases come late",
                    "you design systems that cope with failure and explain the main trade-offs",
                    "you design for failure from the start and explain every trade-off",
                ),
                "Practise walking through what happens when a dependency is down, and how "
                "retries stay safe to repeat. Chapters 8 and 9 of Designing Data-Intensive "
                "Applications are a good start.",
            ),
            "fr": (
                "Conception de systèmes distribués",
                (
                    "vos conceptions ne tiennent pas encore dès que plusieurs services entrent "
                    "en jeu",
                    "vous savez esquisser une architecture, mais pas encore décrire son "
                    "comportement quand une partie tombe en panne",
                    "vos conceptions fonctionnent dans le cas nominal, mais les pannes arrivent "
                    "tard dans la réflexion",
                    "vos conceptions tiennent compte des pannes et vous expliquez les principaux "
                    "compromis",
                    "vous concevez en pensant aux pannes dès le départ et justifiez chaque "
                    "compromis",
                ),
                "Entraînez-vous à décrire ce qui se passe quand une dépendance est indisponible, "
                "et comment rejouer une requête sans risque. Les chapitres 8 et 9 de Designing "
                "Data-Intensive Applications sont un bon point de départ.",
            ),
        },
    ),
    (
        3, 2, "yes",
        {
            "en": (
                "Go in production",
                (
                    "you are still at the start of learning Go",
                    "your Go works for simple cases, but concurrency and error handling are "
                    "not yet solid",
                    "you write working Go, but testing and error handling need more care",
                    "you write solid Go and understand how it behaves in production",
                    "you write clean, idiomatic Go and know how to run it safely in production",
                ),
                "Build a small service with real error handling, timeouts and tests, and run "
                "it under load. The Go blog posts on context and on errors are short and "
                "practical.",
            ),
            "fr": (
                "Go en production",
                (
                    "vous débutez encore avec Go",
                    "votre Go fonctionne pour des cas simples, mais la concurrence et la gestion "
                    "des erreurs ne sont pas encore solides",
                    "votre code Go fonctionne, mais les tests et la gestion des erreurs "
                    "demandent plus de soin",
                    "vous écrivez un Go solide et comprenez son comportement en production",
                    "vous écrivez un Go propre et idiomatique et savez l'exploiter en production "
                    "en toute sécurité",
                ),
                "Construisez un petit service avec une vraie gestion des erreurs, des délais "
                "d'expiration et des tests, puis faites-le tourner sous charge.",
            ),
        },
    ),
    (
        4, 2, "yes",
        {
            "en": (
                "PCI-DSS awareness",
                (
                    "card data security is new ground for you",
                    "you have not yet worked with the rules for handling card data",
                    "you know PCI-DSS exists, but not yet how it shapes a design",
                    "you know the main PCI-DSS rules and why they matter for our systems",
                    "you know how card data is protected and how tokenization reduces risk",
                ),
                "Learn how tokenization keeps card data out of most systems. The PCI Security "
                "Standards Council's tokenization guidelines are short and clear.",
            ),
            "fr": (
                "Conformité PCI-DSS",
                (
                    "la sécurité des données bancaires est un terrain nouveau pour vous",
                    "vous n'avez pas encore appliqué les règles qui protègent les données "
                    "bancaires",
                    "vous savez que PCI-DSS existe, mais pas encore comment il change une "
                    "conception",
                    "vous connaissez les principales règles PCI-DSS et savez pourquoi elles "
                    "comptent pour nos systèmes",
                    "vous savez protéger les données bancaires et expliquer ce que la "
                    "tokenisation apporte",
                ),
                "Renseignez-vous sur la tokenisation, qui garde les numéros bancaires hors "
                "du plus grand nombre possible de systèmes. Les guides du PCI Security "
                "Standards Council sur ce sujet sont courts et clairs.",
            ),
        },
    ),
    (
        5, 1, "mixed",
        {
            "en": (
                "Testing and reliability",
                (
                    "you did not yet show how you would check that your code works",
                    "testing comes as an afterthought in your work",
                    "you write tests, but rarely think about monitoring or rollout",
                    "you write useful tests and think about how to monitor what you ship",
                    "you test at the right levels and plan how a change is rolled out and watched",
                ),
                "For your next project, write down how you would know it is broken in "
                "production before you write the code.",
            ),
            "fr": (
                "Tests et fiabilité",
                (
                    "vous n'avez pas encore montré comment vérifier que votre code fonctionne",
                    "les tests arrivent après coup dans votre travail",
                    "vous écrivez des tests, mais pensez rarement à la surveillance ou au "
                    "déploiement",
                    "vous écrivez des tests utiles et pensez à la surveillance de ce que vous "
                    "livrez",
                    "vous testez aux bons niveaux et prévoyez comment déployer et surveiller un "
                    "changement",
                ),
                "Pour votre prochain projet, notez avant d'écrire le code comment vous sauriez "
                "qu'il est en panne en production.",
            ),
        },
    ),
    (
        6, 1, "yes",
        {
            "en": (
                "Collaboration",
                (
                    "you tend to set other views aside quickly",
                    "you find it hard to take other views on board",
                    "you work well with others, but tend to hold on to your first idea",
                    "you listen well and work through disagreements calmly",
                    "you build on other people's ideas and make it easy to disagree with you",
                ),
                "In your next design discussion, ask one question about someone else's idea "
                "before you offer your own.",
            ),
            "fr": (
                "Collaboration",
                (
                    "vous avez tendance à écarter vite les autres points de vue",
                    "vous avez du mal à prendre en compte d'autres points de vue",
                    "vous travaillez bien avec les autres, mais tenez souvent à votre première "
                    "idée",
                    "vous écoutez bien et traitez les désaccords avec calme",
                    "vous construisez sur les idées des autres et il est facile de vous "
                    "contredire",
                ),
                "Lors de votre prochaine discussion de conception, posez une question sur "
                "l'idée de quelqu'un d'autre avant de proposer la vôtre.",
            ),
        },
    ),
)  # fmt: skip

_TITLE: Final = {
    "en": "Senior Backend Engineer (Payments)",
    "fr": "Ingénieur·e backend senior (paiements)",
}
_CRITERIA: Final = {
    "en": "at least three years of running payment systems in production",
    "fr": "au moins trois ans d'expérience sur des systèmes de paiement en production",
}


def rubric(lang: Language = "en") -> tuple[Competency, ...]:
    """The six-competency rubric of the payments backend role, in `lang`."""
    return tuple(
        Competency(
            id=cid,
            name=texts[lang][0],
            description="",
            weight=weight,
            bar=bar,
            descriptors=dict(zip(LEVELS, texts[lang][1], strict=True)),
            tips=texts[lang][2],
        )
        for cid, weight, bar, texts in _RUBRIC
    )


# --- single builders --------------------------------------------------------------------------


def competency(
    id: int = 1,
    *,
    name: str = "Communication",
    weight: int = 1,
    bar: AttributeRating = "yes",
    descriptors: Mapping[str, str] | None = None,
    tips: str = "Practise explaining one past project in five minutes.",
) -> Competency:
    if descriptors is None:
        descriptors = {level: f"{name.lower()} at the {level} level" for level in LEVELS}
    return Competency(id, name, "", weight, bar, descriptors, tips)


def job(
    *,
    id: int = 4,
    title: str = _TITLE["en"],
    competencies: tuple[Competency, ...] | None = None,
    screening_criteria: str = _CRITERIA["en"],
    lang: Language = "en",
) -> Job:
    return Job(
        id, title, competencies if competencies is not None else rubric(lang), screening_criteria
    )


def candidate(
    *, id: int = 31, first_name: str = "Priya", last_name: str = "Raman", language: Language = "en"
) -> Candidate:
    return Candidate(id, first_name, last_name, language)


def interview(
    id: int = 7,
    name: str = "System design",
    kind: str = "system_design",
    date: datetime.date | None = datetime.date(2026, 6, 12),
) -> Interview:
    return Interview(id, name, kind, date)


def item(
    competency_id: int,
    rating: AttributeRating | None,
    *,
    comment: str = "",
    evidence: str = EVIDENCE_MARKER,
    evidence_shareable: bool = False,
) -> RatingItem:
    return RatingItem(competency_id, rating, evidence, comment, evidence_shareable)


def scorecard(
    id: int = 12,
    *,
    interview_id: int = 7,
    interviewer: str = "Sam",
    overall: OverallRecommendation = "no",
    items: tuple[RatingItem, ...] = (),
    key_takeaways: str = "",
    key_takeaways_shareable: bool = False,
    private_notes: str = PRIVATE_MARKER,
) -> Scorecard:
    return Scorecard(
        id,
        interview_id,
        interviewer,
        overall,
        items,
        key_takeaways,
        key_takeaways_shareable,
        private_notes,
    )


def decision(
    category: ReasonCategory = "skills_gap",
    *,
    explanation: str = "",
    decided_on: datetime.date = datetime.date(2026, 7, 2),
) -> Decision:
    return Decision(category, f"internal label: {category}", explanation, decided_on)


def policy(
    *,
    tone: Tone = "warm",
    lang: Language = "en",
    reapply_months: int = 6,
    show_names: bool = False,
    portal_url: str = PORTAL_URL,
) -> Policy:
    title = "Recruiter" if lang == "en" else "recruteuse"
    return Policy(
        "Larkspur Pay", tone, reapply_months, show_names, "Dana Whitfield", title, portal_url
    )


def open_roles(lang: Language = "en") -> tuple[OpenRole, ...]:
    names = {c.id: c.name for c in rubric(lang)}
    if lang == "fr":
        return (
            OpenRole(9, "Ingénieur·e backend", (names[3], names[1])),
            OpenRole(11, "Analyste de données", ("SQL", "Visualisation")),
        )
    return (
        OpenRole(9, "Backend Engineer", (names[3], names[1])),
        OpenRole(11, "Data Analyst", ("SQL", "Data visualisation")),
    )


def note_input(
    *,
    application_id: int = 101,
    lang: Language = "en",
    tone: Tone = "warm",
    job_: Job | None = None,
    candidate_: Candidate | None = None,
    stage_reached: str = "Onsite",
    interviews: tuple[Interview, ...] = (),
    scorecards: tuple[Scorecard, ...] = (),
    decision_: Decision | None = None,
    policy_: Policy | None = None,
    open_roles_: tuple[OpenRole, ...] = (),
    other_candidate_names: tuple[str, ...] = (),
) -> NoteInput:
    return NoteInput(
        application_id=application_id,
        job=job_
        if job_ is not None
        else job(lang=lang, title=_TITLE[lang], screening_criteria=_CRITERIA[lang]),
        candidate=candidate_ if candidate_ is not None else candidate(language=lang),
        stage_reached=stage_reached,
        interviews=interviews,
        scorecards=scorecards,
        decision=decision_ if decision_ is not None else decision(),
        policy=policy_ if policy_ is not None else policy(tone=tone, lang=lang),
        open_roles=open_roles_,
        other_candidate_names=other_candidate_names,
    )


def one_comment(
    comment: str,
    *,
    rating: AttributeRating = "strong_yes",
    lang: Language = "en",
    competency_: Competency | None = None,
    first_name: str = "Samuel",
    last_name: str = "Okafor",
) -> NoteInput:
    """One competency rated `rating` with `comment`, after one dated interview: the input for
    what a note makes of one interviewer's words."""
    card = scorecard(items=(item(1, rating, comment=comment),))
    return note_input(
        lang=lang,
        interviews=(interview(),),
        scorecards=(card,),
        job_=job(competencies=(competency_,)) if competency_ else None,
        candidate_=candidate(first_name=first_name, last_name=last_name, language=lang),
    )


def no_findings(text: str, **_: object) -> list[guard.Finding]:
    """A guard that finds nothing: for tests that are not about the guard."""
    return []


# --- named scenarios: one per honesty case ----------------------------------------------------

_PEOPLE: Final = {
    "en": (
        ("Priya", "Raman"), ("Chiamaka", "Obi"), ("Tomás", "Ruiz"), ("Mei", "Lin"),
        ("Jonas", "Berg"), ("Amara", "Diallo"), ("Oliver", "Grant"), ("Sofia", "Rossi"),
    ),
    "fr": (
        ("Élodie", "Martin"), ("Karim", "Benali"), ("Chloé", "Dubois"), ("Hugo", "Lefèvre"),
        ("Inès", "Moreau"), ("Léa", "Girard"), ("Théo", "Roux"), ("Camille", "Fontaine"),
    ),
}  # fmt: skip

_MEETINGS: Final = {
    "en": {
        "screen": "Recruiter screen",
        "technical": "Technical interview",
        "system_design": "System design",
        "hiring_manager": "Hiring manager",
        "onsite": "Final panel",
    },
    "fr": {
        "screen": "Appel de présélection",
        "technical": "Entretien technique",
        "system_design": "Conception technique",
        "hiring_manager": "Échange avec la responsable du recrutement",
        "onsite": "Panel final",
    },
}

_COMMENTS: Final = {
    "en": {
        1: "Asked sharp clarifying questions before designing anything.",
        2: "Walked through the retry path step by step without being asked",
        3: "Wrote a clean worker pool and explained each channel.",
        6: "Picked up my hint about idempotency keys and ran with it.",
    },
    "fr": {
        1: "A posé des questions de clarification précises avant de concevoir quoi que ce soit.",
        2: "A détaillé le chemin des rejeux étape par étape, sans qu'on le demande",
        3: "A écrit un pool de workers propre et expliqué chaque canal.",
        6: "A repris mon indice sur les clés d'idempotence et l'a développé.",
    },
}

_TAKEAWAYS: Final = {
    "en": "Clear thinker with solid Go. Needs more depth on how distributed systems fail.",
    "fr": "Raisonnement clair et Go solide. Doit approfondir les pannes des systèmes distribués.",
}

CASES: Final = (
    "skills_gap",
    "stronger_candidate",
    "screening",
    "withdrew",
    "role_closed",
    "disagreement",
    "formal",
    "skills_gap_unsupported",
)

_R = dict[int, AttributeRating | None]


def scenario(case: str, lang: Language = "en") -> NoteInput:
    """The named honesty case, as a complete input (see CASES)."""
    n = CASES.index(case)
    first, last = _PEOPLE[lang][n]
    who = candidate(id=200 + n, first_name=first, last_name=last, language=lang)
    meet = _MEETINGS[lang]
    july = datetime.date(2026, 7, 1)
    two = (
        interview(71, meet["system_design"], "system_design", datetime.date(2026, 6, 12)),
        interview(72, meet["hiring_manager"], "hiring_manager", datetime.date(2026, 6, 14)),
    )
    three = (
        interview(81, meet["screen"], "screen", datetime.date(2026, 6, 30)),
        interview(82, meet["technical"], "technical", july),
        interview(83, meet["onsite"], "onsite", datetime.date(2026, 7, 3)),
    )
    base = {
        "application_id": 1000 + n + (100 if lang == "fr" else 0),
        "lang": lang,
        "candidate_": who,
    }
    gap: tuple[_R, _R] = (
        {1: "strong_yes", 2: "no", 3: "yes", 4: "definitely_not", 5: "mixed", 6: None},
        {1: "yes", 2: "no", 3: "strong_yes", 4: "no", 5: "yes", 6: "yes"},
    )
    strong: tuple[_R, ...] = (
        {1: "yes", 6: "strong_yes"},
        {2: "yes", 3: "strong_yes", 4: "yes", 5: "yes"},
        {1: "strong_yes", 2: "strong_yes", 3: "yes", 6: "yes"},
    )
    if case == "skills_gap":
        return note_input(
            **base,
            interviews=two,
            scorecards=_cards(two, gap, lang, takeaways_on=1),
            decision_=decision("skills_gap"),
            open_roles_=open_roles(lang),
        )
    if case == "stronger_candidate":
        return note_input(
            **base,
            interviews=three,
            scorecards=_cards(three, strong, lang),
            decision_=decision("stronger_candidate", decided_on=datetime.date(2026, 7, 10)),
            open_roles_=open_roles(lang),
        )
    if case == "screening":
        return note_input(
            **base, stage_reached="Application review", decision_=decision("experience_level")
        )
    if case == "withdrew":
        return note_input(
            **base,
            interviews=two[:1],
            scorecards=_cards(two[:1], gap[:1], lang),
            decision_=decision("withdrew"),
        )
    if case == "role_closed":
        explanation = {
            "en": "The team's budget for this year was moved to another project",
            "fr": "Le budget de l'équipe pour cette année a été réaffecté à un autre projet.",
        }[lang]
        return note_input(
            **base,
            interviews=two,
            scorecards=_cards(two, strong[1:], lang),
            decision_=decision("role_closed", explanation=explanation),
        )
    if case == "disagreement":
        split: tuple[_R, _R] = (
            {1: "yes", 2: "definitely_not", 3: "yes", 4: "no", 5: "mixed"},
            {1: "strong_yes", 2: "yes", 3: "mixed", 4: "no", 5: "no"},
        )
        return note_input(
            **base,
            interviews=two,
            scorecards=_cards(two, split, lang),
            decision_=decision("skills_gap"),
        )
    if case == "formal":
        return note_input(
            **base,
            interviews=three,
            scorecards=_cards(three, (gap[0], gap[1], strong[2]), lang),
            decision_=decision("skills_gap", decided_on=datetime.date(2026, 7, 9)),
            policy_=policy(
                tone="formal", lang=lang, show_names=True, portal_url="", reapply_months=12
            ),
            open_roles_=open_roles(lang),
        )
    if case == "skills_gap_unsupported":
        return note_input(
            **base,
            interviews=two,
            scorecards=_cards(two, strong[1:], lang),
            decision_=decision("skills_gap"),
        )
    raise ValueError(f"unknown case {case!r}")


def _cards(
    interviews: Sequence[Interview],
    ratings: Sequence[_R],
    lang: Language,
    *,
    takeaways_on: int = -1,
) -> tuple[Scorecard, ...]:
    names = ("Sam", "Aisha", "Noor", "Ken", "Lucía")
    comments = _COMMENTS[lang]
    cards = []
    for n, (meeting, by_competency) in enumerate(zip(interviews, ratings, strict=True)):
        items = tuple(
            item(cid, rating, comment=comments.get(cid, "") if n == 0 or cid == 3 else "")
            for cid, rating in by_competency.items()
        )
        cards.append(
            scorecard(
                500 + meeting.id,
                interview_id=meeting.id,
                interviewer=names[n],
                items=items,
                key_takeaways=_TAKEAWAYS[lang],
                key_takeaways_shareable=n == takeaways_on,
            )
        )
    return tuple(cards)


# --- synthetic batches for benchmarks and corpus-level checks ---------------------------------

_FIRST: Final = (
    "Priya", "Jonas", "Amara", "Mei", "Tomás", "Chiamaka", "Oliver", "Sofia", "Karim", "Léa",
    "Hugo", "Inès", "Noah", "Aiko", "Mateo", "Zara", "Ravi", "Elena", "Kwame", "Freya",
)  # fmt: skip
_LAST: Final = (
    "Raman", "Berg", "Diallo", "Lin", "Ruiz", "Obi", "Grant", "Rossi", "Benali", "Girard",
    "Lefèvre", "Moreau", "Kim", "Sato", "Silva", "Khan", "Patel", "Novak", "Mensah", "Holm",
)  # fmt: skip
_STAGES: Final = {
    "en": (
        ("Recruiter screen", "screen"),
        ("Technical interview", "technical"),
        ("System design", "system_design"),
        ("Take-home review", "take_home"),
        ("Hiring manager", "hiring_manager"),
    ),
    "fr": (
        ("Appel de présélection", "screen"),
        ("Entretien technique", "technical"),
        ("Conception technique", "system_design"),
        ("Revue de l'exercice", "take_home"),
        ("Entretien avec la responsable", "hiring_manager"),
    ),
}
# What interviewers write for the candidate when a competency went well: each their own words.
_POSITIVE: Final = {
    1: (
        "Summed up the trade-offs in two clear sentences.",
        "Checked that I followed before moving on.",
        "Drew a diagram first, which made the discussion easy.",
        "Explained the ledger design to a non-engineer on the panel.",
        "Asked what problem we were really solving before answering.",
    ),
    2: (
        "Drew the failure paths before the happy path.",
        "Spotted the double-charge risk on retries.",
        "Suggested an outbox table to keep events and writes in step.",
        "Reasoned well about what happens when the bank API times out.",
    ),
    3: (
        "Handled context cancellation carefully.",
        "Wrote table-driven tests without being asked.",
        "Used errgroup to keep the workers tidy.",
        "Found the race in the sample code within minutes.",
    ),
    4: (
        "Explained why tokens keep card numbers out of our logs.",
        "Knew which systems fall in PCI scope and why.",
        "Suggested masking card data at the edge.",
    ),
    5: (
        "Proposed a canary rollout with clear alarms.",
        "Named the three metrics they would watch after release.",
        "Wrote a failing test before fixing the bug.",
    ),
    6: (
        "Built on the interviewer's idea instead of replacing it.",
        "Changed their mind gracefully when shown a better option.",
        "Made space for the quieter person on the panel.",
    ),
}
_POSITIVE_FR: Final = {
    1: (
        "A résumé les compromis en deux phrases claires.",
        "A vérifié que je suivais avant d'avancer.",
        "A commencé par un schéma, ce qui a rendu l'échange facile.",
        "A expliqué le grand livre à une personne non technique du jury.",
    ),
    2: (
        "A dessiné les chemins de panne avant le cas nominal.",
        "A repéré le risque de double débit lors des rejeux.",
        "A proposé une table outbox pour garder écritures et événements alignés.",
    ),
    3: (
        "A géré l'annulation de contexte avec soin.",
        "A écrit des tests pilotés par table sans qu'on le demande.",
        "A trouvé la situation de concurrence dans le code en quelques minutes.",
    ),
    4: (
        "A expliqué pourquoi les jetons gardent les numéros de carte hors des journaux.",
        "Savait quels systèmes entrent dans le périmètre PCI, et pourquoi.",
    ),
    5: (
        "A proposé un déploiement canari avec des alertes claires.",
        "A cité les trois indicateurs à surveiller après la mise en production.",
    ),
    6: (
        "A construit sur l'idée de l'intervieweur au lieu de la remplacer.",
        "A changé d'avis avec élégance face à une meilleure option.",
    ),
}
_CATEGORIES: Final[tuple[ReasonCategory, ...]] = (
    "skills_gap", "skills_gap", "skills_gap", "skills_gap", "experience_level",
    "stronger_candidate", "stronger_candidate", "role_closed", "other", "compensation",
)  # fmt: skip


def synthetic_inputs(count: int, *, seed: int = 7, lang: Language = "en") -> list[NoteInput]:
    """`count` realistic applications to one job: five interview-stage scorecards each."""
    rng = random.Random(seed)
    the_job = job(lang=lang, title=_TITLE[lang], screening_criteria=_CRITERIA[lang])
    the_policy = policy(lang=lang)
    roles = open_roles(lang)
    return [_synthetic(n, rng, the_job, the_policy, roles, lang) for n in range(count)]


def _synthetic(
    n: int,
    rng: random.Random,
    the_job: Job,
    the_policy: Policy,
    roles: tuple[OpenRole, ...],
    lang: Language,
) -> NoteInput:
    start = datetime.date(2026, 5, 4) + datetime.timedelta(days=rng.randrange(60))
    interviews = tuple(
        interview(10 * n + k, name, kind, start + datetime.timedelta(days=3 * k + rng.randrange(3)))
        for k, (name, kind) in enumerate(_STAGES[lang])
    )
    talent = {c.id: rng.uniform(1.6, 5.0) for c in the_job.rubric}
    cards = []
    for k, meeting in enumerate(interviews):
        rated = rng.sample([c.id for c in the_job.rubric], 4)
        items = []
        for cid in rated:
            score = min(5, max(1, round(talent[cid] + rng.gauss(0, 0.6))))
            rating = None if rng.random() < 0.05 else LEVELS[score - 1]
            comment = ""
            if score >= 4 and rng.random() < 0.5:
                comment = rng.choice((_POSITIVE if lang == "en" else _POSITIVE_FR)[cid])
            items.append(item(cid, rating, comment=comment))
        cards.append(
            scorecard(
                100 * n + k,
                interview_id=meeting.id,
                interviewer=rng.choice(_FIRST),
                overall=rng.choice(("no", "strong_no", "yes")),
                items=tuple(items),
            )
        )
    return NoteInput(
        application_id=50_000 + n,
        job=the_job,
        candidate=candidate(
            id=n, first_name=rng.choice(_FIRST), last_name=rng.choice(_LAST), language=lang
        ),
        stage_reached="Onsite",
        interviews=interviews,
        scorecards=tuple(cards),
        decision=decision(rng.choice(_CATEGORIES), decided_on=start + datetime.timedelta(days=20)),
        policy=the_policy,
        open_roles=roles,
    )
