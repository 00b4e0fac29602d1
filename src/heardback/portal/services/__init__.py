"""Candidate portal writes, one module per concern; callers import from here."""

from __future__ import annotations

from heardback.portal.services.common import (
    CANDIDATE_VIA,
    CONSENT_DAYS,
    CONSENT_MONTHS,
    ERASED_NAME,
    OPEN_QUESTIONS_MAX,
    REDACTED,
    PortalError,
    clean_text,
)
from heardback.portal.services.consents import consent_grant, consent_withdraw
from heardback.portal.services.erasure import (
    candidate_erase,
    erasure_request_confirm,
    erasure_request_create,
)
from heardback.portal.services.links import (
    FEED_FORMATS,
    candidate_link_feed_resolve,
    candidate_link_feed_url,
    candidate_link_issue,
    candidate_link_reissue_request,
    candidate_link_replace,
    candidate_link_resolve,
    candidate_link_revoke,
    candidate_link_token,
    candidate_link_url,
    candidate_link_urls,
    candidate_links_issue,
)
from heardback.portal.services.questions import portal_question_answer, portal_question_ask
from heardback.portal.services.ratings import feedback_rating_submit, survey_response_submit

__all__ = [
    "CANDIDATE_VIA",
    "CONSENT_DAYS",
    "CONSENT_MONTHS",
    "ERASED_NAME",
    "FEED_FORMATS",
    "OPEN_QUESTIONS_MAX",
    "REDACTED",
    "PortalError",
    "candidate_erase",
    "candidate_link_feed_resolve",
    "candidate_link_feed_url",
    "candidate_link_issue",
    "candidate_link_reissue_request",
    "candidate_link_replace",
    "candidate_link_resolve",
    "candidate_link_revoke",
    "candidate_link_token",
    "candidate_link_url",
    "candidate_link_urls",
    "candidate_links_issue",
    "clean_text",
    "consent_grant",
    "consent_withdraw",
    "erasure_request_confirm",
    "erasure_request_create",
    "feedback_rating_submit",
    "portal_question_answer",
    "portal_question_ask",
    "survey_response_submit",
]
