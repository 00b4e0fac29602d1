"""The notes' "matching open roles" come from the re-routing ranking (engine.fit)."""

from __future__ import annotations

import pytest

from heardback.feedback.inputs import applications_for_notes, note_inputs
from heardback.hiring.models import Job
from tests.reroute.builders import world

pytestmark = pytest.mark.django_db


def test_a_go_backend_candidate_is_offered_the_backend_role_never_the_frontend_one() -> None:
    w = world()
    (inp,) = note_inputs(w.org, applications_for_notes([w.application.pk]))
    assert [r.title for r in inp.open_roles] == [w.backend.title]
    assert inp.open_roles[0].explanation.startswith("Strong in Go, API design")
    assert "below its bar in nothing" in inp.open_roles[0].explanation


def test_a_closed_role_is_not_suggested() -> None:
    w = world()
    Job.objects.filter(pk=w.backend.pk).update(status=Job.Status.CLOSED)
    (inp,) = note_inputs(w.org, applications_for_notes([w.application.pk]))
    assert inp.open_roles == ()
