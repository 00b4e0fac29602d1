"""The default French explanation for pay, changed where an admin left it as it was.

"Vos attentes salariales dépassent ce que nous pouvons proposer" is flagged by the guard as
internal reasoning on pay (a warning on every French note rejected for pay, which a recruiter
had to acknowledge); the English default never was. The new words say the same as the English.
A reason an admin has since edited keeps its words.
"""

from django.db import migrations

OLD_FR = "Vos attentes salariales dépassent ce que nous pouvons proposer pour ce poste."
NEW_FR = "Le salaire que vous recherchez est plus élevé que ce que nous pouvons proposer pour ce poste."


def reword(apps, schema_editor):
    RejectionReason = apps.get_model("hiring", "RejectionReason")
    RejectionReason.objects.filter(explanation_fr=OLD_FR).update(explanation_fr=NEW_FR)


class Migration(migrations.Migration):
    dependencies = [("hiring", "0007_default_reason_wording")]
    operations = [migrations.RunPython(reword, migrations.RunPython.noop)]
