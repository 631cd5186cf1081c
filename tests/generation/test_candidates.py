from quizzes.generation.candidates import build_candidates
from quizzes.generation.kinds import AnswerKind
from quizzes.generation.reading import read
from tests.generation.helpers import distractors_for


def prompts(text: str) -> list[str]:
    return [candidate.stem.prompt for candidate in build_candidates(read(text))]


def test_titled_person_gets_a_who_is_the_title_question():
    text = (
        "Festival director Anna Korhonen opened the summit in Oulu on Monday. "
        "The talks lasted three days and ended with a joint statement."
    )

    found = prompts(text)

    assert "Who is the festival director?" in found or "Who was the festival director?" in found


def test_a_national_office_is_no_who_is_the_title_question():
    # Who holds a country's highest offices is general knowledge, not read in the article.
    text = (
        "Finnish Prime Minister Anna Korhonen opened the summit in Oulu on Monday. "
        "The talks lasted three days and ended with a joint statement."
    )

    found = prompts(text)

    assert not any(prompt.startswith(("Who is the", "Who was the")) for prompt in found)


def test_other_stems_name_a_titled_person_by_title_alone():
    text = (
        "Finnish Prime Minister Anna Korhonen met Estonian President Mart Tamm in Oulu in 2021. "
        "Tamm later signed a new border treaty in Tallinn."
    )

    found = prompts(text)

    assert any("the Estonian President" in p and "Tamm" not in p for p in found)


def test_claims_in_reported_speech_are_not_asked_as_facts():
    text = (
        "The mayor said that the bridge would open in Lyon in 2030. The old bridge was built "
        "in 1890 by local engineers."
    )

    found = prompts(text)

    assert "Which city would the bridge open in in 2030?" not in found
    assert not any(p.startswith("In what year would the bridge open") for p in found)


def test_a_name_the_text_also_makes_right_is_not_a_distractor():
    text = (
        "Norway signed the Arctic fishing treaty in Tromso. Canada refused to sign it at first. "
        "Later Denmark signed the Arctic fishing treaty as well. Sweden and Finland watched."
    )

    wrong = distractors_for(text, "Norway")

    assert len(wrong) == 3
    assert "Denmark" not in wrong


def test_date_distractors_keep_the_answers_form():
    text = (
        "The dam was opened on March 4, 1931 by the governor. Engineers from Oslo had designed "
        "it over four years. The reservoir now supplies the city of Bergen."
    )

    wrong = distractors_for(text, "March 4, 1931")

    assert len(wrong) == 3
    assert all(choice.endswith(", 1931") and choice.split()[0][0].isupper() for choice in wrong)


def test_number_distractors_keep_words_as_words():
    text = (
        "The expedition lost seven horses in the mountains. Its leader, Tomas Berg, returned "
        "to Trondheim in 1911 and wrote a book about the journey."
    )

    wrong = distractors_for(text, "seven")

    assert len(wrong) == 3
    assert all(choice.isalpha() and choice.islower() for choice in wrong)


def test_noun_phrase_answers_are_short_answer_only():
    text = (
        "The council built the Lange footbridge over the river in 2004. The footbridge connects "
        "the old town with the railway station in Aarhus."
    )

    things = [c for c in build_candidates(read(text)) if c.kind == AnswerKind.THING]

    assert things
    assert all(not distractors_for(text, c.answer) for c in things[:1])


def test_person_distractors_exclude_the_answers_other_names():
    text = (
        "Maria Lopez founded the Harbour Choir in Dundee in 1988. Omar Said, Lucy Grant and "
        "Ian Bell joined the choir in 1990. Lopez led the choir until 2004, when Omar Said took "
        "over."
    )

    wrong = distractors_for(text, "Maria Lopez")

    assert len(wrong) == 3
    assert not {"Lopez", "Maria Lopez", "Maria"} & set(wrong)
    assert {"Omar Said", "Lucy Grant"} <= set(wrong)


def test_dateline_is_not_part_of_any_stem():
    text = (
        "OSLO (Reuters) — Norway's parliament approved a new fishing law on Tuesday after a "
        "long debate. The law limits catches in the Barents Sea from 2026."
    )

    found = prompts(text)

    assert found
    assert not any("Reuters" in p or "OSLO" in p for p in found)


def test_two_part_sentence_offers_the_answers_own_part_as_the_plainer_stem():
    text = (
        "The bridge opened to traffic in 1932. "
        "By the end of the strike in March 1951, the price of bread had risen from 4 pence to "
        "nearly 9 pence; meat prices were much higher."
    )

    candidates = build_candidates(read(text))

    march = next(c for c in candidates if c.answer == "March 1951")
    assert march.alternative is not None
    assert ";" not in march.alternative.prompt
    assert "meat prices" not in march.alternative.prompt
    assert "_____" in march.alternative.prompt


def test_a_dropped_opening_date_leaves_no_comma_and_a_plain_adjective_name_stays_whole():
    text = (
        "The Black Death is thought to have started in Central Asia. In October 2010, "
        "geneticists suggested that the Black Death spread from China along trade routes. "
        "The Black Death killed millions in Europe."
    )

    stems = [stem.prompt for c in build_candidates(read(text)) for stem in c.stems]

    assert stems
    assert not any(prompt[0] in ",;:" for prompt in stems)
    # The Black Death is no "death": after a plain word, a name's last word is no kind.
    assert not any("the death" in prompt.casefold() for prompt in stems)


def test_a_term_the_sentence_names_is_asked_even_if_said_once():
    text = (
        "The property of being prime is called primality. A teacher who teaches on an "
        "individual basis may be described as a tutor. Schools hire many teachers."
    )

    found = {c.answer: c for c in build_candidates(read(text))}

    assert found["primality"].stem.prompt == "What is the property of being prime called?"
    assert "tutor" in found


def test_a_lean_stem_leaves_out_a_circumstance_that_names_others():
    text = (
        "The new idea found little support among engineers until the work of Donald Davies "
        "at the National Physical Laboratory in the late 1960s. Davies later wrote two books."
    )

    found = {c.answer: c for c in build_candidates(read(text))}

    support = found["little support"]
    assert support.lean is not None
    assert support.lean.prompt == "The new idea found _____ among engineers."
    # A name opening the sentence keeps its capital when the question moves it.
    assert found["two"].stem.prompt == "How many books did Davies write?"


def test_a_name_inside_a_title_is_not_asked():
    text = (
        "The quarterback Daniel Ashford was named the NFL Most Valuable Player in 2015. "
        "The NFL awarded the prize in Miami."
    )

    found = build_candidates(read(text))

    assert all("Most Valuable Player?" not in c.stem.prompt for c in found if c.answer == "NFL")


def test_pieces_of_names_and_leaning_adverbs_are_not_answers():
    text = (
        "The Treaty on the Functioning of the European Union was signed in Lisbon. Even "
        "simple unicellular organisms possess a rudimentary defence. The Secretary of State "
        "met the envoy in 2007."
    )

    answers = {c.answer for c in build_candidates(read(text))}

    assert not answers & {"Functioning", "Treaty", "State"}
    assert "Even simple unicellular organisms" not in answers


def test_a_dateline_place_stays_out_of_every_stem():
    text = (
        "By Claire Vasseur\n\nTOURS, France, 17 May — The Musée Delaunay-Royer, a regional "
        "museum of decorative arts, reopened to the public on Saturday after a renovation. "
        "The work cost 14.5 million euros and began in January 2022."
    )

    stems = [s.prompt for c in build_candidates(read(text)) for s in c.stems]

    assert stems
    assert not any("country" in prompt or "TOURS" in prompt for prompt in stems)
    assert not any("_____reopened" in prompt for prompt in stems)


def test_when_said_loosely_is_not_an_answer():
    text = (
        "The telescope was carried into orbit by the shuttle on 24 April 1990 and released "
        "the following day. The Broncos finished the regular season with a 12–4 record."
    )

    answers = {c.answer for c in build_candidates(read(text))}

    assert "following day" not in answers
    assert "regular season" not in answers


def test_a_lean_stem_keeps_what_a_verb_links():
    text = (
        "The Suez Canal, an artificial waterway in Egypt, links the Mediterranean Sea at Port "
        "Said with the Red Sea at the city of Suez. Work on it began on 25 April 1859."
    )

    canal = next(c for c in build_candidates(read(text)) if c.answer == "Suez Canal")

    assert all("Red Sea" in stem.prompt for stem in canal.stems)


def test_rivals_the_article_files_under_another_noun_are_no_choices():
    text = (
        "The telescope was built by NASA. The Lockheed company assembled the spacecraft, "
        "while the optical firm Perkin-Elmer ground its mirror. In 1995 it looked at the "
        "constellation Ursa Major for ten days."
    )

    reading = read(text)
    lockheed = next(c for c in build_candidates(reading) if c.answer == "Lockheed")

    assert "Ursa Major" not in distractors_for(text, lockheed.answer)


def test_a_noun_the_parser_took_for_a_verb_makes_no_clause():
    text = (
        "The optical firm Perkin-Elmer ground its main mirror, a glass disc 2.4 metres "
        "across. The telescope was launched in 1990."
    )

    stems = [s.prompt for c in build_candidates(read(text)) for s in c.stems]

    assert not any(prompt.startswith("A glass disc") for prompt in stems)


def test_instead_of_stays_and_a_lake_is_no_person():
    text = (
        "Chief engineer John Frank Stevens persuaded President Theodore Roosevelt to build a "
        "canal with locks instead of a sea-level one. In 1977 US President Jimmy Carter "
        "signed the treaties. The ships rise 26 metres to Gatun Lake."
    )

    reading = read(text)
    stems = [s.prompt for c in build_candidates(reading) for s in c.stems]

    assert any("locks instead of a sea-level one" in prompt for prompt in stems)
    assert all(m.kind != AnswerKind.PERSON for m in reading.mentions if m.text == "Gatun Lake")


def test_a_ship_called_after_a_word_keeps_its_name_and_two_subjects_ask_nothing():
    text = (
        "In 1831 Darwin was offered a place aboard HMS Beagle, a survey ship. In 1835 the "
        "Beagle visited the Galápagos Islands in the Pacific Ocean. The original plan was drawn "
        "up by two engineers, and the architect Stephen Sauvestre later refined its look."
    )

    stems = [s.prompt for c in build_candidates(read(text)) for s in c.stems]

    assert not any("beagle" in prompt for prompt in stems)
    assert not any(prompt.startswith("Who refined") for prompt in stems)


def test_a_person_with_too_few_real_rivals_gets_at_most_one_made_up_one():
    text = (
        "Captain Edward Smith commanded the ship on its first voyage in 1912. Robert Ballard "
        "found the wreck in 1985. The ship sank on 15 April 1912."
    )

    choices = distractors_for(text, "Robert Ballard")

    assert choices == () or sum(name in text for name in choices) >= 2


def test_a_before_few_or_hundred_stays_with_the_amount():
    text = (
        "A supernova can outshine an entire galaxy for a few weeks. Chinese astronomers "
        "recorded one in 1054. Its light took a hundred years to fade from the records."
    )

    answers = {candidate.answer for candidate in build_candidates(read(text))}

    assert "a few weeks" in answers
    assert "few weeks" not in answers


def test_a_form_of_address_stays_with_the_name_and_out_of_the_title():
    # "Botanist Dr Rhys Calloway": he is a botanist; "Who was the Botanist Dr?" asks nothing.
    text = (
        "The orchids were found at Hollowmere on 14 June. Botanist Dr Rhys Calloway said the "
        "find was the largest group of orchids recorded in the county for forty years. "
        "Marine biologist Dr Terry Hughes studied the reef in 2016."
    )

    found = prompts(text)

    assert not any(" Dr?" in p or "Botanist Dr said" in p for p in found), found
    assert not any("the marine biologist Dr" in p for p in found), found
    assert any(p.startswith("In what year did the marine biologist study") for p in found), found
