"""Hiring: jobs, rubrics, candidates, applications, interviews, scorecards, rejection reasons.

Owns the pipeline and what interviewers write; the application page shows other apps' parts
through `hiring.panels` and `core.panels`, which they register at start-up.

May import: accounts, core, and two pure cores of higher apps (the guard,
`feedback.engine.guard`; the business calendar, `closure.calendar`): `[tool.importlinter]`.
"""
