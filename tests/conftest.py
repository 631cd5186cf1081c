import pytest
from django.core.cache import cache

from tests.builders import make_teacher


@pytest.fixture
def teacher(db):
    return make_teacher("ms_rivera")


def pytest_configure(config):
    """A test signs users in by the hundred: a deliberately slow hash would spend half the suite's
    time there. The real hasher is still what `make serve` and `make run` use."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every test client builds the middleware afresh, and whitenoise's scan of the static files
    # on each build was two fifths of the suite's time; looking a file up when it is asked for
    # (as `make run` does) serves the same files.
    settings.WHITENOISE_AUTOREFRESH = True
    # The live server answers each request in a thread of its own; on PostgreSQL a connection
    # kept open for reuse outlives the thread and keeps the test database from being dropped at
    # the end of the run. (SQLite's test database is one connection the threads share.)
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        database["CONN_MAX_AGE"] = 0


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """The join throttle's counters live in a cache table that test rollbacks do not touch,
    so each test that uses the database starts with none."""
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
        cache.clear()
