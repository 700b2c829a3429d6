"""without_hidden_characters (pbr_site.core.text): the one place that says which characters a
visitor's text may keep, for forms, site search and the resource pack alike."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pbr_site.core.text import (
    clean_line,
    clean_text,
    has_hidden_characters,
    has_visible_text,
    without_hidden_characters,
)

C0 = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r")
C1 = "".join(chr(code) for code in range(0x7F, 0xA0))  # DEL, then NEL (U+0085) and the rest
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
BOM = "\ufeff"
OTHER_DIGITS = "٣ ² ① ０ ߀ ३"  # Arabic-Indic, superscript, circled, full-width, N'Ko, Devanagari


@pytest.mark.parametrize("hidden", [*C0, *C1, *BIDI, BOM], ids=lambda char: f"U+{ord(char):04X}")
def test_every_control_bidi_and_byte_order_character_goes(hidden):
    for one_line in (False, True):
        assert without_hidden_characters(f"Ann{hidden}Jones", one_line=one_line) == "AnnJones"
        assert without_hidden_characters(f"Ann{hidden}Jones", one_line=one_line, words_apart=True) == "Ann Jones"


def test_nul_goes_so_the_database_takes_the_text():
    assert without_hidden_characters("\x00a\x00b\x00") == "ab"


def test_tabs_and_line_breaks_stay_in_text_of_several_lines_and_go_from_one_line():
    text = "Line one\r\n\tLine two\nthree"
    assert without_hidden_characters(text) == text
    assert without_hidden_characters(text, one_line=True) == "Line one Line two three"


def test_unicode_line_and_paragraph_separators_become_line_breaks():
    assert without_hidden_characters("one\u2028two\u2029three") == "one\ntwo\nthree"
    assert without_hidden_characters("one\u2028two\u2029three", one_line=True) == "one two three"


def test_zero_width_spaces_and_word_joiners_go_from_one_line_only():
    assert without_hidden_characters("a\u200bb\u2060c") == "a\u200bb\u2060c"
    assert without_hidden_characters("a\u200bb\u2060c", one_line=True) == "abc"
    assert without_hidden_characters("cash\u200bflow", one_line=True, words_apart=True) == "cash flow"


@pytest.mark.parametrize(
    "text",
    [
        "👩\u200d💻",  # a zero-width joiner makes one emoji of two
        "\u0645\u200c\u06cc",  # a zero-width non-joiner, needed in Persian
        "co\u00adoperate",  # a soft hyphen
        "e\u0301",  # a combining accent: not normalised here (forms keep what was typed)
        "Gwerthusiad – café, ŵyl, ضمان, 🙂",
        OTHER_DIGITS,  # other scripts' digits are text like any other: only ascii_int refuses them
    ],
)
def test_what_people_type_is_kept(text):
    for one_line in (False, True):
        assert without_hidden_characters(text, one_line=one_line) == text
    assert clean_text(text) == text and clean_line(text) == text


def test_any_value_is_made_text():
    assert without_hidden_characters(2019) == "2019"


def test_has_hidden_characters_finds_even_those_the_cleaner_keeps():
    for text in ["a\tb", "a\nb", "a\u200db", "co\u00adoperate", "\ue000", "\U000e0001", "\u2028", BOM, "\x00"]:
        assert has_hidden_characters(text), repr(text)
    for text in ["cash flow", "i'r gwasanaeth", "ضمان", "e\u0301valuation", "🙂", OTHER_DIGITS, ""]:
        assert not has_hidden_characters(text), repr(text)


@given(st.text(), st.booleans(), st.booleans())
def test_cleaned_text_holds_nothing_hidden_and_cleaning_it_again_changes_nothing(text, one_line, words_apart):
    cleaned = without_hidden_characters(text, one_line=one_line, words_apart=words_apart)
    assert without_hidden_characters(cleaned, one_line=one_line) == cleaned
    assert not set(cleaned) & set(C0 + C1 + BIDI + BOM + "\u2028\u2029")
    if one_line:
        assert cleaned == " ".join(cleaned.split()) and not set(cleaned) & set("\u200b\u2060\u2061\u2062\u2063\u2064")
    # Nothing visible is lost.
    visible = [char for char in text if unicodedata.category(char)[0] in "LNPS"]
    assert [char for char in cleaned if unicodedata.category(char)[0] in "LNPS"] == visible
    assert has_visible_text(cleaned) == has_visible_text(text)
