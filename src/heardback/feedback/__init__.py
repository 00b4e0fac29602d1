"""Feedback notes: drafted by the pure engine (`engine/`), reviewed, approved and sent.

Owns `FeedbackNote` and its life: drafting (`services`, `inputs`), review reasons (`review`),
queueing approved notes in the outbox and following their delivery (`sending`, whose listener
`FeedbackConfig.ready()` registers with `outbox.listeners`).

May import: outbox, hiring, accounts, core; `engine/` imports no Django (`[tool.importlinter]`).
"""
