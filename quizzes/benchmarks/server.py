"""A production-like server for benchmarks, the load test and the fault tests: gunicorn with
DEBUG off on 127.0.0.1, a database of its own, and one published quiz to answer."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
STARTUP_SECONDS = 30
DEFAULT_WORKERS = 2
BENCH_TEACHER = "bench"
BENCH_TEACHER_PASSWORD = "bench-password-1"

PREPARE_SITE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
"""
SETUP_QUIZ = """
from quizzes import services
from quizzes.models import AcceptedAnswer, Choice, Question
from quizzes.management.commands.setup_demo import SAMPLE_ARTICLE
account = services.teacher_ensure(username="BENCH_TEACHER", password="BENCH_PASSWORD")
text = SAMPLE_ARTICLE.read_text()
article = services.article_create(owner=account.user, title="Bench", text=text)
from quizzes.models import Quiz
quiz = services.quiz_create(quiz=Quiz(article=article, owner=account.user, title="Bench quiz"))
for n in range(1, QUESTION_COUNT + 1):
    prompt = f"Which country could rebuild, says question {n}?"
    q = Question.objects.create(quiz=quiz, order=n, prompt=prompt)
    for k, text in enumerate(["Ukraine", "Russia", "Turkey", "Poland"]):
        Choice.objects.create(question=q, text=text, is_correct=k == 0, order=k)
    AcceptedAnswer.objects.create(question=q, text="Ukraine")
services.quiz_publish(quiz=quiz)
print(quiz.join_code)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def production_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int = DEFAULT_WORKERS
) -> Iterator[tuple[int, subprocess.Popen]]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "quizsite.wsgi",
            "--bind", f"{HOST}:{port}", "--workers", str(workers),
            "--access-logfile", "-" if env.get("ACCESS_LOG") else "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=STARTUP_SECONDS)


def prepared_site(
    database_url: str, *, questions: int, static_root: Path
) -> tuple[dict[str, str], str]:
    """Migrate the database, collect static files into `static_root` (a folder of this site's
    own: collecting into the project's would rewrite files another server or test process is
    reading), publish a quiz; the env and its join code."""
    env = {**production_env(database_url), "DJANGO_STATIC_ROOT": str(static_root)}
    # One process for the three steps: each new one spends a second starting Django.
    script = PREPARE_SITE + (
        SETUP_QUIZ.replace("QUESTION_COUNT", str(questions))
        .replace("BENCH_TEACHER", BENCH_TEACHER)
        .replace("BENCH_PASSWORD", BENCH_TEACHER_PASSWORD)
    )
    return env, manage(env, "shell", "-c", script).strip().splitlines()[-1]


def worker_pids(master: subprocess.Popen) -> list[int]:
    """gunicorn's worker processes: the master's children, read from /proc."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return [int(pid) for pid in children.read_text().split()]
