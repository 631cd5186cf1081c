import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_fresh_database_has_the_teachers_group_with_quiz_permissions():
    group = Group.objects.get(name="Teachers")

    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {"add_article", "change_quiz", "delete_question", "view_attempt"} <= codenames
    assert "delete_attempt" not in codenames


def test_migrate_installs_the_sign_in_lockout_tables(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}

    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"axes_accessattempt", "axes_accesslog"} <= tables
