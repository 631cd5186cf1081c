"""Student pages. They parse input, ask the database or a service, and render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from quizzes.forms import JoinForm
from quizzes.joincodes import normalise_join_code
from quizzes.models import Quiz

STUDENT_NAME_SESSION_KEY = "student_name"

UNAVAILABLE_MESSAGES = {
    None: "There is no quiz with that code. Check it with your teacher.",
    Quiz.Status.DRAFT: "This quiz is not open yet. Ask your teacher when it starts.",
    Quiz.Status.CLOSED: "This quiz is closed: it no longer takes answers.",
}


def _find_quiz(code: str) -> Quiz | None:
    return (
        Quiz.objects.filter(join_code=normalise_join_code(code)).select_related("article").first()
    )


def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        quiz = _find_quiz(form.cleaned_data["code"])
        status = quiz.status if quiz else None
        if status == Quiz.Status.PUBLISHED:
            request.session[STUDENT_NAME_SESSION_KEY] = form.cleaned_data["name"]
            return redirect("quizzes:quiz", code=quiz.join_code)
        form.add_error("code", UNAVAILABLE_MESSAGES[status])
    return render(request, "quizzes/join.html", {"form": form})


def quiz_page(request: HttpRequest, code: str) -> HttpResponse:
    quiz = _find_quiz(code)
    status = quiz.status if quiz else None
    if status != Quiz.Status.PUBLISHED:
        return render(
            request,
            "quizzes/unavailable.html",
            {"message": UNAVAILABLE_MESSAGES[status]},
            status=404 if quiz is None else 403,
        )
    return render(
        request,
        "quizzes/quiz.html",
        {
            "quiz": quiz,
            "student_name": request.session.get(STUDENT_NAME_SESSION_KEY, ""),
            "question_count": quiz.questions.count(),
        },
    )
