"""The review page: every question of a quiz as a card a teacher checks and fixes in place.

Each card shows the question as students get it (the wording, the choices in their letters with
the right one marked, or the accepted wordings of a short answer), the generator's warnings and
the sentence it came from, highlighted in the passage beside the cards. The buttons of a card
act on that card and bring the teacher back to it (`#q-<id>`).

Same rules as the quiz's admin page: only the quiz's owner (or a superuser) reaches it, another
teacher's quiz answers 404, and an edit of a quiz students have answered warns that scores wait
for a regrade. Views parse the input, call one service and redirect; the checks of a card are
the quiz page's own `QuestionForm`'s.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from quizzes import services
from quizzes.admin.forms import QuestionForm
from quizzes.admin.quiz import ANSWER_FIELDS, PROTECTED_MESSAGE, REGRADE_HINT
from quizzes.admin.views import post_only
from quizzes.exceptions import QuizError
from quizzes.generation.types import DISTRACTOR_COUNT
from quizzes.models import MAX_CHOICE_LENGTH, Choice, Question, Quiz
from quizzes.snapshots import paragraph_number, paragraph_spans

# One more choice than students see, to type a new wrong choice (or accepted wording) into.
BLANK_ROWS = 1
# A short answer turned into multiple choice gets room for this many wrong choices at once.
NEW_WRONG_ROWS = 3
# Letters A to J: more choices than that is no reading quiz a handout can print well.
MAX_CHOICES = 10
MAX_ACCEPTED = 30
MAX_POINTS = 100
# Deleted questions a teacher can bring back from the review page, per quiz, and for how long.
UNDO_KEPT = 5
UNDO_WINDOW = timedelta(hours=1)
UNDO_SESSION_KEY = "review_deleted"
# Kinds of fact whose wrong choices the generator makes up as values near the right one.
VALUE_TYPES = frozenset({"DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ASKS_FOR = {
    "PERSON": "a person",
    "ORG": "an organisation",
    "GPE": "a place",
    "LOC": "a place",
    "NORP": "a nationality or group",
    "FAC": "a building or facility",
    "EVENT": "an event",
    "WORK_OF_ART": "a title",
    "DATE": "a date or time",
    "CARDINAL": "a number",
    "MONEY": "an amount of money",
    "PERCENT": "a percentage",
    "QUANTITY": "a quantity",
    "ORDINAL": "a rank",
    "TERM": "a term",
}


# --- What a card shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class Warning:
    code: str
    text: str


@dataclass(frozen=True)
class ChoiceRow:
    index: int
    text: str
    is_right: bool

    @property
    def letter(self) -> str:
        return LETTERS[self.index] if self.index < len(LETTERS) else str(self.index + 1)


@dataclass
class Card:
    question: Question
    number: int
    kind: str
    prompt: str
    points: int | str
    rows: list[ChoiceRow]
    answer: str
    also: list[str]
    warnings: list[Warning]
    paragraph: int | None
    answered: int
    errors: dict[str, list[str]] = field(default_factory=dict)
    # Messages about this card, and questions deleted just before it (with their Undo).
    notes: list = field(default_factory=list)
    deleted_before: list[dict] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.question.pk

    @property
    def is_multiple_choice(self) -> bool:
        return self.kind == Question.Kind.MULTIPLE_CHOICE

    @property
    def is_generated(self) -> bool:
        return bool(self.question.source_sentence)

    @property
    def reviewed(self) -> bool:
        return self.question.reviewed_at is not None

    @property
    def asks_for(self) -> str:
        return ASKS_FOR.get(self.question.answer_type, "")

    @property
    def choices_token(self) -> str:
        return choices_token(self.question)


def choices_token(question: Question) -> str:
    """A fingerprint of the question's choices as stored: a redraw posted from a page that shows
    other choices (a double click, a second tab) changes nothing."""
    texts = "\n".join(f"{c.is_correct}:{c.text}" for c in question.choices.all())
    return hashlib.sha256(texts.encode()).hexdigest()[:16]


def _stored_answers(question: Question) -> tuple[list[ChoiceRow], str, list[str]]:
    choices = list(question.choices.all())
    accepted = [a.text for a in question.accepted_answers.all()]
    right = next((c.text for c in choices if c.is_correct), "")
    answer = right or (accepted[0] if accepted else "")
    rows = [ChoiceRow(n, c.text, c.is_correct) for n, c in enumerate(choices)]
    if not rows:
        # A short answer shown as multiple choice: its answer first, room for wrong ones.
        rows = [ChoiceRow(0, answer, True)]
        rows += [ChoiceRow(n, "", False) for n in range(1, 1 + NEW_WRONG_ROWS)]
    return rows, answer, [text for text in accepted if text != answer]


def _with_blank_rows(rows: list[ChoiceRow]) -> list[ChoiceRow]:
    """The rows with text (and the ticked one) lettered anew from A, then blank rows to type
    in: a row's index is its place on the page, which is what the ticked radio posts."""
    filled = [row for row in rows if row.text.strip() or row.is_right]
    kept = [ChoiceRow(n, row.text, row.is_right) for n, row in enumerate(filled)]
    if len(kept) >= MAX_CHOICES:
        return kept
    blanks = max(BLANK_ROWS, len(rows) - len(kept)) if len(kept) < len(rows) else BLANK_ROWS
    return kept + [ChoiceRow(len(kept) + n, "", False) for n in range(blanks)]


def card_warnings(
    question: Question, *, article_text: str, located: tuple[int, int] | None
) -> list[Warning]:
    """What the teacher should check on this question, from what the generator stored.

    The generator takes wrong choices from the article first, then from its word bank and
    place list, or makes up values near a number or date; a choice the article does not
    contain came from there. Hand-written questions get only the checks that apply to any
    question."""
    warnings: list[Warning] = []
    choices = list(question.choices.all())
    right = next((c.text for c in choices if c.is_correct), "")
    accepted = [a.text for a in question.accepted_answers.all()]
    answer = right or (accepted[0] if accepted else "")
    wrong = [c.text for c in choices if not c.is_correct]
    generated = bool(question.source_sentence)
    if question.kind == Question.Kind.MULTIPLE_CHOICE:
        folded_text = _fold(article_text)
        outside = [text for text in wrong if _fold(text) not in folded_text]
        if generated and outside:
            if question.reviewed_at is not None:
                # The teacher may have typed these: say only what is true of any choice.
                source = "not in the article"
            elif question.answer_type in VALUE_TYPES:
                source = "made up near the right answer, not taken from the article"
            elif question.answer_type in PLACE_TYPES:
                source = "from the generator's place list and word bank, not the article"
            else:
                source = "from the generator's word bank, not the article"
            warnings.append(
                Warning(
                    "choices_outside",
                    f"Wrong choices {source}: {_quoted(outside)}. Check each is a fair rival "
                    "and really wrong.",
                )
            )
        if 0 < len(wrong) < DISTRACTOR_COUNT:
            warnings.append(
                Warning(
                    "few_choices",
                    f"Only {len(wrong) + 1} choices: a guess is right one time in "
                    f"{len(wrong) + 1}.",
                )
            )
        folded = {}
        for text in [right, *wrong]:
            folded.setdefault(" ".join(text.casefold().split()), []).append(text)
        twins = [texts[0] for texts in folded.values() if len(texts) > 1]
        if twins:
            warnings.append(
                Warning("same_choices", f"Choices that read the same: {_quoted(twins)}.")
            )
    else:
        warnings.append(
            Warning(
                "short_answer",
                "Short answer: check the accepted wordings. A typed answer counts only when "
                "it matches one (case, punctuation, accents, a leading “the” and small typos "
                "aside; numbers by value).",
            )
        )
    if answer and _contains(question.prompt, answer):
        warnings.append(
            Warning("gives_away", "The question's wording contains its own right answer.")
        )
    if generated:
        if located is None:
            warnings.append(
                Warning(
                    "source_gone",
                    "Its sentence is no longer in the article (the article was edited after "
                    "the quiz was made): check the question still matches the text.",
                )
            )
        elif answer and not any(
            _contains(question.source_sentence, text) for text in [answer, *accepted]
        ):
            warnings.append(
                Warning(
                    "answer_not_in_source",
                    "The right answer is not in the sentence the question came from: check "
                    "the text supports it.",
                )
            )
    return warnings


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _contains(text: str, part: str) -> bool:
    return _fold(part) in _fold(text)


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"“{text}”" for text in texts)


def locate(question: Question, text: str) -> tuple[int, int] | None:
    """Where the question's sentence is in the article: at its stored span, or (the article
    edited since) wherever that sentence now is; None when it is gone."""
    sentence = question.source_sentence
    if not sentence:
        return None
    start, end = question.source_start, question.source_end
    if start is not None and end is not None and text[start:end] == sentence:
        return start, end
    found = text.find(sentence)
    return (found, found + len(sentence)) if found >= 0 else None


# --- The passage beside the cards ----------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    questions: tuple[int, ...] = ()
    # The numbers of those questions on the page, shown after the sentence.
    numbers: tuple[int, ...] = ()

    @property
    def question_list(self) -> str:
        return " ".join(str(pk) for pk in self.questions)

    @property
    def label(self) -> str:
        return "Q" + ", ".join(str(number) for number in self.numbers)


@dataclass(frozen=True)
class Paragraph:
    number: int
    segments: tuple[Segment, ...]


def passage(
    text: str, spans: dict[int, tuple[int, int]], numbers: dict[int, int] | None = None
) -> list[Paragraph]:
    """The article's paragraphs, numbered as on the students' page, cut into plain text and the
    sentences questions came from (each with the ids and numbers of its questions)."""
    numbers = numbers or {}
    by_span: dict[tuple[int, int], list[int]] = {}
    for pk, span in spans.items():
        by_span.setdefault(span, []).append(pk)
    marks: list[tuple[int, int, tuple[int, ...]]] = []
    for (start, end), pks in sorted(by_span.items()):
        if marks and start < marks[-1][1]:
            continue  # overlaps the sentence before it: an edited article; show the first
        marks.append((start, end, tuple(sorted(pks))))
    paragraphs = []
    for number, para in enumerate(paragraph_spans(text), start=1):
        segments, at = [], para.start
        for start, end, pks in marks:
            start, end = max(start, para.start), min(end, para.end)
            if start >= end:
                continue
            if at < start:
                segments.append(Segment(text[at:start]))
            labels = tuple(sorted(numbers[pk] for pk in pks if pk in numbers))
            segments.append(Segment(text[start:end], pks, labels))
            at = end
        if at < para.end:
            segments.append(Segment(text[at : para.end]))
        paragraphs.append(Paragraph(number, tuple(segments)))
    return paragraphs


# --- The card's form -----------------------------------------------------------------------


class ListInput(forms.Widget):
    """Several inputs of one name, one per choice or wording, read back as a list."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else list(data.get(name, []))


class TextListField(forms.Field):
    widget = ListInput

    def __init__(self, *, max_items: int, **kwargs) -> None:
        self.max_items = max_items
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> list[str]:
        return [" ".join(str(item).split()) for item in (value or [])]

    def validate(self, value: list[str]) -> None:
        if len([item for item in value if item]) > self.max_items:
            raise forms.ValidationError(f"At most {self.max_items} here.", code="too_many")
        if any(len(item) > MAX_CHOICE_LENGTH for item in value):
            raise forms.ValidationError(
                f"Each answer has at most {MAX_CHOICE_LENGTH} characters.", code="too_long"
            )


class CardForm(forms.Form):
    """One card as posted: the choices in their letters with the index of the right one, or the
    short answer's wordings. Its checks, after its own, are the quiz page's `QuestionForm`."""

    kind = forms.ChoiceField(choices=Question.Kind.choices)
    prompt = forms.CharField(max_length=2000)
    points = forms.IntegerField(min_value=1, max_value=MAX_POINTS)
    choice = TextListField(max_items=MAX_CHOICES)
    right = forms.IntegerField(required=False, min_value=0)
    answer = forms.CharField(max_length=MAX_CHOICE_LENGTH, required=False)
    also_accept = TextListField(max_items=MAX_ACCEPTED)

    def __init__(self, *args, question: Question, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.answer_fields_changed = False

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        kind = cleaned["kind"]
        choices = cleaned["choice"]
        right = cleaned.get("right")
        if kind == Question.Kind.MULTIPLE_CHOICE:
            answer = choices[right] if right is not None and right < len(choices) else ""
            wrong = [text for n, text in enumerate(choices) if n != right and text]
        else:
            answer, wrong = cleaned.get("answer") or "", []
        also = [text for text in cleaned["also_accept"] if text]
        # A fresh copy: the quiz page's form writes what it checks into its instance.
        shown = Question.objects.prefetch_related("choices", "accepted_answers").get(
            pk=self.question.pk
        )
        checked = QuestionForm(
            data={
                "order": shown.order,
                "kind": kind,
                "prompt": cleaned["prompt"],
                "points": cleaned["points"],
                "answer": answer,
                "wrong_choices": "\n".join(wrong),
                "also_accept": "\n".join(also),
            },
            instance=shown,
        )
        if not checked.is_valid():
            for name, errors in checked.errors.items():
                for error in errors:
                    self.add_error(None if name == "__all__" else self._place(name), error)
            return cleaned
        self.answer_fields_changed = bool(ANSWER_FIELDS & set(checked.changed_data))
        cleaned.update(
            answer=checked.cleaned_data["answer"],
            wrong_list=checked.cleaned_data["wrong_list"],
            also_list=checked.cleaned_data["also_list"],
        )
        return cleaned

    def _place(self, name: str) -> str | None:
        if name in self.fields:
            return name
        return "choice" if name == "wrong_choices" else None

    def card_rows(self) -> list[ChoiceRow]:
        """The choices as posted, so a refused card comes back with everything typed."""
        choices = TextListField(max_items=MAX_CHOICES).to_python(self.data.getlist("choice"))
        try:
            right = int(self.data.get("right", ""))
        except ValueError:
            right = None
        return [ChoiceRow(n, text, n == right) for n, text in enumerate(choices)]


# --- Building the page ---------------------------------------------------------------------


def _questions(quiz: Quiz):
    return (
        quiz.questions.order_by("order", "pk")
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")),
            "accepted_answers",
        )
        .annotate(answered=Count("responses"))
    )


def build_cards(quiz: Quiz, *, bound: CardForm | None = None) -> tuple[list[Card], list[Paragraph]]:
    text = quiz.article.text
    questions = list(_questions(quiz))
    para_spans = paragraph_spans(text)
    cards, located = [], {}
    for number, question in enumerate(questions, start=1):
        span = locate(question, text)
        if span is not None:
            located[question.pk] = span
        rows, answer, also = _stored_answers(question)
        card = Card(
            question=question,
            number=number,
            kind=question.kind,
            prompt=question.prompt,
            points=question.points,
            rows=rows,
            answer=answer,
            also=also,
            warnings=card_warnings(question, article_text=text, located=span),
            paragraph=paragraph_number(para_spans, span[0]) if span else None,
            answered=question.answered,
        )
        if bound is not None and bound.question.pk == question.pk:
            _fill_from_post(card, bound)
        card.rows = _with_blank_rows(card.rows)
        card.also = [*[text for text in card.also if text], ""]
        cards.append(card)
    return cards, passage(text, located, {card.pk: card.number for card in cards})


def _fill_from_post(card: Card, form: CardForm) -> None:
    data = form.data
    card.kind = data.get("kind", card.kind)
    card.prompt = data.get("prompt", "")
    card.points = data.get("points", "")
    card.rows = form.card_rows()
    card.answer = " ".join(data.get("answer", "").split())
    card.also = TextListField(max_items=MAX_ACCEPTED).to_python(data.getlist("also_accept"))
    # "__all__" is no name a template can read.
    card.errors = {
        ("card" if name == "__all__" else name): [str(error) for error in errors]
        for name, errors in form.errors.items()
    }


def _deleted_records(request: HttpRequest, quiz: Quiz) -> list[dict]:
    now = timezone.now().timestamp()
    kept = request.session.get(UNDO_SESSION_KEY, {}).get(str(quiz.pk), [])
    return [r for r in kept if now - r["deleted_at"] < UNDO_WINDOW.total_seconds()]


def _remember_deleted(request: HttpRequest, quiz: Quiz, record: dict) -> None:
    kept = request.session.get(UNDO_SESSION_KEY, {})
    records = [
        *_deleted_records(request, quiz),
        {**record, "deleted_at": timezone.now().timestamp()},
    ]
    kept[str(quiz.pk)] = records[-UNDO_KEPT:]
    request.session[UNDO_SESSION_KEY] = kept


def _forget_deleted(request: HttpRequest, quiz: Quiz, question_id: int) -> dict | None:
    kept = request.session.get(UNDO_SESSION_KEY, {})
    records = kept.get(str(quiz.pk), [])
    found = next((r for r in records if r["id"] == question_id), None)
    if found is not None:
        kept[str(quiz.pk)] = [r for r in records if r is not found]
        request.session[UNDO_SESSION_KEY] = kept
    return found


def _page(
    model_admin, request: HttpRequest, quiz: Quiz, *, bound: CardForm | None = None
) -> TemplateResponse:
    cards, paragraphs = build_cards(quiz, bound=bound)
    # Messages about one card show on that card, the rest above the cards.
    page_notes = []
    by_card = {card.pk: card for card in cards}
    for note in messages.get_messages(request):
        tag = next((t for t in note.extra_tags.split() if t.startswith("card-")), "")
        card = by_card.get(int(tag[5:])) if tag[5:].isdigit() else None
        (card.notes if card else page_notes).append(note)
    deleted = [
        {"id": r["id"], "position": r["position"], "prompt": r["fields"]["prompt"]}
        for r in _deleted_records(request, quiz)
    ]
    for card in cards:
        card.deleted_before = [d for d in deleted if d["position"] == card.number]
    context = {
        **model_admin.admin_site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "opts": model_admin.model._meta,
        "original": quiz,
        "quiz": quiz,
        "title": f"Review: {quiz.title}",
        "cards": cards,
        "paragraphs": paragraphs,
        "reviewed": sum(card.reviewed for card in cards),
        "page_notes": page_notes,
        "deleted_after": [d for d in deleted if d["position"] > len(cards)],
        "kinds": Question.Kind.choices,
        "max_points": MAX_POINTS,
        "protected_note": PROTECTED_MESSAGE if quiz.attempts.exists() else "",
    }
    return TemplateResponse(request, "admin/quizzes/review/review.html", context)


# --- Views ---------------------------------------------------------------------------------


def _quiz(model_admin, request: HttpRequest, quiz_id: int) -> Quiz:
    """The teacher's own quiz (404 for anyone else's); changing it needs the change permission."""
    quiz = get_object_or_404(
        Quiz.objects.owned_by(request.user).select_related("article"), pk=quiz_id
    )
    allowed = (
        model_admin.has_change_permission(request, quiz)
        if request.method == "POST"
        else model_admin.has_view_permission(request, quiz)
    )
    if not allowed:
        raise PermissionDenied
    return quiz


def _to_card(quiz: Quiz, question_id: int | None = None) -> HttpResponse:
    url = reverse("admin:quizzes_quiz_review", args=[quiz.pk])
    return redirect(f"{url}#q-{question_id}" if question_id else url)


def _question(request: HttpRequest, quiz: Quiz, question_id: int) -> Question | None:
    """The quiz's question, or None with a note when it is gone: a second click on Delete or
    Replace, or a page older than the quiz, changes nothing."""
    question = quiz.questions.filter(pk=question_id).first()
    if question is None:
        messages.info(request, "That question is no longer in the quiz: nothing was changed.")
    return question


def _card_note(request, question: Question, text: str, level: int = messages.SUCCESS) -> None:
    messages.add_message(request, level, text, extra_tags=f"card-{question.pk}")


def review_view(model_admin, request: HttpRequest, quiz_id: int) -> HttpResponse:
    return _page(model_admin, request, _quiz(model_admin, request, quiz_id))


@post_only
def save_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    form = CardForm(request.POST, question=question)
    if not form.is_valid():
        return _page(model_admin, request, quiz, bound=form)
    data = form.cleaned_data
    try:
        services.question_review_save(
            question=question,
            kind=data["kind"],
            prompt=data["prompt"],
            points=data["points"],
            answer=data["answer"],
            wrong_choices=data["wrong_list"],
            also_accept=data["also_list"],
        )
    except QuizError as error:
        form.add_error(None, str(error))
        return _page(model_admin, request, quiz, bound=form)
    _card_note(request, question, "Saved and marked reviewed.")
    if form.answer_fields_changed and quiz.attempts.filter(submitted__isnull=False).exists():
        _card_note(request, question, REGRADE_HINT, messages.WARNING)
    return _to_card(quiz, question.pk)


@post_only
def reviewed_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    services.question_mark_reviewed(question=question, reviewed=request.POST.get("reviewed") == "1")
    return _to_card(quiz, question.pk)


@post_only
def move_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    try:
        to = int(request.POST.get("to", ""))
    except ValueError:
        _card_note(
            request, question, "The new place could not be read: nothing moved.", messages.ERROR
        )
        return _to_card(quiz, question.pk)
    moved = services.question_move(question=question, to=to)
    _card_note(request, moved, f"Moved to number {moved.order}.")
    return _to_card(quiz, moved.pk)


@post_only
def reorder_view(model_admin, request: HttpRequest, quiz_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    try:
        ids = [int(value) for value in request.POST.getlist("order")]
    except ValueError:
        ids = []
    if not ids:
        messages.error(request, "The new order could not be read: nothing moved.")
        return _to_card(quiz)
    services.quiz_reorder(quiz=quiz, ids=ids)
    moved = request.POST.get("moved", "")
    messages.success(request, "New order saved.")
    return _to_card(quiz, int(moved) if moved.isdigit() else None)


@post_only
def delete_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    record = services.question_delete(question=question)
    _remember_deleted(request, quiz, record)
    return redirect(
        f"{reverse('admin:quizzes_quiz_review', args=[quiz.pk])}#deleted-{record['id']}"
    )


@post_only
def undo_view(model_admin, request: HttpRequest, quiz_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    raw = request.POST.get("question", "")
    question_id = int(raw) if raw.isdigit() else None
    if question_id is not None and quiz.questions.filter(pk=question_id).exists():
        return _to_card(quiz, question_id)  # already restored: a second click
    record = _forget_deleted(request, quiz, question_id) if question_id else None
    if record is None:
        messages.error(request, "There is nothing to undo for that question any more.")
        return _to_card(quiz)
    try:
        restored = services.question_restore(quiz=quiz, record=record)
    except QuizError as error:
        messages.error(request, str(error))
        return _to_card(quiz)
    _card_note(request, restored, "Restored.")
    return _to_card(quiz, restored.pk)


@post_only
def replace_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    try:
        replacement = services.question_regenerate(question=question)
    except QuizError as error:
        _card_note(request, question, str(error), messages.ERROR)
        return _to_card(quiz, question.pk)
    _card_note(request, replacement, "A new question from the article took this place: check it.")
    return _to_card(quiz, replacement.pk)


@post_only
def redraw_view(model_admin, request: HttpRequest, quiz_id: int, question_id: int):
    quiz = _quiz(model_admin, request, quiz_id)
    question = _question(request, quiz, question_id)
    if question is None:
        return _to_card(quiz)
    if request.POST.get("choices") != choices_token(question):
        _card_note(
            request,
            question,
            "The choices changed since the page was shown: nothing was redrawn. Look at them "
            "again, then try once more.",
            messages.WARNING,
        )
        return _to_card(quiz, question.pk)
    try:
        services.question_redraw_wrong_choices(question=question)
    except QuizError as error:
        _card_note(request, question, str(error), messages.ERROR)
        return _to_card(quiz, question.pk)
    _card_note(
        request,
        question,
        "New wrong choices from the article: check them, then mark the question reviewed.",
    )
    if quiz.attempts.filter(submitted__isnull=False).exists():
        _card_note(request, question, REGRADE_HINT, messages.WARNING)
    return _to_card(quiz, question.pk)


def review_urls(model_admin) -> list:
    """The review page's URLs, for the quiz admin's `get_urls`."""

    def url(route: str, view, name: str):
        wrapped = model_admin.admin_site.admin_view(partial(view, model_admin))
        return path(f"<int:quiz_id>/review/{route}", wrapped, name=f"quizzes_quiz_review{name}")

    card = "<int:question_id>/"
    return [
        url("", review_view, ""),
        url("order/", reorder_view, "_order"),
        url("undo/", undo_view, "_undo"),
        url(f"{card}save/", save_view, "_save"),
        url(f"{card}reviewed/", reviewed_view, "_reviewed"),
        url(f"{card}move/", move_view, "_move"),
        url(f"{card}delete/", delete_view, "_delete"),
        url(f"{card}replace/", replace_view, "_replace"),
        url(f"{card}redraw/", redraw_view, "_redraw"),
    ]
