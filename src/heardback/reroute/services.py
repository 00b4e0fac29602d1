"""Writes for re-routing: invite a candidate not hired to another job, or move them into its
pipeline with their consent; the candidate answers an invitation on their page."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from heardback.accounts.models import User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.hiring.models import Application, Job
from heardback.hiring.services import application_create
from heardback.outbox import delivery
from heardback.outbox.models import OutboundEmail
from heardback.outbox.services import email_enqueue
from heardback.portal.models import CandidateLink
from heardback.portal.services.common import CANDIDATE_VIA, lock_candidate
from heardback.portal.services.emails import recruiter_mailbox
from heardback.reroute import selectors
from heardback.reroute.models import RoleInvitation


def _require_decider(actor: User, application: Application) -> None:
    if not user_can(
        user=actor, organization=application.organization, capability=Capability.DECIDE_REJECTIONS
    ):
        raise PermissionDenied


def _check_target(application: Application, job: Job) -> None:
    if job.organization_id != application.organization_id:
        raise ValidationError({"job": _("That job is not one of this organization's.")})
    if job.status != Job.Status.OPEN:
        raise ValidationError({"job": _("That job is not open.")})
    if application.status not in selectors.NOT_HIRED:
        raise ValidationError(_("Only a candidate who was not hired can be re-routed."))
    if Application.objects.filter(candidate_id=application.candidate_id, job=job).exists():
        raise ValidationError({"job": _("The candidate has already applied for that job.")})


def _explanation(application: Application, job: Job) -> str:
    for suggestion in selectors.suggestions_for([application], limit=50)[application.pk]:
        if suggestion.job.pk == job.pk:
            return suggestion.explanation
    return ""


def candidate_email(
    *, application: Application, template: str, context: dict[str, Any], key: str, kind: str
) -> OutboundEmail | None:
    """Queue templates/<template>.{subject.txt,txt,html} to the application's candidate, in
    their language, with the link to their page (filled by the outbox worker)."""
    candidate = application.candidate
    if not candidate.email:
        return None
    language = "fr" if candidate.language == "fr" else "en"
    context = {
        **context,
        "candidate": candidate,
        "organization": application.organization,
        "url": PORTAL_URL_PLACEHOLDER,
        "lang": language,
    }
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return email_enqueue(
        organization=application.organization,
        to=delivery.mailbox(candidate.full_name, candidate.email, field="to"),
        subject=" ".join(subject.split()),
        text=text,
        html=html,
        reply_to=recruiter_mailbox(application),
        idempotency_key=key,
        application=application,
        kind=kind,
    )


@transaction.atomic
def role_invite(*, actor: User, application: Application, job: Job) -> RoleInvitation:
    """Invite the candidate to apply for `job`: on their page and by email."""
    _require_decider(actor, application)
    _check_target(application, job)
    candidate = application.candidate
    if not candidate.email:
        raise ValidationError(_("The candidate has no email address to invite."))
    try:
        with transaction.atomic():
            invitation = RoleInvitation.objects.create(
                organization=application.organization,
                candidate=candidate,
                source=application,
                job=job,
                explanation=_explanation(application, job),
                invited_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("The candidate was already invited to that job.")) from None
    candidate_email(
        application=application,
        template="reroute/emails/role_invitation",
        context={"invitation": invitation, "job": job},
        key=f"reroute-role-invitation-{invitation.pk}",
        kind="reroute_invitation",
    )
    audit(
        organization=application.organization, actor=actor, action="reroute.role_invite",
        obj=invitation, application=application.pk, job=job.pk,
    )  # fmt: skip
    return invitation


@transaction.atomic
def role_move(*, actor: User, application: Application, job: Job) -> Application:
    """With the candidate's "other roles here" consent, apply them to `job` (a new application)."""
    _require_decider(actor, application)
    _check_target(application, job)
    candidate = application.candidate
    lock_candidate(candidate)
    if not selectors.has_other_roles_consent(candidate):
        raise ValidationError(
            _("The candidate has not agreed to be considered for other roles here.")
        )
    moved = application_create(
        actor=actor, candidate=candidate, job=job, source=f"re-routed from #{application.pk}"
    )
    audit(
        organization=application.organization, actor=actor, action="reroute.role_move",
        obj=moved, source=application.pk, job=job.pk,
    )  # fmt: skip
    return moved


@transaction.atomic
def role_invitation_respond(
    *, link: CandidateLink, invitation: RoleInvitation, accept: bool
) -> Application | None:
    """The candidate accepts (a new application for the job) or declines the invitation."""
    candidate = link.application.candidate
    lock_candidate(candidate)
    invitation = RoleInvitation.objects.select_related("job").get(pk=invitation.pk)
    if invitation.candidate_id != candidate.pk or invitation.status != RoleInvitation.Status.SENT:
        raise ValidationError("not_open")
    if accept and invitation.job.status != Job.Status.OPEN:
        raise ValidationError("job_closed")
    invitation.responded_at = timezone.now()
    invitation.status = RoleInvitation.Status.ACCEPTED if accept else RoleInvitation.Status.DECLINED
    if accept:
        invitation.application = application_create(
            actor=None, candidate=candidate, job=invitation.job,
            source=f"re-routed from #{invitation.source_id}",
        )  # fmt: skip
    invitation.save(update_fields=["status", "responded_at", "application"])
    audit(
        organization=link.organization, actor=None,
        action=f"reroute.role_invitation_{invitation.status}", obj=invitation, via=CANDIDATE_VIA,
    )  # fmt: skip
    return invitation.application
