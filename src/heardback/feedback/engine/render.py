"""Blocks of sentences -> the plain-text and the HTML body of a note, in one pass."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Final, Literal, NamedTuple

from heardback.feedback.engine.types import Sentence

WIDTH: Final = 72

Style = Literal["paragraph", "list", "item", "lines"]


class Block(NamedTuple):
    """A paragraph, a bulleted list (one sentence per bullet), one bullet of several sentences
    (consecutive "item" blocks make one list) or lines kept as they are."""

    sentences: tuple[Sentence, ...]
    style: Style = "paragraph"


def render(
    blocks: Sequence[Block], language: str, link: str = "", *, texts: Sequence[str] = ()
) -> tuple[str, str]:
    """The plain text and the HTML of the same blocks.

    Text: wrapped paragraphs, "- " bullets, blank lines between blocks. HTML: escaped,
    semantic <p>, <ul><li>, <br> in the signature; `link` becomes an <a>. `texts`: the
    sentences' texts in order, when the caller has them already.
    """
    # Data and phrasebook alike are escaped whole: the only markup is the one added here.
    # Quotes matter only inside attributes, and the two attributes written here (lang, href)
    # are escaped fully; in text, &, < and > are enough. Sentences never hold a line break
    # (every piece of data is tidied to one line), so the whole note is escaped in one call
    # and split back into its sentences.
    if not texts:
        texts = [s.text for block in blocks for s in block.sentences]
    escaped = _escape_text("\n".join(texts)).split("\n")
    if len(escaped) != len(texts):  # a line break after all: escape one by one
        escaped = [_escape_text(t) for t in texts]
    # Only a sentence holding * or ` can hold emphasis (every pattern needs one): the others,
    # most of them, are kept as they are rather than run through six substitutions each.
    marked = [i for i, t in enumerate(texts) if "*" in t or "`" in t]
    if marked:
        plain_texts = list(texts)
        for i in marked:
            escaped[i] = _emphasis_html(escaped[i])
            plain_texts[i] = _emphasis_text(plain_texts[i])
        texts = plain_texts
    plain: list[str] = []
    html = [_opening(language)]
    start = 0
    previous: Style = "paragraph"
    for sentences, style in blocks:
        end = start + len(sentences)
        if style == "item":
            item = "- " + "\n  ".join(_ITEM_LINE.findall(" ".join(texts[start:end])))
            li = "<li>" + " ".join(escaped[start:end]) + "</li>"
            if previous == "item":
                plain[-1] += "\n" + item
                html[-1] = html[-1].removesuffix("</ul>") + li + "</ul>"
            else:
                plain.append(item)
                html.append("<ul>" + li + "</ul>")
        elif style == "list":
            items = ["- " + "\n  ".join(_ITEM_LINE.findall(t)) for t in texts[start:end]]
            plain.append("\n".join(items))
            html.append("<ul><li>" + "</li><li>".join(escaped[start:end]) + "</li></ul>")
        elif style == "lines":
            plain.append("\n".join(texts[start:end]))
            html.append("<p>" + "<br>".join(escaped[start:end]) + "</p>")
        else:
            plain.append(wrap(" ".join(texts[start:end])))
            html.append("<p>" + " ".join(escaped[start:end]) + "</p>")
        start = end
        previous = style
    html.append("</div>\n")
    body = "\n".join(html)
    if link.startswith(("https://", "http://")):
        body = body.replace(*_anchor(link))
    return "\n\n".join(plain) + "\n", body


def _escape_text(text: str) -> str:
    """html.escape(text, quote=False), looking before replacing: most notes hold no & < >."""
    # `in` finds a character with memchr; replace() counts it one character at a time.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


# Emphasis as the rubric's authors write it: **strong**, *emphasis*, `code`. In the HTML it
# becomes the element; in the text the symbols go (a mail client would show them literally).
_STRONG: Final = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_CODE: Final = re.compile(r"`([^`]+)`")


def _emphasis_html(text: str) -> str:
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _STRONG.sub(r"<strong>\1</strong>", text)
    return _EM.sub(r"<em>\1</em>", text)


def _emphasis_text(text: str) -> str:
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    return _EM.sub(r"\1", text)


@lru_cache(maxsize=16)
def _opening(language: str) -> str:
    return f'<div lang="{escape(language)}">'


@lru_cache(maxsize=1024)
def _anchor(link: str) -> tuple[str, str]:
    """The link as it reads in the escaped text, and as an <a> element."""
    text = _escape_text(link)
    return text, f'<a href="{escape(link)}">{text}</a>'


# One line: as many characters as fit before a space (or a single word longer than the line),
# without the spaces where it breaks.
_LINE: Final = re.compile(rf"(.{{0,{WIDTH - 1}}}[^ ](?= |$)|[^ ]+) *")
_ITEM_LINE: Final = re.compile(rf"(.{{0,{WIDTH - 3}}}[^ ](?= |$)|[^ ]+) *")


def wrap(text: str) -> str:
    """Greedy word wrap at WIDTH on plain spaces: a no-break space never breaks a line."""
    if len(text) <= WIDTH:
        return text
    return "\n".join(_LINE.findall(text))


# A line break the renderer made inside a paragraph or a bullet (not a blank line, not the
# start of a bullet): the guard must read through it as through a space. Spelled with the
# line break first and the "not after another one" looking back from it, so the regex engine
# jumps from line break to line break instead of trying the lookbehind at every character
# (a third of the time on a note; a test holds it to the lookbehind-first spelling).
_SOFT_BREAK: Final = re.compile(r"\n(?<!\n\n)(?!\n|- )")


def unwrapped(text: str) -> str:
    """`text` as the guard should read it: a line wrapped inside a paragraph or a bullet is not
    a new one ("… is a\n  short, hands-on introduction" is one sentence). Same length, so a
    finding's span still points into `text`."""
    return _SOFT_BREAK.sub(" ", text)
