from django.urls import path

from heardback.feedback import views

app_name = "feedback"
urlpatterns = [
    path("feedback/", views.queue, name="queue"),
    path("feedback/sent/", views.sent_log, name="sent"),
    path("feedback/approve-clean/", views.approve_clean, name="approve-clean"),
    path("feedback/send-approved/", views.send_approved, name="send-approved"),
    path("feedback/selection/", views.selection_action, name="selection"),
    path("feedback/draft-all/", views.draft_all, name="draft-all"),
    path("feedback/progress/", views.progress, name="progress"),
    path("feedback/guard/", views.guard_check, name="guard-check"),
    path("feedback/<int:pk>/", views.note_detail, name="note-detail"),
    path("feedback/<int:pk>/edit/", views.note_edit, name="note-edit"),
    path("feedback/<int:pk>/<str:action>/", views.note_action, name="note-action"),
    path("applications/<int:pk>/draft/", views.application_draft, name="draft"),
]
