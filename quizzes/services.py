"""Every write the site makes: articles, quizzes built from generated drafts, teachers.

Views, admin actions and management commands parse input, call one function here and render.
"""

from __future__ import annotations

import logging
import random
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.exceptions import ArticleInvalid, GenerationFailed, QuestionInvalid, QuizNotReady
from quizzes.generation import (
    GenerationError,
    GenerationOptions,
    QuestionDraft,
    QuestionKind,
    generate,
)
from quizzes.generation.text import count_words
from quizzes.generation.types import MAX_WORDS
from quizzes.joincodes import new_join_code
from quizzes.models import AcceptedAnswer, Article, Choice, Question, Quiz

logger = logging.getLogger(__name__)

TEACHERS_GROUP = "Teachers"
DEMO_TEACHER_USERNAME = "teacher"
# A collision among ~600 million codes is rare; a few retries make failure practically impossible.
JOIN_CODE_ATTEMPTS = 10
GENERATED_PASSWORD_BYTES = 12


def check_article_text(text: str) -> int:
    """The text's word count, or ArticleInvalid with what to do about it."""
    if not text.strip():
        raise ArticleInvalid("The text is empty: paste or upload an article first.")
    words = count_words(text)
    if words > MAX_WORDS:
        raise ArticleInvalid(
            f"The text has {words:,} words; the limit is {MAX_WORDS:,}. "
            "Split it into shorter parts."
        )
    return words


def article_create(*, owner: AbstractUser, title: str, text: str, source: str = "") -> Article:
    article = Article(owner=owner, title=title.strip(), text=text, source=source.strip())
    return article_save(article=article)


def article_save(*, article: Article) -> Article:
    """Store a new or edited article with its word count; the teacher's text is kept as typed."""
    article.title = article.title.strip()
    if not article.title:
        raise ArticleInvalid("Give the article a title.")
    article.word_count = check_article_text(article.text)
    created = article.pk is None
    article.full_clean()
    article.save()
    logger.info(
        "article %s %s by %s (%d words)",
        article.pk,
        "created" if created else "saved",
        article.owner_id,
        article.word_count,
    )
    return article


def build_quiz(article: Article, options: GenerationOptions, *, title: str | None = None) -> Quiz:
    """Generate questions from the article and store them as a new draft quiz, all or nothing."""
    try:
        drafts = generate(article.text, options)
    except GenerationError as error:
        raise GenerationFailed(str(error)) from error
    rng = random.Random(options.seed)
    with transaction.atomic():
        quiz = Quiz(
            article=article,
            owner=article.owner,
            title=(title or article.title).strip()[:200],
            generation_seed=options.seed,
        )
        _save_with_join_code(quiz)
        for order, draft in enumerate(drafts, start=1):
            question_create_from_draft(quiz=quiz, draft=draft, order=order, rng=rng)
    logger.info("quiz %s built from article %s: %d questions", quiz.pk, article.pk, len(drafts))
    return quiz


def question_create_from_draft(
    *, quiz: Quiz, draft: QuestionDraft, order: int, rng: random.Random
) -> Question:
    question = Question.objects.create(
        quiz=quiz,
        kind=str(draft.kind),
        prompt=draft.prompt,
        order=order,
        source_sentence=draft.source_sentence,
        source_start=draft.source_start,
        source_end=draft.source_end,
        answer_type=draft.answer_type,
        difficulty=draft.difficulty,
        rank_score=draft.score,
        explanation=draft.explanation,
        rejected_answers=(
            list(draft.distractors) if draft.kind == QuestionKind.SHORT_ANSWER else []
        ),
    )
    if draft.kind == QuestionKind.MULTIPLE_CHOICE:
        options = [(draft.answer, True)] + [(text, False) for text in draft.distractors]
        rng.shuffle(options)
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=correct, order=position)
            for position, (text, correct) in enumerate(options, start=1)
        )
    accepted = list(dict.fromkeys([draft.answer, *draft.accepted_answers]))
    AcceptedAnswer.objects.bulk_create(
        AcceptedAnswer(question=question, text=text, order=position)
        for position, text in enumerate(accepted, start=1)
    )
    return question


def quiz_create(*, quiz: Quiz) -> Quiz:
    """Store a quiz made by hand (no generated questions yet) with a fresh join code."""
    quiz.full_clean(exclude=["join_code"])
    _save_with_join_code(quiz)
    logger.info("quiz %s created by hand", quiz.pk)
    return quiz


def _save_with_join_code(quiz: Quiz) -> None:
    for _ in range(JOIN_CODE_ATTEMPTS):
        quiz.join_code = new_join_code()
        try:
            # The savepoint lets the surrounding transaction go on after a collision.
            with transaction.atomic():
                quiz.save()
            return
        except IntegrityError:
            if not Quiz.objects.filter(join_code=quiz.join_code).exists():
                raise
            logger.warning("join code collision on %s, retrying", quiz.join_code)
    raise QuizNotReady("Could not find a free join code; please try again.")


def quiz_publish(*, quiz: Quiz) -> Quiz:
    """Open the quiz to students; only a quiz with questions can be published."""
    if not quiz.questions.exists():
        raise QuizNotReady(f"“{quiz.title}” has no questions yet: add or generate some first.")
    quiz.status = Quiz.Status.PUBLISHED
    quiz.published_at = quiz.published_at or timezone.now()
    quiz.closed_at = None
    quiz.full_clean()
    quiz.save(update_fields=["status", "published_at", "closed_at"])
    logger.info("quiz %s published", quiz.pk)
    return quiz


def quiz_close(*, quiz: Quiz) -> Quiz:
    quiz.status = Quiz.Status.CLOSED
    quiz.closed_at = timezone.now()
    quiz.save(update_fields=["status", "closed_at"])
    logger.info("quiz %s closed", quiz.pk)
    return quiz


def generate_password() -> str:
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


# What a teacher may do in the admin; the migration that first makes the group holds the same list.
TEACHER_PERMISSIONS = {
    "article": ("add", "change", "delete", "view"),
    "quiz": ("add", "change", "delete", "view"),
    "question": ("add", "change", "delete", "view"),
    "choice": ("add", "change", "delete", "view"),
    "acceptedanswer": ("add", "change", "delete", "view"),
    "attempt": ("change", "view"),
    "response": ("change", "view"),
}


def teachers_group() -> Group:
    """The Teachers group with its permissions, restored if someone emptied or removed it."""
    group, _ = Group.objects.get_or_create(name=TEACHERS_GROUP)
    if not group.permissions.exists():
        codenames = [f"{a}_{m}" for m, actions in TEACHER_PERMISSIONS.items() for a in actions]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="quizzes", codename__in=codenames)
        )
    return group


@dataclass(frozen=True)
class TeacherAccount:
    user: AbstractUser
    created: bool


def teacher_ensure(*, username: str, password: str, email: str = "") -> TeacherAccount:
    """Create the teacher, or reset the password of an existing one, in the Teachers group."""
    user_model = get_user_model()
    with transaction.atomic():
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": email}
        )
        user.is_staff = True
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(teachers_group())
    logger.info("teacher %s %s", username, "created" if created else "updated")
    return TeacherAccount(user=user, created=created)


def demo_quiz_ensure(*, owner: AbstractUser, title: str, text: str) -> Quiz:
    """The sample quiz for `make run`: published once, found again on every later run."""
    existing = (
        Quiz.objects.filter(owner=owner, article__title=title)
        .exclude(status=Quiz.Status.DRAFT)
        .order_by("created")
        .first()
    )
    if existing is not None:
        if existing.status != Quiz.Status.PUBLISHED:
            quiz_publish(quiz=existing)
        return existing
    article = Article.objects.filter(owner=owner, title=title).order_by("created").first()
    if article is None:
        article = article_create(owner=owner, title=title, text=text)
    with transaction.atomic():
        quiz = build_quiz(article, GenerationOptions())
        return quiz_publish(quiz=quiz)


# How many candidates to ask the generator for when looking for one more question.
REGENERATE_POOL = 60


def question_regenerate(*, question: Question) -> Question:
    """Replace one question by the best candidate from the same article not yet in the quiz.

    The old question is deleted; students' responses to it keep their copied texts.
    """
    quiz = question.quiz
    if question.responses.exists():
        raise QuestionInvalid(
            "Students have answered this question, so it is kept: edit its wording or answers "
            "instead, or delete it."
        )
    others = list(
        quiz.questions.exclude(pk=question.pk).prefetch_related("choices", "accepted_answers")
    )
    taken_answers = {_answer_key_text(q) for q in others} | {_answer_key_text(question)}
    taken_prompts = {q.prompt.casefold() for q in others} | {question.prompt.casefold()}
    want_short = question.kind == Question.Kind.SHORT_ANSWER
    options = GenerationOptions(
        multiple_choice=0 if want_short else REGENERATE_POOL,
        short_answer=REGENERATE_POOL if want_short else 0,
        seed=quiz.generation_seed,
    )
    try:
        drafts = generate(quiz.article.text, options)
    except GenerationError as error:
        raise GenerationFailed(str(error)) from error
    unused = [
        draft
        for draft in drafts
        if draft.answer.casefold() not in taken_answers
        and draft.prompt.casefold() not in taken_prompts
    ]
    # A multiple-choice question is replaced by one with choices while the article has one.
    same_kind = [draft for draft in unused if bool(draft.distractors) != want_short]
    fresh = next(iter(same_kind or unused), None)
    if fresh is None:
        raise GenerationFailed(
            "The article has no other question to offer: write one by hand, or keep this one."
        )
    with transaction.atomic():
        order = question.order
        question.delete()
        replacement = question_create_from_draft(
            quiz=quiz, draft=fresh, order=order, rng=random.Random(quiz.generation_seed + order)
        )
    logger.info("question %s regenerated as %s in quiz %s", question.pk, replacement.pk, quiz.pk)
    return replacement


def _answer_key_text(question: Question) -> str:
    right = [c.text for c in question.choices.all() if c.is_correct]
    accepted = [a.text for a in question.accepted_answers.all()]
    return (right or accepted or [""])[0].casefold()


def _choices_set(question: Question, *, answer: str, wrong: list[str]) -> None:
    """Keep the letters students and printed sheets know: choices that stay keep their place,
    and a new choice goes to a random place, so the right answer never drifts to the top."""
    correct_of = {answer: True, **dict.fromkeys(wrong, False)}
    kept = []
    for choice in question.choices.order_by("order", "pk"):
        if choice.text in correct_of:
            choice.is_correct = correct_of.pop(choice.text)
            kept.append(choice)
        else:
            choice.delete()
    rng = random.Random(f"{question.pk}:{len(kept)}")
    for text, correct in correct_of.items():
        kept.insert(
            rng.randint(0, len(kept)), Choice(question=question, text=text, is_correct=correct)
        )
    for order, choice in enumerate(kept, start=1):
        choice.order = order
        choice.save()


def question_set_answers(
    *, question: Question, answer: str, wrong_choices: list[str], also_accept: list[str]
) -> Question:
    """Make the question's choices and accepted answers what the teacher typed.

    Existing rows are kept where the text is unchanged, so students' responses still point at
    the choice they picked and a regrade can follow them.
    """
    answer = answer.strip()
    wrong = list(
        dict.fromkeys(w.strip() for w in wrong_choices if w.strip() and w.strip() != answer)
    )
    accepted = list(dict.fromkeys([answer, *(a.strip() for a in also_accept if a.strip())]))
    if not answer:
        raise QuestionInvalid("Give the right answer.")
    if question.kind == Question.Kind.MULTIPLE_CHOICE and not wrong:
        raise QuestionInvalid("A multiple-choice question needs at least one wrong choice.")
    with transaction.atomic():
        if question.kind == Question.Kind.MULTIPLE_CHOICE:
            _choices_set(question, answer=answer, wrong=wrong)
        else:
            question.choices.all().delete()
        current = {a.text: a for a in question.accepted_answers.all()}
        for order, text in enumerate(accepted, start=1):
            row = current.pop(text, None) or AcceptedAnswer(question=question, text=text)
            row.order = order
            row.save()
        for stale in current.values():
            stale.delete()
    return question
