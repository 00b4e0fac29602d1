from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def text(texts: dict[str, str], key: str) -> str:
    """`{{ t|text:key }}`: a portal text by a variable key ('' when there is none)."""
    return texts.get(str(key), "") if isinstance(texts, dict) else ""
