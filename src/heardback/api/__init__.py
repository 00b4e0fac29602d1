"""The REST API (django-ninja, /api/v1/): thin handlers over the apps' services; API keys.

Owns API keys and their scopes, and their settings page (`settings_views`, Settings → API
keys).

May import: partners and everything below (`[tool.importlinter]`).
"""
