"""Students' names: look-alikes are one student, and hidden or mixed-alphabet names are refused."""

import pytest

from quizzes.names import NameRefused, student_name_clean, student_name_key

# "Ada" with a Cyrillic capital A.
ADA_CYRILLIC_A = "\u0410da"


@pytest.mark.parametrize(
    ("typed", "hidden"),
    [
        ("Ada\u200b", "zero width space"),
        ("\u202eAda", "right-to-left override"),
        ("A\u2066da", "left-to-right isolate"),
        ("Ada\u00ad", "soft hyphen"),
        ("Ada\u3164", "hangul"),
        ("Ada\x07", r"U\+0007"),
    ],
)
def test_a_name_with_an_invisible_or_direction_character_is_refused_naming_it(typed, hidden):
    with pytest.raises(NameRefused, match=hidden):
        student_name_clean(typed)


def test_a_word_mixing_cyrillic_and_latin_letters_is_refused():
    with pytest.raises(NameRefused, match="Cyrillic and Latin"):
        student_name_clean(ADA_CYRILLIC_A)


@pytest.mark.parametrize(
    "name", ["Ada Лавлейс", "山田はなこ", "김민준", "محمد", "Ζωή", "O'Brien-Smith", "Ada 2"]
)
def test_names_in_one_writing_system_per_word_are_kept_as_typed(name):
    assert student_name_clean(name) == name


def test_a_name_is_stored_in_nfkc_with_single_spaces():
    assert student_name_clean("  Ｊｏｓｅ\u0301\u3000 Ｌｏｐｅｚ ") == "José Lopez"


@pytest.mark.parametrize("other", ["åsa", "ÅSA", "A\u030asa", "\u212bsa", " Åsa "])
def test_names_that_differ_only_in_case_or_composition_share_a_key(other):
    assert student_name_key(student_name_clean(other)) == student_name_key("Åsa")


def test_different_names_keep_different_keys():
    assert student_name_key("Asa") != student_name_key("Åsa")
