from django.contrib.auth import views as auth_views
from django.urls import path

from heardback.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("organization/switch/", views.organization_switch, name="organization-switch"),
    path("language/", views.language_set, name="language-set"),
]
