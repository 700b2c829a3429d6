"""In-text citation markers.

Editors cite a reference by its key in square brackets, e.g. "[NAO 2015]", in any text
block of a digest. On the page each marker becomes a numbered link to the reference list
and the list links back. Keys are matched without regard to case or surrounding spaces.
Markers whose key matches no reference are left as typed (and reported to the editor).
"""

import re

from django.utils.html import escape

MARKER = re.compile(r"\[([^\[\]<>]{1,60})\]")


def normalise(key):
    return " ".join(key.split()).casefold()


def find_keys(html):
    return [match.group(1) for match in MARKER.finditer(html)]


def link_citations(html, numbers_by_key, label="Reference"):
    """Replace each [key] that names a reference with a superscript link to it.

    `numbers_by_key` maps normalised keys to reference numbers. Each marker gets its own
    id (cite-<number>-<occurrence>) so the reference list can link back to the first.
    """
    seen = {}

    def replace(match):
        number = numbers_by_key.get(normalise(match.group(1)))
        if number is None:
            return match.group(0)
        seen[number] = seen.get(number, 0) + 1
        return (
            f'<sup class="app-citation" id="cite-{number}-{seen[number]}">'
            f'<a class="govuk-link" href="#ref-{number}" aria-label="{escape(label)} {number}">[{number}]</a></sup>'
        )

    return MARKER.sub(replace, html)
