"""What apps above hiring add to the application page: a registry filled at start-up.

Hiring sits below feedback, so its application page may not import the notes: the feedback
app registers what it shows there (the current notes, and why a draft needs a person's
review) in `FeedbackConfig.ready()`, as `core.periodic` takes the apps' sweeps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from heardback.hiring.models import Application

# An application → the names and values it adds to the application page's template context.
ContextProvider = Callable[[Application], Mapping[str, Any]]

_providers: dict[str, ContextProvider] = {}


def register(name: str, provider: ContextProvider) -> None:
    """Add `provider`'s context to every application page (once per name)."""
    _providers[name] = provider


def application_page_context(application: Application) -> dict[str, Any]:
    """What the registered apps add to this application's page."""
    context: dict[str, Any] = {}
    for provider in _providers.values():
        context.update(provider(application))
    return context
