"""Organization settings, for admins: feedback policy, sender, members.

The other settings pages belong to the app whose data they edit and share the navigation and
`accounts.web`'s helpers: API keys (`api.settings_views`), rejection reasons
(`hiring.reason_views`). The closure policy is a section of the general page that the closure
app adds through the `accounts.settings` panel slot (`closure.settings_views`). A secret (a
new API key) is rendered straight into the answer to the POST that made it, never stored in a
message or the session, and that answer is marked no-store (`accounts.web.shown_once`).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heardback.accounts import invitations, selectors, services
from heardback.accounts.forms import (
    FeedbackPolicyForm,
    MemberAddForm,
    MemberRoleForm,
    SenderForm,
)
from heardback.accounts.models import Organization
from heardback.accounts.web import AuthenticatedHttpRequest, admin_organization, form_add_errors

TIME_ZONES = sorted(available_timezones())


# --- Policies and sender -----------------------------------------------------------------------


def general_page(
    request: HttpRequest, organization: Organization, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """Settings → Policies and sender. `forms`: bound forms to show instead of fresh ones,
    after a refused POST; a higher app's section (the `accounts.settings` panels, such as
    the closure policy) finds its own there, by the name it gave it."""
    context = {
        "organization": organization,
        "section": "general",
        "time_zones": TIME_ZONES,
        **forms,
    }
    context.setdefault("policy_form", FeedbackPolicyForm.for_organization(organization))
    context.setdefault("sender_form", SenderForm.for_organization(organization))
    return render(request, "accounts/settings.html", context, status=status)


@require_GET
@login_required
def settings_general(request: AuthenticatedHttpRequest) -> HttpResponse:
    return general_page(request, admin_organization(request))


@require_POST
@login_required
def settings_policy(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = admin_organization(request)
    form = FeedbackPolicyForm.for_organization(organization, request.POST)
    if form.is_valid():
        try:
            services.organization_policy_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, _("Feedback policy saved."))
            return redirect("accounts:settings")
    return general_page(request, organization, status=400, policy_form=form)


@require_POST
@login_required
def settings_sender(request: AuthenticatedHttpRequest) -> HttpResponse:
    organization = admin_organization(request)
    form = SenderForm.for_organization(organization, request.POST)
    if form.is_valid():
        try:
            services.organization_sender_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(request, _("Sender saved."))
            return redirect("accounts:settings")
    return general_page(request, organization, status=400, sender_form=form)


# --- Members -----------------------------------------------------------------------------------


def _members_page(
    request: HttpRequest,
    organization: Organization,
    *,
    add_form: MemberAddForm | None = None,
    status: int = 200,
) -> HttpResponse:
    members = list(selectors.members_for_organization(organization=organization))
    rows = [(m, MemberRoleForm(initial={"role": m.role}, prefix=f"m{m.pk}")) for m in members]
    context = {
        "organization": organization,
        "section": "members",
        "rows": rows,
        "invitations": selectors.invitations_open_for_organization(organization=organization),
        "add_form": add_form or MemberAddForm(prefix="add"),
    }
    return render(request, "accounts/settings_members.html", context, status=status)


@require_GET
@login_required
def settings_members(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _members_page(request, admin_organization(request))


@require_POST
@login_required
def member_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Invite a person: the same answer whether or not the address has an account anywhere."""
    organization = admin_organization(request)
    form = MemberAddForm(request.POST, prefix="add")
    if form.is_valid():
        try:
            invitation = invitations.invitation_create(
                actor=request.user, organization=organization, **form.cleaned_data
            )
            invitations.invitation_send(actor=request.user, invitation=invitation)
        except ValidationError as error:
            form_add_errors(form, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s: they join once they accept it.")
                % {"email": invitation.email},
            )
            return redirect("accounts:settings-members")
    return _members_page(request, organization, add_form=form, status=400)


@require_POST
@login_required
def invitation_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    invitation = selectors.invitation_get_for_organization(organization=organization, pk=pk)
    try:
        invitations.invitation_send(actor=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
    return redirect("accounts:settings-members")


@require_POST
@login_required
def invitation_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    invitation = selectors.invitation_get_for_organization(organization=organization, pk=pk)
    invitations.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("Invitation to %(email)s withdrawn.") % {"email": invitation.email})
    return redirect("accounts:settings-members")


@require_POST
@login_required
def member_role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    membership = selectors.membership_get_for_organization(organization=organization, pk=pk)
    form = MemberRoleForm(request.POST, prefix=f"m{membership.pk}")
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a role."))
        services.membership_role_change(
            actor=request.user, membership=membership, role=form.cleaned_data["role"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Role of %(email)s changed.") % {"email": membership.user.email}
        )
    return redirect("accounts:settings-members")


@require_POST
@login_required
def member_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = admin_organization(request)
    membership = selectors.membership_get_for_organization(organization=organization, pk=pk)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(email)s no longer belongs to %(organization)s.")
            % {"email": membership.user.email, "organization": organization.name},
        )
    return redirect("accounts:settings-members")
