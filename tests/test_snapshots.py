import pytest

from quizzes.models import AcceptedAnswer, Question, Quiz
from quizzes.snapshots import (
    MULTIPLE_CHOICE,
    SHORT_ANSWER,
    ChoiceSnapshot,
    paragraph_number,
    paragraph_spans,
    quiz_snapshot,
    split_paragraphs,
)
from tests.builders import make_article, make_quiz

ARTICLE = "First paragraph here.\n\nSecond one.\r\n  Third, indented.  \n   \nFourth."


def test_paragraphs_are_the_non_blank_lines_of_the_article_stripped():
    paragraphs = split_paragraphs(ARTICLE)

    assert paragraphs == ("First paragraph here.", "Second one.", "Third, indented.", "Fourth.")


def test_a_position_maps_to_the_paragraph_holding_it_and_a_gap_to_the_next_paragraph():
    spans = paragraph_spans(ARTICLE)
    second = ARTICLE.index("Second")

    numbers = [
        paragraph_number(spans, position)
        for position in (0, second, second - 1, ARTICLE.index("indented"), len(ARTICLE), None)
    ]

    assert numbers == [1, 2, 2, 3, None, None]


def test_the_kind_names_are_the_models():
    kinds = (MULTIPLE_CHOICE, SHORT_ANSWER)

    assert kinds == (Question.Kind.MULTIPLE_CHOICE, Question.Kind.SHORT_ANSWER)


@pytest.mark.django_db
def test_a_snapshot_numbers_questions_from_one_in_the_quizs_order_with_choices_in_order():
    quiz = make_quiz(questions=3)
    Question.objects.filter(quiz=quiz, order=1).update(order=30)
    Question.objects.filter(quiz=quiz, order=2).update(order=10)
    Question.objects.filter(quiz=quiz, order=3).update(order=20)

    snapshot = quiz_snapshot(quiz=quiz)

    assert [(item.number, item.prompt) for item in snapshot.questions] == [
        (1, "Question 2?"),
        (2, "Question 3?"),
        (3, "Question 1?"),
    ]
    assert snapshot.questions[0].choices == (
        ChoiceSnapshot(text="Right 2", is_correct=True),
        ChoiceSnapshot(text="Wrong 2.2", is_correct=False),
        ChoiceSnapshot(text="Wrong 2.3", is_correct=False),
        ChoiceSnapshot(text="Wrong 2.4", is_correct=False),
    )
    assert snapshot.questions[0].answer == "Right 2"


@pytest.mark.django_db
def test_a_snapshot_carries_the_quiz_and_article_with_its_numbered_paragraphs():
    quiz = make_quiz(questions=1)
    quiz.article.text = ARTICLE
    quiz.article.source = "The Times"
    quiz.article.save()

    snapshot = quiz_snapshot(quiz=quiz)

    assert (snapshot.title, snapshot.join_code) == (quiz.title, quiz.join_code)
    assert (snapshot.article_title, snapshot.article_source) == ("Marie Curie", "The Times")
    assert snapshot.article_text == ARTICLE
    assert snapshot.paragraphs == split_paragraphs(ARTICLE)
    assert snapshot.total_points == 1


@pytest.mark.django_db
def test_a_question_points_to_the_paragraph_that_holds_its_source_span(teacher):
    article = make_article(owner=teacher, text=ARTICLE)
    quiz = Quiz.objects.create(article=article, owner=teacher, title="T", join_code="PARA23")
    start = ARTICLE.index("Third")
    Question.objects.create(
        quiz=quiz, prompt="Which?", source_sentence="Third, indented.", source_start=start
    )

    snapshot = quiz_snapshot(quiz=quiz)

    assert snapshot.questions[0].paragraph == 3
    assert snapshot.questions[0].source_start == start


@pytest.mark.django_db
def test_a_question_without_a_span_is_placed_by_where_its_sentence_occurs(teacher):
    article = make_article(owner=teacher, text=ARTICLE)
    quiz = Quiz.objects.create(article=article, owner=teacher, title="T", join_code="PARA24")
    Question.objects.create(quiz=quiz, prompt="Which?", source_sentence="Fourth.", order=1)
    Question.objects.create(quiz=quiz, prompt="Where?", source_sentence="Not there.", order=2)

    snapshot = quiz_snapshot(quiz=quiz)

    assert [item.paragraph for item in snapshot.questions] == [4, None]
    assert snapshot.questions[0].source_start is None


@pytest.mark.django_db
def test_a_short_answer_has_no_choices_and_its_accepted_answers_main_first():
    quiz = make_quiz(questions=1)
    question = quiz.questions.get()
    question.kind = Question.Kind.SHORT_ANSWER
    question.points = 3
    question.save()
    AcceptedAnswer.objects.create(question=question, text="Right one", order=2)

    item = quiz_snapshot(quiz=quiz).questions[0]

    assert item.kind == SHORT_ANSWER
    assert not item.is_multiple_choice
    assert item.choices == ()
    assert item.accepted_answers == ("Right 1", "Right one")
    assert item.answer == "Right 1"
    assert item.points == 3
    assert item.pk == question.pk


@pytest.mark.django_db
def test_a_snapshot_takes_the_same_three_queries_however_many_questions(
    django_assert_num_queries,
):
    quiz = Quiz.objects.select_related("article").get(pk=make_quiz(questions=12).pk)

    with django_assert_num_queries(3):
        snapshot = quiz_snapshot(quiz=quiz)

    assert len(snapshot.questions) == 12
    assert all(len(item.choices) == 4 for item in snapshot.questions)
