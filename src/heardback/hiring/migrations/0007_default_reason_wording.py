"""Two default explanations of the first set, changed where an admin left them as they were.

- Pay: "outside the budget set for this role" is blocked by the guard as an internal leak, so
  every note with it was blocked; it is reworded.
- Skills below the level the role needs: a stock sentence ("a level in some of its core skills")
  hid what the scorecards say; without it, the note names the skill furthest below the bar.

A reason an admin has since edited keeps its words.
"""

from django.db import migrations

OLD_EN = "The salary you are looking for is outside the budget set for this role."
OLD_FR = "Vos attentes salariales ne correspondent pas au budget prévu pour ce poste."
NEW_EN = "The salary you are looking for is more than we can offer for this role."
NEW_FR = "Vos attentes salariales dépassent ce que nous pouvons proposer pour ce poste."
SKILLS_EN = (
    "The role needs a level in some of its core skills that we did not yet see during the process."
)
SKILLS_FR = (
    "Le poste demande, sur certaines de ses compétences clés, un niveau que nous n'avons pas "
    "encore constaté au fil du processus."
)


def reword(apps, schema_editor):
    RejectionReason = apps.get_model("hiring", "RejectionReason")
    RejectionReason.objects.filter(explanation_en=OLD_EN).update(explanation_en=NEW_EN)
    RejectionReason.objects.filter(explanation_fr=OLD_FR).update(explanation_fr=NEW_FR)
    RejectionReason.objects.filter(explanation_en=SKILLS_EN).update(explanation_en="")
    RejectionReason.objects.filter(explanation_fr=SKILLS_FR).update(explanation_fr="")


class Migration(migrations.Migration):
    dependencies = [("hiring", "0006_application_stage_entered_at")]
    operations = [migrations.RunPython(reword, migrations.RunPython.noop)]
