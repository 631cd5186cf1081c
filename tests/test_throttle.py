import pytest
from django.test import Client

from tests.builders import make_quiz

CODE = "K7MP3X"


@pytest.fixture
def tight_limit(settings):
    settings.JOIN_FAILURES_ALLOWED = 3
    settings.JOIN_FAILURE_WINDOW_SECONDS = 300


@pytest.mark.django_db
def test_wrong_codes_past_the_limit_block_joining_from_that_address(tight_limit):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        client.post("/", {"code": guess, "name": "Eve"})

    response = client.post("/", {"code": CODE, "name": "Eve"})

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


@pytest.mark.django_db
def test_another_address_can_still_join(tight_limit):
    make_quiz(join_code=CODE)
    guesser = Client(REMOTE_ADDR="10.1.1.1")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"):
        guesser.post("/", {"code": guess, "name": "Eve"})

    response = Client(REMOTE_ADDR="10.2.2.2").post("/", {"code": CODE, "name": "Ada"})

    assert response.status_code == 302


@pytest.mark.django_db
def test_guessing_codes_in_the_address_bar_counts_too(tight_limit):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        assert client.get(f"/q/{guess}/").status_code == 404

    response = client.get(f"/q/{CODE}/")

    assert response.status_code == 429


@pytest.mark.django_db
def test_mistyped_codes_below_the_limit_do_not_block(tight_limit):
    make_quiz(join_code=CODE)
    client = Client(REMOTE_ADDR="10.1.1.1")
    client.post("/", {"code": "K7MP3Y", "name": "Ada"})
    client.post("/", {"code": "K7MP", "name": "Ada"})

    response = client.post("/", {"code": CODE, "name": "Ada"})

    assert response.status_code == 302


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(tight_limit, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    make_quiz(join_code=CODE)
    guesser = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        guesser.post("/", {"code": guess, "name": "Eve"})

    classmate = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")

    assert classmate.post("/", {"code": CODE, "name": "Ada"}).status_code == 302
    assert guesser.post("/", {"code": CODE, "name": "Eve"}).status_code == 429
