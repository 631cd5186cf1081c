"""`make loadtest`: a class of students joining one quiz and submitting at the same moment.

Starts gunicorn (production settings) on 127.0.0.1 with its own database, then each student
(own session, own CSRF token) opens the join page, joins, loads the quiz and waits; all submit
together. A submission that gets no answer is retried, as a browser's user would. Afterwards the
database must hold exactly one submitted attempt per student, each with every answer.

Traffic goes only to 127.0.0.1; the run is bounded by the number of students and a deadline.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizzes.benchmarks.http import Reply, Student
from quizzes.benchmarks.server import HOST, gunicorn, manage, prepared_site

STUDENTS = 200
QUESTIONS = 20
WORKERS = 4
RETRIES = 3
DEADLINE_SECONDS = 300
MS = 1000

COUNT_SCRIPT = """
from quizzes.models import Attempt, Response
code = "JOIN_CODE"
attempts = Attempt.objects.filter(quiz__join_code=code, submitted__isnull=False)
names = list(attempts.values_list("student_name", flat=True))
print(len(names), len(set(names)), Response.objects.filter(attempt__in=attempts).count())
"""


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    confirmed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, phase: str, reply: Reply | None, *, ok: bool) -> None:
        with self.lock:
            if reply is not None:
                self.latencies.setdefault(phase, []).append(reply.seconds)
            if not ok:
                self.errors[phase] = self.errors.get(phase, 0) + 1


def _student(student: Student, code: str, tally: Tally, start: threading.Barrier) -> None:
    path = f"/q/{code}/"
    try:
        reply = student.join(code)
        tally.record("join", reply, ok=reply.status == 302)
        page = student.request("GET", path)
        tally.record("quiz page", page, ok=page.status == 200)
        form = student.answers_for(page.body, pick=hash(student.name))
    except (OSError, AttributeError):
        tally.record("join", None, ok=False)
        start.abort()
        return
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait()
    for attempt in range(RETRIES + 1):
        try:
            reply = student.request("POST", path, form)
        except OSError:
            with tally.lock:
                tally.retries += attempt < RETRIES
            continue
        ok = reply.status == 302 and reply.location.endswith("/result/")
        tally.record("submit", reply, ok=ok)
        if ok:
            with tally.lock:
                tally.confirmed += 1
        return
    tally.record("submit", None, ok=False)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * share) - 1, 0)]


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    """A SQLite file in a temporary folder, or a new database on the given PostgreSQL server."""
    if not url:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/loadtest.sqlite3"
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"quizzes_loadtest_{uuid.uuid4().hex[:8]}"
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(*, students: int, database_url: str | None, workers: int) -> bool:
    with database(database_url) as url:
        engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        env, code = prepared_site(url, questions=QUESTIONS)
        print(
            f"load test: {students} students, one {QUESTIONS}-question quiz, gunicorn "
            f"{workers} workers, {engine}, 127.0.0.1"
        )
        with gunicorn(env, workers=workers) as (port, _):
            tally = Tally()
            start = threading.Barrier(students, timeout=DEADLINE_SECONDS)
            crowd = [Student(HOST, port, f"Student {n:03d}") for n in range(students)]
            threads = [
                threading.Thread(target=_student, args=(s, code, tally, start), daemon=True)
                for s in crowd
            ]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=DEADLINE_SECONDS)
            elapsed = time.perf_counter() - began
        stored, distinct, responses = map(
            int,
            manage(env, "shell", "-c", COUNT_SCRIPT.replace("JOIN_CODE", code))
            .splitlines()[-1]
            .split(),
        )
    requests = sum(len(values) for values in tally.latencies.values())
    print(
        f"  {requests} timed requests (join, quiz page, submit) in {elapsed:.1f} s: "
        f"{requests / elapsed:.0f} requests/s"
    )
    for phase, values in tally.latencies.items():
        print(
            f"  {phase:10} n={len(values):4}  p50 {statistics.median(values) * MS:7.1f} ms  "
            f"p95 {_percentile(values, 0.95) * MS:7.1f} ms  max {max(values) * MS:7.1f} ms  "
            f"errors {tally.errors.get(phase, 0)}"
        )
    errors = sum(tally.errors.values())
    lost = students - stored
    print(
        f"  errors {errors}, retried submissions {tally.retries}, confirmed {tally.confirmed}; "
        f"in the database: {stored} submitted attempts ({distinct} distinct students), "
        f"{responses} responses (expected {students * QUESTIONS}); lost {lost}"
    )
    return errors == 0 and stored == distinct == students and responses == students * QUESTIONS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=STUDENTS)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument(
        "--database-url",
        default="",
        help="A PostgreSQL server URL to test on (a temporary database is made and dropped); "
        "empty: a temporary SQLite file.",
    )
    args = parser.parse_args()
    ok = run(students=args.students, database_url=args.database_url or None, workers=args.workers)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
