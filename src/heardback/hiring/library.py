"""The competency library: common rubric lines a recruiter can start a job's rubric from.

Pure data, no Django. Each entry is written in its own language. Descriptors are candidate-facing
fragments that follow "you " (en) or "vous " (fr), one per rating level; `rubric_descriptors` turns
them into the whole clauses a rubric stores ("you explained your reasoning in a clear order").
Tips are candidate-facing development tips, one full sentence each. Weight and bar are
suggestions: the recruiter tunes them per job. The demo organization's rubrics are built from
these entries too (heardback.core.demo_content).
"""

from __future__ import annotations

from typing import Literal, TypedDict

Rating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
Language = Literal["en", "fr"]

SUBJECT: dict[str, str] = {"en": "you", "fr": "vous"}


class LibraryCompetency(TypedDict):
    key: str  # stable identifier, used by "add to this job"
    name: str
    language: Language
    description: str  # one line
    weight: int  # 1-3
    bar: Rating  # the rating a hire usually needs
    descriptors: dict[Rating, str]  # candidate-facing, each fragment follows "you " / "vous "
    tips: list[str]  # candidate-facing


def library_competency(key: str) -> LibraryCompetency | None:
    """The library entry with this key, or None."""
    return next((entry for entry in COMPETENCY_LIBRARY if entry["key"] == key), None)


def rubric_descriptors(entry: LibraryCompetency) -> dict[str, str]:
    """The entry's descriptors as the whole clauses a rubric stores ("you …", "vous …")."""
    subject = SUBJECT[entry["language"]]
    return {level: f"{subject} {text}" for level, text in entry["descriptors"].items()}


def rubric_tips(entry: LibraryCompetency) -> str:
    """The entry's tips as the one text a rubric stores."""
    return " ".join(entry["tips"])


# --- English -----------------------------------------------------------------------------------

COMMUNICATION: LibraryCompetency = {
    "key": "communication",
    "language": "en",
    "name": "Communication",
    "description": (
        "Explains ideas clearly, adapts to the listener, listens and checks understanding."
    ),
    "weight": 1,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet get your main points across, and we often had to come back to ask what "
            "you meant"
        ),
        "no": "gave answers where the key point often arrived late, which made them hard to follow",
        "mixed": "explained some topics clearly, but longer answers tended to lose their structure",
        "yes": "explained your reasoning in a clear order and checked that we were following",
        "strong_yes": (
            "made complex ideas simple, adjusted the level of detail to your audience and listened "
            "closely to each question"
        ),
    },
    "tips": [
        (
            "Try answering first and explaining second: state your conclusion in one sentence, "
            "then give the two or three reasons behind it (Barbara Minto's *The Pyramid Principle* "
            "is the classic on this)."
        ),
        (
            "After a long explanation, pause and ask which part the listener wants to go deeper "
            "on, rather than covering everything."
        ),
    ],
}

PROBLEM_SOLVING: LibraryCompetency = {
    "key": "problem-solving",
    "language": "en",
    "name": "Problem solving",
    "description": (
        "Breaks an unfamiliar problem down, tests hypotheses, reaches a workable answer."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet reach a workable approach, even after we offered a few hints"
        ),
        "no": (
            "started on a solution before the problem was clear, and found it hard to change "
            "course when it did not hold up"
        ),
        "mixed": (
            "reached a reasonable answer, but needed prompting to test your assumptions along the "
            "way"
        ),
        "yes": (
            "broke the problem into smaller parts and checked your approach on a concrete example "
            "before committing to it"
        ),
        "strong_yes": (
            "framed the problem precisely, compared several approaches on their trade-offs and "
            "spotted the edge cases before we raised them"
        ),
    },
    "tips": [
        (
            "Before solving, restate the problem in your own words and work one small example by "
            "hand; George Pólya's *How to Solve It* is short and still the best guide to this "
            "habit."
        ),
        (
            "When you get stuck, say out loud which assumption you are testing next, so the "
            "interviewer can follow and help."
        ),
    ],
}

COLLABORATION: LibraryCompetency = {
    "key": "collaboration",
    "language": "en",
    "name": "Collaboration",
    "description": (
        "Works well across roles: shares context, handles disagreement, makes others more "
        "effective."
    ),
    "weight": 1,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet give examples of shared work or of working through a disagreement with "
            "others"
        ),
        "no": (
            "described past work mostly as individual effort, with little on how you involved or "
            "relied on others"
        ),
        "mixed": (
            "gave good examples of helping teammates, but fewer of working through a disagreement"
        ),
        "yes": (
            "described concrete ways you shared context with other roles and how you worked "
            "through a disagreement"
        ),
        "strong_yes": (
            "showed how you made the people around you more effective, with clear examples of "
            "resolving disagreement and changing your own view"
        ),
    },
    "tips": [
        (
            "Prepare two stories about a disagreement at work: what each side wanted, what you did "
            "and what you would do differently; *Crucial Conversations* (Patterson, Grenny, "
            "McMillan and Switzler) offers a useful framework."
        ),
        (
            "When describing a project, name who else was involved and what you needed from them; "
            "it shows how you work, not only what you built."
        ),
    ],
}

PRIORITISATION: LibraryCompetency = {
    "key": "prioritisation",
    "language": "en",
    "name": "Prioritisation",
    "description": (
        "Chooses what matters most with limited time; makes trade-offs explicit; says no well."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "did not yet explain how you decide what to work on first",
        "no": "treated most tasks as equally urgent, without a clear way to choose between them",
        "mixed": (
            "prioritised sensibly in the exercise, but the trade-offs behind your choices stayed "
            "implicit"
        ),
        "yes": (
            "ranked the work by impact and effort, and explained what you would leave out and why"
        ),
        "strong_yes": (
            "made the trade-offs explicit, cut scope without losing the goal and explained how you "
            "would share the decision with others"
        ),
    },
    "tips": [
        (
            "For each piece of work, write down the outcome it serves and what happens if it waits "
            "a month; the items with no clear answer are the ones to drop."
        ),
        (
            "*Essentialism* by Greg McKeown is a short read on saying no to good but less "
            "important work."
        ),
    ],
}

STAKEHOLDERS: LibraryCompetency = {
    "key": "stakeholders",
    "language": "en",
    "name": "Stakeholder management",
    "description": (
        "Aligns people with different goals; keeps them informed; manages expectations early."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "did not yet describe how you work with people outside your own team",
        "no": "described stakeholders mainly as people to report to at the end of a project",
        "mixed": (
            "kept stakeholders informed, but did not yet show how you handle conflicting requests"
        ),
        "yes": (
            "identified the key stakeholders early, kept them informed and handled a conflicting "
            "request openly"
        ),
        "strong_yes": (
            "aligned stakeholders with conflicting goals around a shared outcome, and raised risks "
            "early enough to change the plan"
        ),
    },
    "tips": [
        (
            "Map the people affected by your next project by influence and interest, and decide "
            "how often each of them hears from you."
        ),
        (
            "Send a short written update at a fixed rhythm with the decisions needed at the top; "
            "people act on what they can find quickly."
        ),
    ],
}

MENTORING: LibraryCompetency = {
    "key": "mentoring",
    "language": "en",
    "name": "Mentoring",
    "description": (
        "Helps others grow: specific feedback, delegation with context, raises the team's level."
    ),
    "weight": 1,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "did not yet give examples of helping a colleague develop",
        "no": "described mentoring mostly as answering questions when asked",
        "mixed": (
            "gave a good example of supporting a colleague, but less on how you give difficult "
            "feedback"
        ),
        "yes": (
            "described how you gave a colleague specific feedback and adjusted your support as "
            "they grew"
        ),
        "strong_yes": (
            "showed a deliberate approach to growing others, with examples of colleagues who took "
            "on more as a result"
        ),
    },
    "tips": [
        (
            "Kim Scott's *Radical Candor* offers a practical frame for feedback that is both "
            "direct and caring."
        ),
        (
            "Next time a colleague asks for help, ask one question before giving the answer, and "
            "notice how the conversation changes."
        ),
    ],
}

CODE_QUALITY: LibraryCompetency = {
    "key": "code-quality",
    "language": "en",
    "name": "Code quality and testing",
    "description": (
        "Writes readable, tested code; chooses what to test and why; leaves code easy to change."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet write tests for the exercise, and the code was hard to follow"
        ),
        "no": (
            "wrote code that worked for the main case, but with few tests and logic that was hard "
            "to change"
        ),
        "mixed": (
            "wrote readable code with some tests, though the tests missed the edge cases that "
            "mattered most"
        ),
        "yes": "wrote clear, well-named code with tests that covered the important edge cases",
        "strong_yes": (
            "wrote clean, well-structured code, explained what you chose to test and why, and "
            "refactored safely when the requirements changed"
        ),
    },
    "tips": [
        (
            "Practise writing the test for an edge case before fixing it; Kent Beck's *Test-Driven "
            "Development: By Example* is a short, hands-on introduction."
        ),
        (
            "Michael Feathers' *Working Effectively with Legacy Code* is excellent on making "
            "existing code safe to change."
        ),
    ],
}

API_DESIGN: LibraryCompetency = {
    "key": "api-design",
    "language": "en",
    "name": "API design",
    "description": (
        "Designs clear, evolvable HTTP APIs: resources, errors, pagination, versioning, retries."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "did not yet shape the requirements into an API another team could use",
        "no": (
            "designed endpoints that covered the main use, but errors, pagination and future "
            "changes were not yet considered"
        ),
        "mixed": (
            "designed a clear set of resources, though error handling and versioning stayed vague"
        ),
        "yes": (
            "designed consistent, well-named endpoints with clear error responses and a plan for "
            "pagination"
        ),
        "strong_yes": (
            "designed an API that was consistent, easy to evolve and safe to retry, and explained "
            "each choice from the client's point of view"
        ),
    },
    "tips": [
        (
            "Compare your designs with a published style guide such as Zalando's RESTful API "
            "Guidelines or Google's API Improvement Proposals (aip.dev)."
        ),
        (
            "Read RFC 9457 (Problem Details for HTTP APIs) and use it to give your error responses "
            "a consistent shape."
        ),
    ],
}

DISTRIBUTED_SYSTEMS: LibraryCompetency = {
    "key": "distributed-systems",
    "language": "en",
    "name": "Distributed systems design",
    "description": (
        "Designs services that stay correct under partial failure: retries, idempotency, "
        "consistency."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet reason about how the system behaves when one of its parts fails"
        ),
        "no": (
            "did not yet reason about what happens when a dependency fails or a request is retried"
        ),
        "mixed": (
            "designed a sound happy path, but the failure cases, such as timeouts and retries, "
            "needed prompting"
        ),
        "yes": "explained trade-offs between consistency and availability with concrete examples",
        "strong_yes": (
            "designed for failure from the start, with idempotent retries, clear consistency "
            "guarantees and a plan for recovering from partial outages"
        ),
    },
    "tips": [
        (
            "Practise walking through what happens when a dependency is down and how retries stay "
            "idempotent; chapters 8 and 9 of Martin Kleppmann's *Designing Data-Intensive "
            "Applications* are a good start."
        ),
        (
            "Read Stripe's engineering article on idempotency keys and sketch how you would apply "
            "the idea to a payment API."
        ),
    ],
}

OBSERVABILITY: LibraryCompetency = {
    "key": "observability",
    "language": "en",
    "name": "Observability",
    "description": (
        "Designs useful metrics, logs and traces; defines SLOs; finds problems from telemetry."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet describe how you would know whether the service was working for its users"
        ),
        "no": "relied on logs alone and did not yet connect metrics to what users experience",
        "mixed": (
            "chose sensible metrics, but did not yet turn them into service level objectives or "
            "useful alerts"
        ),
        "yes": (
            "defined service level objectives from the user's point of view and explained which "
            "alerts should page someone"
        ),
        "strong_yes": (
            "designed metrics, traces and alerts around user-facing objectives, and showed how you "
            "would find an unknown problem from the telemetry alone"
        ),
    },
    "tips": [
        (
            "The 'Monitoring Distributed Systems' and 'Service Level Objectives' chapters of "
            "Google's *Site Reliability Engineering* book are the best short introduction."
        ),
        (
            "Instrument a small service with OpenTelemetry, then try to answer a new question from "
            "its traces without adding any code."
        ),
    ],
}

INCIDENT_RESPONSE: LibraryCompetency = {
    "key": "incident-response",
    "language": "en",
    "name": "Incident response",
    "description": (
        "Stays methodical in an outage: triage, mitigation first, communication, blameless "
        "follow-up."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet settle on a way into the outage scenario, and the first steps stayed "
            "unclear"
        ),
        "no": (
            "went straight to finding the root cause rather than first limiting the impact on "
            "customers"
        ),
        "mixed": (
            "mitigated the incident sensibly, but communication with stakeholders and the "
            "follow-up were thin"
        ),
        "yes": (
            "mitigated first, kept stakeholders informed and described a blameless review with "
            "concrete follow-up actions"
        ),
        "strong_yes": (
            "ran the scenario like an experienced incident commander, with clear roles, early "
            "mitigation, regular updates and a follow-up that fixed the underlying cause"
        ),
    },
    "tips": [
        (
            "Read the chapters on managing incidents and on postmortem culture in Google's *Site "
            "Reliability Engineering* book, free at sre.google."
        ),
        (
            "PagerDuty's public incident response documentation is a practical model for roles, "
            "status updates and handovers."
        ),
    ],
}

ACCESSIBILITY: LibraryCompetency = {
    "key": "accessibility",
    "language": "en",
    "name": "Accessibility",
    "description": (
        "Builds interfaces usable with a keyboard and assistive technology; knows WCAG basics."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet consider how the interface works with a keyboard or a screen reader"
        ),
        "no": (
            "knew accessibility matters, but the component could not yet be used with a keyboard "
            "alone"
        ),
        "mixed": "used semantic HTML well, but focus handling in the dialog needed prompting",
        "yes": (
            "built with semantic HTML, managed focus correctly and explained the relevant WCAG "
            "criteria"
        ),
        "strong_yes": (
            "made the component fully usable by keyboard and screen reader, tested it as you went "
            "and explained the trade-offs involved"
        ),
    },
    "tips": [
        (
            "Rebuild a dialog or a combobox following the patterns in the W3C's ARIA Authoring "
            "Practices Guide, then use it with only a keyboard."
        ),
        (
            "Test your own work with a screen reader (VoiceOver on macOS or NVDA on Windows) and "
            "read the WCAG 2.2 'Understanding' pages for the criteria you meet most often."
        ),
    ],
}

INTERACTION_DESIGN: LibraryCompetency = {
    "key": "interaction-design",
    "language": "en",
    "name": "Interaction design",
    "description": (
        "Designs flows that are simple to use; reasons from user goals; covers edge and error "
        "states."
    ),
    "weight": 3,
    "bar": "strong_yes",
    "descriptors": {
        "definitely_not": (
            "did not yet show how a user would move through the flow from start to finish"
        ),
        "no": (
            "presented polished screens, but the flow between them and the error states were not "
            "yet designed"
        ),
        "mixed": (
            "designed a clear main flow, but the empty, error and edge states came up only when we "
            "asked"
        ),
        "yes": (
            "designed a clear flow from the user's goal, including empty and error states, and "
            "explained your choices"
        ),
        "strong_yes": (
            "simplified the flow in ways we had not considered, covered the edge cases and backed "
            "each decision with evidence from users"
        ),
    },
    "tips": [
        (
            "Review your portfolio flows against Nielsen Norman Group's ten usability heuristics, "
            "and add the empty and error states for each."
        ),
        (
            "Steve Krug's *Don't Make Me Think* is a quick read with lasting advice on simplifying "
            "flows."
        ),
    ],
}

USER_RESEARCH: LibraryCompetency = {
    "key": "user-research",
    "language": "en",
    "name": "User research",
    "description": (
        "Plans research that changes decisions; avoids leading questions; synthesises well."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet describe how you had learned from users in your past projects"
        ),
        "no": (
            "described research mostly as validating a finished design, with questions that "
            "pointed toward the answer"
        ),
        "mixed": (
            "ran sound interviews, but the link from the findings to your design decisions was "
            "less clear"
        ),
        "yes": (
            "planned research around a clear question, avoided leading questions and showed how "
            "the findings changed your design"
        ),
        "strong_yes": (
            "chose the right method for each question, synthesised the findings rigorously and "
            "showed how they changed the product's direction"
        ),
    },
    "tips": [
        (
            "Erika Hall's *Just Enough Research* is a short guide to choosing the right method for "
            "the question."
        ),
        (
            "Rob Fitzpatrick's *The Mom Test* is excellent on asking questions that do not lead "
            "the answer."
        ),
    ],
}

STORYTELLING: LibraryCompetency = {
    "key": "storytelling",
    "language": "en",
    "name": "Data storytelling",
    "description": (
        "Turns analysis into a clear recommendation; picks the right chart; knows the audience."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "presented the numbers without yet drawing a conclusion from them",
        "no": "showed many charts, but the main finding and what to do about it were hard to find",
        "mixed": (
            "reached a sound conclusion, but the charts made it harder to see than it needed to be"
        ),
        "yes": "led with a clear recommendation and supported it with a few well-chosen charts",
        "strong_yes": (
            "told a clear story from question to recommendation, anticipated the objections and "
            "tailored the detail to the audience"
        ),
    },
    "tips": [
        (
            "Cole Nussbaumer Knaflic's *Storytelling with Data* is a short, practical book on "
            "choosing charts and removing clutter."
        ),
        (
            "Write the one-sentence recommendation before making any chart, then keep only the "
            "charts that support it."
        ),
    ],
}

DIFFICULT_CONVERSATIONS: LibraryCompetency = {
    "key": "difficult-conversations",
    "language": "en",
    "name": "Handling difficult conversations",
    "description": (
        "Stays calm and clear under pressure: acknowledges, takes ownership, finds a way forward."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "did not yet find a way through the difficult conversation in the role play"
        ),
        "no": "moved quickly to defending the product before acknowledging the customer's concern",
        "mixed": "acknowledged the concern well, but the next steps you offered were vague",
        "yes": (
            "acknowledged the concern, stayed clear about what you could and could not offer, and "
            "agreed concrete next steps"
        ),
        "strong_yes": (
            "kept the role play calm and clear, turned a frustrated customer into a joint plan and "
            "confirmed it in writing"
        ),
    },
    "tips": [
        (
            "*Difficult Conversations* by Douglas Stone, Bruce Patton and Sheila Heen gives a "
            "clear structure for conversations like the role play."
        ),
        (
            "Practise ending every tense call with a summary of what each side will do next, and "
            "by when."
        ),
    ],
}

DISCOVERY: LibraryCompetency = {
    "key": "discovery",
    "language": "en",
    "name": "Discovery",
    "description": (
        "Uncovers the buyer's problem, its impact and the decision process before pitching."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "moved into the product demo before asking about the buyer's situation",
        "no": (
            "asked some questions, but mostly about features rather than the buyer's problem and "
            "its impact"
        ),
        "mixed": "uncovered the buyer's main problem, but not yet who decides or on what timeline",
        "yes": (
            "asked open questions that uncovered the problem, its cost to the business and who "
            "would decide"
        ),
        "strong_yes": (
            "ran a discovery that uncovered the business impact, the decision process and a "
            "competing priority the buyer had not mentioned"
        ),
    },
    "tips": [
        (
            "Neil Rackham's *SPIN Selling* is still the best book on discovery questions that "
            "uncover impact."
        ),
        (
            "Before each call, write down the three things you need to learn, and check afterwards "
            "which ones you actually learned."
        ),
    ],
}


# --- French ------------------------------------------------------------------------------------

COMMUNICATION_FR: LibraryCompetency = {
    "key": "fr-communication",
    "language": "fr",
    "name": "Communication écrite et orale",
    "description": (
        "S'exprime clairement à l'écrit comme à l'oral et adapte son discours à l'interlocuteur."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore réussi à faire passer vos idées principales, et nous avons souvent "
            "dû vous demander de préciser"
        ),
        "no": "avez donné des réponses parfois difficiles à suivre, où l'essentiel arrivait tard",
        "mixed": (
            "avez expliqué clairement certains sujets, mais vos réponses longues perdaient le fil"
        ),
        "yes": (
            "avez présenté votre raisonnement dans un ordre clair en vérifiant que nous suivions"
        ),
        "strong_yes": (
            "avez rendu simples des sujets complexes, ajusté le niveau de détail à votre "
            "interlocuteur et écouté attentivement chaque question"
        ),
    },
    "tips": [
        (
            "Essayez de répondre d'abord et d'expliquer ensuite : une phrase de conclusion, puis "
            "deux ou trois arguments. *The Pyramid Principle* de Barbara Minto reste la référence "
            "sur le sujet."
        ),
        (
            "Après une longue explication, demandez quelle partie votre interlocuteur souhaite "
            "approfondir plutôt que de tout couvrir."
        ),
    ],
}

TEAMWORK_FR: LibraryCompetency = {
    "key": "fr-teamwork",
    "language": "fr",
    "name": "Travail en équipe",
    "description": (
        "Travaille bien avec les autres métiers, partage le contexte, sait gérer un désaccord."
    ),
    "weight": 1,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore donné d'exemple de travail partagé ou de désaccord résolu avec "
            "d'autres"
        ),
        "no": (
            "avez surtout décrit votre travail comme un effort individuel, sans dire comment vous "
            "vous appuyiez sur les autres"
        ),
        "mixed": (
            "avez donné de bons exemples d'entraide, mais moins sur la façon dont vous dépassez un "
            "désaccord"
        ),
        "yes": (
            "avez décrit concrètement comment vous partagez le contexte avec d'autres métiers et "
            "comment vous avez dépassé un désaccord"
        ),
        "strong_yes": (
            "avez montré comment vous rendez votre entourage plus efficace, avec des exemples "
            "précis de désaccords résolus"
        ),
    },
    "tips": [
        (
            "Préparez deux exemples de désaccord au travail : ce que chacun voulait, ce que vous "
            "avez fait et ce que vous feriez autrement. *Les mots sont des fenêtres (ou bien ce "
            "sont des murs)* de Marshall B. Rosenberg propose une méthode utile."
        ),
        (
            "Quand vous présentez un projet, citez les personnes impliquées et ce que vous "
            "attendiez d'elles : cela montre comment vous travaillez, pas seulement ce que vous "
            "avez livré."
        ),
    ],
}

PROBLEM_SOLVING_FR: LibraryCompetency = {
    "key": "fr-problem-solving",
    "language": "fr",
    "name": "Résolution de problèmes",
    "description": (
        "Décompose un problème nouveau, teste ses hypothèses et aboutit à une solution réaliste."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore trouvé d'approche qui fonctionne, malgré les pistes que nous vous "
            "avons proposées"
        ),
        "no": (
            "avez commencé à résoudre avant que le problème soit clair, et avez eu du mal à "
            "changer de piste"
        ),
        "mixed": (
            "avez abouti à une réponse raisonnable, mais il a fallu vous inviter à vérifier vos "
            "hypothèses"
        ),
        "yes": (
            "avez découpé le problème en étapes et testé votre approche sur un exemple concret "
            "avant de vous lancer"
        ),
        "strong_yes": (
            "avez cadré le problème avec précision, comparé plusieurs approches et repéré les cas "
            "limites avant nous"
        ),
    },
    "tips": [
        (
            "Avant de résoudre, reformulez le problème et traitez un petit exemple à la main ; "
            "*Comment poser et résoudre un problème* de George Pólya reste le meilleur guide de "
            "cette habitude."
        ),
        (
            "Quand vous bloquez, dites à voix haute quelle hypothèse vous testez ensuite : la "
            "personne en face peut alors vous suivre et vous aider."
        ),
    ],
}

PRIORITISATION_FR: LibraryCompetency = {
    "key": "fr-prioritisation",
    "language": "fr",
    "name": "Priorisation",
    "description": (
        "Choisit l'essentiel avec un temps limité, rend ses arbitrages explicites, sait dire non."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": "n'avez pas encore expliqué comment vous décidez par quoi commencer",
        "no": (
            "avez traité la plupart des tâches comme également urgentes, sans critère clair pour "
            "choisir"
        ),
        "mixed": (
            "avez priorisé de façon sensée dans l'exercice, mais vos arbitrages restaient "
            "implicites"
        ),
        "yes": (
            "avez classé le travail selon l'impact et l'effort, et expliqué ce que vous laisseriez "
            "de côté"
        ),
        "strong_yes": (
            "avez rendu vos arbitrages explicites, réduit le périmètre sans perdre l'objectif et "
            "expliqué comment vous partageriez la décision"
        ),
    },
    "tips": [
        (
            "Pour chaque tâche, notez le résultat qu'elle sert et ce qui se passe si elle attend "
            "un mois : celles qui n'ont pas de réponse claire peuvent attendre."
        ),
        (
            "Bloquez un moment chaque semaine pour revoir vos priorités par écrit avec votre "
            "manager ; *Essentialism* de Greg McKeown aide à dire non à ce qui est utile mais "
            "secondaire."
        ),
    ],
}

INTERVIEWING_FR: LibraryCompetency = {
    "key": "fr-interviewing",
    "language": "fr",
    "name": "Conduite d'entretien structuré",
    "description": (
        "Mène des entretiens structurés, équitables et documentés ; évalue sur des faits."
    ),
    "weight": 3,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore structuré l'entretien simulé autour des compétences du poste"
        ),
        "no": (
            "avez posé surtout des questions générales, sans grille commune ni demande d'exemples "
            "concrets"
        ),
        "mixed": (
            "avez posé de bonnes questions comportementales, mais vos notes restaient plus proches "
            "d'impressions que de faits"
        ),
        "yes": (
            "avez conduit un entretien structuré, demandé des exemples concrets et noté des faits "
            "plutôt que des impressions"
        ),
        "strong_yes": (
            "avez mené un entretien structuré et équitable, relancé avec justesse et rédigé une "
            "synthèse factuelle directement utilisable par le manager"
        ),
    },
    "tips": [
        (
            "Pratiquez la méthode STAR (situation, tâche, action, résultat) pour vos relances, et "
            "notez ce que la personne a fait plutôt que l'impression qu'elle vous a laissée."
        ),
        (
            "Relisez l'article L1132-1 du Code du travail et les guides du Défenseur des droits "
            "sur le recrutement sans discrimination : ils aident à bâtir des questions justes et "
            "comparables."
        ),
    ],
}

API_DESIGN_FR: LibraryCompetency = {
    "key": "fr-api-design",
    "language": "fr",
    "name": "Conception d'API",
    "description": (
        "Conçoit des API HTTP claires et évolutives : ressources, erreurs, pagination, versions."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore traduit le besoin en une API utilisable par une autre équipe"
        ),
        "no": (
            "avez conçu des routes qui couvraient le cas principal, sans traiter les erreurs, la "
            "pagination ni les évolutions"
        ),
        "mixed": (
            "avez défini des ressources claires, mais la gestion des erreurs et des versions "
            "restait floue"
        ),
        "yes": (
            "avez conçu des routes cohérentes, avec des erreurs explicites et une pagination "
            "réfléchie"
        ),
        "strong_yes": (
            "avez conçu une API cohérente, facile à faire évoluer et sûre à rejouer, en justifiant "
            "chaque choix du point de vue du client"
        ),
    },
    "tips": [
        (
            "Comparez vos conceptions avec un guide publié, comme les RESTful API Guidelines de "
            "Zalando ou les API Improvement Proposals de Google (aip.dev)."
        ),
        (
            "Lisez la RFC 9457 (Problem Details for HTTP APIs) et utilisez-la pour donner une "
            "forme cohérente à vos réponses d'erreur."
        ),
    ],
}

TESTING_FR: LibraryCompetency = {
    "key": "fr-testing",
    "language": "fr",
    "name": "Tests et qualité du code",
    "description": (
        "Écrit un code lisible et testé, choisit quoi tester et pourquoi, laisse un code facile à "
        "modifier."
    ),
    "weight": 2,
    "bar": "yes",
    "descriptors": {
        "definitely_not": (
            "n'avez pas encore écrit de tests pour l'exercice, et le code était difficile à suivre"
        ),
        "no": (
            "avez écrit un code qui fonctionnait pour le cas principal, mais avec peu de tests et "
            "une logique difficile à modifier"
        ),
        "mixed": (
            "avez écrit un code lisible avec quelques tests, mais ceux-ci manquaient les cas "
            "limites les plus importants"
        ),
        "yes": (
            "avez écrit un code clair et bien nommé, avec des tests couvrant les cas limites "
            "importants"
        ),
        "strong_yes": (
            "avez écrit un code propre et bien structuré, expliqué vos choix de tests et "
            "refactorisé sans risque quand le besoin a changé"
        ),
    },
    "tips": [
        (
            "La documentation de pytest sur les fixtures et sur parametrize aide à écrire des "
            "tests à la fois plus courts et plus complets."
        ),
        (
            "*Test-Driven Development: By Example* de Kent Beck est une introduction courte et "
            "pratique à l'écriture du test avant le code."
        ),
    ],
}


COMPETENCY_LIBRARY: list[LibraryCompetency] = [
    COMMUNICATION,
    PROBLEM_SOLVING,
    COLLABORATION,
    PRIORITISATION,
    STAKEHOLDERS,
    MENTORING,
    CODE_QUALITY,
    API_DESIGN,
    DISTRIBUTED_SYSTEMS,
    OBSERVABILITY,
    INCIDENT_RESPONSE,
    ACCESSIBILITY,
    INTERACTION_DESIGN,
    USER_RESEARCH,
    STORYTELLING,
    DIFFICULT_CONVERSATIONS,
    DISCOVERY,
    COMMUNICATION_FR,
    TEAMWORK_FR,
    PROBLEM_SOLVING_FR,
    PRIORITISATION_FR,
    INTERVIEWING_FR,
    API_DESIGN_FR,
    TESTING_FR,
]
