from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.generic import RedirectView


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="hiring:job-list", permanent=False)),
    path("healthz", healthz, name="healthz"),
    path("", include("heardback.accounts.urls")),
    path("", include("heardback.hiring.urls")),
    path("", include("heardback.feedback.urls")),
    path("", include("heardback.closure.urls")),
    path("", include("heardback.portal.urls")),
    path("", include("heardback.integrations.urls")),
    path("", include("heardback.reroute.urls")),
    path("", include("heardback.partners.urls")),
    path("api/v1/", include("heardback.api.urls")),
    path("admin/", admin.site.urls),
]
