from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import content_disposition_header

from quizzes.handouts import (
    DEFAULT_PAGE_SIZE,
    MAX_VERSIONS,
    HandoutError,
    answer_keys_pdf,
    student_sheets_pdf,
)
from quizzes.models import AcceptedAnswer, Article, Attempt, Choice, Question, Quiz, Response
from quizzes.snapshots import quiz_snapshot

# The export_pdf command's default seed, so a class set from the admin matches one from the CLI.
HANDOUT_SEED = 0


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ("order", "kind", "prompt", "points", "source_sentence")
    show_change_link = True


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


class AcceptedAnswerInline(admin.TabularInline):
    model = AcceptedAnswer
    extra = 0


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    fields = (
        "question_prompt",
        "answer_text",
        "correct_answer_text",
        "is_correct",
        "points_awarded",
    )
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "word_count", "created")
    search_fields = ("title", "text")
    readonly_fields = ("word_count", "created", "updated")


class HandoutForm(forms.Form):
    versions = forms.IntegerField(min_value=1, max_value=MAX_VERSIONS, initial=1)
    duplex = forms.BooleanField(required=False)


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ("title", "join_code", "status", "owner", "created")
    list_filter = ("status",)
    search_fields = ("title", "join_code")
    readonly_fields = ("join_code", "published_at", "closed_at", "created")
    inlines = [QuestionInline]

    def get_urls(self):
        def handout_url(route: str, *, answer_key: bool, name: str):
            view = self.admin_site.admin_view(self.handout_view)
            return path(route, view, {"answer_key": answer_key}, name=name)

        return [
            handout_url(
                "<int:quiz_id>/handouts/student-sheets/",
                answer_key=False,
                name="quizzes_quiz_student_sheets",
            ),
            handout_url(
                "<int:quiz_id>/handouts/answer-keys/",
                answer_key=True,
                name="quizzes_quiz_answer_keys",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        can_print = object_id.isdigit() and (
            Quiz.objects.owned_by(request.user).filter(pk=object_id).exists()
        )
        extra_context = {
            **(extra_context or {}),
            "can_print_handouts": can_print,
            "max_versions": MAX_VERSIONS,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def handout_view(self, request: HttpRequest, quiz_id: int, *, answer_key: bool) -> HttpResponse:
        """The student sheets or keys of `?versions=N` versions (default 1), for the owner only."""
        quiz = get_object_or_404(
            Quiz.objects.owned_by(request.user).select_related("article"), pk=quiz_id
        )
        form = HandoutForm(request.GET or {"versions": 1})
        if not form.is_valid():
            return _back_to_quiz(
                request,
                quiz,
                f"Give the number of versions, from 1 to {MAX_VERSIONS}, for the class set.",
            )
        build = answer_keys_pdf if answer_key else student_sheets_pdf
        try:
            handout = build(
                quiz_snapshot(quiz=quiz),
                versions=form.cleaned_data["versions"],
                seed=HANDOUT_SEED,
                page_size=getattr(settings, "HANDOUT_PAGE_SIZE", DEFAULT_PAGE_SIZE),
                duplex=form.cleaned_data["duplex"],
            )
        except HandoutError as error:
            return _back_to_quiz(request, quiz, str(error))
        response = HttpResponse(handout.data, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=handout.filename
        )
        return response


def _back_to_quiz(request: HttpRequest, quiz: Quiz, message: str) -> HttpResponse:
    messages.error(request, message)
    return redirect("admin:quizzes_quiz_change", quiz.pk)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt", "quiz", "kind", "order", "points")
    list_filter = ("kind",)
    search_fields = ("prompt",)
    inlines = [ChoiceInline, AcceptedAnswerInline]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("student_name", "quiz", "score", "max_score", "submitted", "is_late")
    search_fields = ("student_name",)
    readonly_fields = ("submission_token", "started", "layout")
    inlines = [ResponseInline]
