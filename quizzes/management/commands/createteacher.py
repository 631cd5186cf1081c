"""Create a teacher (staff, in the Teachers group), or reset an existing teacher's password."""

from __future__ import annotations

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quizzes import services

PASSWORD_ENV = "TEACHER_PASSWORD"


def clean_username(raw: str) -> str:
    """The name as the sign-in form reads it, once the user model's own validators accept it."""
    user_model = get_user_model()
    username = user_model.normalize_username(raw.strip())
    if not username:
        raise CommandError("Give the teacher a user name.")
    field = user_model._meta.get_field(user_model.USERNAME_FIELD)
    try:
        field.clean(username, None)
    except ValidationError as error:
        raise CommandError(
            f"{username!r} is not a valid user name: {' '.join(error.messages)}"
        ) from None
    return username


def check_password(password: str, *, username: str, email: str) -> None:
    """Django's validators, given the user so that a password like the name or e-mail is refused."""
    user_model = get_user_model()
    user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
    if user is None:
        user = user_model(**{user_model.USERNAME_FIELD: username}, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError(f"{PASSWORD_ENV} is too weak: {' '.join(error.messages)}") from None


class Command(BaseCommand):
    help = (
        "Create a teacher account that can sign in to /admin/. The password comes from "
        f"${PASSWORD_ENV}, or when that is unset or empty is generated and printed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, **options) -> None:
        username = clean_username(options["username"])
        # Set but blank (`TEACHER_PASSWORD=` from .env.example) means "generate one", like unset.
        password = os.environ.get(PASSWORD_ENV, "")
        generated = not password.strip()
        if generated:
            password = services.generate_password()
        check_password(password, username=username, email=options["email"])
        account = services.teacher_ensure(
            username=username, password=password, email=options["email"]
        )
        verb = "Created" if account.created else "Updated"
        self.stdout.write(f"{verb} teacher {username!r}.")
        if generated:
            self.stdout.write(f"Password: {password}")
