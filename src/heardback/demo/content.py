"""Invented content for the demo organization: jobs, rubrics, people and scorecard text.

Pure data, no Django and no randomness: the demo generator reads these constants and makes every
random choice itself. Texts documented as candidate-facing follow the feedback quality bar
(specific, kind, about the work). EVIDENCE, KEY_TAKEAWAYS and PRIVATE_NOTES are internal and must
never reach a candidate. Every company, person and quote here is invented.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, NotRequired, TypedDict

from heardback.hiring import library

Rating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
Language = Literal["en", "fr"]
JobStatus = Literal["open", "on_hold", "closed"]
StageKind = Literal["application_review", "screen", "interview", "final", "offer"]
InterviewKind = Literal[
    "screen", "technical", "system_design", "hiring_manager", "onsite", "take_home", "other"
]
RejectionCategory = Literal[
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

RATINGS: tuple[Rating, ...] = ("definitely_not", "no", "mixed", "yes", "strong_yes")


class OrganizationSpec(TypedDict):
    name: str
    sender_name: str
    sender_email: str


class StageSpec(TypedDict):
    name: str
    kind: StageKind


class InterviewSpec(TypedDict):
    name: str
    kind: InterviewKind
    stage: int  # index into the job's `stages`: the stage this interview belongs to


class CompetencySpec(TypedDict):
    name: str
    description: str  # internal, one line
    weight: int  # 1-3
    bar: Rating  # the rating a hire needs
    # Candidate-facing, in the job's language; each fragment follows "you " (en) or "vous " (fr).
    descriptors: dict[Rating, str]
    tips: list[str]  # candidate-facing, in the job's language


class JobSpec(TypedDict):
    title: str
    department: str
    location: str
    language: Language
    status: JobStatus
    # Candidate-facing fragment that follows "this role requires " / "ce poste demande ".
    screening_criteria: str
    stages: list[StageSpec]
    interviews: list[InterviewSpec]
    competencies: list[CompetencySpec]


class NamePool(NamedTuple):
    """Culturally coherent first and last names, and how often such a candidate writes in French."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    language_weight_fr: float


class RejectionReasonSpec(TypedDict):
    name: str  # recruiter-facing
    category: RejectionCategory
    explanation_en: str  # candidate-facing, one sentence; empty: the category's own words
    explanation_fr: str
    # The stage kinds the explanation is true of (stored on the reason); empty: every stage.
    stages: list[StageKind]
    # Demo only: the interview kinds that must have taken place for the reason to be chosen
    # (for a skills gap, with a rating below the bar in one of them).
    requires: NotRequired[list[InterviewKind]]
    sends_note: NotRequired[bool]  # False: duplicates, spam (default True)


def _tuned(
    base: CompetencySpec, *, weight: int | None = None, bar: Rating | None = None
) -> CompetencySpec:
    """The same rubric line with a job-specific weight or bar."""
    return {
        **base,
        "weight": base["weight"] if weight is None else weight,
        "bar": base["bar"] if bar is None else bar,
    }


def _from_library(entry: library.LibraryCompetency) -> CompetencySpec:
    """A rubric line of the competency library, with its suggested weight and bar."""
    return {
        "name": entry["name"],
        "description": entry["description"],
        "weight": entry["weight"],
        "bar": entry["bar"],
        "descriptors": entry["descriptors"],
        "tips": entry["tips"],
    }


ORGANIZATION: OrganizationSpec = {
    "name": "Larkspur Labs",
    "sender_name": "Dana Whitfield",
    "sender_email": "dana.whitfield@demo.example",
}


# --- Rubric lines, English ---------------------------------------------------------------------

_COMMUNICATION = _from_library(library.COMMUNICATION)

_PROBLEM_SOLVING = _from_library(library.PROBLEM_SOLVING)

_COLLABORATION = _from_library(library.COLLABORATION)

_CODE_QUALITY = _from_library(library.CODE_QUALITY)

_DISTRIBUTED_SYSTEMS = _from_library(library.DISTRIBUTED_SYSTEMS)

_GO: CompetencySpec = {
    "name": "Go in production",
    "description": (
        "Writes idiomatic Go and runs it in production: concurrency, context, errors, profiling."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "had not yet used Go enough to write or review the code in the exercise",
        "no": (
            "wrote Go that worked, but goroutines and context cancellation were not yet used safely"
        ),
        "mixed": (
            "wrote idiomatic Go for the main logic, but error handling and cancellation were less "
            "consistent"
        ),
        "yes": (
            "wrote clear, idiomatic Go and used context and error wrapping the way production code "
            "needs"
        ),
        "strong_yes": (
            "wrote idiomatic, well-tested Go and drew on real production experience with "
            "profiling, cancellation and graceful shutdown"
        ),
    },
    "tips": [
        (
            "Work through *Effective Go* and the Go blog's article on context, then add timeouts "
            "and cancellation to a small service of your own."
        ),
        (
            "Run your tests with the race detector (`go test -race`) and fix what it finds; it is "
            "the quickest way to build an intuition for safe concurrency."
        ),
    ],
}

_API_DESIGN = _from_library(library.API_DESIGN)

_PCI_DSS: CompetencySpec = {
    "name": "PCI-DSS awareness",
    "description": (
        "Knows how card data is protected: scope, tokenization, what must never be logged or "
        "stored."
    ),
    "weight": 1,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "were not yet familiar with the rules for handling card data",
        "no": (
            "knew that card data is regulated, but not yet how tokenization keeps it out of most "
            "systems"
        ),
        "mixed": (
            "described tokenization correctly, but were less sure which parts of the system stay "
            "in scope"
        ),
        "yes": "explained how tokenization reduces compliance scope and what must never be logged",
        "strong_yes": (
            "explained how to keep card data out of scope by design, drawing on your experience of "
            "a real PCI-DSS assessment"
        ),
    },
    "tips": [
        (
            "Learn how tokenization reduces compliance scope; the PCI Security Standards Council's "
            "tokenization guidelines are short and practical."
        ),
        (
            "The council's PCI DSS Quick Reference Guide gives a readable overview of the twelve "
            "requirements."
        ),
    ],
}

_TYPESCRIPT: CompetencySpec = {
    "name": "TypeScript and browser fundamentals",
    "description": (
        "Solid TypeScript; understands the DOM, the event loop, rendering and network behaviour."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet get the component working in the exercise, and the type errors were left "
            "unresolved"
        ),
        "no": (
            "got the main feature working, but typed most values loosely and were unsure how the "
            "browser schedules updates"
        ),
        "mixed": (
            "wrote sound TypeScript for the component, but asynchronous state and race conditions "
            "needed prompting"
        ),
        "yes": (
            "used types to make invalid states hard to represent and explained how the browser "
            "handles rendering and events"
        ),
        "strong_yes": (
            "used the type system precisely, handled loading, error and race conditions cleanly "
            "and explained rendering performance in depth"
        ),
    },
    "tips": [
        (
            "The TypeScript Handbook's chapters on narrowing and discriminated unions are worth "
            "working through with a small piece of UI state."
        ),
        (
            "MDN Web Docs' guides on the event loop and on web performance will help you explain "
            "what the browser does between a click and a repaint."
        ),
    ],
}

_ACCESSIBILITY = _from_library(library.ACCESSIBILITY)

_INCIDENT_RESPONSE = _from_library(library.INCIDENT_RESPONSE)

_OBSERVABILITY = _from_library(library.OBSERVABILITY)

_INFRA_AS_CODE: CompetencySpec = {
    "name": "Infrastructure as code",
    "description": "Manages infrastructure as reviewed, tested code: modules, state, safe rollout.",
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "had not yet worked with infrastructure defined as code",
        "no": (
            "wrote working Terraform, but state, environments and safe changes were not yet "
            "considered"
        ),
        "mixed": (
            "structured the code into sensible modules, but the plan for rolling out risky changes "
            "was vague"
        ),
        "yes": (
            "structured reusable modules, handled state and environments safely and explained how "
            "changes get reviewed"
        ),
        "strong_yes": (
            "designed infrastructure code that was modular, tested and safe to roll out, and "
            "explained how to migrate existing resources without downtime"
        ),
    },
    "tips": [
        (
            "Yevgeniy Brikman's *Terraform: Up & Running* covers modules, state and testing with "
            "worked examples."
        ),
        (
            "Kief Morris's *Infrastructure as Code* is a good next step for the patterns behind "
            "safe, repeatable changes."
        ),
    ],
}

_SQL: CompetencySpec = {
    "name": "SQL and data modelling",
    "description": (
        "Writes correct, readable SQL; models data for analysis; knows joins, windows and grain."
    ),
    "weight": 3,
    "bar": "strong_yes",
    "descriptors": {
        "definitely_not": (
            "did not yet get the queries in the exercise to run or to return the right rows"
        ),
        "no": (
            "wrote queries that ran, but the joins duplicated rows and the results were not yet "
            "checked"
        ),
        "mixed": (
            "wrote correct queries for the simpler questions, but window functions and the grain "
            "of the tables needed prompting"
        ),
        "yes": (
            "wrote correct, readable SQL, used window functions where they helped and checked your "
            "results against known totals"
        ),
        "strong_yes": (
            "wrote clean, efficient SQL, spotted a data-quality issue in the sample tables and "
            "proposed a better model for reporting"
        ),
    },
    "tips": [
        (
            "The tutorial on window functions in the PostgreSQL documentation is a compact way to "
            "get comfortable with running totals and rankings."
        ),
        (
            "Ralph Kimball and Margy Ross's *The Data Warehouse Toolkit* explains grain and "
            "dimensional modelling better than most courses."
        ),
    ],
}

_STATISTICS: CompetencySpec = {
    "name": "Statistical reasoning",
    "description": "Reasons soundly about uncertainty: experiments, sampling, bias, significance.",
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet question whether the difference in the data could be due to chance"
        ),
        "no": (
            "read the experiment result at face value, without checking the sample size or how "
            "users were assigned"
        ),
        "mixed": (
            "knew the right tests, but were less sure how to explain what the result meant for the "
            "decision"
        ),
        "yes": (
            "checked the sample size and assignment before reading the result, and explained the "
            "uncertainty in plain terms"
        ),
        "strong_yes": (
            "spotted the flaw in the experiment design, proposed a better one and explained the "
            "uncertainty in terms a product team could act on"
        ),
    },
    "tips": [
        (
            "*Trustworthy Online Controlled Experiments* by Ron Kohavi, Diane Tang and Ya Xu is "
            "the standard guide to running and reading A/B tests."
        ),
        (
            "*OpenIntro Statistics*, free online, is a good refresher on confidence intervals and "
            "hypothesis tests."
        ),
    ],
}

_STORYTELLING = _from_library(library.STORYTELLING)

_INTERACTION_DESIGN = _from_library(library.INTERACTION_DESIGN)

_USER_RESEARCH = _from_library(library.USER_RESEARCH)

_ACCOUNT_PLANNING: CompetencySpec = {
    "name": "Account planning",
    "description": (
        "Builds success plans tied to customer outcomes; spots risk early; plans renewal and "
        "growth."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "did not yet describe how you would plan the work with an account",
        "no": (
            "focused on responding to requests, with little on how you would anticipate risk or "
            "plan the renewal"
        ),
        "mixed": (
            "built a reasonable plan for the account, but the signs of risk you would watch for "
            "were vague"
        ),
        "yes": (
            "built a success plan around the customer's goals, with clear signals of risk and a "
            "path to renewal"
        ),
        "strong_yes": (
            "built a plan tied to measurable customer outcomes, spotted the hidden risk in the "
            "case study and found a credible expansion opportunity"
        ),
    },
    "tips": [
        (
            "*Customer Success* by Nick Mehta, Dan Steinman and Lincoln Murphy is a solid "
            "grounding in success plans and in measuring customer outcomes."
        ),
        (
            "For each account you manage, write down the one outcome the customer bought the "
            "product for and how you would measure it."
        ),
    ],
}

_DIFFICULT_CONVERSATIONS = _from_library(library.DIFFICULT_CONVERSATIONS)

_DISCOVERY = _from_library(library.DISCOVERY)

_DEAL_MANAGEMENT: CompetencySpec = {
    "name": "Deal management",
    "description": (
        "Runs a forecastable deal: qualification, mutual plan, negotiation, clear next steps."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet describe how you would move a deal from the first call to signature"
        ),
        "no": "described deals that moved mostly at the buyer's pace, with few concrete next steps",
        "mixed": (
            "qualified the deal sensibly, but the negotiation ended on discount rather than value"
        ),
        "yes": (
            "qualified the deal clearly, built a shared plan to signature and negotiated on value"
        ),
        "strong_yes": (
            "ran the mock deal with a clear mutual plan, negotiated on value and forecast it from "
            "evidence rather than hope"
        ),
    },
    "tips": [
        (
            "Learn a qualification framework such as MEDDICC and apply it to your last three "
            "deals, won and lost."
        ),
        (
            "*Never Split the Difference* by Chris Voss is a practical book on negotiating without "
            "conceding too early."
        ),
    ],
}

_PRIORITISATION = _from_library(library.PRIORITISATION)

_MENTORING = _from_library(library.MENTORING)

_STAKEHOLDERS = _from_library(library.STAKEHOLDERS)


# --- Rubric lines, French ----------------------------------------------------------------------

_COMMUNICATION_FR = _from_library(library.COMMUNICATION_FR)

_TEAMWORK_FR = _from_library(library.TEAMWORK_FR)

_PROBLEM_SOLVING_FR = _from_library(library.PROBLEM_SOLVING_FR)

_SOURCING_FR: CompetencySpec = {
    "name": "Sourcing et approche directe",
    "description": (
        "Trouve des profils pertinents au-delà des candidatures reçues et les approche de façon "
        "personnalisée."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore présenté de démarche pour trouver des profils au-delà des "
            "candidatures reçues"
        ),
        "no": (
            "avez proposé une recherche très large et un message d'approche générique, peu adapté "
            "aux profils visés"
        ),
        "mixed": (
            "avez construit une recherche pertinente, mais le message d'approche restait assez "
            "standard"
        ),
        "yes": (
            "avez construit une recherche booléenne précise et rédigé un message personnalisé qui "
            "donnait envie de répondre"
        ),
        "strong_yes": (
            "avez diversifié vos canaux de sourcing, rédigé des messages très ciblés et suivi vos "
            "taux de réponse pour les améliorer"
        ),
    },
    "tips": [
        (
            "Entraînez-vous aux opérateurs booléens (AND, OR, NOT, guillemets, parenthèses) sur "
            "LinkedIn et sur un moteur de recherche généraliste, puis comparez les résultats "
            "obtenus."
        ),
        (
            "Dans chaque message d'approche, citez un élément précis du parcours de la personne et "
            "expliquez en une phrase pourquoi le poste pourrait l'intéresser."
        ),
    ],
}

_INTERVIEWING_FR = _from_library(library.INTERVIEWING_FR)

_MANAGER_PARTNERSHIP_FR: CompetencySpec = {
    "name": "Partenariat avec les managers",
    "description": (
        "Cadre le besoin avec le manager, questionne les exigences, tient les engagements du "
        "processus."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore montré comment vous cadrez un besoin de recrutement avec un manager"
        ),
        "no": (
            "avez repris la demande du manager telle quelle, sans questionner les critères ni le "
            "calendrier"
        ),
        "mixed": (
            "avez bien cadré le besoin, mais le suivi avec le manager au fil du processus restait "
            "flou"
        ),
        "yes": (
            "avez cadré le besoin avec le manager, distingué l'indispensable du souhaitable et "
            "fixé des délais réalistes"
        ),
        "strong_yes": (
            "avez remis en question avec tact des critères peu utiles, proposé un processus "
            "réaliste et montré comment vous tenez le manager informé"
        ),
    },
    "tips": [
        (
            "Préparez une trame de réunion de lancement : missions, critères indispensables, "
            "critères souhaitables, étapes et délais, validés par écrit avec le manager."
        ),
        (
            "Partagez chaque semaine un point court avec le manager : candidatures, étapes, délais "
            "et décisions attendues de sa part."
        ),
    ],
}

_PROCESS_FR: CompetencySpec = {
    "name": "Organisation du processus",
    "description": (
        "Tient un processus fluide : délais, relances, retours aux candidats, outils à jour."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore décrit comment vous organisez plusieurs recrutements en parallèle"
        ),
        "no": (
            "avez décrit une organisation qui reposait surtout sur la mémoire, avec peu de suivi "
            "des délais"
        ),
        "mixed": (
            "avez montré une bonne organisation de votre agenda, mais les retours aux candidats "
            "passaient souvent après"
        ),
        "yes": (
            "avez présenté une organisation claire, avec des délais suivis par étape et un retour "
            "systématique aux candidats"
        ),
        "strong_yes": (
            "avez montré un processus très maîtrisé, avec des indicateurs de délai, des relances "
            "planifiées et un retour personnalisé à chaque candidat"
        ),
    },
    "tips": [
        (
            "Suivez un indicateur simple, le délai entre deux étapes, et fixez-vous une limite "
            "au-delà de laquelle vous prévenez la personne candidate."
        ),
        (
            "Bloquez un créneau fixe chaque semaine pour les retours aux candidats, y compris les "
            "réponses négatives."
        ),
    ],
}

_PYTHON_FR: CompetencySpec = {
    "name": "Python en production",
    "description": (
        "Écrit un Python idiomatique et l'exploite en production : typage, asynchrone, logs, "
        "performance."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "n'aviez pas encore assez pratiqué Python pour mener à bien l'exercice",
        "no": (
            "avez écrit un code Python fonctionnel, mais la gestion des erreurs et des ressources "
            "restait fragile"
        ),
        "mixed": (
            "avez écrit un Python idiomatique pour l'essentiel, mais l'asynchrone et la "
            "journalisation étaient moins maîtrisés"
        ),
        "yes": (
            "avez écrit un Python clair et typé, géré correctement les erreurs et expliqué comment "
            "vous suivez un service en production"
        ),
        "strong_yes": (
            "avez écrit un Python idiomatique et bien testé, et partagé une vraie expérience de "
            "production : profilage, asynchrone, arrêt propre du service"
        ),
    },
    "tips": [
        (
            "La documentation officielle de Python, disponible en français sur docs.python.org/fr, "
            "couvre très bien asyncio et le module logging ; appliquez-les à un petit service "
            "personnel."
        ),
        (
            "*Fluent Python* de Luciano Ramalho est la meilleure lecture pour passer d'un Python "
            "qui fonctionne à un Python idiomatique."
        ),
    ],
}

_API_DESIGN_FR = _from_library(library.API_DESIGN_FR)

_TESTING_FR = _from_library(library.TESTING_FR)

_PRIORITISATION_FR = _from_library(library.PRIORITISATION_FR)


# --- Jobs --------------------------------------------------------------------------------------

JOBS: list[JobSpec] = [
    {
        "title": "Senior Backend Engineer (Payments)",
        "department": "Engineering",
        "location": "London (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": "at least three years running payment systems in production",
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Technical interview", "kind": "interview"},
            {"name": "System design", "kind": "interview"},
            {"name": "Hiring manager", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Go pairing session", "kind": "technical", "stage": 2},
            {"name": "System design", "kind": "system_design", "stage": 3},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 4},
        ],
        "competencies": [
            _DISTRIBUTED_SYSTEMS,
            _GO,
            _API_DESIGN,
            _PCI_DSS,
            _PROBLEM_SOLVING,
            _COMMUNICATION,
        ],
    },
    {
        "title": "Backend Engineer (Invoicing)",
        "department": "Engineering",
        "location": "Remote (Europe)",
        "language": "en",
        "status": "open",
        "screening_criteria": (
            "professional experience building and operating backend services, ideally in Go"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Take-home exercise", "kind": "interview"},
            {"name": "Technical interview", "kind": "interview"},
            {"name": "Final interviews", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Take-home review", "kind": "take_home", "stage": 2},
            {"name": "Pairing on the take-home", "kind": "technical", "stage": 3},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 4},
            {"name": "Conversation with the team", "kind": "onsite", "stage": 4},
        ],
        "competencies": [
            _tuned(_GO, weight=3),
            _API_DESIGN,
            _CODE_QUALITY,
            _PROBLEM_SOLVING,
            _tuned(_DISTRIBUTED_SYSTEMS, weight=1, bar="mixed"),
            _COMMUNICATION,
            _COLLABORATION,
        ],
    },
    {
        "title": "Frontend Engineer",
        "department": "Engineering",
        "location": "Lisbon (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": (
            "professional experience shipping web applications in TypeScript with a modern "
            "framework"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Technical interview", "kind": "interview"},
            {"name": "Onsite", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Frontend pairing", "kind": "technical", "stage": 2},
            {"name": "Accessibility and UI review", "kind": "technical", "stage": 3},
            {"name": "Working with design", "kind": "onsite", "stage": 3},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 3},
        ],
        "competencies": [
            _TYPESCRIPT,
            _ACCESSIBILITY,
            _CODE_QUALITY,
            _tuned(_COLLABORATION, weight=2),
            _COMMUNICATION,
            _tuned(_PROBLEM_SOLVING, weight=1),
        ],
    },
    {
        "title": "Site Reliability Engineer",
        "department": "Engineering",
        "location": "Remote (Europe)",
        "language": "en",
        "status": "on_hold",
        "screening_criteria": (
            "experience operating production infrastructure on a major cloud provider, "
            "including time on call"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Technical interview", "kind": "interview"},
            {"name": "Incident simulation", "kind": "interview"},
            {"name": "Hiring manager", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Infrastructure deep dive", "kind": "technical", "stage": 2},
            {"name": "Reliability design", "kind": "system_design", "stage": 2},
            {"name": "Incident simulation", "kind": "other", "stage": 3},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 4},
        ],
        "competencies": [
            _INCIDENT_RESPONSE,
            _OBSERVABILITY,
            _INFRA_AS_CODE,
            _tuned(_DISTRIBUTED_SYSTEMS, weight=2, bar="mixed"),
            _PROBLEM_SOLVING,
            _COMMUNICATION,
        ],
    },
    {
        "title": "Data Analyst",
        "department": "Data",
        "location": "London (hybrid)",
        "language": "en",
        "status": "closed",
        "screening_criteria": (
            "at least two years of analytics work using SQL on real business data"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "SQL exercise", "kind": "interview"},
            {"name": "Case study", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Live SQL exercise", "kind": "technical", "stage": 2},
            {"name": "Case study presentation", "kind": "onsite", "stage": 3},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 3},
        ],
        "competencies": [
            _SQL,
            _STATISTICS,
            _STORYTELLING,
            _tuned(_PROBLEM_SOLVING, weight=1),
            _COMMUNICATION,
            _COLLABORATION,
        ],
    },
    {
        "title": "Product Designer",
        "department": "Design",
        "location": "Lisbon (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": (
            "a portfolio showing end-to-end product design work, from research to shipped interface"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Portfolio review", "kind": "interview"},
            {"name": "Design exercise", "kind": "interview"},
            {"name": "Final interviews", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Portfolio review", "kind": "other", "stage": 2},
            {"name": "Design exercise", "kind": "take_home", "stage": 3},
            {"name": "Cross-functional panel", "kind": "onsite", "stage": 4},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 4},
        ],
        "competencies": [
            _INTERACTION_DESIGN,
            _USER_RESEARCH,
            _tuned(_COLLABORATION, weight=2),
            _COMMUNICATION,
            _tuned(_PROBLEM_SOLVING, weight=1),
        ],
    },
    {
        "title": "Customer Success Manager",
        "department": "Customer Success",
        "location": "Dublin (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": (
            "experience managing a portfolio of business software customers through renewal"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Hiring manager interview", "kind": "interview"},
            {"name": "Account plan and role play", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Hiring manager", "kind": "hiring_manager", "stage": 2},
            {"name": "Account plan presentation", "kind": "onsite", "stage": 3},
            {"name": "Customer role play", "kind": "other", "stage": 3},
        ],
        "competencies": [
            _ACCOUNT_PLANNING,
            _tuned(_DIFFICULT_CONVERSATIONS, bar="strong_yes"),
            _tuned(_COMMUNICATION, weight=2),
            _COLLABORATION,
            _tuned(_PROBLEM_SOLVING, weight=1),
        ],
    },
    {
        "title": "Account Executive (Mid-Market)",
        "department": "Sales",
        "location": "London (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": (
            "a track record of closing business software deals with mid-sized companies"
        ),
        "stages": [
            {"name": "Application review", "kind": "application_review"},
            {"name": "Recruiter screen", "kind": "screen"},
            {"name": "Sales manager interview", "kind": "interview"},
            {"name": "Mock discovery call", "kind": "interview"},
            {"name": "Deal review", "kind": "final"},
            {"name": "Offer", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Recruiter screen", "kind": "screen", "stage": 1},
            {"name": "Sales manager interview", "kind": "hiring_manager", "stage": 2},
            {"name": "Mock discovery call", "kind": "other", "stage": 3},
            {"name": "Deal review with the VP of Sales", "kind": "onsite", "stage": 4},
        ],
        "competencies": [
            _DISCOVERY,
            _DEAL_MANAGEMENT,
            _tuned(_DIFFICULT_CONVERSATIONS, weight=2, bar="mixed"),
            _tuned(_COMMUNICATION, weight=2),
            _COLLABORATION,
        ],
    },
    {
        "title": "Chargé·e de recrutement",
        "department": "Recrutement",
        "location": "Paris (hybride)",
        "language": "fr",
        "status": "open",
        "screening_criteria": (
            "au moins deux ans d'expérience en recrutement, dont une partie en approche directe"
        ),
        "stages": [
            {"name": "Étude de la candidature", "kind": "application_review"},
            {"name": "Premier échange", "kind": "screen"},
            {"name": "Entretien avec la responsable talent", "kind": "interview"},
            {"name": "Mise en situation", "kind": "final"},
            {"name": "Proposition", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Premier échange téléphonique", "kind": "screen", "stage": 1},
            {"name": "Entretien avec la responsable talent", "kind": "hiring_manager", "stage": 2},
            {"name": "Cas pratique de sourcing", "kind": "take_home", "stage": 3},
            {"name": "Entretien simulé", "kind": "other", "stage": 3},
        ],
        "competencies": [
            _SOURCING_FR,
            _INTERVIEWING_FR,
            _MANAGER_PARTNERSHIP_FR,
            _PROCESS_FR,
            _COMMUNICATION_FR,
            _TEAMWORK_FR,
        ],
    },
    {
        "title": "Développeur·se back-end Python",
        "department": "Ingénierie",
        "location": "Paris (hybride)",
        "language": "fr",
        "status": "open",
        "screening_criteria": (
            "une expérience professionnelle du développement back-end en Python, "
            "avec du code en production"
        ),
        "stages": [
            {"name": "Étude de la candidature", "kind": "application_review"},
            {"name": "Premier échange", "kind": "screen"},
            {"name": "Exercice technique", "kind": "interview"},
            {"name": "Entretien technique", "kind": "interview"},
            {"name": "Entretien final", "kind": "final"},
            {"name": "Proposition", "kind": "offer"},
        ],
        "interviews": [
            {"name": "Premier échange", "kind": "screen", "stage": 1},
            {"name": "Revue de l'exercice à la maison", "kind": "take_home", "stage": 2},
            {"name": "Entretien technique en binôme", "kind": "technical", "stage": 3},
            {"name": "Conception d'une API", "kind": "system_design", "stage": 3},
            {"name": "Rencontre avec le manager", "kind": "hiring_manager", "stage": 4},
        ],
        "competencies": [
            _PYTHON_FR,
            _API_DESIGN_FR,
            _TESTING_FR,
            _PROBLEM_SOLVING_FR,
            _tuned(_COMMUNICATION_FR, weight=1),
            _tuned(_TEAMWORK_FR, bar="mixed"),
        ],
    },
]


# --- Competency library (starting points for the rubric editor) ---------------------------------

COMPETENCY_LIBRARY = library.COMPETENCY_LIBRARY


# --- People ------------------------------------------------------------------------------------
# Each pool pairs first and last names that occur together; the weight is the chance that a
# candidate from the pool corresponds in French (the mean over pools is about 0.30, so picking a
# pool uniformly gives roughly 30 % French speakers). Surnames that change with gender (Polish
# -ski/-ska, Czech -ová, Icelandic -son/-dóttir) are left out so that any pair is correct.

NAME_POOLS: list[NamePool] = [
    # Nigeria and Ghana
    NamePool(
        (
            "Chiamaka",
            "Oluwaseun",
            "Adaeze",
            "Emeka",
            "Ngozi",
            "Tobenna",
            "Funmilayo",
            "Kwame",
            "Abena",
            "Kofi",
            "Efua",
            "Yaw",
        ),
        (
            "Okonkwo",
            "Adeyemi",
            "Eze",
            "Babatunde",
            "Nwosu",
            "Oyelaran",
            "Mensah",
            "Owusu",
            "Asante",
            "Boateng",
            "Agyeman",
        ),
        0.03,
    ),
    # Senegal, Côte d'Ivoire, Mali, Guinea
    NamePool(
        (
            "Aminata",
            "Moussa",
            "Fatou",
            "Mamadou",
            "Awa",
            "Ousmane",
            "Mariama",
            "Cheikh",
            "Aïssatou",
            "Ibrahima",
            "Kadiatou",
            "Yannick",
        ),
        (
            "Diop",
            "Ndiaye",
            "Sow",
            "Fall",
            "Diallo",
            "Traoré",
            "Coulibaly",
            "Koné",
            "Kouassi",
            "Bamba",
            "Gueye",
        ),
        0.9,
    ),
    # Cameroon, Gabon, Congo, DR Congo
    NamePool(
        (
            "Christelle",
            "Dieudonné",
            "Merveille",
            "Rodrigue",
            "Bénédicte",
            "Exaucé",
            "Grâce",
            "Hervé",
            "Carine",
        ),
        (
            "Mbarga",
            "Kabongo",
            "Mukendi",
            "Ilunga",
            "Tshibangu",
            "Kalala",
            "Nzuzi",
            "Kasongo",
            "Essomba",
            "Ngoma",
        ),
        0.9,
    ),
    # Kenya, Uganda, Tanzania
    NamePool(
        (
            "Wanjiru",
            "Achieng",
            "Kiprono",
            "Njeri",
            "Baraka",
            "Zawadi",
            "Juma",
            "Wairimu",
            "Amani",
            "Akinyi",
        ),
        (
            "Mwangi",
            "Kamau",
            "Odhiambo",
            "Wekesa",
            "Njoroge",
            "Mutua",
            "Okello",
            "Kariuki",
            "Chebet",
            "Nyambura",
        ),
        0.03,
    ),
    # Ethiopia and Eritrea
    NamePool(
        ("Selam", "Dawit", "Hana", "Yonas", "Meron", "Abebe", "Tsion", "Bereket", "Liya"),
        ("Tesfaye", "Bekele", "Haile", "Girma", "Alemu", "Tadesse", "Wolde", "Mekonnen"),
        0.05,
    ),
    # India
    NamePool(
        (
            "Priya",
            "Arjun",
            "Ananya",
            "Rohan",
            "Kavya",
            "Vikram",
            "Meera",
            "Aditya",
            "Lakshmi",
            "Siddharth",
            "Divya",
            "Nikhil",
        ),
        (
            "Sharma",
            "Iyer",
            "Nair",
            "Reddy",
            "Patel",
            "Menon",
            "Kulkarni",
            "Banerjee",
            "Chatterjee",
            "Rao",
            "Deshpande",
            "Joshi",
        ),
        0.08,
    ),
    # Pakistan and Bangladesh
    NamePool(
        (
            "Ayesha",
            "Imran",
            "Sana",
            "Bilal",
            "Zainab",
            "Hamza",
            "Nusrat",
            "Farhan",
            "Rabia",
            "Tanvir",
            "Mehreen",
        ),
        (
            "Khan",
            "Qureshi",
            "Chaudhry",
            "Malik",
            "Rahman",
            "Hossain",
            "Siddiqui",
            "Akhtar",
            "Ahmed",
            "Chowdhury",
        ),
        0.05,
    ),
    # China, Taiwan, Hong Kong
    NamePool(
        (
            "Wei",
            "Jing",
            "Hao",
            "Mei",
            "Yu",
            "Zhen",
            "Xin",
            "Jun",
            "Yiting",
            "Haoran",
            "Ruoxi",
            "Ka-Man",
        ),
        (
            "Wang",
            "Li",
            "Zhang",
            "Liu",
            "Chen",
            "Yang",
            "Huang",
            "Zhao",
            "Wu",
            "Zhou",
            "Xu",
            "Cheung",
        ),
        0.08,
    ),
    # Japan
    NamePool(
        ("Haruto", "Yui", "Sota", "Aoi", "Ren", "Sakura", "Kenji", "Yuki", "Emi", "Daichi"),
        (
            "Tanaka",
            "Sato",
            "Suzuki",
            "Takahashi",
            "Watanabe",
            "Ito",
            "Yamamoto",
            "Nakamura",
            "Kobayashi",
            "Kato",
        ),
        0.05,
    ),
    # Korea
    NamePool(
        (
            "Ji-woo",
            "Min-jun",
            "Seo-yeon",
            "Hyun-woo",
            "Ha-eun",
            "Jae-won",
            "Soo-ah",
            "Dong-hyun",
            "Eun-ji",
        ),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Han", "Shin"),
        0.05,
    ),
    # Vietnam
    NamePool(
        ("Linh", "Minh", "Thảo", "Huy", "Trang", "Quang", "Ngọc", "Đức", "Phương", "Tuấn", "Hà"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"),
        0.45,
    ),
    # The Philippines
    NamePool(
        (
            "Kristine",
            "Paolo",
            "Mikaela",
            "Jericho",
            "Rhea",
            "Joaquin",
            "Angelica",
            "Carlo",
            "Maricel",
        ),
        (
            "Santos",
            "Reyes",
            "Cruz",
            "Bautista",
            "Dela Cruz",
            "Mendoza",
            "Villanueva",
            "Aquino",
            "Ramos",
        ),
        0.02,
    ),
    # Indonesia and Malaysia
    NamePool(
        ("Putri", "Agus", "Dewi", "Budi", "Ayu", "Rizky", "Sari", "Nurul", "Hafiz", "Intan"),
        (
            "Santoso",
            "Wijaya",
            "Pratama",
            "Hidayat",
            "Kusuma",
            "Saputra",
            "Abdullah",
            "Ismail",
            "Halim",
        ),
        0.02,
    ),
    # Thailand
    NamePool(
        ("Anong", "Somchai", "Ploy", "Nattapong", "Kanya", "Thanawat", "Pim"),
        ("Srisuk", "Chaiyaporn", "Wongsawat", "Suwannarat", "Boonmee", "Rattanakul"),
        0.03,
    ),
    # Lebanon, Syria, Jordan, Egypt, the Gulf
    NamePool(
        (
            "Layla",
            "Omar",
            "Nour",
            "Karim",
            "Rania",
            "Tarek",
            "Yasmin",
            "Ziad",
            "Hala",
            "Sami",
            "Dina",
            "Khalil",
        ),
        (
            "Haddad",
            "Khoury",
            "Nasser",
            "Saleh",
            "Mansour",
            "Farah",
            "Aziz",
            "El-Masri",
            "Hamdan",
            "Abboud",
            "Sabbagh",
        ),
        0.45,
    ),
    # Morocco, Algeria, Tunisia
    NamePool(
        (
            "Yasmine",
            "Mehdi",
            "Inès",
            "Sofiane",
            "Nadia",
            "Amine",
            "Salma",
            "Rachid",
            "Leïla",
            "Anis",
            "Imane",
            "Nassim",
        ),
        (
            "Benali",
            "Bouzid",
            "El Amrani",
            "Belkacem",
            "Cherif",
            "Mansouri",
            "Aït Ouali",
            "Saïdi",
            "Bensaïd",
            "Ouazzani",
            "Zerrouki",
            "Lahlou",
        ),
        0.85,
    ),
    # Iran
    NamePool(
        (
            "Shirin",
            "Dariush",
            "Parisa",
            "Arash",
            "Niloufar",
            "Kian",
            "Roya",
            "Babak",
            "Laleh",
            "Omid",
        ),
        (
            "Hosseini",
            "Rahimi",
            "Karimi",
            "Moradi",
            "Tehrani",
            "Jafari",
            "Sadeghi",
            "Farahani",
            "Ahmadi",
            "Ghorbani",
        ),
        0.2,
    ),
    # Turkey
    NamePool(
        (
            "Elif",
            "Emre",
            "Zeynep",
            "Mehmet",
            "Ayşe",
            "Burak",
            "Selin",
            "Can",
            "Deniz",
            "Oğuz",
            "Gülşen",
            "Çağla",
        ),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç"),
        0.3,
    ),
    # Poland
    NamePool(
        (
            "Łukasz",
            "Agnieszka",
            "Małgorzata",
            "Paweł",
            "Katarzyna",
            "Wojciech",
            "Zofia",
            "Michał",
            "Joanna",
            "Krzysztof",
        ),
        (
            "Nowak",
            "Wójcik",
            "Kowalczyk",
            "Mazur",
            "Krawczyk",
            "Zając",
            "Król",
            "Wróbel",
            "Dudek",
            "Sikora",
            "Baran",
        ),
        0.08,
    ),
    # Ukraine
    NamePool(
        (
            "Olena",
            "Andriy",
            "Iryna",
            "Oleksandr",
            "Kateryna",
            "Dmytro",
            "Yuliia",
            "Taras",
            "Sofiia",
            "Bohdan",
        ),
        (
            "Shevchenko",
            "Kovalenko",
            "Bondarenko",
            "Tkachuk",
            "Kravchuk",
            "Melnyk",
            "Boyko",
            "Savchuk",
            "Lysenko",
            "Marchenko",
        ),
        0.1,
    ),
    # Serbia, Croatia, Bosnia and Herzegovina, Slovenia
    NamePool(
        (
            "Đorđe",
            "Milica",
            "Nikola",
            "Jelena",
            "Luka",
            "Ivana",
            "Marko",
            "Dragana",
            "Stjepan",
            "Amra",
            "Emir",
            "Tijana",
        ),
        (
            "Jovanović",
            "Petrović",
            "Horvat",
            "Kovačević",
            "Babić",
            "Marić",
            "Đukić",
            "Hadžić",
            "Radić",
            "Vuković",
            "Nikolić",
        ),
        0.08,
    ),
    # Romania and Moldova
    NamePool(
        (
            "Ioana",
            "Andrei",
            "Mihai",
            "Andreea",
            "Ștefan",
            "Raluca",
            "Bogdan",
            "Irina",
            "Cristina",
            "Vlad",
        ),
        (
            "Popescu",
            "Ionescu",
            "Dumitrescu",
            "Stoica",
            "Constantinescu",
            "Munteanu",
            "Georgescu",
            "Niculescu",
            "Șerban",
            "Lupu",
        ),
        0.4,
    ),
    # Britain and Ireland
    NamePool(
        (
            "Siobhán",
            "Ciarán",
            "Aoife",
            "Niamh",
            "Oliver",
            "Hannah",
            "James",
            "Eleanor",
            "Callum",
            "Rhiannon",
            "Darragh",
            "Zoë",
            "Megan",
        ),
        (
            "O'Brien",
            "Murphy",
            "Fitzgerald",
            "Walsh",
            "Thompson",
            "Hughes",
            "Clarke",
            "Evans",
            "Bennett",
            "Doyle",
            "Harper",
            "McAllister",
        ),
        0.04,
    ),
    # Germany, Austria, German-speaking Switzerland
    NamePool(
        (
            "Jonas",
            "Lena",
            "Maximilian",
            "Felix",
            "Johanna",
            "Lukas",
            "Greta",
            "Matthias",
            "Jürgen",
            "Tobias",
            "Friederike",
        ),
        (
            "Müller",
            "Schäfer",
            "Becker",
            "Hoffmann",
            "Weiß",
            "Köhler",
            "Schröder",
            "Krüger",
            "Zimmermann",
            "Vogel",
            "Hübner",
            "Brandt",
        ),
        0.12,
    ),
    # The Netherlands and Flanders
    NamePool(
        (
            "Sanne",
            "Daan",
            "Femke",
            "Joris",
            "Lotte",
            "Bram",
            "Anouk",
            "Pieter",
            "Maarten",
            "Fleur",
            "Zoë",
        ),
        (
            "de Vries",
            "van den Berg",
            "Jansen",
            "Bakker",
            "Visser",
            "Smit",
            "Peeters",
            "Janssens",
            "Maes",
            "Claes",
            "Willems",
            "van Dijk",
        ),
        0.3,
    ),
    # Italy
    NamePool(
        (
            "Giulia",
            "Matteo",
            "Chiara",
            "Lorenzo",
            "Francesca",
            "Alessandro",
            "Martina",
            "Niccolò",
            "Federica",
            "Tommaso",
        ),
        (
            "Rossi",
            "Bianchi",
            "Romano",
            "Esposito",
            "Ricci",
            "Conti",
            "De Luca",
            "Ferrari",
            "Gallo",
            "Fontana",
            "Moretti",
            "Caruso",
        ),
        0.3,
    ),
    # Spain
    NamePool(
        (
            "José",
            "María",
            "Lucía",
            "Javier",
            "Álvaro",
            "Carmen",
            "Nerea",
            "Íñigo",
            "Pilar",
            "Sergio",
            "Ainhoa",
            "Begoña",
        ),
        (
            "García",
            "Fernández",
            "López",
            "Martínez",
            "Sánchez",
            "Gómez",
            "Ruiz",
            "Jiménez",
            "Etxeberria",
            "Navarro",
            "Iglesias",
            "Ortega",
        ),
        0.2,
    ),
    # Portugal
    NamePool(
        (
            "João",
            "Inês",
            "Tiago",
            "Beatriz",
            "Gonçalo",
            "Mariana",
            "Rui",
            "Leonor",
            "Duarte",
            "Catarina",
        ),
        (
            "Silva",
            "Santos",
            "Ferreira",
            "Pereira",
            "Oliveira",
            "Costa",
            "Rodrigues",
            "Martins",
            "Gonçalves",
            "Sousa",
            "Magalhães",
        ),
        0.45,
    ),
    # Mexico, Colombia, Peru, Chile, Argentina
    NamePool(
        (
            "Valentina",
            "Santiago",
            "Camila",
            "Mateo",
            "Ximena",
            "Diego",
            "Sofía",
            "Joaquín",
            "Renata",
            "Andrés",
            "Guadalupe",
            "Emiliano",
        ),
        (
            "Hernández",
            "González",
            "Ramírez",
            "Torres",
            "Flores",
            "Vargas",
            "Castillo",
            "Rojas",
            "Morales",
            "Gutiérrez",
            "Quispe",
            "Aguilar",
        ),
        0.08,
    ),
    # Brazil
    NamePool(
        (
            "Gabriel",
            "Larissa",
            "Thiago",
            "Fernanda",
            "Rafael",
            "Juliana",
            "Lucas",
            "Bruna",
            "Caio",
            "Letícia",
        ),
        (
            "Souza",
            "Lima",
            "Almeida",
            "Carvalho",
            "Ribeiro",
            "Araújo",
            "Barbosa",
            "Nascimento",
            "Moreira",
            "Cavalcanti",
        ),
        0.08,
    ),
    # Denmark, Norway, Sweden
    NamePool(
        (
            "Søren",
            "Astrid",
            "Lars",
            "Ingrid",
            "Mikkel",
            "Sigrid",
            "Henrik",
            "Freja",
            "Magnus",
            "Åsa",
            "Bjørn",
            "Karin",
        ),
        (
            "Nielsen",
            "Johansson",
            "Lindqvist",
            "Andersen",
            "Haugen",
            "Berg",
            "Larsen",
            "Eriksson",
            "Lindgren",
            "Dahl",
            "Sørensen",
            "Holm",
        ),
        0.04,
    ),
    # Finland
    NamePool(
        ("Aino", "Mikko", "Eero", "Helmi", "Juho", "Sanna", "Väinö", "Kaisa"),
        (
            "Virtanen",
            "Korhonen",
            "Mäkinen",
            "Nieminen",
            "Hämäläinen",
            "Laine",
            "Heikkinen",
            "Koskinen",
        ),
        0.04,
    ),
    # France
    NamePool(
        (
            "Élodie",
            "Mathieu",
            "Camille",
            "Théo",
            "Manon",
            "Hugo",
            "Clémence",
            "Julien",
            "Anaïs",
            "Benoît",
            "Chloé",
            "Loïc",
            "Maëlle",
            "Gaëtan",
            "Océane",
            "Jérôme",
            "Hélène",
            "Noémie",
            "Raphaël",
            "Solène",
        ),
        (
            "Martin",
            "Bernard",
            "Dubois",
            "Lefèvre",
            "Moreau",
            "Girard",
            "Fontaine",
            "Rousseau",
            "Lemaire",
            "Garnier",
            "Chevalier",
            "Faure",
            "Mercier",
            "Le Gall",
            "Perrin",
            "Deschamps",
        ),
        0.95,
    ),
    # Québec
    NamePool(
        (
            "Émilie",
            "Maxime",
            "Alexis",
            "Geneviève",
            "Félix",
            "Marie-Ève",
            "Jean-Philippe",
            "Frédérique",
            "Olivier",
            "Catherine",
            "Étienne",
        ),
        (
            "Tremblay",
            "Gagnon",
            "Roy",
            "Côté",
            "Bouchard",
            "Gauthier",
            "Pelletier",
            "Bélanger",
            "Lévesque",
            "Bergeron",
            "Ouellet",
            "Cloutier",
        ),
        0.9,
    ),
    # Wallonia and French-speaking Switzerland
    NamePool(
        (
            "Aurélie",
            "Quentin",
            "Delphine",
            "Grégoire",
            "Laetitia",
            "Arnaud",
            "Margaux",
            "Cédric",
            "Joëlle",
            "Sébastien",
        ),
        (
            "Dupont",
            "Lambert",
            "Dumont",
            "Renard",
            "Jacquet",
            "Rochat",
            "Favre",
            "Bonvin",
            "Pittet",
            "Gillet",
            "Lejeune",
        ),
        0.9,
    ),
    # Haiti and the French Caribbean
    NamePool(
        (
            "Fabienne",
            "Frantz",
            "Nadège",
            "Jean-Robert",
            "Ketsia",
            "Rose-Marie",
            "Guerline",
            "Ludovic",
            "Wideline",
        ),
        (
            "Joseph",
            "Pierre-Louis",
            "Jean-Baptiste",
            "Charles",
            "Désir",
            "Toussaint",
            "Célestin",
            "Augustin",
            "Laguerre",
            "Dorval",
        ),
        0.9,
    ),
]

FIRST_NAMES: list[str] = list(dict.fromkeys(n for pool in NAME_POOLS for n in pool.first_names))
LAST_NAMES: list[str] = list(dict.fromkeys(n for pool in NAME_POOLS for n in pool.last_names))


# --- Scorecard evidence (INTERNAL: never shown to a candidate) --------------------------------
# Written the way interviewers write: terse or detailed, shorthand, the odd typo, some hedging.
# Keyed by competency name, then rating. French competencies have French evidence.

EVIDENCE: dict[str, dict[Rating, list[str]]] = {
    "Communication": {
        "definitely_not": [
            (
                "Very hard to follow. Answers wandered for 5+ min and I still couldn't tell what "
                "they'd actually done."
            ),
            "couldn't get a straight answer to any question, even when I rephrased twice",
            (
                "Talked over my questions and didn't pick up on cues to wrap up. We ran out of "
                "time on half the agenda."
            ),
            "didnt really answer the questions asked.",
            "Lots of jargon; when I asked for a concrete example there wasn't one.",
        ],
        "no": [
            "Rambled. Key point came at the very end if at all.",
            (
                "Long, unstructured answers - had to interrupt several times to get back on track. "
                "Might be nerves, got a bit better towards the end."
            ),
            "Asked to explain the project to a non-specialist: it got more complicated, not less.",
            "Hard to follow the project deep dive, kept jumping between 3 different projects.",
            "written follow-up was fine but verbally v. hard to follow",
        ],
        "mixed": [
            "Clear on the stuff they know well, vaguer when pushed outside that.",
            "ok. structured at the start, lost it in the longer answers",
            (
                "Good listener, answered what was asked. But over-explains: 10 min on a question "
                "that needed 2."
            ),
            (
                "Fine 1:1; in the walkthrough of their past project I lost the thread twice. Not "
                "sure if nerves."
            ),
            "Fine overall. Would like more 'here's the conclusion' up front.",
        ],
        "yes": [
            "Clear and concise.",
            (
                "Structured answers, checked in w/ me a couple of times ('does that make sense or "
                "should I go deeper?'). Nice."
            ),
            (
                "Explained their biggest project in a way I could follow with zero context on "
                "their company. Good signal."
            ),
            "solid. good at summarising back what I asked before answering",
            (
                "Gave a crisp 2-min overview of their current role, then let me choose where to "
                "dig in."
            ),
            "Easy conversation, answered the question asked, said 'I don't know' when they didn't.",
        ],
        "strong_yes": [
            (
                "Best communicator I've interviewed in a while. Adjusted the level of detail to "
                "each of us on the panel without being asked."
            ),
            (
                "Explained a fairly complex problem in plain language, then went deep when I "
                "asked. Very easy to follow."
            ),
            (
                "Excellent - conclusion first, reasons after, checked understanding. Would put "
                "them in front of customers tomorrow."
            ),
            "Really strong. Asked sharp clarifying qs before answering anything.",
            (
                "wrote a short summary in the shared doc at the end of the session unprompted. "
                "clear, accurate, useful"
            ),
        ],
    },
    "Problem solving": {
        "definitely_not": [
            "Didn't get off the ground. Even with two fairly big hints couldn't find an approach.",
            "stuck on step 1 for most of the session",
            (
                "Jumped between ideas without finishing any; none would have worked on the example "
                "we gave."
            ),
            "couldn't break the problem down at all. I ended up basically describing the answer.",
        ],
        "no": [
            (
                "Went straight to an answer without asking any questions. Didn't handle the case "
                "in the prompt."
            ),
            (
                "Got to something that sort of worked after a lot of prompting. Wouldnt change "
                "approach even when it clearly wasn't working."
            ),
            "Didn't test assumptions - assumed the data was complete, it wasn't.",
            (
                "Slow to get going; once I gave a concrete example they made progress. Prob not "
                "enough for this level."
            ),
            "ok on the easy part, struggled once the constraints changed",
        ],
        "mixed": [
            "Got there in the end, needed prompting on edge cases.",
            (
                "Decent approach, but didn't consider alternatives when I asked 'what else could "
                "you do?'"
            ),
            "Reasonable. Good instincts, a bit messy in execution.",
            (
                "First part solid. Second part (changed requirement) took a long time - not sure "
                "if time pressure or a real gap."
            ),
            "mixed. good questions upfront, then rushed",
        ],
        "yes": [
            "Good. Broke it into steps, tried a small example first.",
            (
                "Asked clarifying questions, worked an example on paper, then went for it. Caught "
                "their own mistake in the numbers."
            ),
            "solid approach, explained trade-offs between the 2 options they considered",
            "When I changed the requirement halfway they adapted without starting from scratch.",
            "Methodical. Not the fastest, but every step was deliberate and correct.",
        ],
        "strong_yes": [
            "Excellent. Framed the problem better than we had written it.",
            (
                "Spotted the edge case before I mentioned it, proposed 3 approaches with clear "
                "trade-offs and picked the right one for the constraints."
            ),
            "Very strong - reasoned out loud the whole way, easy to follow, no hints needed.",
            (
                "Finished early and used the time to discuss how the answer changes at 100x the "
                "volume. Great instincts."
            ),
            "strong yes. genuinely enjoyed this one, felt like working with a colleague",
        ],
    },
    "Collaboration": {
        "definitely_not": [
            "Couldn't give a single example of working with another team.",
            (
                "Described previous teammates quite negatively and took no share of the "
                "responsibility for the project going wrong."
            ),
            (
                "Every story was 'I did X'. Asked directly about a disagreement: said they don't "
                "really have disagreements."
            ),
            "no examples of collaboration even when prompted",
        ],
        "no": [
            (
                "Examples were mostly solo work. When asked about working with other functions, "
                "answer was vague."
            ),
            "Disagreement example ended with 'I just did it my way'. No reflection.",
            (
                "Said they prefer to work alone and hand things over when done. This role is very "
                "cross-functional."
            ),
            "Limited examples of sharing context with other roles.",
            (
                "weak on this. tbh I don't think they've had to work w/ other teams much in their "
                "current job"
            ),
        ],
        "mixed": [
            "Good examples of helping teammates, less on handling disagreement.",
            "Collaborative within their own team, less clear how they work with other functions.",
            "one good story (onboarding a new colleague), one that was a bit one-sided",
            (
                "OK. Talked a lot about working sessions with others which is good, but the "
                "conflict example felt rehearsed."
            ),
        ],
        "yes": [
            (
                "Good example of negotiating scope with a colleague who wanted more. Clear about "
                "what they changed their mind on."
            ),
            (
                "Described a disagreement about a deadline and how they got to a smaller first "
                "step. Good."
            ),
            (
                "Mentioned unprompted that they write short decision docs so other teams can "
                "follow along."
            ),
            "yes - gives credit to others naturally, clear on own role",
            "Solid. Worked closely with support to fix the top recurring complaints, good story.",
        ],
        "strong_yes": [
            (
                "Great examples of making the team around them better - ran the weekly cross-team "
                "sync, set up a buddy rotation for new joiners."
            ),
            (
                "Told a story about being wrong in a disagreement and what they learned. Rare and "
                "genuine."
            ),
            (
                "Strong. Cross-team project w/ 4 teams, they were the glue. Specific about how "
                "they kept everyone aligned."
            ),
            "very strong, the kind of person other teams ask for",
        ],
    },
    "Code quality and testing": {
        "definitely_not": [
            "No tests. Everything in one 200-line function.",
            "Take-home didn't run. Tests folder empty.",
            "Couldn't explain why they would test anything beyond 'to check it works'.",
            "Copy-pasted logic in 4 places, no tests, broke on the second example input.",
        ],
        "no": [
            "Happy path works, nothing else tested. Naming hard to follow (data2, tmp, res).",
            "few tests, and the ones there test the mocks not the behaviour",
            (
                "Works but everything is in one module, hard to change. Adding the discount rule "
                "took 20 min just to find where it goes."
            ),
            "Tests present but only 2 and both for the trivial case.",
            "Didn't run the tests before submitting - two of them fail.",
        ],
        "mixed": [
            (
                "Readable, decent structure. Tests cover the main flow but miss rounding and empty "
                "input - the two cases that matter most here."
            ),
            "Good naming, decent tests, lots of commented-out code left in.",
            "Mixed: nice structure, tests are there but brittle (assert on exact log strings).",
            "reasonable. would want to see more thought on what NOT to test",
        ],
        "yes": [
            "Clean, well named, sensible tests incl. edge cases. Would approve this PR.",
            "Tests read like a spec - could tell what the code does from test names alone.",
            (
                "Good. Refactored a bit when requirements changed during pairing and tests kept "
                "passing."
            ),
            "solid, small functions, table-driven tests",
            (
                "README explained what they'd do with more time - mostly things I would have "
                "flagged. Good judgement."
            ),
        ],
        "strong_yes": [
            (
                "Excellent submission. Clear structure, thorough tests incl. property-based tests "
                "for the money rounding, short note on trade-offs."
            ),
            (
                "Best take-home this quarter. Tests cover exactly the cases that matter, nothing "
                "wasted."
            ),
            (
                "Wrote the failing test first during pairing without being asked. Explained why "
                "they skipped testing the trivial getters."
            ),
            "Code is a pleasure to read. Small commits with good messages too.",
        ],
    },
    "Distributed systems design": {
        "definitely_not": [
            (
                "Single server, single DB, no discussion of failure at all even when asked "
                "directly 'what if the DB is down'."
            ),
            "Didn't know what idempotency means.",
            "Couldn't get past drawing the boxes. No data flow, no failure modes.",
            (
                "design loses the payment on any crash between charge and write. didn't see it "
                "even when I pointed at it."
            ),
        ],
        "no": [
            (
                "Didn't get to caching or queues at all. Retries would double-charge if the "
                "provider times out."
            ),
            "Hand-waved consistency - 'the DB handles it'.",
            (
                "Got the components right but no idea what happens when the provider times out. "
                "Suggested retry 3x w/o an idempotency key."
            ),
            (
                "Knows the vocabulary (CAP, eventual consistency) but couldn't apply it to our "
                "ledger example."
            ),
            "prob a no. ok for the happy path, fell apart with 1 failure scenario",
        ],
        "mixed": [
            (
                "Happy path design solid. Failure cases only with prompting, but once prompted the "
                "reasoning was good."
            ),
            (
                "Good on queues and async processing, weaker on consistency between the ledger and "
                "the provider."
            ),
            "Knew about idempotency keys but didn't apply them until I asked about retries.",
            "Mixed - decent design, a bit slow, ran out of time before reconciliation.",
            "Reasonable. Would be fine for a less senior role imo, not this one.",
        ],
        "yes": [
            "Good. Idempotency keys on the charge endpoint from the start, outbox for events.",
            (
                "Explained trade-offs: strong consistency for the ledger, eventual for "
                "notifications, w/ concrete examples."
            ),
            (
                "Walked through provider timeout -> unknown state -> reconciliation job. Exactly "
                "what we want."
            ),
            "solid design, sensible boundaries, talked about backpressure unprompted",
            "Did well. Would have liked more on observability but the core design is sound.",
        ],
        "strong_yes": [
            (
                "Outstanding. Designed for failure first: idempotent retries, outbox, "
                "reconciliation with the provider, and a plan for the partial outage we threw at "
                "them."
            ),
            (
                "Best system design I've seen for this role. Pointed out that exactly-once "
                "delivery in our prompt is impossible and redesigned around at-least-once + dedup."
            ),
            (
                "Very strong on consistency - append-only ledger, how to rebuild balances, why. "
                "Has clearly run this in prod."
            ),
            "strong yes. calm, thorough, covered failure modes I hadn't thought of",
        ],
    },
    "Go in production": {
        "definitely_not": [
            "Hasn't written Go beyond a tutorial. Couldn't write a basic HTTP handler.",
            "Struggled with syntax throughout, we spent the session on basics.",
            "Go on the CV but couldn't explain goroutines or channels.",
            "didn't finish the pairing task, mostly fighting the compiler",
        ],
        "no": [
            "Goroutine leak in the worker pool - no way to stop them. No context anywhere.",
            (
                "Ignores errors in several places (`_ =`). Said it's fine for an exercise but "
                "that's a habit."
            ),
            "Writes Go like Java - interfaces for everything, getters/setters.",
            "Global map shared between goroutines w/o a mutex. -race would have caught it.",
            (
                "ok syntax, no real prod experience - never profiled anything, never dealt with "
                "shutdown"
            ),
        ],
        "mixed": [
            "Idiomatic for the main logic, error handling inconsistent (some wrapped, some not).",
            "Knows context but passed context.Background() deep in the call stack.",
            "Decent Go, limited prod exposure (mostly internal tools).",
            "Fine on basics, unsure about channels vs mutex trade-off.",
        ],
        "yes": [
            "Idiomatic. Context passed properly, errors wrapped with %w, small interfaces.",
            (
                "Solid Go. Has run services in prod, talked through a memory leak they found with "
                "pprof."
            ),
            "good - table-driven tests, sensible package layout",
            "Graceful shutdown handled without prompting. Knows the stdlib well.",
            "Clean, boring Go in the best sense.",
        ],
        "strong_yes": [
            (
                "Excellent. Deep prod experience - debugged GC pauses with pprof + trace, "
                "explained it clearly."
            ),
            "Very strong Go. Spotted the race in our starter code within 2 min.",
            (
                "Wrote idiomatic, well-tested code fast and explained each concurrency choice. I'd "
                "learn from them."
            ),
            "strong yes, maintains a fairly popular open-source Go library and it shows",
        ],
    },
    "API design": {
        "definitely_not": [
            (
                "Verbs in every URL (/createInvoice, /getInvoice), 200 for every error with a "
                "message field."
            ),
            "Couldn't turn the requirements into endpoints, we ended up designing it together.",
            "no idea about pagination or error formats",
            "Returned the DB schema as the API. Internal ids, internal status codes, everything.",
        ],
        "no": [
            "Endpoints OK for the happy path. No errors, no pagination, nothing on versioning.",
            "Didn't consider what happens if the client retries the POST.",
            "Inconsistent naming across endpoints (snake and camel mixed), no error model.",
            "Designed for our own UI only, would be hard for any other client to use.",
        ],
        "mixed": [
            "Clean resources, sensible names. Error handling vague ('return an error').",
            (
                "Good REST basics, but versioning plan was 'we'll add /v2'. Didn't think about "
                "additive changes."
            ),
            "Thought about pagination (cursor, good) but no idempotency.",
            "mixed - good instincts, lacks experience designing for external clients",
        ],
        "yes": [
            "Consistent resources, cursor pagination, clear error shape. Idempotency-Key on POSTs.",
            "Explained each choice from the client's side. Good.",
            "Good - problem+json for errors, thought about backward compat.",
            "Solid API, sensible status codes, knew when 409 vs 422.",
        ],
        "strong_yes": [
            (
                "Excellent. An API I'd be happy to publish: consistent, evolvable, safe to retry, "
                "clear deprecation story."
            ),
            (
                "Very strong. Pushed back on our requirement to expose internal statuses and "
                "proposed a simpler state machine for clients."
            ),
            (
                "Has designed public APIs used by hundreds of integrators and it showed - SDKs, "
                "webhooks, versioning."
            ),
            "strong yes. webhook signatures + retries unprompted",
        ],
    },
    "PCI-DSS awareness": {
        "definitely_not": [
            "Never heard of PCI DSS.",
            (
                "Suggested storing the card number in our DB 'encrypted' for retries. Didn't know "
                "the CVV rules."
            ),
            "no awareness of card data handling at all",
            "Proposed logging full request bodies for debugging, incl. card fields.",
        ],
        "no": [
            "Knows PCI exists, doesn't know what tokenization is for.",
            "Thought everything in the payments team is in scope. No idea how to reduce scope.",
            "Vague. 'Security team handles that'.",
            "heard of it, never worked on it",
        ],
        "mixed": [
            "Understands tokenization, less clear which systems are in scope.",
            "Knew not to log PANs, shaky on the rest.",
            "Has worked in a PCI environment but wasn't involved in the assessment itself.",
            "OK on basics, would need support",
        ],
        "yes": [
            "Good. Explained tokenization and scope reduction clearly, knows what never to log.",
            (
                "Went through a PCI DSS assessment at previous company (SAQ D). Knows the "
                "practical side."
            ),
            "solid - hosted fields + tokens, keep everything else out of scope",
            "Knows the basics well, good instincts about data minimisation.",
        ],
        "strong_yes": [
            (
                "Led their company's move to tokenized card storage, cut audit scope roughly in "
                "half. Excellent."
            ),
            (
                "Very strong. Explained network segmentation, key management and why we'd never "
                "see a PAN."
            ),
            "Deep knowledge. Was the engineering contact for their QSA for two years.",
            "excellent, could teach the team",
        ],
    },
    "TypeScript and browser fundamentals": {
        "definitely_not": [
            (
                "Couldn't get the component to render. `any` everywhere to silence TS, still "
                "didn't compile."
            ),
            "Didn't know what the event loop is.",
            "Struggled with basic async/await, wrapped everything in setTimeout.",
            "component never worked",
        ],
        "no": [
            (
                "Feature works but `any` all over the place. No discriminated union for the "
                "loading state."
            ),
            (
                "Race condition in the search box - stale results overwrite new ones when typing "
                "fast. Didn't spot it even when I demoed it."
            ),
            "Unsure why the list re-renders on every keystroke.",
            "ok on the framework, weak on the fundamentals underneath it",
            "useEffect for everything, including derived state.",
        ],
        "mixed": [
            "Good TS for props and state, async state needed prompting (AbortController).",
            (
                "Solid React, less comfortable when I asked what the browser actually does on a "
                "re-render."
            ),
            "Typed the API response properly but didn't narrow errors.",
            "mixed. fast, but a bit careless with types",
        ],
        "yes": [
            "Good. Modelled loading/error/success as a union, handled aborted requests.",
            (
                "Explained the event loop and microtasks clearly when I asked why the spinner "
                "flickered."
            ),
            "Solid TS, solid fundamentals. Debounced the search and cancelled stale requests.",
            (
                "good knowledge of the rendering pipeline, used the devtools perf tab to find the "
                "slow bit"
            ),
        ],
        "strong_yes": [
            (
                "Excellent. Types made invalid states unrepresentable, and they explained why that "
                "mattered for the bug we'd had in prod."
            ),
            (
                "Very strong. Profiled the list, virtualised it, explained layout thrashing with "
                "an example."
            ),
            (
                "Deep browser knowledge - talked through everything between click and paint with "
                "real precision."
            ),
            "strong yes, regular DefinitelyTyped contributor and it shows",
        ],
    },
    "Accessibility": {
        "definitely_not": [
            "Div with onClick for every button. Modal not reachable by keyboard at all.",
            "Said accessibility is 'a QA thing'.",
            "Never used a screen reader or tried keyboard-only, no awareness of WCAG.",
            "couldn't tab into the dialog, didn't notice",
        ],
        "no": [
            "Knows it matters, but the dropdown can't be used with the keyboard.",
            (
                "aria-label on everything, even elements with visible text. Knows the words, not "
                "the practice."
            ),
            "Focus not returned to the trigger after closing the modal. Didn't know it should be.",
            "Colour contrast on their portfolio site fails AA on most body text.",
        ],
        "mixed": [
            "Semantic HTML good. Focus trap in the modal only with prompting.",
            "Good on keyboard nav, never tested with a screen reader.",
            "knows WCAG basics, less on ARIA patterns",
            "OK. Would need a reviewer for complex widgets.",
        ],
        "yes": [
            "Good - semantic HTML, proper focus handling, tested with keyboard as they went.",
            "Explained why a native <select> beats a custom one for most cases. Sensible.",
            "Knows the WCAG 2.2 criteria for forms, labelled errors properly.",
            "solid a11y habits, runs axe in CI at current job",
        ],
        "strong_yes": [
            (
                "Excellent. Built the combobox following the APG pattern, tested with VoiceOver "
                "during the session."
            ),
            "Led an accessibility audit and the fixes at their current company. Very strong.",
            "Explained trade-offs between aria-live politeness levels with real examples. Rare.",
            "strong yes - this is their thing. would raise our bar.",
        ],
    },
    "Incident response": {
        "definitely_not": [
            "Froze in the simulation. After 10 min still hadn't looked at a single dashboard.",
            "Started redeploying random services without a hypothesis.",
            "No incident experience, couldn't describe what they'd do first.",
            "wanted to debug directly on the prod db during the sim, zero comms",
        ],
        "no": [
            (
                "Went hunting for root cause for 20 min while 'customers' were failing. Rollback "
                "only after I hinted."
            ),
            "No stakeholder comms at all during the sim.",
            "Postmortem description was basically 'find who broke it'. Not what we want.",
            "technically ok but no structure. didn't declare an incident or assign roles",
        ],
        "mixed": [
            "Mitigated sensibly (rolled back), comms with support thin.",
            "Good technical triage, weak follow-up - action items vague.",
            "Decent. Fine as a responder, not yet as incident lead.",
            "Got to mitigation, a bit slowly. Comms ok.",
        ],
        "yes": [
            "Good. Declared the incident, rolled back first, then investigated. Regular updates.",
            "Clear roles, clear comms, blameless postmortem with concrete action items.",
            "Has been incident commander several times, good stories about running the bridge.",
            "solid in the sim. asked the right qs early (what changed? who's affected?)",
        ],
        "strong_yes": [
            (
                "Excellent incident commander. Calm, clear, delegated, updates every 10 min, "
                "mitigated in 6."
            ),
            (
                "Best sim run I've seen. Spotted the bad config push from the timeline within "
                "minutes, rollback going before asking for more data."
            ),
            (
                "Very strong on follow-up: postmortem actions fixed the class of problem, not just "
                "this instance."
            ),
            "strong yes. ran the sim like they'd done it 100 times",
        ],
    },
    "Observability": {
        "definitely_not": [
            "Couldn't say how they'd know the service is up beyond 'check the logs'.",
            "No notion of SLOs or alerting.",
            "never set up monitoring, relies on customers reporting issues",
            "Wanted to alert on CPU > 80% for everything.",
        ],
        "no": [
            "Logs only. No metrics, no traces.",
            "Alerts on causes not symptoms, would page all night.",
            "Knows Grafana as a user, never designed dashboards or alerts.",
            "Unclear on the difference between metrics and logs in practice.",
        ],
        "mixed": [
            "Good choice of metrics (RED), but no SLOs - alert thresholds were guesses.",
            "Knows tracing conceptually, never run it in prod.",
            "Decent, a bit tool-focused (Datadog) rather than principles.",
            "ok. knows the golden signals, less on how to alert on them",
        ],
        "yes": [
            "Good. SLOs from user journeys, burn-rate alerts, sensible dashboards.",
            "Explained how they found a latency regression via traces. Clear.",
            "solid - page on symptoms, ticket on causes",
            "Knows OpenTelemetry well, instrumented 2 services at current job.",
        ],
        "strong_yes": [
            (
                "Excellent. SLOs, burn-rate alerts and tracing for our payment flow in 20 min, all "
                "sensible."
            ),
            (
                "Very strong - showed how they'd chase an unknown unknown with high-cardinality "
                "traces."
            ),
            "Built the observability platform at their current company. Deep and practical.",
            "strong yes. would level up the whole team on this",
        ],
    },
    "Infrastructure as code": {
        "definitely_not": [
            "Only ever used the console.",
            "Didn't know what Terraform state is.",
            "no IaC experience",
            "Suggested editing resources by hand in prod and 'updating the code later'.",
        ],
        "no": [
            "Writes Terraform, but everything in one file, one state for all envs.",
            "No plan for reviewing or rolling out changes - applies from laptop.",
            "Unaware of drift or how to import existing resources.",
            "basic terraform, no modules",
        ],
        "mixed": [
            (
                "Sensible modules, but rollout of risky changes vague (no plan review, no staged "
                "apply)."
            ),
            "Good Terraform, limited experience with state migrations.",
            "Knows Terraform and Helm, less on policy/testing.",
            "Decent. Would need guidance on the multi-account setup.",
        ],
        "yes": [
            "Good module design, remote state with locking, plan in CI, apply after review.",
            "Explained how they split state per env and why.",
            "solid, migrated from CloudFormation to Terraform at prev job",
            "Sensible. Policy checks in CI, knows how to import and move state.",
        ],
        "strong_yes": [
            (
                "Excellent. Talked through a zero-downtime VPC migration with moved blocks and "
                "staged applies."
            ),
            "Very strong. Designed the module library their whole company uses, with tests.",
            "strong yes - thinks about blast radius in everything",
            (
                "Deep Terraform knowledge, walked through a state corruption incident and the "
                "recovery."
            ),
        ],
    },
    "SQL and data modelling": {
        "definitely_not": [
            "Couldn't write a join without help.",
            "None of the 4 queries ran.",
            "GROUP BY errors throughout, didn't know what the error meant.",
            "unable to do the basic aggregation question",
        ],
        "no": [
            "Join duplicated rows (orders x payments), revenue doubled, didn't notice.",
            "Got queries 1-2, stuck on 3 (needed a window function).",
            "No sanity checks on results at all.",
            "Knows the syntax, not the grain. Every answer off because of the duplicates.",
        ],
        "mixed": [
            "Good on basic queries, window functions needed prompting.",
            "Correct answers but very convoluted SQL (5 nested subqueries where a CTE would do).",
            "Got there, slowly. Checked results, which is good.",
            "Mixed. Strong on joins, unsure about modelling for reporting.",
        ],
        "yes": [
            "Good. Clean CTEs, window functions for the retention question, checked totals.",
            "Correct and readable. Spotted the NULLs in the refunds column.",
            "solid SQL, explained the grain of each table before starting",
            "Good modelling instincts - suggested a daily snapshot table for balances.",
        ],
        "strong_yes": [
            (
                "Excellent. All 4 queries correct and readable, and found the duplicate invoices "
                "in our sample data."
            ),
            (
                "Very strong. Proposed a cleaner reporting model (fact table at invoice-line "
                "grain) w/ good reasoning."
            ),
            "Fast and precise. Explained the query plan when I asked why q3 was slow.",
            "strong yes, best SQL I've seen in this process",
        ],
    },
    "Statistical reasoning": {
        "definitely_not": [
            "Read a 0.3% lift on 200 users as a win.",
            "Couldn't explain what a p-value is, even roughly.",
            "no notion of sampling or significance",
            "Wanted to keep adding metrics until one of them was significant.",
        ],
        "no": [
            "Didn't check sample size or assignment before concluding.",
            "Peeking problem - wanted to stop the test as soon as it hit p<0.05.",
            "Confused correlation with causation in the churn case.",
            "knows the terms, can't apply them",
        ],
        "mixed": [
            "Knew the right test, struggled to explain the result for a product decision.",
            "Good on significance, missed the novelty effect.",
            "OK. Spotted the sample ratio mismatch only when I pointed at the numbers.",
            "mixed, decent fundamentals",
        ],
        "yes": [
            (
                "Good. Checked SRM first, then power, then the result. Explained uncertainty in "
                "plain terms."
            ),
            "Talked about confidence intervals instead of just p-values. Good sign.",
            "solid - flagged seasonality in the before/after comparison",
            "Sensible about what the data can and can't tell us.",
        ],
        "strong_yes": [
            (
                "Excellent. Found the flaw in our experiment design (users could see both "
                "variants) and proposed a better one."
            ),
            "Very strong. Explained CUPED simply and when it's worth the trouble.",
            (
                "Turned a messy result into a clear 'we don't know yet, here's what would tell "
                "us'. Exactly right."
            ),
            "strong yes",
        ],
    },
    "Data storytelling": {
        "definitely_not": [
            "20 slides of charts, no conclusion.",
            "Couldn't say what they'd recommend when asked directly.",
            "presented raw tables, no narrative",
            "Ran out of time before getting to the findings.",
        ],
        "no": [
            "Lots of charts, finding buried on slide 14.",
            "Pie chart with 12 slices. Dual-axis chart that made the trend look reversed.",
            "Recommendation didn't follow from the data shown.",
            "hard to tell what the point was",
        ],
        "mixed": [
            "Sound conclusion, charts could be much simpler.",
            "Good narrative, too much detail for an exec audience.",
            "Clear recommendation at the end, should have been at the start.",
            "ok - good analysis, presentation needs work",
        ],
        "yes": [
            "Good. Led with the recommendation, 3 clean charts, handled questions well.",
            "Knew the audience - kept it high level, detail ready in the appendix.",
            "solid story, clear so-what",
            "Chart titles stated the finding, not the metric. Nice touch.",
        ],
        "strong_yes": [
            (
                "Excellent. Clear story from question to recommendation, anticipated the CFO's "
                "objection and had the chart for it."
            ),
            (
                "Best case presentation we've had. Simple charts, sharp conclusion, honest about "
                "uncertainty."
            ),
            "Very strong - reframed our question into a better one and answered that.",
            "strong yes, our head of finance asked if they could borrow them lol",
        ],
    },
    "Interaction design": {
        "definitely_not": [
            "Screens only, no flow. Couldn't walk through how a user gets from A to B.",
            "Exercise didn't address the brief (we asked for invoice approval, got a dashboard).",
            "no error states, no empty states, no edge cases",
            "Couldn't explain design decisions beyond 'it looks clean'.",
        ],
        "no": [
            "Beautiful visuals, but the flow dead-ends after rejecting an invoice.",
            "Didn't design error or empty states until asked, then improvised.",
            "Portfolio is mostly marketing pages, little product flow work.",
            "too focused on UI polish, not enough on the actual task",
        ],
        "mixed": [
            "Clear main flow, edge states only when prompted.",
            "Good instincts, solutions a bit conventional - didn't question the brief.",
            "Strong on mobile flows, less on dense B2B screens like ours.",
            "mixed. good bits, some decisions not justified",
        ],
        "yes": [
            (
                "Good. Designed from the user's goal, covered empty/error states, explained "
                "trade-offs."
            ),
            "Simplified approval to a single screen. Nice.",
            "solid flow thinking, well-considered edge cases",
            "Explained why inline editing over a modal, backed by their usability test findings.",
        ],
        "strong_yes": [
            (
                "Excellent. Reframed the approval flow so most invoices never need a human. Backed "
                "by research."
            ),
            "Very strong portfolio: complex B2B flows, clear rationale, measurable outcomes.",
            "Covered every edge case we'd planned to ask about before we asked.",
            "strong yes. best design exercise in this round",
        ],
    },
    "User research": {
        "definitely_not": [
            "Has never spoken to users. Designs from stakeholder requests only.",
            "Couldn't describe a research method beyond 'we ask users what they want'.",
            "no research examples",
            "Research plan was a survey full of leading questions.",
        ],
        "no": [
            (
                "Research = validating finished designs. Leading questions in the sample script "
                "('Wouldn't it be easier if...')."
            ),
            "Didn't connect findings to any decision.",
            "5 interviews, no synthesis, straight to 'users want X'.",
            "weak - relies on the PM for all research",
        ],
        "mixed": [
            "Good interview technique, weak on synthesis.",
            "Runs usability tests well, less experience with generative research.",
            "Decent. Findings mentioned but unclear how they changed the design.",
            "ok, a bit formulaic",
        ],
        "yes": [
            "Good. Research plan with a clear question, mix of methods, non-leading script.",
            (
                "Showed how a diary study changed their onboarding flow. Clear line from finding "
                "to decision."
            ),
            "solid - knows when NOT to do research",
            "Good synthesis: affinity mapping -> 3 clear insights -> 2 design changes.",
        ],
        "strong_yes": [
            (
                "Excellent. Methods matched to each question, rigorous synthesis, changed the "
                "product direction at current company."
            ),
            "Very strong - ran research on a tight budget with real impact (churn down).",
            "strong yes, would raise the bar for the whole design team",
            "Talked about research ops and sharing insights across teams. Senior thinking.",
        ],
    },
    "Account planning": {
        "definitely_not": [
            "No plan for the account in the case, just 'check in regularly'.",
            "Couldn't identify the economic buyer in the case study.",
            "no notion of renewal risk",
            "Plan was a list of features to demo.",
        ],
        "no": [
            "Reactive - described the job as answering tickets and requests.",
            "Missed the obvious risk in the case (champion leaving).",
            "No success metrics anywhere in the plan.",
            "plan was generic, could have been for any customer",
        ],
        "mixed": [
            "Reasonable plan, risk signals vague ('low usage').",
            "Good on relationships, weaker on the commercial side of renewal.",
            "Spotted the champion risk, no plan for it.",
            "ok. would need coaching on expansion",
        ],
        "yes": [
            (
                "Good. Success plan tied to the customer's goal (faster month-end close), clear "
                "health signals, path to renewal."
            ),
            "Multi-threaded the account in the plan - 3 contacts, not 1. Good.",
            "solid, commercial and practical",
            "Clear QBR structure, realistic expansion idea (add the second entity).",
        ],
        "strong_yes": [
            (
                "Excellent. Found the hidden risk in the case data (their CFO is evaluating a "
                "competitor) and built the plan around it."
            ),
            (
                "Very strong - plan had measurable outcomes, owners, dates. Would give them our "
                "biggest accounts."
            ),
            (
                "Took NRR on their current book from 98% to 115%, walked through exactly how. "
                "Credible."
            ),
            "strong yes",
        ],
    },
    "Handling difficult conversations": {
        "definitely_not": [
            "Got defensive in the role play and argued with the 'customer'.",
            "Promised a refund and a feature we can't promise, to end the call.",
            "Didn't acknowledge the problem at all, went straight to features.",
            "role play went badly, customer (me) ended angrier than at the start",
        ],
        "no": [
            "Defended the product before acknowledging the frustration.",
            "Apologised a lot but no next steps.",
            "Talked over the customer twice in the role play.",
            "not there yet. a bit scripted",
        ],
        "mixed": [
            "Good acknowledgement, vague next steps.",
            "Calm, but conceded the discount way too quickly.",
            "OK. Stayed calm, a bit passive.",
            "Handled the first objection well, struggled with the second (threat to churn).",
        ],
        "yes": [
            (
                "Good. Acknowledged, owned our part, clear on what they could/couldn't offer, next "
                "steps with dates."
            ),
            "Calm and clear in the role play. Followed up in writing (in the role play!). Nice.",
            "solid - didn't get defensive, didn't overpromise",
            "Told a real story of saving a churning account. Credible.",
        ],
        "strong_yes": [
            "Excellent. Turned a furious customer into a joint plan in 15 min.",
            (
                "Very strong - named the real issue behind the complaint (their month-end "
                "deadline) and solved for that."
            ),
            "Best role play in this process. Warm but firm on what we can offer.",
            "strong yes",
        ],
    },
    "Discovery": {
        "definitely_not": [
            "Started demoing in minute 2.",
            "No questions about the buyer's situation at all.",
            "Pitch was entirely features.",
            "didn't ask a single open question",
        ],
        "no": [
            "Questions were about features, not the buyer's problem.",
            "Didn't find out who decides or what the budget is.",
            "Closed questions only ('Do you use spreadsheets?').",
            "discovery shallow, moved to pitch fast",
        ],
        "mixed": [
            "Found the pain (late payments), didn't quantify it.",
            "Good rapport, missed the decision process.",
            "Good open questions, didn't follow up on the interesting answers.",
            "ok. good first half, rushed the second",
        ],
        "yes": [
            "Good. Uncovered the problem, its cost (2 FTE chasing invoices) and who signs.",
            "Open questions, good follow-ups, summarised back before pitching.",
            "solid SPIN-style discovery",
            "Found the timeline driver (new CFO starting in Q3). Good.",
        ],
        "strong_yes": [
            (
                "Excellent. Uncovered the real problem (audit findings) that our 'buyer' script "
                "hid behind the stated one."
            ),
            (
                "Very strong - quantified the impact, mapped the decision process, found a "
                "competing priority."
            ),
            "Best discovery call in this process. Listened more than they talked.",
            "strong yes",
        ],
    },
    "Deal management": {
        "definitely_not": [
            "Couldn't describe how they'd move a deal forward after the demo.",
            "No qualification - 'every lead is a good lead'.",
            "no forecasting experience",
            "Has mostly done inbound transactional sales, nothing with a buying committee.",
        ],
        "no": [
            "Deals driven by the buyer's pace, no mutual plan.",
            "Forecast on gut feel ('they seemed keen').",
            "Went straight to discount in the negotiation exercise.",
            "weak on qualification, pipeline full of maybes",
        ],
        "mixed": [
            "Qualified well, negotiated on discount not value.",
            "Good process, limited experience with multi-stakeholder deals.",
            "ok. numbers at current job are decent, unclear how repeatable",
            "Good mutual plan, forecast a bit optimistic.",
        ],
        "yes": [
            "Good. MEDDICC-style qualification, mutual action plan, negotiated on value.",
            "Walked through a lost deal honestly, knew exactly where it went wrong.",
            "solid deal hygiene, forecast accuracy ~90% last 4 quarters (their claim, plausible)",
            "Traded concessions instead of giving them away. Good.",
        ],
        "strong_yes": [
            (
                "Excellent. Ran the mock deal like a pro: mutual plan, value-based negotiation, "
                "evidence-based forecast."
            ),
            (
                "Very strong - 130% of quota 3 years running at a comparable company, and could "
                "explain how."
            ),
            "strong yes. would be a top performer here",
            "Closed their biggest deal by re-scoping to a smaller first phase. Smart.",
        ],
    },
    "Communication écrite et orale": {
        "definitely_not": [
            (
                "Réponses très confuses, je n'ai pas compris ce qui avait été fait concrètement "
                "dans le poste actuel."
            ),
            "N'a pas répondu aux questions posées, même reformulées.",
            "pas clair du tout",
            "Monologue de 10 min sur le parcours, impossible de recentrer.",
        ],
        "no": [
            (
                "Réponses longues et peu structurées, l'essentiel arrive à la fin. Peut-être le "
                "stress ?"
            ),
            (
                "Difficile à suivre sur l'exemple du projet le plus complexe, on saute d'un sujet "
                "à l'autre."
            ),
            "Beaucoup de jargon, peu d'exemples concrets.",
            "bof. j'ai dû recentrer 3-4 fois",
        ],
        "mixed": [
            "Discours clair sur les sujets maîtrisés, plus flou dès qu'on en sort.",
            "Bonne écoute, mais tendance à trop détailler.",
            "Écrit très propre (mail de synthèse), oral plus brouillon.",
            "correct dans l'ensemble, à confirmer au prochain tour",
        ],
        "yes": [
            "Réponses claires et synthétiques.",
            "Réponses structurées, vérifie que je suis. Bien.",
            "Reformule la question avant de répondre, ça aide bcp.",
            "Mail de suivi après l'entretien clair et bien écrit.",
            "RAS, très à l'aise à l'oral comme à l'écrit",
        ],
        "strong_yes": [
            (
                "Excellent. Explique des sujets complexes simplement, adapte le niveau de détail à "
                "chaque personne du panel."
            ),
            (
                "Clarté et structure remarquables, écoute vraiment les questions. On peut mettre "
                "cette personne devant n'importe quel manager sans hésiter."
            ),
            "Synthèse écrite en fin d'entretien exemplaire.",
            "top",
        ],
    },
    "Travail en équipe": {
        "definitely_not": [
            "Aucun exemple de travail avec d'autres équipes.",
            "Parle très négativement des anciens collègues, aucune remise en question.",
            "Question sur un désaccord : « je n'ai jamais de désaccord ». Hmm.",
            "rien de concret même en relançant",
        ],
        "no": [
            "Exemples surtout individuels. Peu de lien avec les autres métiers.",
            "L'exemple de désaccord se termine par « j'ai fait comme je voulais ».",
            "Peu d'expérience du travail transverse, et pas d'envie particulière d'en faire.",
            "faible sur ce point, pas forcément rédhibitoire pour le poste",
        ],
        "mixed": [
            "Bons exemples d'entraide dans l'équipe, moins sur la gestion des désaccords.",
            "Bonne collaboration au sein de l'équipe, moins claire avec les autres services.",
            "Un bon exemple, un autre assez convenu.",
            "ok",
        ],
        "yes": [
            (
                "Bon exemple de désaccord avec un manager sur le calendrier, résolu en découpant "
                "en deux étapes."
            ),
            "Cite naturellement les collègues, clarté sur son propre rôle.",
            "Travaille souvent en binôme, bon retour d'expérience là-dessus.",
            "bien. partage le contexte sans qu'on le demande",
        ],
        "strong_yes": [
            (
                "Excellent. Anime une communauté de pratique interne dans sa boîte actuelle, "
                "exemples concrets de pratiques améliorées."
            ),
            (
                "Raconte une erreur de jugement dans un désaccord et ce qui a changé ensuite. Rare "
                "et sincère."
            ),
            (
                "Excellent niveau sur le transverse, le genre de profil que les autres équipes "
                "réclament."
            ),
            "top, rien à redire",
        ],
    },
    "Résolution de problèmes": {
        "definitely_not": [
            "Pas d'approche, même avec deux indices.",
            "blocage sur la première étape pendant tout l'entretien",
            "Saute d'une idée à l'autre sans en finir aucune.",
            "n'a pas su décomposer le problème, j'ai quasiment donné la solution",
        ],
        "no": [
            (
                "Part directement sur une solution sans poser de questions, et elle ne gère pas le "
                "cas de l'énoncé."
            ),
            (
                "Beaucoup d'aide nécessaire. Ne change pas d'approche même quand ça ne marche "
                "clairement pas."
            ),
            "Hypothèse non vérifiée (données triées), fausse.",
            "ok sur la partie facile, perd pied qd les contraintes changent",
        ],
        "mixed": [
            "Y arrive, mais il faut relancer sur les cas limites.",
            "Bonne approche, n'envisage pas d'alternative quand je demande.",
            "Première partie bien, deuxième plus laborieuse. Stress ou lacune, difficile à dire.",
            "moyen. bonnes questions au départ puis précipitation",
        ],
        "yes": [
            "Bien. Découpe en étapes, teste sur un petit exemple avant de coder.",
            "Pose les bonnes questions, repère son propre off-by-one.",
            "S'adapte vite quand je change l'exigence en cours de route.",
            "méthodique, pas très rapide mais chaque étape est juste",
        ],
        "strong_yes": [
            "Excellent. Reformule le problème mieux que notre énoncé.",
            (
                "Repère le cas de l'entrée vide avant moi, propose 3 approches avec leurs "
                "compromis, choisit la bonne."
            ),
            "Excellent, raisonne à voix haute, facile à suivre, aucun indice nécessaire.",
            "top. vraie sensation de travailler avec un·e collègue",
        ],
    },
    "Sourcing et approche directe": {
        "definitely_not": [
            "Aucune expérience de sourcing, uniquement du tri de candidatures entrantes.",
            "Ne connaît pas les opérateurs booléens.",
            "cas pratique non rendu",
            "Message d'approche copié-collé de l'annonce.",
        ],
        "no": [
            "Recherche beaucoup trop large (« développeur » AND « Paris »), 40 000 résultats.",
            "Message générique, rien de personnalisé, aucune raison d'y répondre.",
            "Un seul canal (LinkedIn), aucune idée au-delà.",
            "faible. ne suit pas ses taux de réponse",
        ],
        "mixed": [
            "Recherche booléenne correcte, message d'approche standard.",
            "Bonne idée d'aller chercher sur GitHub et dans les meetups, exécution un peu légère.",
            "Bien sur les profils commerciaux, moins sur la tech.",
            "ok, à accompagner sur les profils tech",
        ],
        "yes": [
            (
                "Bien. Recherche précise, message personnalisé qui cite un projet du profil. "
                "J'aurais répondu."
            ),
            "Suit ses taux de réponse (autour de 35 % sur les profils tech), sait ce qui marche.",
            "Diversifie : LinkedIn, GitHub, communautés Slack, cooptation.",
            "solide, bons réflexes",
        ],
        "strong_yes": [
            (
                "Excellent. Cas pratique : 3 canaux, 15 profils très pertinents, messages "
                "personnalisés, taux de réponse estimé réaliste."
            ),
            (
                "A monté le vivier data de sa boîte actuelle quasiment de zéro. Exemple très "
                "convaincant."
            ),
            (
                "Très bon niveau en approche directe, messages courts et justes, teste différents "
                "objets de message."
            ),
            "top",
        ],
    },
    "Conduite d'entretien structuré": {
        "definitely_not": [
            "Entretien simulé sans fil conducteur, questions au feeling.",
            (
                "Dans l'entretien simulé, question sur la vie privée sans lien avec le poste. "
                "Rédhibitoire pour ce métier."
            ),
            "Aucune prise de notes pendant la simulation.",
            "ne connaît pas la notion d'entretien structuré",
        ],
        "no": [
            (
                "Questions générales (« parlez-moi de vous »), pas de grille, pas de relance sur "
                "les exemples."
            ),
            "Notes = impressions (« sympa », « motivé »), pas de faits.",
            "Ne relance pas quand la réponse est vague.",
            "bof, beaucoup de questions fermées",
        ],
        "mixed": [
            "Bonnes questions comportementales, notes encore trop subjectives.",
            "Structure ok, relances un peu mécaniques.",
            "Bien sur la technique d'entretien, moins sur la restitution au manager.",
            "correct, à faire progresser",
        ],
        "yes": [
            "Bien. Grille claire, demande des exemples concrets, note des faits.",
            "Bonnes relances STAR, reste neutre.",
            "Synthèse pour le manager claire et factuelle.",
            "solide, connaît bien le cadre légal",
        ],
        "strong_yes": [
            (
                "Excellent. Entretien simulé structuré, équitable, relances très justes, synthèse "
                "directement exploitable."
            ),
            "Remarquable : a formé les managers de sa boîte actuelle à l'entretien structuré.",
            "Très à l'aise sur le cadre légal, et sait l'expliquer simplement aux managers.",
            "top",
        ],
    },
    "Partenariat avec les managers": {
        "definitely_not": [
            "Aucun exemple de cadrage avec un manager.",
            "Voit le manager comme un client à satisfaire sans discussion.",
            "pas de réponse sur la réunion de lancement",
            "Exemple cité : un manager a ajouté 6 critères en cours de process, rien n'a été dit.",
        ],
        "no": [
            "Reprend la demande telle quelle, ne questionne ni les critères ni le calendrier.",
            (
                "Pas de suivi régulier avec le manager, seulement quand il y a des candidats à "
                "présenter."
            ),
            "Difficulté à dire non à un manager.",
            "léger",
        ],
        "mixed": [
            "Bon cadrage initial, suivi plus flou ensuite.",
            "Remet en question les critères, mais de façon un peu abrupte.",
            "Bien avec les managers métiers, moins d'expérience avec les profils tech.",
            "moyen, ça viendra avec l'expérience",
        ],
        "yes": [
            (
                "Bien. Réunion de lancement structurée, distingue indispensable / souhaitable, "
                "délais réalistes."
            ),
            "Point hebdo avec chaque manager, bon exemple de recadrage sur un profil irréaliste.",
            "solide, crédible face à des managers exigeants",
            (
                "Bon exemple : a convaincu un manager de retirer une exigence de diplôme, vivier "
                "doublé."
            ),
        ],
        "strong_yes": [
            (
                "Excellent. A remis en question un poste entier (deux postes confirmés plutôt "
                "qu'un poste de lead) chiffres à l'appui, le manager a suivi."
            ),
            (
                "Remarquable : les managers de sa boîte actuelle viennent chercher son avis sur "
                "l'organisation de leurs équipes."
            ),
            "top",
            "Gestion exemplaire d'un désaccord sur la rémunération entre un manager et la DRH.",
        ],
    },
    "Organisation du processus": {
        "definitely_not": [
            "Aucune méthode, tout est « dans la tête ».",
            "Ne sait pas combien de postes sont ouverts en ce moment dans son portefeuille.",
            "pas de suivi des délais du tout",
            "Reconnaît ne pas répondre aux candidats refusés après entretien.",
        ],
        "no": [
            "Organisation au jour le jour, pas d'indicateurs.",
            "Retours aux candidats irréguliers, « quand j'ai le temps ».",
            "Utilise l'ATS seulement pour stocker les CV.",
            "faible",
        ],
        "mixed": [
            "Agenda bien tenu, les retours aux candidats passent après.",
            "Suit des délais, mais sans seuil d'alerte.",
            "ok sur 5-6 postes, pas sûr au-delà",
            "Bonne volonté, outils basiques (tableur partagé).",
        ],
        "yes": [
            "Bien. Délais suivis par étape, retour systématique à tous les candidats.",
            "Gère 12 postes en parallèle avec un ATS bien tenu, exemples concrets.",
            "solide",
            "Bloque un créneau chaque vendredi pour les retours. Bonne pratique.",
        ],
        "strong_yes": [
            (
                "Excellent. Délai moyen candidature → décision passé de 6 à 3 semaines dans le "
                "poste actuel, explique comment."
            ),
            "Processus très carré, indicateurs clairs, retour personnalisé à chaque candidat.",
            "top, pourrait structurer notre process",
            (
                "Automatisations simples mais efficaces, jamais un candidat sans nouvelles. "
                "Remarquable."
            ),
        ],
    },
    "Python en production": {
        "definitely_not": [
            "Python très basique, exercice pas terminé.",
            "Ne connaît ni les context managers ni les exceptions de base.",
            "exercice non fonctionnel",
            "Python vu en formation seulement, aucune expérience pro.",
        ],
        "no": [
            "Code fonctionnel mais `except Exception: pass` partout.",
            "Fichiers et connexions jamais fermés.",
            (
                "Aucune expérience de prod : pas de logs, pas de monitoring, jamais vu un service "
                "tomber."
            ),
            "moyen, écrit du Python comme du Java",
        ],
        "mixed": [
            (
                "Python idiomatique pour l'essentiel, asyncio mal maîtrisé (appels bloquants dans "
                "une coroutine)."
            ),
            "Bonne base, logs en print().",
            "Bien sur Django, moins à l'aise hors framework.",
            "correct, manque de pratique en prod",
        ],
        "yes": [
            "Bien. Typage propre, gestion d'erreurs claire, logs structurés.",
            (
                "A fait tourner des services Python en prod, bon exemple de fuite mémoire trouvée "
                "avec tracemalloc."
            ),
            "solide, connaît bien la stdlib",
            "Arrêt propre du worker géré sans qu'on demande.",
        ],
        "strong_yes": [
            (
                "Excellent. Profilage avec py-spy en direct pour expliquer la lenteur de notre "
                "code de départ."
            ),
            "Contributions régulières à une lib open source connue, ça se voit.",
            "top, écrit un Python très propre et vite",
            "Connaissance fine de l'asynchrone, explique clairement les pièges d'asyncio.",
        ],
    },
    "Conception d'API": {
        "definitely_not": [
            "Verbes dans toutes les URL, 200 pour toutes les erreurs.",
            "N'a pas réussi à traduire le besoin en routes, on l'a fait ensemble.",
            "aucune notion de pagination ni de format d'erreur",
            "Expose le schéma de la base tel quel.",
        ],
        "no": [
            "Routes ok pour le cas nominal, rien sur les erreurs, la pagination ou les versions.",
            "Ne se pose pas la question du rejeu d'un POST.",
            "Nommage incohérent d'une route à l'autre.",
            "faible sur la conception, bien sur l'implémentation",
        ],
        "mixed": [
            "Ressources claires, gestion d'erreurs floue.",
            "Pagination par curseur (bien), rien sur l'idempotence.",
            "Bases REST ok, versioning naïf.",
            "moyen, manque d'expérience sur des API publiques",
        ],
        "yes": [
            "Bien. Ressources cohérentes, erreurs au format problem+json, pagination par curseur.",
            "Justifie chaque choix du point de vue du client. Bien.",
            "solide, sait quand utiliser 409 ou 422",
            "Pense aux webhooks et à leur signature sans qu'on demande.",
        ],
        "strong_yes": [
            (
                "Excellent. API cohérente, évolutive, sûre à rejouer, avec une stratégie de "
                "dépréciation claire."
            ),
            "Très bien. Propose de simplifier notre machine à états côté client, bonne idée.",
            "top, a conçu l'API publique de sa boîte actuelle",
            "Très bonne réflexion sur la compatibilité ascendante.",
        ],
    },
    "Tests et qualité du code": {
        "definitely_not": [
            "Aucun test, une seule fonction de 200 lignes.",
            "L'exercice ne tourne pas.",
            "Ne voit pas l'intérêt des tests « si le code marche ».",
            "code dupliqué partout, pas de tests",
        ],
        "no": [
            "Cas nominal seulement. Nommage difficile (data2, tmp, res).",
            "Peu de tests, et ils testent les mocks plutôt que le comportement.",
            "Deux tests en échec dans le rendu, visiblement pas lancés avant l'envoi.",
            "faible",
        ],
        "mixed": [
            "Code lisible, tests sur le cas principal, rien sur les arrondis ni les entrées vides.",
            "Bonne structure, tests fragiles (assert sur des messages de log).",
            "correct, du code commenté laissé un peu partout",
            "moyen, à accompagner",
        ],
        "yes": [
            "Bien. Code clair, tests paramétrés, cas limites couverts. J'approuverais la PR.",
            "Les noms des tests se lisent comme une spec.",
            "solide, petites fonctions, fixtures pytest bien utilisées",
            "Refactorise pendant le binôme sans casser les tests.",
        ],
        "strong_yes": [
            (
                "Excellent rendu. Structure claire, tests très complets y compris sur les "
                "arrondis, README avec les compromis."
            ),
            "Meilleur exercice de la session. Rien à jeter.",
            (
                "Écrit le test qui échoue d'abord sans qu'on demande, explique pourquoi ne pas "
                "tester les cas triviaux."
            ),
            "top",
        ],
    },
}


# --- Candidate-safe comments (candidate-facing) -------------------------------------------------
# What an interviewer writes in the "comment for the candidate" box: about what the candidate did,
# specific and kind, no ratings, no comparison with anyone else. French competencies in French.

CANDIDATE_COMMENTS: dict[str, dict[Rating, list[str]]] = {
    "Communication": {
        "definitely_not": [
            (
                "It was sometimes hard for us to find the main point in your answers; starting "
                "with a one-sentence summary would help a lot."
            ),
            (
                "Several answers ran long before reaching the question we had asked. Pausing to "
                "check what the interviewer needs can keep things on track."
            ),
            (
                "We would have liked more concrete examples of what you did yourself on the "
                "projects you described."
            ),
        ],
        "no": [
            (
                "Your answers had good content, but the key point often came at the end; try "
                "leading with it."
            ),
            (
                "When you described your last project, a short overview before the details would "
                "have made it easier to follow."
            ),
            (
                "During longer explanations, try checking which part the interviewer wants to go "
                "deeper on."
            ),
        ],
        "mixed": [
            (
                "You explained the topics you know well very clearly; longer answers sometimes "
                "lost their structure."
            ),
            (
                "Your written summary was clear and well organised; some spoken answers were "
                "harder to follow."
            ),
            "You listened carefully throughout. Some answers would have been stronger if shorter.",
        ],
        "yes": [
            "Your answers were clear and well structured, and you checked that we were following.",
            "You gave a crisp overview of your current role before going into detail.",
            (
                "You were open about what you did not know, which made the conversation easy and "
                "honest."
            ),
            "You explained your main project clearly to someone with no background in it.",
        ],
        "strong_yes": [
            "Asked sharp clarifying questions before designing anything.",
            (
                "You adjusted the level of detail to each person on the panel, which made complex "
                "topics easy to follow."
            ),
            "Your summary at the end of the session was clear, accurate and useful to everyone.",
            (
                "You led with your conclusions and backed them with clear reasons; a pleasure to "
                "follow."
            ),
        ],
    },
    "Problem solving": {
        "definitely_not": [
            (
                "It was hard to get started on the exercise; working through a small example by "
                "hand first can help you find a way in."
            ),
            (
                "You moved between several ideas without taking one to the end; picking one and "
                "testing it would have helped."
            ),
            (
                "We would have liked to see you break the problem into smaller steps before "
                "starting on an answer."
            ),
        ],
        "no": [
            (
                "You started on a solution before the problem was fully clear; a couple of "
                "clarifying questions up front would have saved time."
            ),
            (
                "Your answer assumed the data was complete, and it was not; checking assumptions "
                "early is worth the minute it takes."
            ),
            (
                "When the first approach did not hold up, it took a while to change course; saying "
                "your options out loud can help."
            ),
        ],
        "mixed": [
            (
                "You reached a sound answer; checking the edge cases along the way would make it "
                "stronger."
            ),
            "The first part went well; when the requirement changed, it took longer to adapt.",
            (
                "You asked good questions at the start, then moved quickly; slowing down to test "
                "one example would have caught the mistake."
            ),
        ],
        "yes": [
            (
                "You broke the problem into clear steps and tested your approach on a small "
                "example first."
            ),
            "You caught and fixed your own mistake before we mentioned it.",
            (
                "When we changed the requirement halfway, you adapted your solution without "
                "starting over."
            ),
        ],
        "strong_yes": [
            "You framed the problem more precisely than our own brief did.",
            "You spotted the edge case before we raised it, and compared three approaches clearly.",
            (
                "You reasoned out loud the whole way, which made it feel like working with a "
                "colleague."
            ),
        ],
    },
    "Collaboration": {
        "definitely_not": [
            "We would have liked to hear examples of work you did with people in other roles.",
            (
                "When we asked about a disagreement at work, a concrete example of how it was "
                "resolved would have helped us understand how you work with others."
            ),
            (
                "Most of your examples described individual work; try preparing stories that show "
                "how you involved others."
            ),
        ],
        "no": [
            (
                "Your examples focused on your own contribution; saying who else was involved and "
                "what you needed from them would give a fuller picture."
            ),
            (
                "In the disagreement example, we would have liked to hear what you learned or "
                "would do differently."
            ),
            (
                "This role works closely with several teams, and we did not hear much about how "
                "you have done that before."
            ),
        ],
        "mixed": [
            (
                "You gave good examples of helping teammates; we heard less about working through "
                "disagreement."
            ),
            (
                "Your work within your own team came through clearly; examples with other "
                "functions were thinner."
            ),
            "The onboarding story was a good example of supporting a colleague.",
        ],
        "yes": [
            (
                "Your example of agreeing a smaller first step with a colleague who wanted more "
                "showed how you handle disagreement."
            ),
            "You gave credit to others naturally and were clear about your own part.",
            "Writing short decision documents so other teams can follow is a great habit.",
        ],
        "strong_yes": [
            (
                "Your example of keeping four teams aligned on a shared project was specific and "
                "convincing."
            ),
            (
                "You talked openly about a disagreement where you changed your mind, and what you "
                "learned from it."
            ),
            (
                "The buddy rotation you set up for new joiners is a great example of making a team "
                "more effective."
            ),
        ],
    },
    "Code quality and testing": {
        "definitely_not": [
            (
                "The submission did not include tests; even a few tests for the main cases would "
                "have shown how you think about correctness."
            ),
            (
                "Most of the logic sat in one long function, which made it hard to follow and to "
                "change."
            ),
            (
                "The project did not run with the instructions provided; a quick check from a "
                "fresh clone helps before submitting."
            ),
        ],
        "no": [
            (
                "The main case worked; tests for rounding and empty input would have caught the "
                "two bugs we found."
            ),
            "Clearer names than `data2` or `tmp` would make the code much easier to review.",
            (
                "Two of the tests failed when we ran them; running the full suite before "
                "submitting is worth building into your routine."
            ),
            (
                "The tests mostly checked the mocks rather than the behaviour; testing through the "
                "public functions would make them more useful."
            ),
        ],
        "mixed": [
            (
                "The code was readable and well structured; the tests missed the edge cases that "
                "matter most for money amounts."
            ),
            (
                "Good naming and structure; removing the commented-out code would make it cleaner "
                "still."
            ),
            "Your tests were there, but asserting on exact log messages makes them brittle.",
        ],
        "yes": [
            "Clear, well-named code with tests that read like a specification.",
            "You refactored during the pairing session and kept every test passing.",
            (
                "Your README listed what you would improve with more time, which showed good "
                "judgement."
            ),
        ],
        "strong_yes": [
            (
                "Your tests covered exactly the cases that matter, including rounding, with "
                "nothing wasted."
            ),
            (
                "You wrote the failing test first during pairing and explained what was not worth "
                "testing."
            ),
            (
                "The code was a pleasure to read, and the small, well-described commits made the "
                "review easy."
            ),
        ],
    },
    "Distributed systems design": {
        "definitely_not": [
            (
                "The design did not yet cover what happens when the database or the provider is "
                "unavailable, which is central to this role."
            ),
            (
                "We would have liked to see the data flow between the components, not only the "
                "components themselves."
            ),
            (
                "A crash between charging the card and saving the result would lose the payment; "
                "walking through failure points one by one helps catch this."
            ),
        ],
        "no": [
            (
                "The retry logic you sketched would double-charge a customer if the provider times "
                "out; worth revisiting idempotency keys."
            ),
            "You knew the concepts well; applying them to the ledger example is the next step.",
            (
                "The design covered the happy path well; we did not get to what happens when a "
                "dependency fails."
            ),
        ],
        "mixed": [
            (
                "Your happy-path design was solid; failure cases came up only when we asked, "
                "though your reasoning then was good."
            ),
            (
                "You knew about idempotency keys; applying them from the start, not only when "
                "retries came up, would strengthen the design."
            ),
            (
                "You were strong on queues and asynchronous processing; consistency between the "
                "ledger and the provider is worth more practice."
            ),
        ],
        "yes": [
            (
                "You used idempotency keys on the charge endpoint from the start, which is exactly "
                "right."
            ),
            (
                "Your walk-through of a provider timeout, the unknown state it creates and the "
                "reconciliation job was clear and correct."
            ),
            (
                "You explained where you needed strong consistency and where eventual consistency "
                "was fine, with concrete examples."
            ),
        ],
        "strong_yes": [
            (
                "You designed for failure first: idempotent retries, an outbox and reconciliation "
                "with the provider."
            ),
            (
                "You pointed out that exactly-once delivery was not achievable and redesigned "
                "around at-least-once delivery with deduplication."
            ),
            (
                "Your explanation of an append-only ledger and how to rebuild balances from it was "
                "excellent."
            ),
        ],
    },
    "Go in production": {
        "definitely_not": [
            (
                "We spent much of the session on the basics of the language; more hands-on "
                "practice with Go would help before a role like this."
            ),
            (
                "Writing a small HTTP service from scratch, with tests, is a good way to build "
                "fluency in Go."
            ),
            (
                "We would have liked to see goroutines and channels in the exercise; the Tour of "
                "Go is a good starting point."
            ),
        ],
        "no": [
            (
                "The worker pool had no way to stop its goroutines; passing a context and "
                "honouring cancellation fixes this."
            ),
            (
                "Several errors were discarded with `_`; handling or wrapping each one is a habit "
                "worth building."
            ),
            (
                "A map was shared between goroutines without a lock; running the tests with "
                "`-race` would flag it."
            ),
        ],
        "mixed": [
            (
                "Your Go was idiomatic in the main logic; errors were wrapped in some places but "
                "not others."
            ),
            (
                "You created a new background context deep in the call stack; passing the caller's "
                "context through would allow cancellation."
            ),
            "Solid basics; more experience running Go services in production would round this out.",
        ],
        "yes": [
            "Clear, idiomatic Go: context passed properly, errors wrapped and small interfaces.",
            (
                "Your story about tracking down a memory leak with pprof showed real production "
                "experience."
            ),
            "You handled graceful shutdown without being asked.",
        ],
        "strong_yes": [
            "You spotted the race condition in our starter code within minutes.",
            (
                "Your explanation of the garbage-collection pauses you debugged with pprof and the "
                "execution tracer was excellent."
            ),
            "You wrote idiomatic, well-tested Go quickly and explained every concurrency choice.",
        ],
    },
    "API design": {
        "definitely_not": [
            (
                "The endpoints used verbs in their paths and returned 200 for errors; "
                "resource-oriented paths and proper status codes are the place to start."
            ),
            (
                "Turning the requirements into endpoints was hard in the time we had; practising "
                "on a domain you know well can help."
            ),
            (
                "Exposing the database tables directly would make the API hard to change later; "
                "designing from the client's needs is worth practising."
            ),
        ],
        "no": [
            (
                "The endpoints covered the main case; error responses, pagination and versioning "
                "were not yet part of the design."
            ),
            (
                "We did not discuss what happens when a client retries a POST; an idempotency key "
                "would make it safe."
            ),
            (
                "The naming mixed two styles across endpoints; one convention makes an API much "
                "easier to use."
            ),
        ],
        "mixed": [
            "Clean resources and good names; the error model stayed vague.",
            "Cursor pagination was a good choice; idempotency for retries is the next step.",
            (
                "Good REST basics; think about how the API can change without breaking existing "
                "clients."
            ),
        ],
        "yes": [
            "Consistent resources, cursor pagination and a clear error format.",
            "You explained each design choice from the client's point of view.",
            "You knew when to return 409 and when to return 422, and why.",
        ],
        "strong_yes": [
            (
                "You designed an API we would be happy to publish: consistent, easy to evolve and "
                "safe to retry."
            ),
            (
                "Your suggestion to replace our internal statuses with a simpler state machine for "
                "clients was excellent."
            ),
            "You raised webhook signatures and retries before we asked.",
        ],
    },
    "PCI-DSS awareness": {
        "definitely_not": [
            (
                "Storing card numbers in our database, even encrypted, brings the whole system "
                "into compliance scope; tokenization avoids this."
            ),
            (
                "Logging full request bodies would capture card data; it is worth learning which "
                "fields must never be logged."
            ),
            "We would have liked to hear some familiarity with the rules for handling card data.",
        ],
        "no": [
            (
                "You knew card data is regulated; the next step is understanding how tokenization "
                "keeps most systems out of scope."
            ),
            (
                "It is worth learning how compliance scope is decided, so you can design systems "
                "that stay out of it."
            ),
            (
                "Security teams help, but engineers working on payments need the basics of PCI DSS "
                "themselves."
            ),
        ],
        "mixed": [
            "You described tokenization correctly; which systems stay in scope was less clear.",
            "You knew not to log card numbers; the rest of the requirements are worth a read.",
            (
                "Working in a PCI environment is a good base; taking part in an assessment would "
                "deepen it."
            ),
        ],
        "yes": [
            "You explained tokenization and scope reduction clearly.",
            "Your experience of a PCI DSS assessment came through in practical detail.",
            "You showed good instincts about keeping stored data to the minimum.",
        ],
        "strong_yes": [
            (
                "Your account of moving card storage to tokens and halving the audit scope was "
                "excellent."
            ),
            "You explained network segmentation and key management with real depth.",
            "You could clearly help a whole team on this topic.",
        ],
    },
    "TypeScript and browser fundamentals": {
        "definitely_not": [
            (
                "The component did not render by the end of the session; getting a minimal version "
                "working first, then adding features, can help."
            ),
            (
                "Using `any` to silence type errors hid the real problems; reading the errors one "
                "by one is usually faster."
            ),
            "We would have liked to see more comfort with promises and async/await.",
        ],
        "no": [
            (
                "Typing the loading, error and success states as a union would remove the bugs we "
                "saw in the search box."
            ),
            (
                "When typing quickly, older search results replaced newer ones; cancelling stale "
                "requests with AbortController fixes this."
            ),
            (
                "Deriving values during render, rather than in effects, would make the component "
                "simpler."
            ),
        ],
        "mixed": [
            "Your props and state were well typed; handling aborted requests needed a nudge.",
            (
                "You were at home in the framework; it is worth going one level deeper into what "
                "the browser does on each update."
            ),
            "You typed the API response well; narrowing the error types would complete it.",
        ],
        "yes": [
            "Modelling loading, error and success as a union made the component robust.",
            (
                "Your explanation of the event loop and microtasks when the spinner flickered was "
                "clear."
            ),
            "You used the browser's performance tools to find the slow part quickly.",
        ],
        "strong_yes": [
            (
                "Your types made invalid states impossible, and you explained why that mattered "
                "for a real bug."
            ),
            (
                "You profiled the list, virtualised it and explained layout thrashing with a clear "
                "example."
            ),
            (
                "Your walk-through of what happens between a click and the next paint was precise "
                "and clear."
            ),
        ],
    },
    "Accessibility": {
        "definitely_not": [
            (
                "The dialog could not be reached with the keyboard; real `button` elements and "
                "managed focus are the place to start."
            ),
            (
                "Clickable `div` elements are invisible to assistive technology; built-in HTML "
                "elements give you keyboard and screen reader support for free."
            ),
            (
                "Trying the interface with only a keyboard for five minutes would reveal most of "
                "the issues we found."
            ),
        ],
        "no": [
            (
                "The dropdown could not be used with the keyboard alone; the ARIA Authoring "
                "Practices Guide has a pattern for it."
            ),
            (
                "Focus did not return to the button after the modal closed; that small step "
                "matters a lot to keyboard users."
            ),
            (
                "Adding `aria-label` to elements that already have visible text can make things "
                "worse; the built-in HTML semantics usually do the job."
            ),
        ],
        "mixed": [
            (
                "Your semantic HTML was solid; keeping focus inside the dialog came up only when "
                "we asked."
            ),
            "Good keyboard navigation; testing with a screen reader would be the next step.",
            (
                "You knew the WCAG basics well; the ARIA patterns for complex widgets are worth "
                "practising."
            ),
        ],
        "yes": [
            "Semantic HTML, correct focus handling and keyboard testing as you went.",
            "Your reasoning on when the built-in select element beats a custom one was sound.",
            "Form errors were labelled and announced properly.",
        ],
        "strong_yes": [
            (
                "You built the combobox following the APG pattern and tested it with VoiceOver "
                "during the session."
            ),
            (
                "Your explanation of the aria-live politeness levels, with real examples, was "
                "excellent."
            ),
            "The accessibility audit you led at your company was an impressive example.",
        ],
    },
    "Incident response": {
        "definitely_not": [
            (
                "In the simulation, we would have liked to see a first step, such as checking what "
                "had changed or who was affected."
            ),
            (
                "Restarting services without a hypothesis can make an outage harder to understand; "
                "start from the dashboards and recent changes."
            ),
            (
                "Keeping stakeholders informed is part of handling an incident, even before the "
                "cause is known."
            ),
        ],
        "no": [
            (
                "You looked for the root cause while customers were still affected; rolling back "
                "first would have limited the impact."
            ),
            "Regular updates to support and stakeholders were missing during the simulation.",
            (
                "Your review focused on who made the change; blameless reviews look at how the "
                "system allowed it."
            ),
        ],
        "mixed": [
            "You mitigated sensibly by rolling back; communication with support was thin.",
            "Good technical triage; the follow-up actions were too vague to prevent a repeat.",
            "You reached mitigation, a little slowly; declaring the incident earlier would help.",
        ],
        "yes": [
            (
                "You declared the incident, rolled back first and then investigated, with regular "
                "updates."
            ),
            "Your postmortem had concrete action items, each with an owner.",
            "You asked the right questions early: what changed, and who is affected?",
        ],
        "strong_yes": [
            (
                "You ran the simulation calmly, delegated clearly and had a rollback going within "
                "minutes."
            ),
            "Your follow-up actions fixed the whole class of problem, not just this instance.",
            "Spotting the bad configuration push from the timeline so quickly was excellent.",
        ],
    },
    "Observability": {
        "definitely_not": [
            (
                "We would have liked to hear how you would know the service is failing before a "
                "customer tells you."
            ),
            (
                "Alerting on CPU for every service tends to create noise; start from what users "
                "experience."
            ),
            "Setting up basic metrics on a small project of your own would be a good first step.",
        ],
        "no": [
            "Logs alone make it hard to see trends; a few well-chosen metrics would help.",
            (
                "The alerts you described were based on causes rather than symptoms, which tends "
                "to page people unnecessarily."
            ),
            "Designing a dashboard, not only using one, would strengthen this area.",
        ],
        "mixed": [
            (
                "Good choice of metrics; turning them into service level objectives would make "
                "your alert thresholds less arbitrary."
            ),
            (
                "You understood tracing well in principle; running it on a real service would "
                "deepen it."
            ),
            (
                "Your answers leaned on one tool; the underlying principles travel better between "
                "teams."
            ),
        ],
        "yes": [
            "Service level objectives from user journeys and burn-rate alerts: a sound approach.",
            "Your story of finding a latency regression through traces was clear.",
            "Paging on symptoms and opening tickets for causes is exactly the right split.",
        ],
        "strong_yes": [
            (
                "You designed objectives, alerts and traces for the payment flow in minutes, and "
                "all of it was sensible."
            ),
            "Your approach to finding unknown problems with high-cardinality traces was excellent.",
            "The observability platform you built came through in practical, convincing detail.",
        ],
    },
    "Infrastructure as code": {
        "definitely_not": [
            (
                "Managing a small project with Terraform from scratch would be a good way to start "
                "with infrastructure as code."
            ),
            (
                "Changing resources by hand in production and updating the code later leads to "
                "drift; every change should go through code and review."
            ),
            "Understanding what Terraform state is, and why it matters, is the first step here.",
        ],
        "no": [
            (
                "Splitting state per environment would stop a change in staging from touching "
                "production."
            ),
            "Applying changes from a laptop skips review; running plans in CI is worth setting up.",
            "Importing existing resources into code is a common task worth practising.",
        ],
        "mixed": [
            (
                "Your modules were sensible; rolling out risky changes in stages would make them "
                "safer."
            ),
            "Good Terraform; state migrations are worth more practice.",
            "Policy checks and tests for infrastructure code would round out your experience.",
        ],
        "yes": [
            "Clear modules, remote state with locking and plans reviewed in CI.",
            "You explained why and how you split state per environment.",
            "Your migration from CloudFormation to Terraform was a good, practical example.",
        ],
        "strong_yes": [
            (
                "Your plan for migrating the network without downtime, using moved blocks and "
                "staged applies, was excellent."
            ),
            "The tested module library you built for your company was impressive.",
            "You thought about the blast radius of every change.",
        ],
    },
    "SQL and data modelling": {
        "definitely_not": [
            (
                "Several queries did not run; practising joins and aggregations on a public "
                "dataset would help."
            ),
            "The GROUP BY errors suggest it is worth revisiting how aggregation works.",
            "We would have liked to see the basic aggregation question completed.",
        ],
        "no": [
            (
                "The join between orders and payments duplicated rows and doubled revenue; "
                "checking row counts after each join catches this."
            ),
            "The third question needed a window function; those are worth practising.",
            (
                "Comparing your results with a known total is a quick check that would have caught "
                "the difference."
            ),
        ],
        "mixed": [
            "Your queries were correct for the simpler questions; window functions needed a nudge.",
            (
                "Your answers were correct, but the nested subqueries made them hard to follow; "
                "CTEs would help."
            ),
            (
                "You checked your results, which is a great habit; the modelling question is worth "
                "more practice."
            ),
        ],
        "yes": [
            "Clean CTEs, window functions used well, and totals checked.",
            "You spotted the NULL values in the refunds column before they caused a problem.",
            "You explained the grain of each table before writing any SQL.",
        ],
        "strong_yes": [
            "You found the duplicate invoices hidden in our sample data.",
            "Your proposal for a reporting table at invoice-line grain was clear and well argued.",
            "You explained the query plan for the slow query precisely.",
        ],
    },
    "Statistical reasoning": {
        "definitely_not": [
            (
                "The lift you read as a win came from a very small sample; checking whether a "
                "difference could be chance is the first step."
            ),
            (
                "It is worth revisiting p-values and confidence intervals; *OpenIntro Statistics* "
                "is free and clear."
            ),
            "We would have liked to hear how you would check whether the result was reliable.",
        ],
        "no": [
            (
                "Checking the sample size and how users were assigned should come before reading "
                "the result."
            ),
            (
                "Stopping a test as soon as it looks significant inflates false positives; fixing "
                "the duration in advance avoids it."
            ),
            (
                "In the churn case, the correlation did not show a cause; an experiment or a "
                "comparison group would."
            ),
        ],
        "mixed": [
            (
                "You chose the right test; explaining what the result meant for the decision was "
                "harder."
            ),
            "Good on significance; novelty effects are worth considering in tests like this one.",
            "You caught the sample ratio mismatch once we pointed at the numbers.",
        ],
        "yes": [
            "You checked for sample ratio mismatch and power before reading the result.",
            (
                "You talked in confidence intervals, not only p-values, which made the uncertainty "
                "clear."
            ),
            "You flagged seasonality in the before-and-after comparison.",
        ],
        "strong_yes": [
            "You found the flaw in our experiment design and proposed a better one.",
            (
                "Your explanation of variance reduction, and of when it is worth it, was simple "
                "and clear."
            ),
            (
                "Saying 'we don't know yet, and here is what would tell us' was exactly the right "
                "answer."
            ),
        ],
    },
    "Data storytelling": {
        "definitely_not": [
            (
                "The presentation showed many charts without a conclusion; start from the "
                "one-sentence recommendation."
            ),
            "When we asked what you would recommend, we would have liked a clear answer.",
            (
                "Time ran out before the findings; presenting them first protects the most "
                "important part."
            ),
        ],
        "no": [
            (
                "The main finding appeared late in the deck; leading with it would make the story "
                "much clearer."
            ),
            "The dual-axis chart made the trend look reversed; two simple charts would be clearer.",
            "The recommendation did not quite follow from the data shown.",
        ],
        "mixed": [
            "Your conclusion was sound; simpler charts would make it easier to see.",
            "A good narrative, with more detail than this audience needed.",
            "The recommendation at the end deserved to be at the start.",
        ],
        "yes": [
            "You led with the recommendation and supported it with three clean charts.",
            "Chart titles that stated the finding made the deck easy to follow.",
            "You kept it high level and had the details ready when asked.",
        ],
        "strong_yes": [
            "You anticipated the finance team's objection and had the chart ready for it.",
            (
                "Simple charts, a sharp conclusion and honesty about uncertainty: an excellent "
                "presentation."
            ),
            "You reframed our question into a better one, and answered it.",
        ],
    },
    "Interaction design": {
        "definitely_not": [
            (
                "We would have liked to see how a user moves through the flow from start to "
                "finish, not only the individual screens."
            ),
            (
                "The exercise answered a different brief from the invoice approval flow we asked "
                "for; checking the brief back with us would help."
            ),
            (
                "Explaining the reasons behind design decisions, beyond visual clarity, is an "
                "important part of the role."
            ),
        ],
        "no": [
            (
                "After rejecting an invoice, the flow had no way forward; walking through every "
                "path helps catch dead ends."
            ),
            (
                "The error and empty states were not yet designed, and they matter a lot in a "
                "product like ours."
            ),
            (
                "Your portfolio is strong on marketing pages; adding product flow work would show "
                "more of what this role needs."
            ),
        ],
        "mixed": [
            "A clear main flow; the empty and error states came up only when we asked.",
            "Good instincts; questioning the brief a little more could lead to bolder solutions.",
            (
                "Your mobile work is strong; dense business screens like ours bring different "
                "challenges."
            ),
        ],
        "yes": [
            "You designed from the user's goal and covered the empty and error states.",
            "Bringing approval down to a single screen was a smart simplification.",
            "You backed the choice of inline editing with findings from usability tests.",
        ],
        "strong_yes": [
            (
                "Reframing approval so that most invoices never need a person was an excellent "
                "idea, backed by research."
            ),
            (
                "Your portfolio showed complex business flows with clear reasoning and measured "
                "outcomes."
            ),
            "You covered every edge case we had planned to ask about before we asked.",
        ],
    },
    "User research": {
        "definitely_not": [
            "We would have liked to hear about a time you learned directly from users.",
            (
                "The survey questions suggested their own answers; open, neutral questions give "
                "more reliable results."
            ),
            (
                "Learning a few core methods, such as interviews and usability tests, would be a "
                "strong next step."
            ),
        ],
        "no": [
            (
                "Research came in after the design was finished; involving users earlier can "
                "change decisions while they are still cheap."
            ),
            (
                "Questions like 'wouldn't it be easier if…' point toward an answer; open questions "
                "work better."
            ),
            (
                "Five interviews is a good start; synthesising them before concluding would make "
                "the findings stronger."
            ),
        ],
        "mixed": [
            "Good interviewing technique; the synthesis step is worth more practice.",
            "Solid usability testing; generative research is the next area to grow.",
            (
                "You mentioned your findings; showing how they changed the design would complete "
                "the story."
            ),
        ],
        "yes": [
            "Your research plan had a clear question and a script without leading questions.",
            "The diary study, and how it changed onboarding, was a clear example.",
            "You knew when research was not needed, which is rarer than it sounds.",
        ],
        "strong_yes": [
            "Your choice of method for each question, and your rigorous synthesis, were excellent.",
            "Research on a tight budget that reduced churn is a great example of impact.",
            "Sharing insights across teams showed a mature view of research.",
        ],
    },
    "Account planning": {
        "definitely_not": [
            (
                "The plan for the case study did not yet go beyond regular check-ins; starting "
                "from the customer's goals would help."
            ),
            "Identifying who holds the budget is an important first step in an account plan.",
            "We would have liked to hear how you would watch for risk ahead of the renewal.",
        ],
        "no": [
            (
                "Your examples were mostly about answering requests; planning ahead for risk and "
                "renewal is central to this role."
            ),
            (
                "The case study hinted that the main contact was leaving; spotting signals like "
                "this is worth practising."
            ),
            "Adding measurable success criteria would make your plan much stronger.",
        ],
        "mixed": [
            "A reasonable plan; the risk signals were described only as low usage.",
            "Strong on relationships; the commercial side of renewals is the area to grow.",
            (
                "You spotted the risk of the main contact leaving; a plan to address it would "
                "complete the picture."
            ),
        ],
        "yes": [
            "Your success plan was tied to the customer's goal of a faster month-end close.",
            "Building relationships with three contacts, not one, was a smart way to reduce risk.",
            "Your expansion idea, adding the second entity, was realistic.",
        ],
        "strong_yes": [
            "You found the hidden risk in the case data and built the plan around it.",
            "Your plan had measurable outcomes, owners and dates.",
            (
                "Your account of growing net revenue retention in your current portfolio was "
                "specific and convincing."
            ),
        ],
    },
    "Handling difficult conversations": {
        "definitely_not": [
            (
                "In the role play, acknowledging the customer's frustration before explaining "
                "would have changed the tone."
            ),
            (
                "Offering a refund and a feature we could not commit to ended the call, but would "
                "create problems later."
            ),
            (
                "We would have liked to see you stay with the customer's problem before moving to "
                "the product."
            ),
        ],
        "no": [
            (
                "You defended the product before acknowledging the concern; leading with "
                "acknowledgement works better."
            ),
            "Your apologies were sincere, but the call ended without agreed next steps.",
            "Letting the customer finish before answering helps a lot in tense moments.",
        ],
        "mixed": [
            "You acknowledged the concern well; the next steps you offered were vague.",
            "You stayed calm; offering the discount so early left little room later.",
            "The first objection went well; the threat to cancel was harder.",
        ],
        "yes": [
            (
                "You acknowledged the problem, were clear about what you could offer and agreed "
                "next steps with dates."
            ),
            "Following up in writing, even in the role play, was a great touch.",
            "You stayed clear and did not overpromise.",
        ],
        "strong_yes": [
            "You turned a frustrated customer into a joint plan within fifteen minutes.",
            (
                "You found the real issue behind the complaint, their month-end deadline, and "
                "solved for it."
            ),
            "You were firm on what we could offer and considerate in how you said it.",
        ],
    },
    "Discovery": {
        "definitely_not": [
            (
                "The demo started within the first minutes; learning about the buyer's situation "
                "first would make it far more relevant."
            ),
            "We would have liked to hear open questions about the buyer's problem.",
            (
                "Your pitch covered the features well; tying them to the buyer's needs is the next "
                "step."
            ),
        ],
        "no": [
            (
                "Your questions focused on features; asking about the problem and its impact comes "
                "first."
            ),
            "We did not learn who decides or what the budget is; both are worth asking early.",
            "Most questions could be answered with yes or no; open questions uncover more.",
        ],
        "mixed": [
            "You found the main problem; putting a cost on it would strengthen the case.",
            "Good rapport; the decision process was not uncovered.",
            (
                "Good open questions; following up on the most interesting answers would take you "
                "further."
            ),
        ],
        "yes": [
            "You uncovered the problem, its cost to the business and who signs.",
            "You summarised what you heard before presenting anything.",
            "Finding the timeline driver, a new finance lead starting soon, was a good catch.",
        ],
        "strong_yes": [
            "You uncovered the real problem behind the stated one.",
            (
                "You quantified the impact, mapped the decision process and found a competing "
                "priority."
            ),
            (
                "You listened far more than you talked, and it showed in the quality of your "
                "questions."
            ),
        ],
    },
    "Deal management": {
        "definitely_not": [
            "We would have liked to hear how you move a deal forward after the first demo.",
            (
                "Qualifying early saves a lot of time; a framework such as MEDDICC is a good place "
                "to start."
            ),
            (
                "Deals with several decision-makers need a different approach from single-buyer "
                "sales, and that is the experience this role needs."
            ),
        ],
        "no": [
            "Without a mutual plan, the deals you described moved at the buyer's pace.",
            (
                "Basing a forecast on how keen a buyer seems is risky; evidence such as an agreed "
                "plan is more reliable."
            ),
            (
                "In the negotiation exercise, the discount came first; exploring value before "
                "price keeps more room."
            ),
        ],
        "mixed": [
            "Good qualification; the negotiation ended on price rather than value.",
            "Your process was clear; experience with larger buying groups would round it out.",
            "A good mutual plan; the forecast was a little optimistic.",
        ],
        "yes": [
            "Clear qualification, a mutual plan and a negotiation on value.",
            "Your honest analysis of a lost deal showed you know where deals go wrong.",
            "You traded concessions rather than giving them away.",
        ],
        "strong_yes": [
            "You ran the mock deal with a clear mutual plan and a forecast based on evidence.",
            "Re-scoping your biggest deal to a smaller first phase was a smart move.",
            "You explained your consistent results with a clear, repeatable method.",
        ],
    },
    "Communication écrite et orale": {
        "definitely_not": [
            (
                "Il a parfois été difficile de repérer l'idée principale de vos réponses ; "
                "commencer par une phrase de synthèse aiderait beaucoup."
            ),
            (
                "Plusieurs réponses se sont éloignées de la question posée ; vérifier ce que la "
                "personne en face attend permet de rester sur le sujet."
            ),
            (
                "Nous aurions aimé entendre davantage d'exemples concrets de ce que vous avez fait "
                "vous-même."
            ),
        ],
        "no": [
            (
                "Vos réponses avaient du fond, mais l'essentiel arrivait souvent à la fin : "
                "essayez de commencer par là."
            ),
            (
                "Sur votre dernier projet, un court résumé avant les détails aurait rendu "
                "l'explication plus facile à suivre."
            ),
            "Pendant les explications longues, n'hésitez pas à demander quelle partie approfondir.",
        ],
        "mixed": [
            (
                "Vous avez expliqué très clairement les sujets que vous maîtrisez ; les réponses "
                "longues perdaient parfois leur structure."
            ),
            (
                "Votre mail de synthèse était clair et bien organisé ; à l'oral, certaines "
                "réponses étaient plus difficiles à suivre."
            ),
            (
                "Une bonne écoute tout au long de l'entretien ; certaines réponses gagneraient à "
                "être plus courtes."
            ),
        ],
        "yes": [
            "Des réponses claires et structurées, en vérifiant que nous suivions.",
            "Vous reformulez la question avant d'y répondre, ce qui rend l'échange très fluide.",
            "Votre mail de suivi était clair et bien écrit.",
        ],
        "strong_yes": [
            (
                "Vous avez rendu simples des sujets complexes et adapté le niveau de détail à "
                "chaque interlocuteur."
            ),
            "Votre synthèse écrite en fin d'entretien était exemplaire.",
            "Vous allez droit à la conclusion, puis vous l'étayez : un vrai plaisir à suivre.",
        ],
    },
    "Travail en équipe": {
        "definitely_not": [
            "Nous aurions aimé entendre des exemples de travail avec d'autres métiers.",
            (
                "Sur la question du désaccord, un exemple concret de résolution nous aurait aidés "
                "à comprendre comment vous travaillez avec les autres."
            ),
            (
                "Préparer deux ou trois exemples de projets menés à plusieurs vous aidera dans ce "
                "type d'entretien."
            ),
        ],
        "no": [
            (
                "Vos exemples portaient surtout sur votre contribution ; préciser qui d'autre "
                "était impliqué donnerait une image plus complète."
            ),
            "Dans l'exemple de désaccord, nous aurions aimé savoir ce que vous en avez retenu.",
            (
                "Ce poste travaille avec plusieurs équipes, et nous avons peu entendu parler de "
                "cette dimension dans votre parcours."
            ),
        ],
        "mixed": [
            (
                "De bons exemples d'entraide dans l'équipe ; moins sur la façon de dépasser un "
                "désaccord."
            ),
            (
                "Votre travail au sein de votre équipe est clair ; les exemples avec d'autres "
                "services étaient plus rares."
            ),
            (
                "Un exemple solide et un autre plus général : préparer des situations précises "
                "aide beaucoup."
            ),
        ],
        "yes": [
            (
                "Votre exemple de désaccord sur le calendrier, résolu en découpant le travail en "
                "deux étapes, était très parlant."
            ),
            "Vous citez naturellement vos collègues et décrivez précisément votre propre rôle.",
            "Partager le contexte sans qu'on vous le demande est une excellente habitude.",
        ],
        "strong_yes": [
            (
                "La communauté de pratique que vous animez, et ses effets concrets, était un très "
                "bon exemple."
            ),
            (
                "Vous avez parlé avec franchise d'un désaccord où vous avez changé d'avis, et de "
                "ce que vous en avez appris."
            ),
            "Vos exemples montrent comment vous rendez les équipes autour de vous plus efficaces.",
        ],
    },
    "Résolution de problèmes": {
        "definitely_not": [
            (
                "Le démarrage de l'exercice a été difficile ; traiter d'abord un petit exemple à "
                "la main aide à trouver une piste."
            ),
            (
                "Vous avez alterné entre plusieurs idées sans en mener une jusqu'au bout ; en "
                "choisir une et la tester aurait aidé."
            ),
            (
                "Nous aurions aimé vous voir découper le problème en étapes avant de chercher une "
                "solution."
            ),
        ],
        "no": [
            (
                "Vous avez commencé à coder avant que le problème soit clair ; une ou deux "
                "questions au départ auraient fait gagner du temps."
            ),
            (
                "Votre solution supposait des données triées, ce qui n'était pas le cas : vérifier "
                "ses hypothèses tôt vaut la minute que cela prend."
            ),
            (
                "Quand la première approche ne tenait pas, le changement de piste a pris du temps "
                "; énoncer ses options à voix haute peut aider."
            ),
        ],
        "mixed": [
            (
                "Vous avez abouti à une réponse solide ; vérifier les cas limites en chemin la "
                "rendrait plus robuste."
            ),
            (
                "La première partie s'est bien passée ; quand l'exigence a changé, l'adaptation a "
                "été plus longue."
            ),
            (
                "De bonnes questions au départ, puis une accélération : tester un exemple aurait "
                "permis de repérer l'erreur."
            ),
        ],
        "yes": [
            (
                "Vous avez découpé le problème en étapes claires et testé votre approche sur un "
                "petit exemple."
            ),
            "Vous avez repéré et corrigé votre propre erreur avant que nous la mentionnions.",
            (
                "Quand nous avons changé l'exigence en cours de route, vous avez adapté votre "
                "solution sans repartir de zéro."
            ),
        ],
        "strong_yes": [
            "Vous avez reformulé le problème plus précisément que notre propre énoncé.",
            (
                "Vous avez repéré le cas de l'entrée vide avant nous et comparé trois approches "
                "avec clarté."
            ),
            "Vous avez raisonné à voix haute tout du long : un vrai travail entre collègues.",
        ],
    },
    "Sourcing et approche directe": {
        "definitely_not": [
            "Nous aurions aimé voir une démarche de recherche au-delà des candidatures reçues.",
            (
                "Le cas pratique ne nous est pas parvenu ; même une version partielle nous aurait "
                "permis d'échanger sur votre approche."
            ),
            (
                "Reprendre le texte de l'annonce dans un message d'approche donne peu de raisons "
                "de répondre ; partir du parcours de la personne fonctionne mieux."
            ),
        ],
        "no": [
            (
                "Votre recherche ramenait des dizaines de milliers de profils ; quelques critères "
                "précis et des guillemets la rendraient exploitable."
            ),
            (
                "Le message d'approche était générique ; citer un élément du parcours de la "
                "personne change beaucoup le taux de réponse."
            ),
            (
                "Vous avez surtout évoqué LinkedIn ; d'autres canaux (GitHub, communautés, "
                "événements) élargiraient votre vivier."
            ),
        ],
        "mixed": [
            (
                "Votre recherche booléenne était pertinente ; le message d'approche gagnerait à "
                "être plus personnalisé."
            ),
            (
                "Aller chercher des profils sur GitHub et dans les meetups était une bonne idée ; "
                "il reste à la pousser jusqu'au bout."
            ),
            (
                "Vous êtes très à l'aise sur les profils commerciaux ; les profils techniques "
                "demandent quelques repères supplémentaires."
            ),
        ],
        "yes": [
            (
                "Votre recherche était précise, et votre message, qui citait un projet du profil, "
                "donnait envie de répondre."
            ),
            "Vous suivez vos taux de réponse et savez ce qui fonctionne : une excellente habitude.",
            "Vous diversifiez vos canaux avec méthode.",
        ],
        "strong_yes": [
            (
                "Votre cas pratique, avec trois canaux et quinze profils très pertinents, était "
                "remarquable."
            ),
            (
                "La constitution de votre vivier data quasiment de zéro était un exemple très "
                "convaincant."
            ),
            (
                "Vos messages d'approche sont courts, justes, et vous les améliorez en testant "
                "plusieurs versions."
            ),
        ],
    },
    "Conduite d'entretien structuré": {
        "definitely_not": [
            (
                "L'entretien simulé manquait d'un fil conducteur ; partir des compétences du poste "
                "et préparer une grille aide beaucoup."
            ),
            (
                "Prendre des notes pendant l'entretien est indispensable pour une restitution "
                "juste au manager."
            ),
            (
                "Certaines questions portaient sur la vie privée plutôt que sur le poste ; s'en "
                "tenir aux compétences protège tout le monde."
            ),
        ],
        "no": [
            (
                "Vos questions étaient surtout générales ; demander un exemple concret et relancer "
                "dessus donne une image bien plus fiable."
            ),
            (
                "Vos notes reflétaient des impressions plutôt que des faits ; noter ce que la "
                "personne a fait rend la décision plus juste."
            ),
            "Quand une réponse restait vague, une relance aurait permis d'en savoir plus.",
        ],
        "mixed": [
            "De bonnes questions comportementales ; vos notes gagneraient à être plus factuelles.",
            (
                "La structure était là ; des relances plus adaptées à chaque réponse rendraient "
                "l'échange plus naturel."
            ),
            "Vous menez bien l'entretien ; la restitution au manager mérite autant de soin.",
        ],
        "yes": [
            (
                "Une grille claire, des exemples concrets demandés et des faits notés : un "
                "entretien bien mené."
            ),
            "Vos relances selon la méthode STAR étaient justes et neutres.",
            "Votre synthèse pour le manager était claire et factuelle.",
        ],
        "strong_yes": [
            "Votre entretien simulé était structuré et équitable, avec des relances très justes.",
            (
                "La formation à l'entretien structuré que vous avez donnée aux managers était un "
                "très bel exemple."
            ),
            "Vous expliquez le cadre légal simplement et avec précision.",
        ],
    },
    "Partenariat avec les managers": {
        "definitely_not": [
            (
                "Nous aurions aimé entendre comment vous cadrez un besoin avec un manager en début "
                "de recrutement."
            ),
            (
                "Un besoin qui change en cours de route mérite d'être discuté avec le manager ; "
                "c'est une part importante du rôle."
            ),
            "Préparer une trame de réunion de lancement vous aiderait à structurer ces échanges.",
        ],
        "no": [
            (
                "Vous avez repris la demande du manager telle quelle ; questionner les critères et "
                "le calendrier fait partie du rôle."
            ),
            (
                "Un point régulier avec le manager, même sans candidat à présenter, évite bien des "
                "surprises."
            ),
            (
                "Savoir dire non à un critère peu utile, avec des arguments, est une compétence à "
                "travailler."
            ),
        ],
        "mixed": [
            "Votre cadrage initial était solide ; le suivi au fil du processus l'était moins.",
            (
                "Vous questionnez les critères, ce qui est très bien ; l'amener avec des données "
                "rendrait la discussion plus facile."
            ),
            (
                "Vous travaillez bien avec les managers métiers ; les profils techniques demandent "
                "quelques repères supplémentaires."
            ),
        ],
        "yes": [
            (
                "Votre réunion de lancement distinguait clairement l'indispensable du souhaitable, "
                "avec des délais réalistes."
            ),
            "Votre exemple de recadrage sur un profil irréaliste était convaincant.",
            (
                "Avoir convaincu un manager de retirer une exigence de diplôme, et doublé le "
                "vivier, est un très bon exemple."
            ),
        ],
        "strong_yes": [
            (
                "Remettre en question la définition même du poste, chiffres à l'appui, et "
                "convaincre le manager : remarquable."
            ),
            (
                "Vos exemples montrent que les managers viennent chercher votre avis, bien au-delà "
                "du recrutement."
            ),
            (
                "Votre façon de désamorcer un désaccord sur la rémunération entre un manager et "
                "les RH était exemplaire."
            ),
        ],
    },
    "Organisation du processus": {
        "definitely_not": [
            (
                "Nous aurions aimé entendre comment vous organisez plusieurs recrutements en "
                "parallèle."
            ),
            (
                "Répondre à chaque personne reçue en entretien, même pour un refus, fait partie du "
                "métier."
            ),
            "Un outil simple, même un tableur, aide à suivre les postes et les délais.",
        ],
        "no": [
            (
                "Votre organisation reposait surtout sur la mémoire ; suivre quelques indicateurs "
                "de délai vous aiderait."
            ),
            (
                "Les retours aux candidats arrivaient « quand il y a le temps » ; un créneau fixe "
                "chaque semaine change tout."
            ),
            "Votre ATS peut faire bien plus que stocker les CV : relances, étapes et délais.",
        ],
        "mixed": [
            "Votre agenda est bien tenu ; les retours aux candidats méritent la même rigueur.",
            (
                "Vous suivez les délais ; un seuil d'alerte vous aiderait à agir avant qu'ils ne "
                "glissent."
            ),
            (
                "Votre organisation fonctionne bien sur quelques postes ; l'enjeu ici sera d'en "
                "suivre davantage."
            ),
        ],
        "yes": [
            "Des délais suivis par étape et un retour systématique à chaque candidat.",
            "Vos exemples de suivi de douze postes en parallèle étaient concrets et crédibles.",
            "Bloquer un créneau chaque semaine pour les retours est une excellente pratique.",
        ],
        "strong_yes": [
            (
                "Avoir réduit de moitié le délai entre candidature et décision, en expliquant "
                "comment, était remarquable."
            ),
            (
                "Votre processus est très maîtrisé, avec des indicateurs clairs et un retour "
                "personnalisé à chacun."
            ),
            "Vos automatisations simples garantissent qu'aucun candidat ne reste sans nouvelles.",
        ],
    },
    "Python en production": {
        "definitely_not": [
            (
                "L'exercice n'a pas pu être terminé ; davantage de pratique de Python sur de "
                "petits projets vous aiderait avant ce type de poste."
            ),
            (
                "Les context managers et la gestion des exceptions sont de bons points de départ à "
                "approfondir."
            ),
            (
                "Écrire un petit service de bout en bout, avec ses tests, est une bonne façon de "
                "gagner en aisance."
            ),
        ],
        "no": [
            (
                "Plusieurs blocs `except Exception: pass` masquaient les erreurs ; les traiter "
                "explicitement rend le service plus sûr."
            ),
            (
                "Fichiers et connexions restaient ouverts ; l'instruction `with` règle ce point "
                "simplement."
            ),
            (
                "Nous aurions aimé entendre comment vous suivez un service une fois en production "
                ": logs, métriques, alertes."
            ),
        ],
        "mixed": [
            (
                "Votre Python était idiomatique pour l'essentiel ; les appels bloquants dans une "
                "coroutine sont à éviter."
            ),
            (
                "Remplacer les `print()` par le module logging serait une amélioration simple et "
                "utile."
            ),
            (
                "Vous êtes très à l'aise avec Django ; le Python hors framework mérite un peu plus "
                "de pratique."
            ),
        ],
        "yes": [
            "Un Python clair et typé, avec une gestion d'erreurs propre et des logs structurés.",
            (
                "Votre exemple de fuite mémoire trouvée avec tracemalloc montrait une vraie "
                "expérience de production."
            ),
            "Vous avez géré l'arrêt propre du worker sans qu'on vous le demande.",
        ],
        "strong_yes": [
            "Votre profilage en direct de notre code de départ était remarquable.",
            "Vos explications sur les pièges d'asyncio étaient claires et précises.",
            "Vous écrivez un Python idiomatique, bien testé, et rapidement.",
        ],
    },
    "Conception d'API": {
        "definitely_not": [
            (
                "Les routes utilisaient des verbes et renvoyaient 200 pour les erreurs ; des "
                "chemins orientés ressources et de vrais codes de statut sont le point de départ."
            ),
            (
                "Traduire le besoin en routes a été difficile dans le temps imparti ; s'entraîner "
                "sur un domaine familier peut aider."
            ),
            (
                "Exposer directement le schéma de la base rendrait l'API difficile à faire évoluer "
                "; partir des besoins du client fonctionne mieux."
            ),
        ],
        "no": [
            (
                "Les routes couvraient le cas principal ; erreurs, pagination et versions "
                "n'étaient pas encore traitées."
            ),
            (
                "Que se passe-t-il si le client rejoue un POST ? Une clé d'idempotence rendrait "
                "l'opération sûre."
            ),
            (
                "Le nommage variait d'une route à l'autre ; une convention unique rend l'API bien "
                "plus simple à utiliser."
            ),
        ],
        "mixed": [
            "Des ressources claires et bien nommées ; le modèle d'erreur restait flou.",
            "La pagination par curseur était un bon choix ; l'idempotence est l'étape suivante.",
            (
                "De bonnes bases REST ; pensez à la façon de faire évoluer l'API sans casser les "
                "clients existants."
            ),
        ],
        "yes": [
            (
                "Des ressources cohérentes, des erreurs au format problem+json et une pagination "
                "par curseur."
            ),
            "Vous avez justifié chaque choix du point de vue du client.",
            "Vous avez pensé aux webhooks et à leur signature sans qu'on vous le demande.",
        ],
        "strong_yes": [
            (
                "Vous avez conçu une API que nous serions fiers de publier : cohérente, évolutive "
                "et sûre à rejouer."
            ),
            "Votre proposition de simplifier notre machine à états côté client était excellente.",
            "Votre réflexion sur la compatibilité ascendante était remarquable.",
        ],
    },
    "Tests et qualité du code": {
        "definitely_not": [
            (
                "Le rendu ne contenait pas de tests ; même quelques tests sur les cas principaux "
                "auraient montré votre façon de garantir la correction du code."
            ),
            (
                "L'essentiel de la logique tenait dans une seule longue fonction, difficile à "
                "suivre et à modifier."
            ),
            (
                "Le projet ne démarrait pas avec les instructions fournies ; un essai depuis un "
                "clone neuf avant l'envoi évite ce problème."
            ),
        ],
        "no": [
            (
                "Le cas principal fonctionnait ; des tests sur les arrondis et les entrées vides "
                "auraient attrapé les deux bugs trouvés."
            ),
            "Des noms plus parlants que `data2` ou `tmp` faciliteraient beaucoup la relecture.",
            (
                "Deux tests échouaient à l'exécution ; lancer toute la suite avant l'envoi est une "
                "habitude à prendre."
            ),
        ],
        "mixed": [
            (
                "Un code lisible et bien structuré ; les tests manquaient les cas limites les plus "
                "importants pour des montants."
            ),
            (
                "Une bonne structure ; des tests qui vérifient des messages de log exacts "
                "deviennent vite fragiles."
            ),
            "Retirer le code commenté rendrait un rendu déjà correct plus propre encore.",
        ],
        "yes": [
            "Un code clair, des tests paramétrés et des cas limites couverts.",
            "Les noms de vos tests se lisent comme une spécification.",
            "Vous avez refactorisé pendant le binôme sans casser un seul test.",
        ],
        "strong_yes": [
            (
                "Vos tests couvraient exactement les cas importants, y compris les arrondis, sans "
                "rien de superflu."
            ),
            (
                "Vous avez écrit le test qui échoue en premier et expliqué ce qui ne valait pas la "
                "peine d'être testé."
            ),
            "Votre README exposait clairement les compromis faits : un rendu remarquable.",
        ],
    },
}


# --- Scorecard overall notes (INTERNAL) ---------------------------------------------------------

KEY_TAKEAWAYS: list[str] = [
    (
        "Strong on fundamentals, thinner on design. Not at the level this role needs today, but "
        "could be in a year or two."
    ),
    "Good conversation, clear communicator. The depth wasn't there for the senior bar.",
    "Solid candidate. Would be a yes for a mid-level role, no for this one.",
    "Not a hire for this role. Main gap is handling failure cases; everything else was fine.",
    "Lean no. Nothing alarming, but I didn't see anything above the bar either.",
    (
        "Mixed signals: excellent take-home, struggled live. Worth comparing with the other "
        "interviewers' notes before deciding."
    ),
    (
        "Strong yes from me, but I only covered communication and collaboration - defer to the "
        "technical interviewers."
    ),
    "Good, but another finalist is stronger on the one area the team needs most right now.",
    "Would hire if the role were less customer-facing. Core skills are solid.",
    (
        "Very polished on experience, vague when asked for specifics. Couldn't tell what they did "
        "vs what the team did."
    ),
    "Clear no. Too many gaps on the core skills for this level.",
    (
        "Impressive range, but hard to find real depth in any one area. Not sure that's what the "
        "team needs."
    ),
    "Good instincts, not much hands-on work recently. Ramp-up here would be long.",
    "Borderline. I'd want the hiring manager's read before deciding.",
    "No hire: strong on delivery, but didn't show the collaboration this team depends on.",
    "Really enjoyed this one. Not quite there on the core skill, but I'd love them to reapply.",
    (
        "Fine on everything, exceptional on nothing. For a senior role I'd expect at least one "
        "area of real depth."
    ),
    "Solid, but ran out of time on the most important part of the exercise. Hard to judge.",
    "Lean yes on skills, but the start date they need doesn't work for the team.",
    "Strong on paper, interview didn't match - answers stayed theoretical.",
    (
        "Great questions about the team and the product. Skills are close; experience at our scale "
        "isn't there yet."
    ),
    "Good candidate, wrong moment: the team needs someone who can own the area from day one.",
    (
        "No. Prep was thin - hadn't looked at what we do and couldn't connect their experience to "
        "the role."
    ),
    "Honest about gaps, which I appreciated. The gaps are real though.",
    "Yes. Would raise the bar on the team. Only hesitation is the 3-month notice period.",
]

PRIVATE_NOTES: list[str] = [
    "Comp expectations 20% above band - flagged to the recruiter.",
    "Knows Sam from previous job (worked together ~2 yrs). Sam says very reliable.",
    "PRIVATE: referral from board member. Treat like any other candidate.",
    "Has a competing offer, deadline Friday.",
    "Notice period 3 months, candidate says not negotiable.",
    "Asked for 95k base + equity; band tops out at 85k.",
    "Interviewed with us in 2023 for the SRE role, declined at offer stage.",
    "Candidate asked us not to contact their current employer yet.",
    "Agency candidate (18% fee) - check with finance before any offer.",
    "HM leaning towards the internal candidate; keep this process fair and documented.",
    "Ex-colleague of Priya on Payments - Priya recused herself from the debrief.",
    "Counter-offer likely from current employer, per recruiter screen.",
    "Wants fully remote; role is hybrid 2 days/week. Recruiter to discuss.",
    "Do not share: we are also interviewing for a second, more senior opening on the same team.",
    "Mentioned current salary unprompted - not recorded, not used.",
    "Referral bonus applies (referred by Mateo, Frontend).",
    "PRIVATE: also in process with our customer Orchard & Pine - keep confidential.",
    "Reference check pending from former manager at Brightline.",
    "PRIVATE: CEO met them at a conference and asked us to 'take a look'.",
    "Internal only: budget for this role might be cut in Q3, don't over-promise timelines.",
]


# --- Rejection reasons (explanations are candidate-facing) -------------------------------------

REJECTION_REASONS: list[RejectionReasonSpec] = [
    {
        # No explanation, as in the default set: the note names the skill the scorecards show
        # furthest below the bar.
        "name": "Core skills below the bar",
        "category": "skills_gap",
        "stages": ["interview", "final", "offer"],
        "explanation_en": "",
        "explanation_fr": "",
    },
    {
        "name": "Practical exercise below the bar",
        "category": "skills_gap",
        "stages": ["interview", "final", "offer"],
        "requires": ["take_home"],
        "explanation_en": (
            "The practical exercise did not yet show the level the role needs in the areas it "
            "covered."
        ),
        "explanation_fr": (
            "L'exercice pratique n'a pas encore montré le niveau que demande le poste sur les "
            "points qu'il couvrait."
        ),
    },
    {
        "name": "Skills below the bar at the screen",
        "category": "skills_gap",
        "stages": ["screen"],
        "explanation_en": (
            "The role needs some skills at a level that our first conversation did not yet show."
        ),
        "explanation_fr": (
            "Le poste demande, sur certaines compétences, un niveau que notre premier échange "
            "n'a pas encore fait apparaître."
        ),
    },
    {
        "name": "Not enough experience for the level of the role",
        "category": "experience_level",
        "stages": [],
        "explanation_en": (
            "The role needs experience of leading this kind of work independently, which we did "
            "not yet find in your background."
        ),
        "explanation_fr": (
            "Le poste demande une expérience de ce type de travail mené en autonomie, que nous "
            "n'avons pas encore retrouvée dans votre parcours."
        ),
    },
    {
        "name": "Screening criteria not met",
        "category": "experience_level",
        "stages": ["application_review", "screen"],
        "explanation_en": (
            "Your application did not show the experience this role requires at the screening "
            "stage."
        ),
        "explanation_fr": (
            "Votre candidature ne montrait pas l'expérience que ce poste demande dès la "
            "présélection."
        ),
    },
    {
        "name": "Another finalist was a closer match",
        "category": "stronger_candidate",
        "stages": ["final", "offer"],
        "explanation_en": (
            "We offered the position to another finalist whose experience matched a specific need "
            "of the team more closely."
        ),
        "explanation_fr": (
            "Nous avons proposé le poste à une autre personne finaliste, dont l'expérience "
            "correspondait de plus près à un besoin précis de l'équipe."
        ),
    },
    {
        "name": "Closer matches among many applications",
        "category": "stronger_candidate",
        "stages": ["application_review"],
        "explanation_en": (
            "We received many strong applications and could only invite a few people to interview, "
            "choosing those whose experience was closest to the role."
        ),
        "explanation_fr": (
            "Nous avons reçu de nombreuses candidatures solides et n'avons pu inviter que quelques "
            "personnes en entretien, celles dont l'expérience était la plus proche du poste."
        ),
    },
    {
        "name": "Role closed",
        "category": "role_closed",
        "stages": [],
        "explanation_en": "We have closed this role and are no longer hiring for it.",
        "explanation_fr": "Nous avons fermé ce poste et ne recrutons plus pour celui-ci.",
    },
    {
        "name": "Role on hold",
        "category": "role_closed",
        "stages": [],
        "explanation_en": (
            "We have paused hiring for this role, so we cannot take your application further for "
            "now."
        ),
        "explanation_fr": (
            "Nous avons suspendu le recrutement sur ce poste et ne pouvons donc pas poursuivre "
            "votre candidature pour le moment."
        ),
    },
    {
        "name": "Salary expectations outside the budget",
        "category": "compensation",
        "stages": [],
        "explanation_en": (
            "We were not able to meet the salary expectations you shared within the budget set for "
            "this role."
        ),
        "explanation_fr": (
            "Nous n'avons pas pu répondre aux attentes salariales que vous nous avez indiquées "
            "dans le budget prévu pour ce poste."
        ),
    },
    {
        "name": "On-site requirement not compatible",
        "category": "location",
        "stages": [],
        "explanation_en": (
            "The role requires regular presence at the office it is attached to, which did not "
            "match the working arrangement you were looking for."
        ),
        "explanation_fr": (
            "Le poste demande une présence régulière au bureau de rattachement, ce qui ne "
            "correspondait pas à l'organisation de travail que vous recherchiez."
        ),
    },
    {
        "name": "Start date could not be aligned",
        "category": "logistics",
        "stages": [],
        "explanation_en": (
            "The team needs someone to start sooner than the date you are available, and we could "
            "not find timing that worked."
        ),
        "explanation_fr": (
            "L'équipe a besoin d'une arrivée plus rapide que votre date de disponibilité, et nous "
            "n'avons pas trouvé de calendrier qui convienne."
        ),
    },
    {
        "name": "Interviews could not be scheduled",
        "category": "logistics",
        "stages": ["interview"],
        "explanation_en": (
            "We could not find interview times that worked for both of us within the timeline of "
            "this process."
        ),
        "explanation_fr": (
            "Nous n'avons pas trouvé de créneaux d'entretien compatibles avec le calendrier de ce "
            "recrutement."
        ),
    },
    {
        "name": "Candidate withdrew",
        "category": "withdrew",
        "stages": [],
        "explanation_en": "",
        "explanation_fr": "",
    },
    {
        "name": "Accepted another offer",
        "category": "withdrew",
        "stages": [],
        "explanation_en": "",
        "explanation_fr": "",
    },
    {
        "name": "Other",
        "category": "other",
        "stages": [],
        "explanation_en": (
            "We have decided not to move forward with your application for this role."
        ),
        "explanation_fr": (
            "Nous avons décidé de ne pas donner suite à votre candidature pour ce poste."
        ),
    },
    {
        "name": "Duplicate application",
        "category": "other",
        "stages": ["application_review"],
        "sends_note": False,
        "explanation_en": (
            "We already have an active application from you for this role, so we have closed this "
            "duplicate."
        ),
        "explanation_fr": (
            "Vous avez déjà une candidature en cours pour ce poste ; nous avons donc clôturé ce "
            "doublon."
        ),
    },
]

SOURCES: list[str] = [
    "Referral",
    "LinkedIn",
    "Careers page",
    "Welcome to the Jungle",
    "Agency",
    "Meetup",
    "Indeed",
    "Hacker News: Who is hiring?",
    "Conference",
    "APEC",
    "JobTeaser",
    "Sourced by recruiter",
    "Returning candidate",
]


# --- Re-routing: each job's family, level and description (by title) ----------------------------

# (family, level 1..5, description): rejected candidates are suggested roles of the same family.
JOB_PROFILES: dict[str, tuple[str, int, str]] = {
    "Senior Backend Engineer (Payments)": (
        "Backend engineering", 3,
        "Design and run the Go services that move merchants' money: card payments, payouts, "
        "idempotent APIs, PostgreSQL, PCI DSS.",
    ),
    "Backend Engineer (Invoicing)": (
        "Backend engineering", 2,
        "Build the Go services behind invoices and reminders: APIs, PostgreSQL, clean and "
        "tested code.",
    ),
    "Frontend Engineer": (
        "Frontend engineering", 2,
        "Build accessible, fast screens in TypeScript and React for merchants' dashboards.",
    ),
    "Site Reliability Engineer": (
        "Infrastructure", 3,
        "Keep the platform up: Kubernetes, observability, incident response, on-call.",
    ),
    "Data Analyst": (
        "Data", 2,
        "Answer product questions with SQL and experiments; dashboards and clear write-ups.",
    ),
    "Product Designer": (
        "Design", 2,
        "Research, prototype and ship the merchant experience with product and engineering.",
    ),
    "Customer Success Manager": (
        "Customer success", 2,
        "Onboard and grow mid-market merchants; renewals, adoption and escalations.",
    ),
    "Account Executive (Mid-Market)": (
        "Sales", 2,
        "Find and close mid-market merchants: discovery, demos, negotiation.",
    ),
    "Chargé·e de recrutement": (
        "Recrutement", 2,
        "Mener les recrutements de bout en bout avec les managers : sourcing, entretiens, offres.",
    ),
    "Développeur·se back-end Python": (
        "Backend engineering", 2,
        "Développer les services Python de l'équipe : API, PostgreSQL, code testé en production.",
    ),
    # The partner organization's roles (PARTNER_JOBS).
    "Backend Engineer (Patient Records)": (
        "Backend engineering", 2,
        "Build the services behind clinics' patient records: APIs, PostgreSQL, audit trails, "
        "clean and tested code.",
    ),
    "Data Analyst (Clinical Operations)": (
        "Data", 2,
        "Help clinics plan their rotas and waiting lists with SQL, experiments and clear "
        "dashboards.",
    ),
    "Product Designer (Patient App)": (
        "Design", 2,
        "Research and design the app patients use to book, prepare for and follow up on visits.",
    ),
}  # fmt: skip


# --- The partner organization ------------------------------------------------------------------
# A second, small organization in another trade (health care, not payments), in a partnership
# with the demo organization: it shows the partner network (pools, invitations) to a newcomer.

PARTNER_ORGANIZATION: OrganizationSpec = {
    "name": "Northwind Health",
    "sender_name": "Jonas Becker",
    "sender_email": "jonas.becker@northwind.example",
}

_PARTNER_STAGES: list[StageSpec] = [
    {"name": "Application review", "kind": "application_review"},
    {"name": "Recruiter screen", "kind": "screen"},
    {"name": "Skills interview", "kind": "interview"},
    {"name": "Meet the clinic team", "kind": "final"},
    {"name": "Offer", "kind": "offer"},
]
_PARTNER_INTERVIEWS: list[InterviewSpec] = [
    {"name": "Recruiter screen", "kind": "screen", "stage": 1},
    {"name": "Skills interview", "kind": "technical", "stage": 2},
    {"name": "Meet the clinic team", "kind": "onsite", "stage": 3},
]

PARTNER_JOBS: list[JobSpec] = [
    {
        "title": "Backend Engineer (Patient Records)",
        "department": "Engineering",
        "location": "Manchester (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": "professional experience building and running backend services",
        "stages": _PARTNER_STAGES,
        "interviews": _PARTNER_INTERVIEWS,
        "competencies": [
            _tuned(_API_DESIGN, weight=3),
            _DISTRIBUTED_SYSTEMS,
            _CODE_QUALITY,
            _PROBLEM_SOLVING,
            _COMMUNICATION,
        ],
    },
    {
        "title": "Data Analyst (Clinical Operations)",
        "department": "Operations",
        "location": "Remote (UK)",
        "language": "en",
        "status": "open",
        "screening_criteria": "experience answering operational questions with SQL",
        "stages": _PARTNER_STAGES,
        "interviews": _PARTNER_INTERVIEWS,
        "competencies": [_SQL, _STATISTICS, _STORYTELLING, _COMMUNICATION],
    },
    {
        "title": "Product Designer (Patient App)",
        "department": "Product",
        "location": "London (hybrid)",
        "language": "en",
        "status": "open",
        "screening_criteria": "a portfolio of shipped product design work",
        "stages": _PARTNER_STAGES,
        "interviews": _PARTNER_INTERVIEWS,
        "competencies": [_USER_RESEARCH, _INTERACTION_DESIGN, _ACCESSIBILITY, _COLLABORATION],
    },
]

# What consenting candidates type on their page for partners (location, languages).
PARTNER_LOCATIONS = [
    "London", "Manchester", "Paris", "Lyon", "Berlin", "Lisbon", "Remote, Europe",
    "Remote, UK",
]  # fmt: skip
PARTNER_LANGUAGES = {
    "en": ["English", "English, French", "English, Spanish", "English, German"],
    "fr": ["French, English", "French", "French, English, Spanish"],
}
PARTNER_INVITATION_MESSAGE = (
    "Hello, your profile came up in our partners' pool and matches what our patient-records "
    "team looks for. If you would like to hear about the role, share your details and we will "
    "get in touch."
)
