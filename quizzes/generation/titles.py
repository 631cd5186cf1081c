"""Questions on the titles people hold: "White House press secretary Karoline Leavitt"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from quizzes.generation.answers import accepted_answers
from quizzes.generation.kinds import AnswerKind
from quizzes.generation.stems import Stem, StemForm

if TYPE_CHECKING:
    from quizzes.generation.candidates import Candidate
    from quizzes.generation.reading import Reading

TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
# One word ("President") names an office held by many; two ("Russian President") name one.
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 6


def title_candidates(reading: Reading) -> list[Candidate]:
    from quizzes.generation.candidates import Candidate

    titles: dict[str, list[tuple[int, str]]] = {}
    for mention in reading.mentions:
        if mention.kind != AnswerKind.PERSON or mention.start in reading.blocked:
            continue
        title = _title_before(reading.doc, start=mention.start, end=mention.end)
        if title:
            titles.setdefault(title.casefold(), []).append((mention.start, mention.key))
    found = []
    for title_key, holders in titles.items():
        if len({key for _, key in holders}) != 1:
            continue  # Two people with one title: "Who is the ..." has no single answer.
        start, key = holders[0]
        entity = reading.entities[key]
        doc = reading.doc
        title = _title_before(doc, start=start, end=start + 1) or title_key
        sentence = reading.sentences[reading.sentence_of[start]]
        verb = "was" if sentence.root.tag_ == "VBD" else "is"
        prompt = f"Who {verb} the {title}?"
        found.append(
            Candidate(
                sentence=reading.sentence_of[start],
                answer=entity.name,
                kind=AnswerKind.PERSON,
                key=key,
                stem=Stem(prompt=prompt, form=StemForm.QUESTION, self_contained=True),
                accepted=accepted_answers(entity.name, kind=AnswerKind.PERSON, entity=entity),
                excluded_keys=frozenset({key}),
                answer_count=entity.count,
            )
        )
    return found


def _title_before(doc: Doc, *, start: int, end: int) -> str | None:
    """The modifiers left of a name that hang on it and contain no other name."""
    head = doc[start:end].root
    index = start - 1
    words = []
    while index >= 0:
        token = doc[index]
        if token.dep_ not in TITLE_DEPS or token.ent_type_ == "PERSON" or token.is_punct:
            break
        if token.head.i != head.i and token.head.i <= index:
            break
        words.insert(0, token)
        index -= 1
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS:
        return None
    if not any(token.pos_ == "NOUN" or token.is_title for token in words):
        return None
    return " ".join(token.text for token in words)
