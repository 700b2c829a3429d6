"""The pure text helpers behind site search: cleaning, highlighting, spelling suggestions."""

from hypothesis import given
from hypothesis import strategies as st

from search.text import MAX_QUERY_LENGTH, clean_query, highlight, query_words, suggest


def test_clean_query_collapses_space_and_drops_control_characters():
    assert clean_query("  cash\x00 \t flow\u200b ") == "cash flow"


def test_clean_query_drops_bidirectional_overrides():
    assert clean_query("\u202eevil\u2066 text\u2069") == "evil text"


def test_clean_query_caps_the_length():
    assert len(clean_query("a" * 10_000)) == MAX_QUERY_LENGTH


def test_query_words_are_lower_case_distinct_and_split_on_punctuation():
    assert query_words("Cream-skimming, CREAM skimming? i'r") == ["cream", "skimming", "i", "r"]


def test_query_words_of_sql_and_markup_are_only_words():
    assert query_words("'; DROP TABLE x; -- <script>") == ["drop", "table", "x", "script"]


def test_highlight_marks_every_match_and_escapes_the_rest():
    html = highlight("Gaming & <creaming> are risks of payment", ["gaming", "pay"])
    assert html == "<mark>Gaming</mark> &amp; &lt;creaming&gt; are risks of <mark>payment</mark>"


def test_highlight_matches_simple_word_endings():
    assert "<mark>evaluated</mark>" in highlight("It was evaluated twice.", ["evaluations"])


def test_highlight_starts_the_extract_near_the_first_match():
    text = "Filler words here. " * 40 + "The attribution problem is hard."
    extract = highlight(text, ["attribution"], length=120)
    assert extract.startswith("… ")
    assert "<mark>attribution</mark>" in extract
    assert len(extract) < 200


def test_highlight_does_not_mark_inside_words():
    assert "<mark>" not in highlight("repayment", ["pay"])


@given(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=5))
def test_highlight_never_lets_markup_through(text, words):
    html = highlight(text, query_words(" ".join(words)))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")


def test_suggest_offers_the_glossary_spelling():
    vocabulary = ["Attribution", "Cream-skimming", "Deadweight", "Criminal justice"]
    assert suggest(["atribution"], vocabulary) == ["Attribution"]
    assert suggest(["criminal", "justise"], vocabulary) == ["Criminal justice"]


def test_suggest_says_nothing_when_nothing_is_close():
    assert suggest(["zzzqx"], ["Attribution"]) == []
    assert suggest([], ["Attribution"]) == []
