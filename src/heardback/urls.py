from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path

from heardback.accounts.roles import Capability, can
from heardback.accounts.selectors import membership_current
from heardback.accounts.web import AuthenticatedHttpRequest
from heardback.feedback.selectors import feedback_drafts_waiting
from heardback.hiring import views as hiring_views
from heardback.hiring.models import Application
from heardback.seeker.models import Seeker


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Where a person lands, where their work is: job seekers on their companion's board,
    interviewers on their scorecards (hiring.views.home), recruiters, hiring managers and admins
    on the review queue when drafts wait for them, else on the closure page once someone has
    been turned down (who is still waiting to hear back), else on the jobs (a new team creates
    its first job there)."""
    user = request.user
    if not user.memberships.exists() and Seeker.objects.filter(user_id=user.pk).exists():
        return redirect("seeker:board")
    membership = membership_current(user=user, session_slug=request.session.get("org"))
    organization, role = membership.organization, membership.role
    if not can(role, Capability.DECIDE_REJECTIONS):
        return hiring_views.home(request)
    if can(role, Capability.SEND_NOTES) and feedback_drafts_waiting(organization=organization):
        return redirect("feedback:queue")
    rejected = Application.objects.filter(
        organization=organization, status=Application.Status.REJECTED
    )
    if rejected.exists():
        return redirect("closure:dashboard")
    return redirect("hiring:job-list")


urlpatterns = [
    path("", home),
    path("healthz", healthz, name="healthz"),
    path("", include("heardback.accounts.urls")),
    path("", include("heardback.hiring.urls")),
    path("", include("heardback.feedback.urls")),
    path("", include("heardback.closure.urls")),
    path("", include("heardback.portal.urls")),
    path("", include("heardback.integrations.urls")),
    path("", include("heardback.seeker.urls")),
    path("", include("heardback.reroute.urls")),
    path("", include("heardback.partners.urls")),
    path("", include("heardback.api.settings_urls")),
    path("api/v1/", include("heardback.api.urls")),
    path("admin/", admin.site.urls),
]
