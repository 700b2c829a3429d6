"""Cleaning free text from the public before it is stored or searched for: the one place
that says which characters a visitor's text may keep, and when it counts as empty.

Pure Python (no Django), so the forms, site search and the resource pack (search/text.py
clean_query) share it, and every edge case is tested cheaply (tests/core/test_text.py,
tests/security/test_text_cleaning.py)."""

import re
import unicodedata

# The characters no one means to keep in text they type (without_hidden_characters). C0 and
# C1 control characters except tab, newline and carriage return: PostgreSQL refuses NUL in
# text, and none of the others belongs in anything a person types. With them: bidirectional
# embeddings, overrides and isolates and the marks that steer them (U+202A-E, U+2066-9,
# U+200E/F, U+061C), which can make a name or a comment read backwards in the admin and in
# staff e-mail; the byte order mark (U+FEFF) a pasted file brings. (Line and paragraph
# separators, U+2028/9, become line breaks first: they break an e-mail header or a CSV cell.)
# Zero-width joiners and non-joiners and the soft hyphen stay: emoji and some scripts need them.
_HIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
# Within one line, also the zero-width space and the word joiners: no name needs them, they
# make two names that look the same differ, and in a query they stand between two words.
_HIDDEN_IN_ONE_LINE = _HIDDEN + "\u200b\u2060-\u2064"
_HIDDEN_FOUND = {False: re.compile(f"[{_HIDDEN}]"), True: re.compile(f"[{_HIDDEN_IN_ONE_LINE}]")}
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
# Letters and symbols that draw nothing: Hangul fillers and the blank Braille pattern.
_BLANK_GRAPHICS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Every kind of character that is not shown as itself (has_hidden_characters): controls, tabs
# and line breaks included; format characters (bidi controls, zero-width ones, joiners, the
# soft hyphen, the byte order mark); line and paragraph separators; private-use, unassigned
# and surrogate code points.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"}


def without_hidden_characters(text, *, one_line=False, words_apart=False):
    """`text` (anything: made a str) as its reader sees it, with nothing hidden in it that
    could make it read backwards, break an e-mail header or CSV cell, or be refused by the
    database: the one place that says which characters a visitor's text may keep.

    Unicode line separators become line breaks, then control, bidirectional-control and
    byte-order-mark characters go. `one_line`: zero-width spaces and word joiners go too, and
    every run of spaces and line breaks becomes one space (a name can go into an e-mail
    subject). `words_apart`: each character removed becomes a space instead, so the words on
    either side stay two words (a search query: "cash<NUL>flow" is "cash flow")."""
    text = str(text).translate(_LINE_SEPARATORS)
    text = _HIDDEN_FOUND[one_line].sub(" " if words_apart else "", text)
    return " ".join(text.split()) if one_line else text


def has_visible_text(text):
    """True when something in `text` would show on screen: a letter, digit, punctuation mark
    or symbol. Spaces, format characters (zero-width space, word joiner, soft hyphen...) and
    combining marks on their own show nothing."""
    return any(unicodedata.category(char)[0] in "LNPS" and char not in _BLANK_GRAPHICS for char in text)


def has_hidden_characters(text):
    """True when `text` holds any character that is not shown as itself, even one
    without_hidden_characters keeps (a tab, a line break, a zero-width joiner, a soft hyphen,
    a private-use or unassigned code point): text a person typed into a search box holds none."""
    return any(unicodedata.category(char) in _HIDDEN_CATEGORIES for char in text)


def clean_text(text):
    """Free text a visitor typed (a message, a comment): hidden characters removed
    (without_hidden_characters), spaces at either end trimmed, and "" when nothing in it would
    show, so "required" says so."""
    text = without_hidden_characters(text).strip()
    return text if has_visible_text(text) else ""


def clean_line(text):
    """One line a visitor typed (a name, a title): as clean_text(), on one line."""
    text = without_hidden_characters(text, one_line=True)
    return text if has_visible_text(text) else ""


def cleaned_form_data(data, multi_line=(), one_line=()):
    """A copy of a form's submitted data (a QueryDict) with those fields cleaned, before the
    form checks them: a stray NUL is dropped rather than reported as "Null characters are not
    allowed", text that shows nothing counts as empty (the field's own "required" message),
    and a refused form shows back what was kept."""
    if data is None or not hasattr(data, "getlist"):
        return data
    data = data.copy()
    for names, clean in ((multi_line, clean_text), (one_line, clean_line)):
        for name in names:
            if name in data:
                data.setlist(name, [clean(value) for value in data.getlist(name)])
    return data


_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def ascii_int(raw, default=None):
    """A whole number from a query parameter or form field written in ASCII digits only,
    else `default`. str.isdigit() also accepts '²' and '①', which int() refuses (a 500), and
    int() reads other scripts' digits ('٣'), which no link of ours ever sends."""
    if isinstance(raw, str) and _ASCII_DIGITS.fullmatch(raw.strip()):
        return int(raw.strip())
    return default
