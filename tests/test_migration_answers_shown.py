"""Migration 0006: yes/no `show_answers` becomes `answers_shown`, attempts get their name key."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("quizzes", "0006_quiz_own_random_seed")]
AFTER = [("quizzes", "0007_answers_shown_and_student_key")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def restore_schema():
    """Whatever the test does, later tests get the latest schema back."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_shown_answers_wait_for_the_close_and_hidden_ones_stay_hidden(restore_schema):
    old = migrate(BEFORE)
    owner = old.get_model("auth", "User").objects.create(username="old_teacher")
    article = old.get_model("quizzes", "Article").objects.create(owner=owner, title="T", text="T")
    Quiz = old.get_model("quizzes", "Quiz")
    shown = Quiz.objects.create(article=article, owner=owner, title="a", join_code="AAAAAA")
    hidden = Quiz.objects.create(
        article=article, owner=owner, title="b", join_code="BBBBBB", show_answers=False
    )
    old.get_model("quizzes", "Attempt").objects.create(quiz=shown, student_name="ÅSA Berg")

    new = migrate(AFTER)

    quizzes = {q.pk: q.answers_shown for q in new.get_model("quizzes", "Quiz").objects.all()}
    assert quizzes == {shown.pk: "after_close", hidden.pk: "never"}
    assert new.get_model("quizzes", "Attempt").objects.get().student_key == "åsa berg"
