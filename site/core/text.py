"""Cleaning free text from the public before it is stored or searched for: the one place
that says which characters a visitor's text may keep, and when it counts as empty.

Pure Python (no Django), so search/text.py and the forms can share it, and every edge case
is tested cheaply (tests/security/test_text_cleaning.py)."""

import re
import unicodedata

# C0 and C1 control characters except tab, newline and carriage return: PostgreSQL refuses
# NUL in text, and none of the others belongs in anything a person types. With them:
# bidirectional embeddings, overrides and isolates and the marks that steer them (U+202A-E,
# U+2066-9, U+200E/F, U+061C), which can make a name or a comment read backwards in the admin
# and in staff e-mail; the byte order mark (U+FEFF) a pasted file brings; line and paragraph
# separators (U+2028/9) are made ordinary line breaks first (clean_text), as they break the line of
# an e-mail header or a CSV cell.
# Zero-width joiners and non-joiners and the soft hyphen stay: emoji and some scripts need them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Within one line, also the zero-width space and the word joiners: no name needs them, and
# they make two names that look the same differ.
_ZERO_WIDTH = re.compile("[\u200b\u2060-\u2064]")
# Letters and symbols that draw nothing: Hangul fillers and the blank Braille pattern.
_BLANK_GRAPHICS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def without_control_characters(text, replacement=""):
    """`text` without control, bidirectional-control or byte-order-mark characters (each
    replaced by `replacement`: a search query keeps the words on either side apart)."""
    return _CONTROL.sub(replacement, text)


def without_zero_width(text, replacement=""):
    """`text` without zero-width spaces and word joiners."""
    return _ZERO_WIDTH.sub(replacement, text)


def has_visible_text(text):
    """True when something in `text` would show on screen: a letter, digit, punctuation mark
    or symbol. Spaces, format characters (zero-width space, word joiner, soft hyphen...) and
    combining marks on their own show nothing."""
    return any(unicodedata.category(char)[0] in "LNPS" and char not in _BLANK_GRAPHICS for char in text)


_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def clean_text(text):
    """Free text a visitor typed (a message, a comment): Unicode line separators made line
    breaks, control characters removed, spaces at either end trimmed, and "" when nothing in
    it would show, so "required" says so."""
    text = without_control_characters(str(text).translate(_LINE_SEPARATORS)).strip()
    return text if has_visible_text(text) else ""


def clean_line(text):
    """One line a visitor typed (a name, a title): as clean_text(), with every run of spaces
    and line breaks made one space (a name can go into an e-mail subject)."""
    return " ".join(without_zero_width(clean_text(text)).split())


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
