"""Candidates' questions and recruiters' answers."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import User
from heardback.accounts.services import audit
from heardback.core import mail
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.hiring.models import Application
from heardback.outbox import delivery
from heardback.outbox.services import email_enqueue
from heardback.portal.models import (
    ANSWER_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    CandidateLink,
    PortalQuestion,
)
from heardback.portal.services.common import (
    CANDIDATE_VIA,
    OPEN_QUESTIONS_MAX,
    PortalError,
    clean_text,
)
from heardback.portal.services.emails import candidate_email_enqueue, recruiter_mailbox
from heardback.portal.texts import texts_for


@transaction.atomic
def portal_question_ask(*, link: CandidateLink, body: str) -> PortalQuestion:
    """Put a candidate's question in the recruiters' queue and tell the job's recruiter."""
    body = clean_text(body)
    if not body:
        raise PortalError("question_empty")
    if len(body) > QUESTION_MAX_LENGTH:
        raise PortalError("question_too_long", max=QUESTION_MAX_LENGTH)
    application = link.application
    list(Application.objects.select_for_update().filter(pk=application.pk).values_list("pk"))
    waiting = PortalQuestion.objects.filter(application=application, answered_at__isnull=True)
    if waiting.count() >= OPEN_QUESTIONS_MAX:
        raise PortalError("question_too_many", max=OPEN_QUESTIONS_MAX)
    question = PortalQuestion.objects.create(
        organization_id=application.organization_id, application=application, body=body
    )
    audit(
        organization=application.organization,
        actor=None,
        action="portal.question_ask",
        obj=question,
        application=application.pk,
        via=CANDIDATE_VIA,
    )
    recruiter = application.job.recruiter
    if recruiter is not None:
        subject, text, html = mail.render_email(
            "portal/emails/question",
            recruiter.language,
            {
                "question": question,
                "application": application,
                "url": f"{settings.HEARDBACK_BASE_URL}/questions/#question-{question.pk}",
            },
        )
        email_enqueue(
            organization=application.organization,
            to=delivery.mailbox(recruiter.full_name, recruiter.email, field="to"),
            subject=subject,
            text=text,
            html=html,
            reply_to=None,
            idempotency_key=f"portal_question:{question.pk}",
            kind="portal_question",
        )
    return question


@transaction.atomic
def portal_question_answer(*, actor: User, question: PortalQuestion, answer: str) -> PortalQuestion:
    """Answer a candidate's question: shown on their page, emailed to them with their link."""
    answer = clean_text(answer)
    if not answer:
        raise ValidationError({"answer": _("Write an answer first.")})
    if len(answer) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            {"answer": _("Answers are at most %(max)d characters.") % {"max": ANSWER_MAX_LENGTH}}
        )
    now = timezone.now()
    if not PortalQuestion.objects.filter(pk=question.pk, answered_at__isnull=True).update(
        answer=answer, answered_at=now, answered_by=actor
    ):
        raise ValidationError(_("This question has already been answered."))
    question.refresh_from_db()
    application = Application.objects.select_related(
        "organization", "candidate", "job__recruiter"
    ).get(pk=question.application_id)
    audit(
        organization=application.organization,
        actor=actor,
        action="portal.question_answer",
        obj=question,
        application=application.pk,
    )
    t = texts_for(application.candidate.language)
    candidate_email_enqueue(
        application=application,
        name="answer",
        context={
            "subject": t["email_answer_subject"].format(job=application.job.title),
            "intro": t["email_answer_intro"].format(recruiter=actor.full_name or actor.email),
            "question": question,
            "url": PORTAL_URL_PLACEHOLDER,  # filled with the candidate's live link at delivery
        },
        key=f"portal_answer:{question.pk}",
        reply_to=recruiter_mailbox(application, fallback=actor),
        kind="portal_answer",
    )
    return question
