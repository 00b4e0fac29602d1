from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "heardback.feedback"
    label = "feedback"
