"""The pure helpers site search and the resource pack share: word endings and compounds."""

from search.text import compound_variants, stem, vocabulary_words


def test_stems_bring_word_families_together():
    assert stem("evaluations") == stem("evaluation") == "evalu"
    assert stem("commissioning") == stem("commissioner") == stem("commissioners") == "commission"
    assert stem("pay") == "pay" and stem("paper") == "paper"  # too short to cut


def test_compounds_are_joined_and_split_into_known_words():
    known = vocabulary_words(["Risk transfer and provider cash flow", "Working capital", "cash reserves"])
    assert "and" not in known and {"cash", "flow", "provider"} <= known
    assert compound_variants(["cashflow"], known) == [["cash", "flow"]]
    assert compound_variants(["provider", "cash", "flow"], known) == [
        ["providercash", "flow"], ["provider", "cashflow"]]
    # Never split into halves the vocabulary does not know ("pay" + "ment").
    assert compound_variants(["payment"], known | {"pay"}) == []
    assert compound_variants(["payment", "by", "results"], known) == []  # no join across a stopword
