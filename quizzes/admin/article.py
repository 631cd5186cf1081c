"""Articles in the admin: paste or upload the text, read its figures, generate a quiz from it."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from quizzes import services
from quizzes.admin import views
from quizzes.admin.base import OwnedAdmin
from quizzes.admin.forms import ArticleForm, read_upload
from quizzes.models import Article, Attempt
from quizzes.readability import measure

ARTICLE_DELETE_REFUSED = (
    "Students have answered a quiz made from this article, so it cannot be deleted: their work "
    "would be lost. Close the quiz instead."
)


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
            self.admin_url("<int:article_id>/generate/", views.generate_view, "article_generate"),
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
