"""The teacher's workflow in the admin, driven with the test client as a signed-in teacher."""

import csv
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

from quizzes import services
from quizzes.generation import GenerationOptions
from quizzes.models import AcceptedAnswer, Article, Attempt, Question, Quiz
from tests.builders import make_quiz
from tests.forms_html import form_data
from tests.pages import parse_quiz_page

TEXT = (
    "Marie Curie was born in Warsaw in 1867.\n"
    "She moved to Paris in 1891 to study physics at the Sorbonne.\n"
    "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel.\n"
    "Albert Einstein met her in Brussels in 1911 at the Solvay Conference.\n"
    "Her daughter Irene Joliot-Curie won the Nobel Prize in Chemistry in 1935 in Stockholm."
)

# More facts than a 3-question quiz uses, so there is always another question to offer.
LONGER_TEXT = TEXT + (
    "\nPierre Curie died in a street accident in Paris in 1906."
    "\nMarie Curie won the Nobel Prize in Chemistry in 1911 for discovering polonium and radium."
    "\nShe founded the Radium Institute in Paris in 1914."
    "\nDuring the First World War she organised mobile X-ray units for the French army."
    "\nMarie Curie died in Savoy in 1934."
)


@pytest.fixture
def teacher_client(teacher):
    client = Client()
    client.force_login(teacher)
    return client


@pytest.fixture
def quiz(teacher):
    article = services.article_create(owner=teacher, title="Curie", text=TEXT)
    return services.build_quiz(article, GenerationOptions(multiple_choice=3, short_answer=1))


def quiz_form(client, quiz):
    html = client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()
    return form_data(html, "quiz_form")


def form_index(data, question) -> str:
    """The inline form number of a question in the quiz page's form data."""
    return next(
        k.split("-")[1] for k, v in data.items() if k.endswith("-id") and v == str(question.pk)
    )


def answer(quiz, name, *, right: bool):
    """A student takes the published quiz through the real pages."""
    client = Client()
    client.post("/", {"code": quiz.join_code, "name": name})
    page = parse_quiz_page(client.get(f"/q/{quiz.join_code}/").content.decode())
    form = {"token": page.token}
    for question in quiz.questions.all():
        field = f"q{question.pk}"
        if field in page.radios:
            wanted = question.choices.get(is_correct=True).text if right else None
            options = page.radios[field]
            form[field] = (
                next((v for v, t in options if t == wanted), options[-1][0])
                if right
                else next(v for v, t in options if t != question.choices.get(is_correct=True).text)
            )
        else:
            form[field] = question.accepted_answers.first().text if right else "nothing"
    client.post(f"/q/{quiz.join_code}/", form)
    return Attempt.objects.get(quiz=quiz, student_name=name)


@pytest.mark.django_db
def test_admin_needs_a_login():
    response = Client().get("/admin/quizzes/quiz/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_pasted_article_is_stored_for_the_teacher_with_its_reading_figures(teacher_client, teacher):
    response = teacher_client.post(
        "/admin/quizzes/article/add/", {"title": "Curie", "source": "", "text": TEXT}
    )

    article = Article.objects.get()
    assert article.owner == teacher and article.word_count == 63
    page = teacher_client.get(response["Location"]).content.decode()
    assert "Flesch–Kincaid grade" in page
    assert ">5<" in page.replace(" ", "")  # five sentences
    assert "Generate a quiz" in page


def upload(client, name, data):
    return client.post(
        "/admin/quizzes/article/add/",
        {"title": name, "source": "", "text": "", "upload": SimpleUploadedFile(name, data)},
    )


def docx_bytes(text):
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number, line in enumerate(text.splitlines()):
        page.drawString(40, 780 - 16 * number, line)
    page.save()
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("curie.txt", lambda: TEXT.encode()),
        ("curie.html", lambda: f"<html><script>x()</script><p>{TEXT}</p></html>".encode()),
        ("curie.docx", lambda: docx_bytes(TEXT)),
        ("curie.pdf", lambda: pdf_bytes(TEXT)),
    ],
)
def test_uploaded_article_of_each_type_keeps_its_text(teacher_client, name, make):
    upload(teacher_client, name, make())

    article = Article.objects.get()
    assert "born in Warsaw in 1867" in article.text
    assert "Stockholm" in article.text
    assert "x()" not in article.text


@pytest.mark.django_db
def test_unreadable_upload_is_refused_on_the_page_and_nothing_is_stored(teacher_client):
    response = upload(teacher_client, "scan.pdf", b"%PDF-1.4 broken")

    assert response.status_code == 200
    assert "not a readable PDF" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_generate_makes_a_draft_and_lands_on_it(teacher_client, teacher):
    article = services.article_create(owner=teacher, title="Curie", text=TEXT)

    response = teacher_client.post(
        f"/admin/quizzes/article/{article.pk}/generate/",
        {"title": "Curie quiz", "multiple_choice": 3, "short_answer": 1, "seed": 4},
    )

    quiz = Quiz.objects.get()
    assert response["Location"] == f"/admin/quizzes/quiz/{quiz.pk}/change/"
    assert quiz.status == Quiz.Status.DRAFT and quiz.title == "Curie quiz"
    assert quiz.questions.count() == 4
    assert quiz.questions.filter(kind=Question.Kind.SHORT_ANSWER).count() == 1


@pytest.mark.django_db
def test_quiz_page_shows_code_link_qr_and_each_source_sentence(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)

    page = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    share = page.split("Share with students")[1].split("Printable handouts")[0]
    assert f'<p class="code">{quiz.join_code}</p>' in share
    assert f'href="http://testserver/q/{quiz.join_code}/"' in share
    assert "<svg" in share and "<path" in share
    for question in quiz.questions.all():
        assert question.source_sentence in page
    assert "Replace with another generated question" in page


@pytest.mark.django_db
def test_teacher_edits_a_questions_wording_and_choices(teacher_client, quiz):
    question = quiz.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE).order_by("order").first()
    data = quiz_form(teacher_client, quiz)
    index = form_index(data, question)

    data[f"questions-{index}-prompt"] = "Where was Marie Curie born?"
    data[f"questions-{index}-answer"] = "Warsaw"
    data[f"questions-{index}-wrong_choices"] = "Paris\nBrussels\nStockholm"
    response = teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.prompt == "Where was Marie Curie born?"
    assert sorted(question.choices.values_list("text", "is_correct")) == [
        ("Brussels", False), ("Paris", False), ("Stockholm", False), ("Warsaw", True)
    ]  # fmt: skip


@pytest.mark.django_db
def test_multiple_choice_without_a_wrong_choice_is_refused(teacher_client, quiz):
    question = quiz.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE).first()
    data = quiz_form(teacher_client, quiz)
    index = form_index(data, question)

    data[f"questions-{index}-wrong_choices"] = ""
    response = teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    assert response.status_code == 200
    assert "needs at least one wrong choice" in response.content.decode()
    assert question.choices.filter(is_correct=False).exists()


@pytest.mark.django_db
def test_teacher_adds_a_short_answer_question_by_hand_and_reorders(teacher_client, quiz):
    data = quiz_form(teacher_client, quiz)
    new = int(data["questions-TOTAL_FORMS"])
    data["questions-TOTAL_FORMS"] = str(new + 1)
    data.update({
        f"questions-{new}-order": "0",
        f"questions-{new}-kind": "short_answer",
        f"questions-{new}-points": "2",
        f"questions-{new}-prompt": "In which city was Marie Curie born?",
        f"questions-{new}-answer": "Warsaw",
        f"questions-{new}-also_accept": "Warszawa",
        f"questions-{new}-quiz": str(quiz.pk),
    })  # fmt: skip

    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    first = quiz.questions.order_by("order", "pk").first()
    assert first.prompt == "In which city was Marie Curie born?"
    assert list(first.accepted_answers.values_list("text", flat=True)) == ["Warsaw", "Warszawa"]


@pytest.mark.django_db
def test_short_answer_without_an_answer_is_refused(teacher_client, quiz):
    question = quiz.questions.filter(kind=Question.Kind.SHORT_ANSWER).get()
    data = quiz_form(teacher_client, quiz)
    index = form_index(data, question)

    data[f"questions-{index}-answer"] = " "
    response = teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    assert "Give the right answer." in response.content.decode()
    assert question.accepted_answers.exists()


@pytest.mark.django_db
def test_teacher_deletes_a_question(teacher_client, quiz):
    question = quiz.questions.order_by("order").first()
    data = quiz_form(teacher_client, quiz)
    index = form_index(data, question)

    data[f"questions-{index}-DELETE"] = "on"
    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    assert not Question.objects.filter(pk=question.pk).exists()
    assert quiz.questions.count() == 3


@pytest.mark.django_db
def test_regenerate_replaces_one_question(teacher_client, teacher):
    article = services.article_create(owner=teacher, title="Curie", text=LONGER_TEXT)
    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=3))
    old = quiz.questions.order_by("order").first()

    response = teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/questions/{old.pk}/regenerate/")

    assert response.status_code == 302
    assert not Question.objects.filter(pk=old.pk).exists()
    assert quiz.questions.count() == 3
    assert quiz.questions.filter(order=old.order).exclude(prompt=old.prompt).exists()


@pytest.mark.django_db
def test_the_generate_form_is_laid_out_as_the_admins_own_forms(teacher_client, teacher):
    article = services.article_create(owner=teacher, title="Curie", text=TEXT)

    html = teacher_client.get(f"/admin/quizzes/article/{article.pk}/generate/").content.decode()

    assert "admin/css/forms.css" in html
    assert html.count('<fieldset class="module aligned') == 2
    assert 'class="form-row field-multiple_choice field-short_answer"' in html
    assert 'class="vIntegerField"' in html and 'class="vTextField"' in html


def box_of(html: str, anchor: str) -> str:
    """The quiz page's box with that id, up to the next question's."""
    start = html.index(f'id="{anchor}"')
    end = html.find('class="inline-related', start + 1)
    return html[start : end if end != -1 else None]


@pytest.mark.django_db
def test_replace_returns_to_the_new_question_on_the_page(teacher_client, teacher):
    article = services.article_create(owner=teacher, title="Curie", text=LONGER_TEXT)
    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=3))
    third = quiz.questions.get(order=3)

    response = teacher_client.post(
        f"/admin/quizzes/quiz/{quiz.pk}/questions/{third.pk}/regenerate/"
    )

    path, anchor = response["Location"].split("#")
    assert path == f"/admin/quizzes/quiz/{quiz.pk}/change/" and anchor == "questions-2"
    new = quiz.questions.get(order=3)
    assert new.pk != third.pk
    html = teacher_client.get(path).content.decode()
    assert escape(new.prompt) in box_of(html, anchor)


@pytest.mark.django_db
def test_a_refused_replace_returns_to_the_same_question(teacher_client, teacher):
    quiz = make_quiz(questions=3, owner=teacher)
    second = quiz.questions.get(order=2)
    answer(quiz, "Ada", right=True)

    response = teacher_client.post(
        f"/admin/quizzes/quiz/{quiz.pk}/questions/{second.pk}/regenerate/", follow=True
    )

    assert response.redirect_chain[0][0].endswith("#questions-1")
    assert "Students have answered this question" in response.content.decode()
    assert "Question 2?" in box_of(response.content.decode(), "questions-1")


@pytest.mark.django_db
def test_publish_then_close_from_the_quiz_page(teacher_client, quiz):
    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/publish/")
    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.PUBLISHED

    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/close/")

    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.CLOSED


@pytest.mark.django_db
def test_results_page_lists_attempts_and_item_analysis(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)
    answer(quiz, "Ada", right=True)
    answer(quiz, "Ben", right=False)

    page = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/results/").content.decode()

    assert "Ada" in page and "Ben" in page
    assert "4 / 4" in page and "0 / 4" in page
    assert "50 %" in page  # every question's facility: one of two students right
    assert "Item analysis" in page


@pytest.mark.django_db
def test_results_csv_downloads_with_every_answer(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)
    answer(quiz, "=cmd|' /C calc'!A0", right=True)

    response = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/results.csv")

    assert response["Content-Type"].startswith("text/csv")
    assert f"answers-{quiz.join_code}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 4
    assert all(row[0].startswith("'=") for row in rows[1:])


@pytest.mark.django_db
def test_override_through_the_attempt_page_updates_the_score(teacher_client, quiz, teacher):
    services.quiz_publish(quiz=quiz)
    attempt = answer(quiz, "Ben", right=False)
    html = teacher_client.get(f"/admin/quizzes/attempt/{attempt.pk}/change/").content.decode()
    data = form_data(html, "attempt_form")
    data["responses-0-points_awarded"] = "1"

    teacher_client.post(f"/admin/quizzes/attempt/{attempt.pk}/change/", data)

    attempt.refresh_from_db()
    changed = attempt.responses.get(overridden_at__isnull=False)
    assert attempt.score == 1
    assert changed.overridden_by == teacher and changed.points_before_override == 0


@pytest.mark.django_db
def test_regrade_after_adding_an_accepted_answer(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)
    attempt = answer(quiz, "Ben", right=False)
    short = quiz.questions.get(kind=Question.Kind.SHORT_ANSWER)
    AcceptedAnswer.objects.create(question=short, text="nothing", order=9)

    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/regrade/")

    attempt.refresh_from_db()
    assert attempt.score == 1


@pytest.mark.django_db
def test_quiz_with_attempts_offers_no_delete_and_says_why(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)
    answer(quiz, "Ada", right=True)

    page = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()
    delete = teacher_client.post(
        f"/admin/quizzes/quiz/{quiz.pk}/delete/", {"post": "yes"}, follow=True
    )
    delete_article = teacher_client.post(
        f"/admin/quizzes/article/{quiz.article_id}/delete/", {"post": "yes"}, follow=True
    )
    listing = teacher_client.get("/admin/quizzes/quiz/").content.decode()

    assert "cannot be deleted" in page and "Close it instead" in page
    assert "cannot be deleted" in delete.content.decode()
    assert "cannot be deleted" in delete_article.content.decode()
    assert Quiz.objects.filter(pk=quiz.pk).exists()
    assert "delete_selected" not in listing


def choice_layout(quiz):
    return [
        list(q.choices.order_by("order").values_list("text", "is_correct"))
        for q in quiz.questions.order_by("order")
    ]


@pytest.mark.django_db
def test_saving_the_quiz_unchanged_keeps_every_choice_in_its_place(teacher_client, quiz):
    before = choice_layout(quiz)

    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", quiz_form(teacher_client, quiz))

    assert choice_layout(quiz) == before


@pytest.mark.django_db
def test_editing_wrong_choices_keeps_the_other_choices_in_their_order(teacher_client, quiz):
    question = quiz.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE).order_by("order").first()
    before = list(question.choices.order_by("order").values_list("text", flat=True))
    data = quiz_form(teacher_client, quiz)
    index = form_index(data, question)
    kept = data[f"questions-{index}-wrong_choices"].splitlines()[:2]

    data[f"questions-{index}-wrong_choices"] = "\n".join([*kept, "Lisbon"])
    teacher_client.post(f"/admin/quizzes/quiz/{quiz.pk}/change/", data)

    after = list(question.choices.order_by("order").values_list("text", flat=True))
    still_there = [text for text in before if text in after]
    assert [text for text in after if text != "Lisbon"] == still_there
    assert question.choices.filter(text="Lisbon", is_correct=False).exists()


@pytest.mark.django_db
def test_a_question_added_by_hand_goes_to_the_end_by_default(teacher_client, quiz):
    html = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    last = max(quiz.questions.values_list("order", flat=True))
    assert f'name="questions-__prefix__-order" value="{last + 1}"' in html


@pytest.mark.django_db
def test_uploaded_article_without_a_title_is_named_after_its_file(teacher_client):
    teacher_client.post(
        "/admin/quizzes/article/add/",
        {
            "title": "",
            "source": "",
            "text": "",
            "upload": SimpleUploadedFile("marie_curie-life.txt", TEXT.encode()),
        },
    )

    assert Article.objects.get().title == "Marie curie life"


@pytest.mark.django_db
def test_pasted_article_without_a_title_is_refused(teacher_client):
    response = teacher_client.post("/admin/quizzes/article/add/", {"title": " ", "text": TEXT})

    assert "Give the article a title." in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_gradebook_csv_has_a_row_per_student_and_a_column_per_question(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)
    answer(quiz, "Ada", right=True)
    answer(quiz, "Ben", right=False)

    response = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/results.csv?per=student")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["student", "submitted", "late", "score", "max score", "Q1", "Q2", "Q3", "Q4"]
    assert [(row[0], row[3], row[5:]) for row in rows[1:]] == [
        ("Ada", "4.00", ["1.00"] * 4),
        ("Ben", "0.00", ["0.00"] * 4),
    ]


@pytest.mark.django_db
def test_projector_page_shows_the_code_and_qr_large(teacher_client, quiz):
    services.quiz_publish(quiz=quiz)

    page = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/present/").content.decode()

    assert f'<p class="code">{quiz.join_code}</p>' in page
    assert "<svg" in page and f"/q/{quiz.join_code}/" in page


@pytest.mark.django_db
def test_draft_quiz_page_keeps_the_code_until_it_is_published(teacher_client, quiz):
    page = teacher_client.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    assert "appear here once the quiz is published" in page
    assert "<svg" not in page.split("Printable handouts")[0].split("Share with students")[1]
