import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_fresh_database_has_the_teachers_group_with_quiz_permissions():
    group = Group.objects.get(name="Teachers")

    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {"add_article", "change_quiz", "delete_question", "view_attempt"} <= codenames
    assert "delete_attempt" not in codenames
