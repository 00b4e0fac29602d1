from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "heardback.core"
    label = "core"
