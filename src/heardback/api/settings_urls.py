"""Settings → API keys (pages, not the REST API): /settings/api-keys/…"""

from django.urls import path

from heardback.api import settings_views

app_name = "api_keys"

urlpatterns = [
    path("settings/api-keys/", settings_views.settings_api_keys, name="settings"),
    path("settings/api-keys/create/", settings_views.api_key_create, name="create"),
    path("settings/api-keys/<int:pk>/revoke/", settings_views.api_key_revoke, name="revoke"),
]
