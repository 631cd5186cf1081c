from quizzes.joincodes import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    is_valid_join_code,
    new_join_code,
    normalise_join_code,
)

LOOK_ALIKES = "0O1IL"


def test_alphabet_has_no_look_alike_characters():
    assert not set(LOOK_ALIKES) & set(JOIN_CODE_ALPHABET)


def test_new_codes_use_only_the_alphabet_and_the_set_length():
    codes = [new_join_code() for _ in range(200)]

    assert all(len(code) == JOIN_CODE_LENGTH for code in codes)
    assert all(set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)
    assert len(set(codes)) > 190


def test_typed_code_is_matched_without_case_spaces_or_dashes():
    assert normalise_join_code(" k7m-p3x ") == "K7MP3X"


def test_code_with_a_look_alike_character_is_not_valid():
    assert not is_valid_join_code("K7MP30")
    assert is_valid_join_code("K7MP3X")


def test_code_of_the_wrong_length_is_not_valid():
    assert not is_valid_join_code("K7MP3")
    assert not is_valid_join_code("K7MP3XK7M")
