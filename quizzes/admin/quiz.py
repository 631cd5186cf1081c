"""Quizzes in the admin: settings, the questions to review, publishing, handouts and the links to
the teacher's own pages (`quizzes.admin.views`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from quizzes import services
from quizzes.admin import views
from quizzes.admin.base import OwnedAdmin
from quizzes.admin.forms import HandoutForm, QuestionForm, QuestionFormSet, QuizForm
from quizzes.exceptions import QuizError
from quizzes.exports import FORMAT_LABELS
from quizzes.generation.types import MAX_QUESTION_COUNT
from quizzes.handouts import (
    MAX_VERSIONS,
    HandoutError,
    answer_keys_pdf,
    student_sheets_pdf,
)
from quizzes.models import Question, Quiz
from quizzes.snapshots import quiz_snapshot

# The export_pdf command's default seed, so a class set from the admin matches one from the CLI.
HANDOUT_SEED = 0
DELETE_REFUSED = (
    "Students have answered this quiz, so it cannot be deleted: their work would be lost. "
    "Close it instead to stop new answers."
)
REGRADE_HINT = (
    "You changed answers of a quiz students have already submitted: their scores stay as they "
    "are until you open Results and press Regrade."
)
# Fields of the question form whose change rewrites the question's choices and accepted answers.
ANSWER_FIELDS = frozenset({"kind", "answer", "wrong_choices", "also_accept"})
PROTECTED_MESSAGE = (
    f"{DELETE_REFUSED} Edits to its questions show in the item analysis at "
    "once; students' scores change only when you regrade (Results → Regrade)."
)


class QuestionInline(admin.StackedInline):
    model = Question
    form = QuestionForm
    formset = QuestionFormSet
    extra = 0
    max_num = MAX_QUESTION_COUNT
    fields = (
        ("order", "kind", "points"),
        "prompt",
        ("answer", "wrong_choices", "also_accept"),
        "source",
    )
    readonly_fields = ("source",)
    ordering = ("order", "pk")
    classes = ("questions",)

    @admin.display(description="From the text")
    def source(self, question: Question) -> str:
        if not question.pk:
            return "Written by hand."
        button = format_html(
            '<button type="submit" class="button" formnovalidate formaction="{}">'
            "Replace with another generated question</button>",
            reverse("admin:quizzes_quiz_regenerate", args=[question.quiz_id, question.pk]),
        )
        sentence = question.source_sentence or "Written by hand."
        return format_html("“{}”<br><br>{}", sentence, button)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("choices", "accepted_answers")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A question written by hand goes to the end unless the teacher says otherwise.
        last = obj.questions.aggregate(last=Max("order"))["last"] if obj else None
        formset.form.base_fields["order"].initial = (last or 0) + 1
        return formset


class QuizAdmin(OwnedAdmin):
    form = QuizForm
    list_display = ("title", "join_code", "status", "question_count", "answered", "created")
    list_filter = ("status",)
    search_fields = ("title", "join_code")
    readonly_fields = ("join_code", "status", "published_at", "closed_at", "created")
    fieldsets = (
        (None, {"fields": ("title", "article", ("join_code", "status"))}),
        (
            "For students",
            {
                "fields": (
                    ("shuffle_questions", "shuffle_choices"),
                    "answers_shown",
                    "attempts_allowed",
                )
            },
        ),
        (
            "History",
            {"fields": (("created", "published_at", "closed_at"),), "classes": ("collapse",)},
        ),
    )
    inlines = [QuestionInline]
    actions = ["publish_selected", "close_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                question_total=Count("questions", distinct=True),
                answered_total=Count(
                    "attempts", filter=Q(attempts__submitted__isnull=False), distinct=True
                ),
            )
        )

    @admin.display(description="questions", ordering="question_total")
    def question_count(self, quiz: Quiz) -> int:
        return quiz.question_total

    @admin.display(description="submitted", ordering="answered_total")
    def answered(self, quiz: Quiz) -> int:
        return quiz.answered_total

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "article") if obj else fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = views.owned_articles(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj: Quiz, form, change: bool) -> None:
        if change:
            obj.save()
            return
        obj.owner = obj.article.owner if obj.article_id else request.user
        services.quiz_create(quiz=obj)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Question:
            return super().save_formset(request, form, formset, change)
        new_forms = [f for f in formset.forms if f.instance.pk is None]
        formset.save()
        # Numbers as typed may repeat (1, 2, 2, 3): the questions the teacher numbered go where
        # they were put, the others keep their order, and the quiz is numbered 1 to N again.
        services.questions_renumber(
            quiz=form.instance,
            placed={
                question_form.instance.pk: question_form.instance.order
                for question_form in formset.forms
                if question_form.instance.pk is not None
                and question_form not in formset.deleted_forms
                and (question_form in new_forms or "order" in question_form.changed_data)
            },
        )
        answered = form.instance.attempts.filter(submitted__isnull=False).exists()
        for question_form in formset.forms:
            question = question_form.instance
            if question.pk is None or question_form in formset.deleted_forms:
                continue
            touched = ANSWER_FIELDS & set(question_form.changed_data)
            if not touched and question_form not in new_forms:
                continue
            if answered and touched:
                self.message_user(request, REGRADE_HINT, messages.WARNING)
                answered = False  # say it once
            services.question_set_answers(
                question=question,
                answer=question_form.cleaned_data["answer"],
                wrong_choices=question_form.cleaned_data["wrong_list"],
                also_accept=question_form.cleaned_data["also_list"],
            )
        return None

    def has_delete_permission(self, request, obj: Quiz | None = None) -> bool:
        if obj is not None and obj.attempts.exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        quiz = self.get_object(request, object_id)
        if quiz is not None and not self.has_delete_permission(request, quiz):
            messages.warning(request, DELETE_REFUSED)
            return redirect("admin:quizzes_quiz_change", quiz.pk)
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        # One by one from each page, where a protected quiz can say why it stays.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        quiz = (
            self.get_queryset(request).filter(pk=object_id).first() if object_id.isdigit() else None
        )
        extra = {
            "can_print_handouts": quiz is not None,
            "max_versions": MAX_VERSIONS,
            "export_formats": list(FORMAT_LABELS.items()),
        }
        if quiz is not None:
            extra.update(views.share_context(request, quiz))
            if quiz.attempts.exists():
                # A note on the page, not a message: a message would come back with every save.
                extra["protected_note"] = PROTECTED_MESSAGE
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def get_urls(self):
        from quizzes.review import review_urls  # it reads this module's rules

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
            self.admin_url("<int:quiz_id>/publish/", views.publish_view, "quiz_publish"),
            self.admin_url("<int:quiz_id>/export/<str:fmt>/", views.export_view, "quiz_export"),
            self.admin_url("import/", views.import_view, "quiz_import"),
            self.admin_url("<int:quiz_id>/present/", views.present_view, "quiz_present"),
            self.admin_url("<int:quiz_id>/close/", views.close_view, "quiz_close"),
            self.admin_url("<int:quiz_id>/results/", views.results_view, "quiz_results"),
            self.admin_url("<int:quiz_id>/results.csv", views.results_csv_view, "quiz_results_csv"),
            self.admin_url("<int:quiz_id>/regrade/", views.regrade_view, "quiz_regrade"),
            self.admin_url(
                "<int:quiz_id>/questions/<int:question_id>/regenerate/",
                views.regenerate_view,
                "quiz_regenerate",
            ),
            *review_urls(self),
            *super().get_urls(),
        ]

    @admin.action(description="Publish the selected quizzes")
    def publish_selected(self, request, queryset) -> None:
        for quiz in queryset:
            try:
                services.quiz_publish(quiz=quiz)
            except QuizError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, f"Published “{quiz.title}”: code {quiz.join_code}.")

    @admin.action(description="Close the selected quizzes")
    def close_selected(self, request, queryset) -> None:
        for quiz in queryset:
            services.quiz_close(quiz=quiz)
        self.message_user(request, f"Closed {len(queryset)} quiz(zes).")

    def handout_view(self, request: HttpRequest, quiz_id: int, *, answer_key: bool) -> HttpResponse:
        """The student sheets or keys of `?versions=N` versions (default 1), for the owner only."""
        quiz = get_object_or_404(views.owned_quizzes(request), pk=quiz_id)
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
                page_size=settings.HANDOUT_PAGE_SIZE,
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
