from django.urls import path

from heardback.closure import settings_views, views

app_name = "closure"
urlpatterns = [
    path("settings/closure/", settings_views.settings_closure, name="settings"),
    path("closure/", views.dashboard, name="dashboard"),
    path("closure/holding-updates/", views.holding_update_all, name="holding-update-all"),
    path(
        "closure/applications/<int:pk>/holding-update/",
        views.holding_update,
        name="holding-update",
    ),
]
