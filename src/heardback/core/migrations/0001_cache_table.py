"""The database cache's table, so `migrate` alone readies the default shared rate-limit counts."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Made whatever CACHE_URL says today: switching to the database later needs no extra step.
    call_command("createcachetable", "heardback_cache", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
