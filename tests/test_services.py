import pytest

from quizzes import services
from quizzes.exceptions import ArticleInvalid, GenerationFailed, QuizNotReady
from quizzes.generation import GenerationOptions, QuestionKind, generate
from quizzes.generation.types import MAX_WORDS
from quizzes.models import Article, Question, Quiz
from tests.builders import make_article, make_quiz

HISTORY_TEXT = (
    "Marie Curie was born in Warsaw in 1867. "
    "She moved to Paris in 1891 to study physics at the Sorbonne. "
    "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel. "
    "Albert Einstein met her in Brussels in 1911 at the Solvay Conference. "
    "Her daughter Irene Joliot-Curie won the Nobel Prize in Chemistry in 1935 in Stockholm. "
    "The Curie Institute in Paris and the Radium Institute in Warsaw continue her work."
)


@pytest.mark.django_db
def test_build_quiz_stores_exactly_what_the_engine_returned(teacher):
    article = make_article(owner=teacher, text=HISTORY_TEXT)
    options = GenerationOptions(multiple_choice=4, short_answer=1, seed=3)
    drafts = generate(HISTORY_TEXT, options)

    quiz = services.build_quiz(article, options)

    questions = list(quiz.questions.order_by("order"))
    assert [q.prompt for q in questions] == [d.prompt for d in drafts]
    assert [q.kind for q in questions] == [str(d.kind) for d in drafts]
    for question, draft in zip(questions, drafts, strict=True):
        assert (question.source_start, question.source_end) == (
            draft.source_start,
            draft.source_end,
        )
        assert HISTORY_TEXT[question.source_start : question.source_end] == draft.source_sentence
        accepted = list(question.accepted_answers.values_list("text", flat=True))
        assert accepted[0] == draft.answer
        assert set(accepted) == {draft.answer, *draft.accepted_answers}
        if draft.kind == QuestionKind.MULTIPLE_CHOICE:
            assert sorted(question.choices.values_list("text", flat=True)) == sorted(
                [draft.answer, *draft.distractors]
            )
            assert question.choices.get(is_correct=True).text == draft.answer
        else:
            assert not question.choices.exists()


@pytest.mark.django_db
def test_build_quiz_makes_a_draft_owned_by_the_articles_teacher(teacher):
    article = make_article(owner=teacher, text=HISTORY_TEXT)

    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=3))

    assert quiz.status == Quiz.Status.DRAFT
    assert quiz.owner == teacher
    assert quiz.title == article.title


@pytest.mark.django_db
def test_build_quiz_with_the_same_seed_gives_the_same_questions_and_choices(teacher):
    article = make_article(owner=teacher, text=HISTORY_TEXT)
    options = GenerationOptions(multiple_choice=4, seed=11)

    first = services.build_quiz(article, options)
    second = services.build_quiz(article, options)

    def content(quiz):
        return [
            (question.prompt, sorted(question.choices.values_list("text", "is_correct")))
            for question in quiz.questions.order_by("order")
        ]

    assert content(first) == content(second)
    assert first.generation_seed != second.generation_seed


@pytest.mark.django_db
def test_text_without_facts_stores_no_quiz(teacher):
    article = make_article(owner=teacher, text="It is nice. We like it a lot. They said so too.")

    with pytest.raises(GenerationFailed):
        services.build_quiz(article, GenerationOptions())

    assert not Quiz.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_join_code_collision_is_retried_with_a_new_code(teacher, monkeypatch):
    taken = make_quiz(join_code="AAAAAA")
    codes = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(services.quizzes, "new_join_code", lambda: next(codes))
    article = make_article(owner=teacher, text=HISTORY_TEXT)

    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=2))

    assert quiz.join_code == "BBBBBB"
    assert taken.join_code == "AAAAAA"
    assert Quiz.objects.count() == 2


@pytest.mark.django_db
def test_quiz_without_questions_cannot_be_published():
    quiz = make_quiz(questions=0, status=Quiz.Status.DRAFT)

    with pytest.raises(QuizNotReady):
        services.quiz_publish(quiz=quiz)

    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.DRAFT


@pytest.mark.django_db
def test_publishing_then_closing_records_both_times():
    quiz = make_quiz(status=Quiz.Status.DRAFT)

    services.quiz_publish(quiz=quiz)
    services.quiz_close(quiz=quiz)

    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.CLOSED
    assert quiz.published_at is not None
    assert quiz.closed_at >= quiz.published_at


@pytest.mark.django_db
def test_article_over_the_word_limit_is_refused(teacher):
    text = "word " * (MAX_WORDS + 1)

    with pytest.raises(ArticleInvalid, match="limit"):
        services.article_create(owner=teacher, title="Too long", text=text)

    assert not Article.objects.exists()


@pytest.mark.django_db
def test_article_records_its_word_count(teacher):
    article = services.article_create(owner=teacher, title="Curie", text="One two three, four.")

    assert article.word_count == 4


@pytest.mark.django_db
def test_teacher_ensure_puts_the_user_in_the_teachers_group_and_resets_the_password():
    services.teacher_ensure(username="mr_okafor", password="first-pass-123")

    account = services.teacher_ensure(username="mr_okafor", password="second-pass-456")

    assert not account.created
    assert account.user.is_staff
    assert account.user.groups.filter(name=services.TEACHERS_GROUP).exists()
    assert account.user.check_password("second-pass-456")


@pytest.mark.django_db
def test_demo_quiz_is_created_once_and_found_again(teacher):
    first = services.demo_quiz_ensure(owner=teacher, title="Curie", text=HISTORY_TEXT)

    second = services.demo_quiz_ensure(owner=teacher, title="Curie", text=HISTORY_TEXT)

    assert second.pk == first.pk
    assert first.status == Quiz.Status.PUBLISHED
    assert Article.objects.count() == 1
    assert Quiz.objects.count() == 1


@pytest.mark.django_db
def test_a_teacher_made_after_the_group_lost_its_permissions_can_still_work():
    from django.contrib.auth.models import Group

    Group.objects.filter(name=services.TEACHERS_GROUP).delete()

    account = services.teacher_ensure(username="ms_new", password="a-long-password-7")

    assert account.user.has_perm("quizzes.add_article")
    assert account.user.has_perm("quizzes.change_quiz")


@pytest.mark.django_db
def test_build_quiz_asks_nothing_the_article_title_names(teacher):
    # A student sees the title above the text: "Graz" under "A Bakery in Graz" is no question.
    text = (
        "Marta Klein founded the Hollow Oak bakery in Graz in 1987. By 1990 it sold 400 loaves "
        "a day to shops in Vienna. One of her first bakers was Paul Varga, who later opened a "
        "café in Linz in 1995. The bakery moved to a larger building on the Mur river in 2001."
    )
    options = GenerationOptions(multiple_choice=5)
    plain = services.build_quiz(make_article(owner=teacher, title="Bakeries", text=text), options)
    titled = services.build_quiz(
        make_article(owner=teacher, title="A Bakery in Graz", text=text), options
    )
    answers = [q.accepted_answers.first().text for q in titled.questions.all()]
    assert "Graz" in [q.accepted_answers.first().text for q in plain.questions.all()]
    assert "Graz" not in answers and "Linz" in answers
    # Nor does replacing a question bring it back: the text has nothing else to offer.
    with pytest.raises(GenerationFailed):
        services.question_regenerate(question=titled.questions.first())
