"""Forms of the teacher's pages in the admin: input checks only, each error with a code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet

from quizzes.exceptions import ArticleInvalid
from quizzes.generation.types import DEFAULT_QUESTION_COUNT, MAX_QUESTION_COUNT
from quizzes.handouts import MAX_VERSIONS
from quizzes.models import Article, Question, Quiz, Response
from quizzes.services import check_article_text
from quizzes.textfiles import MAX_UPLOAD_BYTES, UPLOAD_TYPES, text_from_upload

DEFAULT_SHORT_ANSWERS = 3


def title_from_filename(name: str) -> str:
    """'the_lisbon-earthquake.docx' -> 'The lisbon earthquake'."""
    stem = " ".join(Path(name).stem.replace("_", " ").replace("-", " ").split())
    return (stem[:1].upper() + stem[1:])[:200] or "Untitled article"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class ReadUpload:
    """An uploaded file's text, or the one-line reason it cannot be used."""

    text: str = ""
    error: str = ""


def read_upload(upload: UploadedFile) -> ReadUpload:
    """Read an uploaded article. The admin calls this before it opens its transaction: reading a
    large file takes seconds, and on SQLite an open write transaction blocks every student."""
    if upload.size > MAX_UPLOAD_BYTES:
        return ReadUpload(
            error=f"{upload.name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
        )
    try:
        return ReadUpload(text=text_from_upload(upload.name, upload.read()))
    except ArticleInvalid as error:
        return ReadUpload(error=str(error))


class ArticleForm(forms.ModelForm):
    """Paste the text, or upload a file whose text replaces it."""

    # The upload as read before the form was bound; None: the form reads it itself.
    read_upload: ReadUpload | None = None

    upload = forms.FileField(
        required=False,
        label="Or upload a file",
        help_text=(
            f"{', '.join(UPLOAD_TYPES)}, at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
            "Its text replaces what is in the box above."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_TYPES)}),
    )

    class Meta:
        model = Article
        fields = ("title", "source", "text")
        widgets = {
            "title": forms.TextInput(attrs={"size": 70}),
            "source": forms.TextInput(attrs={"size": 70}),
            "text": forms.Textarea(attrs={"rows": 18, "class": "article-text"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.fields["text"].help_text = "Paste the article here: one paragraph per line."
        self.fields["title"].required = False
        self.fields["title"].help_text = "Blank with an uploaded file: the file's name."

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if not (cleaned.get("title") or "").strip():
            if upload:
                cleaned["title"] = title_from_filename(upload.name)
                self.instance.title = cleaned["title"]
            else:
                self.add_error(
                    "title", forms.ValidationError("Give the article a title.", code="no_title")
                )
        if upload:
            result = self.read_upload or read_upload(upload)
            if result.error:
                self.add_error("upload", forms.ValidationError(result.error, code="unreadable"))
                return cleaned
            cleaned["text"] = result.text
        try:
            check_article_text(cleaned.get("text") or "")
        except ArticleInvalid as error:
            self.add_error("text", forms.ValidationError(str(error), code="invalid_text"))
        return cleaned


# The admin's own classes for these inputs, so they are as wide as on its other pages.
ADMIN_TEXT = {"class": "vTextField"}
ADMIN_NUMBER = {"class": "vIntegerField"}


class GenerateForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        required=False,
        help_text="Blank: the article's title.",
        widget=forms.TextInput(attrs=ADMIN_TEXT),
    )
    multiple_choice = forms.IntegerField(
        label="Multiple choice",
        min_value=0,
        max_value=MAX_QUESTION_COUNT,
        initial=DEFAULT_QUESTION_COUNT - DEFAULT_SHORT_ANSWERS,
        widget=forms.NumberInput(attrs=ADMIN_NUMBER),
    )
    short_answer = forms.IntegerField(
        label="Short answer",
        min_value=0,
        max_value=MAX_QUESTION_COUNT,
        initial=DEFAULT_SHORT_ANSWERS,
        help_text=(
            f"At most {MAX_QUESTION_COUNT} in all. A fact with too few good wrong choices is "
            "asked as a short answer."
        ),
        widget=forms.NumberInput(attrs=ADMIN_NUMBER),
    )
    seed = forms.IntegerField(
        label="Variant",
        initial=0,
        help_text="Any number: another one gives other wrong choices and another order.",
        widget=forms.NumberInput(attrs=ADMIN_NUMBER),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("multiple_choice", 0) + cleaned.get("short_answer", 0) == 0:
            raise forms.ValidationError("Ask for at least one question.", code="no_questions")
        return cleaned


FOREIGN_ROW = "A row of this page was changed or removed meanwhile: reload the page and try again."


class OwnRowsFormSet(BaseInlineFormSet):
    """An inline formset whose hidden ids may name only the rows it shows.

    Django checks a posted id against every row of the table, so an id changed in the page to
    another quiz's (or another teacher's) row would pass, and the form would then save a new row
    in its place. Here such an id is a form error on the page, and nothing is written.
    """

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        field = form.fields.get(self._pk_field.name)
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = self.get_queryset()
            field.error_messages["invalid_choice"] = FOREIGN_ROW

    def clean(self) -> None:
        super().clean()
        # The id is a hidden field, whose error the admin does not show beside the row.
        if any(self._pk_field.name in form.errors for form in self.forms):
            raise ValidationError(FOREIGN_ROW, code="foreign_row")


class QuestionFormSet(OwnRowsFormSet):
    """A quiz's questions: no more than the generator's limit, so its page always saves."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form
            for form in self.forms
            if form not in self.deleted_forms and (form.instance.pk or form.has_changed())
        ]
        before = len(self.get_queryset())
        if len(kept) > MAX_QUESTION_COUNT and len(kept) > before:
            raise ValidationError(
                f"A quiz holds at most {MAX_QUESTION_COUNT} questions; this would make "
                f"{len(kept)}. Delete some, or put the rest in another quiz.",
                code="too_many_questions",
            )


class QuestionForm(forms.ModelForm):
    """A question with its answers as plain text: one right answer, the wrong choices and the
    other accepted wordings one per line, so a teacher edits a whole question in one place."""

    answer = forms.CharField(label="Right answer", max_length=500, required=False)
    wrong_choices = forms.CharField(
        label="Wrong choices",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 30}),
        help_text="Multiple choice: one per line.",
    )
    also_accept = forms.CharField(
        label="Also accept",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 24}),
        help_text="Short answer: other wordings, one per line.",
    )

    class Meta:
        model = Question
        fields = ("order", "kind", "prompt", "points")
        widgets = {"prompt": forms.Textarea(attrs={"rows": 3, "cols": 40})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        question = self.instance
        if question.pk:
            choices = list(question.choices.all())
            accepted = [a.text for a in question.accepted_answers.all()]
            right = [c.text for c in choices if c.is_correct]
            self.fields["answer"].initial = (right or accepted or [""])[0]
            self.fields["wrong_choices"].initial = "\n".join(
                c.text for c in choices if not c.is_correct
            )
            self.fields["also_accept"].initial = "\n".join(
                a for a in accepted if a != self.fields["answer"].initial
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        answer = (cleaned.get("answer") or "").strip()
        if not answer:
            self.add_error(
                "answer", forms.ValidationError("Give the right answer.", code="no_answer")
            )
        wrong = [w for w in _lines(cleaned.get("wrong_choices", "")) if w != answer]
        if cleaned.get("kind") == Question.Kind.MULTIPLE_CHOICE and not wrong:
            self.add_error(
                "wrong_choices",
                forms.ValidationError(
                    "A multiple-choice question needs at least one wrong choice besides the "
                    "right answer.",
                    code="no_wrong_choice",
                ),
            )
        cleaned["wrong_list"] = wrong
        cleaned["also_list"] = _lines(cleaned.get("also_accept", ""))
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A quiz file (.json) exported from this site.")


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        widgets = {"title": forms.TextInput(attrs={"size": 70})}
        fields = (
            "article",
            "title",
            "shuffle_questions",
            "shuffle_choices",
            "answers_shown",
            "attempts_allowed",
        )


class HandoutForm(forms.Form):
    versions = forms.IntegerField(min_value=1, max_value=MAX_VERSIONS, initial=1)
    duplex = forms.BooleanField(required=False)


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ("points_awarded",)

    def clean_points_awarded(self):
        points = self.cleaned_data["points_awarded"]
        possible = self.instance.points_possible
        if not 0 <= points <= possible:
            raise forms.ValidationError(
                f"Give between 0 and {possible.normalize()} points.", code="out_of_range"
            )
        return points
