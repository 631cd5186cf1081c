"""`make loadtest`: a class of students joining one quiz and submitting at the same moment.

Starts gunicorn (production settings) on 127.0.0.1 with its own database, then each student
(own session, own CSRF token) opens the join page, joins, loads the quiz and waits; all submit
together. A submission that gets no answer is retried, as a browser's user would. Afterwards the
database must hold exactly one submitted attempt per student, each with every answer.

`--teacher` (`make loadtest-teacher`) runs it twice, on a fresh site each time: once as above,
then with the quiz's teacher at work in the admin while the class submits. Signed in through the
login form like a browser, with the pages open beforehand, the teacher sends the costliest
article file the site accepts from one tab as the class submits; from another, a fix of every
question's key, then presses Regrade. Both runs must pass, the regrade must leave no mark out
of date, and the students' p95 submit time may be at most TEACHER_P95_GOAL times the plain run's.

Traffic goes only to 127.0.0.1; the run is bounded by the number of students and a deadline.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quizzes.benchmarks import uploads
from quizzes.benchmarks.http import ADMIN_ARTICLE_ADD, Reply, Student, Teacher, results_path
from quizzes.benchmarks.server import (
    BENCH_TEACHER,
    BENCH_TEACHER_PASSWORD,
    HOST,
    gunicorn,
    manage,
    prepared_site,
)
from quizzes.textfiles import MAX_READ_SECONDS

STUDENTS = 200
QUESTIONS = 20
WORKERS = 4
RETRIES = 3
DEADLINE_SECONDS = 300
MS = 1000
TEACHER_TABS = 2
TEACHER_ACTIONS = ("upload", "key edit", "regrade")
UPLOAD_NAME = "costliest.docx"
UPLOAD_TITLE = "Costliest"
# A teacher at work may at most double what the slowest students wait for their result.
TEACHER_P95_GOAL = 2.0
REGRADED_RE = re.compile(r"Regraded (\d+) answers with the current keys: (\d+) changed")
FORM_ERROR_RE = re.compile(r'<ul class="errorlist"[^>]*>\s*<li>(.*?)</li>', re.S)

COUNT_SCRIPT = """
from quizzes.models import Attempt, Response
code = "JOIN_CODE"
attempts = Attempt.objects.filter(quiz__join_code=code, submitted__isnull=False)
names = list(attempts.values_list("student_name", flat=True))
print(len(names), len(set(names)), Response.objects.filter(attempt__in=attempts).count())
"""
# Marks the teacher's regrade left out of date (a regrade now would change them), the articles
# stored from the teacher's upload, and the questions whose right answer the fix changed.
TEACHER_SCRIPT = """
from quizzes import services
from quizzes.models import Article, Choice, Quiz
quiz = Quiz.objects.get(join_code="JOIN_CODE")
stale = services.quiz_regrade(quiz=quiz).changed
articles = Article.objects.filter(title="UPLOAD_TITLE").count()
fixed = Choice.objects.filter(question__quiz=quiz, is_correct=True).exclude(text="Ukraine").count()
print(stale, articles, fixed)
"""


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    confirmed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Each submission's (sent, answered) times, to see which ones a teacher's action overlapped.
    submit_spans: list[tuple[float, float]] = field(default_factory=list)

    def record(self, phase: str, reply: Reply | None, *, ok: bool) -> None:
        with self.lock:
            if reply is not None:
                self.latencies.setdefault(phase, []).append(reply.seconds)
                if phase == "submit":
                    self.submit_spans.append((reply.sent, reply.sent + reply.seconds))
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


@dataclass
class TeacherLog:
    """What the teacher waited for, and what went wrong."""

    replies: dict[str, Reply] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    checked: int = 0
    changed: int = 0

    def expect_redirect(self, action: str, reply: Reply) -> bool:
        self.replies[action] = reply
        if reply.status == 302:
            return True
        error = FORM_ERROR_RE.search(reply.body)
        reason = re.sub(r"<[^>]+>", "", error.group(1)).strip() if error else "no form error"
        self.problems.append(f"{action}: HTTP {reply.status} ({reason})")
        return False


@dataclass(frozen=True)
class OpenPages:
    """What the teacher's browser tabs show before the class submits: the forms to send."""

    quiz_id: int
    upload_csrf: str
    quiz_form: dict[str, str]
    results_csrf: str


def swap_right_answers(form: dict[str, str]) -> dict[str, str]:
    """Every question's right answer swapped with its first wrong choice: a key fix that changes
    the mark of every student who picked either of the two."""
    edited = dict(form)
    for name, answer in form.items():
        prefix = name.removesuffix("-answer")
        wrong = form.get(f"{prefix}-wrong_choices", "").splitlines()
        if prefix == name or not answer or not wrong:
            continue
        edited[name] = wrong[0]
        edited[f"{prefix}-wrong_choices"] = "\n".join([answer, *wrong[1:]])
    return edited


def _upload_tab(
    teacher: Teacher, pages: OpenPages, upload: bytes, log: TeacherLog, start: threading.Barrier
) -> None:
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait()
    try:
        reply = teacher.upload_article(UPLOAD_NAME, upload, csrf=pages.upload_csrf)
        if log.expect_redirect("upload", reply):
            teacher.follow(reply)
    except OSError as error:
        log.problems.append(f"upload: no answer ({error})")


def _regrade_tab(
    teacher: Teacher, pages: OpenPages, log: TeacherLog, start: threading.Barrier
) -> None:
    """Saves the fixed keys as the class submits, then presses Regrade on the results page
    opened beforehand: the regrade comes as early as the fix allows."""
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait()
    try:
        reply = teacher.save_quiz(pages.quiz_id, swap_right_answers(pages.quiz_form))
        if not log.expect_redirect("key edit", reply):
            return
        reply = teacher.regrade(pages.quiz_id, csrf=pages.results_csrf)
        if not log.expect_redirect("regrade", reply):
            return
        page = teacher.follow(reply)
    except OSError as error:
        log.problems.append(f"key edit or regrade: no answer ({error})")
        return
    found = REGRADED_RE.search(page.body if page else "")
    if found is None:
        log.problems.append("regrade: the results page does not say what was regraded")
        return
    log.checked, log.changed = map(int, found.groups())


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


@dataclass(frozen=True)
class Stored:
    """What the teacher's work left in the database."""

    stale_marks: int
    articles: int
    keys_fixed: int


@dataclass(frozen=True)
class Outcome:
    students: int
    passed: bool
    submit_p50: float
    submit_p95: float
    errors: int
    lost: int
    teacher: TeacherLog | None = None
    stored: Stored | None = None


def run(
    *,
    students: int,
    database_url: str | None,
    workers: int,
    teacher_upload: bytes | None = None,
) -> Outcome:
    """One class submitting; with `teacher_upload`, the teacher at work meanwhile (see above)."""
    with database(database_url) as url, tempfile.TemporaryDirectory() as static_root:
        engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        env, code = prepared_site(url, questions=QUESTIONS, static_root=Path(static_root))
        teaching = teacher_upload is not None
        stored_work = None
        print(
            f"load test: {students} students, one {QUESTIONS}-question quiz, gunicorn "
            f"{workers} workers, {engine}, 127.0.0.1"
            + (f", a teacher uploading {len(teacher_upload):,} bytes and regrading" if teaching
               else "")
        )  # fmt: skip
        with gunicorn(env, workers=workers) as (port, _):
            tally = Tally()
            log = TeacherLog()
            start = threading.Barrier(
                students + (TEACHER_TABS if teaching else 0), timeout=DEADLINE_SECONDS
            )
            crowd = [Student(HOST, port, f"Student {n:03d}") for n in range(students)]
            threads = [
                threading.Thread(target=_student, args=(s, code, tally, start), daemon=True)
                for s in crowd
            ]
            if teaching:
                threads += _teacher_tabs(port, code, teacher_upload, log, start)
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=DEADLINE_SECONDS)
            elapsed = time.perf_counter() - began
        # The class's figures first, then the teacher's, in one process (each new one spends a
        # second starting Django): the teacher's regrade must not touch what was counted.
        script = COUNT_SCRIPT + (TEACHER_SCRIPT if teaching else "")
        script = script.replace("JOIN_CODE", code).replace("UPLOAD_TITLE", UPLOAD_TITLE)
        lines = manage(env, "shell", "-c", script).splitlines()
        stored, distinct, responses = map(int, lines[-2 if teaching else -1].split())
        if teaching:
            stored_work = Stored(*map(int, lines[-1].split()))
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
    passed = errors == 0 and stored == distinct == students and responses == students * QUESTIONS
    if teaching:
        passed &= _report_teacher(log, tally, stored_work)
    submits = tally.latencies.get("submit") or [float("inf")]
    return Outcome(
        students=students,
        passed=passed,
        submit_p50=statistics.median(submits),
        submit_p95=_percentile(submits, 0.95),
        errors=errors,
        lost=lost,
        teacher=log if teaching else None,
        stored=stored_work if teaching else None,
    )


def _teacher_tabs(
    port: int, code: str, upload: bytes, log: TeacherLog, start: threading.Barrier
) -> list[threading.Thread]:
    """The teacher signs in and opens the pages before the class submits; two tabs then wait."""
    teacher = Teacher(HOST, port, BENCH_TEACHER)
    if teacher.sign_in(BENCH_TEACHER_PASSWORD).status != 302:
        raise RuntimeError(f"the teacher {BENCH_TEACHER} could not sign in to the admin")
    quiz_id = teacher.quiz_id(code)
    pages = OpenPages(
        quiz_id=quiz_id,
        upload_csrf=teacher.csrf_token(ADMIN_ARTICLE_ADD),
        quiz_form=teacher.quiz_form(quiz_id),
        results_csrf=teacher.csrf_token(results_path(quiz_id)),
    )
    return [
        threading.Thread(
            target=_upload_tab, args=(teacher, pages, upload, log, start), daemon=True
        ),
        threading.Thread(target=_regrade_tab, args=(teacher, pages, log, start), daemon=True),
    ]


def _report_teacher(log: TeacherLog, tally: Tally, stored: Stored) -> bool:
    for action, reply in log.replies.items():
        began, ended = reply.sent, reply.sent + reply.seconds
        overlapped = sum(sent < ended and began < answered for sent, answered in tally.submit_spans)
        print(
            f"  teacher {action:9} {reply.seconds * MS:7.1f} ms  "
            f"while {overlapped} students' submissions were in flight"
        )
    print(
        f"  teacher: regraded {log.checked} answers, {log.changed} changed; marks out of date "
        f"afterwards {stored.stale_marks}; keys fixed {stored.keys_fixed} of {QUESTIONS}; "
        f"uploaded article stored {stored.articles}"
    )
    for problem in log.problems:
        print(f"  teacher problem: {problem}")
    return (
        not log.problems
        and stored == Stored(stale_marks=0, articles=1, keys_fixed=QUESTIONS)
        and set(log.replies) == set(TEACHER_ACTIONS)
    )


def _summary(label: str, outcome: Outcome) -> str:
    line = (
        f"{label:8} students {outcome.students}, errors {outcome.errors}, lost {outcome.lost}, "
        f"submit p50 {outcome.submit_p50 * MS:.0f} ms, p95 {outcome.submit_p95 * MS:.0f} ms"
    )
    if outcome.teacher is not None:
        replies = outcome.teacher.replies
        line += "".join(
            f", {action} {replies[action].seconds * MS:.0f} ms"
            for action in TEACHER_ACTIONS
            if action in replies
        )
    return line


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
    parser.add_argument(
        "--teacher",
        action="store_true",
        help="Run it plain, then again with a teacher uploading and regrading meanwhile, "
        "and compare the students' p95 submit times.",
    )
    args = parser.parse_args()
    options = {
        "students": args.students,
        "database_url": args.database_url or None,
        "workers": args.workers,
    }
    outcome = run(**options)
    ok = outcome.passed
    if args.teacher:
        costliest = uploads.costliest_accepted_docx()
        print(
            f"teacher's upload: {UPLOAD_NAME}, {len(costliest.data):,} bytes, its text part "
            f"{costliest.xml_bytes:,} bytes, read here in {costliest.read_seconds:.1f} s of CPU "
            f"(budget {MAX_READ_SECONDS} s)"
        )
        busy = run(**options, teacher_upload=costliest.data)
        ratio = busy.submit_p95 / outcome.submit_p95
        within = ratio <= TEACHER_P95_GOAL
        print(_summary("plain", outcome))
        print(_summary("teacher", busy))
        print(
            f"students' p95 submit: {outcome.submit_p95 * MS:.0f} ms plain, "
            f"{busy.submit_p95 * MS:.0f} ms with the teacher: {ratio:.2f}x "
            f"({'within' if within else 'over'} the goal of {TEACHER_P95_GOAL:g}x)"
        )
        ok = ok and busy.passed and within
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
