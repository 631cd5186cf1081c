"""The database cache table (join throttle counters), made by migrate so every database has it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0003_question_rejected_answers")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
