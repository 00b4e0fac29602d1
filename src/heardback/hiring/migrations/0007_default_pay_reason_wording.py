"""The default pay reason's old wording is blocked by the guard: reword it where it is unchanged.

Organizations created with the first default set read "outside the budget set for this role" to
every candidate rejected for pay, which the guard blocks as an internal leak, so those notes
could never be approved. A reason an admin has since edited keeps its words.
"""

from django.db import migrations

OLD_EN = "The salary you are looking for is outside the budget set for this role."
OLD_FR = "Vos attentes salariales ne correspondent pas au budget prévu pour ce poste."
NEW_EN = "The salary you are looking for is more than we can offer for this role."
NEW_FR = "Vos attentes salariales dépassent ce que nous pouvons proposer pour ce poste."


def reword(apps, schema_editor):
    RejectionReason = apps.get_model("hiring", "RejectionReason")
    RejectionReason.objects.filter(explanation_en=OLD_EN).update(explanation_en=NEW_EN)
    RejectionReason.objects.filter(explanation_fr=OLD_FR).update(explanation_fr=NEW_FR)


class Migration(migrations.Migration):
    dependencies = [("hiring", "0006_application_stage_entered_at")]
    operations = [migrations.RunPython(reword, migrations.RunPython.noop)]
