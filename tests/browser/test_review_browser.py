"""The review page in a real Chromium: a teacher fixes, reorders, replaces and deletes questions
of a generated quiz, and students then see the fixed quiz."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from quizzes import services
from quizzes.generation import GenerationOptions
from quizzes.management.commands.setup_demo import SAMPLE_ARTICLE
from quizzes.models import Question, Quiz
from tests.browser.conftest import left, wait
from tests.browser.test_csp_browser import csp_violations
from tests.browser.test_teacher_browser import (
    PASSWORD,
    SCROLL_TO_CENTRE,
    click,
    rect_of,
    set_viewport,
    sign_in,
)
from tests.builders import make_article, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

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
ACTIVE = "return document.activeElement && document.activeElement.id;"
WINDOW_SCROLL = "return window.scrollY;"


@pytest.fixture
def teacher():
    return services.teacher_ensure(username="ms_rivera", password=PASSWORD).user


def generated_quiz(teacher, *, short_answer: int = 1) -> Quiz:
    article = make_article(owner=teacher, title="Marie Curie", text=TEXT)
    options = GenerationOptions(multiple_choice=4, short_answer=short_answer)
    return services.build_quiz(article, options)


def review_url(live_server, quiz: Quiz) -> str:
    return f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/review/"


def card(browser, question: Question):
    return browser.find_element(By.ID, f"q-{question.pk}")


def in_card(browser, question: Question, selector: str):
    return card(browser, question).find_element(By.CSS_SELECTOR, selector)


def press(browser, button) -> None:
    """Click a button that posts, and wait for the page it leads to."""
    old = browser.find_element(By.TAG_NAME, "html")
    click(browser, button)
    wait(browser, 20).until(left(old))
    wait(browser, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda b: b.execute_script("return document.readyState") == "complete"
    )


def focused(browser) -> str:
    """The id of the focused element, once the page has taken the teacher back to a card."""
    wait(browser, 5).until(
        lambda b: b.execute_script("return document.activeElement !== document.body;")
    )
    return browser.execute_script(ACTIVE)


def numbers(quiz: Quiz) -> list[int]:
    return list(quiz.questions.order_by("order", "pk").values_list("order", flat=True))


def ids_of(quiz: Quiz) -> list[int]:
    return list(quiz.questions.order_by("order", "pk").values_list("pk", flat=True))


def first_multiple_choice(quiz: Quiz) -> Question:
    return quiz.questions.filter(kind=Question.Kind.MULTIPLE_CHOICE).order_by("order").first()


def student_sees(browser, live_server, quiz: Quiz) -> dict[str, list[str]]:
    """Each question's prompt on the student's page, with the labels of its choices."""
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/?code={quiz.join_code}")
    browser.find_element(By.NAME, "name").send_keys("Ada")
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]"))
    wait(browser, 15).until(expected_conditions.url_contains(f"/q/{quiz.join_code}/"))
    return {
        fieldset.find_element(By.TAG_NAME, "legend").text.split(". ", 1)[1]: [
            label.text for label in fieldset.find_elements(By.CSS_SELECTOR, "label")
        ]
        for fieldset in browser.find_elements(By.CSS_SELECTOR, "fieldset.question")
    }


def test_a_teacher_fixes_a_wrong_choice_in_three_actions_and_students_see_it(
    browser, live_server, teacher, screenshot
):
    quiz = generated_quiz(teacher)
    services.quiz_publish(quiz=quiz)
    question = first_multiple_choice(quiz)
    wrong = question.choices.filter(is_correct=False).order_by("order").first()
    sign_in(browser, live_server, "ms_rivera")

    # 1. Open the review page.
    browser.get(review_url(live_server, quiz))
    field = browser.find_element(By.CSS_SELECTOR, f"#q-{question.pk} input[value='{wrong.text}']")
    # 2. Type the better wrong choice.
    field.clear()
    field.send_keys("Kraków")
    # 3. Save.
    press(browser, in_card(browser, question, ".save-button"))
    screenshot("saved")

    assert browser.current_url.endswith(f"#q-{question.pk}")
    assert focused(browser) == f"q-{question.pk}-title"
    assert "Saved and marked reviewed." in in_card(browser, question, ".card-notes").text
    assert question.choices.filter(text="Kraków", is_correct=False).exists()
    labels = student_sees(browser, live_server, quiz)[question.prompt]
    assert "Kraków" in labels
    assert wrong.text not in labels
    assert len(labels) == 4


def test_up_and_down_keep_every_number_once_and_come_back_to_the_card(
    browser, live_server, teacher
):
    quiz = make_quiz(questions=4, owner=teacher, status=Quiz.Status.DRAFT)
    a, b, c, d = ids_of(quiz)
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))

    def button(pk: int, label: str):
        return browser.find_element(By.CSS_SELECTOR, f"#q-{pk} button[aria-label$=' {label}']")

    assert not button(a, "up").is_enabled()
    assert not button(d, "down").is_enabled()

    press(browser, button(a, "down"))  # the top one down
    assert ids_of(quiz) == [b, a, c, d]
    press(browser, button(d, "up"))  # the last one up
    assert ids_of(quiz) == [b, a, d, c]
    press(browser, button(a, "down"))  # one in the middle down
    assert ids_of(quiz) == [b, d, a, c]
    press(browser, button(a, "up"))  # and back up
    assert ids_of(quiz) == [b, a, d, c]

    assert numbers(quiz) == [1, 2, 3, 4]
    assert browser.current_url.endswith(f"#q-{a}")
    assert focused(browser) == f"q-{a}-title"
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".qcard h2")]
    assert titles == ["Question 1", "Question 2", "Question 3", "Question 4"]
    assert not button(b, "up").is_enabled()
    assert not button(c, "down").is_enabled()


def test_generate_review_and_publish_in_the_browser(browser, live_server, teacher, screenshot):
    article = make_article(owner=teacher, title="Marie Curie", text=TEXT)
    sign_in(browser, live_server, "ms_rivera")

    # Generate from the article's page.
    browser.get(f"{live_server.url}/admin/quizzes/article/{article.pk}/change/")
    click(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/generate/']"))
    for name, value in (("multiple_choice", "4"), ("short_answer", "2")):
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    press(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    quiz = Quiz.objects.get()
    review_link = browser.find_element(By.CSS_SELECTOR, ".object-tools a[href$='/review/']")
    assert review_link.get_attribute("textContent") == "Review questions"
    press(browser, review_link)
    screenshot("1-review", full_page=True)

    # Edit a wrong choice.
    choice_question = first_multiple_choice(quiz)
    wrong = choice_question.choices.filter(is_correct=False).order_by("order").first()
    field = in_card(browser, choice_question, f"input[value='{wrong.text}']")
    field.clear()
    field.send_keys("1899")
    press(browser, in_card(browser, choice_question, ".save-button"))
    assert choice_question.choices.filter(text="1899").exists()

    # Add an accepted wording to a short answer.
    typed = quiz.questions.filter(kind=Question.Kind.SHORT_ANSWER).order_by("order").first()
    blank = in_card(browser, typed, ".also-list input[placeholder]")
    blank.send_keys("another wording")
    press(browser, in_card(browser, typed, ".save-button"))
    assert typed.accepted_answers.filter(text="another wording").exists()
    assert "2 of 6" in browser.find_element(By.ID, "review-count").text

    # Reorder: the short answer one place up.
    before = ids_of(quiz)
    at = before.index(typed.pk)
    press(browser, in_card(browser, typed, "button[aria-label$=' up']"))
    assert ids_of(quiz)[at - 1] == typed.pk
    assert numbers(quiz) == [1, 2, 3, 4, 5, 6]

    # Replace the last question; the page comes back at the new one.
    last = quiz.questions.order_by("order").last()
    press(browser, in_card(browser, last, "form[action$='/replace/'] button"))
    replacement = quiz.questions.order_by("order").last()
    assert replacement.pk != last.pk
    assert browser.current_url.endswith(f"#q-{replacement.pk}")
    assert "took this place" in in_card(browser, replacement, ".card-notes").text

    # Delete the first question, then undo.
    first = quiz.questions.order_by("order").first()
    press(browser, in_card(browser, first, ".delete-button"))
    assert not quiz.questions.filter(pk=first.pk).exists()
    note = browser.find_element(By.ID, f"deleted-{first.pk}")
    assert "Deleted" in note.text
    focused(browser)
    assert browser.execute_script("return document.activeElement.textContent") == "Undo"
    screenshot("2-deleted")
    press(browser, note.find_element(By.TAG_NAME, "button"))
    assert quiz.questions.order_by("order").first().pk == first.pk
    assert numbers(quiz) == [1, 2, 3, 4, 5, 6]

    # Publish.
    press(browser, browser.find_element(By.CSS_SELECTOR, ".review-actions button.default"))
    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.PUBLISHED
    assert browser.find_element(By.CSS_SELECTOR, ".share .code").text == quiz.join_code
    assert csp_violations(browser) == []


def test_choosing_a_card_highlights_its_sentence_in_a_passage_that_scrolls_on_its_own(
    browser, live_server, teacher
):
    quiz = generated_quiz(teacher)
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))
    last = quiz.questions.order_by("order").last()
    target = card(browser, last)
    heading = in_card(browser, last, "h2")
    browser.execute_script(SCROLL_TO_CENTRE, heading)
    scrolled = browser.execute_script(WINDOW_SCROLL)

    heading.click()

    marks = browser.find_elements(By.CSS_SELECTOR, "#passage mark.is-active")
    assert [m.get_attribute("textContent").split(" Q")[0] for m in marks] == [last.source_sentence]
    passage = rect_of(browser, browser.find_element(By.ID, "passage"))
    mark = rect_of(browser, marks[0])
    assert passage[1] <= mark[1] and mark[3] <= passage[3]  # scrolled into the passage's view
    assert browser.execute_script(WINDOW_SCROLL) == scrolled  # the page itself did not move
    assert "is-active" in target.get_attribute("class")


def test_the_passage_is_beside_the_cards_on_a_wide_screen_and_above_them_on_a_tablet(
    browser, live_server, teacher, screenshot
):
    # The sample quiz a new teacher gets from `make run`, with the admin's default mix.
    text = SAMPLE_ARTICLE.read_text()
    article = make_article(owner=teacher, title="Trump and Putin talk trade", text=text)
    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=9, short_answer=3))
    question = first_multiple_choice(quiz)
    sign_in(browser, live_server, "ms_rivera")

    shown = {}
    for name, (width, height) in {"1280x900": (1280, 900), "768x1024": (768, 1024)}.items():
        set_viewport(browser, width, height)
        browser.get(review_url(live_server, quiz))
        screenshot(f"review-{name}")
        browser.execute_script(SCROLL_TO_CENTRE, in_card(browser, question, ".save-button"))
        screenshot(f"review-{name}-card")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth;"
        )
        shown[name] = (
            rect_of(browser, browser.find_element(By.CSS_SELECTOR, ".passage-column")),
            rect_of(browser, card(browser, question)),
            overflow,
        )

    passage, first_card, overflow = shown["1280x900"]
    assert passage[0] >= first_card[2]  # beside, on the right
    assert overflow <= 0
    passage, first_card, overflow = shown["768x1024"]
    assert overflow <= 0
    browser.execute_script("window.scrollTo(0, 0);")
    top_passage = rect_of(browser, browser.find_element(By.CSS_SELECTOR, ".passage-column"))
    top_card = rect_of(browser, browser.find_elements(By.CSS_SELECTOR, ".qcard")[0])
    assert top_passage[3] <= top_card[1]  # above
    assert csp_violations(browser) == []


def test_switching_a_card_to_short_answer_carries_its_right_answer_and_saves(
    browser, live_server, teacher
):
    quiz = generated_quiz(teacher)
    question = first_multiple_choice(quiz)
    right = question.choices.get(is_correct=True).text
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))

    Select(in_card(browser, question, ".kind-select")).select_by_value("short_answer")

    assert not in_card(browser, question, ".part-choices").is_displayed()
    answer = in_card(browser, question, ".answer-input")
    assert answer.is_displayed() and answer.get_attribute("value") == right
    press(browser, in_card(browser, question, ".save-button"))
    question.refresh_from_db()
    assert question.kind == Question.Kind.SHORT_ANSWER
    assert question.accepted_answers.first().text == right


def test_a_card_is_fixed_with_the_keyboard_alone(browser, live_server, teacher):
    quiz = make_quiz(questions=2, owner=teacher, status=Quiz.Status.DRAFT)
    question = quiz.questions.order_by("order").first()
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))
    prompt = in_card(browser, question, "textarea[name=prompt]")
    browser.execute_script("arguments[0].focus();", prompt)

    # Tab past the kind and the points to choice A, then to its "right" switch.
    active = browser.switch_to.active_element
    for _ in range(4):
        active.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
    assert active.get_attribute("id") == f"q{question.pk}-right-0"
    active.send_keys(Keys.ARROW_DOWN)  # the radio group: tick choice B instead
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)  # back to B's text
    old = browser.find_element(By.TAG_NAME, "html")
    browser.switch_to.active_element.send_keys(Keys.ENTER)  # Enter in a field saves the card
    wait(browser, 15).until(left(old))

    right = question.choices.get(is_correct=True)
    assert right.text == "Wrong 1.2"


def test_a_card_dragged_to_the_top_becomes_question_one(browser, live_server, teacher):
    quiz = make_quiz(questions=4, owner=teacher, status=Quiz.Status.DRAFT)
    a, b, c, d = ids_of(quiz)
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))
    old = browser.find_element(By.TAG_NAME, "html")

    # Selenium's own drag does not fire HTML drag events in Chromium: send them as a mouse would.
    browser.execute_script(
        """
        const [handle, target] = arguments;
        const data = new DataTransfer();
        const box = target.getBoundingClientRect();
        const at = {bubbles: true, cancelable: true, dataTransfer: data,
                    clientX: box.left + 10, clientY: box.top + 5};
        handle.dispatchEvent(new DragEvent('dragstart', at));
        target.dispatchEvent(new DragEvent('dragover', at));
        target.dispatchEvent(new DragEvent('drop', at));
        """,
        browser.find_element(By.CSS_SELECTOR, f"#q-{c} .drag-handle"),
        card(browser, quiz.questions.get(pk=a)),
    )
    wait(browser, 15).until(left(old))

    assert ids_of(quiz) == [c, a, b, d]
    assert numbers(quiz) == [1, 2, 3, 4]
    wait(browser, 15).until(expected_conditions.url_contains(f"#q-{c}"))


def test_unsaved_edits_are_not_lost_to_another_cards_button_without_asking(
    browser, live_server, teacher
):
    quiz = make_quiz(questions=2, owner=teacher, status=Quiz.Status.DRAFT)
    first, second = quiz.questions.order_by("order")
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))
    in_card(browser, first, "textarea[name=prompt]").send_keys(" (edited)")

    click(browser, in_card(browser, second, ".delete-button"))
    alert = wait(browser, 5).until(expected_conditions.alert_is_present())
    assert "Question 1 has edits that are not saved yet" in alert.text
    alert.dismiss()

    assert quiz.questions.count() == 2
    assert (
        in_card(browser, first, "textarea[name=prompt]").get_attribute("value").endswith("(edited)")
    )


def test_a_refused_card_says_why_on_the_card_and_keeps_what_was_typed(
    browser, live_server, teacher, screenshot
):
    quiz = make_quiz(questions=2, owner=teacher, status=Quiz.Status.DRAFT)
    question = quiz.questions.order_by("order").last()
    sign_in(browser, live_server, "ms_rivera")
    browser.get(review_url(live_server, quiz))
    prompt = in_card(browser, question, "textarea[name=prompt]")
    prompt.clear()
    prompt.send_keys("Where did <b>she</b> study?")
    for field in card(browser, question).find_elements(
        By.CSS_SELECTOR, ".choice-row:not(.is-right) .choice-input"
    ):
        field.clear()

    press(browser, in_card(browser, question, ".save-button"))
    browser.execute_script(SCROLL_TO_CENTRE, card(browser, question))
    screenshot("refused")

    assert "has-errors" in card(browser, question).get_attribute("class")
    error = in_card(browser, question, ".part-choices .card-error")
    assert error.is_displayed()
    assert "needs at least one wrong choice" in error.text
    typed = in_card(browser, question, "textarea[name=prompt]").get_attribute("value")
    assert typed == "Where did <b>she</b> study?"
    assert question.choices.count() == 4
