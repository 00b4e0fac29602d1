"""Integrations: importers (Greenhouse, Lever, CSV…) into one `Bundle`, exports, import runs.

May import: feedback, outbox, hiring, accounts, core; not closure or portal, its siblings
(`[tool.importlinter]`).
"""
