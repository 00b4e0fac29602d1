from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, reverse

from heardback.feedback.engine.guard import Finding
from heardback.hiring import candidate_safety

register = template.Library()


@register.filter
def lookup(mapping: object, key: object) -> object:
    """`{{ mapping|lookup:key }}`: a dict value by a variable key ('' when absent)."""
    if hasattr(mapping, "get"):
        return mapping.get(key, "") or mapping.get(str(key), "")
    return ""


@functools.lru_cache(maxsize=64)
def _pk_url_prefix(name: str, script_prefix: str) -> str:
    url = reverse(name, args=[0])  # under `script_prefix`, which reverse() reads itself
    if not url.endswith("/0/"):
        raise ValueError(f"{name} is not a URL of the form …/<pk>/")
    return url[:-2]


def pk_url_prefix(name: str) -> str:
    """The URL of a …/<pk>/ route up to the pk (`{prefix}{pk}/`), for HTML built in Python."""
    return _pk_url_prefix(name, get_script_prefix())


@register.simple_tag
def pk_url(name: str, pk: int) -> str:
    """`{% pk_url 'hiring:application-detail' a.pk %}`: `{% url %}` for a …/<pk>/ route.

    A board lists hundreds of cards, and reverse() cost a fifth of the page: this resolves
    the route once per process and only appends the pk.
    """
    return f"{_pk_url_prefix(name, get_script_prefix())}{int(pk)}/"


@register.simple_tag
def guard_block(text: str, lang: str = "en") -> Finding | None:
    """`{% guard_block comment lang as blocked %}`: the guard's first block finding in a comment
    the candidate may read, or None. Checked on every display, so a change of the rules shows;
    only the texts a page shows are checked."""
    blocks = candidate_safety.comment_blocks(text, lang=lang)
    return blocks[0] if blocks else None


@register.simple_tag
def guard_findings(text: str, lang: str = "en") -> list[tuple[Finding, str]]:
    """`{% guard_findings comment lang as findings %}`: every finding of the guard in a comment
    the candidate may read, with the words it is about (what the live guard shows)."""
    return [(f, text[f.start : f.end]) for f in candidate_safety.comment_findings(text, lang=lang)]
