import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from quizzes import services
from quizzes.models import AcceptedAnswer, Question, Quiz
from tests.builders import make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-teacher-password-9"
TEXT = (
    "Marie Curie was born in Warsaw in 1867.\n"
    "She moved to Paris in 1891 to study physics at the Sorbonne.\n"
    "In 1903 Marie Curie shared the Nobel Prize in Physics with Pierre Curie and Henri Becquerel.\n"
    "Albert Einstein met her in Brussels in 1911 at the Solvay Conference.\n"
    "Her daughter Irene Joliot-Curie won the Nobel Prize in Chemistry in 1935 in Stockholm."
)
SCROLL_TO_CENTRE = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"


def click(browser, element) -> None:
    browser.execute_script(SCROLL_TO_CENTRE, element)
    element.click()


def wait_for(browser, path_part: str) -> None:
    WebDriverWait(browser, 15).until(expected_conditions.url_contains(path_part))


def test_teacher_goes_from_a_pasted_article_to_a_published_quiz(browser, live_server, screenshot):
    services.teacher_ensure(username="ms_rivera", password=PASSWORD)

    browser.get(live_server.url + "/admin/")
    browser.find_element(By.NAME, "username").send_keys("ms_rivera")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    click(browser, browser.find_element(By.LINK_TEXT, "Articles"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "a.addlink"))
    browser.find_element(By.NAME, "title").send_keys("Marie Curie")
    browser.find_element(By.NAME, "text").send_keys(TEXT)
    click(browser, browser.find_element(By.NAME, "_save"))
    wait_for(browser, "/change/")
    screenshot("1-article")
    click(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/generate/']"))
    wait_for(browser, "/generate/")
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    wait_for(browser, "/quiz/")
    screenshot("2-draft")
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Publish']"))

    # While the next page loads, a node of the old one can vanish mid-read: keep asking.
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".share .code"))
    )
    screenshot("3-published")
    quiz = Quiz.objects.get()
    assert quiz.status == Quiz.Status.PUBLISHED
    assert browser.find_element(By.CSS_SELECTOR, ".share .code").text == quiz.join_code
    assert quiz.questions.count() >= 3


def sign_in(browser, live_server, username: str) -> None:
    browser.get(live_server.url + "/admin/")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.ID, "user-tools"))
    )


def test_teacher_sees_and_fixes_a_wrong_choice_that_students_then_see(
    browser, live_server, screenshot
):
    teacher = services.teacher_ensure(username="mr_okafor", password=PASSWORD).user
    quiz = make_quiz(questions=2, owner=teacher, join_code="K7MP3X")
    first = quiz.questions.get(order=1)
    typed = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=3
    )
    AcceptedAnswer.objects.create(question=typed, text="Warsaw")
    sign_in(browser, live_server, "mr_okafor")

    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/change/")
    prefix = f"questions-{list(quiz.questions.order_by('order', 'pk')).index(first)}"
    answer = browser.find_element(By.NAME, f"{prefix}-answer")
    wrong = browser.find_element(By.NAME, f"{prefix}-wrong_choices")
    typed_prefix = "questions-2"
    browser.execute_script(SCROLL_TO_CENTRE, answer)
    screenshot("1-review")

    assert answer.is_displayed() and answer.get_attribute("value") == "Right 1"
    assert wrong.is_displayed() and "Wrong 1.2" in wrong.get_attribute("value")
    assert browser.find_element(By.NAME, f"{typed_prefix}-answer").is_displayed()
    assert browser.find_element(By.NAME, f"{typed_prefix}-also_accept").is_displayed()
    assert not browser.find_element(By.NAME, f"{typed_prefix}-wrong_choices").is_displayed()
    assert not browser.find_element(By.NAME, f"{prefix}-also_accept").is_displayed()

    browser.execute_script(SCROLL_TO_CENTRE, wrong)
    wrong.clear()
    wrong.send_keys("Lisbon\nWrong 1.3\nWrong 1.4")
    click(browser, browser.find_element(By.NAME, "_continue"))
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messagelist .success"))
    )

    assert set(first.choices.filter(is_correct=False).values_list("text", flat=True)) == {
        "Lisbon",
        "Wrong 1.3",
        "Wrong 1.4",
    }
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/?code={quiz.join_code}")
    browser.find_element(By.NAME, "name").send_keys("Ada")
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]"))
    WebDriverWait(browser, 15).until(expected_conditions.url_contains(f"/q/{quiz.join_code}/"))
    labels = [label.text for label in browser.find_elements(By.CSS_SELECTOR, "label")]
    assert "Lisbon" in labels
    assert "Wrong 1.2" not in labels


def test_changing_a_question_to_short_answer_swaps_its_answer_fields(browser, live_server):
    teacher = services.teacher_ensure(username="mr_okafor", password=PASSWORD).user
    quiz = make_quiz(questions=1, owner=teacher, join_code="K7MP3X")
    sign_in(browser, live_server, "mr_okafor")
    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/change/")

    Select(browser.find_element(By.NAME, "questions-0-kind")).select_by_value("short_answer")

    assert browser.find_element(By.NAME, "questions-0-answer").is_displayed()
    assert browser.find_element(By.NAME, "questions-0-also_accept").is_displayed()
    assert not browser.find_element(By.NAME, "questions-0-wrong_choices").is_displayed()
