"""Running management commands in tests as `manage.py` would, on the test database."""

from __future__ import annotations

import importlib
import io


def run_command(name: str, *args: object) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `manage.py name args`, run in this process."""
    module = importlib.import_module(f"quizzes.management.commands.{name}")
    out, err = io.StringIO(), io.StringIO()
    command = module.Command(stdout=out, stderr=err)
    try:
        command.run_from_argv(["manage.py", name, *map(str, args)])
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()
