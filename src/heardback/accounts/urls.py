from django.contrib.auth import views as auth_views
from django.urls import path

from heardback.accounts import settings_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("organization/switch/", views.organization_switch, name="organization-switch"),
    path("language/", views.language_set, name="language-set"),
    path("invite/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("settings/", settings_views.settings_general, name="settings"),
    path("settings/policy/", settings_views.settings_policy, name="settings-policy"),
    path("settings/sender/", settings_views.settings_sender, name="settings-sender"),
    path("settings/members/", settings_views.settings_members, name="settings-members"),
    path("settings/members/add/", settings_views.member_add, name="member-add"),
    path(
        "settings/invitations/<int:pk>/send/",
        settings_views.invitation_send,
        name="invitation-send",
    ),
    path(
        "settings/invitations/<int:pk>/revoke/",
        settings_views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("settings/members/<int:pk>/role/", settings_views.member_role, name="member-role"),
    path("settings/members/<int:pk>/remove/", settings_views.member_remove, name="member-remove"),
]
