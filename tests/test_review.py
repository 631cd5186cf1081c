"""The review page, driven with the test client: what a card shows, what its buttons write, and
that nobody but the quiz's owner reaches it or changes anything through it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from quizzes import services
from quizzes.admin.quiz import REGRADE_HINT
from quizzes.generation import GenerationOptions
from quizzes.models import AcceptedAnswer, Choice, Question, Quiz, Response
from tests.builders import make_article, make_quiz, make_submitted_attempt, make_teacher
from tests.review_pages import card_form
from tests.test_csp import HEADER, POLICY, inline_code, policy_of

pytestmark = pytest.mark.django_db

TEXT = (
    "Marie Curie was born in Warsaw in 1867.\n"
    "She moved to Paris in 1891 to study physics at the Sorbonne.\n"
    "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel.\n"
    "Albert Einstein met her in Brussels in 1911 at the Solvay Conference.\n"
    "Her daughter Irene Joliot-Curie won the Nobel Prize in Chemistry in 1935 in Stockholm.\n"
    "Pierre Curie died in a street accident in Paris in 1906.\n"
    "Marie Curie won the Nobel Prize in Chemistry in 1911 for discovering polonium and radium.\n"
    "She founded the Radium Institute in Paris in 1914.\n"
    "During the First World War she organised mobile X-ray units for the French army.\n"
    "Marie Curie died in Savoy in 1934."
)
HOSTILE = "<script>alert('x')</script> \"quoted\" & 'single'"


@pytest.fixture
def client_of(teacher):
    client = Client()
    client.force_login(teacher)
    return client


@pytest.fixture
def quiz(teacher):
    return make_quiz(questions=3, owner=teacher, status=Quiz.Status.DRAFT)


@pytest.fixture
def generated(teacher):
    article = make_article(owner=teacher, title="Marie Curie", text=TEXT)
    return services.build_quiz(article, GenerationOptions(multiple_choice=3, short_answer=1))


def url(quiz: Quiz, rest: str = "") -> str:
    return f"/admin/quizzes/quiz/{quiz.pk}/review/{rest}"


def card_url(question: Question, action: str) -> str:
    return url(question.quiz, f"{question.pk}/{action}/")


def numbers(quiz: Quiz) -> list[int]:
    return list(quiz.questions.order_by("order", "pk").values_list("order", flat=True))


def prompts(quiz: Quiz) -> list[str]:
    return list(quiz.questions.order_by("order", "pk").values_list("prompt", flat=True))


def choices(question: Question) -> list[tuple[str, bool]]:
    return list(question.choices.order_by("order").values_list("text", "is_correct"))


def page_form(client: Client, question: Question) -> dict[str, list[str]]:
    return card_form(client.get(url(question.quiz)).content.decode(), question.pk)


# --- What the page shows ---------------------------------------------------------------------


def test_every_question_shows_as_a_card_with_its_choices_in_order_and_the_right_one_ticked(
    client_of, quiz
):
    first = quiz.questions.get(order=1)
    first.choices.filter(text="Right 1").update(order=3)
    first.choices.filter(text="Wrong 1.4").update(order=1)

    html = client_of.get(url(quiz)).content.decode()
    form = card_form(html, first.pk)

    assert html.count('<article class="qcard') == 3
    assert form["choice"] == ["Wrong 1.4", "Wrong 1.2", "Right 1", "Wrong 1.3", ""]
    assert form["right"] == ["2"]
    assert form["kind"] == ["multiple_choice"]
    assert "0 of 3" in html


def test_a_short_answer_card_shows_its_answer_and_every_accepted_wording(client_of, quiz):
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=4
    )
    for order, text in enumerate(["Warsaw", "Warszawa", "the city of Warsaw"], start=1):
        AcceptedAnswer.objects.create(question=question, text=text, order=order)

    form = page_form(client_of, question)

    assert form["kind"] == ["short_answer"]
    assert form["answer"] == ["Warsaw"]
    assert form["also_accept"] == ["Warszawa", "the city of Warsaw", ""]


def test_the_quiz_page_links_to_its_review_page(client_of, quiz):
    html = client_of.get(f"/admin/quizzes/quiz/{quiz.pk}/change/").content.decode()

    assert f'href="{url(quiz)}"' in html


def test_the_source_sentence_is_marked_in_the_passage_with_its_question(client_of, generated):
    question = generated.questions.order_by("order").first()

    html = client_of.get(url(generated)).content.decode()

    marks = re.findall(r'<mark class="source" data-questions="([\d ]+)">(.*?)<span', html)
    sentences = {sentence.strip(): ids.split() for ids, sentence in marks}
    assert str(question.pk) in sentences[question.source_sentence]


def test_generated_cards_show_the_generators_warnings(client_of, generated):
    html = client_of.get(url(generated)).content.decode()

    assert "warning-short_answer" in html
    assert "Short answer: check the accepted wordings" in html


def test_the_page_escapes_every_text_and_holds_no_inline_code(client_of, teacher):
    article = make_article(owner=teacher, title=HOSTILE, text=f"{HOSTILE}\nAnother line.")
    quiz = Quiz.objects.create(article=article, owner=teacher, title=HOSTILE, join_code="K7MP3X")
    question = Question.objects.create(
        quiz=quiz, prompt=HOSTILE, order=1, source_sentence=HOSTILE, source_start=0,
        source_end=len(HOSTILE), rejected_answers=[HOSTILE],
    )  # fmt: skip
    Choice.objects.create(question=question, text=HOSTILE, is_correct=True, order=1)
    Choice.objects.create(question=question, text=f"{HOSTILE} wrong", order=2)
    AcceptedAnswer.objects.create(question=question, text=HOSTILE, order=1)

    response = client_of.get(url(quiz))
    html = response.content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;quoted&quot; &amp;" in html
    assert inline_code(html) == []
    assert policy_of(response[HEADER]) == POLICY
    assert card_form(html, question.pk)["choice"][0] == HOSTILE


# --- Who may use it --------------------------------------------------------------------------


def every_review_request(quiz: Quiz) -> list[tuple[str, str, dict]]:
    question = quiz.questions.order_by("order").first()
    ids = [str(pk) for pk in quiz.questions.values_list("pk", flat=True)][::-1]
    return [
        ("get", url(quiz), {}),
        ("post", card_url(question, "save"), {"kind": "short_answer", "prompt": "Hacked?",
                                             "points": "9", "answer": "Hacked"}),
        ("post", card_url(question, "reviewed"), {"reviewed": "1"}),
        ("post", card_url(question, "move"), {"to": "3"}),
        ("post", url(quiz, "order/"), {"order": ids}),
        ("post", card_url(question, "delete"), {}),
        ("post", url(quiz, "undo/"), {"question": str(question.pk)}),
        ("post", card_url(question, "replace"), {}),
        ("post", card_url(question, "redraw"), {"choices": "x"}),
    ]  # fmt: skip


def state_of(quiz: Quiz) -> list:
    return [
        (q.pk, q.order, q.kind, q.prompt, q.points, q.reviewed_at, choices(q))
        for q in quiz.questions.order_by("pk")
    ]


def test_another_teacher_gets_404_on_every_review_url_and_nothing_changes(quiz):
    stranger = Client()
    stranger.force_login(make_teacher("mr_stranger"))
    before = state_of(quiz)

    statuses = {
        path: getattr(stranger, method)(path, data).status_code
        for method, path, data in every_review_request(quiz)
    }

    assert set(statuses.values()) == {404}, statuses
    assert state_of(quiz) == before


def test_a_signed_out_visitor_is_sent_to_sign_in_and_nothing_changes(quiz):
    before = state_of(quiz)

    responses = [
        getattr(Client(), method)(path, data) for method, path, data in every_review_request(quiz)
    ]

    assert {r.status_code for r in responses} == {302}
    assert all("/admin/login/" in r["Location"] for r in responses)
    assert state_of(quiz) == before


def test_a_teacher_without_the_right_to_change_quizzes_gets_403_and_nothing_changes(
    client_of, teacher, quiz
):
    # Staff who may look at quizzes but not change them (a student teacher, say).
    teacher.groups.clear()
    teacher.user_permissions.add(Permission.objects.get(codename="view_quiz"))
    before = state_of(quiz)

    page = client_of.get(url(quiz))
    writes = [
        getattr(client_of, method)(path, data).status_code
        for method, path, data in every_review_request(quiz)
        if method == "post"
    ]

    assert page.status_code == 200
    assert set(writes) == {403}
    assert state_of(quiz) == before


def test_the_review_urls_take_no_get_for_a_write(client_of, quiz):
    question = quiz.questions.first()

    response = client_of.get(card_url(question, "delete"))

    assert response.status_code == 405
    assert quiz.questions.filter(pk=question.pk).exists()


# --- Saving a card ---------------------------------------------------------------------------


def test_fixing_a_wrong_choice_keeps_every_letter_and_marks_the_card_reviewed(client_of, quiz):
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["choice"][2] = "Lisbon"

    response = client_of.post(card_url(question, "save"), data)

    assert response.status_code == 302
    assert response["Location"].endswith(f"#q-{question.pk}")
    assert choices(question) == [
        ("Right 1", True),
        ("Wrong 1.2", False),
        ("Lisbon", False),
        ("Wrong 1.4", False),
    ]
    question.refresh_from_db()
    assert question.reviewed_at is not None
    assert "1 of 3" in client_of.get(url(quiz)).content.decode()


def test_a_new_wrong_choice_typed_in_the_blank_row_is_added_last(client_of, quiz):
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["choice"][-1] = "Madrid"

    client_of.post(card_url(question, "save"), data)

    assert choices(question)[-1] == ("Madrid", False)
    assert len(choices(question)) == 5


def test_ticking_another_choice_makes_it_the_right_answer(client_of, quiz):
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["right"] = ["1"]

    client_of.post(card_url(question, "save"), data)

    assert choices(question)[:2] == [("Right 1", False), ("Wrong 1.2", True)]


def test_an_accepted_wording_added_to_a_short_answer_is_stored(client_of, quiz):
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=4
    )
    AcceptedAnswer.objects.create(question=question, text="Warsaw", order=1)
    data = page_form(client_of, question)
    data["also_accept"][-1] = "Warszawa"

    client_of.post(card_url(question, "save"), data)

    assert list(question.accepted_answers.values_list("text", flat=True)) == [
        "Warsaw",
        "Warszawa",
    ]


def test_a_multiple_choice_card_turned_short_answer_keeps_its_answer_as_the_key(client_of, quiz):
    question = quiz.questions.get(order=2)
    data = page_form(client_of, question)
    data["kind"] = ["short_answer"]
    data["answer"] = ["Right 2"]

    client_of.post(card_url(question, "save"), data)

    question.refresh_from_db()
    assert question.kind == Question.Kind.SHORT_ANSWER
    assert not question.choices.exists()
    assert list(question.accepted_answers.values_list("text", flat=True)) == ["Right 2"]


def test_a_short_answer_card_turned_multiple_choice_gets_the_typed_choices(client_of, quiz):
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=4
    )
    AcceptedAnswer.objects.create(question=question, text="Warsaw", order=1)
    data = page_form(client_of, question)
    data["kind"] = ["multiple_choice"]
    assert data["choice"][0] == "Warsaw" and data["right"] == ["0"]
    data["choice"][1:4] = ["Paris", "Vienna", "Prague"]

    client_of.post(card_url(question, "save"), data)

    question.refresh_from_db()
    assert question.kind == Question.Kind.MULTIPLE_CHOICE
    assert sorted(choices(question)) == [
        ("Paris", False),
        ("Prague", False),
        ("Vienna", False),
        ("Warsaw", True),
    ]


BAD_CARDS = {
    "no right answer ticked": ({"right": []}, "Give the right answer."),
    "the ticked row is blank": ({"right": ["4"]}, "Give the right answer."),
    "a right index past the rows": ({"right": ["99"]}, "Give the right answer."),
    "a right index that is no number": ({"right": ["B"]}, "Enter a whole number."),
    "no wrong choice": (
        {"choice": ["Right 1", "", "", "", ""]},
        "A multiple-choice question needs at least one wrong choice",
    ),
    "no wording": ({"prompt": ["   "]}, "This field is required."),
    "no points": ({"points": ["0"]}, "Ensure this value is greater than or equal to 1."),
    "points as words": ({"points": ["two"]}, "Enter a whole number."),
    "an unknown kind": ({"kind": ["essay"]}, "Select a valid choice."),
    "a choice too long": (
        {"choice": ["Right 1", "x" * 501, "Wrong 1.3", "Wrong 1.4", ""]},
        "Each answer has at most 500 characters.",
    ),
    "too many choices": (
        {"right": ["0"], "choice": [f"Choice {n}" for n in range(11)]},
        "At most 10 here.",
    ),
}


@pytest.mark.parametrize("case", BAD_CARDS)
def test_a_bad_card_is_refused_on_the_card_with_everything_typed_kept(client_of, quiz, case):
    question = quiz.questions.get(order=1)
    before = state_of(quiz)
    changes, message = BAD_CARDS[case]
    data = {**page_form(client_of, question), "prompt": ["Typed but not saved?"], **changes}

    response = client_of.post(card_url(question, "save"), data)
    html = response.content.decode()

    assert response.status_code == 200
    start = html.index(f'id="q-{question.pk}"')
    card = html[html.rindex("<article", 0, start) : html.index("</article>", start)]
    assert "has-errors" in card
    assert message in card
    shown = card_form(html, question.pk)
    assert shown["prompt"] == [" ".join(data["prompt"][0].split())] or case == "no wording"
    assert [text for text in shown["choice"] if text] == [text for text in data["choice"] if text]
    assert state_of(quiz) == before


def test_a_refused_card_posted_again_keeps_the_ticked_choice_ticked(client_of, quiz):
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    # Choice B emptied, D ticked as the right one, and the wording left blank: refused.
    data.update(choice=["Right 1", "", "Wrong 1.3", "Wrong 1.4", ""], right=["3"], prompt=[""])
    shown = card_form(
        client_of.post(card_url(question, "save"), data).content.decode(), question.pk
    )
    assert shown["choice"][shown["choice"].index("Wrong 1.4")] == "Wrong 1.4"

    client_of.post(card_url(question, "save"), {**shown, "prompt": ["Fixed?"]})

    assert choices(question) == [("Right 1", False), ("Wrong 1.3", False), ("Wrong 1.4", True)]
    assert shown["right"] == [str(shown["choice"].index("Wrong 1.4"))]


def test_saving_the_same_card_twice_gives_the_same_question(client_of, quiz):
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["choice"][1] = "Lisbon"

    client_of.post(card_url(question, "save"), data)
    after_one = choices(question)
    client_of.post(card_url(question, "save"), data)

    assert choices(question) == after_one
    assert quiz.questions.count() == 3


def test_editing_an_answered_quizs_key_warns_that_scores_wait_for_a_regrade(client_of, quiz):
    make_submitted_attempt(quiz=quiz)
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["choice"][1] = "Lisbon"

    page = client_of.get(client_of.post(card_url(question, "save"), data)["Location"])
    html = page.content.decode()

    assert REGRADE_HINT in html
    assert "cannot be deleted" in html  # the quiz page's own note about an answered quiz


def test_rewording_an_answered_question_gives_no_regrade_warning(client_of, quiz):
    make_submitted_attempt(quiz=quiz)
    question = quiz.questions.get(order=1)
    data = page_form(client_of, question)
    data["prompt"] = ["A clearer question?"]

    page = client_of.get(client_of.post(card_url(question, "save"), data)["Location"])

    assert REGRADE_HINT not in page.content.decode()


# --- Reviewed, order -------------------------------------------------------------------------


def test_marking_a_card_reviewed_and_back_counts_it(client_of, quiz):
    question = quiz.questions.get(order=2)

    client_of.post(card_url(question, "reviewed"), {"reviewed": "1"})
    counted = client_of.get(url(quiz)).content.decode()
    client_of.post(card_url(question, "reviewed"), {"reviewed": "0"})
    uncounted = client_of.get(url(quiz)).content.decode()

    assert "<strong>1 of 3</strong>" in counted
    assert "<strong>0 of 3</strong>" in uncounted


@pytest.fixture
def five(teacher):
    return make_quiz(questions=5, owner=teacher, status=Quiz.Status.DRAFT)


def move(client, quiz: Quiz, number: int, to) -> None:
    question = quiz.questions.order_by("order", "pk")[number - 1]
    client.post(card_url(question, "move"), {"to": str(to)})


@pytest.mark.parametrize(
    ("number", "to", "expected"),
    [
        (1, 0, [1, 2, 3, 4, 5]),  # up on the first: stays
        (5, 6, [1, 2, 3, 4, 5]),  # down on the last: stays
        (1, 2, [2, 1, 3, 4, 5]),  # down on the first
        (5, 4, [1, 2, 3, 5, 4]),  # up on the last
        (3, 2, [1, 3, 2, 4, 5]),  # up in the middle
        (3, 4, [1, 2, 4, 3, 5]),  # down in the middle
        (2, -7, [2, 1, 3, 4, 5]),  # far above the top: to the top
        (2, 999, [1, 3, 4, 5, 2]),  # far below the end: to the end
    ],
)
def test_moving_a_question_renumbers_the_quiz_one_to_n(client_of, five, number, to, expected):
    move(client_of, five, number, to)

    assert numbers(five) == [1, 2, 3, 4, 5]
    assert prompts(five) == [f"Question {n}?" for n in expected]


def test_a_double_click_on_up_moves_the_question_once(client_of, five):
    question = five.questions.get(order=4)

    for _ in range(2):
        client_of.post(card_url(question, "move"), {"to": "3"})

    assert prompts(five) == [
        "Question 1?",
        "Question 2?",
        "Question 4?",
        "Question 3?",
        "Question 5?",
    ]


@pytest.mark.parametrize("to", ["", "up", "2.5", "1e3"])
def test_a_move_with_an_unreadable_place_changes_nothing(client_of, five, to):
    question = five.questions.get(order=2)
    before = state_of(five)

    response = client_of.post(card_url(question, "move"), {"to": to})

    assert response.status_code == 302
    assert state_of(five) == before


def test_numbers_typed_twice_elsewhere_become_one_to_n_at_the_first_move(client_of, five):
    Question.objects.filter(quiz=five, order__in=[3, 4]).update(order=2)

    move(client_of, five, 5, 4)

    assert numbers(five) == [1, 2, 3, 4, 5]


def ids_of(quiz: Quiz) -> list[int]:
    return list(quiz.questions.order_by("order", "pk").values_list("pk", flat=True))


def test_a_dragged_order_renumbers_the_quiz_in_that_order(client_of, five):
    ids = ids_of(five)
    wanted = [ids[4], ids[0], ids[1], ids[2], ids[3]]

    client_of.post(url(five, "order/"), {"order": [str(pk) for pk in wanted], "moved": ids[4]})

    assert ids_of(five) == wanted
    assert numbers(five) == [1, 2, 3, 4, 5]


def test_an_odd_order_still_leaves_every_question_one_number(client_of, teacher, five):
    ids = ids_of(five)
    other = make_quiz(questions=2, owner=teacher)
    foreign = other.questions.order_by("order").first()
    other_before = state_of(other)
    # Repeats, another quiz's question, an id that never existed, and two left out.
    posted = [ids[3], ids[3], foreign.pk, 999_999, ids[0], ids[3], ids[2]]

    client_of.post(url(five, "order/"), {"order": [str(pk) for pk in posted]})

    assert ids_of(five) == [ids[3], ids[0], ids[2], ids[1], ids[4]]
    assert numbers(five) == [1, 2, 3, 4, 5]
    assert state_of(other) == other_before


@pytest.mark.parametrize("order", [[], ["x"], ["1", "two"], [""]])
def test_an_unreadable_order_changes_nothing(client_of, five, order):
    before = state_of(five)

    response = client_of.post(url(five, "order/"), {"order": order})

    assert response.status_code == 302
    assert state_of(five) == before


# --- Delete and undo ---------------------------------------------------------------------------


def test_a_deleted_question_leaves_an_undo_in_its_place_that_brings_it_back(client_of, five):
    question = five.questions.get(order=3)
    make_submitted_attempt(quiz=five)
    response_ids = sorted(question.responses.values_list("pk", flat=True))
    before = state_of(five)

    deleted = client_of.post(card_url(question, "delete"))
    page = client_of.get(url(five)).content.decode()

    assert deleted["Location"].endswith(f"#deleted-{question.pk}")
    assert not five.questions.filter(pk=question.pk).exists()
    assert numbers(five) == [1, 2, 3, 4]
    assert page.index(f'id="deleted-{question.pk}"') < page.index(
        'id="q-', page.index("Question 3<")
    )
    assert "Deleted: “Question 3?”" in page

    undone = client_of.post(url(five, "undo/"), {"question": str(question.pk)})

    assert undone["Location"].endswith(f"#q-{question.pk}")
    assert state_of(five) == before
    assert sorted(Response.objects.filter(question=question).values_list("pk", flat=True)) == (
        response_ids
    )
    assert f'id="deleted-{question.pk}"' not in client_of.get(url(five)).content.decode()


def test_a_second_click_on_delete_or_undo_is_harmless(client_of, five):
    question = five.questions.get(order=2)

    client_of.post(card_url(question, "delete"))
    again = client_of.post(card_url(question, "delete"))
    client_of.post(url(five, "undo/"), {"question": str(question.pk)})
    undo_again = client_of.post(url(five, "undo/"), {"question": str(question.pk)})

    assert again.status_code == 302 and undo_again.status_code == 302
    assert five.questions.count() == 5
    assert numbers(five) == [1, 2, 3, 4, 5]
    assert prompts(five)[1] == "Question 2?"


def test_undo_brings_back_only_what_this_teacher_deleted_from_this_quiz(client_of, teacher, five):
    other = make_quiz(questions=2, owner=teacher)
    question = other.questions.first()
    client_of.post(card_url(question, "delete"))

    response = client_of.post(url(five, "undo/"), {"question": str(question.pk)})

    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()
    assert five.questions.count() == 5


@pytest.mark.parametrize("value", ["", "abc", "-1", "999999"])
def test_an_undo_of_nothing_changes_nothing(client_of, five, value):
    before = state_of(five)

    response = client_of.post(url(five, "undo/"), {"question": value})

    assert response.status_code == 302
    assert state_of(five) == before


# --- Replace and redraw ----------------------------------------------------------------------


def test_replace_puts_a_new_generated_question_in_the_cards_place_and_returns_to_it(
    client_of, generated
):
    old = generated.questions.get(order=2)

    response = client_of.post(card_url(old, "replace"))

    new = generated.questions.get(order=2)
    assert new.pk != old.pk
    assert new.prompt != old.prompt
    assert response["Location"].endswith(f"#q-{new.pk}")
    assert numbers(generated) == [1, 2, 3, 4]


def test_a_second_click_on_replace_replaces_the_question_once(client_of, generated):
    old = generated.questions.get(order=2)

    client_of.post(card_url(old, "replace"))
    after_one = state_of(generated)
    again = client_of.post(card_url(old, "replace"))

    assert again.status_code == 302
    assert state_of(generated) == after_one
    assert "no longer in the quiz" in client_of.get(again["Location"]).content.decode()


def test_an_answered_question_is_not_replaced_and_the_card_says_why(client_of, generated):
    make_submitted_attempt(quiz=generated)
    old = generated.questions.get(order=1)

    response = client_of.post(card_url(old, "replace"))
    page = client_of.get(response["Location"]).content.decode()

    assert generated.questions.filter(pk=old.pk).exists()
    assert "Students have answered this question, so it is kept" in page


def a_multiple_choice_question(quiz: Quiz) -> Question:
    return next(
        q
        for q in quiz.questions.order_by("order")
        if q.kind == Question.Kind.MULTIPLE_CHOICE and "year" in q.prompt
    )


def test_regenerate_wrong_choices_gives_other_ones_and_keeps_the_right_answers_letter(
    client_of, generated
):
    question = a_multiple_choice_question(generated)
    before = choices(question)
    right_at = [right for _, right in before].index(True)
    token = re.search(
        rf'review/{question.pk}/redraw/.*?name="choices" value="(\w+)"',
        client_of.get(url(generated)).content.decode(),
        re.S,
    ).group(1)

    response = client_of.post(card_url(question, "redraw"), {"choices": token})

    after = choices(question)
    assert response["Location"].endswith(f"#q-{question.pk}")
    assert after[right_at] == before[right_at]
    assert {text for text, right in after if not right} != {t for t, r in before if not r}
    assert len(after) == len(before)


def test_a_second_click_on_regenerate_draws_nothing_more(client_of, generated):
    question = a_multiple_choice_question(generated)
    html = client_of.get(url(generated)).content.decode()
    token = re.search(
        rf'review/{question.pk}/redraw/.*?name="choices" value="(\w+)"', html, re.S
    ).group(1)
    client_of.post(card_url(question, "redraw"), {"choices": token})
    after_one = choices(question)

    client_of.post(card_url(question, "redraw"), {"choices": token})

    assert choices(question) == after_one


# --- The generator's warnings ----------------------------------------------------------------


def generated_question(
    quiz: Quiz,
    *,
    right: str,
    wrong: list[str],
    sentence: str,
    answer_type: str = "PERSON",
    prompt: str = "Who was it?",
    accepted: tuple[str, ...] = (),
) -> Question:
    text = quiz.article.text
    start = text.find(sentence)
    question = Question.objects.create(
        quiz=quiz, prompt=prompt, order=9, source_sentence=sentence, answer_type=answer_type,
        source_start=start if start >= 0 else None,
        source_end=start + len(sentence) if start >= 0 else None,
    )  # fmt: skip
    Choice.objects.create(question=question, text=right, is_correct=True, order=1)
    for order, text in enumerate(wrong, start=2):
        Choice.objects.create(question=question, text=text, order=order)
    for order, text in enumerate([right, *accepted], start=1):
        AcceptedAnswer.objects.create(question=question, text=text, order=order)
    return question


@pytest.fixture
def curie(teacher):
    article = make_article(owner=teacher, text=TEXT)
    return Quiz.objects.create(article=article, owner=teacher, title="Curie", join_code="K7MP3X")


def warnings_of(client: Client, question: Question) -> dict[str, str]:
    html = client.get(url(question.quiz)).content.decode()
    start = html.index(f'id="q-{question.pk}"')
    card = html[start : html.index("</article>", start)]
    return dict(re.findall(r'<li class="warning-(\w+)">(.*?)</li>', card))


SENTENCE = "Albert Einstein met her in Brussels in 1911 at the Solvay Conference."


def test_wrong_choices_the_article_does_not_hold_are_named_as_from_the_word_bank(client_of, curie):
    question = generated_question(
        curie, right="Albert Einstein", wrong=["Pierre Curie", "Niels Bohr", "Max Planck"],
        sentence=SENTENCE,
    )  # fmt: skip

    warnings = warnings_of(client_of, question)

    assert warnings["choices_outside"].startswith(
        "Wrong choices from the generator&#x27;s word bank, not the article: “Niels Bohr”, "
        "“Max Planck”."
    )


def test_years_not_in_the_article_are_named_as_made_up_near_the_answer(client_of, curie):
    question = generated_question(
        curie, right="1911", wrong=["1906", "1913"], sentence=SENTENCE, answer_type="DATE",
        prompt="In what year did Einstein meet her?",
    )  # fmt: skip

    warnings = warnings_of(client_of, question)

    assert "made up near the right answer" in warnings["choices_outside"]
    assert "“1913”" in warnings["choices_outside"]
    assert "“1906”" not in warnings["choices_outside"]
    assert warnings["few_choices"].startswith("Only 3 choices")


def test_a_right_answer_the_sentence_gives_by_another_wording_raises_no_warning(client_of, curie):
    question = generated_question(
        curie, right="Albert Einstein", wrong=["Pierre Curie", "Henri Becquerel", "Marie Curie"],
        sentence="Einstein met her in Brussels.", accepted=("Einstein",),
    )  # fmt: skip
    curie.article.text += "\nEinstein met her in Brussels."
    curie.article.save()

    warnings = warnings_of(client_of, question)

    assert "answer_not_in_source" not in warnings
    assert warnings == {}


def test_a_question_whose_sentence_left_the_article_says_so(client_of, curie):
    question = generated_question(
        curie, right="Albert Einstein", wrong=["Pierre Curie", "Henri Becquerel", "Marie Curie"],
        sentence="Albert Einstein visited Warsaw in 1930.",
    )  # fmt: skip

    assert "source_gone" in warnings_of(client_of, question)


def test_a_question_that_gives_its_answer_away_and_twin_choices_are_flagged(client_of, curie):
    question = generated_question(
        curie, right="Albert Einstein", wrong=["Pierre Curie", "pierre  curie", "Marie Curie"],
        sentence=SENTENCE, prompt="Did Albert Einstein meet her in Brussels?",
    )  # fmt: skip

    warnings = warnings_of(client_of, question)

    assert set(warnings) == {"gives_away", "same_choices"}


def test_a_sentence_moved_by_an_edit_of_the_article_is_still_found_and_marked(client_of, curie):
    question = generated_question(
        curie, right="Albert Einstein", wrong=["Pierre Curie", "Henri Becquerel", "Marie Curie"],
        sentence=SENTENCE,
    )  # fmt: skip
    curie.article.text = "A new first line.\n" + curie.article.text
    curie.article.save()

    html = client_of.get(url(curie)).content.decode()

    assert f'data-questions="{question.pk}">{SENTENCE} <span class="qref">Q1</span>' in html
    assert "source_gone" not in warnings_of(client_of, question)


def test_once_reviewed_the_warning_no_longer_says_the_generator_made_the_choices(client_of, curie):
    question = generated_question(
        curie, right="1911", wrong=["1906", "1913", "1867"], sentence=SENTENCE,
        answer_type="DATE", prompt="In what year did Einstein meet her?",
    )  # fmt: skip
    services.question_mark_reviewed(question=question, reviewed=True)

    warning = warnings_of(client_of, question)["choices_outside"]

    assert warning.startswith("Wrong choices not in the article: “1913”.")
