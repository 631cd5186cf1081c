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

from quizzes import attempts, services, throttle
from quizzes.exceptions import AttemptNotFound, AttemptRefused, QuizUnavailable
from quizzes.forms import AnswerSheetForm, JoinForm
from quizzes.joincodes import normalise_join_code
from quizzes.models import Attempt, Quiz
from quizzes.snapshots import split_paragraphs

logger = logging.getLogger(__name__)

ATTEMPTS_SESSION_KEY = "attempts"


def _too_many_failures() -> str:
    minutes = max(settings.JOIN_FAILURE_WINDOW_SECONDS // 60, 1)
    return (
        f"Too many wrong codes from this device or network. Wait {minutes} minutes, then check "
        "the code with your teacher."
    )


# One answer for a code that is unknown, a draft or closed, on every page that takes a code, so
# trying codes tells nothing about which quizzes exist. Only a browser that holds an attempt of
# the quiz learns more (HELD_MESSAGES).
NO_OPEN_QUIZ = (
    "There is no open quiz with that code. Check the code with your teacher: "
    "a quiz takes answers only while it is open."
)
HELD_MESSAGES = {
    Quiz.Status.DRAFT: "This quiz is not open at the moment. Ask your teacher when it opens.",
    Quiz.Status.CLOSED: "This quiz is closed: it no longer takes answers.",
}
OUT_OF_DATE = "This quiz page is out of date. Join the quiz again with your code."


def _open_quiz(code: str) -> Quiz | None:
    return (
        Quiz.objects.published()
        .filter(join_code=normalise_join_code(code))
        .select_related("article")
        .first()
    )


def _held_attempt(request: HttpRequest, code: str) -> Attempt | None:
    """The attempt this browser started on this code's quiz, whatever the quiz's state now.
    Holding one is what lets a student through while their address is blocked."""
    join_code = normalise_join_code(code)
    attempt_id = request.session.get(ATTEMPTS_SESSION_KEY, {}).get(join_code)
    if attempt_id is None:
        return None
    return (
        Attempt.objects.select_related("quiz__article")
        .filter(pk=attempt_id, quiz__join_code=join_code)
        .first()
    )


def _remember_attempt(request: HttpRequest, attempt: Attempt) -> None:
    known = request.session.get(ATTEMPTS_SESSION_KEY, {})
    known[attempt.quiz.join_code] = attempt.pk
    request.session[ATTEMPTS_SESSION_KEY] = known


def _message(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    return render(request, "quizzes/unavailable.html", {"message": message}, status=status)


def _blocked(request: HttpRequest) -> HttpResponse:
    return _message(request, _too_many_failures(), status=429)


def _no_open_quiz(request: HttpRequest) -> HttpResponse:
    # Drafts and closed quizzes count too, so the throttle tells no more than the page.
    throttle.join_failed(request)
    return _message(request, NO_OPEN_QUIZ, status=404)


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    initial = {"code": request.GET.get("code", "")[:16]}
    form = JoinForm(request.POST or None, initial=initial)
    held = _held_attempt(request, request.POST.get("code", "")) if request.POST else None
    if held is None and throttle.join_blocked(request):
        if request.method == "GET":  # told before typing: the form would be refused anyway
            return _blocked(request)
        form.is_valid()
        form.add_error("code", _too_many_failures())
        return render(request, "quizzes/join.html", {"form": form}, status=429)
    if request.method == "POST" and not form.is_valid() and "code" in form.errors:
        throttle.join_failed(request)
    if request.method == "POST" and form.is_valid():
        quiz = _open_quiz(form.cleaned_data["code"])
        if quiz is None and held is not None:
            form.add_error("code", HELD_MESSAGES.get(held.quiz.status, NO_OPEN_QUIZ))
        elif quiz is None:
            throttle.join_failed(request)
            form.add_error("code", NO_OPEN_QUIZ)
        else:
            try:
                attempt = services.attempt_start(
                    quiz=quiz,
                    student_name=form.cleaned_data["name"],
                    resume=held.pk if held else None,
                )
            except QuizUnavailable:  # closed since it was looked up
                form.add_error("code", NO_OPEN_QUIZ)
            except AttemptRefused as error:
                form.add_error("name", str(error))
            else:
                _remember_attempt(request, attempt)
                return redirect("quizzes:quiz", code=quiz.join_code)
    return render(request, "quizzes/join.html", {"form": form})


@never_cache  # the back button must ask again, and be sent to the result once submitted
@require_http_methods(["GET", "POST"])
def quiz_page(request: HttpRequest, code: str) -> HttpResponse:
    if request.method == "POST":
        attempt = _attempt_for_token(code, request.POST.get("token", ""))
        if attempt is not None:
            # The token proves this is a student's own page: never throttled.
            return _submit(request, attempt)
    else:
        attempt = _held_attempt(request, code)
        if attempt is not None:
            return _show_held(request, attempt)
    return _without_attempt(request, code, posted=request.method == "POST")


def _show_held(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    quiz = attempt.quiz
    if attempt.submitted is not None:
        return redirect("quizzes:result", code=quiz.join_code)
    if quiz.status != Quiz.Status.PUBLISHED:
        return _message(request, HELD_MESSAGES[quiz.status], status=403)
    paper = attempts.Paper.from_json(attempt.layout)
    form = AnswerSheetForm(paper=paper, initial={"token": attempt.submission_token})
    return _render_quiz(request, quiz, attempt, form)


def _attempt_for_token(code: str, token: str) -> Attempt | None:
    if not _is_uuid(token):
        return None
    return (
        Attempt.objects.select_related("quiz__article")
        .filter(submission_token=token, quiz__join_code=normalise_join_code(code))
        .first()
    )


def _render_quiz(
    request,
    quiz: Quiz,
    attempt: Attempt,
    form: AnswerSheetForm,
    status: int = 200,
    *,
    blanks: list[int] | None = None,
):
    return render(
        request,
        "quizzes/quiz.html",
        {
            "quiz": quiz,
            "attempt": attempt,
            "form": form,
            "paragraphs": split_paragraphs(quiz.article.text),
            "blanks": blanks or [],
            "blank_list": _and_list(blanks or []),
        },
        status=status,
    )


def _and_list(numbers: list[int]) -> str:
    """[2, 5, 7] -> '2, 5 and 7'."""
    words = [str(number) for number in numbers]
    return " and ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def _submit(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    quiz = attempt.quiz
    if attempt.submitted is not None:
        _remember_attempt(request, attempt)
        return redirect("quizzes:result", code=quiz.join_code)
    form = AnswerSheetForm(request.POST, paper=attempts.Paper.from_json(attempt.layout))
    if not form.is_valid():
        return _render_quiz(request, quiz, attempt, form, status=400)
    blanks = form.blank_numbers()
    if blanks and not form.cleaned_data["blanks_confirmed"]:
        # Asked once, on the page itself, so it works without JavaScript: nothing is stored yet.
        return _render_quiz(request, quiz, attempt, form, blanks=blanks)
    try:
        services.attempt_submit(token=attempt.submission_token, answers=form.given())
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


@never_cache  # a student who comes back once the quiz is closed must get the answers
@require_http_methods(["GET"])
def result(request: HttpRequest, code: str) -> HttpResponse:
    attempt = _held_attempt(request, code)
    if attempt is not None and attempt.submitted is None:
        return redirect("quizzes:quiz", code=attempt.quiz.join_code)
    if attempt is not None:
        return _render_result(request, attempt)
    return _without_attempt(request, code)


def _without_attempt(request: HttpRequest, code: str, *, posted: bool = False) -> HttpResponse:
    """A code from a browser that holds no attempt of it: the same answer for an unknown, a draft
    and a closed quiz, counted toward the throttle; an open quiz sends the student to join it."""
    if throttle.join_blocked(request):
        return _blocked(request)
    quiz = _open_quiz(code)
    if quiz is None:
        return _no_open_quiz(request)
    if posted:
        return _message(request, OUT_OF_DATE, status=400)
    return redirect(f"{reverse('quizzes:join')}?code={quiz.join_code}")


def _render_result(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    quiz = attempt.quiz
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
            "responses": list(attempt.responses.select_related("question")),
            "answers_visible": attempts.answers_visible(quiz),
            "answers_later": quiz.answers_shown == Quiz.AnswersShown.AFTER_CLOSE,
            "can_retake": can_retake,
        },
    )
