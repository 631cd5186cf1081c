"""The page a locked-out admin sign-in gets, in the admin's look (django-axes calls it)."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

LOCKOUT_TEMPLATE = "admin/signin_locked.html"
# Too Many Requests: the client may try again after the cool-off, unlike 403.
LOCKOUT_STATUS = 429
SECONDS_PER_MINUTE = 60


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    cool_off = get_cool_off(request)  # None: locked until the administrator lifts it
    seconds = int(cool_off.total_seconds()) if cool_off else None
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in locked",
        "minutes": math.ceil(seconds / SECONDS_PER_MINUTE) if seconds else None,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    response = TemplateResponse(request, LOCKOUT_TEMPLATE, context, status=LOCKOUT_STATUS)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response.render()
