"""Partners: partnerships between organizations, shared pools, invitations.

May import: reroute and everything below (`[tool.importlinter]`).
"""
