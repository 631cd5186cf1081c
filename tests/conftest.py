import pytest

from tests.builders import make_teacher


@pytest.fixture
def teacher(db):
    return make_teacher("ms_rivera")


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"
