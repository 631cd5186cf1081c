"""Writes of quizzes and their questions: built from generated drafts, made by hand, published,
closed; a question replaced or its answers set as the teacher typed them.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from datetime import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes import generation
from quizzes.choiceorder import best_letter, place_right, spread_right_letters
from quizzes.exceptions import GenerationFailed, QuestionInvalid, QuizNotReady
from quizzes.generation import GenerationError, GenerationOptions, QuestionDraft, QuestionKind
from quizzes.generation.types import MAX_QUESTION_COUNT
from quizzes.joincodes import new_join_code
from quizzes.models import AcceptedAnswer, Article, Choice, Question, Quiz, Response
from quizzes.services.articles import article_create

logger = logging.getLogger(__name__)

# A collision among ~600 million codes is rare; a few retries make failure practically impossible.
JOIN_CODE_ATTEMPTS = 10


def build_quiz(article: Article, options: GenerationOptions, *, title: str | None = None) -> Quiz:
    """Generate questions from the article and store them as a new draft quiz, all or nothing.

    `options.seed` picks the questions (the same text and seed give the same ones); where their
    right answers sit comes from the new quiz's own random seed, spread evenly over the letters.
    """
    try:
        drafts = generation.generate(article.text, options, title=article.title)
    except GenerationError as error:
        raise GenerationFailed(str(error)) from error
    with transaction.atomic():
        quiz = Quiz(
            article=article, owner=article.owner, title=(title or article.title).strip()[:200]
        )
        quiz_save_with_join_code(quiz)
        rng = random.Random(quiz.generation_seed)
        rights = spread_right_letters([_choice_count(draft) for draft in drafts], rng)
        for order, (draft, right) in enumerate(zip(drafts, rights, strict=True), start=1):
            question_create_from_draft(
                quiz=quiz, draft=draft, order=order, right_letter=right, rng=rng
            )
    logger.info("quiz %s built from article %s: %d questions", quiz.pk, article.pk, len(drafts))
    return quiz


def _choice_count(draft: QuestionDraft) -> int:
    if draft.kind != QuestionKind.MULTIPLE_CHOICE:
        return 0
    return 1 + len(draft.distractors)


def question_create_from_draft(
    *,
    quiz: Quiz,
    draft: QuestionDraft,
    order: int,
    right_letter: int | None,
    rng: random.Random,
) -> Question:
    """Store one draft; a multiple-choice one gets its right answer at `right_letter` (0 = A) and
    its wrong choices shuffled around it."""
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
        texts = [draft.answer, *draft.distractors]
        printed = place_right(len(texts), right=0, at=right_letter or 0, rng=rng)
        Choice.objects.bulk_create(
            Choice(question=question, text=texts[index], is_correct=index == 0, order=position)
            for position, index in enumerate(printed, start=1)
        )
    accepted = list(dict.fromkeys([draft.answer, *draft.accepted_answers]))
    AcceptedAnswer.objects.bulk_create(
        AcceptedAnswer(question=question, text=text, order=position)
        for position, text in enumerate(accepted, start=1)
    )
    return question


def right_letters_of(
    quiz: Quiz, *, exclude: Question | None = None
) -> list[tuple[int, int | None]]:
    """(number of choices, letter of the right one) of each of the quiz's questions, in order."""
    questions = quiz.questions.prefetch_related("choices")
    if exclude is not None and exclude.pk is not None:
        questions = questions.exclude(pk=exclude.pk)
    letters = []
    for question in questions:
        choices = list(question.choices.all())
        right = next((n for n, choice in enumerate(choices) if choice.is_correct), None)
        letters.append((len(choices), right))
    return letters


def quiz_create(*, quiz: Quiz) -> Quiz:
    """Store a quiz made by hand (no generated questions yet) with a fresh join code."""
    quiz.full_clean(exclude=["join_code"])
    quiz_save_with_join_code(quiz)
    logger.info("quiz %s created by hand", quiz.pk)
    return quiz


def quiz_save_with_join_code(quiz: Quiz) -> None:
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
        drafts = generation.generate(quiz.article.text, options, title=quiz.article.title)
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
        rng = random.Random(f"{quiz.generation_seed}:{question.pk}")
        right = None
        if _choice_count(fresh):
            # Only this question's letters change; it takes the one the quiz is shortest of.
            others = right_letters_of(quiz, exclude=question)
            right = best_letter(_choice_count(fresh), others=others, rng=rng)
        question.delete()
        replacement = question_create_from_draft(
            quiz=quiz, draft=fresh, order=order, right_letter=right, rng=rng
        )
    logger.info("question %s regenerated as %s in quiz %s", question.pk, replacement.pk, quiz.pk)
    return replacement


def _answer_key_text(question: Question) -> str:
    right = [c.text for c in question.choices.all() if c.is_correct]
    accepted = [a.text for a in question.accepted_answers.all()]
    return (right or accepted or [""])[0].casefold()


def _choices_set(question: Question, *, answer: str, wrong: list[str]) -> None:
    """Keep the letters students and printed sheets know: choices that stay keep their place, a
    retyped right answer takes the old one's letter, retyped wrong choices take the freed
    places (extra ones go last), and a right answer that needs a new place goes to the letter
    the quiz is shortest of, so the right answers stay spread over the letters."""
    correct_of = {answer: True, **dict.fromkeys(wrong, False)}
    slots: list[Choice | None] = []
    freed_right: int | None = None
    for choice in question.choices.order_by("order", "pk"):
        if choice.text in correct_of:
            choice.is_correct = correct_of.pop(choice.text)
            slots.append(choice)
            continue
        if choice.is_correct:
            freed_right = len(slots)
        slots.append(None)
        choice.delete()
    new_right = answer if answer in correct_of else None
    new_wrong = [Choice(question=question, text=text) for text in correct_of if text != answer]
    if new_right is not None and freed_right is not None:
        slots[freed_right] = Choice(question=question, text=new_right, is_correct=True)
        new_right = None
    for position, slot in enumerate(slots):
        if slot is None and new_wrong:
            slots[position] = new_wrong.pop(0)
    kept = [slot for slot in slots if slot is not None] + new_wrong
    if new_right is not None:
        rng = random.Random(f"{question.quiz.generation_seed}:{question.pk}:{len(kept)}")
        others = right_letters_of(question.quiz, exclude=question)
        at = best_letter(len(kept) + 1, others=others, rng=rng)
        kept.insert(at, Choice(question=question, text=new_right, is_correct=True))
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


def questions_renumber(*, quiz: Quiz, placed: Mapping[int, int] | None = None) -> list[Question]:
    """Number the quiz's questions 1, 2, 3… with no two alike, and return them in that order.

    `placed` maps each question the teacher just numbered (moved or added) to the number typed,
    in the order the page listed them: each lands on that number (the nearest free one after it
    when two ask for the same, the last when it is past the end), and the other questions keep
    their order around them: of questions A, B, C, D, typing 2 for D makes them A, D, B, C.
    """
    placed = placed or {}
    questions = list(quiz.questions.order_by("order", "pk"))
    by_pk = {question.pk: question for question in questions}
    slots: list[Question | None] = [None] * len(questions)
    moved = sorted((by_pk[pk] for pk in placed if pk in by_pk), key=lambda q: placed[q.pk])
    for question in moved:
        wanted = min(max(placed[question.pk], 1), len(slots)) - 1
        later = [at for at in range(wanted, len(slots)) if slots[at] is None]
        earlier = [at for at in range(wanted, -1, -1) if slots[at] is None]
        slots[(later or earlier)[0]] = question
    others = iter(question for question in questions if question.pk not in placed)
    ordered = [slot if slot is not None else next(others) for slot in slots]
    return _number_in_order(quiz, ordered)


def _number_in_order(quiz: Quiz, ordered: list[Question]) -> list[Question]:
    """Number the questions 1..N in the given order, writing only those whose number changes."""
    renumbered = []
    for number, question in enumerate(ordered, start=1):
        if question.order != number:
            question.order = number
            renumbered.append(question)
    Question.objects.bulk_update(renumbered, ["order"])
    if renumbered:
        logger.info("quiz %s: %d questions renumbered", quiz.pk, len(renumbered))
    return ordered


# The review page's writes (quizzes/review.py): save a card, mark it reviewed, reorder, delete
# with undo, redraw its wrong choices.

# The shape of a deleted question's record; a record of another shape is never restored.
DELETED_RECORD_VERSION = 1


def question_review_save(
    *,
    question: Question,
    kind: str,
    prompt: str,
    points: int,
    answer: str,
    wrong_choices: list[str],
    also_accept: list[str],
) -> Question:
    """A card saved on the review page: its wording, kind, points and answers, and saving it
    counts as reviewing it."""
    with transaction.atomic():
        question.kind = kind
        question.prompt = prompt.strip()
        question.points = points
        question.reviewed_at = timezone.now()
        try:
            question.full_clean()
        except ValidationError as error:
            raise QuestionInvalid(" ".join(error.messages)) from error
        question.save(update_fields=["kind", "prompt", "points", "reviewed_at"])
        question_set_answers(
            question=question, answer=answer, wrong_choices=wrong_choices, also_accept=also_accept
        )
    logger.info("question %s saved on the review page", question.pk)
    return question


def question_mark_reviewed(*, question: Question, reviewed: bool) -> Question:
    question.reviewed_at = timezone.now() if reviewed else None
    question.save(update_fields=["reviewed_at"])
    return question


def question_move(*, question: Question, to: int) -> Question:
    """Put the question at position `to` (1-based, kept within the quiz) and renumber the quiz.

    A position rather than "one up" makes a double click or a resent form harmless.
    """
    with transaction.atomic():
        list(question.quiz.questions.select_for_update())  # one move at a time per quiz
        ordered = questions_renumber(quiz=question.quiz, placed={question.pk: to})
    return next(q for q in ordered if q.pk == question.pk)


def quiz_reorder(*, quiz: Quiz, ids: list[int]) -> None:
    """Renumber the quiz in the order of `ids` (dragged on the review page). Ids of other quizzes
    and repeats are ignored, and questions the list leaves out keep their order after it, so a
    page that is out of date still leaves every question exactly one number."""
    with transaction.atomic():
        questions = {q.pk: q for q in quiz.questions.select_for_update().order_by("order", "pk")}
        listed = [questions[pk] for pk in dict.fromkeys(ids) if pk in questions]
        rest = [q for pk, q in questions.items() if q not in listed]
        _number_in_order(quiz, listed + rest)


def question_delete(*, question: Question) -> dict:
    """Delete the question and return what `question_restore` needs to bring it back as it was:
    its fields, choices and accepted answers with their ids, and the students' responses that
    pointed at it (they keep their copied texts meanwhile)."""
    record = {
        "version": DELETED_RECORD_VERSION,
        "id": question.pk,
        "quiz": question.quiz_id,
        "position": list(
            question.quiz.questions.order_by("order", "pk").values_list("pk", flat=True)
        ).index(question.pk)
        + 1,
        "fields": {
            "kind": question.kind,
            "prompt": question.prompt,
            "points": question.points,
            "source_sentence": question.source_sentence,
            "source_start": question.source_start,
            "source_end": question.source_end,
            "answer_type": question.answer_type,
            "difficulty": question.difficulty,
            "rank_score": question.rank_score,
            "explanation": question.explanation,
            "rejected_answers": question.rejected_answers,
            "reviewed_at": question.reviewed_at.isoformat() if question.reviewed_at else None,
        },
        "choices": [
            [c.pk, c.text, c.is_correct, c.order] for c in question.choices.order_by("order")
        ],
        "accepted": [[a.pk, a.text, a.order] for a in question.accepted_answers.order_by("order")],
        "responses": list(question.responses.values_list("pk", "choice_id")),
    }
    with transaction.atomic():
        quiz = question.quiz
        question.delete()
        questions_renumber(quiz=quiz)
    logger.info("question %s deleted from quiz %s", record["id"], record["quiz"])
    return record


def question_restore(*, quiz: Quiz, record: dict) -> Question:
    """Bring back a question `question_delete` removed, at its old place; restoring it twice
    gives the same question, not two."""
    if record.get("version") != DELETED_RECORD_VERSION or record.get("quiz") != quiz.pk:
        raise QuestionInvalid("That question cannot be restored here.")
    existing = Question.objects.filter(pk=record["id"]).first()
    if existing is not None:
        return existing
    if quiz.questions.count() >= MAX_QUESTION_COUNT:
        raise QuestionInvalid(
            f"The quiz already holds {MAX_QUESTION_COUNT} questions: delete one first."
        )
    fields = dict(record["fields"])
    reviewed = fields.pop("reviewed_at")
    with transaction.atomic():
        question = Question.objects.create(
            pk=record["id"],
            quiz=quiz,
            reviewed_at=datetime.fromisoformat(reviewed) if reviewed else None,
            **fields,
        )
        Choice.objects.bulk_create(
            Choice(pk=pk, question=question, text=text, is_correct=is_correct, order=order)
            for pk, text, is_correct, order in record["choices"]
        )
        AcceptedAnswer.objects.bulk_create(
            AcceptedAnswer(pk=pk, question=question, text=text, order=order)
            for pk, text, order in record["accepted"]
        )
        # Only responses still orphaned, of this quiz's attempts, are linked back.
        orphans = Response.objects.filter(question__isnull=True, attempt__quiz=quiz)
        orphans.filter(pk__in=[pk for pk, _ in record["responses"]]).update(question=question)
        for pk, choice_id in record["responses"]:
            if choice_id is not None:
                Response.objects.filter(pk=pk, question=question, choice__isnull=True).update(
                    choice_id=choice_id
                )
        questions = list(quiz.questions.exclude(pk=question.pk).order_by("order", "pk"))
        questions.insert(min(record["position"], len(questions) + 1) - 1, question)
        _number_in_order(quiz, questions)
    logger.info("question %s restored in quiz %s", question.pk, quiz.pk)
    return question


def question_redraw_wrong_choices(*, question: Question) -> Question:
    """New wrong choices from the generator for a multiple-choice question, the right answer kept
    at its letter; raises GenerationFailed when the article has no others."""
    if question.kind != Question.Kind.MULTIPLE_CHOICE:
        raise QuestionInvalid("Only a multiple-choice question has wrong choices to redraw.")
    choices = list(question.choices.order_by("order", "pk"))
    right = next((c.text for c in choices if c.is_correct), "")
    if not right:
        raise QuestionInvalid("Give the question its right answer first.")
    try:
        from quizzes.generation.engine import other_distractors  # loads spaCy: on first use

        wrong = other_distractors(
            question.quiz.article.text,
            answer=right,
            source_start=question.source_start,
            prompt=question.prompt,
            current=tuple(c.text for c in choices if not c.is_correct),
            seed=question.quiz.generation_seed,
        )
    except GenerationError as error:
        raise GenerationFailed(str(error)) from error
    accepted = [a.text for a in question.accepted_answers.all() if a.text != right]
    with transaction.atomic():
        question_set_answers(
            question=question, answer=right, wrong_choices=list(wrong), also_accept=accepted
        )
        # New choices are not reviewed yet.
        question_mark_reviewed(question=question, reviewed=False)
    logger.info("question %s got new wrong choices", question.pk)
    return question
