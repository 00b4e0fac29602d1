"""Organizations made before default rejection reasons existed, and still without any, get them.

A team that never imported from an ATS could otherwise reject nobody. Organizations that have
reasons (their own, or imported) are left as they are.
"""

import tomllib
from importlib import resources

from django.db import migrations


def give_defaults(apps, schema_editor):
    Organization = apps.get_model("accounts", "Organization")
    RejectionReason = apps.get_model("hiring", "RejectionReason")
    text = resources.files("heardback.hiring").joinpath("default_rejection_reasons.toml")
    rows = tomllib.loads(text.read_text("utf-8"))["reason"]
    fields = ("name", "category", "explanation_en", "explanation_fr", "sends_note")
    bare = Organization.objects.exclude(
        pk__in=RejectionReason.objects.values("organization_id")
    )
    RejectionReason.objects.bulk_create(
        [
            RejectionReason(
                organization=organization,
                stages=list(row.get("stages", [])),
                **{f: row[f] for f in fields if f in row},
            )
            for organization in bare
            for row in rows
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_policy_bounds_in_the_model"),
        ("hiring", "0003_reason_stages_and_sends_note"),
    ]
    operations = [migrations.RunPython(give_defaults, migrations.RunPython.noop)]
