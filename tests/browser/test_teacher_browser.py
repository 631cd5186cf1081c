import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from quizzes import services
from quizzes.models import Quiz

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
