"""Panels a higher app adds to a lower app's page: a tiny registry.

A page of a lower app (the application page in hiring, the feedback queue, the candidate's
portal page) names a slot with `{% load panels %}{% panels "hiring.application" obj %}`; an
app above it registers what to show there in its `AppConfig.ready()`, so that the lower app
never imports the higher one (docs/architecture.md). A panel gets the template's context and
the object, and returns HTML it has escaped itself (normally `render_to_string`), or "".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Panel = Callable[[Any, Any], str]

_registry: dict[str, dict[str, Panel]] = {}


def register(slot: str, name: str, panel: Panel) -> None:
    """Show `panel(context, obj)` in `slot`; one name per panel, so reloading replaces it."""
    _registry.setdefault(slot, {})[name] = panel


def panels(slot: str) -> list[Panel]:
    """The panels of `slot`, by name."""
    return [panel for _, panel in sorted(_registry.get(slot, {}).items())]
