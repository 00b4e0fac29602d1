"""Closure: every open application's clock, reminders and escalations, holding updates.

Owns the closure policy (and its section of the general settings page, a panel), the clock's
pure rules (`clock`, `calendar`: no Django) and the sweep the worker runs (`core.periodic`).

May import: feedback, outbox, hiring, accounts, core; not portal or integrations, its
siblings (`[tool.importlinter]`).
"""
