"""Writes of teachers: the Teachers group with its permissions, and teacher accounts."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import transaction

logger = logging.getLogger(__name__)

TEACHERS_GROUP = "Teachers"
DEMO_TEACHER_USERNAME = "teacher"
GENERATED_PASSWORD_BYTES = 12


def generate_password() -> str:
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


# What a teacher may do in the admin; the migration that first makes the group holds the same list.
TEACHER_PERMISSIONS = {
    "article": ("add", "change", "delete", "view"),
    "quiz": ("add", "change", "delete", "view"),
    "question": ("add", "change", "delete", "view"),
    "choice": ("add", "change", "delete", "view"),
    "acceptedanswer": ("add", "change", "delete", "view"),
    "attempt": ("change", "view"),
    "response": ("change", "view"),
}


def teachers_group() -> Group:
    """The Teachers group with its permissions, restored if someone emptied or removed it."""
    group, _ = Group.objects.get_or_create(name=TEACHERS_GROUP)
    if not group.permissions.exists():
        codenames = [f"{a}_{m}" for m, actions in TEACHER_PERMISSIONS.items() for a in actions]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames)
        )
    return group


@dataclass(frozen=True)
class TeacherAccount:
    user: AbstractUser
    created: bool


def teacher_ensure(*, username: str, password: str, email: str = "") -> TeacherAccount:
    """Create the teacher, or reset the password of an existing one, in the Teachers group."""
    user_model = get_user_model()
    with transaction.atomic():
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": email}
        )
        user.is_staff = True
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(teachers_group())
    logger.info("teacher %s %s", username, "created" if created else "updated")
    return TeacherAccount(user=user, created=created)
