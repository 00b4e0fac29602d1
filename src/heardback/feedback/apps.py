from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "heardback.feedback"
    label = "feedback"

    def ready(self) -> None:
        from heardback.feedback.selectors import application_page_notes
        from heardback.hiring import panels

        # The application page (hiring) shows the notes without importing feedback.
        panels.register("feedback.notes", application_page_notes)
