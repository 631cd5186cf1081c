"""GIFT exports read back by a small parser that follows Moodle's own GIFT importer."""

import re

import pytest

from quizzes.exports import gift
from quizzes.models import AcceptedAnswer, Choice, Question, Quiz
from quizzes.snapshots import (
    MULTIPLE_CHOICE,
    SHORT_ANSWER,
    ChoiceSnapshot,
    QuestionSnapshot,
    quiz_snapshot,
)
from tests.builders import SAMPLE_TEXT, make_quiz, quiz_snapshot_of

# Every character GIFT gives a meaning to, a backslash, Cyrillic, curly quotes and markup.
SPECIALS = "~ = # { } : \\ Москва “double” ‘single’ <b>bold</b>"
PROMPT = f"Which city is meant here: {SPECIALS}?\nAnswer from the second paragraph."
SOURCE = "Москва {is} the capital: “yes” ~ = # \\ it is."
CHOICES = [
    ("Москва {=}", True),
    ("~St Petersburg~", False),
    ("a:b#c", False),
    ("C:\\new\\n", False),
    ("%50% of them", False),
]
SHORT_PROMPT = "Name the city ~ = # { } : \\ ‘now’"
ACCEPTED = ["Москва", "=Moscow~", "“Moscow”", "5*5 {x}"]


def make_special_quiz(*, owner=None) -> Quiz:
    """A quiz whose every text holds the characters exports must escape."""
    quiz = make_quiz(questions=0, owner=owner)
    quiz.title = "Тест: “quotes” & {braces}"
    quiz.save()
    quiz.article.text = f"{SAMPLE_TEXT}\n{SOURCE}\n<b>Москва</b> is large."
    quiz.article.save()
    multiple = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.MULTIPLE_CHOICE,
        prompt=PROMPT,
        order=1,
        points=2,
        source_sentence=SOURCE,
        answer_type="GPE",
        difficulty=0.25,
        explanation="Because {it} is: “so”.",
    )
    for order, (text, correct) in enumerate(CHOICES, start=1):
        Choice.objects.create(question=multiple, text=text, is_correct=correct, order=order)
    AcceptedAnswer.objects.create(question=multiple, text=CHOICES[0][0], order=1)
    short = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.SHORT_ANSWER,
        prompt=SHORT_PROMPT,
        order=2,
        source_sentence=SOURCE,
        rejected_answers=["Petrograd", "Ленинград"],
    )
    for order, text in enumerate(ACCEPTED, start=1):
        AcceptedAnswer.objects.create(question=short, text=text, order=order)
    return quiz


# --- A small GIFT reader, step for step as Moodle's qformat_gift reads a question. ---

ESCAPES = {"\\:": ":", "\\#": "#", "\\=": "=", "\\{": "{", "\\}": "}", "\\~": "~", "\\n": "\n"}
BACKSLASH = "\ue000"
PLACEHOLDERS = {escape: chr(0xE001 + index) for index, escape in enumerate(ESCAPES)}
WEIGHT_RE = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
FULL_CREDIT = 100
FORMATS = ("moodle", "html", "plain", "markdown")


def _hide_escapes(text: str) -> str:
    text = text.replace("\\\\", BACKSLASH)
    for escape, placeholder in PLACEHOLDERS.items():
        text = text.replace(escape, placeholder)
    return text.replace(BACKSLASH, "\\")


def _show_escapes(text: str) -> str:
    for escape, placeholder in PLACEHOLDERS.items():
        text = text.replace(placeholder, ESCAPES[escape])
    return text.strip()


def _plain_text(text: str) -> str:
    """A text as Moodle's parse_text_with_format reads it: a leading "[format]" is the text's
    format, which must be plain here, or Moodle would show the text as markup."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        name = text[1 : text.index("]")]
        if name in FORMATS:
            assert name == "plain", f"Moodle would read {text!r} as {name}"
            text = text[len(name) + 2 :]
    return _show_escapes(text)


def _answer(raw: str, *, kind: str) -> tuple[str, str]:
    """("=", text) for a full-credit answer, ("~", text) for a wrong one."""
    raw = raw.strip()
    right = raw.startswith("=")
    text = raw[1:] if right else raw
    # Moodle reads a weight on every answer but a multiple-choice question's "=" one.
    weight = None if right and kind == "multichoice" else WEIGHT_RE.match(text)
    if weight:
        text = text[weight.end() :]
        right = float(weight.group().strip("%")) == FULL_CREDIT
    elif kind == "shortanswer":
        right = True  # Moodle's default for a short answer without a weight.
    assert "#" not in text, f"an unescaped # would start an answer's feedback: {raw!r}"
    return ("=" if right else "~"), _plain_text(text)


def parse_gift(data: bytes) -> list[dict]:
    """Every question of the file, the article's description included."""
    questions = []
    for block in re.split(r"\n\s*\n", data.decode("utf-8")):
        lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
        text = _hide_escapes("\n".join(lines).strip())
        if not text:
            continue
        assert text.startswith("::")
        name, rest = text[2:].split("::", 1)
        if "{" not in rest and "}" not in rest:
            # No answers: Moodle reads a description, shown but not marked.
            assert rest.startswith("[plain]")
            questions.append(
                {"name": _show_escapes(name), "kind": "description", "stem": _plain_text(rest)}
            )
            continue
        assert rest.count("{") == rest.count("}") == 1, "a bare brace would cut the answers"
        stem, answers = rest.split("{")
        answers, after = answers.split("}")
        assert after.strip() == "", "nothing may follow the answers"
        answers, separator, feedback = answers.strip().rpartition("####")
        if not separator:
            answers, feedback = feedback, ""
        assert stem.startswith("[plain]")
        if "~" in answers:
            kind = "multichoice"
        else:
            # Moodle reads "=" with "->" as a matching question, which a short answer's parts
            # cannot fill: it stops the whole import.
            assert not ("=" in answers and "->" in answers), f"read as matching: {answers!r}"
            kind = "shortanswer"
        if kind == "multichoice":
            parts = answers.replace("=", "~=").split("~")
        else:
            parts = answers.split("=")
        questions.append(
            {
                "name": _show_escapes(name),
                "kind": kind,
                "stem": _show_escapes(stem.removeprefix("[plain]")),
                "answers": [_answer(part, kind=kind) for part in parts if part.strip().lstrip("=")],
                "feedback": _plain_text(feedback),
            }
        )
    return questions


def gift_questions(data: bytes) -> list[dict]:
    """The file's questions, without the article's description."""
    return [question for question in parse_gift(data) if question["kind"] != "description"]


def _unwildcard(text: str) -> str:
    """A short answer as Moodle compares it: "\\*" is a real asterisk."""
    return text.replace("\\*", "*")


# --- Tests ---


@pytest.mark.django_db
def test_gift_reads_back_a_multiple_choice_question_whatever_characters_its_texts_hold():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    questions = gift_questions(gift.render(snapshot))

    first = questions[0]
    assert first["kind"] == "multichoice"
    assert first["stem"] == PROMPT
    assert first["answers"] == [("=" if right else "~", text) for text, right in CHOICES]
    assert first["feedback"] == SOURCE
    assert first["name"].startswith("Q1 Which city is meant here")


@pytest.mark.django_db
def test_gift_reads_back_a_short_answer_with_every_accepted_answer():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    questions = gift_questions(gift.render(snapshot))

    second = questions[1]
    assert second["kind"] == "shortanswer"
    assert second["stem"] == SHORT_PROMPT
    assert [(mark, _unwildcard(text)) for mark, text in second["answers"]] == [
        ("=", answer) for answer in ACCEPTED
    ]
    assert second["feedback"] == SOURCE


@pytest.mark.django_db
def test_gift_writes_one_paragraph_per_question_with_line_breaks_escaped():
    snapshot = quiz_snapshot(quiz=make_special_quiz())

    text = gift.render(snapshot).decode("utf-8")

    assert len(gift_questions(text.encode("utf-8"))) == len(snapshot.questions) == 2
    assert "here: ~" not in text
    assert "\\n" + "Answer from the second paragraph." in text
    assert "Москва" in text and "“double”" in text


def test_gift_escapes_each_special_character_with_a_backslash():
    text = "a~b=c#d{e}f:g\\h\ni"

    escaped = gift.escape(text)

    assert escaped == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_gift_gives_weight_like_answers_an_explicit_weight_so_moodle_keeps_them_text():
    snapshot = quiz_snapshot_of(
        QuestionSnapshot(
            number=1,
            kind=MULTIPLE_CHOICE,
            prompt="How many?",
            points=1,
            choices=(
                ChoiceSnapshot(text="All", is_correct=True),
                ChoiceSnapshot(text="%50% of them", is_correct=False),
            ),
        ),
        QuestionSnapshot(
            number=2, kind=SHORT_ANSWER, prompt="Rise?", points=1, accepted_answers=("%10% up",)
        ),
    )

    data = gift.render(snapshot)

    text = data.decode("utf-8")
    assert "\t~%0%%50% of them\n" in text
    assert "\t=%100%%10% up\n" in text
    assert [question["answers"] for question in gift_questions(data)] == [
        [("=", "All"), ("~", "%50% of them")],
        [("=", "%10% up")],
    ]


def test_gift_marks_every_question_text_plain_so_moodle_shows_markup_as_typed():
    snapshot = quiz_snapshot_of(
        QuestionSnapshot(
            number=1,
            kind=SHORT_ANSWER,
            prompt="Is <b>this</b> bold?",
            points=1,
            accepted_answers=("No",),
        )
    )

    text = gift.render(snapshot).decode("utf-8")

    assert "::[plain]Is <b>this</b> bold?{" in text


@pytest.mark.django_db
def test_gift_carries_the_article_as_a_description_before_the_questions():
    quiz = make_special_quiz()
    snapshot = quiz_snapshot(quiz=quiz)

    first, *questions = parse_gift(gift.render(snapshot))

    assert first["kind"] == "description"
    assert first["name"] == f"Article: {snapshot.article_title}"
    paragraphs = [p.strip() for p in snapshot.paragraphs if p.strip()]
    assert first["stem"] == "\n\n".join([snapshot.article_title, *paragraphs])
    assert "<b>Москва</b> is large." in first["stem"] and SOURCE in first["stem"]
    assert [q["kind"] for q in questions] == ["multichoice", "shortanswer"]


def test_gift_short_answer_holding_an_arrow_is_not_read_as_matching():
    one = QuestionSnapshot(
        number=1, kind=SHORT_ANSWER, prompt="Which way?", points=1, accepted_answers=("A->B",)
    )
    two = QuestionSnapshot(
        number=2,
        kind=SHORT_ANSWER,
        prompt="Which reaction?",
        points=1,
        accepted_answers=("water -> steam", "boiling"),
        source_sentence="Heat turns water -> steam.",
    )

    data = gift.render(quiz_snapshot_of(one, two))

    first, second = gift_questions(data)
    assert first["kind"] == second["kind"] == "shortanswer"
    assert first["answers"] == [("=", "A->B")]
    assert second["answers"] == [("=", "boiling")]
    assert second["feedback"] == "Heat turns water -> steam."
    # The teacher reading the file sees what Moodle will not get.
    assert "// Accepted answer left out, as GIFT cannot hold it: water -> steam" in data.decode()


def test_gift_texts_starting_like_a_format_name_keep_their_words_and_stay_plain():
    question = QuestionSnapshot(
        number=1,
        kind=MULTIPLE_CHOICE,
        prompt="[markdown] Which *one*?",
        points=1,
        choices=(
            ChoiceSnapshot(text="[html]<b>bold</b>", is_correct=True),
            ChoiceSnapshot(text="[markdown]*stars*", is_correct=False),
            ChoiceSnapshot(text="[moodle] plain", is_correct=False),
        ),
        source_sentence="[html] The sentence.",
    )
    short = QuestionSnapshot(
        number=2, kind=SHORT_ANSWER, prompt="Tag?", points=1, accepted_answers=("[plain]x",)
    )

    first, second = gift_questions(gift.render(quiz_snapshot_of(question, short)))

    assert first["stem"] == "[markdown] Which *one*?"
    assert first["answers"] == [
        ("=", "[html]<b>bold</b>"),
        ("~", "[markdown]*stars*"),
        ("~", "[moodle] plain"),
    ]
    assert first["feedback"] == "[html] The sentence."
    assert second["answers"] == [("=", "[plain]x")]
