"""Cleaning free text from the public before it is stored."""

import re

# C0 and C1 control characters except tab, newline and carriage return: PostgreSQL refuses
# NUL in text, and none of the others belongs in anything a person types.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_control_characters(text):
    return _CONTROL.sub("", text)
