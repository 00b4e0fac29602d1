from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heardback.accounts"
    label = "accounts"
