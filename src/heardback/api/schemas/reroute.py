"""Re-routing suggestions and the partner network: partnerships, the pool, invitations.

A partner's view of a candidate (`ProfileOut`) has no name, email, phone or interviewer's
text by construction: the schema has no field that could hold them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from heardback.api.schemas.base import InputSchema, Line, Name

InvitationStatus = Literal["sent", "accepted", "declined"]

# --- Suggestions ----------------------------------------------------------------------------


class SuggestionFilters(Schema):
    limit: int = Field(3, ge=1, le=20, description="Suggestions to return (at most 20).")


class SuggestionOut(Schema):
    job_id: int
    job_title: str
    family: str
    level: int | None
    score: float = Field(description="0..1, the ranking's score: higher fits better.")
    strong: list[str] = Field(
        description="The job's competencies the candidate is strong in, heaviest first."
    )
    below: list[str] = Field(description="The job's competencies rated below its bar.")
    unassessed: list[str] = Field(description="The job's competencies nobody rated.")
    same_family: bool
    explanation: str = Field(description="Why it fits, in words the candidate may read.")
    invitation: InvitationStatus | None = Field(
        description="The candidate's invitation to this job, if one was sent."
    )


class SuggestionList(Schema):
    items: list[SuggestionOut]


class RoleInvitationOut(Schema):
    id: int
    application_id: int = Field(description="The application the candidate was not hired from.")
    job_id: int
    status: InvitationStatus
    explanation: str
    created_at: dt.datetime


class MovedOut(Schema):
    application_id: int = Field(description="The new application, in the job's pipeline.")
    job_id: int
    source_application_id: int


# --- Partnerships ---------------------------------------------------------------------------


class OrganizationRefOut(Schema):
    slug: str
    name: str


class PartnershipOut(Schema):
    id: int
    proposer: OrganizationRefOut
    partner: OrganizationRefOut
    status: Literal["proposed", "live", "ended"]
    proposed_at: dt.datetime
    accepted_at: dt.datetime | None
    ended_at: dt.datetime | None


class PartnershipPage(Schema):
    items: list[PartnershipOut]
    next: str | None


class PartnershipIn(InputSchema):
    slug: Name = Field(description="The identifier of the organization to propose to.")


# --- The partner pool -----------------------------------------------------------------------


class PoolFilters(Schema):
    q: Line = Field("", description="Keep profiles with a strength, family or location like it.")


class ProfileOut(Schema):
    id: int = Field(description="The profile's id: it changes when consent is given anew.")
    home: OrganizationRefOut = Field(description="The partner organization the candidate is of.")
    family: str
    strengths: list[str] = Field(description="Competencies rated strong, in the rubric's words.")
    location: str
    languages: str
    consent_expires_at: dt.datetime
    invitation: InvitationStatus | None = Field(description="Your invitation, if you sent one.")


class ProfileList(Schema):
    items: list[ProfileOut]


class PartnerInviteIn(InputSchema):
    job_title: Name = Field(description="The role you are inviting the candidate to talk about.")
    message: str = Field("", max_length=1000, description="A short message to the candidate.")


class PartnerInvitationOut(Schema):
    id: int
    profile_id: int | None
    job_title: str
    status: InvitationStatus
    created_at: dt.datetime
