"""Each role's capabilities, as the product promises them."""

from __future__ import annotations

import pytest

from heardback.accounts.models import Membership
from heardback.accounts.roles import Capability, can, roles_with
from heardback.api.scopes import ROLE_SCOPES

Role = Membership.Role


def test_only_admins_manage_members() -> None:
    assert roles_with(Capability.MANAGE_MEMBERS) == {Role.ADMIN}


def test_admins_and_recruiters_import_and_edit_every_rubric() -> None:
    assert roles_with(Capability.IMPORT_DATA) == {Role.ADMIN, Role.RECRUITER}
    assert roles_with(Capability.EDIT_RUBRICS) == {Role.ADMIN, Role.RECRUITER}


@pytest.mark.parametrize(
    "capability",
    [Capability.VIEW_CANDIDATES, Capability.DECIDE_REJECTIONS, Capability.SEND_NOTES],
)
def test_interviewers_neither_see_every_candidate_nor_decide_nor_send(
    capability: Capability,
) -> None:
    assert roles_with(capability) == {Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER}


def test_every_member_fills_their_scorecards_and_no_one_else_does_anything() -> None:
    assert roles_with(Capability.FILL_SCORECARDS) == set(Role.values)
    assert not any(can(None, capability) for capability in Capability)
    assert not any(can("", capability) for capability in Capability)


def test_a_membership_grants_its_roles_capabilities() -> None:
    assert can(Membership(role=Role.HIRING_MANAGER), Capability.SEND_NOTES)
    assert not can(Membership(role=Role.INTERVIEWER), Capability.SEND_NOTES)


def test_a_key_reaches_only_what_its_persons_role_may_do() -> None:
    assert ROLE_SCOPES[Role.ADMIN] == ROLE_SCOPES[Role.RECRUITER] == {
        "read", "write:hiring", "write:feedback", "imports",
    }  # fmt: skip
    assert ROLE_SCOPES[Role.HIRING_MANAGER] == {"read", "write:hiring", "write:feedback"}
    assert ROLE_SCOPES[Role.INTERVIEWER] == frozenset()
