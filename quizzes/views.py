"""Student pages. They parse input, call the attempts service, and render."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from quizzes import attempts, throttle
from quizzes.exceptions import AttemptNotFound, AttemptRefused
from quizzes.forms import JoinForm, QuizForm
from quizzes.joincodes import normalise_join_code
from quizzes.models import Attempt, Quiz
from quizzes.snapshots import split_paragraphs

logger = logging.getLogger(__name__)

ATTEMPTS_SESSION_KEY = "attempts"


def _too_many_failures() -> str:
    minutes = max(settings.JOIN_FAILURE_WINDOW_SECONDS // 60, 1)
    return (
        f"Too many wrong codes from this device. Wait {minutes} minutes, then check the code "
        "with your teacher."
    )


UNAVAILABLE_MESSAGES = {
    None: "There is no quiz with that code. Check it with your teacher.",
    Quiz.Status.DRAFT: "This quiz is not open yet. Ask your teacher when it starts.",
    Quiz.Status.CLOSED: "This quiz is closed: it no longer takes answers.",
}


def _find_quiz(code: str) -> Quiz | None:
    return (
        Quiz.objects.filter(join_code=normalise_join_code(code)).select_related("article").first()
    )


def _session_attempt_id(request: HttpRequest, quiz: Quiz) -> int | None:
    return request.session.get(ATTEMPTS_SESSION_KEY, {}).get(quiz.join_code)


def _remember_attempt(request: HttpRequest, attempt: Attempt) -> None:
    known = request.session.get(ATTEMPTS_SESSION_KEY, {})
    known[attempt.quiz.join_code] = attempt.pk
    request.session[ATTEMPTS_SESSION_KEY] = known


def _unavailable(request: HttpRequest, quiz: Quiz | None) -> HttpResponse:
    status = quiz.status if quiz else None
    return render(
        request,
        "quizzes/unavailable.html",
        {"message": UNAVAILABLE_MESSAGES[status]},
        status=404 if quiz is None else 403,
    )


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    initial = {"code": request.GET.get("code", "")[:16]}
    form = JoinForm(request.POST or None, initial=initial)
    if request.method == "POST" and throttle.join_blocked(request):
        form.is_valid()
        form.add_error("code", _too_many_failures())
        return render(request, "quizzes/join.html", {"form": form}, status=429)
    if request.method == "POST" and not form.is_valid() and "code" in form.errors:
        throttle.join_failed(request)
    if request.method == "POST" and form.is_valid():
        quiz = _find_quiz(form.cleaned_data["code"])
        if quiz is None:
            throttle.join_failed(request)
        if quiz is None or quiz.status != Quiz.Status.PUBLISHED:
            form.add_error("code", UNAVAILABLE_MESSAGES[quiz.status if quiz else None])
        else:
            try:
                attempt = attempts.attempt_start(
                    quiz=quiz,
                    student_name=form.cleaned_data["name"],
                    resume=_session_attempt_id(request, quiz),
                )
            except AttemptRefused as error:
                form.add_error("name", str(error))
            else:
                _remember_attempt(request, attempt)
                return redirect("quizzes:quiz", code=quiz.join_code)
    return render(request, "quizzes/join.html", {"form": form})


@never_cache  # the back button must ask again, and be sent to the result once submitted
@require_http_methods(["GET", "POST"])
def quiz_page(request: HttpRequest, code: str) -> HttpResponse:
    if request.method == "GET":
        attempt = _own_open_attempt(request, code)
        if attempt is not None:
            paper = attempts.Paper.from_json(attempt.layout)
            form = QuizForm(paper=paper, initial={"token": attempt.submission_token})
            return _render_quiz(request, attempt.quiz, attempt, form)
    if throttle.join_blocked(request):
        return render(
            request, "quizzes/unavailable.html", {"message": _too_many_failures()}, status=429
        )
    quiz = _find_quiz(code)
    if quiz is None:
        # Trying codes in the address bar counts like trying them in the form.
        throttle.join_failed(request)
    if request.method == "POST" and quiz is not None:
        return _submit(request, quiz)
    if quiz is None or quiz.status != Quiz.Status.PUBLISHED:
        return _unavailable(request, quiz)
    attempt = quiz.attempts.filter(pk=_session_attempt_id(request, quiz)).first()
    if attempt is None:
        return redirect(f"{reverse('quizzes:join')}?code={quiz.join_code}")
    return redirect("quizzes:result", code=quiz.join_code)


def _own_open_attempt(request: HttpRequest, code: str) -> Attempt | None:
    """The attempt this browser is answering on this quiz, found in one query: the common case
    (a student loading or reloading the page) needs nothing else."""
    join_code = normalise_join_code(code)
    attempt_id = request.session.get(ATTEMPTS_SESSION_KEY, {}).get(join_code)
    if attempt_id is None:
        return None
    return (
        Attempt.objects.select_related("quiz__article")
        .filter(
            pk=attempt_id,
            quiz__join_code=join_code,
            quiz__status=Quiz.Status.PUBLISHED,
            submitted__isnull=True,
        )
        .first()
    )


def _render_quiz(request, quiz: Quiz, attempt: Attempt, form: QuizForm, status: int = 200):
    return render(
        request,
        "quizzes/quiz.html",
        {
            "quiz": quiz,
            "attempt": attempt,
            "form": form,
            "paragraphs": split_paragraphs(quiz.article.text),
        },
        status=status,
    )


def _submit(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    token = request.POST.get("token", "")
    attempt = quiz.attempts.filter(submission_token=token).first() if _is_uuid(token) else None
    if attempt is None:
        return render(
            request,
            "quizzes/unavailable.html",
            {"message": "This quiz page is out of date. Join the quiz again with your code."},
            status=400,
        )
    if attempt.submitted is not None:
        _remember_attempt(request, attempt)
        return redirect("quizzes:result", code=quiz.join_code)
    form = QuizForm(request.POST, paper=attempts.Paper.from_json(attempt.layout))
    if not form.is_valid():
        return _render_quiz(request, quiz, attempt, form, status=400)
    try:
        attempts.attempt_submit(token=attempt.submission_token, answers=form.given())
    except (AttemptRefused, AttemptNotFound) as error:
        form.add_error(None, str(error))
        return _render_quiz(request, quiz, attempt, form, status=409)
    _remember_attempt(request, attempt)
    return redirect("quizzes:result", code=quiz.join_code)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def result(request: HttpRequest, code: str) -> HttpResponse:
    quiz = _find_quiz(code)
    attempt_id = _session_attempt_id(request, quiz) if quiz else None
    attempt = (
        Attempt.objects.filter(pk=attempt_id, quiz=quiz, submitted__isnull=False)
        .prefetch_related("responses__question")
        .first()
        if attempt_id
        else None
    )
    if attempt is None:
        return redirect(f"{reverse('quizzes:join')}?code={quiz.join_code if quiz else ''}")
    can_retake = (
        quiz.status == Quiz.Status.PUBLISHED
        and attempts.attempts_left(quiz=quiz, student_name=attempt.student_name) > 0
    )
    return render(
        request,
        "quizzes/result.html",
        {
            "quiz": quiz,
            "attempt": attempt,
            "responses": list(attempt.responses.all()),
            "can_retake": can_retake,
        },
    )
