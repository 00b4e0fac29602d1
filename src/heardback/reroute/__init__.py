"""Re-routing: other open roles that fit a candidate not hired, and the talent pool.

May import: closure, portal, integrations and everything below (`[tool.importlinter]`).
"""
