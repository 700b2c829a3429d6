"""Unit tests for the text processing behind citation markers and glossary links."""

from literature.citations import find_keys, link_citations, normalise
from literature.glossary_links import link_terms


def test_markers_become_numbered_links_and_unknown_keys_stay_as_typed():
    html = "<p>Prices were too low [NAO 2015] and [ nao  2015 ]; see also [Nobody 1999].</p>"
    linked = link_citations(html, {normalise("NAO 2015"): 3})
    assert linked.count('href="#ref-3"') == 2
    assert 'id="cite-3-1"' in linked and 'id="cite-3-2"' in linked
    assert "[Nobody 1999]" in linked
    assert find_keys(html) == ["NAO 2015", " nao  2015 ", "Nobody 1999"]


def test_markers_never_break_out_of_html():
    linked = link_citations('<p>[<script>]</p><a href="[x]">y</a>', {"x": 1})
    assert "<script>" in linked  # untouched: the marker pattern excludes angle brackets
    assert 'href="[x]"' not in linked or "#ref-1" in linked


TERMS = [
    (["cream-skimming", "cherry picking", "creaming"], "/en/glossary/#cream-skimming", "Choosing easy cases."),
    (["Payment by results", "PbR"], "/en/glossary/#payment-by-results", "Paying for outcomes."),
]


def test_first_mention_of_each_term_is_linked_once():
    html = "<p>PbR invites cherry picking. More cherry picking and PbR.</p>"
    linked = link_terms(html, TERMS)
    assert linked.count("app-glossary-link") == 2
    assert (
        '<a class="govuk-link app-glossary-link" href="/en/glossary/#cream-skimming" title="Choosing easy cases.">cherry picking</a>'
        in linked
    )


def test_terms_are_not_linked_inside_links_or_headings():
    html = '<h2>Cherry picking</h2><p><a href="/x">cherry picking</a></p><p>creaming here</p>'
    linked = link_terms(html, TERMS)
    assert "<h2>Cherry picking</h2>" in linked
    assert '<a href="/x">cherry picking</a>' in linked
    assert 'href="/en/glossary/#cream-skimming" title="Choosing easy cases.">creaming</a>' in linked


def test_whole_words_only():
    assert "app-glossary-link" not in link_terms("<p>PbRs and UPbR</p>", TERMS)
