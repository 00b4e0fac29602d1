"""The portal speaks English and French completely, and every text a template asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from heardback.portal.texts import LANGUAGES, TEXTS

TEMPLATES = Path(__file__).resolve().parents[2] / "src/heardback/templates/portal"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_and_french_have_the_same_texts_with_the_same_placeholders() -> None:
    assert set(TEXTS) == set(LANGUAGES) == {"en", "fr"}
    assert TEXTS["en"].keys() == TEXTS["fr"].keys()
    for key, english in TEXTS["en"].items():
        assert placeholders(english) == placeholders(TEXTS["fr"][key]), key
        assert TEXTS["fr"][key].strip(), key


def test_every_text_the_templates_use_exists() -> None:
    used: set[str] = set()
    for template in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r"\bt\.(\w+)", template.read_text()))
    used |= {f"status_{s}" for s in ("active", "rejected", "hired", "withdrawn")}
    used |= {f"consent_{k}" for k in ("other_roles", "partners")}
    used |= {f"done_{d}" for d in ("question", "rating", "survey", "consent", "erasure")}

    assert used - TEXTS["en"].keys() == set()


def test_every_next_step_and_event_has_a_text() -> None:
    source = (TEMPLATES.parents[1] / "portal/selectors.py").read_text()
    keys = set(re.findall(r'"((?:next|event)_\w+)"', source))

    assert keys and keys - TEXTS["en"].keys() == set()
