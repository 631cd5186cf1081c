from __future__ import annotations

from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from quizzes.attempts import Paper, PaperQuestion
from quizzes.joincodes import JOIN_CODE_MAX_LENGTH, is_valid_join_code, normalise_join_code
from quizzes.models import MAX_STUDENT_NAME_LENGTH
from quizzes.names import NameRefused, student_name_clean

# Room for a code typed with spaces or dashes, e.g. "ABC-DEF".
JOIN_CODE_INPUT_LENGTH = 16
# Characters left out of codes because they look like others; a student who types one misread.
NEVER_IN_CODES = frozenset("0O1ILUV")
NAME_REQUIRED = "Type your name so your teacher knows whose answers these are."


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Join code",
        max_length=JOIN_CODE_INPUT_LENGTH,
        error_messages={"required": "Type the join code your teacher gave you."},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    name = forms.CharField(
        label="Your name",
        max_length=MAX_STUDENT_NAME_LENGTH,
        error_messages={"required": NAME_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("join", "Start the quiz", css_class="btn-lg w-100"))

    def clean_code(self) -> str:
        code = normalise_join_code(self.cleaned_data["code"])
        unused = sorted({char for char in code if char in NEVER_IN_CODES})
        if unused:
            raise forms.ValidationError(
                f"Join codes never use {', '.join(unused)} (they look too much like other "
                "letters and digits). Check that character with your teacher.",
                code="look_alike",
            )
        if not is_valid_join_code(code) or len(code) > JOIN_CODE_MAX_LENGTH:
            raise forms.ValidationError(
                "A join code has 6 letters and digits, like K7MP3X. Check it with your teacher.",
                code="malformed",
            )
        return code

    def clean_name(self) -> str:
        try:
            name = student_name_clean(self.cleaned_data["name"])
        except NameRefused as error:
            raise forms.ValidationError(str(error), code="misleading") from None
        if not name:
            raise forms.ValidationError(NAME_REQUIRED, code="empty")
        if len(name) > MAX_STUDENT_NAME_LENGTH:  # NFKC can lengthen a name: "㍿" is "株式会社"
            raise forms.ValidationError(
                f"Keep your name to at most {MAX_STUDENT_NAME_LENGTH} characters.", code="long"
            )
        return name


# Long enough for any real short answer; a longer post is an altered form, not a student.
MAX_ANSWER_LENGTH = 500
NOT_A_CHOICE = "That answer is not one of this question's choices. Choose one of the options."


@dataclass(frozen=True)
class Row:
    """One question on the page: what the template needs, computed once."""

    number: int
    question: PaperQuestion
    given: str
    errors: list[str]
    # (input id, token, text), so each label points at its radio button
    options: list[tuple[str, str, str]]


class AnswerSheetForm(forms.Form):
    """The answers to one attempt. Choice values are per-attempt tokens, never database ids."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    # Sent by the "Submit anyway" button of the page that warned about blank questions.
    blanks_confirmed = forms.BooleanField(required=False)

    def __init__(self, *args, paper: Paper, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.paper = paper
        for item in paper.questions:
            if item.options:
                self.fields[item.field_name] = forms.ChoiceField(
                    choices=[(option.token, option.text) for option in item.options],
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": NOT_A_CHOICE},
                )
            else:
                self.fields[item.field_name] = forms.CharField(
                    required=False, max_length=MAX_ANSWER_LENGTH
                )

    def rows(self) -> list[Row]:
        errors = self.errors if self.is_bound else {}
        return [
            Row(
                number=number,
                question=item,
                given=self.data.get(item.field_name, ""),
                errors=errors.get(item.field_name, []),
                options=[
                    (f"{item.field_name}-{n}", option.token, option.text)
                    for n, option in enumerate(item.options, start=1)
                ],
            )
            for number, item in enumerate(self.paper.questions, start=1)
        ]

    def blank_numbers(self) -> list[int]:
        """The numbers, as the student sees them, of the questions left blank."""
        given = self.given()
        return [
            number
            for number, item in enumerate(self.paper.questions, start=1)
            if not given[item.question_id]
        ]

    def given(self) -> dict[int, str]:
        """Question id -> the option token or the typed text (empty when left blank)."""
        return {
            item.question_id: self.cleaned_data.get(item.field_name) or ""
            for item in self.paper.questions
        }
