from __future__ import annotations

from django.urls import path

from heardback.portal import views

app_name = "portal"
urlpatterns = [
    path("p/", views.reissue, name="reissue"),
    path("p/feed/<int:link_id>/<str:token>.<str:fmt>", views.feed, name="feed"),
    path("p/<str:token>/", views.application_page, name="page"),
    path("p/<str:token>/questions/", views.question_ask, name="question-ask"),
    path("p/<str:token>/consents/", views.consent_set, name="consent-set"),
    path("p/<str:token>/rating/", views.rating_submit, name="rating-submit"),
    path("p/<str:token>/survey/", views.survey_submit, name="survey-submit"),
    path("p/<str:token>/data.json", views.data_download, name="data-download"),
    path("p/<str:token>/erasure/", views.erasure_request, name="erasure-request"),
    path("p/<str:token>/replace/", views.link_replace, name="link-replace"),
    path("questions/", views.question_list, name="question-list"),
    path("questions/<int:pk>/answer/", views.question_answer, name="question-answer"),
    path("questions/erasures/<int:pk>/confirm/", views.erasure_confirm, name="erasure-confirm"),
]
