"""The pure helpers site search and the resource pack share: word endings, compounds and
the words worth looking for in either language."""

from search.phrases import _name
from search.text import compound_variants, significant_words, stem, vocabulary_words


def test_stems_bring_word_families_together():
    assert stem("evaluations") == stem("evaluation") == "evalu"
    assert stem("commissioning") == stem("commissioner") == stem("commissioners") == "commission"
    assert stem("pay") == "pay" and stem("paper") == "paper"  # too short to cut


def test_compounds_are_joined_and_split_into_known_words():
    known = vocabulary_words(["Risk transfer and provider cash flow", "Working capital", "cash reserves"])
    assert "and" not in known and {"cash", "flow", "provider"} <= known
    assert compound_variants(["cashflow"], known) == [["cash", "flow"]]
    assert compound_variants(["provider", "cash", "flow"], known) == [
        ["providercash", "flow"],
        ["provider", "cashflow"],
    ]
    # Never split into halves the vocabulary does not know ("pay" + "ment").
    assert compound_variants(["payment"], known | {"pay"}) == []
    assert compound_variants(["payment", "by", "results"], known) == []  # no join across a stopword


def test_english_words_are_looked_for_as_english_on_welsh_pages_too():
    """The publications are in English: on a Welsh page English stopwords go as well, so an
    English query never has more words to match there than on the English page."""
    assert significant_words(["the", "social", "impact", "bond"], "en") == ["social", "impact", "bond"]
    assert significant_words(["the", "social", "impact", "bond"], "cy") == ["social", "impact", "bond"]
    assert significant_words(["dewis", "y", "goreuon"], "cy") == ["dewis", "goreuon"]
    assert significant_words(["dewis", "y", "goreuon"], "en") == ["dewis", "y", "goreuon"]
    # Nothing but stopwords in both languages: kept as the English page keeps them.
    assert significant_words(["y", "the"], "cy") == significant_words(["y", "the"], "en") == ["y"]
    assert significant_words(["the", "of"], "cy") == ["the", "of"]


def test_a_note_in_brackets_is_not_part_of_a_glossary_name():
    assert _name("creaming (y termau Saesneg)") == "creaming"
    assert _name(" cherry picking ") == "cherry picking"
    assert _name("(nodyn)") == ""


def test_a_title_holding_every_word_searched_for_is_recognised():
    from search.text import title_holds

    title = "National Evaluation of the Troubled Families Programme: Final Synthesis Report"
    assert title_holds(title, [["troubled", "families", "evaluation"]])
    assert title_holds(title, [["zebra"], ["evaluations"]])  # any one phrase, word endings as the index matches
    assert not title_holds(title, [["troubled", "families", "pricing"]])
    assert not title_holds("", [["troubled"]]) and not title_holds(title, [[]])
