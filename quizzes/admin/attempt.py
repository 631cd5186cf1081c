"""A student's attempt in the admin, reached from a quiz's results: its answers, and the teacher's
marks by hand."""

from __future__ import annotations

from django.contrib import admin, messages
from django.shortcuts import redirect

from quizzes import services
from quizzes.admin.base import OwnedAdmin
from quizzes.admin.forms import OwnRowsFormSet, ResponseForm
from quizzes.exceptions import QuizError
from quizzes.models import Response


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
                services.response_override(
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
