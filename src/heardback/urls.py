from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path

from heardback.hiring import views as hiring_views
from heardback.seeker.models import Seeker


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def home(request: HttpRequest) -> HttpResponse:
    """Job seekers start at their companion's board; people of an organization where their
    work is (hiring.views.home: interviewers on their scorecards, others on the jobs)."""
    user = request.user
    if (
        user.is_authenticated
        and not user.memberships.exists()
        and Seeker.objects.filter(user_id=user.pk).exists()
    ):
        return redirect("seeker:board")
    return hiring_views.home(request)


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
