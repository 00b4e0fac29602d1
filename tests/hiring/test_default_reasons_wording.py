"""The default reasons' explanations read after the note's decision sentence: they say why,
not the decision again (found by the fourth API reading)."""

from __future__ import annotations

from heardback.hiring.reason_services import default_reasons


def test_the_french_paused_explanation_does_not_repeat_the_decision():
    """« Nous ne pourrons pas donner suite à votre candidature… Le recrutement sur ce poste est
    suspendu ; nous ne pouvons donc pas donner suite à votre candidature pour le moment. »"""
    (paused,) = [r for r in default_reasons() if r.name == "Hiring paused"]
    assert "suspendu" in paused.explanation_fr
    assert "donner suite" not in paused.explanation_fr
