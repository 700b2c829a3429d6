"""Cleaning free text from the public before it is stored."""

import re

# C0 and C1 control characters except tab, newline and carriage return: PostgreSQL refuses
# NUL in text, and none of the others belongs in anything a person types.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_control_characters(text):
    return _CONTROL.sub("", text)


_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def ascii_int(raw, default=None):
    """A whole number from a query parameter or form field written in ASCII digits only,
    else `default`. str.isdigit() also accepts '²' and '①', which int() refuses (a 500), and
    int() reads other scripts' digits ('٣'), which no link of ours ever sends."""
    if isinstance(raw, str) and _ASCII_DIGITS.fullmatch(raw.strip()):
        return int(raw.strip())
    return default
