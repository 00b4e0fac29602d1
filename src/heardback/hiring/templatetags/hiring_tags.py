from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def lookup(mapping: object, key: object) -> object:
    """`{{ mapping|lookup:key }}`: a dict value by a variable key ('' when absent)."""
    if hasattr(mapping, "get"):
        return mapping.get(key, "") or mapping.get(str(key), "")
    return ""
