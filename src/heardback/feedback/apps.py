from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "heardback.feedback"
    label = "feedback"

    def ready(self) -> None:
        from heardback.feedback.selectors import application_page_notes
        from heardback.feedback.sending import NOTE_KIND, NOTE_LISTENER
        from heardback.hiring import panels
        from heardback.outbox import listeners

        # The application page (hiring) shows the notes without importing feedback.
        panels.register("feedback.notes", application_page_notes)

        # The outbox tells feedback what became of each note's email (sent, bounced, failed,
        # retried, cancelled); the note's status is written in the outbox's transaction.
        listeners.register(NOTE_KIND, NOTE_LISTENER)
