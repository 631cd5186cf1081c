"""The teacher's own pages inside the admin: generate, publish, share, results, downloads.

Each view finds the object among the teacher's own (another teacher gets a 404), parses the
input, calls one service and answers with a page, a download or a redirect with a message.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.admin.helpers import AdminForm
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header

from quizzes import results, services
from quizzes.admin.forms import GenerateForm, ImportForm
from quizzes.analysis import FEW_ATTEMPTS
from quizzes.exceptions import QuizError
from quizzes.exports import export_quiz
from quizzes.generation import GenerationOptions
from quizzes.importing import MAX_IMPORT_BYTES
from quizzes.models import Article, Question, Quiz
from quizzes.sharing import join_url, qr_svg
from quizzes.snapshots import quiz_snapshot


def post_only(view):
    """Like require_POST, for views that take the ModelAdmin before the request."""

    @wraps(view)
    def wrapper(model_admin, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(model_admin, request, *args, **kwargs)

    return wrapper


def owned_quizzes(request: HttpRequest) -> QuerySet[Quiz]:
    return Quiz.objects.owned_by(request.user).select_related("article")


def owned_articles(request: HttpRequest) -> QuerySet[Article]:
    articles = Article.objects.all()
    return articles if request.user.is_superuser else articles.filter(owner=request.user)


def _to_quiz(quiz: Quiz) -> HttpResponse:
    return redirect("admin:quizzes_quiz_change", quiz.pk)


def _admin_form(model_admin, form, fieldsets) -> AdminForm:
    """A plain form laid out by the admin's own templates, so it looks like every other page."""
    return AdminForm(form, fieldsets, prepopulated_fields={}, model_admin=model_admin)


GENERATE_FIELDSETS = [
    (None, {"fields": ["title"]}),
    ("Questions", {"fields": [("multiple_choice", "short_answer"), "seed"]}),
]


def generate_view(model_admin, request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(owned_articles(request), pk=article_id)
    form = GenerateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        options = GenerationOptions(
            multiple_choice=data["multiple_choice"],
            short_answer=data["short_answer"],
            seed=data["seed"],
        )
        try:
            quiz = services.build_quiz(article, options, title=data["title"] or None)
        except QuizError as error:
            form.add_error(None, str(error))
        else:
            found = quiz.questions.count()
            messages.success(
                request,
                f"Made a draft quiz with {found} questions. Review each one, then publish it.",
            )
            if found < options.total:
                messages.warning(
                    request,
                    f"You asked for {options.total}; the article gave {found} good questions.",
                )
            return _to_quiz(quiz)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": article,
        "form": form,
        "adminform": _admin_form(model_admin, form, GENERATE_FIELDSETS),
        "title": f"Generate a quiz from “{article.title}”",
    }
    return TemplateResponse(request, "admin/quizzes/article/generate.html", context)


@post_only
def publish_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    try:
        services.quiz_publish(quiz=quiz)
    except QuizError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Published. Students join with the code {quiz.join_code}.")
    return _to_quiz(quiz)


@post_only
def close_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    services.quiz_close(quiz=quiz)
    messages.success(request, "Closed. Students can no longer submit answers.")
    return _to_quiz(quiz)


def question_anchor(question: Question) -> str:
    """The id the quiz page gives the question's box: the admin numbers its inline forms from 0
    in the inline's order (order, then id)."""
    before = question.quiz.questions.filter(
        Q(order__lt=question.order) | Q(order=question.order, pk__lt=question.pk)
    ).count()
    return f"questions-{before}"


@post_only
def regenerate_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    question = get_object_or_404(Question, pk=question_id, quiz=quiz)
    try:
        replacement = services.question_regenerate(question=question)
    except QuizError as error:
        messages.error(request, str(error))
        shown = question
    else:
        messages.success(request, f"Question {replacement.order} is now: {replacement.prompt}")
        shown = replacement
    # Back where the teacher was, at the new question, not at the top of a long page.
    change = reverse("admin:quizzes_quiz_change", args=[quiz.pk])
    return redirect(f"{change}#{question_anchor(shown)}")


def results_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    attempts = list(results.submitted_attempts(quiz))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": quiz,
        "quiz": quiz,
        "attempts": attempts,
        "summary": results.quiz_summary(quiz=quiz),
        "items": results.item_analysis(quiz=quiz),
        "few_attempts": len(attempts) < FEW_ATTEMPTS,
        "few_attempts_limit": FEW_ATTEMPTS,
        "title": f"Results: {quiz.title}",
    }
    return TemplateResponse(request, "admin/quizzes/quiz/results.html", context)


def results_csv_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    """Every answer, one per row; `?per=student` gives the gradebook, one student per row."""
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    gradebook = request.GET.get("per") == "student"
    body = results.gradebook_csv(quiz=quiz) if gradebook else results.results_csv(quiz=quiz)
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    response = HttpResponse(body.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    name = "gradebook" if gradebook else "answers"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}-{quiz.join_code}.csv"
    )
    return response


@post_only
def regrade_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    outcome = services.quiz_regrade(quiz=quiz)
    messages.success(
        request,
        f"Regraded {outcome.checked} answers with the current keys: {outcome.changed} changed. "
        "Marks you set by hand were kept.",
    )
    return redirect(reverse("admin:quizzes_quiz_results", args=[quiz.pk]))


def share_context(request: HttpRequest, quiz: Quiz) -> dict[str, str]:
    link = join_url(request, quiz)
    return {"join_link": link, "qr_svg": qr_svg(link)}


def export_view(model_admin, request: HttpRequest, quiz_id: int, fmt: str) -> HttpResponse:
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    try:
        download = export_quiz(quiz_snapshot(quiz=quiz), fmt)
    except QuizError as error:
        messages.error(request, str(error))
        return _to_quiz(quiz)
    response = HttpResponse(download.data, content_type=download.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=download.filename
    )
    return response


def import_view(model_admin, request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            quiz = services.quiz_import(owner=request.user, data=upload.read(MAX_IMPORT_BYTES + 1))
        except QuizError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request, f"Imported as a new draft with the join code {quiz.join_code}."
            )
            return _to_quiz(quiz)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "form": form,
        "adminform": _admin_form(model_admin, form, [(None, {"fields": ["file"]})]),
        "title": "Import a quiz file",
    }
    return TemplateResponse(request, "admin/quizzes/quiz/import.html", context)


def present_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The join code and QR code filling the screen, for the classroom projector."""
    quiz = get_object_or_404(owned_quizzes(request), pk=quiz_id)
    return TemplateResponse(
        request, "admin/quizzes/quiz/present.html", {"quiz": quiz, **share_context(request, quiz)}
    )
