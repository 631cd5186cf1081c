from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from quizzes.joincodes import JOIN_CODE_MAX_LENGTH, is_valid_join_code, normalise_join_code
from quizzes.models import MAX_STUDENT_NAME_LENGTH

# Room for a code typed with spaces or dashes, e.g. "ABC-DEF".
JOIN_CODE_INPUT_LENGTH = 16
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
        if not is_valid_join_code(code) or len(code) > JOIN_CODE_MAX_LENGTH:
            raise forms.ValidationError(
                "A join code has 6 letters and digits, like K7MP3X. Check it with your teacher.",
                code="malformed",
            )
        return code

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(
                "Type your name so your teacher knows whose answers these are.", code="empty"
            )
        return name
