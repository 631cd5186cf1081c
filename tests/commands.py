"""Running management commands in tests as `manage.py` would, on the test database."""

from __future__ import annotations

import importlib
import io

from django.core.management.base import CommandError


def run_command(name: str, *args: object) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `manage.py name args`, run in this process.

    This is BaseCommand.run_from_argv without its last step, closing every database connection,
    which would end the test's own transaction (PostgreSQL then refuses the test's next query).
    """
    module = importlib.import_module(f"quizzes.management.commands.{name}")
    out, err = io.StringIO(), io.StringIO()
    command = module.Command(stdout=out, stderr=err)
    command._called_from_command_line = True
    parser = command.create_parser("manage.py", name)
    try:
        options = vars(parser.parse_args([str(arg) for arg in args]))
    except SystemExit as exit_:  # a usage error: argparse exits with status 2
        return exit_.code, out.getvalue(), err.getvalue()
    positional = options.pop("args", ())
    try:
        command.execute(*positional, **options)
    except CommandError as error:
        command.stderr.write(f"{error.__class__.__name__}: {error}")
        return error.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()
