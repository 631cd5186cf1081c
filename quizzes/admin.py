from django.contrib import admin

from quizzes.models import AcceptedAnswer, Article, Attempt, Choice, Question, Quiz, Response


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


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ("title", "join_code", "status", "owner", "created")
    list_filter = ("status",)
    search_fields = ("title", "join_code")
    readonly_fields = ("join_code", "published_at", "closed_at", "created")
    inlines = [QuestionInline]


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
