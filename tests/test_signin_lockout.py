"""Failed admin sign-ins lock a user name, and an address, for a while (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.test import Client

from tests.builders import make_teacher

LOGIN = "/admin/login/"
RIGHT = "not-used-in-tests-9"  # the builders' password
LOCKED = 429


@pytest.fixture
def rivera(db):
    return make_teacher("ms_rivera")


def sign_in(username: str, password: str, *, address: str = "10.1.1.1", **headers) -> int:
    """A fresh browser's sign-in to the admin: the status code it gets back."""
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})
    return response.status_code


def fail(times: int, username: str = "ms_rivera", **where) -> None:
    for attempt in range(times):
        assert sign_in(username, f"wrong-guess-{attempt}", **where) in (200, LOCKED)


def let_time_pass(delta: timedelta) -> None:
    """The failures were made `delta` earlier than they were."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - delta)


def test_the_right_password_is_refused_once_the_failure_limit_is_reached(rivera):
    fail(settings.AXES_FAILURE_LIMIT)

    assert sign_in("ms_rivera", RIGHT) == LOCKED


def test_failures_below_the_limit_still_let_the_right_password_in(rivera):
    fail(settings.AXES_FAILURE_LIMIT - 1)

    assert sign_in("ms_rivera", RIGHT) == 302


def test_the_lockout_page_says_what_happened_and_what_to_do(rivera):
    fail(settings.AXES_FAILURE_LIMIT)

    response = Client(REMOTE_ADDR="10.1.1.1").post(
        LOGIN, {"username": "ms_rivera", "password": RIGHT}
    )

    page = response.content.decode()
    assert response.status_code == LOCKED
    assert "Quiz generator" in page  # the admin's header: the page is in the admin's look
    assert "Sign-in locked" in page
    assert f"Wait {settings.SIGNIN_LOCKOUT_MINUTES} minutes" in page
    assert "manage.py axes_reset_username" in page
    assert response["Retry-After"] == str(settings.SIGNIN_LOCKOUT_MINUTES * 60)


def test_the_lockout_page_gives_the_configured_wait(rivera, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=40)
    fail(settings.AXES_FAILURE_LIMIT)

    response = Client(REMOTE_ADDR="10.1.1.1").post(
        LOGIN, {"username": "ms_rivera", "password": RIGHT}
    )

    assert "Wait 40 minutes" in response.content.decode()


def test_one_account_guessed_from_many_addresses_is_locked(rivera):
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(1, address=f"203.0.113.{n + 1}")

    assert sign_in("ms_rivera", RIGHT, address="198.51.100.7") == LOCKED


def test_many_accounts_tried_from_one_address_lock_that_address(db):
    okafor = make_teacher("mr_okafor")
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(1, username=f"teacher{n}", address="10.9.9.9")

    assert sign_in(okafor.username, RIGHT, address="10.9.9.9") == LOCKED
    assert sign_in(okafor.username, RIGHT, address="10.8.8.8") == 302


def test_another_teacher_from_another_address_still_signs_in(rivera):
    okafor = make_teacher("mr_okafor")
    fail(settings.AXES_FAILURE_LIMIT + 3)

    assert sign_in(okafor.username, RIGHT, address="10.2.2.2") == 302


def test_the_lockout_is_kept_in_the_database_where_every_worker_sees_it(rivera):
    fail(settings.AXES_FAILURE_LIMIT)

    cache.clear()  # nothing of it is in the cache (nor in this process's memory: a new client)

    assert AccessAttempt.objects.get(username="ms_rivera").failures_since_start == (
        settings.AXES_FAILURE_LIMIT
    )
    assert sign_in("ms_rivera", RIGHT) == LOCKED


def test_a_new_x_forwarded_for_on_each_try_does_not_get_round_the_lock(db):
    """By default the header is the client's to write, so it names no address."""
    okafor = make_teacher("mr_okafor")
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(1, username=f"teacher{n}", HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}")

    assert sign_in(okafor.username, RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.99") == LOCKED
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.1.1.1"}


def test_behind_a_trusted_proxy_the_forwarded_address_is_locked_not_the_proxy(db, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    okafor = make_teacher("mr_okafor")
    proxy = {"address": "10.0.0.1"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(1, username=f"teacher{n}", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)

    assert sign_in(okafor.username, RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy) == LOCKED
    assert sign_in(okafor.username, RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy) == 302


def test_the_lock_holds_until_the_cool_off_ends(rivera):
    fail(settings.AXES_FAILURE_LIMIT)

    let_time_pass(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))

    assert sign_in("ms_rivera", RIGHT) == LOCKED


def test_the_lock_lifts_once_the_cool_off_has_passed(rivera):
    fail(settings.AXES_FAILURE_LIMIT)

    let_time_pass(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))

    assert sign_in("ms_rivera", RIGHT) == 302
