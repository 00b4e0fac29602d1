from __future__ import annotations

from django.urls import path

from heardback.reroute import views

app_name = "reroute"
urlpatterns = [
    path("reroute/", views.suggestions, name="suggestions"),
    path("talent-pool/", views.talent_pool, name="talent-pool"),
    path("applications/<int:pk>/reroute/invite/", views.invite, name="invite"),
    path("applications/<int:pk>/reroute/move/", views.move, name="move"),
    path("p/<str:token>/roles/<int:pk>/", views.portal_respond, name="portal-respond"),
]
