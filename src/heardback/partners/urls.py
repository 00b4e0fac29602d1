from __future__ import annotations

from django.urls import path

from heardback.partners import views

app_name = "partners"
urlpatterns = [
    path("partners/", views.partnerships, name="partnerships"),
    path("partners/propose/", views.propose, name="propose"),
    path("partners/<int:pk>/accept/", views.accept, name="accept"),
    path("partners/<int:pk>/end/", views.end, name="end"),
    path("partners/pool/", views.pool, name="pool"),
    path("partners/pool/<int:pk>/", views.profile, name="profile"),
    path("partners/invitations/", views.invitations, name="invitations"),
    path("p/<str:token>/partners/<int:pk>/", views.portal_respond, name="portal-respond"),
    path("p/<str:token>/partners/profile/", views.portal_profile, name="portal-profile"),
]
