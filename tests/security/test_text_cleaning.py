"""The one place that cleans public text (pbr_site.core.text), case by case."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pbr_site.core.text import ascii_int, clean_line, clean_text, has_visible_text, without_hidden_characters

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("1", 1),
        ("20", 20),
        (" 3 ", 3),
        ("007", 7),
        ("999999999", 999999999),
        ("²", None),
        ("①", None),
        ("٣", None),
        ("߀", None),
        ("1e3", None),
        ("-1", None),
        ("+1", None),
        ("99999999999999999999", None),
        ("1\x00", None),
        ("", None),
        ("０１", None),
        ("1.0", None),
        (None, None),
        (3, None),
        (["1"], None),
    ],
)
def test_ascii_int(raw, expected):
    assert ascii_int(raw) == expected
    assert ascii_int(raw, default=5) == (5 if expected is None else expected)


@pytest.mark.parametrize(
    "text",
    [
        "\u200b",
        "\ufeff",
        "\u202e",
        "\u00ad",
        "\u2060",
        " \u00a0\u3000",
        "\u0301",
        "\u3164",
        "\u2800",
        "\u180e",
        BIDI,
        "\x00\x07",
        "",
    ],
)
def test_text_that_shows_nothing_is_empty(text):
    assert not has_visible_text(without_hidden_characters(text))
    assert clean_text(text) == "" and clean_line(text) == ""


@pytest.mark.parametrize("text", ["a", "1", "?", "€", "🙂", "ضمان", "é", "e\u0301", "ŵ"])
def test_text_that_shows_something_is_kept(text):
    assert clean_text(text) == text


def test_cleaning_removes_bidi_and_control_characters_and_keeps_lines():
    assert clean_text(f" Line{BIDI} one\r\nLine\x00 two\u2029three\ufeff ") == "Line one\r\nLine two\nthree"
    assert clean_line(f"Ann{BIDI}\u200b  Jones\n\nBcc: x") == "Ann Jones Bcc: x"
    # Joiners some scripts and emoji need stay.
    assert clean_text("👩\u200d💻 \u0645\u200c\u06cc") == "👩\u200d💻 \u0645\u200c\u06cc"


@given(st.text())
def test_cleaned_text_never_holds_a_control_or_bidi_character(text):
    for cleaned in (clean_text(text), clean_line(text)):
        assert cleaned == without_hidden_characters(cleaned)
        assert not set(cleaned) & set(BIDI)
        assert cleaned == "" or has_visible_text(cleaned)
