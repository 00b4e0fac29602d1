"""The outbox: every email a row, delivered by workers exactly once (docs/delivery.md).

Owns `OutboundEmail` and its delivery: enqueue, claim, deliver, record (`services/`). It is
generic: an email has a `kind` and the `about_id` of what it is about, and the app that owns
the kind follows its emails through a listener it registers (`listeners`); candidates' links
come from the resolver the portal registers (`links`).

May import: hiring, accounts, core. Never feedback or any app above it (`[tool.importlinter]`).
"""
