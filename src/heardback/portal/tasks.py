"""Background tasks of the portal (Django Tasks API; `heardback worker` runs them)."""

from __future__ import annotations

from django_tasks import task

from heardback.portal.services import candidate_link_reissue_request


@task()
def link_reissue(email: str) -> int:
    """Email a link to each application of this address (the form only queued the request,
    the same work for an address we know and one we do not, so timing tells nothing)."""
    return candidate_link_reissue_request(email=email)
