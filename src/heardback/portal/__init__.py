"""Portal: the candidate's private page: status, next step, note, questions, consent, erasure.

Owns candidates' links and their secret; it registers the resolver the outbox asks for a
link's address as it sends (`outbox.links`).

May import: feedback, outbox, hiring, accounts, core; not closure or integrations, its
siblings (`[tool.importlinter]`).
"""
