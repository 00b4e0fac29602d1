"""Blocks of sentences -> the plain-text and the HTML body of a note."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Final, Literal, NamedTuple

from heardback.feedback.engine.types import Sentence

WIDTH: Final = 72

Style = Literal["paragraph", "list", "lines"]


class Block(NamedTuple):
    """A paragraph, a bulleted list (one sentence per bullet) or lines kept as they are."""

    sentences: tuple[Sentence, ...]
    style: Style = "paragraph"


def render_text(blocks: Sequence[Block]) -> str:
    """Wrapped paragraphs, "- " bullets, blank lines between blocks."""
    parts: list[str] = []
    for block in blocks:
        if block.style == "list":
            parts.append("\n".join(_bullet(s.text) for s in block.sentences))
        elif block.style == "lines":
            parts.append("\n".join(s.text for s in block.sentences))
        else:
            parts.append("\n".join(wrap(" ".join(s.text for s in block.sentences))))
    return "\n\n".join(parts) + "\n"


def render_html(blocks: Sequence[Block], language: str, link: str = "") -> str:
    """Escaped, semantic HTML: <p>, <ul><li>, <br> in the signature; `link` becomes an <a>."""
    # Data and phrasebook alike are escaped whole: the only markup is the one added here.
    parts = [f'<div lang="{escape(language)}">']
    for block in blocks:
        texts = [s.text for s in block.sentences]
        if block.style == "list":
            parts.append("<ul><li>" + "</li><li>".join(map(escape, texts)) + "</li></ul>")
        elif block.style == "lines":
            parts.append("<p>" + "<br>".join(map(escape, texts)) + "</p>")
        else:
            parts.append("<p>" + escape(" ".join(texts)) + "</p>")
    parts.append("</div>\n")
    html = "\n".join(parts)
    if link.startswith(("https://", "http://")):
        url = escape(link)
        html = html.replace(url, f'<a href="{url}">{url}</a>')
    return html


# One line: as many characters as fit before a space (or a single word longer than the line).
_LINE: Final = re.compile(rf"(?:.{{1,{WIDTH}}}(?= |$)|[^ ]+) *")
_ITEM_LINE: Final = re.compile(rf"(?:.{{1,{WIDTH - 2}}}(?= |$)|[^ ]+) *")


def wrap(text: str) -> list[str]:
    """Greedy word wrap at WIDTH on plain spaces: a no-break space never breaks a line."""
    if len(text) <= WIDTH:
        return [text]
    return [line.rstrip(" ") for line in _LINE.findall(text)]


def _bullet(text: str) -> str:
    lines = [line.rstrip(" ") for line in _ITEM_LINE.findall(text)]
    return "- " + "\n  ".join(lines)
