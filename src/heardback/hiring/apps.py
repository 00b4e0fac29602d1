from django.apps import AppConfig


class HiringConfig(AppConfig):
    name = "heardback.hiring"
    label = "hiring"
