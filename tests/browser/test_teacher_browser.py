import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from quizzes import services
from quizzes.generation import GenerationOptions
from quizzes.models import AcceptedAnswer, Attempt, Question, Quiz, Response
from tests.browser.conftest import wait
from tests.builders import make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

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
    wait(browser, 15).until(expected_conditions.url_contains(path_part))


def label_box(browser, field_id: str) -> dict[str, int]:
    label = browser.find_element(By.CSS_SELECTOR, f"label[for='{field_id}']")
    return {"left": label.rect["x"], "width": label.rect["width"]}


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
    article_label = label_box(browser, "id_title")
    click(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/generate/']"))
    wait_for(browser, "/generate/")
    screenshot("1-generate")
    # Laid out as the admin's own forms: labels in one column as wide as the article page's.
    assert label_box(browser, "id_title") == article_label
    assert label_box(browser, "id_seed")["left"] == article_label["left"]
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    wait_for(browser, "/quiz/")
    screenshot("2-draft")
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Publish']"))

    # While the next page loads, a node of the old one can vanish mid-read: keep asking.
    wait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".share .code"))
    )
    screenshot("3-published")
    quiz = Quiz.objects.get()
    assert quiz.status == Quiz.Status.PUBLISHED
    assert browser.find_element(By.CSS_SELECTOR, ".share .code").text == quiz.join_code
    assert quiz.questions.count() >= 3


def sign_in(browser, live_server, username: str) -> None:
    """Signed in as the teacher, through a session of the live server's own. Typing into the
    sign-in form has its own tests (the first teacher test here, and the policy's walk), and
    typing it before every test cost most of a second each."""
    client = Client()
    client.force_login(
        User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend"
    )
    name = settings.SESSION_COOKIE_NAME
    cookie = {"name": name, "value": client.cookies[name].value, "url": live_server.url}
    browser.execute_cdp_cmd("Network.setCookie", {**cookie, "httpOnly": True})


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
    wait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
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
    wait(browser, 15).until(expected_conditions.url_contains(f"/q/{quiz.join_code}/"))
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


def order_numbers(browser) -> list[str]:
    return [
        field.get_attribute("value")
        for field in browser.find_elements(
            By.CSS_SELECTOR, ".inline-related:not(.empty-form) input[name$='-order']"
        )
    ]


def test_numbers_typed_twice_to_reorder_are_saved_as_one_to_n(browser, live_server, screenshot):
    teacher = services.teacher_ensure(username="mr_okafor", password=PASSWORD).user
    quiz = make_quiz(questions=4, owner=teacher, join_code="K7MP3X")
    sign_in(browser, live_server, "mr_okafor")
    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/change/")
    order = browser.find_element(By.NAME, "questions-3-order")
    browser.execute_script(SCROLL_TO_CENTRE, order)
    order.clear()
    order.send_keys("2")

    click(browser, browser.find_element(By.NAME, "_continue"))
    wait(browser, 15, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".messagelist .success"))
    )

    assert order_numbers(browser) == ["1", "2", "3", "4"]
    assert browser.find_element(By.NAME, "questions-1-prompt").text == "Question 4?"
    assert list(quiz.questions.order_by("order").values_list("order", flat=True)) == [1, 2, 3, 4]


def test_replace_reloads_the_page_at_the_new_question(browser, live_server, screenshot):
    teacher = services.teacher_ensure(username="mr_okafor", password=PASSWORD).user
    article = services.article_create(owner=teacher, title="Curie", text=TEXT)
    quiz = services.build_quiz(article, GenerationOptions(multiple_choice=2))
    second = quiz.questions.get(order=2)
    sign_in(browser, live_server, "mr_okafor")
    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/change/")

    click(
        browser,
        browser.find_element(By.CSS_SELECTOR, f"button[formaction$='/{second.pk}/regenerate/']"),
    )
    wait(browser, 15).until(expected_conditions.url_contains("#questions-1"))
    screenshot("after-replace")

    new = quiz.questions.get(order=2)
    assert new.pk != second.pk
    box = browser.find_element(By.ID, "questions-1")
    assert box.find_element(By.NAME, "questions-1-prompt").get_attribute("value") == new.prompt
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top;", box)
    assert browser.execute_script("return window.scrollY;") > 0
    assert 0 <= top < browser.execute_script("return window.innerHeight;") / 2


LONG_TITLE = "The water works of Riverton and how the city cleans 8.7 million liters every day"
VIEWPORTS = {"1920x1080": (1920, 1080), "1280x720": (1280, 720), "1024x768": (1024, 768)}
RECT = "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];"


def set_viewport(browser, width: int, height: int, *, mobile: bool = False) -> None:
    """The exact viewport of a projector, laptop or phone, whatever the headless window's size."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def rect_of(browser, element) -> tuple[float, float, float, float]:
    return tuple(browser.execute_script(RECT, element))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def within(inner, width: int, height: int) -> bool:
    return inner[0] >= 0 and inner[1] >= 0 and inner[2] <= width and inner[3] <= height


def class_with_results(teacher, *, title: str = LONG_TITLE) -> Quiz:
    """Six students submitted (scores 3, 3, 2, 2, 1 and 0 of 3) and one is still answering."""
    quiz = make_quiz(questions=3, owner=teacher, join_code="K7MP3X")
    quiz.title = title
    quiz.save()
    questions = list(quiz.questions.order_by("order"))
    for name, right in [("Ada", 3), ("Ben", 3), ("Cleo", 2), ("Dev", 2), ("Eve", 1), ("Finn", 0)]:
        attempt = Attempt.objects.create(
            quiz=quiz, student_name=name, submitted=timezone.now(), score=right, max_score=3
        )
        for number, question in enumerate(questions):
            Response.objects.create(
                attempt=attempt,
                question=question,
                question_prompt=question.prompt,
                answer_text="Right" if number < right else "Wrong",
                is_correct=number < right,
                points_awarded=1 if number < right else 0,
            )
    Attempt.objects.create(quiz=quiz, student_name="Gus")
    return quiz


@pytest.mark.parametrize("size", ["1280x900", "1024x768"])
def test_results_page_shows_the_class_summary_and_its_csv_buttons_clear_of_the_title(
    browser, live_server, screenshot, size
):
    teacher = services.teacher_ensure(username="ms_rivera", password=PASSWORD).user
    quiz = class_with_results(teacher)
    sign_in(browser, live_server, "ms_rivera")
    width, height = {"1280x900": (1280, 900), "1024x768": (1024, 768)}[size]
    set_viewport(browser, width, height)

    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/results/")
    title = browser.find_element(By.CSS_SELECTOR, "#content h1")
    buttons = browser.find_elements(By.CSS_SELECTOR, "#content-main .object-tools a")
    screenshot("results")

    assert LONG_TITLE in title.text
    assert len(buttons) == 2
    for button in buttons:
        assert not overlaps(rect_of(browser, button), rect_of(browser, title))
        assert within(rect_of(browser, button), width, height)
    summary = browser.find_element(By.CSS_SELECTOR, ".class-summary")
    assert "6 of 7" in summary.text
    figures = {
        item.find_element(By.TAG_NAME, "dt").get_attribute("textContent"): item.find_element(
            By.TAG_NAME, "dd"
        ).get_attribute("textContent")
        for item in summary.find_elements(By.CSS_SELECTOR, ".summary-figures > div")
    }
    # Scores 3, 3, 2, 2, 1, 0 of 3: mean 11/18 = 61 %, median 2 of 3 = 67 %.
    assert figures["Mean"] == "61 % (1.8 of 3 points)"
    assert figures["Median"] == "67 % (2 of 3 points)"
    rows = {
        row.find_element(By.TAG_NAME, "th").text: row.find_element(By.CSS_SELECTOR, "td").text
        for row in summary.find_elements(By.CSS_SELECTOR, "table.histogram tbody tr")
    }
    assert rows["90–100 %"] == "2"
    assert rows["0–9 %"] == "1"
    students = browser.find_element(By.XPATH, "//h2[normalize-space()='Students']")
    assert rect_of(browser, summary)[3] <= rect_of(browser, students)[1]


@pytest.mark.parametrize("size", [*VIEWPORTS, "tablet", "phone"])
def test_projector_page_shows_code_link_and_whole_qr_code_with_a_long_title(
    browser, live_server, screenshot, size
):
    teacher = services.teacher_ensure(username="ms_rivera", password=PASSWORD).user
    quiz = make_quiz(questions=1, owner=teacher, join_code="K7MP3X")
    quiz.title = LONG_TITLE
    quiz.save()
    sign_in(browser, live_server, "ms_rivera")
    width, height = {**VIEWPORTS, "tablet": (768, 1024), "phone": (390, 844)}[size]
    set_viewport(browser, width, height, mobile=size == "phone")

    browser.get(f"{live_server.url}/admin/quizzes/quiz/{quiz.pk}/present/")
    screenshot("present")

    assert browser.find_element(By.TAG_NAME, "h1").text == LONG_TITLE
    for selector in (".code", ".link", ".qr svg"):
        element = browser.find_element(By.CSS_SELECTOR, selector)
        assert within(rect_of(browser, element), width, height), selector
    assert browser.find_element(By.CSS_SELECTOR, ".code").text == "K7MP3X"
    qr = rect_of(browser, browser.find_element(By.CSS_SELECTOR, ".qr svg"))
    # Big enough to scan from the back of the room: at least a fifth of the shorter side.
    assert min(qr[2] - qr[0], qr[3] - qr[1]) >= min(width, height) / 5
