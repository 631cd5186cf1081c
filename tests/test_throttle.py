import pytest
from django.test import Client

from tests.builders import make_quiz
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page

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


def block(address: str) -> None:
    guesser = Client(REMOTE_ADDR=address)
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"):
        guesser.post("/", {"code": guess, "name": "Eve"})
    assert guesser.get(f"/q/{CODE}/").status_code == 429


@pytest.mark.django_db
def test_a_classmates_submission_goes_through_while_the_shared_address_is_blocked(tight_limit):
    quiz = make_quiz(questions=1, join_code=CODE)
    classmate = Client(REMOTE_ADDR="10.1.1.1")
    classmate.post("/", {"code": CODE, "name": "Ada"})
    page = parse_quiz_page(classmate.get(f"/q/{CODE}/").content.decode())
    block("10.1.1.1")

    response = classmate.post(f"/q/{CODE}/", {"token": page.token, **SUBMIT_ANYWAY})

    assert response.status_code == 302
    assert quiz.attempts.get().submitted is not None


@pytest.mark.django_db
def test_a_submission_from_another_browser_with_a_valid_token_is_not_throttled(tight_limit):
    quiz = make_quiz(questions=1, join_code=CODE)
    page = parse_quiz_page(
        _joined(Client(REMOTE_ADDR="10.1.1.1")).get(f"/q/{CODE}/").content.decode()
    )
    block("10.1.1.1")

    response = Client(REMOTE_ADDR="10.1.1.1").post(
        f"/q/{CODE}/", {"token": page.token, **SUBMIT_ANYWAY}
    )

    assert response.status_code == 302
    assert quiz.attempts.get().submitted is not None


@pytest.mark.django_db
def test_a_student_with_an_attempt_loads_their_page_and_result_while_blocked(tight_limit):
    make_quiz(questions=1, join_code=CODE)
    student = _joined(Client(REMOTE_ADDR="10.1.1.1"))
    block("10.1.1.1")

    page = student.get(f"/q/{CODE}/")
    token = parse_quiz_page(page.content.decode()).token
    submitted = student.post(f"/q/{CODE}/", {"token": token, **SUBMIT_ANYWAY})
    result = student.get(f"/q/{CODE}/result/")
    back = student.get(f"/q/{CODE}/")

    assert page.status_code == 200
    assert submitted.status_code == 302
    assert result.status_code == 200 and "0 / 1" in result.content.decode()
    assert back.status_code == 302 and back["Location"].endswith("/result/")


@pytest.mark.django_db
def test_a_made_up_token_is_still_throttled(tight_limit):
    make_quiz(questions=1, join_code=CODE)
    block("10.1.1.1")

    response = Client(REMOTE_ADDR="10.1.1.1").post(
        f"/q/{CODE}/", {"token": "00000000-0000-0000-0000-000000000000"}
    )

    assert response.status_code == 429


@pytest.mark.django_db
def test_a_token_is_good_only_on_its_own_quizs_address(tight_limit):
    make_quiz(questions=1, join_code=CODE)
    page = parse_quiz_page(_joined(Client()).get(f"/q/{CODE}/").content.decode())

    response = Client().post("/q/ZZZZZZ/", {"token": page.token})

    assert response.status_code == 404


def _joined(client: Client) -> Client:
    assert client.post("/", {"code": CODE, "name": "Ada"}).status_code == 302
    return client
