"""Articles, the quizzes made from them, and the students' attempts.

Students' work is never lost by accident: attempts protect their quiz, and a response keeps a copy
of the texts the student saw, so editing or deleting a question later does not rewrite history.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from quizzes.choiceorder import new_quiz_seed
from quizzes.joincodes import JOIN_CODE_MAX_LENGTH

MAX_STUDENT_NAME_LENGTH = 100
MAX_CHOICE_LENGTH = 500


class Article(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(max_length=200)
    source = models.CharField(
        max_length=500, blank=True, help_text="Where the text comes from: a name or a URL."
    )
    text = models.TextField()
    word_count = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title


class QuizQuerySet(models.QuerySet):
    def published(self) -> QuizQuerySet:
        return self.filter(status=Quiz.Status.PUBLISHED)

    def owned_by(self, user) -> QuizQuerySet:
        return self if user.is_superuser else self.filter(owner=user)


class Quiz(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quizzes")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quizzes"
    )
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    join_code = models.CharField(max_length=JOIN_CODE_MAX_LENGTH, unique=True, editable=False)
    shuffle_questions = models.BooleanField(default=False)
    shuffle_choices = models.BooleanField(default=True)

    class AnswersShown(models.TextChoices):
        NEVER = "never", "Never (students see their score only)"
        AFTER_SUBMIT = "after_submit", "Right after each student submits"
        AFTER_CLOSE = "after_close", "Once the quiz is closed"

    answers_shown = models.CharField(
        "show the right answers",
        max_length=12,
        choices=AnswersShown.choices,
        default=AnswersShown.AFTER_CLOSE,
        help_text=(
            "When students see the right answers and sources on their result page; their score "
            "shows at once. Right after submitting lets the first to submit pass the answers on, "
            "or rejoin under another name with them."
        ),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        help_text="How many times one student name may submit this quiz.",
    )
    # The quiz's own secret random seed: where its right answers sit (online and on printed
    # versions) and the questions it regenerates. Kept, so sheets and keys printed apart match.
    generation_seed = models.IntegerField(default=new_quiz_seed, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return f"{self.title} ({self.join_code})"


class Question(models.Model):
    class Kind(models.TextChoices):
        MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
        SHORT_ANSWER = "short_answer", "Short answer"

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MULTIPLE_CHOICE)
    prompt = models.TextField()
    order = models.PositiveIntegerField(default=0)
    points = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    source_sentence = models.TextField(blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    answer_type = models.CharField(
        max_length=30, blank=True, help_text="The kind of fact asked for: PERSON, DATE, …"
    )
    difficulty = models.FloatField(
        default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )
    rank_score = models.FloatField(default=0.0, editable=False)
    explanation = models.TextField(blank=True)
    rejected_answers = models.JSONField(
        default=list,
        blank=True,
        help_text="Short answers never accepted, however close: other names the text offers.",
    )
    # When a teacher last marked it reviewed (or saved it on the review page); None: not yet.
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.prompt[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=MAX_CHOICE_LENGTH)
    is_correct = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class AcceptedAnswer(models.Model):
    """One accepted wording of a short answer; the first is the one shown as the answer."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="accepted_answers"
    )
    text = models.CharField(max_length=MAX_CHOICE_LENGTH)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    student_name = models.CharField(max_length=MAX_STUDENT_NAME_LENGTH)
    # The name as names are compared ("Åsa" and "åsa" are one student), so attempts are counted
    # per student whatever the database's own idea of case.
    student_key = models.TextField(editable=False, default="")
    # The form carries this token so a double click or a resent form stores one attempt.
    submission_token = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    started = models.DateTimeField(auto_now_add=True)
    submitted = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(
        "late", default=False, help_text="Ticked when the answers arrived after the quiz closed."
    )
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    # The paper this student was shown (order, wording, choice tokens), so a reload shows the
    # same page and later edits of the quiz do not change it.
    layout = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started"]
        indexes = [models.Index(fields=["quiz", "student_key"], name="attempt_quiz_student")]

    def __str__(self) -> str:
        return f"{self.student_name} — {self.quiz.title}"


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    # SET_NULL and the copied texts keep the record when a teacher edits or deletes a question.
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    choice = models.ForeignKey(
        Choice, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    question_prompt = models.TextField(blank=True)
    answer_text = models.TextField(blank=True, help_text="The chosen choice or the typed text.")
    correct_answer_text = models.TextField(blank=True)
    is_correct = models.BooleanField(default=False)
    points_awarded = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    points_possible = models.DecimalField(max_digits=6, decimal_places=2, default=1)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    points_before_override = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.answer_text[:40]}"
