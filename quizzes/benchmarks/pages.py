"""The student pages under gunicorn with production settings, measured from 127.0.0.1."""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TextIO

from quizzes.benchmarks.http import Student
from quizzes.benchmarks.server import HOST, gunicorn, prepared_site

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
QUESTIONS = 20
CLIENT_THREADS = 8
PAGE_REQUESTS = 2_000
SUBMISSIONS = 200
GOAL_PAGE_RPS = 500
GOAL_PAGE_P95_MS = 50
MS = 1000

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
        env, code = prepared_site(
            f"sqlite:///{folder}/bench.sqlite3", questions=QUESTIONS, static_root=Path(folder)
        )
        with gunicorn(env, workers=WORKERS) as (port, _):
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
