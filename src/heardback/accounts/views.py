from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from heardback.accounts.models import Language, User
from heardback.accounts.selectors import organization_get_for_user


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
