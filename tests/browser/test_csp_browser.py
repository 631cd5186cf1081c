"""Every page, in a real Chromium, under the site's Content-Security-Policy: the browser's own
console must report no violation, so no style, script or image of the page was refused."""

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from quizzes import services
from quizzes.models import AcceptedAnswer, Question, Quiz
from tests.browser.conftest import DESKTOP, PHONE, wait
from tests.builders import make_quiz, make_submitted_attempt

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CODE = "K7MP3X"
PASSWORD = "a-teacher-password-9"
SCROLL_TO_CENTRE = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
# Chromium words every refusal "… violates the following Content Security Policy directive …".
VIOLATION = "Content Security Policy"
COMPUTED = "return getComputedStyle(arguments[0])[arguments[1]];"


def csp_violations(browser) -> list[str]:
    """The console's CSP messages since the last call (reading the log empties it)."""
    messages = [entry["message"] for entry in browser.get_log("browser")]
    return [message for message in messages if VIOLATION in message]


def report(refused: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}: {text}" for page, texts in refused.items() for text in texts)


def computed(browser, selector: str, prop: str) -> str:
    return browser.execute_script(COMPUTED, browser.find_element(By.CSS_SELECTOR, selector), prop)


def wait_for_element(browser, selector: str) -> None:
    # While the next page loads, a node of the old one can vanish mid-read: keep asking.
    wait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector))
    )


def click(browser, element) -> None:
    browser.execute_script(SCROLL_TO_CENTRE, element)
    element.click()


def quiz_with_both_kinds(owner=None) -> Quiz:
    quiz = make_quiz(questions=2, owner=owner, join_code=CODE)
    typed = Question.objects.create(
        quiz=quiz, kind=Question.Kind.SHORT_ANSWER, prompt="Where was she born?", order=3
    )
    AcceptedAnswer.objects.create(question=typed, text="Warsaw")
    return quiz


def test_the_browser_log_reports_an_inline_style_the_policy_refuses(browser, live_server):
    browser.get(live_server.url + "/")
    csp_violations(browser)

    browser.execute_script("document.body.setAttribute('style', 'color: red');")

    assert any("style-src" in message for message in csp_violations(browser))


@pytest.mark.parametrize("browser", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
def test_student_pages_break_no_rule_of_the_policy(browser, live_server, screenshot):
    quiz_with_both_kinds()
    refused = {}

    browser.get(live_server.url + "/")
    screenshot("join", full_page=True)
    refused["join"] = csp_violations(browser)
    max_width = computed(browser, "main", "maxWidth")
    browser.find_element(By.NAME, "code").send_keys(CODE)
    browser.find_element(By.NAME, "name").send_keys("Ada")
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]"))
    wait_for_element(browser, "form.quiz-form")
    screenshot("quiz", full_page=True)
    refused["quiz"] = csp_violations(browser)
    click(browser, browser.find_element(By.XPATH, "//label[normalize-space()='Right 1']"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[data-check-blanks]"))
    wait_for_element(browser, ".blank-check")
    refused["blank check"] = csp_violations(browser)
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[name=blanks_confirmed]"))
    wait_for_element(browser, ".score")
    screenshot("result", full_page=True)
    refused["result"] = csp_violations(browser)
    browser.get(f"{live_server.url}/q/ZZZZZZ/")
    screenshot("unavailable", full_page=True)
    refused["unavailable"] = csp_violations(browser)
    browser.get(f"{live_server.url}/no-such-page/")
    refused["not found"] = csp_violations(browser)
    browser.get(live_server.url + "/")
    browser.delete_cookie("csrftoken")
    browser.find_element(By.NAME, "code").send_keys(CODE)
    browser.find_element(By.NAME, "name").send_keys("Ben")
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]"))
    wait(browser, 15).until(lambda driver: driver.title != "Join a quiz")
    screenshot("csrf-failure", full_page=True)
    refused["form without its cookie"] = csp_violations(browser)

    assert not any(refused.values()), report(refused)
    # The page's width, once a style attribute, now comes from site.css.
    assert max_width == "704px"


def test_teacher_pages_break_no_rule_of_the_policy(browser, live_server, screenshot):
    teacher = services.teacher_ensure(username="ms_rivera", password=PASSWORD).user
    quiz = quiz_with_both_kinds(owner=teacher)
    attempt = make_submitted_attempt(quiz=quiz)
    draft = make_quiz(questions=1, owner=teacher, status=Quiz.Status.DRAFT)
    refused = {}

    def visit(name: str, path: str, ready: str = "#content") -> None:
        browser.get(live_server.url + path)
        wait_for_element(browser, ready)
        screenshot(name, full_page=True)
        refused[name] = csp_violations(browser)

    visit("login", "/admin/login/", "#login-form")
    browser.find_element(By.NAME, "username").send_keys("ms_rivera")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    wait_for_element(browser, "#user-tools")
    refused["index"] = csp_violations(browser)
    visit("quiz-list", "/admin/quizzes/quiz/")
    visit("quiz", f"/admin/quizzes/quiz/{quiz.pk}/change/", ".share .code")
    code_size = computed(browser, ".share .code", "fontSize")
    tools_display = computed(browser, ".quiz-tools", "display")
    click(browser, browser.find_element(By.CSS_SELECTOR, ".questions .add-row a"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "fieldset.collapse summary"))
    refused["quiz, after adding a question"] = csp_violations(browser)
    visit("draft-quiz", f"/admin/quizzes/quiz/{draft.pk}/change/", ".share")
    visit("quiz-add", "/admin/quizzes/quiz/add/")
    visit("results", f"/admin/quizzes/quiz/{quiz.pk}/results/", ".class-summary")
    visit("attempt", f"/admin/quizzes/attempt/{attempt.pk}/change/", ".inline-related")
    row_title_display = computed(browser, ".inline-related td.original p", "display")
    visit("present", f"/admin/quizzes/quiz/{quiz.pk}/present/", ".qr svg")
    visit("article-list", "/admin/quizzes/article/")
    visit("article-add", "/admin/quizzes/article/add/", "textarea[name=text]")
    text_width = browser.execute_script(
        "const t = arguments[0]; return t.offsetWidth / t.parentElement.clientWidth;",
        browser.find_element(By.NAME, "text"),
    )
    visit("article", f"/admin/quizzes/article/{quiz.article.pk}/change/")
    visit("generate", f"/admin/quizzes/article/{quiz.article.pk}/generate/")
    visit("import", "/admin/quizzes/quiz/import/")
    visit("password-change", "/admin/password_change/")
    visit("not-found", "/admin/quizzes/quiz/999999/change/", "body")

    assert not any(refused.values()), report(refused)
    # The styles that moved out of the templates still apply.
    assert code_size == "41.6px"
    assert tools_display == "flex"
    assert row_title_display == "none"
    assert text_width > 0.5
