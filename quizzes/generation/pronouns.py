"""Resolving "it" and "he" to the subject of the sentence before, so stems stand alone."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from quizzes.generation.bank import bank_kind
from quizzes.generation.entities import Entity, Mention, short_name
from quizzes.generation.firstnames import sex_of
from quizzes.generation.kinds import AnswerKind

THING_PRONOUNS = frozenset({"it", "its"})
# Subjects that name nobody in particular, so a later pronoun cannot stand for them.
VAGUE_HEADS = frozenset({"people", "others", "someone", "anyone", "everyone", "nobody"})
QUANTIFIERS = frozenset({"few", "many", "some", "most", "several", "all", "no", "any"})
# How far back a lone "he" or "she" may look for the only person named.
RECENT_SENTENCES = 2
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
POSSESSIVE_TAG = "PRP$"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
# A person named this often, and this many times more than anyone else, is the article's topic.
TOPIC_MENTIONS = 3
# "the Tagus River" can be what "the river" means; a one-word name has no such head noun.
MIN_NAME_WORDS = 2
TOPIC_LEAD = 2


def resolve_pronouns(
    doc: Doc,
    *,
    sentences: tuple[Span, ...],
    mentions: list[Mention],
    entities: dict[str, Entity],
    called: dict[str, str],
) -> dict[int, str]:
    """Token index to the words that replace it; only pronouns with a clear antecedent.
    `called` is each person's pronoun where the article shows it (`person_pronouns`)."""
    mention_at = {index: m for m in mentions for index in range(m.start, m.end)}
    replacements: dict[int, str] = {}
    # Replacements by the article's topic or the nearest person: kept only for a person the
    # article itself calls by that pronoun.
    guessed: set[int] = set()
    # A resolved subject pronoun passes its antecedent on: "Kenya ... It ... Its capital".
    chained: dict[int, tuple[str, bool]] = {}
    # Each person's short name, worked out once: it reads the whole text.
    text = sentences[0].doc.text if sentences else ""
    people = [entity for entity in entities.values() if entity.kind == AnswerKind.PERSON]
    shorts = {person.key: short_name(person, people, text) for person in people}
    topic_entity = _topic_entity(entities) or _opening_person(
        sentences, mention_at=mention_at, entities=entities
    )
    topic = (shorts[topic_entity.key] if topic_entity else None) or _subject_person(sentences)
    for number in range(1, len(sentences)):
        previous = _subject(sentences[number - 1])
        antecedent = None
        if previous is not None:
            antecedent = chained.get(previous.i) or _antecedent_text(
                previous, mention_at=mention_at, entities=entities, shorts=shorts
            )
        subject_seen = False
        for token in sentences[number]:
            lowered = token.lower_
            if token.dep_ in SUBJECT_DEPS:
                subject_seen = True
            elif subject_seen and token.tag_ == POSSESSIVE_TAG:
                continue  # "They advanced to their second appearance": their = they.
            if lowered not in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
                continue  # only a pronoun is replaced
            if _has_nearer_antecedent(token, mention_at=mention_at):
                nearer = _only_person_before(token, mention_at=mention_at, shorts=shorts)
                # A possessive next to its referent reads fine ("Putin signaled that his
                # government"); a subject pronoun opening a new clause does not.
                if nearer is not None and lowered in ("he", "she", "him"):
                    replacements[token.i] = nearer
                    guessed.add(token.i)
                elif lowered == "it" and token.dep_ in SUBJECT_DEPS:
                    thing = _subject_before_break(token)
                    if thing is not None:
                        replacements[token.i] = thing
                continue
            if (
                lowered in ("he", "she")
                and token.dep_ in SUBJECT_DEPS
                and (antecedent is None or not antecedent[1])
            ):
                # "Napoleon had returned ... The battle ended his rule ... He was exiled":
                # the one person named just before is who "he" is.
                recent = _only_recent_person(sentences, number, mention_at=mention_at)
                unnamed = _unlabelled_name(previous, mention_at=mention_at)
                if unnamed is not None:
                    # "Tesla gained ... for Thomas Edison. He soon ...": the subject before
                    # is who "he" is, even when the model did not see a person in it.
                    replacements[token.i] = unnamed
                elif (
                    recent is not None
                    and not _told_of_another(previous, recent, topic)
                    and not _not_the_topics_pronoun(
                        recent, lowered, topic=topic_entity, called=called
                    )
                ):
                    # The name as just written ("Napoleon Bonaparte"), or where that was one
                    # word, the person's short name ("Pliny the Younger", not "Younger").
                    replacements[token.i] = (
                        shorts.get(recent.key, recent.text)
                        if " " not in recent.text
                        else recent.text
                    )
                elif topic is not None:
                    replacements[token.i] = topic
                    guessed.add(token.i)
                if token.i in replacements:
                    # "He became an expert ... Edison's inventions. In 1890 he published":
                    # a "he" that goes on from the "he" before is that same person.
                    chained[token.i] = (replacements[token.i], True)
                continue
            if lowered in PERSON_PRONOUNS and (antecedent is None or not antecedent[1]):
                # In a life story, "he" with no one nearer is the person the article is about.
                unlabelled = _unlabelled_name(previous, mention_at=mention_at)
                name = unlabelled or topic
                if name is not None:
                    replacements[token.i] = f"{name}'s" if token.tag_ == POSSESSIVE_TAG else name
                    if unlabelled is None:
                        guessed.add(token.i)
                continue
            if antecedent is None or previous is None:
                continue
            name, is_person = antecedent
            if lowered in THING_PRONOUNS and (
                is_person
                or not _is_singular(previous)
                or _other_it(sentences[number - 1], previous)
                or _made_thing(previous)
            ):
                continue
            if lowered in PLURAL_PRONOUNS and not _is_plural(previous):
                continue
            if lowered not in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
                continue
            said = mention_at.get(previous.i)
            if (
                is_person
                and lowered in ("he", "she")
                and said is not None
                and _not_the_topics_pronoun(said, lowered, topic=topic_entity, called=called)
            ):
                # "Sophia Auld began teaching him ... He carried on learning": the story's
                # subject, not the one who was the sentence before's.
                name = topic
            if token.tag_ == POSSESSIVE_TAG or (lowered == "its"):
                replacements[token.i] = f"{name}'" if lowered == "their" else f"{name}'s"
            elif token.dep_ in SUBJECT_DEPS or lowered in ("him", "it", "them"):
                replacements[token.i] = name
                if token.dep_ in SUBJECT_DEPS:
                    chained[token.i] = antecedent
    replacements = _agreeing(
        replacements,
        doc=doc,
        entities=entities,
        called=called,
        guessed=guessed,
    )
    return {
        index: text
        for index, text in replacements.items()
        if not _bound_by_subject(doc[index], text)
        and not _named_subject_before(doc[index], text)
        and not _said_of_themselves(doc[index], text, replacements)
    }


# "Mrs Bell" is a "she", "Mr Okafor" a "he", whatever the sentences around them say.
TITLE_PRONOUN = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})


def person_pronouns(
    sentences: tuple[Span, ...], *, mention_at: dict[int, Mention]
) -> dict[str, str]:
    """Each person's pronoun, "m" (he) or "f" (she), where the article shows it one way only.

    It is read from sentences that name exactly one person and use one set of pronouns, and
    from a possessive on the object of a person's own verb ("Sam had wheeled his bicycle").
    """
    called: dict[str, set[str]] = {}
    doc = sentences[0].doc if sentences else None
    # The sex a person's first name gives: a sentence that names John Ruskin and says "she"
    # is about someone else, whatever else it names.
    by_name: dict[str, str] = {}
    for mention in mention_at.values():
        if mention.kind == AnswerKind.PERSON and (sex := sex_of(mention.text)) is not None:
            by_name[mention.key] = sex
    for mention in {m.key: m for m in mention_at.values()}.values():
        words = [mention.text.split()[0]]
        if doc is not None and mention.start > 0:
            words.append(doc[mention.start - 1].text)  # "Mr" left outside the name
        titles = {w.casefold().rstrip(".") for w in words} & TITLE_PRONOUN.keys()
        if mention.kind == AnswerKind.PERSON and len(titles) == 1:
            called.setdefault(mention.key, set()).add(TITLE_PRONOUN[titles.pop()])
    for sentence in sentences:
        people = {
            mention_at[t.i].key
            for t in sentence
            if t.i in mention_at and mention_at[t.i].kind == AnswerKind.PERSON
        }
        words = {t.lower_ for t in sentence if t.pos_ == "PRON"}
        forms = {"m" for w in words if w in MALE} | {"f" for w in words if w in FEMALE}
        if len(people) == 1 and len(forms) == 1:
            person = next(iter(people))
            if by_name.get(person, next(iter(forms))) in forms:
                called.setdefault(person, set()).update(forms)
        for token in sentence:
            if token.tag_ != POSSESSIVE_TAG or token.lower_ not in MALE | FEMALE:
                continue
            verb = token.head.head
            subjects = [
                mention_at[child.i].key
                for child in verb.children
                if child.dep_ in SUBJECT_DEPS
                and child.i in mention_at
                and mention_at[child.i].kind == AnswerKind.PERSON
            ]
            if len(subjects) == 1:
                called.setdefault(subjects[0], set()).add("m" if token.lower_ in MALE else "f")
    return {key: next(iter(forms)) for key, forms in called.items() if len(forms) == 1}


def _agreeing(
    replacements: dict[int, str],
    *,
    doc: Doc,
    entities: dict[str, Entity],
    called: dict[str, str],
    guessed: set[int] = frozenset(),
) -> dict[int, str]:
    """The replacements whose person the article does not call by the other pronoun:
    "Only Sam. She remembered that Sam had wheeled his bicycle out": "she" is not Sam. A
    guessed one (the topic, the nearest name) needs the article to call the person so: a
    ship is "she", and the king it was named after is not."""
    by_name: dict[str, str] = {}
    for key, entity in entities.items():
        for alias in entity.aliases | {entity.name, entity.name.split()[-1]}:
            by_name.setdefault(alias, key)
    surnames = Counter(
        entity.name.split()[-1] for entity in entities.values() if entity.kind == AnswerKind.PERSON
    )
    kept = {}
    for index, text in replacements.items():
        word = doc[index].lower_
        form = "m" if word in MALE else "f" if word in FEMALE else None
        bare = text.removesuffix("'s")
        key = by_name.get(bare)
        # A surname two people share ("Lehmann") says nothing of which one's first name.
        named = sex_of(entities[key].name) if key is not None and surnames[bare] <= 1 else None
        if form is not None and key is not None and called.get(key, named or form) != form:
            continue  # the article, or else the first name, gives this person the other one
        if form is not None and index in guessed and (key is None or called.get(key) != form):
            continue  # no sentence shows this person as a "she" (or a "he")
        kept[index] = text
    return kept


OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, or of the verb it is joined to: "Priya lifted her ... and
    carried her home" has Priya as the subject of both."""
    while True:
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        if subjects or verb.dep_ != "conj" or verb.head is verb:
            return subjects
        verb = verb.head


def _bound_by_subject(pronoun: Token, text: str) -> bool:
    """An object pronoun is never its own clause's subject: in "Priya lifted her", "her" is
    someone other than Priya (she would be "herself")."""
    if pronoun.dep_ not in OBJECT_DEPS or pronoun.tag_ == POSSESSIVE_TAG:
        return False
    return any(
        _same_name(subject.text, text) or _same_name(_phrase(subject), text)
        for subject in _clause_subjects(pronoun.head)
    )


def _said_of_themselves(pronoun: Token, text: str, replacements: dict[int, str]) -> bool:
    """ "Local resident George Finch said he had always returned his books": the one who
    said it is who "he" is, in the sentence itself, so "said Finch had" only repeats him."""
    child = pronoun
    for verb in pronoun.ancestors:
        reported, child = child.dep_ == "ccomp", verb
        if not reported:
            continue  # only what a subject says, thinks or believes of itself
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            if subject.i == pronoun.i or subject.i > pronoun.i:
                continue
            said = replacements.get(subject.i, _phrase(subject) or subject.text)
            if _same_name(said, text) or _same_name(
                " ".join(t.text for t in subject.subtree), text
            ):
                return True
    return False


def _named_subject_before(pronoun: Token, text: str) -> bool:
    """A name is the subject of an earlier clause of the pronoun's own sentence, and the
    replacement is someone else: "Biscuit was sixty-two years old, and he lived in a pen" is
    about Biscuit, whom the model may not know as a person, so no one from elsewhere fits."""
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in SUBJECT_DEPS:
        return False
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if (
            token.dep_ in SUBJECT_DEPS
            and token.pos_ == "PROPN"
            and not (_same_name(_phrase(token), text) or _same_name(token.text, text))
        ):
            return True
    return False


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree if t.pos_ == "PROPN")


def _same_name(first: str, second: str) -> bool:
    first, second = first.removesuffix("'s").casefold(), second.removesuffix("'s").casefold()
    if not first or not second:
        return False
    one, other = set(first.split()), set(second.split())
    return one <= other or other <= one


def _told_of_another(previous: Token | None, recent: Mention, topic: str | None) -> bool:
    """Whether the sentence before is about someone else: its subject is a "he" or "she" of
    its own, while the one person it names ("Thomas Edison's inventions") is only mentioned."""
    if previous is None or previous.lower_ not in ("he", "she"):
        return False
    return topic is None or not recent.text.endswith(topic)


def _subject_before_break(pronoun: Token) -> str | None:
    """ "A platted town was established there in 1822; it was named after Andrew Jackson":
    after a semicolon, "it" is the thing the first half was about."""
    sentence = pronoun.sent
    breaks = [t.i for t in sentence if t.text == ";" and t.i < pronoun.i]
    if not breaks or any(t.i > breaks[-1] and t.i < pronoun.i and not t.is_punct for t in sentence):
        return None  # Only a clause that opens with "it" right after the semicolon.
    subject = next((t for t in sentence if t.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > breaks[-1] or subject.pos_ != "NOUN":
        return None
    if subject.tag_ != "NN" or any(t.lower_ in THING_PRONOUNS for t in sentence if t.i < pronoun.i):
        return None
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ in ("amod", "compound")]
    return " ".join(["the", *(t.text for t in words), subject.text])


def _other_it(sentence: Span, subject: Token) -> bool:
    """ "The cost is high, but the endowment allows it to ... It operates museums": with an
    "it" of its own, the sentence before offers two things "it" could be."""
    inside = {t.i for t in subject.subtree}
    second_subject = next(
        (
            t.i
            for t in sentence
            if t.dep_ in SUBJECT_DEPS and t.i not in inside and t.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if second_subject is None:
        return False
    # "The engine, in that it could ...": an "it" inside the subject is the subject itself.
    return any(
        t.lower_ in THING_PRONOUNS and t.i not in inside and t.i > second_subject for t in sentence
    )


def _made_thing(subject: Token) -> bool:
    """ "The Roman Empire built a great wall ... It is the largest Roman structure", "Three
    people founded the National Trust ... Its first gift": a thing the subject made, found
    or built is as likely what "it" is as the subject itself."""
    verb = subject.head
    return any(child.dep_ == "dobj" and child.tag_ in SINGULAR_TAGS for child in verb.children)


def _unlabelled_name(subject: Token | None, *, mention_at: dict[int, Mention]) -> str | None:
    """A one-word proper name as the subject, which the model gave no label."""
    if subject is None or subject.i in mention_at or subject.pos_ != "PROPN":
        return None
    if subject.tag_ != "NNP" or any(
        child.dep_ in ("compound", "det") for child in subject.children
    ):
        return None
    return subject.text


def _topic_entity(entities: dict[str, Entity]) -> Entity | None:
    """The one person the article is mostly about, if there is one."""
    people = sorted(
        (entity for entity in entities.values() if entity.kind == AnswerKind.PERSON),
        key=lambda entity: -entity.count,
    )
    if not people or people[0].count < TOPIC_MENTIONS:
        return None
    if len(people) > 1 and people[1].count * TOPIC_LEAD > people[0].count:
        return None
    return people[0]


def _opening_person(
    sentences: tuple[Span, ...], *, mention_at: dict[int, Mention], entities: dict[str, Entity]
) -> Entity | None:
    """The person a life story opens with: "Mary Somerville was a Scottish mathematician ...
    She was born Mary Fairfax", whatever other names the article later gives her (Mary,
    Somerville), which the model does not count as the same person."""
    if len(sentences) < 2:
        return None
    first, second = _subject(sentences[0]), _subject(sentences[1])
    if first is None or second is None or second.lower_ not in ("he", "she"):
        return None
    mention = mention_at.get(first.i)
    if mention is None or mention.kind != AnswerKind.PERSON:
        return None
    return entities.get(mention.key)


def _not_the_topics_pronoun(
    recent: Mention, pronoun: str, *, topic: Entity | None, called: dict[str, str]
) -> bool:
    """In a life story, "He carried on learning" after "Sophia Auld began teaching him" is the
    subject of the story, not the one person named just before, unless the article shows that
    person by this pronoun: the nearest name of unknown sex is only a guess."""
    if topic is None or recent.key == topic.key:
        return False
    return called.get(recent.key) != ("m" if pronoun == "he" else "f")


def _subject_person(sentences: tuple[Span, ...]) -> str | None:
    """The one name that opens several sentences and is then called "he" or "she".

    "Tesla gained experience ... He soon struck out": whatever label the model gave Tesla,
    the article is his life story, and a "his" with no one nearer is his.
    """
    opened: Counter[str] = Counter()
    followed: set[str] = set()
    subjects = [_subject(sentence) for sentence in sentences]
    for number, subject in enumerate(subjects):
        if subject is None or subject.tag_ != "NNP" or not subject.is_title:
            continue
        if any(child.dep_ in ("compound", "det", "amod") for child in subject.children):
            continue
        opened[subject.text] += 1
        after = subjects[number + 1] if number + 1 < len(subjects) else None
        if after is not None and after.lower_ in ("he", "she"):
            followed.add(subject.text)
    names = [
        name
        for name, count in opened.items()
        if count >= TOPIC_MENTIONS - 1 and name in followed and bank_kind(name) is None
    ]
    return names[0] if len(names) == 1 else None


def resolve_demonstratives(doc: Doc, *, sentences: tuple[Span, ...]) -> dict[int, str]:
    """ "... most of the Amazon basin. This basin encompasses ...": "this basin" is the one
    just named, and a stem cut from the second sentence says which. "These functions" may
    sum up a list, so only a singular noun is resolved."""
    replacements: dict[int, str] = {}
    for number in range(1, len(sentences)):
        for token in sentences[number]:
            noun = token.head
            if token.lower_ != "this" or token.dep_ != "det" or noun.tag_ != "NN":
                continue
            if any(child.i < noun.i and child.i != token.i for child in noun.children):
                continue  # "these new centres" is not how the centres were named before.
            named = _named_before(sentences[number - 1], noun)
            if named is not None:
                replacements[token.i] = named
    return replacements


def _named_before(sentence: Span, noun: Token) -> str | None:
    """The modifiers that named `noun` last time ("the Amazon"), if one phrase did."""
    found = []
    for token in sentence:
        if token.lower_ != noun.lower_ or token.tag_ != noun.tag_:
            continue
        words = [t for t in token.lefts if t.dep_ not in ("det", "punct")]
        if not words or any(t.dep_ == "poss" or t.tag_ in ("PRP$", "POS") for t in words):
            continue
        if not all(t.dep_ in ("compound", "amod") and not list(t.children) for t in words):
            continue
        found.append(" ".join(["the", *(t.text for t in words)]))
    return found[0] if len(set(found)) == 1 else None


def resolve_definite_nouns(doc: Doc, *, mentions: list[Mention]) -> dict[int, str]:
    """ "the Tagus River, close to where the river meets the ocean": "the river" is the name
    given earlier in the sentence, and a stem cut from the later clause needs that name."""
    replacements: dict[int, str] = {}
    for mention in mentions:
        words = mention.text.split()
        if len(words) < MIN_NAME_WORDS:
            continue
        last = words[-1].casefold()
        sentence = doc[mention.start].sent
        for token in doc[mention.end : sentence.end]:
            if token.lower_ != last or token.pos_ != "NOUN" or token.is_title:
                continue
            children = list(token.children)
            if [child.lower_ for child in children if child.i < token.i] != ["the"]:
                continue
            before = "the " if mention.start > 0 and doc[mention.start - 1].lower_ == "the" else ""
            replacements[children[0].i] = ""
            replacements[token.i] = f"{before}{mention.text}"
    return replacements


def _is_singular(subject: Token) -> bool:
    """A resolved "it" passes its antecedent on, and is as singular as the name it stands for."""
    return subject.tag_ in SINGULAR_TAGS or subject.lower_ == "it"


def _is_plural(subject: Token) -> bool:
    return subject.tag_ in PLURAL_TAGS or subject.lower_ == "they"


def _has_nearer_antecedent(pronoun: Token, *, mention_at: dict[int, Mention]) -> bool:
    """ "Putin signaled that his government ...": a name earlier in the sentence comes first."""
    sentence = pronoun.sent
    for token in sentence:
        if token.i >= pronoun.i:
            return False
        if pronoun.lower_ in PERSON_PRONOUNS:
            mention = mention_at.get(token.i)
            if mention is not None and mention.kind == AnswerKind.PERSON:
                return True
        elif token.dep_ in SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN"):
            # Only a thing can be "it": a person named first does not compete.
            mention = mention_at.get(token.i)
            if mention is None or mention.kind != AnswerKind.PERSON:
                return True
        elif (
            pronoun.lower_ in THING_PRONOUNS
            and pronoun.dep_ not in SUBJECT_DEPS
            and token.dep_ == "dobj"
            and token.tag_ == "NN"
        ):
            # "watched the eruption ... and described it": the object just before is nearer
            # than the subject of the sentence before.
            return True
    return False


def _only_recent_person(
    sentences: tuple[Span, ...], number: int, *, mention_at: dict[int, Mention]
) -> Mention | None:
    """The single person named in the last few sentences, if exactly one was."""
    people: dict[str, Mention] = {}
    for earlier in sentences[max(0, number - RECENT_SENTENCES) : number]:
        for token in earlier:
            mention = mention_at.get(token.i)
            if mention is not None and mention.kind == AnswerKind.PERSON:
                people[mention.key] = mention  # the latest wording, as the text last used it
    return next(iter(people.values())) if len(people) == 1 else None


def _only_person_before(
    pronoun: Token, *, mention_at: dict[int, Mention], shorts: dict[str, str]
) -> str | None:
    """ "Putin ..., but he still demanded": one person named before the pronoun is its referent."""
    keys = {
        mention_at[token.i].key
        for token in pronoun.sent
        if token.i < pronoun.i
        and token.i in mention_at
        and mention_at[token.i].kind == AnswerKind.PERSON
    }
    if pronoun.dep_ not in SUBJECT_DEPS:
        # "Fust sued him": "him" is never the subject of its own verb.
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        keys -= {
            mention_at[token.i].key
            for child in verb.children
            if child.dep_ in SUBJECT_DEPS
            for token in child.subtree
            if token.i in mention_at
        }
    if len(keys) != 1:
        return None
    if any(
        token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.i not in mention_at
        for token in pronoun.sent
        if token.i < pronoun.i
    ):
        # "Inge Lehmann became an assistant to Norlund, and she met": a subject the model
        # did not label is a second person before the pronoun, so it is not clear who.
        return None
    return shorts.get(next(iter(keys)))


def _subject(sentence: Span) -> Token | None:
    return next((t for t in sentence.root.children if t.dep_ in SUBJECT_DEPS), None)


# Entity labels of names, which keep their capitals; a number opening its sentence does not
# ("one of the thirteen men", not "the Thirteen men").
NAME_ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT"})


def _antecedent_text(
    subject: Token,
    *,
    mention_at: dict[int, Mention],
    entities: dict[str, Entity],
    shorts: dict[str, str],
) -> tuple[str, bool] | None:
    mention = mention_at.get(subject.i)
    if mention is not None:
        entity = entities.get(mention.key)
        name = entity.name if entity and mention.kind == AnswerKind.PERSON else mention.text
        if mention.kind == AnswerKind.PERSON:
            return shorts.get(mention.key, name.split()[-1]), True
        return (f"the {name}" if subject.doc[mention.start - 1].lower_ == "the" else name), False
    if subject.pos_ not in ("NOUN", "PROPN") or subject.is_stop:
        return None  # "one can still find ...": "one" is nobody in particular.
    if subject.lower_ in VAGUE_HEADS or any(
        child.lower_ in QUANTIFIERS for child in subject.children if child.i < subject.i
    ):
        return None  # "Few people believed them. They ...": "they" are not the few people.
    words = [
        t for t in subject.subtree if t.i < subject.i and t.dep_ in ("compound", "amod", "nmod")
    ]
    before = [
        t
        for t in subject.subtree
        if t.i < subject.i and not (t.dep_ == "det" and t.head == subject)
    ]
    if len(words) != len(before):
        # "the 9-metre yacht", "the emperor's own burial chamber": a word between is not kept,
        # and "the metre yacht" or "the own burial chamber" is nothing the article says.
        return None
    text = " ".join(
        t.text
        if t.pos_ == "PROPN"
        or t.ent_type_ in NAME_ENTITY_LABELS
        or (t.is_title and not t.is_sent_start)
        # "The Beagle" opening its sentence is still the Beagle.
        or (t.is_title and t.i > 0 and t.doc[t.i - 1].lower_ == "the" and t.pos_ != "ADJ")
        else t.lower_
        for t in [*words, subject]
    )
    if subject.pos_ == "PROPN" and not any(child.lower_ == "the" for child in subject.children):
        return text, False  # "Mount Vesuvius", not "the Mount Vesuvius".
    return f"the {text}", False
