"""What every teacher's page in the admin shares: a teacher sees and reaches only their own rows."""

from __future__ import annotations

from functools import partial

from django.contrib import admin
from django.http import Http404, HttpRequest
from django.urls import path


class OwnedAdmin(admin.ModelAdmin):
    """A teacher's objects only; another teacher's URL answers 404, as if it did not exist."""

    owner_path = "owner"

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.owner_path: request.user})

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(f"No {opts.verbose_name} with id {object_id} is yours.")

    def admin_url(self, route: str, view, name: str):
        bound = partial(view, self)
        return path(route, self.admin_site.admin_view(bound), name=f"quizzes_{name}")
