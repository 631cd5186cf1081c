"""Questions on the titles people hold: "White House press secretary Karoline Leavitt"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from quizzes.generation.answers import accepted_answers
from quizzes.generation.bank import bank_kind
from quizzes.generation.entities import is_common_word
from quizzes.generation.kinds import AnswerKind
from quizzes.generation.rules import Veto
from quizzes.generation.stems import Stem, StemForm

if TYPE_CHECKING:
    from quizzes.generation.candidates import Candidate
    from quizzes.generation.reading import Reading

TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
# An article cannot follow a determiner or possessive; after a noun it reads as
# apposition ("his old pal the Russian President").
NO_ARTICLE_AFTER = frozenset({"PROPN", "DET", "PRON", "PART", "ADJ"})
# One word ("President") names an office held by many; two ("Russian President") name one.
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 6
# A title that names a nation ("Russian President", "U.S. Secretary of State") is a national
# office: who holds it is general knowledge, not something the article teaches.
NATION_LABELS = frozenset({"NORP", "GPE"})
# Forms of address that belong with the name, not the title: "Botanist Dr Rhys Calloway" is
# a botanist, and "Who was the Botanist Dr?" is no question.
FORMS_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame"})


def person_titles(
    reading: Reading, *, min_words: int = MIN_TITLE_WORDS
) -> dict[str, tuple[str, int]]:
    """Each person's title, when the article gives it to that person alone.

    Maps the person's key to the title as written and where it was first found. A title of
    one word ("quarterback") is enough to refer to someone, not to ask who they are.
    """
    titles: dict[str, list[tuple[int, str, str]]] = {}
    for mention in reading.mentions:
        if mention.kind != AnswerKind.PERSON or mention.start in reading.blocked:
            continue
        title = _title_before(
            reading.doc, start=mention.start, end=mention.end, min_words=min_words
        )
        if title:
            titles.setdefault(title.casefold(), []).append((mention.start, mention.key, title))
    found: dict[str, tuple[str, int]] = {}
    for holders in titles.values():
        if len({key for _, key, _ in holders}) != 1:
            continue  # Two people with one title: "Who is the ..." has no single answer.
        start, key, title = holders[0]
        found.setdefault(key, (title, start))
    return found


def title_candidates(reading: Reading) -> list[Candidate | Veto]:
    """ "Who was the White House press secretary?" for each title one person holds; a
    national office's holder is vetoed (`answer.office_holder`)."""
    from quizzes.generation.candidates import Candidate

    found: list[Candidate | Veto] = []
    for key, (title, start) in person_titles(reading).items():
        entity = reading.entities[key]
        sentence = reading.sentences[reading.sentence_of[start]]
        if _names_nation(reading.doc, start=start, title=title):
            found.append(Veto("answer.office_holder", reading.sentence_of[start], entity.name))
            continue
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


def _names_nation(doc: Doc, *, start: int, title: str) -> bool:
    words = len(title.split())
    return any(token.ent_type_ in NATION_LABELS for token in doc[max(0, start - words) : start])


def hidden_names(reading: Reading) -> dict[int, list[tuple[int, int, dict[int, str]]]]:
    """Per sentence, titled names a stem can show by title alone, hiding another answer.

    "talks with Ukrainian President Volodymyr Zelenskiy" becomes "talks with the Ukrainian
    President", so the question does not give away the answer to "Who was the Ukrainian
    President?". Each entry is (title start, name end, token replacements).
    """
    doc = reading.doc
    titles = person_titles(reading, min_words=1)
    found: dict[int, list[tuple[int, int, dict[int, str]]]] = {}
    for mention in reading.mentions:
        if mention.kind != AnswerKind.PERSON:
            continue
        first = _title_start(doc, start=mention.start, end=mention.end)
        if first is not None:
            replacements = {first: f"the {_title_word(doc[first])}"}
            names = range(mention.start, mention.end)
        elif mention.key in titles:
            # "Putin bailed on talks": the title alone still says who, without the name.
            first = mention.start
            replacements = {first: f"the {titles[mention.key][0]}"}
            names = range(mention.start + 1, mention.end)
        else:
            continue
        if first > 0 and doc[first - 1].pos_ in NO_ARTICLE_AFTER:
            continue
        replacements.update({index: "" for index in names})
        # "the marine biologist", without the "Dr" that stood before the name.
        replacements.update(
            {i: "" for i in range(first + 1, mention.start) if _is_form_of_address(doc[i])}
        )
        sentence = reading.sentence_of[mention.start]
        found.setdefault(sentence, []).append((first, mention.end, replacements))
    return found


def titled_pronouns(reading: Reading) -> dict[int, str]:
    """Resolved pronouns, with a titled person named by title: "sacked him" becomes "sacked
    the quarterback" rather than "sacked Newton", which would give away another answer."""
    titles = person_titles(reading, min_words=1)
    by_name = {
        alias.split()[-1]: title
        for key, (title, _) in titles.items()
        for alias in reading.entities[key].aliases
    }
    rewritten = {}
    for index, text in reading.replacements.items():
        name = text.removesuffix("'s")
        if name in by_name:
            text = f"the {by_name[name]}" + ("'s" if text.endswith("'s") else "")
        rewritten[index] = text
    return rewritten


def _title_start(doc: Doc, *, start: int, end: int) -> int | None:
    if _title_before(doc, start=start, end=end, min_words=1) is None:
        return None
    index = start
    while index > 0 and doc[index - 1].dep_ in TITLE_DEPS and not doc[index - 1].is_punct:
        index -= 1
    return index if index < start else None


def _title_before(
    doc: Doc, *, start: int, end: int, min_words: int = MIN_TITLE_WORDS
) -> str | None:
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
    while words and _is_form_of_address(words[-1]):
        words.pop()
    if not min_words <= len(words) <= MAX_TITLE_WORDS:
        return None
    if len(words) == 1 and not (words[0].pos_ == "NOUN" and words[0].is_lower):
        return None  # "President" alone names an office, "quarterback" a role in the story.
    if not any(token.pos_ == "NOUN" or token.is_title for token in words):
        return None
    return " ".join(_title_word(token) for token in words)


def _is_form_of_address(token: Token) -> bool:
    return token.lower_.rstrip(".") in FORMS_OF_ADDRESS


def _title_word(token: Token) -> str:
    """ "Marine biologist Terry Hughes" opens a sentence; the title is "marine biologist",
    while "Finnish Prime Minister" keeps its capitals."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        token.is_sent_start
        and following is not None
        and following.is_lower
        and bank_kind(token.text) is None
        and is_common_word(token.text)
    ):
        return token.lower_
    return token.text
