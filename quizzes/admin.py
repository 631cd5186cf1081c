"""The teacher's desk. Each teacher sees only their own articles, quizzes and results; the
pages beyond plain editing live in `admin_views`, the input checks in `admin_forms`."""

from __future__ import annotations

from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, Max, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from quizzes import admin_views, results, services
from quizzes.admin_forms import (
    ArticleForm,
    OwnRowsFormSet,
    QuestionForm,
    QuestionFormSet,
    read_upload,
)
from quizzes.exceptions import QuizError
from quizzes.exports import FORMAT_LABELS
from quizzes.generation.types import MAX_QUESTION_COUNT
from quizzes.handouts import (
    MAX_VERSIONS,
    HandoutError,
    answer_keys_pdf,
    student_sheets_pdf,
)
from quizzes.models import Article, Attempt, Question, Quiz, Response
from quizzes.readability import measure
from quizzes.snapshots import quiz_snapshot

# The export_pdf command's default seed, so a class set from the admin matches one from the CLI.
HANDOUT_SEED = 0
DELETE_REFUSED = (
    "Students have answered this quiz, so it cannot be deleted: their work would be lost. "
    "Close it instead to stop new answers."
)
ARTICLE_DELETE_REFUSED = (
    "Students have answered a quiz made from this article, so it cannot be deleted: their work "
    "would be lost. Close the quiz instead."
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


class OwnedAdmin(admin.ModelAdmin):
    """A teacher's objects only; another teacher's URL answers 404, as if it did not exist."""

    owner_path = "owner"

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.owner_path: request.user})

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(f"No {opts.verbose_name} with id {object_id} is yours.")

    def admin_url(self, route: str, view, name: str):
        bound = partial(view, self)
        return path(route, self.admin_site.admin_view(bound), name=f"quizzes_{name}")


@admin.register(Article)
class ArticleAdmin(OwnedAdmin):
    form = ArticleForm
    list_display = ("title", "word_count", "quiz_count", "created")
    search_fields = ("title", "text")
    readonly_fields = ("word_count", "sentences", "reading_level", "created", "quizzes_made")
    fieldsets = (
        (None, {"fields": ("title", "source", "text", "upload")}),
        (
            "About the text",
            {"fields": ("word_count", "sentences", "reading_level", "created", "quizzes_made")},
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quiz_total=Count("quizzes"))

    @admin.display(description="quizzes", ordering="quiz_total")
    def quiz_count(self, article: Article) -> int:
        return article.quiz_total

    @admin.display(description="sentences")
    def sentences(self, article: Article) -> str:
        return str(measure(article.text).sentences) if article.pk else "–"

    @admin.display(description="reading level")
    def reading_level(self, article: Article) -> str:
        grade = measure(article.text).grade if article.pk else None
        if grade is None:
            return "–"
        return f"Flesch–Kincaid grade {grade:.1f} (about age {round(grade) + 5})"

    @admin.display(description="quizzes made from it")
    def quizzes_made(self, article: Article) -> str:
        if not article.pk:
            return "Save the article; then “Generate a quiz” appears at the top right."
        quizzes = list(article.quizzes.order_by("-created"))
        if not quizzes:
            return "None yet: use “Generate a quiz” at the top right."
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({}, code {})',
            (
                (
                    reverse("admin:quizzes_quiz_change", args=[quiz.pk]),
                    quiz.title,
                    quiz.get_status_display().lower(),
                    quiz.join_code,
                )
                for quiz in quizzes
            ),
        )

    def get_urls(self):
        return [
            self.admin_url(
                "<int:article_id>/generate/", admin_views.generate_view, "article_generate"
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Django validates the form inside its transaction; read the upload before it opens,
        # so the seconds a large file takes never hold the database's write lock.
        upload = request.FILES.get("upload") if request.method == "POST" else None
        request.article_upload = read_upload(upload) if upload else None
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        already_read = getattr(request, "article_upload", None)
        if already_read is None:
            return form
        return type(form.__name__, (form,), {"read_upload": already_read})

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            obj.owner = request.user
        services.article_save(article=obj)

    def has_delete_permission(self, request, obj: Article | None = None) -> bool:
        if obj is not None and Attempt.objects.filter(quiz__article=obj).exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and not self.has_delete_permission(request, article):
            messages.warning(request, ARTICLE_DELETE_REFUSED)
            return redirect("admin:quizzes_article_change", article.pk)
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        # One by one from each page, where a protected article can say why it stays.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(request, "Now generate a quiz from it with the button at the top right.")
        return redirect("admin:quizzes_article_change", obj.pk)


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


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        widgets = {"title": forms.TextInput(attrs={"size": 70})}
        fields = (
            "article",
            "title",
            "shuffle_questions",
            "shuffle_choices",
            "answers_shown",
            "attempts_allowed",
        )


class HandoutForm(forms.Form):
    versions = forms.IntegerField(min_value=1, max_value=MAX_VERSIONS, initial=1)
    duplex = forms.BooleanField(required=False)


@admin.register(Quiz)
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
            kwargs["queryset"] = admin_views.owned_articles(request)
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
            extra.update(admin_views.share_context(request, quiz))
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
            self.admin_url("<int:quiz_id>/publish/", admin_views.publish_view, "quiz_publish"),
            self.admin_url(
                "<int:quiz_id>/export/<str:fmt>/", admin_views.export_view, "quiz_export"
            ),
            self.admin_url("import/", admin_views.import_view, "quiz_import"),
            self.admin_url("<int:quiz_id>/present/", admin_views.present_view, "quiz_present"),
            self.admin_url("<int:quiz_id>/close/", admin_views.close_view, "quiz_close"),
            self.admin_url("<int:quiz_id>/results/", admin_views.results_view, "quiz_results"),
            self.admin_url(
                "<int:quiz_id>/results.csv", admin_views.results_csv_view, "quiz_results_csv"
            ),
            self.admin_url("<int:quiz_id>/regrade/", admin_views.regrade_view, "quiz_regrade"),
            self.admin_url(
                "<int:quiz_id>/questions/<int:question_id>/regenerate/",
                admin_views.regenerate_view,
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
        quiz = get_object_or_404(admin_views.owned_quizzes(request), pk=quiz_id)
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


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ("points_awarded",)

    def clean_points_awarded(self):
        points = self.cleaned_data["points_awarded"]
        possible = self.instance.points_possible
        if not 0 <= points <= possible:
            raise forms.ValidationError(
                f"Give between 0 and {possible.normalize()} points.", code="out_of_range"
            )
        return points


class ResponseInline(admin.TabularInline):
    """A student's answers; the teacher may set the points of any of them by hand."""

    model = Response
    form = ResponseForm
    formset = OwnRowsFormSet
    extra = 0
    max_num = 0
    can_delete = False
    fields = (
        "question_prompt",
        "answer_text",
        "correct_answer_text",
        "is_correct",
        "points_awarded",
        "points_possible",
        "override_note",
    )
    readonly_fields = (
        "question_prompt",
        "answer_text",
        "correct_answer_text",
        "is_correct",
        "points_possible",
        "override_note",
    )

    @admin.display(description="set by hand")
    def override_note(self, response: Response) -> str:
        if response.overridden_at is None:
            return ""
        who = response.overridden_by.get_username() if response.overridden_by else "a teacher"
        return (
            f"{who}, {response.overridden_at:%Y-%m-%d %H:%M} "
            f"(was {response.points_before_override.normalize()})"
        )


@admin.register(Attempt)
class AttemptAdmin(OwnedAdmin):
    owner_path = "quiz__owner"
    list_display = ("student_name", "quiz", "score", "max_score", "submitted", "is_late")
    list_filter = ("is_late",)
    search_fields = ("student_name", "quiz__title", "quiz__join_code")
    readonly_fields = (
        "quiz",
        "student_name",
        "score",
        "max_score",
        "started",
        "submitted",
        "is_late",
    )
    fields = (("student_name", "quiz"), ("score", "max_score"), ("started", "submitted", "is_late"))
    inlines = [ResponseInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_model_perms(self, request):
        # Reached from a quiz's results page, not from the index.
        return {}

    def save_formset(self, request, form, formset, change: bool) -> None:
        formset.save(commit=False)  # only to list the changes for the history; nothing is written
        for response_form in formset.forms:
            if "points_awarded" not in response_form.changed_data:
                continue
            response = Response.objects.get(pk=response_form.instance.pk)
            try:
                results.response_override(
                    response=response,
                    points=response_form.cleaned_data["points_awarded"],
                    by=request.user,
                )
            except QuizError as error:
                self.message_user(request, str(error), messages.ERROR)

    def response_change(self, request, obj):
        obj.refresh_from_db()
        self.message_user(
            request,
            f"Saved. {obj.student_name}'s score is now {obj.score.normalize()} / "
            f"{obj.max_score.normalize()}.",
        )
        return redirect("admin:quizzes_quiz_results", obj.quiz_id)
