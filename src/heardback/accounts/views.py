from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from heardback.accounts.models import Language, User
from heardback.accounts.selectors import organization_get_for_user
from heardback.accounts.services import user_password_change


class EmailAuthenticationForm(AuthenticationForm):
    """People sign in with their email address."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That email and password do not match an account."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Email")
        self.fields["username"].widget.attrs.update(type="email", autocomplete="email")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class PasswordChangeForm(DjangoPasswordChangeForm):
    """Django's form (current password checked, AUTH_PASSWORD_VALIDATORS applied), our words."""

    error_messages = {
        **DjangoPasswordChangeForm.error_messages,
        "password_incorrect": _("That is not your current password."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # labels read as headings, as elsewhere in the app
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every signed-in person, whatever their role, changes their own password here."""

    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:password-change")

    def form_valid(self, form: DjangoPasswordChangeForm) -> HttpResponse:
        user = form.user
        assert isinstance(user, User)
        user_password_change(user=user, password=form.cleaned_data["new_password1"])
        # The new hash signs out the user's other sessions; this one is kept with the new hash.
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())


@require_POST
@login_required
def organization_switch(request: HttpRequest) -> HttpResponse:
    organization = organization_get_for_user(user=request.user, slug=request.POST.get("org"))  # type: ignore[arg-type]
    request.session["org"] = organization.slug
    return redirect("hiring:job-list")


@require_POST
@login_required
def language_set(request: HttpRequest) -> HttpResponse:
    """Each user picks the language of the interface; it is kept on their account."""
    language = request.POST.get("language", "")
    if language not in dict(Language.choices):
        return HttpResponseBadRequest(_("Unknown language."))
    User.objects.filter(pk=request.user.pk or 0).update(language=language)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response
