"""A limit on failed joins per client address, so join codes cannot be guessed by brute force.

Counters live in the shared (database) cache, so the limit holds across workers and hosts.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

KEY_PREFIX = "join-failures:"


def client_address(request: HttpRequest) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def join_blocked(request: HttpRequest) -> bool:
    failures = cache.get(KEY_PREFIX + client_address(request), 0)
    return failures >= settings.JOIN_FAILURES_ALLOWED


def join_failed(request: HttpRequest) -> None:
    key = KEY_PREFIX + client_address(request)
    # add() starts the window at the first failure; incr() keeps its expiry.
    if not cache.add(key, 1, timeout=settings.JOIN_FAILURE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=settings.JOIN_FAILURE_WINDOW_SECONDS)
