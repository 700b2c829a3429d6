"""The BibTeX and RIS readers on the inputs a change of parser could break: @string macros,
nested braces, LaTeX, broken entries followed by good ones, positions in messages, RIS line
endings, and hostile files that must neither hang nor blow up.

BibTeX files are split into entries by bibtexparser; values, names and LaTeX are read by our
own rules (literature.formats explains why). RIS is read by our own reader.
"""

import datetime
import time

from literature.formats import Record, RowError, parse_bibtex, parse_ris, to_bibtex, to_ris


def records(results):
    return [item for item in results if isinstance(item, Record)]


def errors(results):
    return [str(item) for item in results if isinstance(item, RowError)]


# --- BibTeX: values -----------------------------------------------------------------------


def test_string_macros_join_with_hash_in_file_order_and_ignore_case():
    text = """
@string{pub = "Criminology"}
@STRING{Amp = { {\\&} }}
@article{a, title = "On " # PUB # amp # {Criminal Justice}, year = 2015, month = jun # "~1"}
@string{pub = {Probation}}
@article{b, title = pub # { Journal}, year = 2016, month = dec}
"""
    a, b = parse_bibtex(text)
    assert a.title == "On Criminology & Criminal Justice"  # the later @string does not reach back
    assert b.title == "Probation Journal"
    assert (a.key, b.key) == ("a", "b")


def test_month_macros_and_numbers_give_a_full_date_with_a_day():
    text = (
        "@misc{a, title = {A}, year = 2015, month = sep, day = 3}\n"
        "@misc{b, title = {B}, year = 2015, month = {11}, day = {30}}\n"
        "@misc{c, title = {C}, year = 2015, month = feb, day = 30}\n"
    )
    a, b, c = parse_bibtex(text)
    assert a.publication_date == datetime.date(2015, 9, 3)
    assert b.publication_date == datetime.date(2015, 11, 30)
    assert (c.year, c.publication_date) == (2015, None)  # an impossible date: the year stands


def test_nested_braces_quotes_inside_quoted_values_and_parenthesised_entries():
    text = """@article(a,
  title = "The {{PbR}} {"}{Payment {by {Results}}}{"} model",
  journal = {Evaluation {and} {Policy}},
  year = {2015})
@book{b, title = {Text with (parentheses) and = signs, and commas}, year = 2014}
"""
    a, b = parse_bibtex(text)
    assert a.title == 'The PbR "Payment by Results" model'
    assert a.journal == "Evaluation and Policy"
    assert b.title == "Text with (parentheses) and = signs, and commas"


def test_latex_accents_symbols_and_escapes():
    [record] = parse_bibtex(r"""@book{x,
      author = {{\'E}douard de la Tour and \v{S}imon {\O}stergaard and Gro{\ss}e, J{\"{u}}rgen},
      title = {Na\"{\i}ve r{\'e}sum{\'e}s --- \textit{\L}{\'o}d{\'z} \& Krak\'ow, 5\,\% at \pounds 3},
      year = 2019}""")
    assert record.authors == [("de la Tour, Édouard", False), ("Østergaard, Šimon", False), ("Große, Jürgen", False)]
    assert record.title == "Naïve résumés — Łódź & Kraków, 5 % at £3"


def test_text_that_looks_like_latex_quotes_survives_a_round_trip():
    # A LaTeX-to-text converter would make these curly quotes, ¡, a no-break space or drop the braces.
    record = Record(title="It''s ``quoted'' !` and ?` {x} ~ ^ \\ 50% $5", year=2015)
    [back] = parse_bibtex(to_bibtex([record]))
    assert back.title == record.title


def test_repeated_keys_are_both_read_and_a_repeated_field_keeps_the_first():
    text = "@article{same, title = {First}, year = 2015, year = 1066}\n@article{same, title = {Second}, year = 2016}\n"
    first, second = parse_bibtex(text)
    assert (first.title, first.year, first.key) == ("First", 2015, "same")
    assert (second.title, second.year, second.key) == ("Second", 2016, "same")


# --- BibTeX: broken entries never stop the rest --------------------------------------------


def test_an_unclosed_brace_is_reported_and_the_next_entries_are_read():
    text = (
        "@comment{not counted}\n"
        "@string{x = {not counted}}\n"
        "@article{one,\n"
        "  title = {Never closed,\n"
        "  year = 2015\n"
        "@article{two, title = {Two}, year = 2016}\n"
        '@article{three, title = "Open quote, year = 2017}\n'
        "@misc{four, title = {Four}, year = 2018}\n"
    )
    results = parse_bibtex(text)
    assert [r.title for r in records(results)] == ["Two", "Four"]
    assert errors(results) == [
        "Entry 1 (one, line 3): the entry could not be read: a { in the title field is never closed. "
        "Check that every { has a matching } and that fields are separated by commas",
        'Entry 3 (three, line 7): the entry could not be read: a " in the title field is never closed. '
        "Check that every { has a matching } and that fields are separated by commas",
    ]


def test_other_mistakes_each_get_a_message_and_their_own_entry_number():
    text = (
        "@article{nocomma title = {A}, year = 2015}\n"
        "@article{good1, title = {Good}, year = 2015}\n"
        "@article{novalue, title = , year = 2015}\n"
        "@article{twovalues, title = {A} {B}, year = 2015}\n"
        "@article{noequals, title {A}, year = 2015}\n"
        "@article{good2, title = {Also good}, year = 2016}\n"
        "@article{atend, title = {Last}, year = 2017"
    )
    results = parse_bibtex(text)
    assert [(r.title, r.key) for r in records(results)] == [("Good", "good1"), ("Also good", "good2")]
    expected = [
        "there is no comma after the citation key",
        "the title field has no value",
        "a comma is missing after the title field",
        "expected a field such as title = {...}",
        "the closing } is missing",
    ]
    found = [message.split(": the entry could not be read: ")[1] for message in errors(results)]
    assert len(found) == len(expected)
    assert all(message.startswith(start) for message, start in zip(found, expected, strict=True)), found
    assert [(item.row, item.line) for item in results if isinstance(item, RowError)] == [
        (1, 1),
        (3, 3),
        (4, 4),
        (5, 5),
        (7, 7),
    ]


def test_error_lines_count_every_line_break_even_after_a_backslash():
    text = (
        "@article{a,\n  title = {Ends in a backslash \\\n  and goes on}, year = 2015}\n\n"
        "@article{b, title = {B}, year = 1800}\n"
    )
    _a, b = parse_bibtex(text)
    assert str(b).startswith("Entry 2 (b, line 5): the year '1800' is not a number between 1900 and 2100")


def test_text_between_entries_and_at_signs_inside_values_are_not_entries():
    text = (
        "Exported by someone@example.org {on a Monday}\n"
        "@misc{a, title = {Mail me @ {home} or at user@host}, year = 2015}\n"
        "@ {not an entry}\n"
    )
    [record] = parse_bibtex(text)
    assert record.title == "Mail me @ home or at user@host"


# --- BibTeX: hostile files ----------------------------------------------------------------


def test_string_macros_that_double_forty_times_are_refused_quickly():
    text = "@string{s0 = {ab}}\n" + "".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 41))
    text += "@article{bomb, title = s40, year = 2015}\n@article{fine, title = s3, year = 2015}\n"
    start = time.perf_counter()
    bomb, fine = parse_bibtex(text)
    assert time.perf_counter() - start < 5
    assert str(bomb).startswith(
        "Entry 1 (bomb, line 42): the entry could not be read: "
        "the title field uses @string s40, which could not be read"
    )
    assert fine.title == "ab" * 8


def test_deep_nesting_and_floods_of_entry_starts_neither_raise_nor_hang():
    start = time.perf_counter()
    for text in (
        "@article{a, title = " + "{" * 20000 + "x" + "}" * 20000 + ", year = 2015}",
        "@article{a, title = {" + "{" * 50000,
        "@a{" * 20000,
        "@article{a, " + "x = " * 20000 + "}",
        '@article{a, title = "' + '"' * 50000,
        "@article{a, title = {" + "\\" * 50000 + "}, year = 2015}",
    ):
        results = parse_bibtex(text)
        assert all(isinstance(item, Record | RowError) and str(item) for item in results)
    assert time.perf_counter() - start < 30


# --- RIS ----------------------------------------------------------------------------------


def test_ris_with_a_byte_order_mark_crlf_and_old_mac_line_endings():
    crlf = "\ufeffTY  - JOUR\r\nTI  - First\r\nPY  - 2015\r\nAB  - One\r\ntwo\r\nER  - \r\n"
    mac = "TY  - JOUR\rTI  - Second\rPY  - 2016\rER  - \r"
    [first] = parse_ris(crlf)
    [second] = parse_ris(mac)
    assert (first.title, first.year, first.summary) == ("First", 2015, "One\ntwo")
    assert (second.title, second.year) == ("Second", 2016)


def test_ris_a_new_ty_ends_a_record_without_er_and_positions_count_from_ty():
    text = (
        "Exported from EndNote\n\n"
        "TY  - RPRT\nTI  - First\nPY  - 2015\n"
        "TY - JOUR\nTI - Second, with one space\nPY - 2016\nER -\n"
        "TY  - GEN\nTI  - Third\nPY  - 1800\n"
    )
    first, second, third = parse_ris(text)
    assert (first.title, second.title) == ("First", "Second, with one space")
    assert str(third) == "Record 3 (line 10): the year '1800' is not a number between 1900 and 2100"


def test_ris_round_trip_keeps_paragraphs_and_tag_like_lines():
    record = Record(title="T", year=2015, summary="One\nAU  - not an author\nER  - nor the end")
    [back] = parse_ris(to_ris([record]))
    assert (back.summary, back.authors) == (record.summary, [])


# --- hidden characters ---------------------------------------------------------------------


def test_imported_text_loses_nul_and_bidi_overrides_in_every_format():
    """A NUL makes PostgreSQL refuse the row; a right-to-left override disguises a title."""
    from literature.formats import parse_csv

    csv_rows = records(parse_csv('title,year,summary\n"A\x00b \u202eevil",2015,"One\x07\ntwo"\n'))
    bibtex = records(parse_bibtex("@misc{a, title = {A\x00b \u202eevil}, year = 2015}"))
    ris = records(parse_ris("TY  - RPRT\nTI  - A\x00b \u202eevil\nPY  - 2015\nER  - \n"))
    for record in (*csv_rows, *bibtex, *ris):
        assert record.title == "Ab evil", record
    assert csv_rows[0].summary == "One\ntwo"
