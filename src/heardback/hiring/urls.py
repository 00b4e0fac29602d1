from django.urls import path

from heardback.hiring import reason_views, record_views, rubric_views, views

app_name = "hiring"
urlpatterns = [
    path("", views.home, name="home"),
    path("jobs/", views.job_list, name="job-list"),
    path("jobs/new/", record_views.job_create, name="job-create"),
    path("jobs/<int:pk>/edit/", record_views.job_edit, name="job-edit"),
    path("jobs/<int:pk>/candidates/add/", record_views.candidate_add, name="candidate-add"),
    path("jobs/<int:pk>/candidates/paste/", record_views.candidate_paste, name="candidate-paste"),
    path(
        "applications/<int:pk>/interviews/new/",
        record_views.interview_schedule,
        name="interview-schedule",
    ),
    path("settings/rejection-reasons/", reason_views.settings_reasons, name="settings-reasons"),
    path("settings/rejection-reasons/add/", reason_views.reason_create, name="reason-create"),
    path("settings/rejection-reasons/<int:pk>/", reason_views.reason_edit, name="reason-edit"),
    path("jobs/<int:pk>/", views.job_detail, name="job-detail"),
    path("applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("applications/<int:pk>/reject/", views.application_reject, name="application-reject"),
    path("applications/<int:pk>/advance/", views.application_advance, name="application-advance"),
    path("scorecards/", views.scorecard_list_mine, name="scorecard-list-mine"),
    path("scorecards/<int:pk>/", views.scorecard_edit, name="scorecard-edit"),
    path("jobs/<int:pk>/rubric/", rubric_views.rubric_edit, name="rubric-edit"),
    path("jobs/<int:pk>/rubric/add/", rubric_views.competency_create, name="competency-create"),
    path(
        "jobs/<int:pk>/rubric/library/", rubric_views.competency_library, name="competency-library"
    ),
    path(
        "jobs/<int:pk>/rubric/library/add/",
        rubric_views.competency_library_add,
        name="competency-library-add",
    ),
    path("competencies/<int:pk>/", rubric_views.competency_update, name="competency-update"),
    path("competencies/<int:pk>/delete/", rubric_views.competency_delete, name="competency-delete"),
    path("competencies/<int:pk>/move/", rubric_views.competency_move, name="competency-move"),
    path("jobs/<int:pk>/rubric/order/", rubric_views.rubric_order, name="rubric-order"),
    path("rubric/guard/", rubric_views.rubric_guard_check, name="rubric-guard-check"),
]
