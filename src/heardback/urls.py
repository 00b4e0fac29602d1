from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("heardback.accounts.urls")),
    path("", include("heardback.hiring.urls")),
    path("", include("heardback.feedback.urls")),
    path("", include("heardback.closure.urls")),
    path("", include("heardback.portal.urls")),
    path("", include("heardback.integrations.urls")),
    path("api/v1/", include("heardback.api.urls")),
    path("admin/", admin.site.urls),
]
