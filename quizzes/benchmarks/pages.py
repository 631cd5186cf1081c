"""The student pages under gunicorn with production settings, measured from 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from quizzes.benchmarks.http import Student

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
WORKERS = 2
QUESTIONS = 20
CLIENT_THREADS = 8
PAGE_REQUESTS = 2_000
SUBMISSIONS = 200
GOAL_PAGE_RPS = 500
GOAL_PAGE_P95_MS = 50
STARTUP_SECONDS = 30
MS = 1000

SETUP_QUIZ = f"""
from quizzes import services
from quizzes.models import AcceptedAnswer, Choice, Question
from quizzes.management.commands.setup_demo import SAMPLE_ARTICLE
account = services.teacher_ensure(username="bench", password="bench-password-1")
text = SAMPLE_ARTICLE.read_text()
article = services.article_create(owner=account.user, title="Bench", text=text)
from quizzes.models import Quiz
quiz = Quiz(article=article, owner=account.user, title="Bench quiz")
services._save_with_join_code(quiz)
for n in range(1, {QUESTIONS} + 1):
    prompt = f"Which country could rebuild, says question {{n}}?"
    q = Question.objects.create(quiz=quiz, order=n, prompt=prompt)
    for k, text in enumerate(["Ukraine", "Russia", "Turkey", "Poland"]):
        Choice.objects.create(question=q, text=text, is_correct=k == 0, order=k)
    AcceptedAnswer.objects.create(question=q, text="Ukraine")
services.quiz_publish(quiz=quiz)
print(quiz.join_code)
"""


def _free_port() -> int:
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


def _manage(env: dict[str, str], *args: str) -> str:
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
    env: dict[str, str], *, workers: int = WORKERS
) -> Iterator[tuple[int, subprocess.Popen]]:
    port = _free_port()
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


client_share: list[float] = []


def _in_threads(jobs: list, worker) -> tuple[list[float], int, float]:
    """worker(job) over the jobs in CLIENT_THREADS threads -> latencies, errors, seconds."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    pending = iter(jobs)

    def loop() -> None:
        nonlocal errors
        while True:
            with lock:
                job = next(pending, None)
            if job is None:
                return
            try:
                seconds = worker(job)
            except (OSError, ValueError, AttributeError):
                with lock:
                    errors += 1
                continue
            with lock:
                latencies.append(seconds)

    threads = [threading.Thread(target=loop) for _ in range(CLIENT_THREADS)]
    start, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    # The client shares the machine's two cores with gunicorn: say how much of them it took.
    client_share.append((time.process_time() - cpu) / seconds)
    return latencies, errors, seconds


def _report(out: TextIO, label: str, latencies: list[float], errors: int, seconds: float) -> None:
    ordered = sorted(latencies)
    p95 = ordered[int(len(ordered) * 0.95) - 1] * MS if ordered else float("nan")
    p50 = statistics.median(ordered) * MS if ordered else float("nan")
    rate = len(latencies) / seconds
    out.write(
        f"  {label:44} {rate:8.0f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
        f"max {max(ordered) * MS:6.1f} ms   errors {errors}   "
        f"(client used {client_share[-1]:.1f} of 2 cores)\n"
    )


def run(out: TextIO) -> None:
    out.write(
        f"student pages (gunicorn, {WORKERS} workers, production settings, SQLite, "
        f"{CLIENT_THREADS} client threads on the same machine)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        env = production_env(f"sqlite:///{folder}/bench.sqlite3")
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "collectstatic", "--noinput", "-v", "0")
        code = _manage(env, "shell", "-c", SETUP_QUIZ).strip().splitlines()[-1]
        with gunicorn(env) as (port, _):
            readers = [Student(HOST, port, f"Reader {n}") for n in range(CLIENT_THREADS)]
            for reader in readers:
                reader.join(code)
            path = f"/q/{code}/"

            def get_page(number: int) -> float:
                reply = readers[number % len(readers)].request("GET", path)
                if reply.status != 200:
                    raise ValueError(reply.status)
                return reply.seconds

            latencies, errors, seconds = _in_threads(list(range(PAGE_REQUESTS)), get_page)
            _report(out, f"GET quiz page ({QUESTIONS} questions)", latencies, errors, seconds)
            out.write(f"    goal >= {GOAL_PAGE_RPS} req/s, p95 <= {GOAL_PAGE_P95_MS} ms\n")

            students = [Student(HOST, port, f"Student {n}") for n in range(SUBMISSIONS)]
            for student in students:
                student.join(code)
            pages = {s.name: s.request("GET", path).body for s in students}

            def submit(student: Student) -> float:
                reply = student.request("POST", path, student.answers_for(pages[student.name]))
                if reply.status != 302:
                    raise ValueError(reply.status)
                return reply.seconds

            latencies, errors, seconds = _in_threads(students, submit)
            _report(
                out, f"POST submission ({QUESTIONS} answers graded)", latencies, errors, seconds
            )


if __name__ == "__main__":
    run(sys.stdout)
