"""Settings are read once at start-up: each case starts a fresh interpreter with its environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_VARIABLES = (
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_HTTPS",
    "SQLITE_BUSY_TIMEOUT",
    "HANDOUT_PAGE_SIZE",
    "SIGNIN_FAILURES_ALLOWED",
    "SIGNIN_LOCKOUT_MINUTES",
    "DJANGO_STATIC_ROOT",
)
PRINT_SETTINGS = """
import json, sys, django
if sys.argv[1] == "start":
    django.setup()
from django.conf import settings
from django.db import connection
db = settings.DATABASES["default"]
facts = {"debug": settings.DEBUG, "hosts": settings.ALLOWED_HOSTS, "engine": db["ENGINE"],
         "name": str(db["NAME"]), "secure_cookie": settings.SESSION_COOKIE_SECURE,
         "signin_failures": settings.AXES_FAILURE_LIMIT,
         "signin_cooloff_seconds": settings.AXES_COOLOFF_TIME.total_seconds(),
         "static_root": str(settings.STATIC_ROOT)}
if sys.argv[1] == "start" and db["ENGINE"].endswith("sqlite3"):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        facts["journal_mode"] = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        facts["busy_timeout_ms"] = cursor.fetchone()[0]
print(json.dumps(facts))
"""


def load_settings(*, start: bool = False, **env: str) -> subprocess.CompletedProcess:
    """The settings a fresh interpreter reads with `env`; with `start`, the whole site is set
    up and a database connection opened too (half a second more, so only where it is asked)."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean["DJANGO_SETTINGS_MODULE"] = "quizsite.settings"
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS, "start" if start else "read"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_site_starts_with_debug_off_when_a_secret_key_is_given(tmp_path):
    result = load_settings(
        start=True,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="quiz.school.test, localhost",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["debug"] is False
    assert facts["hosts"] == ["quiz.school.test", "localhost"]


def test_unreadable_boolean_stops_start_up_with_the_variable_named():
    result = load_settings(DJANGO_DEBUG="maybe")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_unreadable_number_stops_start_up_with_the_variable_named():
    result = load_settings(SQLITE_BUSY_TIMEOUT="soon")

    assert result.returncode != 0
    assert "SQLITE_BUSY_TIMEOUT must be a whole number" in result.stderr


def test_sqlite_connections_use_wal_and_a_busy_timeout(tmp_path):
    result = load_settings(
        start=True, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SQLITE_BUSY_TIMEOUT="7"
    )

    facts = json.loads(result.stdout)
    assert facts["journal_mode"] == "wal"
    assert facts["busy_timeout_ms"] == 7000


def test_default_database_is_a_sqlite_file_in_the_project_folder():
    result = load_settings()

    facts = json.loads(result.stdout)
    assert facts["engine"] == "django.db.backends.sqlite3"
    assert facts["name"] == str(ROOT / "db.sqlite3")
    assert facts["debug"] is True


def test_database_url_selects_postgresql():
    script_env = {"DATABASE_URL": "postgres://quiz:secret@db.internal:5433/quizzes"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.DATABASES['default'], default=str))",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "quizsite.settings", **script_env},
        capture_output=True,
        text=True,
        check=False,
    )

    db = json.loads(result.stdout)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == (
        "db.internal",
        5433,
        "quizzes",
        "quiz",
    )


def test_https_setting_makes_cookies_secure():
    result = load_settings(DJANGO_HTTPS="1")

    assert json.loads(result.stdout)["secure_cookie"] is True


def test_unknown_paper_size_stops_start_up():
    result = load_settings(HANDOUT_PAGE_SIZE="A5")

    assert result.returncode != 0
    assert "HANDOUT_PAGE_SIZE must be A4 or LETTER" in result.stderr


def test_sign_in_lockout_defaults_to_5_failures_and_15_minutes():
    result = load_settings()

    facts = json.loads(result.stdout)
    assert (facts["signin_failures"], facts["signin_cooloff_seconds"]) == (5, 15 * 60)


def test_sign_in_lockout_reads_its_limit_and_wait_from_the_environment():
    result = load_settings(SIGNIN_FAILURES_ALLOWED="8", SIGNIN_LOCKOUT_MINUTES="60")

    facts = json.loads(result.stdout)
    assert (facts["signin_failures"], facts["signin_cooloff_seconds"]) == (8, 60 * 60)


def test_a_sign_in_lockout_of_no_minutes_stops_start_up():
    result = load_settings(SIGNIN_LOCKOUT_MINUTES="0")

    assert result.returncode != 0
    assert "SIGNIN_LOCKOUT_MINUTES must be at least 1" in result.stderr


def test_static_files_are_collected_into_the_project_folder_unless_told_otherwise(tmp_path):
    default = json.loads(load_settings().stdout)
    own = json.loads(load_settings(DJANGO_STATIC_ROOT=str(tmp_path / "static")).stdout)

    assert default["static_root"] == str(ROOT / "staticfiles")
    assert own["static_root"] == str(tmp_path / "static")


def test_the_web_layer_starts_without_loading_spacy():
    # Pages, the admin, the review page and the services import no language model: spaCy is
    # loaded the first time a teacher generates, not by every web worker at start.
    code = (
        "import django, sys; django.setup();"
        "import quizsite.urls, quizzes.admin, quizzes.review, quizzes.services, quizzes.views;"
        "print('spacy' in sys.modules)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean["DJANGO_SETTINGS_MODULE"] = "quizsite.settings"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
