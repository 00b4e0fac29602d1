"""The outbox knows no feedback note: an email says what it is about by kind and id.

`note` (a foreign key to feedback.FeedbackNote) becomes `about_id`, read by the listener the
email's kind registered (outbox.listeners). A note's emails keep their application, which
was filled in 0002, so erasure and deletion still reach them through it.
"""

from django.db import migrations, models
from django.db.models import F


def copy_note_ids(apps, schema_editor):
    OutboundEmail = apps.get_model("outbox", "OutboundEmail")
    OutboundEmail.objects.filter(note__isnull=False).update(about_id=F("note_id"))


def copy_back(apps, schema_editor):
    OutboundEmail = apps.get_model("outbox", "OutboundEmail")
    OutboundEmail.objects.filter(kind="feedback_note", about_id__isnull=False).update(
        note_id=F("about_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0002_application"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboundemail",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(copy_note_ids, copy_back),
        migrations.RemoveField(model_name="outboundemail", name="note"),
        migrations.AddIndex(
            model_name="outboundemail",
            index=models.Index(fields=["kind", "about_id"], name="outbound_email_about"),
        ),
    ]
