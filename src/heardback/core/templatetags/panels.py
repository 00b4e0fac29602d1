"""`{% panels "slot" obj %}`: the panels higher apps registered for this slot (core/panels.py)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from heardback.core import panels as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context: Any, slot: str, obj: Any = None) -> SafeString:
    # Each panel renders its own template, which escapes what it shows.
    return mark_safe("".join(panel(context, obj) for panel in registry.panels(slot)))  # noqa: S308
