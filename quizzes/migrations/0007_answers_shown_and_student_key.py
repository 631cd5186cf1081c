"""`show_answers` (a yes/no) becomes `answers_shown` (never / right after submitting / once the
quiz is closed), and attempts get the key their names are compared by.

Yes becomes "once the quiz is closed", not "right after submitting": yes was the default, so most
quizzes hold it because nobody chose otherwise, and right after submitting lets one student read
the answers and rejoin under another name. Teachers who wanted answers shown still get them, at
the moment that keeps the class's answers their own. No becomes never.
"""

import unicodedataplus
from django.db import migrations, models

AFTER_CLOSE = "after_close"
NEVER = "never"


def _student_key(name: str) -> str:
    # The key as quizzes.names.student_name_key made it when this migration was written.
    folded = unicodedataplus.normalize(
        "NFKC", unicodedataplus.normalize("NFKC", name).casefold()
    )
    return " ".join(folded.split())


def forwards(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    Attempt = apps.get_model("quizzes", "Attempt")
    Quiz.objects.filter(show_answers=True).update(answers_shown=AFTER_CLOSE)
    Quiz.objects.filter(show_answers=False).update(answers_shown=NEVER)
    attempts = list(Attempt.objects.only("pk", "student_name"))
    for attempt in attempts:
        attempt.student_key = _student_key(attempt.student_name)
    Attempt.objects.bulk_update(attempts, ["student_key"], batch_size=500)


def backwards(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    Quiz.objects.update(show_answers=True)
    Quiz.objects.filter(answers_shown=NEVER).update(show_answers=False)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0006_quiz_own_random_seed"),
    ]

    operations = [
        migrations.AddField(
            model_name="quiz",
            name="answers_shown",
            field=models.CharField(
                choices=[
                    ("never", "Never (students see their score only)"),
                    ("after_submit", "Right after each student submits"),
                    ("after_close", "Once the quiz is closed"),
                ],
                default="after_close",
                help_text=(
                    "When students see the right answers and sources on their result page; "
                    "their score shows at once. Right after submitting lets the first to submit "
                    "pass the answers on, or rejoin under another name with them."
                ),
                max_length=12,
                verbose_name="show the right answers",
            ),
        ),
        migrations.AddField(
            model_name="attempt",
            name="student_key",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name="quiz",
            name="show_answers",
        ),
        migrations.AddIndex(
            model_name="attempt",
            index=models.Index(fields=["quiz", "student_key"], name="attempt_quiz_student"),
        ),
    ]
