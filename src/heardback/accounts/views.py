from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from heardback.accounts import invitations
from heardback.accounts.models import Language, User
from heardback.accounts.selectors import organization_get_for_user
from heardback.accounts.services import user_password_change
from heardback.accounts.throttle import login_blocked, login_failed
from heardback.accounts.web import AuthenticatedHttpRequest


class EmailAuthenticationForm(AuthenticationForm):
    """People sign in with their email address."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That email and password do not match an account."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Email")
        # The input type, not an attribute: `attrs["type"]` would be written after Django's own
        # type="text", and browsers keep the first (no email keyboard on a phone).
        self.fields["username"].widget.input_type = "email"
        self.fields["username"].widget.attrs.update(autocomplete="email")

    def clean(self) -> dict[str, Any]:
        email = self.cleaned_data.get("username") or ""
        if login_blocked(email, self.request):
            # Refused even with the right password: otherwise guessing simply goes on.
            raise ValidationError(
                _("Too many wrong passwords. Wait a quarter of an hour, then try again."),
                code="throttled",
            )
        try:
            return super().clean()
        except ValidationError:
            login_failed(email, self.request)
            raise


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
def organization_switch(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = organization_get_for_user(user=request.user, slug=request.POST.get("org"))
    request.session["org"] = organization.slug
    return redirect("hiring:home")


@require_POST
@login_required
def language_set(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each user picks the language of the interface; it is kept on their account."""
    language = request.POST.get("language", "")
    if language not in dict(Language.choices):
        return HttpResponseBadRequest(_("Unknown language."))
    User.objects.filter(pk=request.user.pk).update(language=language)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response


class InvitationPasswordForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password1 = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("The same password again"), widget=forms.PasswordInput)

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password1")
        if password and password != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif password:
            try:
                validate_password(
                    password, User(email=self.email, full_name=data.get("full_name", ""))
                )
            except ValidationError as error:
                self.add_error("password1", error)
        return data


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: choose a password, or sign in to the account they have, then join."""
    invitation = invitations.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    user = request.user if request.user.is_authenticated else None
    form = InvitationPasswordForm(
        email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST":
        try:
            if isinstance(user, User):
                invitations.invitation_accept(invitation=invitation, user=user)
            else:
                form = InvitationPasswordForm(request.POST, email=invitation.email)
                if not form.is_valid():
                    raise ValidationError("")
                user = invitations.invitation_accept_with_password(
                    invitation=invitation,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        except ValidationError as error:
            if error.messages and error.messages != [""]:
                messages.error(request, " ".join(error.messages))
        else:
            request.session["org"] = invitation.organization.slug
            messages.success(
                request, _("Welcome to %(name)s.") % {"name": invitation.organization.name}
            )
            return redirect("hiring:home")
    context = {
        "invitation": invitation,
        "form": form,
        "signed_in_as": user.email if isinstance(user, User) else "",
        "matches": isinstance(user, User) and user.email == invitation.email,
        "login_url": f"{reverse('accounts:login')}?next={request.path}",
    }
    return render(request, "accounts/invitation_accept.html", context)
