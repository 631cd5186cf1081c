import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from quizzes import services
from quizzes.models import AcceptedAnswer, Attempt, Question
from tests.browser.conftest import DESKTOP, PHONE, wait
from tests.builders import make_quiz

CODE = "K7MP3X"
# Bootstrap turns on smooth scrolling; a click during the animation lands on the wrong element.
SCROLL_TO_CENTRE = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def quiz_with_a_short_answer():
    quiz = make_quiz(questions=3, join_code=CODE)
    question = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Who leads Russia?", order=4,
        answer_type="PERSON",
    )  # fmt: skip
    AcceptedAnswer.objects.create(question=question, text="Vladimir Putin")
    return quiz


def wait_for_page(browser, path_end: str) -> None:
    wait(browser, 10).until(expected_conditions.url_contains(path_end))


def click_label(browser, text: str) -> None:
    label = browser.find_element(By.XPATH, f"//label[normalize-space()='{text}']")
    browser.execute_script(SCROLL_TO_CENTRE, label)
    label.click()


@pytest.mark.parametrize("browser", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
def test_student_joins_answers_every_question_and_reads_the_score(browser, live_server, screenshot):
    quiz_with_a_short_answer()

    browser.get(live_server.url + "/")
    screenshot("1-join")
    browser.find_element(By.NAME, "code").send_keys("k7m-p3x")
    browser.find_element(By.NAME, "name").send_keys("Ada Lovelace")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()
    wait_for_page(browser, f"/q/{CODE}/")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Quiz on")
    screenshot("2-quiz")
    for number in (1, 2, 3):
        click_label(browser, f"Right {number}")
    browser.find_element(By.CSS_SELECTOR, "input[type=text]").send_keys("putin")
    screenshot("3-answered")
    button = browser.find_element(By.CSS_SELECTOR, "button[data-submit-once]")
    browser.execute_script(SCROLL_TO_CENTRE, button)
    button.click()
    wait_for_page(browser, "/result/")

    assert browser.find_element(By.CSS_SELECTOR, ".score").text == "4 / 4"
    screenshot("4-result")
    assert Attempt.objects.get().score == 4
    # The quiz is still open: the score shows, the answers wait until the teacher closes it.
    assert "once your teacher closes the quiz" in browser.find_element(By.TAG_NAME, "body").text
    # Read from the page's text: looking for a missing element waits out the implicit wait.
    assert "Your answer" not in browser.find_element(By.TAG_NAME, "body").text


@pytest.mark.parametrize("browser", [PHONE], indirect=True, ids=["phone"])
def test_wrong_code_on_a_phone_gets_a_message_on_the_page(browser, live_server, screenshot):
    make_quiz(join_code=CODE)

    browser.get(live_server.url + "/")
    browser.find_element(By.NAME, "code").send_keys("ZZZZZZ")
    browser.find_element(By.NAME, "name").send_keys("Ada")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()

    message = "There is no open quiz with that code"
    # While the next page loads, the old page's body can vanish mid-read: keep asking.
    waiting = wait(browser, 10, ignored_exceptions=(WebDriverException,))
    located = expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "body"), message)
    assert waiting.until(located)
    screenshot("wrong-code")


@pytest.mark.parametrize("browser", [PHONE], indirect=True, ids=["phone"])
def test_the_passage_folds_away_and_back(browser, live_server):
    quiz = make_quiz(join_code=CODE)
    browser.get(live_server.url + "/")
    browser.find_element(By.NAME, "code").send_keys(CODE)
    browser.find_element(By.NAME, "name").send_keys("Ada")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()
    wait_for_page(browser, f"/q/{CODE}/")
    first_paragraph = browser.find_element(By.CSS_SELECTOR, ".passage p")
    assert quiz.article.text[:20] in first_paragraph.text

    browser.find_element(By.CSS_SELECTOR, "details.passage-card > summary").click()

    assert not first_paragraph.is_displayed()


@pytest.mark.parametrize("browser", [PHONE], indirect=True, ids=["phone"])
def test_student_who_comes_back_after_the_quiz_closes_reads_the_answers(
    browser, live_server, screenshot
):
    quiz = make_quiz(questions=2, join_code=CODE)
    browser.get(live_server.url + "/")
    browser.find_element(By.NAME, "code").send_keys(CODE)
    browser.find_element(By.NAME, "name").send_keys("Ada")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()
    wait_for_page(browser, f"/q/{CODE}/")
    click_label(browser, "Wrong 1.2")
    button = browser.find_element(By.CSS_SELECTOR, "button[data-check-blanks]")
    browser.execute_script(SCROLL_TO_CENTRE, button)
    button.click()
    anyway = browser.find_element(By.CSS_SELECTOR, "button[name=blanks_confirmed]")
    browser.execute_script(SCROLL_TO_CENTRE, anyway)
    anyway.click()
    wait_for_page(browser, "/result/")
    assert "Right 1" not in browser.find_element(By.TAG_NAME, "body").text

    services.quiz_close(quiz=quiz)
    browser.refresh()

    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Right answer: Right 1" in body and "Right answer: Right 2" in body
    assert "Your answer: Wrong 1.2" in body
    screenshot("answers-after-close")


def join_in(browser, live_server, name: str) -> None:
    browser.get(live_server.url + "/")
    browser.find_element(By.NAME, "code").send_keys(CODE)
    browser.find_element(By.NAME, "name").send_keys(name)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()
    wait_for_page(browser, f"/q/{CODE}/")


def press(browser, css: str) -> None:
    button = browser.find_element(By.CSS_SELECTOR, css)
    browser.execute_script(SCROLL_TO_CENTRE, button)
    button.click()


def blank_numbers(browser) -> list[str]:
    return [
        fieldset.get_attribute("data-number")
        for fieldset in browser.find_elements(By.CSS_SELECTOR, "fieldset.question-blank")
    ]


def test_a_student_who_leaves_questions_blank_is_asked_at_once_beside_the_button(
    browser, live_server, screenshot
):
    quiz_with_a_short_answer()
    join_in(browser, live_server, "Ada Lovelace")
    click_label(browser, "Right 1")
    # Gone if the page reloads: the question must come from the page's script, not the server.
    browser.execute_script("document.body.dataset.notReloaded = 'yes';")

    press(browser, "button[data-check-blanks]")

    panel = browser.find_element(By.CSS_SELECTOR, ".blank-check")
    screenshot("blank-check", full_page=True)
    assert "You left 3 of 4 questions blank — submit anyway?" in panel.text
    assert "Not answered: questions 2, 3 and 4." in panel.text
    assert browser.execute_script("return document.body.dataset.notReloaded") == "yes"
    assert blank_numbers(browser) == ["2", "3", "4"]
    assert Attempt.objects.get().submitted is None

    press(browser, ".blank-check a")
    focused = browser.switch_to.active_element
    assert focused.get_attribute("name") == browser.find_element(
        By.CSS_SELECTOR, "#question-2 input"
    ).get_attribute("name")
    click_label(browser, "Right 2")
    assert blank_numbers(browser) == ["3", "4"]
    press(browser, "button[data-check-blanks]")
    assert (
        "You left 2 of 4 questions blank"
        in browser.find_element(By.CSS_SELECTOR, ".blank-check").text
    )
    press(browser, "button[name=blanks_confirmed]")
    wait_for_page(browser, "/result/")

    attempt = Attempt.objects.get()
    assert attempt.submitted is not None and attempt.score == 2


def test_without_javascript_the_page_itself_asks_about_blank_questions(
    browser_without_javascript, live_server
):
    browser = browser_without_javascript
    quiz_with_a_short_answer()
    join_in(browser, live_server, "Ben Okri")
    click_label(browser, "Right 1")

    press(browser, "button[data-check-blanks]")

    warning = browser.find_element(By.CSS_SELECTOR, ".blank-check")
    assert "You left 3 of 4 questions blank — submit anyway?" in warning.text
    assert Attempt.objects.get().submitted is None
    # The server's page: it folds the passage away so the question is the first thing in view.
    passage = browser.find_element(By.CSS_SELECTOR, "details.passage-card")
    assert passage.get_attribute("open") is None
    right_1 = browser.find_element(By.XPATH, "//label[normalize-space()='Right 1']/../input")
    assert right_1.is_selected()
    press(browser, "button[name=blanks_confirmed]")
    wait_for_page(browser, "/result/")
    assert Attempt.objects.get().score == 1
