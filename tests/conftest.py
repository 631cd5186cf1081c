import pytest

from tests.builders import make_teacher


@pytest.fixture
def teacher(db):
    return make_teacher("ms_rivera")
