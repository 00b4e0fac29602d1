"""Accounts: organizations and their policies, people, memberships, roles, invitations, audit log.

Owns who may do what (`roles`: capabilities per role), the organization's settings pages for
its own data (`settings_views`) and what every settings page shares (`web`). Other apps'
settings pages and sections plug in: their own views, or a panel in the `accounts.settings`
slot. Emails go out through `core.mail`, which the outbox registers.

May import: core only; it is the bottom layer (`[tool.importlinter]`, docs/architecture.md).
"""
