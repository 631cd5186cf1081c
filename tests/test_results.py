import csv
import io
from decimal import Decimal

import pytest
from django.test import Client

from quizzes import results, services
from quizzes.exceptions import QuestionInvalid
from quizzes.models import AcceptedAnswer, Attempt, Question, Response
from tests.builders import make_quiz, make_teacher
from tests.forms_html import form_data
from tests.pages import SUBMIT_ANYWAY, parse_quiz_page

CODE = "K7MP3X"


def take_quiz(quiz, *, name: str, picks: dict[int, str] | None = None, typed: dict | None = None):
    """A student answers through the real pages: `picks` maps question id to a choice's text."""
    client = Client()
    client.post("/", {"code": quiz.join_code, "name": name})
    page = parse_quiz_page(client.get(f"/q/{quiz.join_code}/").content.decode())
    form = {"token": page.token, **SUBMIT_ANYWAY}
    for question_id, text in (picks or {}).items():
        form[f"q{question_id}"] = page.value_for(f"q{question_id}", text)
    for question_id, text in (typed or {}).items():
        form[f"q{question_id}"] = text
    client.post(f"/q/{quiz.join_code}/", form)
    return Attempt.objects.get(student_name=name)


@pytest.mark.django_db
def test_override_records_who_when_and_the_old_value_and_the_score_follows():
    quiz = make_quiz(questions=2, join_code=CODE)
    first, second = quiz.questions.all()
    attempt = take_quiz(quiz, name="Ada", picks={first.pk: "Right 1", second.pk: "Wrong 2.2"})
    teacher = quiz.owner
    response = attempt.responses.get(question=second)

    services.response_override(response=response, points=Decimal(1), by=teacher)

    response.refresh_from_db()
    attempt.refresh_from_db()
    assert response.points_before_override == 0
    assert response.overridden_by == teacher and response.overridden_at is not None
    assert attempt.score == 2


@pytest.mark.django_db
def test_override_beyond_the_questions_points_is_refused():
    quiz = make_quiz(questions=1, join_code=CODE)
    attempt = take_quiz(quiz, name="Ada", picks={})

    with pytest.raises(services.OverrideRefused):
        services.response_override(
            response=attempt.responses.get(), points=Decimal(2), by=quiz.owner
        )


@pytest.mark.django_db
def test_regrade_after_a_new_accepted_answer_raises_the_affected_scores():
    quiz = make_quiz(questions=0, join_code=CODE)
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where?", answer_type="GPE"
    )
    AcceptedAnswer.objects.create(question=question, text="Kyiv")
    kiev = take_quiz(quiz, name="Ada", typed={question.pk: "Kiev"})
    kyiv = take_quiz(quiz, name="Ben", typed={question.pk: "Kyiv"})
    assert kiev.score == 0

    services.question_set_answers(
        question=question, answer="Kyiv", wrong_choices=[], also_accept=["Kiev"]
    )
    outcome = services.quiz_regrade(quiz=quiz)

    kiev.refresh_from_db()
    kyiv.refresh_from_db()
    assert outcome == services.RegradeResult(checked=2, changed=1)
    assert (kiev.score, kyiv.score) == (1, 1)


@pytest.mark.django_db
def test_regrade_follows_a_fixed_key_and_leaves_overrides_alone():
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    wrong_pick = take_quiz(quiz, name="Ada", picks={question.pk: "Wrong 1.2"})
    overridden = take_quiz(quiz, name="Ben", picks={question.pk: "Right 1"})
    services.response_override(
        response=overridden.responses.get(), points=Decimal("0.5"), by=quiz.owner
    )

    services.question_set_answers(
        question=question, answer="Wrong 1.2", wrong_choices=["Right 1", "Wrong 1.3"],
        also_accept=[],
    )  # fmt: skip
    services.quiz_regrade(quiz=quiz)

    wrong_pick.refresh_from_db()
    overridden.refresh_from_db()
    assert wrong_pick.score == 1
    assert overridden.score == Decimal("0.5")


@pytest.mark.django_db
def test_csv_has_a_row_per_answer_with_formula_cells_neutralised():
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    take_quiz(quiz, name='=HYPERLINK("http://evil")', picks={question.pk: "Right 1"})
    take_quiz(quiz, name="@Bob", picks={})

    rows = list(csv.reader(io.StringIO(results.results_csv(quiz=quiz))))

    assert rows[0][0] == "student"
    names = sorted(row[0] for row in rows[1:])
    assert names == ['\'=HYPERLINK("http://evil")', "'@Bob"]
    assert {row[8] for row in rows[1:]} == {"yes", "no"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Ada", "Ada"), ("", "")],
)  # fmt: skip
def test_csv_safe_prefixes_only_formula_starts(value, expected):
    assert results.csv_safe(value) == expected


@pytest.mark.django_db
def test_item_analysis_counts_picks_and_blanks():
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    take_quiz(quiz, name="Ada", picks={question.pk: "Right 1"})
    take_quiz(quiz, name="Ben", picks={question.pk: "Wrong 1.2"})
    take_quiz(quiz, name="Cleo", picks={})

    (report,) = results.item_analysis(quiz=quiz)

    assert report.stats.facility == pytest.approx(1 / 3)
    assert dict((text, count) for text, count, _ in report.picks)["Wrong 1.2"] == 1
    assert report.blank == 1


@pytest.mark.django_db
def test_set_answers_keeps_the_choice_a_student_picked():
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    attempt = take_quiz(quiz, name="Ada", picks={question.pk: "Wrong 1.3"})
    picked = attempt.responses.get().choice_id

    services.question_set_answers(
        question=question, answer="Right 1", wrong_choices=["Wrong 1.3", "New wrong"],
        also_accept=[],
    )  # fmt: skip

    assert question.choices.filter(pk=picked, text="Wrong 1.3").exists()
    assert sorted(question.choices.values_list("text", flat=True)) == [
        "New wrong", "Right 1", "Wrong 1.3"
    ]  # fmt: skip
    assert question.choices.filter(is_correct=True).count() == 1
    assert Response.objects.get().choice_id == picked


@pytest.mark.django_db
def test_multiple_choice_needs_a_wrong_choice_and_every_question_a_right_answer():
    question = make_quiz(questions=1).questions.get()

    with pytest.raises(QuestionInvalid):
        services.question_set_answers(
            question=question, answer="X", wrong_choices=[], also_accept=[]
        )
    with pytest.raises(QuestionInvalid):
        services.question_set_answers(
            question=question, answer=" ", wrong_choices=["Y"], also_accept=[]
        )


@pytest.mark.django_db
def test_regenerate_replaces_a_question_with_a_new_fact_from_the_article():
    teacher = make_teacher()
    text = (
        "Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891 to study physics. "
        "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie. "
        "Albert Einstein met her in Brussels in 1911 at the Solvay Conference. "
        "Irene Joliot-Curie, the daughter of Marie and Pierre Curie, won the Nobel Prize in "
        "Chemistry in 1935 in Stockholm."
    )
    article = services.article_create(owner=teacher, title="Curie", text=text)
    from quizzes.generation import GenerationOptions

    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=3))
    old = quiz.questions.order_by("order").first()
    before = {q.prompt for q in quiz.questions.all()}

    new = services.question_regenerate(question=old)

    assert new.order == old.order
    assert new.prompt not in before
    assert not Question.objects.filter(pk=old.pk).exists()
    assert quiz.questions.count() == 3
    assert new.choices.filter(is_correct=True).count() == 1


@pytest.mark.django_db
def test_a_question_students_answered_is_not_replaced():
    quiz = make_quiz(questions=1, join_code=CODE)
    question = quiz.questions.get()
    take_quiz(quiz, name="Ada", picks={question.pk: "Right 1"})

    with pytest.raises(QuestionInvalid, match="Students have answered"):
        services.question_regenerate(question=question)

    assert Question.objects.filter(pk=question.pk).exists()


@pytest.mark.django_db
def test_item_analysis_lists_typed_short_answers_commonest_first():
    quiz = make_quiz(questions=0, join_code=CODE)
    question = Question.objects.create(quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where?")
    AcceptedAnswer.objects.create(question=question, text="Kyiv")
    for name, typed in [("Ada", "Kiev"), ("Ben", "kiev "), ("Cleo", "Kyiv"), ("Dev", "")]:
        take_quiz(quiz, name=name, typed={question.pk: typed})

    (report,) = results.item_analysis(quiz=quiz)

    assert report.typed == (("Kiev", 2, False), ("Kyiv", 1, True))
    assert report.blank == 1


@pytest.mark.django_db
def test_a_student_who_adds_the_unit_from_the_source_sentence_scores_the_point():
    quiz = make_quiz(questions=0, join_code=CODE)
    question = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.SHORT_ANSWER,
        prompt="How many liters of water does the plant clean every day?",
        answer_type="CARDINAL",
        source_sentence="Every day the plant cleans 8.7 million liters of water.",
    )
    AcceptedAnswer.objects.create(question=question, text="8.7 million")

    with_unit = take_quiz(quiz, name="Ada", typed={question.pk: "8.7 million liters"})
    grouped = take_quiz(quiz, name="Ben", typed={question.pk: "8,700,000"})
    wrong = take_quiz(quiz, name="Cy", typed={question.pk: "8,700"})

    assert (with_unit.score, grouped.score, wrong.score) == (1, 1, 0)
    assert services.quiz_regrade(quiz=quiz) == services.RegradeResult(checked=3, changed=0)


@pytest.mark.django_db
def test_an_answered_quiz_says_just_once_that_it_cannot_be_deleted_after_each_save():
    teacher = make_teacher()
    quiz = make_quiz(questions=1, owner=teacher, join_code=CODE)
    take_quiz(quiz, name="Ada", picks={})
    client = Client()
    client.force_login(teacher)
    url = f"/admin/quizzes/quiz/{quiz.pk}/change/"

    pages = []
    for _ in range(2):
        data = form_data(client.get(url).content.decode(), "quiz_form")
        pages.append(client.post(url, {**data, "_continue": "1"}, follow=True))

    for page in pages:
        html = page.content.decode()
        notices = [str(m) for m in page.context["messages"]]
        assert html.count("it cannot be deleted") == 1
        assert not any("cannot be deleted" in notice for notice in notices)
        assert any("was changed successfully" in notice for notice in notices)


@pytest.mark.django_db
def test_results_page_summarises_the_class_above_the_list_of_attempts():
    quiz = make_quiz(questions=2, join_code=CODE)
    first, second = quiz.questions.all()
    take_quiz(quiz, name="Ada", picks={first.pk: "Right 1", second.pk: "Right 2"})
    take_quiz(quiz, name="Ben", picks={first.pk: "Right 1", second.pk: "Wrong 2.2"})
    Client().post("/", {"code": quiz.join_code, "name": "Cleo"})
    client = Client()
    client.force_login(quiz.owner)

    summary = results.quiz_summary(quiz=quiz)
    page = client.get(f"/admin/quizzes/quiz/{quiz.pk}/results/").content.decode()

    assert (summary.submitted, summary.joined) == (2, 3)
    assert summary.mean == pytest.approx(0.75) and summary.median == pytest.approx(0.75)
    assert page.index("Class summary") < page.index("<h2>Students</h2>")
    assert "2 of 3 joined" in page and "75 %" in page
    assert 'class="bar bar-20"' in page and "style=" not in page.split("Class summary")[1]


@pytest.mark.django_db
def test_results_page_without_submissions_says_so_instead_of_a_summary():
    quiz = make_quiz(questions=1, join_code=CODE)
    client = Client()
    client.force_login(quiz.owner)

    empty = client.get(f"/admin/quizzes/quiz/{quiz.pk}/results/").content.decode()
    Client().post("/", {"code": quiz.join_code, "name": "Ada"})
    joined = client.get(f"/admin/quizzes/quiz/{quiz.pk}/results/").content.decode()

    assert "Nobody has joined yet" in empty and 'class="results histogram"' not in empty
    assert "No student has submitted yet: 1 joined and is still answering" in joined
