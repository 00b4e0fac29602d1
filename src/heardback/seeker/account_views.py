"""The companion account's pages: signing up and in, settings, the seeker's data in and out."""

from __future__ import annotations

import datetime as dt
import time

import icalendar
from django import forms as django_forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from heardback.accounts.views import LoginView
from heardback.accounts.web import AuthenticatedHttpRequest, form_add_errors
from heardback.core.ratelimit import window_count
from heardback.seeker import forms, magic, selectors, services
from heardback.seeker.models import Seeker
from heardback.seeker.views import seeker_view

SIGNUP_WINDOW = 3600

# --- Signing up and in --------------------------------------------------------------------


def _tries_this_hour(name: str) -> int:
    """Count one more try of `name` in the current hour; the hour's total so far."""
    window = int(time.time() // SIGNUP_WINDOW)
    return window_count(name, window=window, seconds=SIGNUP_WINDOW)


def _throttled(request: HttpRequest, template: str, form: django_forms.BaseForm) -> HttpResponse:
    """The form again, refused until the hour is over (429, saying when to try again)."""
    response = render(request, template, {"form": form, "throttled": True}, status=429)
    response["Retry-After"] = str(SIGNUP_WINDOW)
    return response


def _signup_allowed(request: HttpRequest) -> bool:
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    return _tries_this_hour(f"seeker:signup:{address}") <= settings.SEEKER_SIGNUPS_PER_HOUR


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("seeker:board")
    form = forms.SignupForm(
        request.POST or None, initial={"language": getattr(request, "LANGUAGE_CODE", "en")}
    )
    if request.method == "POST":
        if not _signup_allowed(request):
            return _throttled(request, "seeker/signup.html", form)
        if form.is_valid():
            try:
                user = services.seeker_signup(**form.cleaned_data)
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return redirect("seeker:board")
        return render(request, "seeker/signup.html", {"form": form}, status=400)
    return render(request, "seeker/signup.html", {"form": form})


class EmailForm(django_forms.Form):
    email = django_forms.EmailField(
        label=_("Email"), widget=django_forms.EmailInput(attrs={"autocomplete": "email"})
    )


@require_http_methods(["GET", "POST"])
def magic_request(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link by email; the answer is the same for any address."""
    form = EmailForm(request.POST or None, label_suffix="")
    if request.method == "POST":
        if not _signup_allowed(request):
            return _throttled(request, "seeker/magic_request.html", form)
        if form.is_valid():
            magic.magic_link_request(email=form.cleaned_data["email"])
            return redirect(reverse("seeker:magic-request") + "?sent=1")
        return render(request, "seeker/magic_request.html", {"form": form}, status=400)
    context = {"form": form, "sent": request.GET.get("sent") == "1"}
    return render(request, "seeker/magic_request.html", context)


@require_http_methods(["GET", "POST"])
def magic_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the email: a button signs in (a mail scanner opening it does not)."""
    user = magic.magic_link_user(token)
    if user is None:
        return render(request, "seeker/magic_confirm.html", {"valid": False}, status=404)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("seeker:board")
    return render(request, "seeker/magic_confirm.html", {"valid": True})


class SeekerLoginView(LoginView):
    template_name = "seeker/login.html"

    def get_default_redirect_url(self) -> str:
        return reverse("seeker:board")


# --- Settings, import, export -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@seeker_view
def settings_page(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    form = forms.SettingsForm(request.POST or None, instance=seeker)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.seeker_settings_save(seeker=seeker, data=form.cleaned_data)
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                messages.success(request, _("Settings saved."))
                return redirect("seeker:settings")
        return render(request, "seeker/settings.html", {"form": form}, status=400)
    return render(request, "seeker/settings.html", {"form": form})


@require_http_methods(["GET", "POST"])
@seeker_view
def account_delete(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    """Delete the companion account, once the password is confirmed."""
    form = forms.DeleteAccountForm(request.POST or None)
    if request.method == "POST":
        tries = _tries_this_hour(f"seeker:delete:{seeker.user_id}")
        if tries > services.DELETE_ATTEMPTS_PER_HOUR:
            return _throttled(request, "seeker/account_delete.html", form)
        if form.is_valid():
            try:
                services.seeker_delete(seeker=seeker, password=form.cleaned_data["password"])
            except ValidationError as error:
                form_add_errors(form, error)
            else:
                logout(request)
                return render(request, "seeker/account_deleted.html")
        return render(request, "seeker/account_delete.html", {"form": form}, status=400)
    counts = {
        "applications": seeker.applications.count(),
        "documents": selectors.documents_count(seeker=seeker),
    }
    return render(request, "seeker/account_delete.html", {"form": form, **counts})


@require_GET
@seeker_view
def export_csv(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    response = HttpResponse(services.applications_csv(seeker), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="my-applications.csv"'
    return response


@require_http_methods(["GET", "POST"])
@seeker_view
def import_csv(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    problems: list[services.ImportProblem] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            problems = [services.ImportProblem(0, _("The file is larger than 2 MB."))]
        else:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                problems = [services.ImportProblem(0, _("The file is not UTF-8 text."))]
            else:
                count, problems = services.applications_import_csv(seeker=seeker, text=text)
                if not problems:
                    messages.success(request, _("%(n)s applications imported.") % {"n": count})
                    return redirect("seeker:board")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "problems": problems, "columns": services.CSV_COLUMNS}
    return render(request, "seeker/import.html", context, status=status)


@require_GET
@seeker_view
def calendar_ics(request: AuthenticatedHttpRequest, seeker: Seeker) -> HttpResponse:
    """Interviews and open reminders, for the seeker's calendar."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//heardback//companion//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("My job search"))
    host = settings.HEARDBACK_BASE_URL.split("//")[-1]
    now = timezone.now()
    for application in selectors.applications_for_seeker(seeker=seeker):
        for interview in application.interviews.all():
            event = icalendar.Event()
            event.add("uid", f"seeker-interview-{interview.pk}@{host}")
            event.add("dtstamp", now)
            event.add("dtstart", interview.starts_at)
            event.add("dtend", interview.starts_at + dt.timedelta(hours=1))
            event.add("summary", f"{interview.get_kind_display()} · {application.company}")
            event.add("description", f"{application.role}\n{interview.interviewers}".strip())
            calendar.add_component(event)
    for reminder in selectors.reminders_open(seeker=seeker):
        event = icalendar.Event()
        event.add("uid", f"seeker-reminder-{reminder.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", reminder.due_at)
        event.add("dtend", reminder.due_at + dt.timedelta(minutes=15))
        label = str(reminder.get_kind_display())
        if reminder.application:
            label = f"{label} · {reminder.application.company}"
        event.add("summary", label)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-job-search.ics"'
    return response
