from django.urls import path

from heardback.seeker import account_views, views

app_name = "seeker"
urlpatterns = [
    path("me/signup/", account_views.signup, name="signup"),
    path("me/login/", account_views.SeekerLoginView.as_view(), name="login"),
    path("me/magic/", account_views.magic_request, name="magic-request"),
    path("me/magic/<str:token>/", account_views.magic_link, name="magic-link"),
    path("me/", views.board, name="board"),
    path("me/summary/", views.summary, name="summary"),
    path("me/settings/", account_views.settings_page, name="settings"),
    path("me/delete/", account_views.account_delete, name="account-delete"),
    path("me/applications/new/", views.application_new, name="application-new"),
    path("me/applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("me/applications/<int:pk>/edit/", views.application_edit, name="application-edit"),
    path(
        "me/applications/<int:pk>/employer/",
        views.application_employer,
        name="application-employer",
    ),
    path("me/applications/<int:pk>/delete/", views.application_delete, name="application-delete"),
    path(
        "me/applications/<int:pk>/subscribe/",
        views.application_subscribe,
        name="application-subscribe",
    ),
    path(
        "me/applications/<int:pk>/unsubscribe/",
        views.application_unsubscribe,
        name="application-unsubscribe",
    ),
    path(
        "me/applications/<int:pk>/drafts/<str:kind>/",
        views.application_draft,
        name="application-draft",
    ),
    path("me/applications/<int:pk>/interviews/new/", views.interview_new, name="interview-new"),
    path("me/applications/<int:pk>/documents/new/", views.document_new, name="document-new"),
    path("me/documents/<int:pk>/", views.document_download, name="document-download"),
    path("me/documents/<int:pk>/delete/", views.document_delete, name="document-delete"),
    path("me/interviews/<int:pk>/edit/", views.interview_edit, name="interview-edit"),
    path("me/interviews/<int:pk>/thank-you/", views.thank_you, name="thank-you"),
    path("me/reminders/<int:pk>/close/", views.reminder_close, name="reminder-close"),
    path("me/applications.csv", account_views.export_csv, name="export-csv"),
    path("me/import/", account_views.import_csv, name="import-csv"),
    path("me/calendar.ics", account_views.calendar_ics, name="calendar"),
]
