"""Candidate pages (no account: the link's token is the credential) and the recruiters' queue."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from typing import Any

import icalendar
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from heardback.accounts.models import Organization
from heardback.accounts.web import AuthenticatedHttpRequest, decider_organization
from heardback.hiring.models import Candidate
from heardback.portal import selectors, services, throttle
from heardback.portal.models import (
    ANSWER_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    CandidateLink,
    SurveyResponse,
)
from heardback.portal.services.emails import zone_or_utc as time_zone
from heardback.portal.tasks import link_reissue
from heardback.portal.texts import LANGUAGES, TEXTS, language_or_default, texts_for

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
}
LANGUAGE_COOKIE = "portal_lang"
DONE = {"question", "rating", "survey", "consent", "erasure", "profile"}
# Answers to invitations (reroute/, partners/), shown by the same notice.
DONE |= {"role_accepted", "role_declined", "role_closed", "partner_accepted", "partner_declined"}

View = Callable[..., HttpResponse]


# --- Candidate side -----------------------------------------------------------------------


def portal_view(view: View) -> View:
    """Rate limit and strict headers around a candidate-facing view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if throttle.portal_lookup_allowed(request):
            response = view(request, *args, **kwargs)
        else:
            response = _render(request, "portal/too_many.html", {}, status=429)
            response["Retry-After"] = str(throttle.WINDOW_SECONDS)
        for name, value in SECURITY_HEADERS.items():
            response[name] = value
        # Django logs the path of every 4xx ("Bad Request: /p/<token>/questions/"): a live
        # token must not end up in the logs, so portal responses skip that log line.
        response._has_been_logged = True  # type: ignore[attr-defined]
        return response

    # The credential is the token in the address, not a cookie, so a page elsewhere cannot act
    # for the candidate without already holding it. And with Referrer-Policy: no-referrer,
    # browsers post forms with "Origin: null", which Django's CSRF check would refuse.
    return csrf_exempt(wrapper)


def with_link(view: View) -> View:
    """Resolve the token to a live link, or answer the one "link does not work" page."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponse:
        link = services.candidate_link_resolve(token)
        if link is None:
            # Unknown, malformed, expired, revoked: one page, byte for byte, so that nothing
            # tells a guesser which tokens once existed.
            return _render(request, "portal/not_found.html", {}, status=404)
        return view(request, link, token, **kwargs)

    return wrapper


def _language(request: HttpRequest, candidate: Candidate | None = None) -> str:
    for choice in (request.GET.get("lang"), request.COOKIES.get(LANGUAGE_COOKIE)):
        if choice in LANGUAGES:
            return str(choice)
    if candidate is not None:
        return language_or_default(candidate.language)
    return language_or_default(getattr(request, "LANGUAGE_CODE", None))


def _render(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    candidate: Candidate | None = None,
    organization: Organization | None = None,
    here: str = "",
    status: int = 200,
) -> HttpResponse:
    # No request context: portal pages must not touch the session or the CSRF cookie.
    language = _language(request, candidate)
    zone = time_zone(organization.time_zone if organization else settings.TIME_ZONE)
    context = {
        **context,
        "t": texts_for(language),
        "lang": language,
        "languages": [(code, TEXTS[code]["lang_name"]) for code in LANGUAGES],
        # The language switcher's target: the page itself, else the (token-free) link form.
        "here": here or reverse("portal:reissue"),
    }
    with translation.override(language), timezone.override(zone):
        response = HttpResponse(render_to_string(template, context), status=status)
    response["Content-Language"] = language
    if request.GET.get("lang") in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=365 * 24 * 3600,
            path="/p/",
            samesite="Lax",
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def _page(
    request: HttpRequest,
    link: CandidateLink,
    *,
    error: services.PortalError | None = None,
    section: str = "",
    status: int = 200,
) -> HttpResponse:
    token = services.candidate_link_token(link)
    page = selectors.portal_page(link=link, url=services.candidate_link_url(link))
    done = request.GET.get("done", "")
    language = _language(request, page.candidate)
    context = {
        "page": page,
        "token": token,
        "error": error.text(language) if error else "",
        "error_section": section,
        "posted": request.POST if error else {},
        "done": f"done_{done}" if done in DONE else "",
        "scores": range(1, 6),
        "survey_rows": [
            (q, f"survey_{q}", getattr(page.survey, q, None)) for q in SurveyResponse.QUESTIONS
        ],
        "feed_json": services.candidate_link_feed_url(link, "json"),
        "feed_ics": services.candidate_link_feed_url(link, "ics"),
        "question_max": QUESTION_MAX_LENGTH,
        "comment_max": COMMENT_MAX_LENGTH,
        "consent_explain": texts_for(language)["consent_explain"].format(
            months=services.CONSENT_MONTHS
        ),
    }
    return _render(
        request,
        "portal/application_page.html",
        context,
        candidate=page.candidate,
        organization=page.organization,
        here=reverse("portal:page", args=[token]),
        status=status,
    )


def _done(token: str, what: str, anchor: str) -> HttpResponse:
    return redirect(f"{reverse('portal:page', args=[token])}?done={what}#{anchor}")


def _acted(
    request: HttpRequest, link: CandidateLink, token: str, action: Callable[[], object], what: str
) -> HttpResponse:
    try:
        action()
    except services.PortalError as error:
        return _page(request, link, error=error, section=what, status=400)
    return _done(token, what, what)


@portal_view
@require_http_methods(["GET", "POST"])
def reissue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        address = services.clean_text(request.POST.get("email", ""))
        try:
            validate_email(address)
        except ValidationError:
            return _render(request, "portal/reissue.html", {"invalid": True}, status=400)
        link_reissue.enqueue(email=address)
        return redirect(f"{reverse('portal:reissue')}?sent=1")
    return _render(request, "portal/reissue.html", {"sent": request.GET.get("sent") == "1"})


@portal_view
@require_GET
@with_link
def application_page(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    return _page(request, link)


@portal_view
@require_POST
@with_link
def question_ask(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    body = request.POST.get("body", "")
    return _acted(
        request, link, token, lambda: services.portal_question_ask(link=link, body=body), "question"
    )


@portal_view
@require_POST
@with_link
def consent_set(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    kind, grant = request.POST.get("kind", ""), request.POST.get("action") == "grant"
    service = services.consent_grant if grant else services.consent_withdraw
    return _acted(request, link, token, lambda: service(link=link, kind=kind), "consent")


@portal_view
@require_POST
@with_link
def rating_submit(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    score, comment = request.POST.get("score"), request.POST.get("comment", "")
    return _acted(
        request,
        link,
        token,
        lambda: services.feedback_rating_submit(link=link, score=score, comment=comment),
        "rating",
    )


@portal_view
@require_POST
@with_link
def survey_submit(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    answers = {q: request.POST.get(q) for q in SurveyResponse.QUESTIONS}
    return _acted(
        request,
        link,
        token,
        lambda: services.survey_response_submit(link=link, answers=answers),
        "survey",
    )


@portal_view
@require_POST
@with_link
def erasure_request(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    return _acted(
        request, link, token, lambda: services.erasure_request_create(link=link), "erasure"
    )


@portal_view
@require_POST
@with_link
def link_replace(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    services.candidate_link_replace(link=link)
    return redirect(f"{reverse('portal:reissue')}?sent=1")


@portal_view
@require_GET
@with_link
def data_download(request: HttpRequest, link: CandidateLink, token: str) -> HttpResponse:
    data = selectors.candidate_data_export(
        candidate=link.application.candidate, urls=services.candidate_link_urls(link=link)
    )
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="my-application-data.json"'
    return response


# --- The status feed (read-only, for the candidate's calendar or job-search companion) ----


def _feed_or_404(
    request: HttpRequest, link_id: int, token: str, fmt: str
) -> tuple[CandidateLink | None, HttpResponse | None]:
    link = services.candidate_link_feed_resolve(link_id, token)
    if link is None or fmt not in services.FEED_FORMATS:
        # The same page, byte for byte, as a portal link that does not work.
        return None, _render(request, "portal/not_found.html", {}, status=404)
    return link, None


def _etagged(request: HttpRequest, body: bytes, content_type: str) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    return response


@portal_view
@require_GET
def feed(request: HttpRequest, link_id: int, token: str, fmt: str) -> HttpResponse:
    """The application's status feed as JSON or iCalendar; 304 when the ETag still matches."""
    link, missing = _feed_or_404(request, link_id, token, fmt)
    if link is None:
        assert missing is not None
        return missing
    data = selectors.portal_feed(link=link)
    if fmt == "json":
        body = json.dumps(data, indent=2, ensure_ascii=False).encode()
        return _etagged(request, body, "application/json")
    return _etagged(request, feed_calendar(data, uid=f"{link.pk}"), "text/calendar; charset=utf-8")


def feed_calendar(data: dict[str, Any], *, uid: str) -> bytes:
    """The feed's interviews and expected answer date as iCalendar events."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//heardback//status feed//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{data['job']} · {data['organization']}")
    host = settings.HEARDBACK_BASE_URL.split("//")[-1]
    for interview in data["interviews"]:
        event = icalendar.Event()
        start = datetime.fromisoformat(interview["scheduled_at"])
        event.add("uid", f"feed-{uid}-interview-{interview['id']}@{host}")
        event.add("dtstamp", start)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(hours=1))
        event.add("summary", f"{interview['name']} · {data['organization']}")
        calendar.add_component(event)
    expected = data["next_step"]["expected_date"]
    if expected:
        event = icalendar.Event()
        day = date.fromisoformat(expected)
        event.add("uid", f"feed-{uid}-expected@{host}")
        event.add("dtstamp", datetime.combine(day, datetime.min.time(), tzinfo=UTC))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{data['next_step']['text']} · {data['organization']}")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


# --- Recruiter side -----------------------------------------------------------------------


def _queue(
    request: HttpRequest,
    organization: Organization,
    *,
    error: str = "",
    failed: int = 0,
    status: int = 200,
) -> HttpResponse:
    context = {
        "organization": organization,
        "open_questions": selectors.portal_questions(organization=organization, answered=False),
        "answered": selectors.portal_questions(organization=organization, answered=True)[:20],
        "erasures": selectors.erasure_requests_open(organization=organization),
        "error": error,
        "failed": failed,
        "posted": request.POST.get("answer", "") if error else "",
        "answer_max": ANSWER_MAX_LENGTH,
    }
    return render(request, "portal/question_list.html", context, status=status)


@require_GET
@login_required
def question_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _queue(request, decider_organization(request))


@require_POST
@login_required
def question_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = selectors.portal_question_get_for_user(user=request.user, pk=pk)
    try:
        services.portal_question_answer(
            actor=request.user, question=question, answer=request.POST.get("answer", "")
        )
    except ValidationError as error:
        return _queue(
            request,
            question.organization,
            error=" ".join(error.messages),
            failed=question.pk,
            status=400,
        )
    name = question.application.candidate.full_name
    messages.success(request, _("Answer sent to %(name)s.") % {"name": name})
    return redirect("portal:question-list")


@require_POST
@login_required
def erasure_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    erasure = selectors.erasure_request_get_for_user(user=request.user, pk=pk)
    try:
        services.erasure_request_confirm(actor=request.user, request=erasure)
    except ValidationError as error:
        return _queue(request, erasure.organization, error=" ".join(error.messages), status=400)
    messages.success(request, _("The candidate's personal data has been erased."))
    return redirect("portal:question-list")
