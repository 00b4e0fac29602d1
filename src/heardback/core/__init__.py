"""Core: the utilities below every app and the registries that let a lower app reach a higher
one (`periodic`, `panels`, `mail`, `links`): docs/architecture.md.

The utilities import no app (`[tool.importlinter]`).
"""
