from django.urls import path

from heardback.hiring import views

app_name = "hiring"
urlpatterns = [
    path("jobs/", views.job_list, name="job-list"),
    path("jobs/<int:pk>/", views.job_detail, name="job-detail"),
    path("applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("applications/<int:pk>/reject/", views.application_reject, name="application-reject"),
    path("applications/<int:pk>/advance/", views.application_advance, name="application-advance"),
    path("scorecards/", views.scorecard_list_mine, name="scorecard-list-mine"),
    path("scorecards/<int:pk>/", views.scorecard_edit, name="scorecard-edit"),
]
