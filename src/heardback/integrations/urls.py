from django.urls import path

from heardback.integrations import views

app_name = "integrations"
urlpatterns = [
    path("imports/", views.run_list, name="run-list"),
    path("imports/<int:pk>/", views.run_detail, name="run-detail"),
    path("imports/<int:pk>/progress/", views.run_progress, name="run-progress"),
]
